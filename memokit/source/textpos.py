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
import re
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


# what YAML counts as a line end (so positions agree with its marks): CR LF, CR, LF,
# NEL, and the Unicode line and paragraph separators
LINE_END = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


class LineIndex:
    """Line and column (from 1) of any character index of one text."""

    def __init__(self, text: str):
        self.starts = [0] + [m.end() for m in LINE_END.finditer(text)]

    def position(self, index: int) -> tuple[int, int]:
        line = bisect_right(self.starts, index) - 1
        return line + 1, index - self.starts[line] + 1


class _Alignment:
    """Where each character of a string was written in its source slice, prepared once per
    string so that each look-up is a binary search (a text with 20,000 notes is read in
    linear time, not once per note)."""

    def __init__(self, text: str, body: str):
        self.text, self.body = text, body
        self.blocks: tuple[tuple[int, int, int], ...] | None = None
        if len(text) <= MAX_ALIGN and len(body) <= MAX_ALIGN:
            matcher = difflib.SequenceMatcher(None, text, body, autojunk=False)
            self.blocks = tuple((m.a, m.b, m.size) for m in matcher.get_matching_blocks() if m.size)
            self.block_starts = [a for a, _, _ in self.blocks]
        else:
            self.text_lines = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
            self.body_lines = [0] + [i + 1 for i, ch in enumerate(body) if ch == "\n"]

    def index(self, offset: int) -> int:
        if self.blocks is not None:
            k = bisect_right(self.block_starts, offset) - 1
            if k < 0:
                return 0
            a, b, size = self.blocks[k]
            if offset < a + size:
                return b + offset - a
            return min(b + size, len(self.body))  # the change starts right after this run
        return self._by_lines(offset)

    def _by_lines(self, offset: int) -> int:
        """Same line; the same column within the line's text where the line was kept as
        written (a block scalar), else its first non-blank character: a fair estimate."""
        line = bisect_right(self.text_lines, offset) - 1
        starts = self.body_lines
        start = starts[min(line, len(starts) - 1)]
        end = self.body.find("\n", start)
        end = len(self.body) if end < 0 else end
        text_start = self.text_lines[line]
        text_end = self.text.find("\n", text_start)
        written = self.text[text_start:len(self.text) if text_end < 0 else text_end]
        if line < len(starts) and written and self.body[start:end].endswith(written):
            return end - len(written) + offset - text_start
        while start < len(self.body) and self.body[start] == " ":
            start += 1
        return start


@lru_cache(maxsize=64)
def _alignment(text: str, body: str) -> _Alignment:
    return _Alignment(text, body)


class Aligned:
    """Character offsets of one (maybe rendered) string mapped to indices of its source slice."""

    __slots__ = ("alignment", "text")

    def __init__(self, text: str, body: str):
        self.text = text
        self.alignment = None if text == body else _Alignment(text, body)

    def index(self, offset: int) -> int:
        offset = max(0, min(offset, len(self.text)))
        return offset if self.alignment is None else self.alignment.index(offset)


def source_index(text: str, offset: int, body: str) -> int:
    """Index into ``body`` (the source slice) of character ``offset`` of ``text``."""
    offset = max(0, min(offset, len(text)))
    if text == body:
        return offset
    return _alignment(text, body).index(offset)
