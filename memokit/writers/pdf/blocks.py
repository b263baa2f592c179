"""Model blocks -> flowables: headings, paragraphs, lists, quotes, figures, tables."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

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
    located_warning,
    number_label,
    plain_text,
    reference_list,
    role_of,
    toc_entries,
)
from memokit.style.theme import Theme
from memokit.writers.pdf.bidi import visual_lines
from memokit.writers.pdf.boxes import BoxEdge, Paint, Panel
from memokit.writers.pdf.contents import NewPage, contents
from memokit.writers.pdf.figures import figure_block
from memokit.writers.pdf.floats import PageFloat, Stack
from memokit.writers.pdf.inlines import Markup, anchor, esc_attr, esc_label
from memokit.writers.pdf.keep import KeepWithNext
from memokit.writers.pdf.marks import Marked, Structure, Tagged, right_to_left, table_marks
from memokit.writers.pdf.notes import cited_notes
from memokit.writers.pdf.para import BodyPara
from memokit.writers.pdf.styles import Styles
from memokit.writers.pdf.tables import SourcedTable, caption, source, table_flowable
from memokit.writers.pdf.tables import layout as table_layout

SHORT_BOX = 0.25  # a box at most this share of a column high stays in one column


def heading_role(level: int) -> str:
    """The structure role of a section heading: the title is H1, so a level-1 section is H2."""
    return f"H{min(level + 1, 6)}"


class HeadingPara(Marked, Paragraph):
    """A section heading: a destination and an outline entry (author's casing); never split."""

    def split(self, aW: float, aH: float) -> list[Flowable]:
        return []

    def breakLines(self, width: Any) -> Any:  # noqa: N802 (reportlab's name)
        return visual_lines(super().breakLines(width))  # right-to-left phrases in drawing order

    def draw(self) -> None:
        key = getattr(self, "_mk_key", None)
        if key:
            self.canv.bookmarkHorizontal(key, 0, self.height)
            self.canv.addOutlineEntry(self._mk_title, key, self._mk_level - 1, closed=False)
            pages = getattr(self, "_mk_pages", None)
            if pages is not None:  # the page each heading is drawn on, for the table of contents
                pages[key] = self.canv.getPageNumber()
        super().draw()


@dataclass
class Story:
    flowables: list[Flowable] = field(default_factory=list)
    warnings: list[Diagnostic] = field(default_factory=list)


class StoryBuilder:
    """Builds the body story of one memo."""

    def __init__(self, memo: Memo, theme: Theme, styles: Styles, mk: Markup,
                 assets: Mapping[str, FigureAsset], end: EndMark | None,
                 toc_pages: dict[str, int] | None = None, structure: Structure | None = None):
        self.memo, self.theme, self.styles, self.mk = memo, theme, styles, mk
        self.st = structure or Structure()  # the logical structure, for the tagged PDF
        self.parent: int | None = None  # the element the blocks being built belong to
        self.assets = assets
        self.end = end
        self.story = Story()
        self.headings = headings(memo, theme, mk.labels)
        self.pages: dict[str, int] = {}  # heading key -> page, filled in as the headings are drawn
        self.toc_pages = toc_pages  # the pages a table of contents shows (None: no table)
        self._styles: dict[tuple[object, ...], ParagraphStyle] = {}
        page = theme.page
        self.column_width = page.column_width
        self.text_width = page.text_width
        self.body_height = page.height - page.margin_top - page.margin_bottom

    # ------------------------------------------------------------ sections
    def build(self) -> Story:
        flat: list[Flowable] = []
        if self.toc_pages is not None:
            flat += contents(toc_entries(self.memo, self.theme, self.mk.labels), self.toc_pages,
                             self.mk.labels.contents, self.theme, self.styles, self.mk, self.column_width,
                             self.st)
        for sec in self.memo.sections:
            flat += self.section(sec)
        if self.end is not None and self.end.alone:
            flat.append(self.tag(BodyPara(self.mk.end_mark(self.end), self.styles[Role.BODY]), "P"))
        flat += self.references()
        for app in self.memo.appendix:
            if self.theme.appendices.new_page:
                flat.append(NewPage())
            flat += self.section(app)
        self.story.flowables = _keep_with_next(flat)
        return self.story

    def section(self, sec: Section) -> list[Flowable]:
        shown = self.headings[id(sec)]
        style = self.styles[role_of(sec)]
        text = self.theme.heading_text(shown.text, sec.level)
        h = HeadingPara(self.mk.text(text, self.mk.fonts.heading).replace(NBSP, "&nbsp;"), style)
        h._mk_key, h._mk_title, h._mk_level = shown.key, shown.text.replace(NBSP, " "), sec.level
        h._mk_pages = self.pages
        h._mk_keep = True
        rtl = {"ActualText": shown.text} if right_to_left(shown.text) else {}
        self.tag(h, heading_role(sec.level), **rtl)
        out: list[Flowable] = [h]
        out += self.blocks(sec.blocks)
        for sub in sec.sections:
            out += self.section(sub)
        return out

    def references(self) -> list[Flowable]:
        """The bibliography or reference list: a level-1 heading (unnumbered, in the outline and
        the table of contents) and one paragraph per entry, with a hanging indent."""
        refs = reference_list(self.memo, self.mk.labels)
        if refs is None:
            return []
        text = self.theme.heading_text(refs.heading, 1)
        h = HeadingPara(self.mk.text(text, self.mk.fonts.heading).replace(NBSP, "&nbsp;"),
                        self.styles[REFERENCES_HEADING])
        h._mk_key, h._mk_title, h._mk_level = refs.key, refs.heading.replace(NBSP, " "), 1
        h._mk_pages = self.pages
        h._mk_keep = True
        self.tag(h, heading_role(1))
        style = self.styles[role_of(self.memo.references)]  # type: ignore[arg-type]
        return [h, *(self.tag(BodyPara(self.mk.inlines(entry), style), "BibEntry") for entry in refs.entries)]

    # ------------------------------------------------------------ structure
    def tag(self, f: Flowable, role: str, parent: int | None = None, **attrs: object) -> Flowable:
        """Give ``f`` a new element (under ``parent``, else the current one); its notes follow it."""
        elem = self.st.tag(f, role, self.parent if parent is None else parent, **attrs)
        self.st.cite(cited_notes(f), elem)
        return f

    def within(self, role: str, **attrs: object) -> int:
        """A new container element under the current one."""
        return self.st.add(role, self.parent, **attrs)

    # ------------------------------------------------------------ blocks
    def blocks(self, blocks: tuple[Block, ...], style: ParagraphStyle | None = None,
               left: float = 0.0) -> list[Flowable]:
        """Flowables of ``blocks``; ``left`` is the indent of the list or quote they sit in."""
        out: list[Flowable] = []
        for b in blocks:
            if isinstance(b, ParaNode):
                out.append(self.paragraph(b, style or self.styles[role_of(b)]))
            elif isinstance(b, (BulletList, OrderedList)):
                out += self.list(b, left)
            elif isinstance(b, Quote):
                indent = left + self.theme.text.quote_indent
                outer, self.parent = self.parent, self.within("BlockQuote")
                try:
                    out += self.blocks(b.blocks, self._style(self.styles[Role.QUOTE], indent, left), indent)
                finally:
                    self.parent = outer
            elif isinstance(b, Figure):
                out.append(self.figure(b))
            elif isinstance(b, Table):
                out += self.table(b)
            elif isinstance(b, Box):
                out += self.box(b)
            else:
                raise TypeError(f"no PDF rendering for block {type(b).__name__}")
        return out

    def _style(self, base: ParagraphStyle, left: float, bullet_at: float, last: bool = False,
               bullet_font: str | None = None) -> ParagraphStyle:
        key = (base.name, left, bullet_at, last, bullet_font)
        if key not in self._styles:
            kw: dict[str, object] = {"leftIndent": left, "bulletIndent": bullet_at}
            if last:  # the end of a list is spaced like the end of a paragraph
                kw["spaceAfter"] = self.styles[Role.BODY].spaceAfter
            if bullet_font:
                kw["bulletFontName"] = bullet_font
            self._styles[key] = ParagraphStyle(f"{base.name}-{len(self._styles)}", parent=base, **kw)
        return self._styles[key]

    def paragraph(self, p: ParaNode, style: ParagraphStyle, bullet: str | None = None) -> Paragraph:
        text = self.mk.inlines(p.children)
        if self.end is not None and self.end.closes(p):
            text += self.mk.end_mark(self.end)
        para = BodyPara(text, style, bulletText=bullet)
        para._mk_node = id(p)  # where it starts is told to the DOCX writer (see float_places)
        shown = plain_text(p.children, self.mk.labels)
        # right-to-left phrases are drawn in visual order: the element gives the text in reading order
        self.tag(para, "P", **({"ActualText": shown} if right_to_left(shown) else {}))
        return para

    def list(self, lst: BulletList | OrderedList, left: float) -> list[Flowable]:
        kind: Literal["bullet", "number"] = "bullet" if isinstance(lst, BulletList) else "number"
        first = self.styles[Role.LIST_BULLET if kind == "bullet" else Role.LIST_NUMBER]
        if isinstance(lst, BulletList):
            labels = [self.theme.text.bullet] * len(lst.items)
        else:
            labels = [f"{lst.start + i}." for i in range(len(lst.items))]
        font = first.bulletFontName
        if not all(self.mk.fonts.body.has(c) for c in "".join(labels)):
            font = self.mk.fonts.symbol.regular
        widest = max((stringWidth(lb + " ", font, first.bulletFontSize) for lb in labels), default=0.0)
        indent = left + max(self.theme.text.list_indent, widest)
        out: list[Flowable] = []
        outer = self.parent
        lst_elem = self.within("L", ListNumbering="Disc" if kind == "bullet" else "Decimal")
        try:
            for i, (item, label) in enumerate(zip(lst.items, labels)):
                li = self.st.add("LI", lst_elem)
                lbl = self.st.add("Lbl", li)
                self.parent = self.st.add("LBody", li)
                for j, b in enumerate(item.blocks):
                    last = i == len(lst.items) - 1 and j == len(item.blocks) - 1
                    where = Where(item=kind, first=j == 0)
                    base = self.styles[role_of(b, where)] if isinstance(b, ParaNode) else first
                    style = self._style(base, indent, left, last, font)
                    bullet = label if j == 0 else None
                    if isinstance(b, ParaNode):
                        para = self.paragraph(b, style, bullet)
                        para._mk_label = lbl  # type: ignore[attr-defined]
                        out.append(para)
                    else:
                        if bullet:
                            mark = BodyPara("", style, bulletText=bullet)
                            mark._mk_tag = lbl  # type: ignore[attr-defined]
                            out.append(mark)
                        out += self.blocks((b,), style, indent)
                self.parent = lst_elem
        finally:
            self.parent = outer
        return out

    def figure(self, fig: Figure) -> Flowable:
        floated = fig.width == "page" and self.theme.page.columns > 1
        width = self.text_width if floated else self.column_width
        block, notes = figure_block(fig, self.assets.get(fig.id), width, self.styles, self.mk,
                                    self.theme, floated)
        self.story.warnings += [located_warning(self.memo, fig, n) for n in notes]
        captioned = False
        for item in block.items:  # type: ignore[attr-defined]
            if isinstance(item, Tagged):
                asset = self.assets.get(fig.id)
                self.tag(item, "Figure", Alt=fig.alt or (asset.alt if asset is not None else ""))
            else:  # the caption, then the source line
                self.tag(item, "P" if captioned else "Caption")
                captioned = True
        if floated:
            label = number_label("figure", fig.number, self.mk.labels, fig.part).name
            return PageFloat(block, anchor("figure", fig.id), label)  # type: ignore[arg-type]
        return block

    def table(self, t: Table) -> list[Flowable]:
        space = self.theme.text.block_space
        cap, src = caption(t, self.styles, self.mk), source(t, self.styles, self.mk)
        columned = self.theme.page.columns > 1
        page_wide = t.width == "page" and columned
        lang = self.memo.meta.language
        lay = table_layout(t, self.text_width if page_wide else self.column_width, self.text_width,
                           columned and not page_wide, self.theme, self.mk, lang)
        if page_wide or lay.wide:
            tbl = table_flowable(t, lay, self.theme, self.styles, self.mk)
            block = Stack([cap, tbl] + ([src] if src else []), anchor=None)
            h = block.wrap(self.text_width, self.body_height)[1]
            if h <= self.body_height * self.theme.page.float_share:
                self._table_warning(t, lay.warning)
                self._tag_table(t, cap, tbl, src)
                return [PageFloat(block, anchor("table", t.id),
                                  number_label("table", t.number, self.mk.labels, t.part).name)]
            self.story.warnings.append(located_warning(
                self.memo, t, f"table '{t.id}' is too long to span the page; it is set in the column"))
            lay = table_layout(t, self.column_width, self.text_width, False, self.theme, self.mk, lang)
        self._table_warning(t, lay.warning)
        tbl = table_flowable(t, lay, self.theme, self.styles, self.mk)
        self._tag_table(t, cap, tbl, src)
        cap = Stack([cap], space_before=space, space_after=cap.style.spaceAfter)
        cap._mk_keep = True  # type: ignore[attr-defined]
        if src is not None:
            return [cap, SourcedTable(tbl, Stack([src], space_after=space))]
        tbl.spaceAfter = space
        return [cap, tbl]

    def _tag_table(self, t: Table, cap: Flowable, tbl: Any, src: Flowable | None) -> None:
        """Table > Caption, THead > TR > TH (scope Column), TBody > TR > TD; the source after it."""
        elem = self.within("Table")
        self.tag(cap, "Caption", elem)
        rows = tbl._cellvalues
        head = 1 if t.header else 0
        groups = [("THead", "TH", rows[:head]), ("TBody", "TD", rows[head:])]
        for group, role, part in groups:
            if not part:
                continue
            g = self.st.add(group, elem)
            for row in part:
                tr = self.st.add("TR", g)
                for cell in row:
                    attrs = {"Scope": "Column"} if role == "TH" else {}
                    c = self.st.add(role, tr, **attrs)
                    for f in cell if isinstance(cell, (list, tuple)) else (cell,):
                        if isinstance(f, Flowable):
                            self.st.draws(f, c)
                            self.st.cite(cited_notes(f), elem)
        tbl._renderCB = table_marks
        if src is not None:
            self.tag(src, "P")

    # ------------------------------------------------------------ boxes
    def box(self, box: Box) -> list[Flowable]:
        """A column box as its paragraphs between its paddings; a page-wide box as a float (in
        the column, with a warning, when it is too tall to span the page)."""
        look = self.theme.boxes.look(box.kind)
        pnt = Paint.of(look, self.theme)
        name = anchor("box", box.id)
        outer, self.parent = self.parent, self.within("Sect")  # Aside is PDF 2.0: not in PDF/UA-1
        try:
            return self._box(box, look, pnt, name)
        finally:
            self.parent = outer

    def _box(self, box: Box, look: Any, pnt: Paint, name: str) -> list[Flowable]:
        if box.width == "page" and self.theme.page.columns > 1:
            items = Stack(self._box_items(box, pnt, look.padding, 0.0, name))
            block = Stack([Panel(pnt, items, look.padding)], anchor=None,
                          space_before=self.theme.boxes.space, space_after=self.theme.boxes.space)
            h = block.wrap(self.text_width, self.body_height)[1]
            label = number_label("box", box.number, self.mk.labels, box.part).name
            if h <= self.body_height * self.theme.page.float_share:
                return [PageFloat(block, name, label)]
            self.story.warnings.append(located_warning(
                self.memo, box, f"box '{box.id}' is too long to span the page; it is set in the column"))
        edge = look.padding + (look.rule_width if pnt.frame else 0.0)
        inner = self._box_items(box, pnt, look.padding, edge, None)
        for f in inner:
            f._mk_box = pnt  # type: ignore[attr-defined]
            f.__dict__.pop("_mk_node", None)  # a page-wide float is anchored in the text, never in a box
        if sum(f.wrap(self.column_width, self.body_height)[1] for f in inner) <= \
                self.body_height * SHORT_BOX:  # a short box is not split: each part keeps with the next
            for f in inner[:-1]:
                f._mk_keep = True  # type: ignore[attr-defined]
        last = max(edge - float(inner[-1].getSpaceAfter()), 0.0)
        space = self.theme.boxes.space
        return [BoxEdge(pnt, edge, True, space, name), *inner, BoxEdge(pnt, last, False, space)]

    def _box_items(self, box: Box, pnt: Paint, padding: float, edge: float,
                   dest: str | None) -> list[Flowable]:
        """The title and text of a box, set inside its rule and padding."""
        left, right = pnt.insets(padding) if edge else (0.0, 0.0)
        look = self.theme.boxes.look(box.kind)
        base = self.styles[Role.BOX_TITLE]
        title_style = ParagraphStyle(f"BoxTitle-{box.kind}-{left}", parent=base, leftIndent=left,
                                     rightIndent=right, textColor=self.theme.colour(look.title_colour))
        mark = f'<a name="{esc_attr(dest)}"/>' if dest else ""
        label = number_label("box", box.number, self.mk.labels, box.part).caption
        title = BodyPara(f"{mark}{esc_label(label)} {self.mk.inlines(box.title, self.mk.fonts.heading)}",
                         title_style)
        title._mk_keep = True  # type: ignore[attr-defined]
        self.tag(title, "P")
        roles = dict(self.styles.roles)
        for role, box_role in ((Role.BODY, Role.BOX_TEXT), (Role.QUOTE, Role.BOX_TEXT),
                               (Role.LIST_BULLET, Role.BOX_BULLET), (Role.LIST_NUMBER, Role.BOX_NUMBER),
                               (Role.LIST_CONTINUE, Role.BOX_BULLET)):
            src = self.styles[box_role]
            roles[role] = ParagraphStyle(f"{src.name}-{left}-{right}", parent=src, leftIndent=left,
                                         rightIndent=right + (self.theme.text.quote_indent
                                                              if role == Role.QUOTE else 0.0))
        outer, self.styles = self.styles, Styles(roles)
        try:
            body = self.blocks(box.blocks, left=left)
        finally:
            self.styles = outer
        return [title, *body]

    def _table_warning(self, t: Table, warning: str | None) -> None:
        if warning:
            self.story.warnings.append(located_warning(self.memo, t, warning))


def _keep_with_next(flat: list[Flowable]) -> list[Flowable]:
    """Fold each heading (and table caption) together with what follows it."""
    out: list[Flowable] = []
    for f in reversed(flat):
        if getattr(f, "_mk_keep", False) and out:
            out[-1] = KeepWithNext(f, out[-1])
        else:
            out.append(f)
    out.reverse()
    return out
