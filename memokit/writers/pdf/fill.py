"""Full columns: a column that ends early still ends at its foot (vertical justification).

A body column records what it places instead of drawing it at once. When the
column ends, the room left under its last line is shared out among the spaces
between its blocks, weighted by :func:`weight` (most above a heading or around
a figure or table, less between list items, none under a heading, a table
caption or above a table's source line), each growing by at most its weight
times ``text.fill_space``; what is left then spreads the lines of the column's
paragraphs, each line distance growing by at most ``text.fill_leading`` (a
column that is one paragraph has no space between blocks). The blocks are drawn
where that puts them; what cannot be shared stays under the text. A column
where the story ends is left as it is (the last page is balanced instead).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

from memokit.writers.pdf.boxes import paint

HEADING = 2.0  # weight of the space above a heading
BLOCK = 1.5  # weight of the space above or below a figure or table
PARAGRAPH = 1.0  # weight of the space between paragraphs
ITEM = 0.5  # weight of the space between list items


@dataclass
class Placed:
    """A flowable placed in a column, drawn once the column ends."""

    flowable: Flowable
    x: float
    y: float
    spare_width: float


def _item(f: Flowable) -> bool:
    """Whether ``f`` is a list item's paragraph (its style derives from the list item style)."""
    style = getattr(f, "style", None)
    while style is not None:
        if str(getattr(style, "name", "")).startswith("ListItem"):
            return True
        style = getattr(style, "parent", None)
    return False


def weight(above: Flowable, below: Flowable) -> float:
    """How much the space between two placed flowables may grow, relative to the others."""
    if getattr(above, "_mk_keep", False) or getattr(below, "_mk_tied", False) \
            or getattr(below, "_mk_joined", False):  # the rest of a split paragraph: a line apart
        return 0.0
    if getattr(below, "_mk_level", None) is not None:
        return HEADING
    if not isinstance(above, Paragraph) or not isinstance(below, Paragraph):
        return BLOCK
    if _item(above) and _item(below):
        return ITEM
    return PARAGRAPH


def _line_gaps(f: Flowable) -> int:
    """How many line distances a placed flowable holds (a paragraph's lines less one)."""
    bl = getattr(f, "blPara", None) if isinstance(f, Paragraph) else None
    return max(len(getattr(bl, "lines", ())) - 1, 0)


def _joins(placed: list[Placed], i: int) -> int:
    """1 if ``placed[i]`` is the rest of the paragraph placed just above it (one more line distance)."""
    return int(i > 0 and getattr(placed[i].flowable, "_mk_joined", False))


@dataclass
class Spread:
    """Where the room left in a column goes: each placed flowable's move down, the extra line distance."""

    moves: list[float]
    lead: float


def spread(placed: list[Placed], slack: float, space_most: float, line_most: float) -> Spread:
    """Share ``slack`` points out: first among the spaces between blocks (each up to its
    weight times ``space_most``), then what is left evenly among the lines of the
    column's paragraphs (each line distance up to ``line_most`` more).

    Zero-size flowables (markers) take no space of their own: the gap they sit in
    is the gap between their visible neighbours.
    """
    visible = [i for i, p in enumerate(placed) if not getattr(p.flowable, "_ZEROSIZE", False)]
    gaps = [(visible[k], weight(placed[visible[k - 1]].flowable, placed[visible[k]].flowable))
            for k in range(1, len(visible))]
    total = sum(w for _, w in gaps)
    grow: dict[int, float] = {}
    if slack > 0 and total > 0:
        for i, w in gaps:
            grow[i] = min(slack * w / total, space_most * w)
    left = slack - sum(grow.values())
    lines = sum(_line_gaps(p.flowable) + _joins(placed, i) for i, p in enumerate(placed))
    lead = min(left / lines, line_most) if left > 0 and lines else 0.0
    moves, moved = [], 0.0
    for i, p in enumerate(placed):
        moved += grow.get(i, 0.0) + lead * _joins(placed, i)
        moves.append(moved)
        moved += lead * _line_gaps(p.flowable)
    return Spread(moves, lead)


def draw(placed: list[Placed], canv: Any, how: Spread) -> None:
    """Draw the recorded flowables where ``how`` moves them, paragraphs with their lines spread,
    over the panels of the boxes among them."""
    paint(placed, canv, how.moves, how.lead, _line_gaps)
    for p, dy in zip(placed, how.moves):
        f = p.flowable
        style = getattr(f, "style", None)
        if how.lead and _line_gaps(f) and style is not None:
            f.style = ParagraphStyle(f"{style.name}+", parent=style, leading=style.leading + how.lead)
        try:
            type(f).drawOn(f, canv, p.x, p.y - dy, _sW=p.spare_width)
        finally:
            if style is not None:
                f.style = style
