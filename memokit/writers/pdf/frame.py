"""Nothing outside its frame: every drawn line is checked against the box it is drawn in.

A frame (a column, the title frame), a notes band, a table cell and the page's
text area are boxes of a known width. When a flowable is placed, its lines are
measured from what reportlab drew: a paragraph's wrapped lines (``blPara``,
with the first line's indent and bullet, the alignment and the squeezing of
word spaces reportlab applies to an overfull line), a table's column widths and
the paragraphs of its cells (each against its cell), a stack's items, and the
width of anything else (a figure's drawing). A line that lies more than
:data:`TOLERANCE` points outside its box is a layout bug, recorded with the page
and the start of its text; the writer raises :class:`FrameOverflowError` with
them once the document is laid out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Frame, Paragraph
from reportlab.platypus import Table as RLTable

TOLERANCE = 0.5  # points a glyph may pass its box (rounding of font metrics)

Report = Callable[..., None]  # (start of the text, points outside, inside="") -> record it


class FrameOverflowError(RuntimeError):
    """A line was drawn outside its column, notes band, table cell or page (a bug, not bad content)."""


def _text(line: Any, kind: int) -> str:
    if kind == 0:
        return " ".join(line[1])
    return "".join(getattr(w, "text", "") for w in getattr(line, "words", ()))


def _bullet_push(p: Paragraph) -> float:
    """How far the bullet pushes the first line right (reportlab's rule for hanging labels)."""
    text, st = getattr(p, "bulletText", None), p.style
    if not text:
        return 0.0
    if isinstance(text, str):
        w = stringWidth(text, st.bulletFontName, st.bulletFontSize)
    else:
        w = sum(stringWidth(f.text, f.fontName, f.fontSize) for f in text)
    end = st.bulletIndent + w + 0.6 * st.bulletFontSize
    return max(end - (st.leftIndent + st.firstLineIndent), 0.0)


def line_boxes(p: Paragraph) -> Iterator[tuple[str, float, float]]:
    """(text, left, right) of each wrapped line of ``p``, from its left edge, as reportlab draws it."""
    bl = getattr(p, "blPara", None)
    if bl is None:
        return
    st = p.style
    kind = getattr(bl, "kind", 0)
    width = float(getattr(p, "width", 0) or 0)
    push = _bullet_push(p)
    bullet = getattr(p, "bulletText", None)
    if isinstance(bullet, str) and bullet:
        w = stringWidth(bullet, st.bulletFontName, st.bulletFontSize)
        yield bullet, st.bulletIndent, st.bulletIndent + w
    for i, line in enumerate(bl.lines):
        first = st.firstLineIndent + push if i == 0 else 0.0
        off = st.leftIndent + first
        room = width - st.leftIndent - st.rightIndent - first
        if kind == 0:
            extra, n = float(line[0]), len(line[1])
        else:
            extra, n = float(getattr(line, "extraSpace", 0)), int(getattr(line, "wordCount", 1))
        if extra < -1e-8 and n > 1:  # reportlab squeezes the word spaces of an overfull line
            a, b = off, off + room
        elif st.alignment == TA_RIGHT:
            a, b = off + extra, off + room
        elif st.alignment == TA_CENTER:
            a, b = off + extra / 2, off + room - extra / 2
        else:
            a, b = off, off + room - extra
        yield _text(line, kind), a, b


def check(f: Flowable, left: float, room: float, report: Report) -> None:
    """Report every line of ``f`` (drawn ``left`` points into a box ``room`` wide) outside the box."""
    if isinstance(f, Paragraph):
        for text, a, b in line_boxes(f):
            out = max(-(left + a), left + b - room)
            if out > TOLERANCE:
                report(text, out)
        return
    if isinstance(f, RLTable):
        _table(f, left, room, report)
        return
    layout = getattr(f, "_layout", None)
    if isinstance(layout, list) and layout and isinstance(layout[0], tuple):  # a Stack
        for item, x, _, _ in layout:
            check(item, left + x, room, report)
        return
    w = float(getattr(f, "width", 0) or 0)
    out = max(-left, left + w - room)
    if out > TOLERANCE and not getattr(f, "_ZEROSIZE", False):
        report(getattr(f, "_mk_name", type(f).__name__), out)


def _table(t: RLTable, left: float, room: float, report: Report) -> None:
    widths = list(getattr(t, "_colWidths", None) or ())
    total = sum(float(w or 0) for w in widths)
    if left + total - room > TOLERANCE or left < -TOLERANCE:
        report(_first_text(t), max(-left, left + total - room))
    styles = getattr(t, "_cellStyles", None)
    for r, row in enumerate(getattr(t, "_cellvalues", ())):
        for c, value in enumerate(row):
            if c >= len(widths):
                break
            st = styles[r][c] if styles else None
            lp = float(getattr(st, "leftPadding", 0)) if st else 0.0
            rp = float(getattr(st, "rightPadding", 0)) if st else 0.0
            cell = float(widths[c] or 0) - lp - rp
            def in_cell(text: str, by: float, inside: str = "", r: int = r, c: int = c) -> None:
                report(text, by, f", table cell {r + 1}.{c + 1}{inside}")

            for item in value if isinstance(value, (list, tuple)) else (value,):
                if isinstance(item, Flowable):
                    check(item, 0.0, cell, in_cell)


def _first_text(t: RLTable) -> str:
    for row in getattr(t, "_cellvalues", ()):
        for value in row:
            for item in value if isinstance(value, (list, tuple)) else (value,):
                if isinstance(item, Paragraph):
                    return item.getPlainText()
                if isinstance(item, str) and item:
                    return item
    return "table"


class Problems(list[str]):
    """The violations found so far: 'page P, where: "text..." N pt outside'."""

    def reporter(self, page: int, where: str) -> Report:
        def report(text: str, by: float, inside: str = "") -> None:
            start = " ".join(text.split())[:40]
            self.append(f"page {page}, {where}{inside}: '{start}' lies {by:.1f} pt outside")
        return report


class CheckedFrame(Frame):
    """A frame that checks each flowable it places against its width."""

    problems: Problems | None = None
    where = "frame"
    page_of: Callable[[], int] = staticmethod(lambda: 0)  # type: ignore[assignment]

    def place(self, flowable: Flowable, canv: Any, trySplit: int = 0) -> int:
        placed = int(Frame._add(self, flowable, canv, trySplit))
        if placed and self.problems is not None and not getattr(flowable, "frameAction", None):
            aW = self._getAvailableWidth()
            w = float(getattr(flowable, "width", 0) or 0)
            x = self._leftExtraIndent + flowable._hAlignAdjust(0, aW - w)
            check(flowable, x, self._width - self._leftPadding - self._rightPadding,
                  self.problems.reporter(self.page_of(), self.where))
        return placed

    def add(self, flowable: Flowable, canv: Any, trySplit: int = 0) -> int:
        return self.place(flowable, canv, trySplit)
