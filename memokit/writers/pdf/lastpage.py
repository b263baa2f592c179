"""Laying out the last page of a part of the story again without laying out the whole memo again.

Balancing the columns of the last page tries a few floors under its text. Every
page before the last comes out the same whatever the floor, so the document
remembers its state at the start of each page (the flowables and split parts
still to place, the notes carried or pending, its records and the canvas's
page state) and lays out only the last page again from there: as a trial that
stops at the page's end, or for good, before the document is finished.

The story may end in parts, each before a new page (the main text before the
appendices, each appendix before the next): the last page of each part is
balanced the same way, while the story is laid out, before the part after it
begins. The part's end stops a trial, and ends laying the page out for good.
"""

from __future__ import annotations

import contextlib
import copy
from dataclasses import dataclass
from typing import Any

from memokit.writers.pdf.frame import Problems

_ABSENT = object()


class PageOverflow(Exception):
    """A trial layout of the last page needed another page."""


class _PageDone(Exception):
    """A trial layout reached the end of the last page with the story (or its part) placed."""


class _PartDone(Exception):
    """Laying out the last page of a part for good reached the part's end."""


@dataclass
class Trial:
    """What a layout of the last page gave: pages used, text height per column, self-check problems."""

    pages: int
    heights: list[float]
    top: float | None
    problems: list[str]


_COPIED = (list, dict, set, Problems)

# Containers that only grow while the story is laid out: items appended, keys added (by
# setdefault, or for a later page) and never set again. A mark keeps their length, and going
# back to it drops what came after, instead of copying each of them at every page start (they
# grow with the page count).
_DOC_GROWING = frozenset({"used", "starts"})
_STORY = frozenset({"_story"})  # kept by the mark on its own (and set again by _restore)
_BOOK_GROWING = frozenset({"markup", "ref_at", "note_at", "tags", "_flows"})
_CANVAS_GROWING = frozenset({"_mk_marks", "_mk_spans", "_mk_links", "_mk_roles", "_destinations"})


@dataclass(frozen=True)
class _Length:
    """A growing list or dict at a mark: the object and how long it was."""

    of: list[Any] | dict[Any, Any]
    n: int

    def back(self) -> list[Any] | dict[Any, Any]:
        """The object as it was at the mark: what was appended or added since taken off."""
        of, n = self.of, self.n
        if len(of) < n:
            raise AssertionError("a growing container of the page state lost items")
        if type(of) is list:
            del of[n:]
        else:
            while len(of) > n:
                of.popitem()  # dicts keep insertion order: the last added goes first
        return of


def _shallow(state: dict[str, Any], growing: frozenset[str] = frozenset(),
             shared: frozenset[str] = frozenset()) -> dict[str, Any]:
    """A copy of an object's attributes, its lists, dicts and sets (and the frame check's
    records) copied one level deep, the ``growing`` ones kept as their length, the ``shared``
    ones as they are."""
    out: dict[str, Any] = {}
    for k, v in state.items():
        t = type(v)
        if k in shared:
            out[k] = v
        elif k in growing and (t is list or t is dict):
            out[k] = _Length(v, len(v))
        elif t in _COPIED:
            out[k] = t(v)
        else:
            out[k] = v
    return out


def _back(mark: dict[str, Any]) -> dict[str, Any]:
    """The attributes as at a mark taken by :func:`_shallow` (copies: the mark serves again)."""
    out: dict[str, Any] = {}
    for k, v in mark.items():
        t = type(v)
        out[k] = v.back() if t is _Length else t(v) if t in _COPIED else v
    return out


@dataclass
class Mark:
    """The state at the start of a page."""

    story: list[Any]
    doc: dict[str, Any]
    book: dict[str, Any]
    canvas: dict[str, Any]
    outline: Any
    objects: int  # PDF objects registered so far (annotations, destinations of earlier pages)


