"""Tables: 'Table N:' caption above, header row repeated when the table breaks, Theme colours."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache

from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus import Table as RLTable
from reportlab.platypus import TableStyle as RLTableStyle

from memokit.model.nodes import Inline, Table
from memokit.present import Role
from memokit.present.tables import TableLayout, table_columns, table_layout
from memokit.style.theme import Theme
from memokit.writers.pdf.captions import numbered_caption, source_line
from memokit.writers.pdf.inlines import Markup, anchor
from memokit.writers.pdf.styles import ALIGN, Styles


def caption(table: Table, styles: Styles, mk: Markup) -> Paragraph:
    """'Table N: caption' (label bold), holding the table's destination."""
    return numbered_caption("table", table.number, table.caption, styles, mk, anchor("table", table.id))


def source(table: Table, styles: Styles, mk: Markup) -> Paragraph | None:
    return source_line(table.source, styles, mk)


def _measure(font: str, size: float, bold_font: str) -> Callable[[str, bool], float]:
    def measure(text: str, bold: bool) -> float:
        return stringWidth(text, bold_font if bold else font, size)
    return measure


def layout(table: Table, width: float, page_width: float, can_widen: bool, theme: Theme,
           styles: Styles, mk: Markup) -> TableLayout:
    """Column widths and text size from the cells' content (memokit.present.tables), measured in the
    table's fonts; ``can_widen``: a column table may go page-wide when its words do not fit."""
    cell = styles[Role.CELL]
    fam = mk.fonts.heading
    hyph = styles[Role.BODY].hyphenationLang
    return table_layout(table, mk.labels, _measure(fam.regular, cell.fontSize, fam.bold),
                        size=cell.fontSize, min_size=min(theme.tables.min_size, cell.fontSize),
                        column=width, page=page_width, padding=theme.tables.padding,
                        can_widen=can_widen, hyphenate=_points(hyph) if callable(hyph) else None)


def _points(hyphenator: Callable[[str], Iterable[tuple[str, str]]]) -> Callable[[str], list[int]]:
    """pyphen's (left, right) pairs -> the places a word may break with a hyphen."""
    def points(word: str) -> list[int]:
        return [len(left) for left, _ in hyphenator(word)]
    return points


@lru_cache(maxsize=64)
def _cell_style(style: ParagraphStyle, align: str, size: float, hyphenate: bool,
                body: ParagraphStyle) -> ParagraphStyle:
    """A cell's style: its alignment, the table's size; body cells hyphenate as the body does,
    header cells wrap between words only."""
    extra: dict[str, object] = {}
    if hyphenate:
        extra = {"hyphenationLang": body.hyphenationLang, "embeddedHyphenation": 0, "uriWasteReduce": 0}
    if size != style.fontSize:
        extra.update(fontSize=size, leading=style.leading * size / style.fontSize)
    return ParagraphStyle(f"{style.name}-{align}-{size:g}{'-h' if hyphenate else ''}", parent=style,
                          alignment=ALIGN.get(align, ALIGN["left"]), **extra)


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


def table_flowable(table: Table, width: float, theme: Theme, styles: Styles, mk: Markup,
                   lay: TableLayout | None = None) -> KeptTable:
    """The reportlab table: header row shaded and repeated, rules in the Theme's colour; columns as
    ``lay`` sets them (by default from the content, in ``width``)."""
    lay = lay or layout(table, width, width, False, theme, styles, mk)
    ncols = table_columns(table)
    align = list(table.align) + ["left"] * (ncols - len(table.align))
    fam = mk.fonts.heading

    body = styles[Role.BODY]

    def row(cells: tuple[tuple[Inline, ...], ...], style: ParagraphStyle, hyph: bool) -> list[Flowable]:
        cells = tuple(cells) + ((),) * (ncols - len(cells))
        return [Paragraph(mk.inlines(c, fam), _cell_style(style, align[i], lay.size, hyph, body))
                for i, c in enumerate(cells)]

    head, cell = styles[Role.CELL_HEAD], styles[Role.CELL]
    data = ([row(table.header, head, False)] if table.header else [])
    data += [row(r, cell, True) for r in table.rows]
    look = theme.tables
    widths = list(lay.widths)
    rule = HexColor(theme.colours.rule)
    cmds: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONT", (0, 0), (-1, -1), cell.fontName, lay.size),
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
