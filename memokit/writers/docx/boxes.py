"""Boxes: a one-cell table in the kind's table style (the panel: shading, rule, padding) holding a
'Box 1: Title' paragraph and the box's paragraphs and lists in the box styles; a page-wide box in
a one-column section, as page-wide tables are."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docx.oxml.ns import qn
from docx.shared import Pt

from memokit.model.nodes import Box
from memokit.present import CAPTION_END, number_label
from memokit.writers.docx import _oxml
from memokit.writers.docx.inlines import bookmark_name

if TYPE_CHECKING:
    from memokit.writers.docx.blocks import Body


def box(body: Body, bx: Box) -> None:
    """The box where it stands in the text (across the page in a one-column section when page-wide)."""
    page = body.theme.page
    wide = bx.width == "page" and page.columns > 1
    if wide:
        body.columns(1)
    start = body.mark()
    _title(body, bx)
    body.in_box = True
    try:
        for b in bx.blocks:
            body.block(b)
    finally:
        body.in_box = False
    written = list(body.document.element.body)[start:body.mark()]
    table = body.document.add_table(rows=1, cols=1)
    _oxml.set_table_style(table._tbl, body.styles[f"box_{bx.kind}"])
    width = page.text_width if wide or page.columns == 1 else page.column_width
    _oxml.set_table_layout(table._tbl, width)
    cell = table.rows[0].cells[0]
    cell.width = Pt(width)
    tc = cell._tc
    for p in tc.findall(qn("w:p")):
        tc.remove(p)
    for el in written:  # what was written for the box goes into its cell
        tc.append(el)
    body.paragraph("box_end")  # the space below the box (and two boxes never merge into one table)
    if wide:
        body.columns(page.columns)


def _title(body: Body, bx: Box) -> None:
    """'Box 1: Title': label and number (a SEQ field) inside the bookmark REF fields point to;
    in an appendix numbered on its own, 'Box A.1' (the SEQ field restarts at its number)."""
    para = body.paragraph(f"box_title_{bx.kind}")
    label = number_label("box", bx.number, body.labels, bx.part)
    bid = body.next_bookmark()
    _oxml.bookmark_start(para._p, bid, bookmark_name("box", bx.number, bx.id))
    body.inlines.text(para, label.prefix + (f"{bx.part}." if bx.part else ""))
    restart = f" \\r {bx.number}" if bx.part else ""
    _oxml.add_field(para._p, f"SEQ Box{restart} \\* ARABIC", str(bx.number))
    _oxml.bookmark_end(para._p, bid)
    body.inlines.text(para, CAPTION_END + " ")
    if bx.span is not None and bx.span.field:  # import brings the title's edits back
        shown = label.prefix + (f"{bx.part}." if bx.part else "") + str(bx.number) + CAPTION_END
        body.ids.mark(para._p, "box title", bx.span.field + ".title", whole=True, label=shown)
    body.inlines.write(para, bx.title)



