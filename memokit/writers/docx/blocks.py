"""Model blocks -> styled Word paragraphs: headings, paragraphs, lists, quotes; figures and tables
are delegated to ``floats``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from docx.document import Document
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.text.paragraph import Paragraph

from memokit.errors import Diagnostic
from memokit.figures.asset import FigureAsset
from memokit.model.nodes import (
    Block,
    Box,
    BulletList,
    Figure,
    Memo,
    OrderedList,
    Quote,
    Section,
    Table,
)
from memokit.model.nodes import Paragraph as ParaNode
from memokit.present import (
    NBSP,
    REFERENCES_HEADING,
    EndMark,
    Role,
    Where,
    headings,
    reference_list,
    role_of,
    toc_entries,
)
from memokit.style.theme import Theme
from memokit.writers.docx import _oxml, boxes, floats
from memokit.writers.docx.inlines import REFERENCES_BOOKMARK, Inlines, section_bookmarks, toc_bookmark
from memokit.writers.docx.page import SectionFlow
from memokit.writers.docx.record import Identities
from memokit.writers.docx.styles import Styles
from memokit.writers.pdf import FloatPlace


class Body:
    """Writes the memo's blocks into the document body, in reading order."""

    def __init__(self, document: Document, memo: Memo, theme: Theme, styles: Styles, inlines: Inlines,
                 assets: Mapping[str, FigureAsset], end: EndMark | None,
                 places: Mapping[str, FloatPlace] | None = None):
        self.document, self.memo, self.theme, self.styles = document, memo, theme, styles
        self.inlines = inlines
        self.labels = theme.labels_for(memo.meta.language)
        self.assets = assets
        self.end = end
        self.flow = SectionFlow(theme)
        self.warnings: list[Diagnostic] = []
        self._bookmarks = 0
        self.headings = headings(memo, theme, self.labels)
        self.places = places or {}  # where the PDF sets each page-wide figure and table
        self._written: dict[int, Paragraph] = {}  # id of a model paragraph -> its Word paragraph
        self._waiting: list[tuple[int | None, BaseOxmlElement]] = []  # floats parked until their anchor
        self.in_box = False  # writing a box's text (its paragraphs anchor no floats)
        self.ids = inlines.ids if inlines.ids is not None else Identities()
        self.entry: str | None = None  # the YAML field of the text block being written
        self.caption_field: str | None = None  # the YAML field of the next caption

    # ------------------------------------------------------------ paragraphs
    def paragraph(self, role: str) -> Paragraph:
        """A new body paragraph in the style of ``role``."""
        para = self.document.add_paragraph()
        _oxml.set_paragraph_style(para, self.styles[role])
        return para

    def text_paragraph(self, role: str, text: str) -> Paragraph:
        para = self.paragraph(role)
        self.inlines.text(para, text)
        return para

    def mark(self) -> int:
        """Where the next block goes: the number of the body's children before it."""
        body = self.document.element.body
        n = len(body)
        return n - 1 if n and body[-1].tag == qn("w:sectPr") else n

    def float_from(self, start: int, key: str, name: str, height: float) -> None:
        """Move what was written since ``start`` into a page-wide floating box, anchored in the
        paragraph that begins the page the PDF sets it on (the next paragraph when the PDF has
        none): Word sets a floating box on its anchor's page, LibreOffice moves the anchor to the
        box's page, so the anchor must be a paragraph that starts there."""
        body = self.document.element.body
        blocks = list(body)[start:self.mark()]
        place = self.places.get(key)
        run = _oxml.floating_block(blocks, self.theme.page.text_width, height, self.document.part.next_id,
                                   name, bool(place and place.bottom))
        target = place.starts if place else None
        before = [el for el in list(body)[:start] if el.tag == qn("w:p")]
        home = self._written.get(target) if target is not None else None
        # parked in the document at once, so the ids of later pictures stay unique
        _oxml.insert_run_first(home or Paragraph(before[-1], self.document._body), run)
        if home is None:
            self._waiting.append((target, run))

    def _anchor_waiting(self, node: ParaNode, para: Paragraph) -> None:
        """Move the floats waiting for ``node`` (or for any next paragraph) into ``para``."""
        keep = []
        for target, run in self._waiting:
            if target is None or target == id(node):
                _oxml.insert_run_first(para, run)
            else:
                keep.append((target, run))
        self._waiting = keep

    def next_bookmark(self) -> int:
        self._bookmarks += 1
        return self._bookmarks

    def columns(self, n: int) -> None:
        """Continue in ``n`` columns, closing the current section with a continuous break."""
        if n == self.flow.columns:
            return
        # a paragraph of its own: LibreOffice fails on a document whose section breaks sit in
        # paragraphs of text with notes (and Word puts an inserted break in its own paragraph too)
        self.flow.switch(n, self.paragraph("section_break"))

    # ------------------------------------------------------------ the memo
    def write(self, sections: tuple[Section, ...], appendix: tuple[Section, ...] = (),
              toc_pages: Mapping[str, int] | None = None) -> None:
        """The body; ``toc_pages``: the page of each heading (by present.section_key) for a table
        of contents (None: no table)."""
        self.columns(self.theme.page.columns)
        if toc_pages is not None:
            self.contents(toc_pages)
        for sec in sections:
            self.section(sec)
        if self.end is not None and self.end.alone:
            self._end_mark(self.paragraph(Role.BODY), self.end)
        self.references()
        for app in appendix:
            self.section(app, new_page=self.theme.appendices.new_page)
        # the body's columns are the document's last section, with no break after them: a
        # continuous break there would balance the last page, but LibreOffice then sets the body
        # as a text section, whose notes it loses or misplaces (and on long memos fails)
        self.flow.finish(self.document)

    def contents(self, pages: Mapping[str, int]) -> None:
        """A TOC field whose result is the table as the PDF has it (pages included), so the
        document shows it before any field is updated."""
        self.text_paragraph("toc_heading", self.labels.contents)
        entries = toc_entries(self.memo, self.theme, self.labels)
        for i, e in enumerate(entries):
            para = self.paragraph(f"toc{e.level}")
            if i == 0:
                _oxml.begin_field(para._p, f'TOC \\o "1-{self.theme.toc.depth}" \\h \\z')
            name = toc_bookmark(e.number, e.key)
            link = _oxml.add_internal_link(para._p, name)
            _oxml.add_run(link, e.text, para)
            _oxml.add_tab(link)
            page = pages.get(e.key)
            _oxml.add_field(link, f"PAGEREF {name} \\h", str(page) if page else "")
            if i == len(entries) - 1:
                _oxml.end_field(para._p)

    def references(self) -> None:
        """The bibliography or reference list: a level-1 heading (unnumbered; bookmarked for the
        table of contents) and one paragraph per entry in the 'Bibliography' style."""
        refs = reference_list(self.memo, self.labels)
        if refs is None:
            return
        para = self.paragraph(REFERENCES_HEADING)
        mark = self.next_bookmark()
        _oxml.bookmark_start(para._p, mark, REFERENCES_BOOKMARK)
        self.inlines.text(para, refs.heading)
        _oxml.bookmark_end(para._p, mark)
        role = role_of(self.memo.references)  # type: ignore[arg-type]
        for entry in refs.entries:
            self.inlines.write(self.paragraph(role), entry)

    def section(self, sec: Section, new_page: bool = False) -> None:
        """A section's heading (bookmarked for the table of contents and for references), its
        blocks and its subsections."""
        h = self.headings[id(sec)]
        para = self.paragraph(role_of(sec))
        if sec.span is not None and sec.span.field:
            self.ids.mark(para._p, "heading", sec.span.field + ".heading", whole=True)
        if new_page:
            _oxml.page_break_before(para)
        whole, part = section_bookmarks(h.number)
        outer, inner = self.next_bookmark(), self.next_bookmark()
        _oxml.bookmark_start(para._p, outer, whole)
        _oxml.bookmark_start(para._p, inner, part)
        if h.label:  # a plain space: LibreOffice ends a REF field's text at a no-break space
            self.inlines.text(para, h.label.replace(NBSP, " "))
            _oxml.bookmark_end(para._p, inner)
            self.inlines.text(para, h.separator + h.title)
        else:
            self.inlines.text(para, h.title)
            _oxml.bookmark_end(para._p, inner)
        _oxml.bookmark_end(para._p, outer)
        for b in sec.blocks:
            self.block(b)
        for sub in sec.sections:
            self.section(sub)

    def block(self, b: Block, level: int = 0, quote: bool = False) -> None:
        span = getattr(b, "span", None)
        if level == 0 and not quote and span is not None and span.field:
            self.entry = span.field
            self.caption_field = span.field + ".caption"
        if isinstance(b, ParaNode):
            self.body_paragraph(b, role_of(b, Where(quote=quote, box=self.in_box)))
        elif isinstance(b, (BulletList, OrderedList)):
            self.list(b, level, quote)
        elif isinstance(b, Quote):
            for inner in b.blocks:
                self.block(inner, level, quote=True)
        elif isinstance(b, Figure):
            floats.figure(self, b)
        elif isinstance(b, Table):
            floats.table(self, b)
        elif isinstance(b, Box):
            boxes.box(self, b)
        else:
            raise TypeError(f"no DOCX rendering for block {type(b).__name__}")

    def body_paragraph(self, node: ParaNode, role: str) -> Paragraph:
        para = self.paragraph(role)
        if not self.in_box:  # a float's anchor is a paragraph of the text, never one in a box
            self._written[id(node)] = para
            self._anchor_waiting(node, para)
        if self.entry:
            self.ids.mark(para._p, "paragraph", self.entry)
        self.inlines.write(para, node.children)
        if self.end is not None and self.end.closes(node):
            self.inlines.text(para, self.end.gap)
            self._end_mark(para, self.end)
        return para

    def _end_mark(self, para: Paragraph, end: EndMark) -> None:
        self.inlines.text(para, end.mark, self.styles[Role.END_MARK])

    def list(self, lst: BulletList | OrderedList, level: int, quote: bool) -> None:
        """A list with real numbering; every ordered list restarts at its own start number."""
        ordered = isinstance(lst, OrderedList)
        kind: Literal["bullet", "number"] = "number" if ordered else "bullet"
        numbering = self.document.part.numbering_part.element
        lvl = min(level, 2)
        if ordered:
            num_id = _oxml.add_list_instance(numbering, 1, lst.start, lvl)
        else:
            num_id = self.styles.bullet_num
        for item in lst.items:
            first = True
            for b in item.blocks:
                if isinstance(b, ParaNode):
                    para = self.body_paragraph(b, role_of(b, Where(quote=quote, item=kind, first=first,
                                                                box=self.in_box)))
                    if first and (ordered or lvl):
                        _oxml.set_paragraph_numbering(para, num_id, lvl)
                elif isinstance(b, (BulletList, OrderedList)):
                    self.list(b, level + 1, quote)
                else:
                    self.block(b, level, quote)
                first = False
