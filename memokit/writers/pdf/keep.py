"""Keep-with-next: a heading (or a table caption) never ends a column alone.

When the heading and the start of what follows miss the room left by a little,
the space above the heading gives up to :data:`SHRINK` of itself (as TeX's
shrinkable skip above a section) rather than leave the column short.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable
from reportlab.platypus.doctemplate import FrameBreak

SHRINK = 1 / 3  # the share of a heading's space above it may give up to stay with its text


class KeepWithNext(Flowable):
    """``first`` goes to the next column unless ``rest`` can start right after it.

    "Can start" asks the column frame, so the notes the following paragraph
    cites are counted too. Never drawn itself: it always splits into its parts.
    """

    def __init__(self, first: Flowable, rest: Flowable):
        super().__init__()
        self.first = first
        self.rest = rest
        self.before = float(first.getSpaceBefore())

    def getSpaceBefore(self) -> float:
        return self.before

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
        self.first.__dict__.pop("getSpaceBefore", None)  # a shrink chosen by an earlier layout
        frame = getattr(self, "_frame", None)
        if frame is None or not hasattr(frame, "can_start") or self.can_start_in(frame, aH):
            return parts
        gain = self._shrink(frame)
        if gain > 0 and self.can_start_in(frame, aH + gain):
            less = self.before - gain
            self.first.getSpaceBefore = lambda: less  # type: ignore[method-assign]
            return parts
        if frame._atTop and not getattr(frame, "pending", None):
            return parts  # the next column would be no better: avoid going round for ever
        return [FrameBreak(), *parts]

    def _shrink(self, frame: Any) -> float:
        """How much nearer the text above the heading may come (the space applied shrinks)."""
        if frame._atTop:
            return 0.0
        prev = float(getattr(frame, "_prevASpace", 0.0)) if getattr(frame, "_oASpace", 0) else 0.0
        return max(self.before - prev, 0.0) - max(self.before * (1 - SHRINK) - prev, 0.0)

    def draw(self) -> None:  # pragma: no cover - always split before drawing
        raise RuntimeError("KeepWithNext is never drawn")
