"""The document template: per-page frames, page-wide floats, notes bands, reproducible output."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reportlab.pdfbase.pdfdoc import DummyDoc, PDFText
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate
from reportlab.platypus.doctemplate import FrameBreak

from memokit.style.theme import Theme
from memokit.writers.pdf.contents import NewPage
from memokit.writers.pdf.floats import EndOfStory, PageFloat, Stack
from memokit.writers.pdf.frame import CheckedFrame, Problems, check
from memokit.writers.pdf.inlines import LANG_MARK, NOTE_MARK, REF_MARK
from memokit.writers.pdf.lastpage import Replay
from memokit.writers.pdf.linebreak import HYPHEN_MARK
from memokit.writers.pdf.marks import Structure, TaggingCanvas, hyphen_mark, lang_mark, start
from memokit.writers.pdf.notes import ColumnFrame, NoteBook
from memokit.writers.pdf.page import Furniture


class MemoDoc(Replay, BaseDocTemplate):
    """Title frame over the columns on page 1, page-wide floats over the columns later."""

    def __init__(self, dest: Path | Any, *, theme: Theme, book: NoteBook, furniture: Furniture,
                 title: Stack, date: dt.date, info: dict[str, str], lang: str,
                 finish: Callable[[MemoDoc, bool], None] | None = None, structure: Structure | None = None):
        p = theme.page
        body_font = furniture.fonts.body.regular  # not Helvetica: every font must be embedded
        super().__init__(dest, pagesize=(p.width, p.height), leftMargin=p.margin_left,
                         rightMargin=p.margin_right, topMargin=p.margin_top,
                         bottomMargin=p.margin_bottom, invariant=1, lang=lang, creator="memokit",
                         initialFontName=body_font, initialFontSize=theme.sizes.body,
                         initialLeading=theme.sizes.leading, **info)
        self.theme = theme
        self.book = book
        self.furniture = furniture
        self.title_block = title
        self.memo_date = date
        self.title_height = title.wrap(p.text_width, p.height)[1] + 1.0
        self.waiting: list[PageFloat] = []  # page-wide floats not yet placed
        self.on_this_page: list[tuple[PageFloat, float]] = []
        self.at_bottom = False  # whether this page has a page-wide float at its foot
        self.float_page: dict[str, int] = {}  # anchor -> page it was drawn on
        self.ref_page: dict[str, int] = {}  # anchor -> page of its first reference
        self.starts: dict[int, list[int]] = {}  # page -> ids of the memo paragraphs starting on it
        self.bottom_floats: set[str] = set()  # page-wide floats set at the foot of their page
        self.floors: dict[int, float] = {}  # page -> lowest text y of every column but the last
        self.heading_pages: dict[str, int] = {}  # heading destination -> its page, once laid out
        # called once the story, or a part of it before a new page (True), is placed, before its
        # last page is shown: it may lay that page out again (lastpage.Replay)
        self.finish = finish
        self.structure = structure  # the memo's logical structure: the content is tagged as drawn
        self.used: dict[tuple[int, int], tuple[float, float]] = {}  # (page, column) -> text top, bottom
        self.frame_problems = Problems()  # lines drawn outside their frame (see frame.py)
        self.addPageTemplates([PageTemplate(id="page", frames=[self._frame_stub()],
                                            onPage=self._on_page)])

    def _frame_stub(self) -> Frame:
        p = self.theme.page
        stub = CheckedFrame(p.margin_left, p.margin_bottom, p.text_width, 10, id="stub")
        return self._checked(stub, "page")

    def _checked(self, frame: CheckedFrame, where: str) -> CheckedFrame:
        frame.problems, frame.where, frame.page_of = self.frame_problems, where, self._page_no
        return frame

    def _check_float(self, block: Stack) -> None:
        """A page-wide float against the page's text width."""
        check(block, 0.0, self.theme.page.text_width, self.frame_problems.reporter(int(self.page), "page"))

    # ------------------------------------------------------------ the story
    def story(self, body: list[Flowable]) -> list[Flowable]:
        return [self.title_block, FrameBreak(), *body, EndOfStory()]

    # ------------------------------------------------------------ pages and frames
    def _columns(self, top: float) -> list[Frame]:
        p = self.theme.page
        h = top - p.margin_bottom
        grow = (self.theme.text.fill_space, self.theme.text.fill_leading)
        frames = [ColumnFrame(p.margin_left + i * (p.column_width + p.gutter), p.margin_bottom,
                              p.column_width, h, book=self.book, column=i + 1, on_page=self._page_no,
                              problems=self.frame_problems, fill=grow, on_ref=self._ref_placed,
                              on_start=self._para_placed)
                  for i in range(p.columns)]
        floor = self.floors.get(int(self.page) + 1)
        for f in frames[:-1] if floor is not None else ():
            f.floor = floor
        return frames

    def _record(self) -> None:
        """Remember how far down the text of the current column went."""
        f = getattr(self, "frame", None)
        if isinstance(f, ColumnFrame):
            top = f._y2 - f._topPadding
            bottom = top if f._atTop else f._y + f._prevASpace
            self.used[(int(self.page), f.column)] = (top, bottom)

    def _page_no(self) -> int:
        return int(self.page)

    def _take_floats(self) -> list[tuple[PageFloat, float]]:
        p, gap = self.theme.page, self.theme.text.block_space
        body = p.height - p.margin_top - p.margin_bottom
        taken: list[tuple[PageFloat, float]] = []
        used = 0.0
        while self.waiting:
            f = self.waiting[0]
            h = f.block.wrap(p.text_width, body)[1]
            if used + h + gap > body * p.float_share and (taken or h + gap > body):
                break
            taken.append((self.waiting.pop(0), h))
            used += h + gap
        return taken

    def _bottom_float(self, f: PageFloat) -> bool:
        """Put ``f`` at the foot of this page if its reference is here and both columns have room.

        Only from the first column (the later ones are still empty) and only when no
        float waits for the next page, so floats keep their order.
        """
        frame = getattr(self, "frame", None)
        if (self.waiting or self.at_bottom or not isinstance(frame, ColumnFrame) or frame.column != 1
                or self.ref_page.get(f.anchor) != self.page):
            return False
        p, gap = self.theme.page, self.theme.text.block_space
        body = p.height - p.margin_top - p.margin_bottom
        h = f.block.wrap(p.text_width, body)[1]
        top = sum(fh + gap for _, fh in self.on_this_page)
        if top + h + gap > body * p.float_share or frame._y - frame._y1p < h + gap:
            return False
        for col in self.pageTemplate.frames:
            if isinstance(col, ColumnFrame):
                col.raise_bottom(h + gap)
        f.block.drawOn(self.canv, p.margin_left, p.margin_bottom)
        self._check_float(f.block)
        self.float_page.setdefault(f.anchor, self.page)
        self.bottom_floats.add(f.anchor)
        self.at_bottom = True
        return True

    def handle_pageBegin(self) -> None:
        self.remember()
        self.at_bottom = False
        p = self.theme.page
        top = p.height - p.margin_top
        if self.page == 0:
            title = CheckedFrame(p.margin_left, top - self.title_height, p.text_width, self.title_height,
                                 0, 0, 0, 0, id="title")
            frames: list[Frame] = [self._checked(title, "title")]
            frames += self._columns(top - self.title_height - self.theme.title_block.space_after)
            self.on_this_page = []
        else:
            self.on_this_page = self._take_floats()
            used = sum(h + self.theme.text.block_space for _, h in self.on_this_page)
            frames = self._columns(top - used)
        self.pageTemplate.frames = frames
        super().handle_pageBegin()

    def _on_page(self, canv: Any, doc: Any) -> None:
        if self.page == 1:
            canv.setNamedCB(NOTE_MARK, self._note_drawn)
            canv.setNamedCB(REF_MARK, self._ref_drawn)
            canv.setNamedCB(LANG_MARK, lang_mark)
            canv.setNamedCB(HYPHEN_MARK, hyphen_mark)
            canv.showOutline()
        self.furniture.draw_page(canv, self.page)
        p = self.theme.page
        y = p.height - p.margin_top
        for f, h in self.on_this_page:
            f.block.drawOn(canv, p.margin_left, y - h)
            self._check_float(f.block)
            self.float_page.setdefault(f.anchor, self.page)
            y -= h + self.theme.text.block_space

    def _note_drawn(self, canv: Any, kind: str, label: str) -> None:
        column = self.frame.column if isinstance(self.frame, ColumnFrame) else 0
        self.book.record_ref(int(label), (self.page, column))

    def _ref_drawn(self, canv: Any, kind: str, label: str) -> None:
        self.ref_page.setdefault(label, self.page)

    def _ref_placed(self, label: str) -> None:
        self.ref_page.setdefault(label, int(self.page))

    def _para_placed(self, node: int) -> None:
        self.starts.setdefault(int(self.page), []).append(node)

    def handle_frameBegin(self, resume: int = 0, pageTopFlowables: Any = None) -> None:
        super().handle_frameBegin(resume, pageTopFlowables)
        if isinstance(self.frame, ColumnFrame):
            self.frame.begin()

    def handle_frameEnd(self, resume: int = 0) -> None:
        self._record()
        if isinstance(self.frame, ColumnFrame):
            self.frame.flush(self.canv)
        super().handle_frameEnd(resume)

    def handle_pageEnd(self) -> None:
        self._record()
        if isinstance(getattr(self, "frame", None), ColumnFrame):
            self.frame.flush(self.canv)
        self.page_ends()
        super().handle_pageEnd()

    def at_part_end(self) -> bool:
        """Whether the story goes on at a new page, no float or note part waiting to go out first."""
        return isinstance(self._story[0], NewPage) and not self.waiting and not self.book.carry

    def handle_flowable(self, flowables: list[Flowable]) -> None:
        f = flowables[0]
        if isinstance(f, PageFloat):
            del flowables[0]
            if not self._bottom_float(f):
                self.waiting.append(f)
            return
        if isinstance(f, NewPage):
            frame = self.frame
            if isinstance(frame, ColumnFrame) and frame.placed:
                frame.ends_story = True  # the text before a new page is not stretched either
            if self.waiting or self.book.carry or (isinstance(frame, ColumnFrame) and frame.pending):
                self.handle_frameEnd()  # more columns until every note and float is out
                return
            fresh = isinstance(frame, ColumnFrame) and frame.column == 1 and not frame.placed
            if (not fresh or self._trial or self._again) and self.part_ends() and self.finish is not None:
                self.finish(self, True)  # the part's last page balanced, laid out again up to here
                frame = self.frame
                fresh = isinstance(frame, ColumnFrame) and frame.column == 1 and not frame.placed
            del flowables[0]
            # the floats of the text before go out on a page of their own, as in a book
            if not fresh or self.on_this_page:
                self.handle_pageBreak()
            return
        if isinstance(f, EndOfStory):
            frame = self.frame
            if isinstance(frame, ColumnFrame) and frame.placed:
                frame.ends_story = True
            if self.waiting or self.book.carry or (isinstance(frame, ColumnFrame) and frame.pending):
                self.handle_frameEnd()  # more columns until every note and float is out
            else:
                del flowables[0]
            return
        if getattr(f, "_postponed", 0) and getattr(f, "retries", 0) > 0:
            f.retries -= 1  # a picture too tall for a column shortened by a page-wide float
            del f._postponed  # tries the next column, not only this one
        super().handle_flowable(flowables)

    # ------------------------------------------------------------ reproducible output
    def _makeCanvas(self, filename: Any = None, canvasmaker: Any = None) -> Any:
        canv = super()._makeCanvas(filename=filename, canvasmaker=TaggingCanvas)  # build() passes Canvas
        if self.structure is not None:
            start(canv)
            canv._mk_roles = {i: e.role for i, e in enumerate(self.structure.elems)}
        ts = canv._doc._timeStamp  # the memo's date, whatever SOURCE_DATE_EPOCH says
        d = self.memo_date
        ts.YMDhms, ts.dhh, ts.dmm = (d.year, d.month, d.day, 0, 0, 0), 0, 0
        seed = "\x00".join([self.title, self.author, d.isoformat(), self.subject]).encode("utf-8")
        digest = hashlib.md5(seed, usedforsecurity=False).digest()
        ids = PDFText(digest, enc="raw").format(DummyDoc())
        canv._doc._ID = b"\n[" + ids + ids + b"]\n% memokit\n"
        return canv

    def _endBuild(self) -> None:
        if self.finish is not None:
            self.finish(self, False)
        self._doSave = 0  # saved below, once the footers know the page count
        super()._endBuild()
        self.furniture.define_footers(self.canv, self.page)
        self.canv.save()
