"""Balanced columns on the last page.

A first layout shows how much text the last page holds in each column. The
layout is then run again with a floor under every column but the last on that
page, set to half the text (rounded up to whole lines), so the text splits
evenly; if it no longer fits on that page, or the last column came out taller
than the first, the floor goes one line lower and the layout runs again. The
notes stay at the foot of their columns: the floor limits the text only. The
first layout is kept when no balanced one works.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab.platypus.doctemplate import LayoutError

TRIES = 8  # layouts after the first, at most
SLACK = 2.0  # points the last column may pass the others (paragraph spacing, not a line)


@dataclass
class Layout:
    """One complete layout: the document template (for its records), the PDF bytes, problems."""

    doc: Any
    data: bytes
    problems: list[str]

    @property
    def pages(self) -> int:
        return int(self.doc.page)

    def heights(self, page: int) -> list[float]:
        """Text height of each column of ``page``, 0 for a column left empty."""
        cols = self.doc.theme.page.columns
        out = []
        for c in range(1, cols + 1):
            top, bottom = self.doc.used.get((page, c), (0.0, 0.0))
            out.append(max(top - bottom, 0.0))
        return out

    def top(self, page: int) -> float | None:
        first = self.doc.used.get((page, 1))
        return first[0] if first else None


def balanced(first: Layout, layout: Callable[[dict[int, float]], Layout], leading: float) -> Layout:
    """``first`` or a re-layout whose last page has its text spread evenly over the columns."""
    page = first.pages
    cols = first.doc.theme.page.columns
    top = first.top(page)
    heights = first.heights(page)
    if cols < 2 or first.problems or top is None or not heights[0]:
        return first
    if all(h > 0 for h in heights) and heights[0] - heights[-1] <= leading + 0.5:
        return first  # already even
    target = max(math.ceil(sum(heights) / cols / leading), 2) * leading
    for _ in range(TRIES):
        if target >= heights[0] - 0.5:
            break
        try:
            trial = layout({page: top - target - 0.5})
        except LayoutError:  # too little room above the floor for a block that must stay whole
            target += leading
            continue
        hs = trial.heights(page)
        if (trial.pages == page and not trial.problems and all(h > 0 for h in hs)
                and hs[-1] <= min(hs[:-1]) + SLACK):
            return trial
        if trial.pages == page and not trial.problems and hs[-1] == 0:
            break  # the floor changed nothing (a block that cannot split): keep the first layout
        # the last column came out taller: move half the difference (whole lines) to the first
        target += max(math.ceil((hs[-1] - min(hs[:-1])) / 2 / leading), 1) * leading
    return first
