"""One family of user-facing errors, and the one place their text is formatted.

Form: ``FILE:LINE:COL: error: FIELD.PATH: what is wrong; what would be right``.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]

EXIT_OK = 0
EXIT_CONTENT = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One located error or warning."""

    file: str
    line: int | None
    column: int | None
    field: str | None
    message: str
    severity: Severity = "error"

    @classmethod
    def at(cls, span: object, message: str, severity: Severity = "error",
           file: str = "memo") -> Diagnostic:
        """A diagnostic at a source span (``file``, ``line``, ``column``, ``field``), or at the
        top of ``file`` when there is none."""
        if span is None:
            return cls(file, None, None, None, message, severity)
        return cls(span.file, span.line, span.column, span.field, message,  # type: ignore[attr-defined]
                   severity)

    def format(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}:{self.column or 1}"
        head = f"{where}: {self.severity}: "
        return head + (f"{self.field}: " if self.field else "") + self.message

    def as_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "field": self.field,
            "severity": self.severity,
            "message": self.message,
        }

    def sort_key(self) -> tuple[str, int, int]:
        return (self.file, self.line or 0, self.column or 0)


class MemokitError(Exception):
    """Base of every error memokit raises on purpose."""


class ContentError(MemokitError):
    """The content or its data is wrong: one or more located diagnostics (exit 1)."""

    def __init__(self, diagnostics: Sequence[Diagnostic]):
        self.diagnostics = list(diagnostics)
        super().__init__("\n".join(d.format() for d in self.diagnostics))


class UsageError(MemokitError):
    """The command line is wrong, or a named file does not exist (exit 2)."""


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A ' (did you mean 'x'?)' suffix, or '' when nothing is close."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def one_of(choices: Iterable[str]) -> str:
    items = [f"'{c}'" for c in choices]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " or " + items[-1]
