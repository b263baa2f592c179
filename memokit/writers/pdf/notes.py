"""Footnotes at the foot of the column that cites them.

Each body column is a :class:`ColumnFrame` with its own notes band. Before a
flowable is placed, the frame raises its usable bottom by the height of the
notes the flowable cites (found through the ``onDraw`` markers that survive
paragraph splitting); if flowable and notes do not fit, the frame looks for the
largest first part of the paragraph that fits together with *its* notes. A note
too long for the room left is split: its first part (two lines at least) stays
under the citing column, the rest is carried to the top of the next column's
band with a continuation mark. Notes are never reordered: once a note carries,
no later note is placed in that column. Every reference and every note start is
recorded (page, column) for the self-check.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, Paragraph
from reportlab.platypus.doctemplate import ActionFlowable, FrameBreak

from memokit.present import continued_mark
from memokit.style.theme import Labels, Notes
from memokit.writers.pdf import fill
from memokit.writers.pdf.frame import TOLERANCE, CheckedFrame, Problems, check
from memokit.writers.pdf.inlines import NOTE_MARK, REF_MARK, note_destination, reference_destination
from memokit.writers.pdf.marks import Structure, artifact
from memokit.writers.pdf.para import BodyPara

Where = tuple[int, int]  # (page, column), both from 1
CARRY_ROOM = 8  # note lines a column keeps for text when a continued note ends in it past the band's share


def cited_notes(flowable: Flowable) -> list[int]:
    """Numbers of the notes a paragraph (or a split part of one) cites, in order."""
    ids = getattr(flowable, "_note_ids", None)
    if ids is not None:
        return list(ids)
    return [int(label) for label in _marks(flowable, NOTE_MARK)]


def _marks(flowable: Flowable, name: str) -> list[str]:
    """Labels of the ``name`` draw-time markers in a paragraph (or a split part of one), in order."""
    out: list[str] = []
    for f in getattr(flowable, "frags", None) or ():
        # unsplit paragraphs hold frags; split parts hold word lists [width, (frag, text), ...]
        items = [t[0] for t in f[1:] if isinstance(t, tuple)] if isinstance(f, list) else [f]
        for c in items:
            cb = getattr(c, "cbDefn", None)
            if cb is not None and getattr(cb, "kind", None) == "onDraw" and cb.name == name:
                out.append(str(cb.label))
    return out


@dataclass
class NoteBook:
    """The memo's notes, the parts carried between columns, and where things landed."""

    markup: dict[int, str]
    style: ParagraphStyle
    look: Notes
    labels: Labels  # the memo's labels (the continuation mark)
    rule_colour: str
    placed: set[int] = field(default_factory=set)
    carry: list[Paragraph] = field(default_factory=list)
    ref_at: dict[int, Where] = field(default_factory=dict)
    note_at: dict[int, Where] = field(default_factory=dict)
    overlaps: list[str] = field(default_factory=list)
    tags: dict[int, tuple[int, int]] = field(default_factory=dict)  # number -> elements of text, label
    structure: Structure | None = None  # the memo's logical structure (the tagged PDF)
    _flows: dict[int, Paragraph] = field(default_factory=dict)

    def flow(self, number: int) -> Paragraph:
        """The whole note as a paragraph, its number in the hanging indent."""
        p = self._flows.get(number)
        if p is None:
            # the destination of the note's reference, at the note's first line
            dest = f'<a name="{note_destination(number)}"/>'
            p = BodyPara(dest + self.markup[number], self.style, bulletText=str(number))
            p._mk_note = number  # type: ignore[attr-defined]
            p._mk_back = reference_destination(number)  # type: ignore[attr-defined]
            if number in self.tags and self.structure is not None:
                self.structure.draws(p, self.tags[number][0])
                p._mk_label = self.tags[number][1]  # type: ignore[attr-defined]
            self._flows[number] = p
        return p

    def record_ref(self, number: int, where: Where) -> None:
        self.ref_at.setdefault(number, where)

    def problems(self, so_far: bool = False) -> list[str]:
        """Self-check: each note must start in the column (so the page) that cites it;
        ``so_far``: of the notes laid out so far (the story goes on: a note neither cited nor
        drawn yet is still to come)."""
        out = list(self.overlaps)
        for n in sorted(self.markup):
            ref, note = self.ref_at.get(n), self.note_at.get(n)
            if so_far and ref is None and note is None:
                continue
            if ref is None or note is None:
                out.append(f"footnote {n}: reference {'not drawn' if ref is None else f'on page {ref[0]}'}, "
                           f"note {'not drawn' if note is None else f'on page {note[0]}'}")
            elif ref != note:
                out.append(f"footnote {n}: cited on page {ref[0]} column {ref[1]}, "
                           f"but its note starts on page {note[0]} column {note[1]}")
        if self.carry:
            out.append(f"{len(self.carry)} continued footnote part(s) never drawn")
        return out


