"""Marked content: every piece of page content is tagged as it is drawn, or marked an artifact.

The story builder gives the memo's logical structure as a :class:`Structure` (elements in the
memo's order: a note right after the paragraph that cites it, whatever the page geometry) and
gives each flowable that draws content the element it belongs to (``_mk_tag``). When such a
flowable is drawn, what it draws is wrapped in ``/Role <</MCID n>> BDC ... EMC`` (``n`` counts
per page) and the mark is recorded on the canvas as (page, mcid, element); running header and
footer, rules, box panels, the logo, table backgrounds and lines, continuation marks and the
repeated header rows of a broken table are wrapped in ``/Artifact BMC ... EMC``. The records
live in the canvas's own attributes, so a page laid out again (the balanced last page) starts
from the records of the pages before it: only the final drawing pass counts. The structure
tree is built from the records once the document is complete (:mod:`.tagged`).
"""

from __future__ import annotations

import contextlib
import re
import sys
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus import paragraph as rl_paragraph

from memokit.present.bidi import FIRST_RTL
from memokit.writers.pdf.inlines import destination_text

ARTIFACT = -1  # the open "element" of an artifact


@dataclass
class Elem:
    """One structure element: its standard role, parent (None: the document) and attributes."""

    role: str
    parent: int | None
    attrs: dict[str, Any] = field(default_factory=dict)
    kids: list[int] = field(default_factory=list)


class Structure:
    """The memo's logical structure, element by element, in reading order."""

    def __init__(self) -> None:
        self.elems: list[Elem] = []
        self.top: list[int] = []
        self.notes: dict[int, tuple[int, int]] = {}  # note number -> its text's element, its label's

    def add(self, role: str, parent: int | None = None, after: int | None = None, **attrs: Any) -> int:
        """A new element, the last child of ``parent`` (or right after its sibling ``after``)."""
        i = len(self.elems)
        self.elems.append(Elem(role, parent, dict(attrs)))
        siblings = self.top if parent is None else self.elems[parent].kids
        if after is None:
            siblings.append(i)
        else:
            siblings.insert(siblings.index(after) + 1, i)
        return i

    def cite(self, numbers: list[int], elem: int) -> None:
        """The notes ``elem`` cites first: Note (Lbl, P) elements right after it, in order."""
        after = elem
        for n in numbers:
            if n in self.notes:
                continue
            note = self.add("Note", self.elems[elem].parent, after=after, ID=f"note-{n}")
            self.notes[n] = (self.add("P", note), self.add("Lbl", note, after=None))
            kids = self.elems[note].kids
            kids.reverse()  # the label first
            after = note

    def tag(self, flowable: Flowable, role: str, parent: int | None = None, **attrs: Any) -> int:
        """A new element whose content ``flowable`` draws."""
        i = self.add(role, parent, **attrs)
        self.draws(flowable, i)
        return i

    def draws(self, flowable: Flowable, elem: int) -> None:
        """``flowable`` draws content of ``elem``; a paragraph with right-to-left text (drawn in
        visual order) gives the element its text in reading order as /ActualText."""
        flowable._mk_tag = elem  # type: ignore[attr-defined]
        attrs = self.elems[elem].attrs
        if isinstance(flowable, Paragraph) and "ActualText" not in attrs:
            text = " ".join(flowable.getPlainText().split())
            if right_to_left(text):
                attrs["ActualText"] = text


# the blocks that hold every character of bidirectional class R or AL (Unicode 14: the Hebrew,
# Arabic, Syriac, Thaana, N'Ko... blocks, the right-to-left mark, their presentation forms, and
# the historic scripts of plane 1): only characters found here are looked up one by one
_RTL_BLOCKS = re.compile("[\u0590-\u08ff\u200f\ufb1d-\ufdff\ufe70-\ufeff"
                         "\U00010800-\U00010fff\U0001e800-\U0001efff]")


def right_to_left(text: str) -> bool:
    """Whether ``text`` holds right-to-left letters (drawn in visual order)."""
    if not text or max(text) < FIRST_RTL:  # most text: one pass in C
        return False
    return any(unicodedata.bidirectional(m.group()) in ("R", "AL") for m in _RTL_BLOCKS.finditer(text))


def tagging(canv: Any) -> bool:
    """Whether ``canv`` records marked content (a tagged PDF is being written)."""
    return canv.__dict__.get("_mk_marks") is not None


