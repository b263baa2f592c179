"""Tables: 'Table N:' caption above, header row repeated when the table breaks, Theme colours."""

from __future__ import annotations

from functools import lru_cache

from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus import Table as RLTable
from reportlab.platypus import TableStyle as RLTableStyle

from memokit.model.nodes import Inline, Table
from memokit.present import Role, plain_text
from memokit.style.theme import Labels, Theme
from memokit.writers.pdf.captions import numbered_caption, source_line
from memokit.writers.pdf.inlines import Markup, anchor
from memokit.writers.pdf.styles import ALIGN, Styles


@lru_cache(maxsize=64)
def _aligned(style: ParagraphStyle, align: str) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}-{align}", parent=style, alignment=ALIGN.get(align, ALIGN["left"]))


def caption(table: Table, styles: Styles, mk: Markup) -> Paragraph:
    """'Table N: caption' (label bold), holding the table's destination."""
    return numbered_caption("table", table.number, table.caption, styles, mk, anchor("table", table.id))


def source(table: Table, styles: Styles, mk: Markup) -> Paragraph | None:
    return source_line(table.source, styles, mk)


def _widths(rows: list[tuple[tuple[Inline, ...], ...]], ncols: int, width: float, font: str,
            size: float, pad: float, labels: Labels) -> list[float]:
    """Column widths from the longest cell text, scaled to fill ``width``."""
    natural = [0.0] * ncols
    for row in rows:
        for i, cell in enumerate(row[:ncols]):
            natural[i] = max(natural[i], stringWidth(plain_text(cell, labels), font, size) + 2 * pad)
    floor = width / (2 * ncols)
    natural = [max(n, 1.0) for n in natural]
    total = sum(natural)
    if total <= width:
        return [n * width / total for n in natural]
    capped = [max(n * width / total, floor) for n in natural]
    k = width / sum(capped)
    return [c * k for c in capped]


class KeptTable(RLTable):
    """A table that, when it breaks, leaves at least ``MIN_ROWS`` body rows on each side.

    The header repeats above the rows that go on; a table too short to leave two
    rows on each side moves whole.
    """

    MIN_ROWS = 2

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts = super().split(availWidth, availHeight)
        if len(parts) != 2:
            return parts
        rep = self.repeatRows if isinstance(self.repeatRows, int) else max(self.repeatRows) + 1
        total = len(self._cellvalues) - rep
        first = len(parts[0]._cellvalues) - rep
        if first < self.MIN_ROWS:
            return []
        if total - first >= self.MIN_ROWS:
            return parts
        keep = total - self.MIN_ROWS
        if keep < self.MIN_ROWS:
            return []
        parts = super().split(availWidth, sum(self._rowHeights[:rep + keep]) + 1e-3)
        return parts if len(parts) == 2 else []


def table_flowable(table: Table, width: float, theme: Theme, styles: Styles, mk: Markup) -> KeptTable:
    """The reportlab table: header row shaded and repeated, rules in the Theme's colour."""
    ncols = max([len(table.header)] + [len(r) for r in table.rows] + [1])
    align = list(table.align) + ["left"] * (ncols - len(table.align))
    fam = mk.fonts.heading

    def row(cells: tuple[tuple[Inline, ...], ...], style: ParagraphStyle) -> list[Flowable]:
        cells = tuple(cells) + ((),) * (ncols - len(cells))
        return [Paragraph(mk.inlines(c, fam), _aligned(style, align[i])) for i, c in enumerate(cells)]

    head, cell = styles[Role.CELL_HEAD], styles[Role.CELL]
    data = ([row(table.header, head)] if table.header else [])
    data += [row(r, cell) for r in table.rows]
    look = theme.tables
    widths = _widths([table.header, *table.rows], ncols, width, head.fontName, cell.fontSize,
                     look.padding, mk.labels)
    rule = HexColor(theme.colours.rule)
    cmds: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONT", (0, 0), (-1, -1), cell.fontName, cell.fontSize),
        ("LEFTPADDING", (0, 0), (-1, -1), look.padding), ("RIGHTPADDING", (0, 0), (-1, -1), look.padding),
        ("TOPPADDING", (0, 0), (-1, -1), look.padding), ("BOTTOMPADDING", (0, 0), (-1, -1), look.padding),
        ("LINEBELOW", (0, -1), (-1, -1), look.rule_width, rule),
    ]
    if table.header:
        cmds += [("BACKGROUND", (0, 0), (-1, 0), HexColor(theme.colours.table_header)),
                 ("LINEBELOW", (0, 0), (-1, 0), look.rule_width, rule)]
    t = KeptTable(data, colWidths=widths, repeatRows=1 if table.header else 0, hAlign="LEFT")
    t.setStyle(RLTableStyle(cmds))
    return t