def _height(part: Paragraph, width: float) -> float:
    cached = getattr(part, "_mk_h", None)
    if cached is not None and cached[0] == width:
        return float(cached[1])
    h = part.wrap(width, 1e6)[1]
    part._mk_h = (width, h)  # type: ignore[attr-defined]
    return float(h)


class ColumnFrame(CheckedFrame):
    """A body column whose bottom holds the notes cited in it."""

    def __init__(self, x: float, y: float, width: float, height: float, *, book: NoteBook,
                 column: int, on_page: Callable[[], int], problems: Problems | None = None,
                 fill: tuple[float, float] = (0.0, 0.0), on_ref: Callable[[str], None] | None = None,
                 on_start: Callable[[int], None] | None = None):
        super().__init__(x, y, width, height, leftPadding=0, rightPadding=0, topPadding=0,
                         bottomPadding=0, id=f"column{column}")
        self.book = book
        self.column = column
        self._page_of = on_page
        self.page_of = on_page
        self.problems = problems
        self.where = f"column {column}"
        self.band: list[Paragraph] = []  # note parts drawn in this column, in order
        self.pending: list[Paragraph] = []  # parts this column could not hold
        self.flushed = False
        self.floor = 0.0  # text may not go below this y (balancing a last page); notes stay at the foot
        self.placed: list[fill.Placed] = []  # drawn when the column ends (see fill.py)
        self.fill = fill  # the most a space between blocks, and a line distance, grows (see fill.py)
        self.ends_story = False  # the story ends in this column: its text is not stretched
        self.on_ref = on_ref  # told of each cross-reference as it is placed (drawing comes later)
        self.on_start = on_start  # told of each memo paragraph that starts here (its model node's id)

    # ------------------------------------------------------------ geometry
    @property
    def limit(self) -> float:
        return self._aH * self.book.look.max_share

    def notes_h(self, parts: list[Paragraph]) -> float:
        if not parts:
            return 0.0
        lk = self.book.look
        return (sum(_height(p, self._aW) for p in parts) + lk.space_between * (len(parts) - 1)
                + lk.space_below_rule + lk.rule_width + lk.space_above)

    def raise_bottom(self, by: float) -> None:
        """Give the lowest ``by`` points of the column to a page-wide float; notes sit above it."""
        d = self.__dict__
        d["_y1"] = self._y1 + by
        d["_height"] = self._height - by
        self._geom()
        self._set_bottom(self.band)

    def _set_bottom(self, parts: list[Paragraph]) -> None:
        self.__dict__["_y1p"] = max(self._y1 + self._bottomPadding + self.notes_h(parts), self.floor)

    def begin(self) -> None:
        """At the top of the column: take the parts continued from the previous one."""
        parts, self.book.carry = self.book.carry, []
        keep: list[Paragraph] = []
        # what is carried ends here if it leaves room for a few lines of text, even past the band's
        # share: a rest carried again would keep every new note, so most text, out of this column
        limit = self.limit if self.notes_h(parts) > self._aH - CARRY_ROOM * self.book.style.leading \
            else self._aH
        for i, part in enumerate(parts):
            if self.notes_h(keep + [part]) <= limit:
                keep.append(part)
                continue
            room = limit - self.notes_h(keep + [part]) + _height(part, self._aW)
            split = part.split(self._aW, room) if room > 0 else []
            if len(split) >= 2:
                keep.append(_mark_parts(split, part)[0])
                self.pending = split[1:] + parts[i + 1:]
            else:
                self.pending = parts[i:]
            break
        if not keep and self.pending:  # always make progress
            keep.append(self.pending.pop(0))
        self.band = keep
        self._set_bottom(self.band)

    # ------------------------------------------------------------ fitting notes
    def _fresh(self, flowable: Flowable) -> list[int]:
        return [n for n in cited_notes(flowable) if n not in self.book.placed]

    def _fit(self, numbers: list[int],
             limit: float | None = None) -> tuple[list[Paragraph], list[Paragraph], bool]:
        """Note parts to add to the band now, parts to carry, and whether that is acceptable.

        All notes fit: take them. Otherwise notes are taken in order, each whole if it
        fits in the room left after reserving two lines (or all, if shorter) for every
        later note, else split there; every note must start here with two lines at
        least, and the rests continue in the next column in the same order. Failing
        that, the caller must cite fewer notes here. ``limit`` overrides the band's
        usual maximum.
        """
        if not numbers:
            return [], [], True
        limit = self.limit if limit is None else limit
        flows = [self.book.flow(n) for n in numbers]
        if self.pending:
            return [], flows, False
        if self.notes_h(self.band + flows) <= limit:
            return flows, [], True
        keep: list[Paragraph] = []
        carry: list[Paragraph] = []
        for k, f in enumerate(flows):
            h = _height(f, self._aW)
            reserve = sum(self._least(g) + self.book.look.space_between for g in flows[k + 1:])
            room = limit - self.notes_h(self.band + keep + [f]) + h - reserve
            if h <= room:
                keep.append(f)
                continue
            split = f.split(self._aW, room) if room > 0 else []
            if len(split) < 2:
                return keep, carry + flows[k:], False
            parts = _mark_parts(split, f)
            keep.append(parts[0])
            carry.extend(parts[1:])
        return keep, carry, True

    def _least(self, note: Paragraph) -> float:
        """The smallest first part of ``note``: two lines, or all of it when it cannot split
        leaving two lines on each side."""
        h = _height(note, self._aW)
        lead = float(self.book.style.leading)
        return h if h < 4 * lead - 0.01 else 2 * lead

    def _forced(self) -> bool:
        """At the top of an empty column anything goes, or layout would never progress."""
        return bool(self._atTop) and not self.pending

    def _space_before(self, flowable: Flowable) -> float:
        if self._atTop:
            return 0.0
        s = flowable.getSpaceBefore()
        if self._oASpace:
            s = max(s - self._prevASpace, 0)
        return float(s)

    # ------------------------------------------------------------ platypus hooks
    def place(self, flowable: Flowable, canv: Canvas, trySplit: int = 0) -> int:
        """Place ``flowable`` as platypus does, but record where instead of drawing it now."""
        if getattr(flowable, "frameAction", None):
            return super().place(flowable, canv, trySplit)
        at: list[tuple[float, float, float]] = []

        def record(canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
            at.append((x, y, _sW))

        flowable.drawOn = record  # type: ignore[method-assign]
        try:
            placed = super().place(flowable, canv, trySplit)
        finally:
            del flowable.__dict__["drawOn"]
        if placed and at:
            self.placed.append(fill.Placed(flowable, *at[0]))
            if self.on_ref is not None:
                for label in _marks(flowable, REF_MARK):
                    self.on_ref(label)
            node = getattr(flowable, "_mk_node", None)
            if node is not None and self.on_start is not None:
                self.on_start(node)
        return placed

    def add(self, flowable: Flowable, canv: Canvas, trySplit: int = 0) -> int:
        numbers = self._fresh(flowable)
        if not numbers:
            return self.place(flowable, canv, trySplit)
        lax = getattr(flowable, "_mk_lax", None)
        keep, carry, ok = self._fit(numbers, self._cap(flowable, lax))
        if not ok and lax is not None and self._forced():  # top of a column: as before the cap
            keep, carry, ok = self._fit(numbers, lax)
        if not ok and (lax is None or not self._forced()):
            return 0  # let split() look for a part that cites fewer notes
        self._set_bottom(self.band + keep)
        placed = self.place(flowable, canv, trySplit)
        if placed:
            self.band.extend(keep)
            self.pending.extend(carry)
            self.book.placed.update(numbers)
        else:
            self._set_bottom(self.band)
        return int(placed)

    def _cap(self, flowable: Flowable, limit: float | None) -> float:
        """The band's height limit when ``flowable`` goes in whole: its notes get what the text leaves
        (down to the column's foot: a balancing floor limits the text, not the notes)."""
        avail = self._y - self._y1p - self._space_before(flowable)
        h = flowable.wrap(self._aW, avail)[1] if avail > 0 else avail + 1.0
        return min(self.limit if limit is None else limit, self._y1p + avail - h - self._base)

    @property
    def _base(self) -> float:
        """The column's foot: where the notes band starts."""
        return float(self._y1 + self._bottomPadding)

    def split(self, flowable: Flowable, canv: Canvas) -> list[Flowable]:
        if not self._fresh(flowable):
            return list(Frame.split(self, flowable, canv))
        h_all = self._y - self._y1p - self._space_before(flowable)
        found = self._find(flowable, h_all)
        if found is None and self.pending:
            return [FrameBreak(), flowable]  # move on without marking it as postponed
        return found or []

    def _find(self, flowable: Flowable, h_all: float) -> list[Flowable] | None:
        """The longest first part of ``flowable`` that fits with its notes, the band within its share
        if it can be, else growing past it (to fill the column, or at the top of a column whose band
        is full of a continued note) rather than leave the column short or send a note away."""
        found = self._search(flowable, h_all)  # with a pending carry: only the part before the notes
        if found is None and (not self.pending or self._forced()):
            found = self._search(flowable, h_all, limit=self._aH)
            if found:
                found[0]._mk_lax = self._aH
        return found

    def _search(self, flowable: Flowable, h_all: float, limit: float | None = None) -> list[Flowable] | None:
        """The longest split of ``flowable`` whose first part fits in ``h_all`` with its notes.

        The first part's height plus its notes only grows with the lines it takes,
        so after trying the whole room a bisection over line counts finds the best;
        a room too small for any first part (fewer lines than a split leaves) is below
        the best, not above it.
        """
        top = self._y1p + h_all  # where the flowable's first line starts

        def attempt(avail: float) -> tuple[list[Flowable] | None, bool]:
            if avail <= 0:
                return None, False
            parts = flowable.split(self._aW, avail)
            if not parts:
                return None, False
            first = parts[0]
            h0 = first.wrap(self._aW, avail)[1]
            cap = min(self.limit if limit is None else limit, top - h0 - self._base)  # what the text leaves
            keep, _, ok = self._fit(self._fresh(first), cap)
            notes_top = self._base + self.notes_h(self.band + keep)
            return list(parts), ok and h0 <= h_all + 1e-6 and notes_top <= top - h0 + 1e-6

        parts, good = attempt(h_all)
        if parts is None or good:
            return parts
        lead = float(getattr(getattr(flowable, "style", None), "leading", 12))
        lo, hi, best = 0, int(h_all // lead), None
        while hi - lo > 1:
            mid = (lo + hi) // 2
            parts, good = attempt(mid * lead + 1e-3)
            if parts is None:
                lo = mid
            elif good:
                lo, best = mid, parts
            else:
                hi = mid
        return best

    def can_start(self, flowable: Flowable, avail: float) -> bool:
        """Whether ``flowable`` (or a first part of it) fits in ``avail`` with its notes."""
        starter = getattr(flowable, "can_start_in", None)
        if starter is not None:
            return bool(starter(self, avail))
        if self._fresh(flowable):
            return self._find(flowable, avail) is not None
        h = flowable.wrap(self._aW, avail)[1]
        if h <= avail:
            return True
        parts = flowable.split(self._aW, avail)
        return bool(parts) and not isinstance(parts[0], ActionFlowable)

    # ------------------------------------------------------------ drawing the band
    def flush(self, canv: Canvas) -> None:
        """Draw this column's notes (once) and hand what did not fit to the next column."""
        if self.flushed:
            return
        self.flushed = True
        page = self._page_of()
        lk = self.book.look
        stretch = self.placed and not self.ends_story and not self.floor  # a balanced page stays as laid out
        slack = self._y + self._prevASpace - self._y1p if stretch else 0.0
        fill.draw(self.placed, canv, fill.spread(self.placed, slack, *self.fill))
        self.placed = []
        if self.band:
            base = self._y1 + self._bottomPadding
            top = base + self.notes_h(self.band)
            if self._y + self._prevASpace < top - 0.01:
                self.book.overlaps.append(f"page {page} column {self.column}: text runs into the notes")
            x = self._x1 + self._leftPadding
            y = top - lk.space_above - lk.rule_width / 2
            with artifact(canv):
                self._rule(canv, x, y, page)
            y -= lk.rule_width / 2 + lk.space_below_rule
            for part in self.band:
                y -= part.wrap(self._aW, 1e6)[1]  # again: a failed split drops the line breaks
                part.drawOn(canv, x, y)
                if self.problems is not None:
                    check(part, 0.0, self._aW, self.problems.reporter(page, f"column {self.column} notes"))
                n = getattr(part, "_mk_note", None)
                if n is not None:
                    self.book.note_at.setdefault(n, (page, self.column))
                y -= lk.space_between
        self.book.carry = self.book.carry + self.pending
        self.pending = []

    def _rule(self, canv: Canvas, x: float, y: float, page: int) -> None:
        """The short rule over the notes, and the continuation mark after it."""
        lk = self.book.look
        canv.saveState()
        canv.setStrokeColor(HexColor(self.book.rule_colour))
        canv.setLineWidth(lk.rule_width)
        canv.line(x, y, x + lk.rule_length, y)
        conts = [c for c in (getattr(p, "_mk_cont", None) for p in self.band) if c is not None]
        if conts:  # the continuation mark: which notes go on here
            st = self.book.style
            canv.setFont(st.fontName, st.fontSize)
            canv.setFillColor(HexColor(self.book.rule_colour))
            at = lk.rule_length + lk.space_below_rule
            mark = continued_mark(conts, self.book.labels)
            if at + stringWidth(mark, st.fontName, st.fontSize) - self._aW > TOLERANCE:
                mark = continued_mark(conts, self.book.labels, short=True)
            canv.drawString(x + at, y - st.fontSize * 0.3, mark)
            over = at + stringWidth(mark, st.fontName, st.fontSize) - self._aW
            if self.problems is not None and over > TOLERANCE:
                self.problems.reporter(page, f"column {self.column} notes")(mark, over)
        canv.restoreState()


def _mark_parts(parts: list[Paragraph], whole: Paragraph) -> list[Paragraph]:
    """Label the parts of a split note: the first keeps the note's identity."""
    note = getattr(whole, "_mk_note", None)
    cont = getattr(whole, "_mk_cont", None)
    parts[0]._mk_note = note  # type: ignore[attr-defined]
    parts[0]._mk_cont = cont  # type: ignore[attr-defined]
    for p in parts[1:]:
        p._mk_note = None  # type: ignore[attr-defined]
        p._mk_cont = note if note is not None else cont  # type: ignore[attr-defined]
    return parts