def start(canv: Any) -> None:
    """Make ``canv`` record marked content from now on."""
    canv._mk_marks = []  # (page, mcid, element)
    canv._mk_next = {}  # page -> next mcid
    canv._mk_open = []  # elements of the open marked-content sequences (ARTIFACT for artifacts)
    canv._mk_links = []  # (page, annotation's index on the page, element drawing it)
    canv._mk_boxes = {}  # element -> (page, x0, y0, x1, y1) of a figure's picture
    canv._mk_roles = {}  # element -> role (filled in by the writer)
    canv._mk_spans = []  # (element, attributes, kind) of each language or hyphen span, as drawn


def begin(canv: Any, elem: int) -> None:
    """Open the marked-content sequence of ``elem`` (a new MCID on this page)."""
    page = canv.getPageNumber()
    mcid = canv._mk_next.get(page, 0)
    canv._mk_next[page] = mcid + 1
    canv._mk_marks.append((page, mcid, elem))
    canv._mk_open.append(elem)
    canv._code.append(f"/{canv._mk_roles.get(elem, 'Span')} <</MCID {mcid}>> BDC")


def end(canv: Any) -> None:
    canv._mk_open.pop()
    canv._code.append("EMC")


@contextlib.contextmanager
def artifact(canv: Any) -> Iterator[None]:
    """What is drawn inside is an artifact (page furniture, decoration)."""
    if not tagging(canv) or (canv._mk_open and canv._mk_open[-1] == ARTIFACT):
        yield
        return
    canv._code.append("/Artifact BMC")
    canv._mk_open.append(ARTIFACT)
    try:
        yield
    finally:
        canv._mk_open.pop()
        canv._code.append("EMC")


def _draw_marked(f: Any, base: Any, canvas: Any, x: float, y: float, _sW: float) -> None:
    back = getattr(f, "_mk_back", None)  # a note: its number links back to where it is cited
    if back is not None:
        canvas._mk_bullet_link = back
    try:
        _draw_tagged(f, base, canvas, x, y, _sW)
    finally:
        canvas.__dict__.pop("_mk_bullet_link", None)


def _draw_tagged(f: Any, base: Any, canvas: Any, x: float, y: float, _sW: float) -> None:
    tag = getattr(f, "_mk_tag", None)
    if tag is None or not tagging(canvas) or canvas._mk_open:
        base(f, canvas, x, y, _sW)  # inside an open sequence (an artifact): drawn as part of it
        return
    label = getattr(f, "_mk_label", None) if getattr(f, "bulletText", None) else None
    if label is not None:  # the bullet is drawn first: its own Lbl, then the paragraph's own element
        begin(canvas, label)
        canvas._mk_after_bullet = tag
    else:
        begin(canvas, tag)
    try:
        base(f, canvas, x, y, _sW)
    finally:
        canvas.__dict__.pop("_mk_after_bullet", None)
        end(canvas)
    if getattr(f, "_mk_bbox", False):
        _remember_box(canvas, tag, x, y, float(f.width), float(f.height))


def _remember_box(canvas: Any, elem: int, x: float, y: float, w: float, h: float) -> None:
    a, b, c, d, e, f = canvas._currentMatrix
    xs = [a * px + c * py + e for px, py in ((x, y), (x + w, y + h))]
    ys = [b * px + d * py + f for px, py in ((x, y), (x + w, y + h))]
    canvas._mk_boxes[elem] = (canvas.getPageNumber(), min(xs), min(ys), max(xs), max(ys))


class Marked:
    """Mixin for a flowable: what it draws is the content of its element (``_mk_tag``)."""

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802
        _draw_marked(self, super().drawOn.__func__, canvas, x, y, _sW)  # type: ignore[misc]


class MarkedPara(Marked, Paragraph):
    """A plain reportlab paragraph that is tagged when drawn."""


