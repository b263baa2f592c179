"""Keep-with-next: a heading (or a table caption) never ends a column alone."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable
from reportlab.platypus.doctemplate import FrameBreak


class KeepWithNext(Flowable):
    """``first`` goes to the next column unless ``rest`` can start right after it.

    "Can start" asks the column frame, so the notes the following paragraph
    cites are counted too. Never drawn itself: it always splits into its parts.
    """

    def __init__(self, first: Flowable, rest: Flowable):
        super().__init__()
        self.first = first
        self.rest = rest

    def getSpaceBefore(self) -> float:
        return float(self.first.getSpaceBefore())

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        return aW, 0xFFFFFF  # force a split

    def _first_height(self, aW: float, aH: float) -> float:
        h = self.first.wrap(aW, aH)[1]
        sa = self.first.getSpaceAfter()
        return float(h + sa + max(self.rest.getSpaceBefore() - sa, 0))

    def can_start_in(self, frame: Any, avail: float) -> bool:
        h = self._first_height(frame._aW, avail)
        return h <= avail and bool(frame.can_start(self.rest, avail - h))

    def split(self, aW: float, aH: float) -> list[Flowable]:
        parts = [self.first, self.rest]
        frame = getattr(self, "_frame", None)
        if frame is None or not hasattr(frame, "can_start") or self.can_start_in(frame, aH):
            return parts
        if frame._atTop and not getattr(frame, "pending", None):
            return parts  # the next column would be no better: avoid going round for ever
        return [FrameBreak(), *parts]

    def draw(self) -> None:  # pragma: no cover - always split before drawing
        raise RuntimeError("KeepWithNext is never drawn")
