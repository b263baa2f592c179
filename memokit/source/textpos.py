"""Map a character of a parsed string back to where it was written in the file.

YAML changes text on the way in: block scalars lose their indentation, folded
(``>``) and plain scalars join lines, quoted scalars resolve escapes, and Jinja2
then replaces expressions with their values. Rather than model every rule, we
align the string with its source slice (difflib) and read the position off
the alignment: exact wherever the text survived unchanged, the start of the
change (e.g. the ``{{``) wherever it did not.
"""

from __future__ import annotations

import difflib
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

MAX_ALIGN = 20_000  # longer strings fall back to a line-based estimate


@dataclass(frozen=True, slots=True)
class TextOrigin:
    """Where a string scalar was written: its slice of the file and its style."""

    start: int  # index of the scalar's first character in the file text (quote or '|')
    end: int
    style: str | None  # None (plain), "'", '"', '|' or '>'

    def body(self, source: str) -> tuple[int, int]:
        """The slice that holds the text itself (no quotes, no block header)."""
        start, end = self.start, self.end
        if self.style in ("'", '"'):
            return start + 1, max(start + 1, end - 1)
        if self.style in ("|", ">"):
            nl = source.find("\n", start, end)
            return (nl + 1 if nl >= 0 else end), end
        return start, end


class LineIndex:
    """Line and column (from 1) of any character index of one text."""

    def __init__(self, text: str):
        self.starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]

    def position(self, index: int) -> tuple[int, int]:
        line = bisect_right(self.starts, index) - 1
        return line + 1, index - self.starts[line] + 1


@lru_cache(maxsize=64)
def _blocks(a: str, b: str) -> tuple[tuple[int, int, int], ...]:
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return tuple((m.a, m.b, m.size) for m in matcher.get_matching_blocks() if m.size)


def source_index(text: str, offset: int, body: str) -> int:
    """Index into ``body`` (the source slice) of character ``offset`` of ``text``."""
    offset = max(0, min(offset, len(text)))
    if text == body:
        return offset
    if len(text) > MAX_ALIGN or len(body) > MAX_ALIGN:
        return _by_lines(text, offset, body)
    best = 0
    for a, b, size in _blocks(text, body):
        if a <= offset < a + size:
            return b + offset - a
        if a + size <= offset:
            best = b + size  # the change starts right after this matching run
        else:
            break
    return min(best, len(body))


def _by_lines(text: str, offset: int, body: str) -> int:
    """Same line number, first non-blank character of that line: a fair estimate."""
    line = text.count("\n", 0, offset)
    starts = [0] + [i + 1 for i, ch in enumerate(body) if ch == "\n"]
    start = starts[min(line, len(starts) - 1)]
    while start < len(body) and body[start] == " ":
        start += 1
    return start