class Replay:
    """Mixin for the document template: remember each page's start, lay out the last page again."""

    _story: list[Any]
    _changed: list[tuple[Any, Any]]  # (flowable, its '_postponed' before) since the last page start
    _mark: Mark | None = None
    _trial = False  # laying out the last page on trial: stop at its end, never show the page
    _again = False  # laying out the last page of a part again for good: stop at the part's end

    def build(self, flowables: list[Any], *args: Any, **kwargs: Any) -> None:
        self._story = flowables
        self._changed = []
        super().build(flowables, *args, **kwargs)  # type: ignore[misc]

    def handle_flowable(self, flowables: list[Any]) -> None:
        """Note the flowables whose '_postponed' mark (set by reportlab) changes, to undo it."""
        f = flowables[0]
        before = getattr(f, "__dict__", {}).get("_postponed", _ABSENT)
        super().handle_flowable(flowables)  # type: ignore[misc]
        after = getattr(f, "__dict__", {}).get("_postponed", _ABSENT)
        if after is not before:
            self._changed.append((f, before))

    def remember(self) -> None:
        """Keep the state at the start of the page about to begin."""
        if self._trial:
            return
        self._changed = []
        self._mark = None  # not kept by the new mark: each mark holds only its own page's state
        canv = self.canv  # type: ignore[attr-defined]
        book = self.book  # type: ignore[attr-defined]
        self._mark = Mark(list(self._story), _shallow(self.__dict__, _DOC_GROWING, _STORY),
                          _shallow(book.__dict__, _BOOK_GROWING), _shallow(canv.__dict__, _CANVAS_GROWING),
                          copy.deepcopy(canv._doc.outline), canv._doc.objectcounter)

    def _restore(self, floors: dict[int, float]) -> None:
        m = mark = self._mark
        assert m is not None
        canv = self.canv  # type: ignore[attr-defined]
        for f, before in reversed(self._changed):
            if before is _ABSENT:
                f.__dict__.pop("_postponed", None)
            else:
                f._postponed = before
        story = self._story  # the list build() goes through: the story goes on from it afterwards
        self.__dict__.clear()
        self.__dict__.update(_back(m.doc))
        self._mark = mark
        self.book.__dict__.clear()  # type: ignore[attr-defined]
        self.book.__dict__.update(_back(m.book))  # type: ignore[attr-defined]
        canv.__dict__.clear()
        canv.__dict__.update(_back(m.canvas))
        pdf = canv._doc
        pdf.outline = pdf.Outlines = pdf._catalog.Outlines = copy.deepcopy(m.outline)  # all three are saved
        for n in range(pdf.objectcounter, m.objects, -1):  # forget the objects of the page's last layout
            name = pdf.numberToId.pop(n)
            del pdf.idToObject[name], pdf.idToObjectNumberAndVersion[name]
        pdf.objectcounter = m.objects
        self.canv = canv
        self.floors = floors
        story[:] = m.story
        self._story = story
        self._changed = []

    def _lay_out(self) -> None:
        """Begin the remembered page and place the rest of the story (build's loop)."""
        self.handle_pageBegin()  # type: ignore[attr-defined]
        story = self._story
        while story:
            self.clean_hanging()  # type: ignore[attr-defined]
            self.handle_flowable(story)  # type: ignore[attr-defined]

    def trial(self, floors: dict[int, float]) -> Trial:
        """Lay out the last page again under ``floors`` and measure it (one page more if it overflows)."""
        self._restore(floors)
        self._trial = True
        try:
            try:
                self._lay_out()
            except _PageDone:  # the part ended on this page (see part_ends)
                pass
            else:
                self.clean_hanging()  # type: ignore[attr-defined]
                with contextlib.suppress(_PageDone):
                    self.handle_pageBreak()  # type: ignore[attr-defined]
        except PageOverflow:  # the story goes on: as a whole layout, one more page
            page = int(self.page)  # type: ignore[attr-defined]
            return Trial(page + 1, self.heights(page), self.top(page), [])
        finally:
            self._trial = False
        page = int(self.page)  # type: ignore[attr-defined]
        problems = self.book.problems(so_far=bool(self._story))  # type: ignore[attr-defined]
        return Trial(page, self.heights(page), self.top(page), problems)

    def commit(self, floors: dict[int, float], part: bool = False) -> None:
        """Lay out the last page again under ``floors`` for good: the document then finishes,
        or (``part``) the page stops where its part of the story ends, and the story goes on
        from there."""
        self._restore(floors)
        self._again = part
        try:
            self._lay_out()
        except _PartDone:
            pass
        finally:
            self._again = False

    def part_ends(self) -> bool:
        """Called where a part of the story ends before a new page, the notes and floats out:
        a trial ends its page here; laying the page out again for good stops here (the caller
        then goes on as the first layout did). True otherwise: the page is the part's last,
        to balance (see MemoDoc.handle_flowable)."""
        if self._trial:
            self.handle_pageBreak()  # type: ignore[attr-defined]
        if self._again:
            raise _PartDone
        return True

    def at_part_end(self) -> bool:
        """Whether all that is left of the part of the story is its end (the document knows)."""
        return False

    def page_ends(self) -> None:
        """Called at the end of a page, after its records: on trial, the page goes no further."""
        if self._trial:
            if self._story and not self.at_part_end():
                raise PageOverflow
            raise _PageDone

    def heights(self, page: int) -> list[float]:
        """Text height of each column of ``page``, 0 for a column left empty."""
        out = []
        for c in range(1, self.theme.page.columns + 1):  # type: ignore[attr-defined]
            top, bottom = self.used.get((page, c), (0.0, 0.0))  # type: ignore[attr-defined]
            out.append(max(top - bottom, 0.0))
        return out

    def top(self, page: int) -> float | None:
        first = self.used.get((page, 1))  # type: ignore[attr-defined]
        return first[0] if first else None

