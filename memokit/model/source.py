"""Where a node came from in the author's file."""

from __future__ import annotations

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
