"""Figures and tables: numbered captions (SEQ fields inside a bookmark), pictures with alt text,
tables with a repeating header row, source lines; page-wide ones in a one-column section."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from docx.text.paragraph import Paragraph

from memokit.figures.asset import FigureAsset
from memokit.model.nodes import Figure, Inline, Table
from memokit.present import (
    CAPTION_END,
    Role,
    located_warning,
    number_label,
    picture_size,
    role_of,
    source_prefix,
    spacing,
)
from memokit.present.tables import TableLayout, house_table_layout, table_columns
from memokit.style.theme import Theme
from memokit.writers.docx import _oxml
from memokit.writers.docx.inlines import bookmark_name
from memokit.writers.pdf import anchor

if TYPE_CHECKING:
    from memokit.writers.docx.blocks import Body

_ALIGN = {"left": None, "right": WD_ALIGN_PARAGRAPH.RIGHT, "center": WD_ALIGN_PARAGRAPH.CENTER}


def _width(body: Body, wide: bool) -> float:
    page = body.theme.page
    return page.text_width if wide or page.columns == 1 else page.column_width


def _caption(body: Body, kind: str, number: int, target: str, text: tuple[Inline, ...],
             part: str = "") -> None:
    """"Figure 1: text": label and number (a SEQ field) inside the bookmark REF fields point to;
    in an appendix numbered on its own, 'Figure A.1' (the SEQ field restarts at its number)."""
    para = body.paragraph(Role.CAPTION)
    label = number_label(kind, number, body.labels, part)
    seq = "Figure" if kind == "figure" else "Table"
    style = body.styles[Role.CAPTION_LABEL]
    bid = body.next_bookmark()
    _oxml.bookmark_start(para._p, bid, bookmark_name(kind, number, target))
    body.inlines.text(para, label.prefix + (f"{part}." if part else ""), style)
    restart = f" \\r {number}" if part else ""
    _oxml.add_field(para._p, f"SEQ {seq}{restart} \\* ARABIC", str(number), style)
    _oxml.bookmark_end(para._p, bid)
    body.inlines.text(para, CAPTION_END, style)
    if body.caption_field and not body.in_box:  # where the author's words begin
        body.ids.mark(para._p, "caption", body.caption_field, whole=True, here=True)
        body.caption_field = None
    if text:
        body.inlines.text(para, " ")
        body.inlines.write(para, text)


def _source(body: Body, source: tuple[Inline, ...]) -> None:
    if source:
        para = body.paragraph(Role.SOURCE)
        body.inlines.text(para, source_prefix(body.labels))
        body.inlines.write(para, source)


def svg_for_word(svg: bytes, theme: Theme) -> bytes:
    """The chart's SVG naming, before each open house font, the font Word users have (as the styles do)."""
    text = svg.decode("utf-8")
    fonts = theme.fonts
    for font in {f.family: f for f in (fonts.body, fonts.heading, fonts.symbol, fonts.mono)}.values():
        if font.word and font.word != font.family:
            text = text.replace(f"'{font.family}'", f"'{font.word}', '{font.family}'")
    return text.encode("utf-8")


def _wide(body: Body, width: str) -> bool:
    return width == "page" and body.theme.page.columns > 1


def _boxed(body: Body, key: str) -> bool:
    """Whether a page-wide block goes into a floating text box (the house style's choice, and only
    where the PDF floats it: one too tall to float stays in the text, in a section of its own)."""
    return body.theme.word.page_wide == "box" and key in body.places


def figure(body: Body, fig: Figure) -> None:
    """The picture scaled to the column (or page) width, its caption below, then the source line;
    a page-wide one in a box floating at the top (or foot) of the page the PDF sets it on."""
    wide = _wide(body, fig.width)
    key = anchor("figure", fig.id)
    boxed = wide and _boxed(body, key)
    if wide and not boxed:
        body.columns(1)
    start = body.mark()
    para = body.paragraph(role_of(fig))
    asset = body.assets.get(fig.id)
    if asset is None:
        body.warnings.append(located_warning(body.memo, fig, "no rendered chart for this figure; the DOCX "
                                             "shows its alt text", f"figure {fig.id}"))
        body.inlines.text(para, fig.alt)
    else:
        run = _oxml.add_run(para._p, "", para)
        width = _width(body, wide)
        if fig.image is not None:  # a picture file: narrower if it would be too tall
            width = picture_size(fig.image.width, fig.image.height, width, body.theme)[0]
        shape = run.add_picture(io.BytesIO(asset.png), width=Pt(width))
        name = number_label("figure", fig.number, body.labels, fig.part).name
        _oxml.describe_picture(shape._inline, name, fig.alt or asset.alt)
        if asset.svg:
            _oxml.add_svg_alternative(shape._inline, para.part, svg_for_word(asset.svg, body.theme))
    _caption(body, "figure", fig.number, fig.id, fig.caption, fig.part)
    _source(body, fig.source)
    if boxed:
        name = number_label("figure", fig.number, body.labels, fig.part).name
        body.float_from(start, key, name, _height(body, asset))
    elif wide:
        body.columns(body.theme.page.columns)


