"""Balanced columns on the last page.

The first layout shows how much text the last page holds in each column. The
last page is then laid out again (only that page: see :mod:`lastpage`) with a
floor under every column but the last, set to half the text (rounded up to
whole lines), so the text splits evenly; if it no longer fits on that page, or
the last column came out taller than the first, the floor goes one line lower
and the page is laid out again. The notes stay at the foot of their columns:
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
    target = max(math.ceil(sum(heights) / cols / leading), 2) * leading
    for _ in range(TRIES):
        if target >= heights[0] - 0.5:
            break
        tried = _try(trial, page, top - target - 0.5)
        if tried is None:  # too little room above the floor for a block that must stay whole
            target += leading
            continue
        hs = tried.heights
        if (tried.pages == page and not tried.problems and all(h > 0 for h in hs)
                and hs[-1] <= min(hs[:-1]) + SLACK):
            return {page: top - target - 0.5}
        if tried.pages == page and not tried.problems and hs[-1] == 0:
            break  # the floor changed nothing (a block that cannot split): keep the first layout
        # the last column came out taller: move half the difference (whole lines) to the first
        target += max(math.ceil((hs[-1] - min(hs[:-1])) / 2 / leading), 1) * leading
    return {}