class Tagged(Flowable):
    """A picture (or any flowable that does not split) drawn as the content of an element."""

    _mk_bbox = True

    def __init__(self, inner: Flowable, elem: int | None = None):
        super().__init__()
        self.inner = inner
        self.hAlign = getattr(inner, "hAlign", "LEFT")
        self._mk_name = getattr(inner, "_mk_name", type(inner).__name__)
        if elem is not None:
            self._mk_tag = elem

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        self.width, self.height = self.inner.wrap(aW, aH)
        return self.width, self.height

    def getSpaceBefore(self) -> float:  # noqa: N802
        return float(self.inner.getSpaceBefore())

    def getSpaceAfter(self) -> float:  # noqa: N802
        return float(self.inner.getSpaceAfter())

    def split(self, aW: float, aH: float) -> list[Flowable]:
        return []

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802
        if getattr(self, "_mk_tag", None) is None:
            with artifact(canvas):
                self.inner.drawOn(canvas, x, y, _sW)
            return
        _draw_marked(self, lambda f, c, x, y, s: f.inner.drawOn(c, x, y, s), canvas, x, y, _sW)

    def draw(self) -> None:  # pragma: no cover - drawOn draws the inner flowable
        self.inner.drawOn(self.canv, 0, 0)


def table_marks(table: Any, event: str, *args: Any) -> None:
    """A reportlab table's render callback: backgrounds and rules are artifacts, and so are the
    header rows repeated above the rest of a broken table (``_mk_cont``)."""
    canv = table.canv
    if not tagging(canv):
        return
    if event in ("startBG", "startLines"):
        canv._code.append("/Artifact BMC")
        canv._mk_open.append(ARTIFACT)
    elif event == "startCell" and getattr(table, "_mk_cont", False) and args[0] < table.repeatRows:
        canv._code.append("/Artifact BMC")
        canv._mk_open.append(ARTIFACT)
        table._mk_in_repeat = True
    elif event in ("endBG", "endLines") or (event == "endCell"
                                            and table.__dict__.pop("_mk_in_repeat", False)):
        canv._mk_open.pop()
        canv._code.append("EMC")


def lang_mark(canv: Any, kind: str, label: str | None) -> None:
    """A phrase in another language starts (``label``: its language) or ends, inside the text of
    a tagged element: the element's marked content pauses for a Span element of its own, with
    /Lang, in the text object being drawn (:func:`span_id` numbers these elements)."""
    lang = "".join(c for c in label or "" if c.isalnum() or c == "-")
    _span(canv, "lang", {"Lang": lang} if lang else None)


def hyphen_mark(canv: Any, kind: str, label: str | None) -> None:
    """A hyphen the line breaker added starts (``label`` "1") or the word goes on: the hyphen is a
    Span whose /ActualText is empty, so the tree reads the word unbroken."""
    _span(canv, "hyphen", {"ActualText": ""} if label else None)


def _span(canv: Any, kind: str, attrs: dict[str, str] | None) -> None:
    """Open a span of ``kind`` with ``attrs`` (None: close the open span of that kind)."""
    info = canv.__dict__.get("_curr_tx_info")
    if info is None or not tagging(canv) or not canv._mk_open or canv._mk_open[-1] == ARTIFACT:
        return
    code, top = info["tx"]._code, canv._mk_open[-1]
    if attrs is not None:
        canv._mk_spans.append((top, attrs, kind))
        # the language also in the content; the hyphen's empty /ActualText only in the tree, so that
        # text extraction (which reads the content) still finds the hyphen at the line's end
        props = "".join(f" /{k} ({v})" for k, v in attrs.items() if k == "Lang")
        _switch(canv, code, span_id(len(canv._mk_spans) - 1), f"/Span <<{props} /MCID {{}}>> BDC")
    elif top < ARTIFACT and canv._mk_spans[-2 - top][2] == kind:
        close_span(canv, code)


def span_id(index: int) -> int:
    """The element id of the ``index``-th language span drawn (negative: made while drawing)."""
    return -2 - index


def _switch(canv: Any, code: list[str], elem: int, bdc: str) -> None:
    """Close the open sequence and open one of ``elem`` (``bdc``: its operator, {} the MCID)."""
    code.append("EMC")
    canv._mk_open.pop()
    page = canv.getPageNumber()
    mcid = canv._mk_next.get(page, 0)
    canv._mk_next[page] = mcid + 1
    canv._mk_marks.append((page, mcid, elem))
    canv._mk_open.append(elem)
    code.append(bdc.format(mcid))


def owner(canv: Any, elem: int) -> int:
    """The element of the memo a span (made while drawing) lies in; ``elem`` if it is one."""
    while elem < ARTIFACT:
        elem = canv._mk_spans[-2 - elem][0]
    return elem


def close_span(canv: Any, code: list[str]) -> None:
    """End the open language span: the element it interrupted goes on."""
    parent = canv._mk_spans[-2 - canv._mk_open[-1]][0]
    _switch(canv, code, parent, f"/{canv._mk_roles.get(parent, 'Span')} <</MCID {{}}>> BDC")


