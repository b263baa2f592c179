"""Small flowables: a vertical stack (with a named destination), page-wide floats, end of story."""

from __future__ import annotations

from reportlab.platypus import Flowable


class Stack(Flowable):
    """Flowables drawn one under the other as one unbreakable block, each where its hAlign says."""

    def __init__(self, items: list[Flowable], anchor: str | None = None, space_before: float | None = None,
                 space_after: float | None = None):
        super().__init__()
        self.items = items
        self.anchor = anchor
        self._before = space_before
        self._after = space_after
        self._layout: list[tuple[Flowable, float, float, float]] = []  # item, x, y from top, height
        self.retries = 0  # columns more it may be moved on to when it does not fit (pictures)

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        y = 0.0
        prev_after = 0.0
        self._layout = []
        for i, f in enumerate(self.items):
            w, h = f.wrap(aW, aH)
            if i:
                y += max(f.getSpaceBefore(), prev_after)
            self._layout.append((f, _x(getattr(f, "hAlign", "LEFT"), aW - w), y, h))
            y += h
            prev_after = f.getSpaceAfter()
        self.width, self.height = aW, y
        return aW, y

    def getSpaceBefore(self) -> float:
        if self._before is not None:
            return self._before
        return float(self.items[0].getSpaceBefore()) if self.items else 0.0

    def getSpaceAfter(self) -> float:
        if self._after is not None:
            return self._after
        return float(self.items[-1].getSpaceAfter()) if self.items else 0.0

    def split(self, aW: float, aH: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        if self.anchor:
            self.canv.bookmarkHorizontal(self.anchor, 0, self.height)
        for f, x, y, h in self._layout:
            f.drawOn(self.canv, x, self.height - y - h)


def _x(align: str, room: float) -> float:
    """How far right an item with ``room`` to spare goes: none when left-aligned."""
    if room <= 0 or align not in ("CENTER", "CENTRE", "RIGHT"):
        return 0
    return room / 2 if align in ("CENTER", "CENTRE") else room


class PageFloat(Flowable):
    """A marker in the story: ``block`` spans the columns at the top of a coming page."""

    _ZEROSIZE = True

    def __init__(self, block: Stack, anchor: str, label: str):
        super().__init__()
        self.block = block
        self.anchor = anchor
        self.label = label  # "Figure 1", for messages

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:  # pragma: no cover - the document template takes it out of the flow
        pass


class EndOfStory(Flowable):
    """Last item of the story: the document keeps adding columns until notes and floats are out."""

    _ZEROSIZE = True

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:  # pragma: no cover
        pass