def _height(body: Body, asset: FigureAsset | None) -> float:
    """About how tall a page-wide figure's box is (the reader's program fits it to its content)."""
    sz, sp = body.theme.sizes, spacing(body.theme)
    picture = asset.height_pt * body.theme.page.text_width / asset.width_pt if asset else sz.body * 2
    return picture + 3 * sp.leading(sz.caption) + sp.leading(sz.source)


def _table_height(body: Body, tab: Table, lay: TableLayout) -> float:
    """About how tall a page-wide table's box is: caption, one line a row, the source line."""
    sz, sp = body.theme.sizes, spacing(body.theme)
    rows = len(tab.rows) + (1 if tab.header else 0)
    row = sp.leading(lay.size) + 2 * body.theme.tables.padding
    return 2 * sp.leading(sz.caption) + rows * row + (sp.leading(sz.source) if tab.source else 0)


def table_layout(body: Body, tab: Table) -> TableLayout:
    """Column widths and text size from the content, as the PDF sets them (memokit.present.tables);
    a column table whose words do not fit the column spans the page, as in the PDF."""
    columned = body.theme.page.columns > 1
    page_wide = tab.width == "page" and columned
    page = body.theme.page
    return house_table_layout(tab, body.theme, body.labels, body.memo.meta.language,
                              column=page.text_width if page_wide or not columned else page.column_width,
                              page=page.text_width, can_widen=columned and not page_wide)


def column_widths(tab: Table, lay: TableLayout) -> list[float]:
    """The layout's widths in points, one per column of ``tab``."""
    return list(lay.widths[:table_columns(tab)])


def _fill(body: Body, para: Paragraph, cell: tuple[Inline, ...], align: str, size: float,
          pad: float = 0.0) -> None:
    """The cell's text, aligned, at the table's size; ``pad`` (points) as a right indent lines a
    number's decimal separator up with its column's others."""
    if _ALIGN.get(align) is not None:
        para.alignment = _ALIGN[align]
    if pad:
        para.paragraph_format.right_indent = Pt(pad)
    body.inlines.write(para, cell)
    if size != body.theme.sizes.table:  # stepped down to fit: every run of the cell at that size
        for run in para.runs:
            run.font.size = Pt(size)


def table(body: Body, tab: Table) -> None:
    """Caption above, a styled table with a repeating header row, the source line below."""
    lay = table_layout(body, tab)
    wide = _wide(body, tab.width) or lay.wide
    key = anchor("table", tab.id)
    boxed = wide and _boxed(body, key)
    start = body.mark()
    if wide and not boxed:
        body.columns(1)
    _caption(body, "table", tab.number, tab.id, tab.caption, tab.part)
    ncols = max([len(tab.header)] + [len(r) for r in tab.rows] + [1])
    nrows = len(tab.rows) + (1 if tab.header else 0)
    t = body.document.add_table(rows=nrows, cols=ncols)
    _oxml.set_table_style(t._tbl, body.styles["table"])
    widths = column_widths(tab, lay)
    _oxml.set_table_layout(t._tbl, sum(widths))
    for i, col in enumerate(t.columns):
        col.width = Pt(widths[i])
    rows = list(t.rows)
    if tab.header:
        _oxml.repeat_header_row(rows[0]._tr)
        body_rows = rows[1:]
        for i, cell in enumerate(rows[0].cells):
            para = cell.paragraphs[0]
            _oxml.set_paragraph_style(para, body.styles[Role.CELL_HEAD])
            _fill(body, para, tab.header[i] if i < len(tab.header) else (), _col_align(tab, i), lay.size)
    else:
        body_rows = rows
    for k, (row, data) in enumerate(zip(body_rows, tab.rows)):
        for i, cell in enumerate(row.cells):
            cell.width = Pt(widths[i])
            para = cell.paragraphs[0]
            _oxml.set_paragraph_style(para, body.styles[Role.CELL])
            _fill(body, para, data[i] if i < len(data) else (), _col_align(tab, i), lay.size, lay.pad(k, i))
    if tab.header:
        for i, cell in enumerate(rows[0].cells):
            cell.width = Pt(widths[i])
    if rows and tab.span is not None and tab.span.field and not body.in_box:  # edits are conflicts
        body.ids.mark(rows[0].cells[0].paragraphs[0]._p, "table", tab.span.field, whole=True)
    _source(body, tab.source)
    if not tab.source and not boxed:
        body.paragraph("spacer")  # the space below the table
    if boxed:
        name = number_label("table", tab.number, body.labels, tab.part).name
        body.float_from(start, key, name, _table_height(body, tab, lay))
    elif wide:
        body.columns(body.theme.page.columns)


def _col_align(tab: Table, i: int) -> str:
    return tab.align[i] if i < len(tab.align) else "left"
