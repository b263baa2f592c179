"""The table of contents and the page break before an appendix.

The table lists each heading with the page it is on, linked to the heading. Those pages are
only known once the memo is laid out, so the writer lays the memo out with the table's page
numbers blank, reads where each heading was drawn, and lays it out again with them (the
numbers stand in a column of their own: the table takes the same room either way).
"""

from __future__ import annotations

from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus import Table as RLTable
from reportlab.platypus import TableStyle as RLTableStyle

from memokit.present import Role, TocEntry
from memokit.style.theme import Theme
from memokit.writers.pdf.inlines import Markup, esc_attr
from memokit.writers.pdf.marks import MarkedPara, Structure, table_marks
from memokit.writers.pdf.styles import Styles

PAGE_NUMBER = "999"  # the widest page number the column keeps room for, and a space before it


class NewPage(Flowable):
    """The story goes on at the top of a new page, once the notes and floats waiting are out
    (see MemoDoc.handle_flowable)."""

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        return 0.0, 0.0

    def draw(self) -> None:
        pass


def contents(entries: list[TocEntry], pages: dict[str, int], title: str, theme: Theme, styles: Styles,
             mk: Markup, width: float, st: Structure | None = None) -> list[Flowable]:
    """The title and the table of contents; ``pages``: the page of each heading (by its key),
    blank where not known yet. In ``st``: a heading, then TOC with one TOCI per entry."""
    st = st or Structure()
    body = styles[Role.BODY]
    head = MarkedPara(mk.text(theme.heading_text(title, 1), mk.fonts.heading), styles[Role.HEADING1])
    head._mk_keep = True  # type: ignore[attr-defined]
    st.tag(head, "H2")
    toc = st.add("TOC")
    rows = []
    indent = theme.text.list_indent
    for e in entries:
        style = ParagraphStyle(f"Toc{e.level}", parent=body, alignment=TA_LEFT, spaceAfter=0,
                               leftIndent=indent * (e.level - 1) + indent, firstLineIndent=-indent,
                               hyphenationLang="", fontName=mk.fonts.body.bold if e.level == 1
                               else mk.fonts.body.regular)
        num = ParagraphStyle(f"TocPage{e.level}", parent=style, alignment=TA_RIGHT, leftIndent=0,
                             firstLineIndent=0)
        link = f'<a href="#{esc_attr(e.key)}">'
        page = pages.get(e.key)
        item = st.add("TOCI", toc)
        row: list[Paragraph] = [MarkedPara(f"{link}{mk.text(e.text, mk.fonts.body)}</a>", style),
                                MarkedPara(f"{link}{page}</a>" if page else "", num)]
        for p in row:
            st.draws(p, item)
        rows.append(row)
    column = stringWidth(PAGE_NUMBER + " ", mk.fonts.body.bold, body.fontSize)  # as the Theme sets it
    table = RLTable(rows, colWidths=[width - column, column], hAlign="LEFT")
    table.setStyle(RLTableStyle([("FONT", (0, 0), (-1, -1), body.fontName, body.fontSize),  # not Helvetica
                                 ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                 ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                 ("TOPPADDING", (0, 0), (-1, -1), 0),
                                 ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                                 ("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))
    table.spaceAfter = theme.text.block_space
    table._renderCB = table_marks
    return [head, table]
