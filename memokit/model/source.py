"""Where a node came from in the author's file."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SourceSpan:
    """A position in a source file; line and column count from 1."""

    file: str
    line: int
    column: int
    field: str | None = None  # the field path in messages, e.g. ``sections[0].body[1].figure.id``

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


class LazySpan(SourceSpan):
    """A SourceSpan whose line and column are worked out when first read.

    Finding where a character of a rendered text was written means aligning the text with its
    source; most positions (of every citation and cross-reference) are never shown, so the
    work is done only for the few a message needs. Equal to, and pickled as, the SourceSpan
    of the same place."""

    __slots__ = ("_locate", "_where")

    def __init__(self, file: str, line: int | None = None, column: int | None = None,
                 field: str | None = None, *, locate: Callable[[], tuple[int, int]] | None = None):
        object.__setattr__(self, "file", file)
        object.__setattr__(self, "field", field)
        object.__setattr__(self, "_locate", locate)
        known = line is not None and column is not None
        object.__setattr__(self, "_where", (line, column) if known else None)
        if not known and locate is None:
            raise TypeError("a LazySpan needs its line and column or a way to find them")

    def _position(self) -> tuple[int, int]:
        if self._where is None:
            object.__setattr__(self, "_where", self._locate())
            object.__setattr__(self, "_locate", None)  # the source it read is no longer held
        return self._where  # type: ignore[return-value]

    @property  # type: ignore[override]
    def line(self) -> int:
        return self._position()[0]

    @property  # type: ignore[override]
    def column(self) -> int:
        return self._position()[1]

    def _key(self) -> tuple[str, int, int, str | None]:
        return self.file, self.line, self.column, self.field

    def __eq__(self, other: object) -> bool:
        if isinstance(other, SourceSpan):
            return self._key() == (other.file, other.line, other.column, other.field)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return "SourceSpan(file={!r}, line={!r}, column={!r}, field={!r})".format(*self._key())

    def __reduce__(self) -> tuple[type, tuple[str, int, int, str | None]]:
        return SourceSpan, (self.file, self.line, self.column, self.field)
