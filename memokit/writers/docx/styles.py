"""The named Word styles of a memo, every value taken from the Theme.

Body paragraphs never carry direct formatting: an editor changes a style once
and every paragraph using it follows. Built-in styles keep Word's internal
names ("heading 1", "footnote text", "caption") so Word, LibreOffice and pandoc
recognise them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.shared import Pt, RGBColor
from docx.styles.style import BaseStyle

from memokit.present import Role, figure_align, spacing
from memokit.style.theme import Theme
from memokit.writers.docx import _oxml

P, C, T, N = (WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER, WD_STYLE_TYPE.TABLE,
              WD_STYLE_TYPE.LIST)

# role -> (style id, style name, type, built in to Word); the memo's roles are those of
# memokit.present, the others are Word's own defaults and the writer's table and spacer styles
CATALOGUE: dict[str, tuple[str, str, WD_STYLE_TYPE, bool]] = {
    "normal": ("Normal", "Normal", P, True),
    "default_font": ("DefaultParagraphFont", "Default Paragraph Font", C, True),
    "normal_table": ("TableNormal", "Normal Table", T, True),
    "no_list": ("NoList", "No List", N, True),
    Role.BODY: ("BodyText", "Body Text", P, True),
    Role.SERIES: ("Series", "Series", P, False),
    Role.TITLE: ("Title", "Title", P, True),
    Role.SUBTITLE: ("Subtitle", "Subtitle", P, True),
    Role.AUTHORS: ("Authors", "Authors", P, False),
    Role.AFFILIATIONS: ("Affiliations", "Affiliations", P, False),
    Role.COLOPHON: ("Colophon", "Colophon", P, False),
    Role.LEDE: ("Lede", "Lede", P, False),
    Role.HEADING1: ("Heading1", "heading 1", P, True),
    Role.HEADING2: ("Heading2", "heading 2", P, True),
    Role.HEADING3: ("Heading3", "heading 3", P, True),
    Role.LIST_BULLET: ("ListBullet", "List Bullet", P, True),
    Role.LIST_NUMBER: ("ListNumber", "List Number", P, True),
    Role.LIST_CONTINUE: ("ListContinue", "List Continue", P, True),
    Role.QUOTE: ("Quote", "Quote", P, True),
    Role.FIGURE: ("Figure", "Figure", P, False),
    Role.CAPTION: ("Caption", "caption", P, True),
    Role.SOURCE: ("Source", "Source", P, False),
    Role.CELL: ("TableText", "Table Text", P, False),
    Role.CELL_HEAD: ("TableHeader", "Table Header", P, False),
    Role.NOTE: ("FootnoteText", "footnote text", P, True),
    Role.HEADER: ("Header", "header", P, True),
    Role.INSTITUTE: ("Institute", "Institute", P, False),
    Role.FOOTER: ("Footer", "footer", P, True),
    "spacer": ("BlockEnd", "Block End", P, False),
    "section_break": ("SectionBreak", "Section Break", P, False),
    Role.NOTE_REF: ("FootnoteReference", "footnote reference", C, True),
    Role.LINK: ("Hyperlink", "Hyperlink", C, True),
    Role.CODE: ("VerbatimChar", "Verbatim Char", C, False),
    Role.CAPTION_LABEL: ("CaptionLabel", "Caption Label", C, False),
    Role.END_MARK: ("EndMark", "End Mark", C, False),
    "table": ("MemoTable", "Memo Table", T, False),
    Role.BOX_TITLE: ("BoxTitle", "Box Title", P, False),
    Role.BOX_TEXT: ("BoxText", "Box Text", P, False),
    Role.BOX_BULLET: ("BoxListBullet", "Box List Bullet", P, False),
    Role.BOX_NUMBER: ("BoxListNumber", "Box List Number", P, False),
    "box_title_findings": ("BoxTitleFindings", "Box Title Findings", P, False),
    "box_title_recommendations": ("BoxTitleRecommendations", "Box Title Recommendations", P, False),
    "box_title_note": ("BoxTitleNote", "Box Title Note", P, False),
    "box_end": ("BoxEnd", "Box End", P, False),
    "box_findings": ("BoxFindings", "Box Findings", T, False),
    "box_recommendations": ("BoxRecommendations", "Box Recommendations", T, False),
    "box_note": ("BoxNote", "Box Note", T, False),
    "toc_heading": ("TOCHeading", "TOC Heading", P, True),
    "toc1": ("TOC1", "toc 1", P, True),
    "toc2": ("TOC2", "toc 2", P, True),
    "toc3": ("TOC3", "toc 3", P, True),
    Role.BIBLIOGRAPHY: ("Bibliography", "Bibliography", P, True),
}
BOX_KINDS = ("findings", "recommendations", "note")
_HIDDEN = ("default_font", "spacer", "section_break", "box_end")  # not offered in Word's style gallery
_ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
          "right": WD_ALIGN_PARAGRAPH.RIGHT}


@dataclass(frozen=True)
class Styles:
    """Style ids by role, and the list instances the list styles use."""

    ids: dict[str, str]
    bullet_num: int
    number_num: int

    def __getitem__(self, role: str) -> str:
        return self.ids[role]

    def heading(self, level: int) -> str:
        return self.ids[Role.heading(level)]


def _rgb(colour: str) -> RGBColor:
    return RGBColor.from_string(colour.lstrip("#").upper())


# the styles and numbering parts last built, as XML, with what they were built from: a
# process rendering memos in one house style builds them once (python-docx's add_style looks
# every style name up in the part, so building them is a good part of a short memo's DOCX)
_last: tuple[Theme, str, bool, bool, bytes, bytes, Styles] | None = None


def styles_kept(theme: Theme, language: str, toc: bool = False, references: bool = False) -> bool:
    """Whether :func:`build_styles` reads these styles back rather than building them (then
    the template's own styles part is not needed)."""
    last = _last
    return last is not None and last[0] is theme and last[1:4] == (language, toc, references)


def build_styles(document: Document, theme: Theme, language: str, toc: bool = False,
                 references: bool = False) -> Styles:
    """Replace the template's styles with the memo's, and its numbering with the two list kinds;
    ``toc``: with Word's table of contents styles (only a memo with a table of contents has them);
    ``references``: with Word's 'Bibliography' style (only a memo with a bibliography has it).
    The document must be a fresh template (as ``write`` makes it)."""
    global _last
    parts = _oxml.styles_and_numbering(document)
    last = _last
    if styles_kept(theme, language, toc, references):
        assert last is not None
        for part, xml in zip(parts, last[4:6]):
            _oxml.set_part_xml(part, xml)
        return Styles(dict(last[6].ids), last[6].bullet_num, last[6].number_num)
    styles = _build_styles(document, theme, language, toc, references)
    _last = (theme, language, toc, references, *(part.blob for part in parts), styles)
    return Styles(dict(styles.ids), styles.bullet_num, styles.number_num)


def _build_styles(document: Document, theme: Theme, language: str, toc: bool, references: bool) -> Styles:
    sz, col, text = theme.sizes, theme.colours, theme.text
    body_font, head_font = theme.fonts.body.word, theme.fonts.heading.word
    sp = spacing(theme)
    gap = sp.gap
    align = WD_ALIGN_PARAGRAPH.JUSTIFY if text.align == "justify" else WD_ALIGN_PARAGRAPH.LEFT
    _oxml.reset_styles(document.styles.element, body_font, sz.body, language)
    made: dict[str, BaseStyle] = {}

    def add(role: str, base: str | None = None, font: str | None = None, size: float | None = None,
            leading: float | None = None, colour: str | None = None, bold: bool | None = None,
            italic: bool | None = None, after: float | None = None, before: float | None = None,
            ) -> BaseStyle:
        sid, name, kind, builtin = CATALOGUE[role]
        style = document.styles.add_style(name, kind, builtin=builtin)
        style.style_id = sid
        if base is not None:
            style.base_style = made[base]
        if kind in (P, C):
            f = style.font
            if font is not None:
                _oxml.set_all_scripts_font(style.element, font)
            if size is not None:
                f.size = Pt(size)
            if colour is not None:
                f.color.rgb = _rgb(colour)
            if bold is not None:
                f.bold = bold
            if italic is not None:
                f.italic = italic
        if kind == P:
            pf = style.paragraph_format
            if size is not None or leading is not None:
                pf.line_spacing = Pt(leading if leading is not None else sp.leading(size or sz.body))
            if after is not None:
                pf.space_after = Pt(after)
            if before is not None:
                pf.space_before = Pt(before)
        style.quick_style = kind in (P, C) and role not in _HIDDEN
        made[role] = style
        return style

    normal = add("normal", font=body_font, size=sz.body, leading=sz.leading, colour=col.text)
    _oxml.mark_default(normal.element)
    normal.paragraph_format.widow_control = True
    _oxml.mark_default(add("default_font").element)
    _oxml.mark_default(add("normal_table").element)
    _oxml.mark_default(add("no_list").element)

    body = add(Role.BODY, "normal", after=text.paragraph_space)
    body.paragraph_format.alignment = align
    body.paragraph_format.widow_control = True

    accent = theme.colour(theme.title_block.colour)
    add(Role.SERIES, "normal", head_font, sz.institute, colour=col.muted, after=gap)
    title = add(Role.TITLE, "normal", head_font, sz.title, colour=accent, bold=True, after=gap)
    subtitle = add(Role.SUBTITLE, "normal", head_font, sz.subtitle, after=gap)
    add(Role.AUTHORS, "normal", head_font, sz.authors, before=gap, after=gap)
    add(Role.AFFILIATIONS, "normal", head_font, sz.header, colour=col.muted, after=gap)
    colophon = add(Role.COLOPHON, "normal", head_font, sz.header, colour=col.muted, after=sp.colophon_after)
    lede = add(Role.LEDE, "normal", body_font, sz.lede, sz.lede_leading, bold=True, before=gap,
               after=theme.title_block.space_after)
    lede.paragraph_format.alignment = align
    for s in (title, subtitle):
        _oxml.suppress_hyphenation(s.element)
        s.paragraph_format.keep_with_next = True
    if theme.title_block.rule:
        _oxml.set_rule(colophon.element, "bottom", accent, theme.title_block.rule_width, gap)

    for level, size in ((1, sz.heading1), (2, sz.heading2), (3, sz.heading3)):
        h = theme.headings.level(level)
        st = add(Role.heading(level), "normal", head_font, size, colour=theme.colour(h.colour), bold=True,
                 before=h.space_before, after=h.space_after)
        st.font.all_caps = h.case == "upper"  # the text keeps the author's casing
        st.paragraph_format.keep_with_next = True
        st.paragraph_format.keep_together = True
        st.next_paragraph_style = made[Role.BODY]
        _oxml.set_outline_level(st.element, level - 1)
        _oxml.suppress_hyphenation(st.element)

    for role in (Role.LIST_BULLET, Role.LIST_NUMBER):
        add(role, Role.BODY, after=text.list_item_space)
    cont = add(Role.LIST_CONTINUE, Role.BODY, after=text.list_item_space)
    cont.paragraph_format.left_indent = Pt(text.list_indent)
    quote = add(Role.QUOTE, Role.BODY, before=text.paragraph_space)
    quote.paragraph_format.left_indent = Pt(text.quote_indent)
    quote.paragraph_format.right_indent = Pt(text.quote_indent)

    fig = add(Role.FIGURE, "normal", before=text.block_space)
    fig.paragraph_format.line_spacing = 1.0  # pictures need the line to grow with them
    fig.paragraph_format.alignment = _ALIGN[figure_align(theme)]
    fig.paragraph_format.keep_with_next = True
    cap = add(Role.CAPTION, "normal", head_font, sz.caption, before=gap, after=0)
    cap.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    cap.paragraph_format.keep_with_next = True  # a table's caption stays with it, a figure's with its source
    source = add(Role.SOURCE, "normal", head_font, sz.source, colour=col.muted, before=sp.source_before,
                 after=text.block_space)
    source.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    cell = add(Role.CELL, "normal", head_font, sz.table)
    cell.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    cell.paragraph_format.keep_with_next = True  # a table stays in one column when it fits
    _oxml.suppress_hyphenation(cell.element)
    add(Role.CELL_HEAD, Role.CELL, bold=True)

    note = add(Role.NOTE, "normal", body_font, sz.footnote, sz.footnote_leading,
               after=theme.notes.space_between)
    note.paragraph_format.alignment = align
    note.paragraph_format.left_indent = Pt(theme.notes.number_width)
    note.paragraph_format.first_line_indent = Pt(-theme.notes.number_width)
    # a note may leave one line at a page's foot: LibreOffice moves a note it may not split to the
    # next page, away from its reference, rather than moving the citing line
    note.paragraph_format.widow_control = False

    header = add(Role.HEADER, "normal", head_font, sz.header, colour=col.muted)
    header.paragraph_format.line_spacing = 1.0
    add(Role.INSTITUTE, Role.HEADER, bold=True, colour=accent, size=sz.institute)
    footer = add(Role.FOOTER, Role.HEADER)
    stops = footer.paragraph_format.tab_stops
    stops.add_tab_stop(Pt(theme.page.text_width / 2), WD_TAB_ALIGNMENT.CENTER)
    stops.add_tab_stop(Pt(theme.page.text_width), WD_TAB_ALIGNMENT.RIGHT)
    add("spacer", "normal", size=1, leading=1, after=text.block_space)  # after a table without source
    add("section_break", "normal", size=1, leading=1, after=0, before=0)  # holds a section break only
    add("box_end", "normal", size=1, leading=1, after=theme.boxes.space)  # the space below a box

    _oxml.set_superscript(add(Role.NOTE_REF, "default_font").element)
    add(Role.LINK, "default_font", colour=col.link)
    code = add(Role.CODE, "default_font")
    _oxml.set_all_scripts_font(code.element, theme.fonts.mono.word)
    add(Role.CAPTION_LABEL, "default_font", bold=True)
    end = add(Role.END_MARK, "default_font")
    _oxml.set_all_scripts_font(end.element, theme.fonts.symbol.word)

    if toc:
        _toc_styles(add, theme)
    if references:
        _bibliography_style(add, theme)

    table = add("table", "normal_table")
    _oxml.define_table_style(table.element, col.rule, theme.tables.rule_width, col.table_header,
                             theme.tables.padding)

    bx = theme.boxes
    box_text = add(Role.BOX_TEXT, "normal", head_font, bx.text_size, bx.leading, after=text.paragraph_space)
    box_text.paragraph_format.alignment = align
    box_text.paragraph_format.widow_control = True
    for role in (Role.BOX_BULLET, Role.BOX_NUMBER):
        add(role, Role.BOX_TEXT, after=text.list_item_space)
    box_title = add(Role.BOX_TITLE, "normal", head_font, bx.text_size, bx.leading, bold=True,
                    colour=theme.colour(bx.findings.title_colour), after=gap)
    box_title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    _oxml.suppress_hyphenation(box_title.element)
    for kind in BOX_KINDS:
        look = bx.look(kind)
        add(f"box_title_{kind}", Role.BOX_TITLE, colour=theme.colour(look.title_colour))
        _oxml.define_box_style(add(f"box_{kind}", "normal_table").element, look.background,
                               theme.colour(look.rule_colour), look.rule_width, look.rule == "frame",
                               look.padding)

    bullet_num, number_num = _oxml.reset_numbering(
        document.part.numbering_part.element, text.bullet, body_font, text.list_indent,
        CATALOGUE[Role.LIST_BULLET][0], CATALOGUE[Role.LIST_NUMBER][0])
    _oxml.set_style_numbering(made[Role.LIST_BULLET].element, bullet_num)
    _oxml.set_style_numbering(made[Role.LIST_NUMBER].element, number_num)
    box_bullet, box_number = _oxml.add_style_lists(
        document.part.numbering_part.element, text.bullet, body_font, text.list_indent,
        CATALOGUE[Role.BOX_BULLET][0], CATALOGUE[Role.BOX_NUMBER][0])
    _oxml.set_style_numbering(made[Role.BOX_BULLET].element, box_bullet)
    _oxml.set_style_numbering(made[Role.BOX_NUMBER].element, box_number)
    return Styles({role: entry[0] for role, entry in CATALOGUE.items()}, bullet_num, number_num)


def _toc_styles(add: Callable[..., BaseStyle], theme: Theme) -> None:
    """'TOC Heading' and 'toc 1'-'toc 3': entries with the page number at a right tab, dotted."""
    toc_head = add("toc_heading", Role.heading(1))
    _oxml.set_outline_level(toc_head.element, 9)  # body text level: the title is not listed itself
    indent = theme.text.list_indent
    width = theme.page.column_width if theme.page.columns > 1 else theme.page.text_width
    for level in (1, 2, 3):
        entry = add(f"toc{level}", "normal", after=0, bold=level == 1)
        entry.paragraph_format.left_indent = Pt(indent * level)
        entry.paragraph_format.first_line_indent = Pt(-indent)
        entry.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
        entry.paragraph_format.tab_stops.add_tab_stop(Pt(width), WD_TAB_ALIGNMENT.RIGHT,
                                                      WD_TAB_LEADER.DOTS)


def _bibliography_style(add: Callable[..., BaseStyle], theme: Theme) -> None:
    """Word's 'Bibliography': each entry's lines after the first indented (a hanging indent)."""
    bib = theme.bibliography
    entry = add(Role.BIBLIOGRAPHY, "normal", theme.fonts.body.word, bib.size, bib.leading, after=bib.space)
    pf = entry.paragraph_format
    pf.left_indent = Pt(bib.hanging_indent)
    pf.first_line_indent = Pt(-bib.hanging_indent)
    pf.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY if theme.bibliography_align() == "justify" else _ALIGN["left"]
    pf.widow_control = True
