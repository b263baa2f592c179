"""Balanced columns on the last page (of the memo, and of each part of it that a new page ends:
the main text before the appendices, each appendix).

The first layout shows how much text the last page holds in each column. The
last page is then laid out again (only that page: see :mod:`lastpage`) with a
floor under every column but the last, set to half the text (rounded up to
whole lines), so the text splits evenly; if it no longer fits on that page, or
the last column came out taller than the first, the floor goes lower and the
page is laid out again; if the last column came out much shorter (a paragraph
that cites a long note moved whole), the floor goes back up between the two,
and the most even layout found is kept (a last column taller by less than a
line counts twice its excess). The notes stay at the foot of their columns:
the floor limits the text only. The first layout is kept when no balanced one
works.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from reportlab.platypus.doctemplate import LayoutError

from memokit.writers.pdf.lastpage import Trial

TRIES = 8  # layouts of the last page after the first, at most
SLACK = 2.0  # points the last column may pass the others (paragraph spacing, not a line)


def _try(trial: Callable[[dict[int, float]], Trial], page: int, floor: float) -> Trial | None:
    """The last page under ``floor``, or None if a block that must stay whole found too little room."""
    try:
        return trial({page: floor})
    except LayoutError:
        return None


def floors(first: Trial, trial: Callable[[dict[int, float]], Trial], leading: float,
           cols: int) -> dict[int, float]:
    """The floors that balance the last page of ``first`` ({} to keep it as it is)."""
    page, top, heights = first.pages, first.top, first.heights
    if cols < 2 or first.problems or top is None or not heights[0]:
        return {}
    if all(h > 0 for h in heights) and heights[0] - heights[-1] <= leading + 0.5:
        return {}  # already even
    most = math.floor((heights[0] - 0.5) / leading)  # a floor at or under the text changes nothing
    n = max(math.ceil(sum(heights) / cols / leading), 2)  # the first column's text, in lines
    below = 1  # lines known to leave the first column too short (the last one too tall)
    best: tuple[float, int] | None = None  # (how uneven, lines), the best layout so far
    for _ in range(TRIES):
        if n > most or n <= below:
            break
        tried = _try(trial, page, top - n * leading - 0.5)
        if tried is None or tried.pages != page or tried.problems:
            below, n = n, n + 1  # a block that must stay whole, or the page overflowed: more room
            continue
        hs = tried.heights
        if hs[-1] == 0:
            break  # the floor changed nothing (a block that cannot split): keep the first layout
        if hs[-1] <= min(hs[:-1]) + SLACK:
            short = min(hs[:-1]) - hs[-1]
            if best is None or short < best[0]:
                best = (short, n)
            if short <= leading + 0.5 or n - 1 <= below:
                break
            n = max((below + n) // 2, n - max(math.floor(short / 2 / leading), 1), below + 1)
            continue
        # the last column came out taller: move half the difference (whole lines) to the first;
        # taller by less than a line (spaces between paragraphs), it may still be the most even
        taller = hs[-1] - min(hs[:-1])
        if taller < leading - 0.5 and (best is None or 2 * taller < best[0]):
            best = (2 * taller, n)
        below = n
        up = n + max(math.ceil((hs[-1] - min(hs[:-1])) / 2 / leading), 1)
        n = up if best is None else min(up, (n + best[1] + 1) // 2)
    return {} if best is None else {page: top - best[1] * leading - 0.5}
