"""Boxes: a shaded panel with its kind's rule behind a title and paragraphs.

A column box is laid out as the paragraphs it holds, each marked with the box's
:class:`Paint`, between two :class:`BoxEdge` flowables that hold its padding: it
splits across columns and pages as text does, its notes go to the foot of the
column that cites them, and when a column ends its panel is painted behind the
box's part in it (:func:`paint`), so the background goes on in the next column.
A page-wide box is one :class:`Panel`, set as a page-wide float.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.platypus import Flowable

from memokit.style.theme import BoxLook, Theme
from memokit.writers.pdf.marks import artifact


@dataclass(frozen=True, eq=False)
class Paint:
    """How one box's panel is painted (one object per box: its parts share it)."""

    background: str
    rule_colour: str
    rule_width: float
    frame: bool  # a rule all round; else a bar down the left side

    @classmethod
    def of(cls, look: BoxLook, theme: Theme) -> Paint:
        return cls(look.background, theme.colour(look.rule_colour), look.rule_width, look.rule == "frame")

    def insets(self, padding: float) -> tuple[float, float]:
        """The room left and right of the box's text: the rule and the padding."""
        return self.rule_width + padding, padding + (self.rule_width if self.frame else 0.0)

    def panel(self, canv: Any, x: float, y: float, w: float, h: float, top: bool, bottom: bool) -> None:
        """Paint the panel (or a part of it: ``top``/``bottom`` say whether it has those edges)."""
        with artifact(canv):
            self._panel(canv, x, y, w, h, top, bottom)

    def _panel(self, canv: Any, x: float, y: float, w: float, h: float, top: bool, bottom: bool) -> None:
        canv.saveState()
        canv.setFillColor(HexColor(self.background))
        canv.rect(x, y, w, h, stroke=0, fill=1)
        canv.setFillColor(HexColor(self.rule_colour))
        r = self.rule_width
        if r > 0:
            canv.rect(x, y, r, h, stroke=0, fill=1)
            if self.frame:
                canv.rect(x + w - r, y, r, h, stroke=0, fill=1)
                if top:
                    canv.rect(x, y + h - r, w, r, stroke=0, fill=1)
                if bottom:
                    canv.rect(x, y, w, r, stroke=0, fill=1)
        canv.restoreState()


class BoxEdge(Flowable):
    """The padding above (``top``) or below a column box's text: part of its panel."""

    def __init__(self, paint: Paint, height: float, top: bool, space: float, anchor: str | None = None):
        super().__init__()
        self._mk_box = paint
        self._mk_edge = "top" if top else "bottom"
        self.h, self.top, self.space, self.anchor = height, top, space, anchor
        if top:
            self._mk_keep = True  # never the last thing in a column
        else:
            self._mk_tied = True  # the space above it does not grow to fill a column

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        # the bottom padding shrinks to the room left: a box that just fits ends its column
        self.width, self.height = aW, self.h if self.top else max(min(self.h, aH), 0.0)
        return self.width, self.height

    def getSpaceBefore(self) -> float:
        return self.space if self.top else 0.0

    def getSpaceAfter(self) -> float:
        return 0.0 if self.top else self.space

    def split(self, aW: float, aH: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        if self.anchor:
            self.canv.bookmarkHorizontal(self.anchor, 0, self.height)


def paint(placed: list[Any], canv: Any, moves: list[float], lead: float, gaps: Any) -> None:
    """Paint the panel behind each run of a box's flowables among those placed in a column.

    ``moves`` and ``lead`` are where the column's fill puts each flowable and how much each
    line distance grows; ``gaps(f)`` is the line distances a flowable holds."""
    i = 0
    while i < len(placed):
        box = getattr(placed[i].flowable, "_mk_box", None)
        if box is None:
            i += 1
            continue
        j = i
        while j + 1 < len(placed) and getattr(placed[j + 1].flowable, "_mk_box", None) is box:
            j += 1
        first, last = placed[i], placed[j]
        if i == j and getattr(first.flowable, "_mk_edge", "") == "bottom":
            i += 1  # only the padding under a box's text went on to this column: no panel here
            continue
        top = first.y - moves[i] + float(first.flowable.height)
        bottom = last.y - moves[j] - lead * gaps(last.flowable)
        x = min(p.x for p in placed[i:j + 1])
        w = max(float(getattr(p.flowable, "width", 0) or 0) for p in placed[i:j + 1])
        box.panel(canv, x, bottom, w, top - bottom, getattr(first.flowable, "_mk_edge", "") == "top",
                  getattr(last.flowable, "_mk_edge", "") == "bottom")
        i = j + 1


class Panel(Flowable):
    """A page-wide box: its title and text drawn on its panel, one unbreakable block."""

    def __init__(self, paint: Paint, items: Flowable, padding: float):
        super().__init__()
        self.paint, self.items, self.padding = paint, items, padding
        self._layout: list[tuple[Flowable, float, float, float]] = []

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        left, right = self.paint.insets(self.padding)
        edge = self.padding + (self.paint.rule_width if self.paint.frame else 0.0)
        h = self.items.wrap(aW - left - right, aH)[1]
        self.width, self.height = aW, h + 2 * edge
        self._layout = [(self.items, left, edge, h)]  # checked as a stack's items are (frame.py)
        return self.width, self.height

    def split(self, aW: float, aH: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        self.paint.panel(self.canv, 0, 0, self.width, self.height, True, True)
        for f, x, y, h in self._layout:
            f.drawOn(self.canv, x, self.height - y - h)