class TaggingCanvas(Canvas):
    """A canvas that tells which element draws each link annotation, and closes the language
    spans a paragraph's part leaves open (the phrase goes on in the next column)."""

    def drawText(self, aTextObject: Any) -> None:  # noqa: N802, N803
        while tagging(self) and self._mk_open and self._mk_open[-1] < ARTIFACT:
            close_span(self, aTextObject._code)
        super().drawText(aTextObject)

    def beginText(self, x: float = 0, y: float = 0, direction: Any = None) -> Any:  # noqa: N802
        tx = super().beginText(x, y, direction)
        tx._linkRecord = _link_start  # reportlab's hook, told as each link starts in a line
        return tx

    def bookmarkHorizontal(self, key: str, relativeX: float, relativeY: float, **kw: Any) -> Any:  # noqa: N802, N803
        """reportlab's, at the place of an anchor in a justified line (see :func:`_line_x`)."""
        return super().bookmarkHorizontal(key, _line_x(relativeX), relativeY, **kw)

    def linkRect(self, contents: str, destinationname: str, *args: Any, **kw: Any) -> Any:  # noqa: N802
        """reportlab's, with a description of where a note link goes when none is given."""
        return super().linkRect(contents or destination_text(destinationname), destinationname, *args, **kw)

    def _addAnnotation(self, annotation: Any, name: Any = None, addtopage: int = 1) -> None:  # noqa: N802
        if addtopage and tagging(self):
            # a paragraph's links are made at the end of each line, maybe inside a phrase's span:
            # they belong to the paragraph
            opened = [owner(self, e) for e in self._mk_open if e != ARTIFACT]
            if opened:
                self._mk_links.append((self.getPageNumber(), len(self._annotationrefs), opened[-1]))
        super()._addAnnotation(annotation, name, addtopage)


def _line_x(x: float) -> float:
    """Where an anchor or a link that starts at ``x`` in a line reportlab is drawing really is.

    reportlab's ``_putFragLine`` draws a frag of a justified line at ``cur_x + nSpaces * ws``
    (the word spaces before it stretched or shrunk by ``ws``), but puts an anchor and the start
    of a link at ``cur_x``: off by those spaces' change, so a link's rectangle missed part of its
    text (or took in the word before it). The caller's frame has both."""
    frame = sys._getframe(2)
    if frame.f_code.co_name != "_putFragLine":
        return x
    loc = frame.f_locals
    if loc.get("cur_x") != x:
        return x
    return float(x + loc.get("nSpaces", 0) * (loc.get("ws") or 0))


def _link_start(index: int, event: str) -> None:
    """The text object's ``_linkRecord``: a link that starts in the line being drawn starts where
    its frag is drawn (``cur_x_s``), not at reportlab's ``cur_x`` (see :func:`_line_x`)."""
    if event != "start":
        return
    frame = sys._getframe(1)
    if frame.f_code.co_name != "_putFragLine":
        return
    loc = frame.f_locals
    links, start = loc.get("links"), loc.get("cur_x_s")
    if isinstance(links, dict) and index in links and start is not None:
        (key, _), lo, hi = links[index]
        links[index] = (key, start), lo, hi


_rl_draw_bullet = rl_paragraph._drawBullet


def _draw_bullet(canvas: Any, offset: float, cur_y: float, text: Any, style: Any, rtl: Any) -> Any:
    """reportlab's, then the paragraph's own element takes over from its label's. A note's number
    is a link back to its reference (the paragraph's ``_mk_back`` destination)."""
    out = _rl_draw_bullet(canvas, offset, cur_y, text, style, rtl)
    back = canvas.__dict__.pop("_mk_bullet_link", None)
    if back is not None and isinstance(text, str) and not rtl:
        size = float(style.bulletFontSize)
        x0 = float(style.bulletIndent)
        x1 = x0 + stringWidth(text, style.bulletFontName, size)
        canvas.linkRect("", back, (x0, cur_y - 0.2 * size, x1, cur_y + 0.8 * size), relative=1, thickness=0)
    after = canvas.__dict__.pop("_mk_after_bullet", None)
    if after is not None:
        end(canvas)
        begin(canvas, after)
    return out


rl_paragraph._drawBullet = _draw_bullet
