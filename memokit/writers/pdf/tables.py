"""Tables: 'Table N:' caption above, header row repeated when the table breaks, Theme colours."""

from __future__ import annotations

from functools import lru_cache

from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus import Table as RLTable
from reportlab.platypus import TableStyle as RLTableStyle

from memokit.model.nodes import Inline, Table
from memokit.present import Role
from memokit.present.tables import TableLayout, house_table_layout, table_columns
from memokit.style.theme import Theme
from memokit.writers.pdf.captions import numbered_caption, source_line
from memokit.writers.pdf.inlines import Markup, anchor
from memokit.writers.pdf.para import BodyPara
from memokit.writers.pdf.styles import ALIGN, Styles


def caption(table: Table, styles: Styles, mk: Markup) -> Paragraph:
    """'Table N: caption' (label bold), holding the table's destination."""
    return numbered_caption("table", table.number, table.caption, styles, mk, anchor("table", table.id),
                            table.part)


def source(table: Table, styles: Styles, mk: Markup) -> Paragraph | None:
    return source_line(table.source, styles, mk)


def layout(table: Table, width: float, page_width: float, can_widen: bool, theme: Theme,
           mk: Markup, language: str) -> TableLayout:
    """Column widths and text size from the cells' content (memokit.present.tables), the same the
    DOCX gets; ``can_widen``: a column table may go page-wide when its words do not fit."""
    return house_table_layout(table, theme, mk.labels, language, column=width, page=page_width,
                              can_widen=can_widen)


@lru_cache(maxsize=256)
def _cell_style(style: ParagraphStyle, align: str, size: float, hyphenate: bool,
                body: ParagraphStyle, squeezed: bool, pad: float = 0.0) -> ParagraphStyle:
    """A cell's style: its alignment, the table's size; body cells hyphenate as the body does,
    header cells wrap between words only. Every word fits its column (the widths are made so):
    a word that does not fit the rest of a line goes to the next, whole, unless the table is
    squeezed below its words' widths. ``pad`` (points, rounded to 0.01) is set as a right indent:
    a number's decimal separator lines up with the column's others."""
    extra: dict[str, object] = {"splitLongWords": int(squeezed)}
    if pad:
        extra["rightIndent"] = style.rightIndent + pad
    if hyphenate:
        # 2: a word that cannot be hyphenated at the end of a line is tried again at the start of
        # the next (reportlab sets it whole there otherwise); it also allows a break after a hyphen
        extra.update(hyphenationLang=body.hyphenationLang, embeddedHyphenation=2, uriWasteReduce=0)
    if size != style.fontSize:
        extra.update(fontSize=size, leading=style.leading * size / style.fontSize)
    name = (f"{style.name}-{align}-{size:g}{'-h' if hyphenate else ''}{'-s' if squeezed else ''}"
            f"{f'-r{pad:.2f}' if pad else ''}")
    return ParagraphStyle(name, parent=style, alignment=ALIGN.get(align, ALIGN["left"]), **extra)


class KeptTable(RLTable):
    """A table that, when it breaks, leaves enough of itself on each side.

    Enough is at least ``MIN_ROWS`` body rows, or body rows at least ``MIN_LINES`` lines of
    body text tall (``line``: the body's leading), as TeX's club and widow penalties count
    lines, not paragraphs: a table of short rows never leaves one or two of them alone, while
    a table of tall rows breaks where the column ends, even after one row, instead of moving
    whole and leaving the column short. The header repeats above the rows that go on; a table
    that cannot leave enough on both sides moves whole.
    """

    MIN_ROWS = 3
    MIN_LINES = 4

    def __init__(self, *args: object, line: float = 12.0, **kwargs: object):
        super().__init__(*args, **kwargs)
        self.line = line

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts = self._split(availWidth, availHeight)
        if len(parts) == 2:  # the header rows above the second part repeat: artifacts when tagged
            parts[0]._mk_cont = getattr(self, "_mk_cont", False)  # type: ignore[attr-defined]
            parts[1]._mk_cont = True  # type: ignore[attr-defined]
            for part in parts:
                part.line = self.line  # type: ignore[attr-defined]
        return parts

    def _header_rows(self) -> int:
        return self.repeatRows if isinstance(self.repeatRows, int) else max(self.repeatRows) + 1

    def enough(self, heights: list[float]) -> bool:
        """Whether body rows of these heights may stand on their own side of a break."""
        return len(heights) >= self.MIN_ROWS or sum(heights) >= self.MIN_LINES * self.line - 1e-3

    def _split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        parts = super().split(availWidth, availHeight)
        if len(parts) != 2:
            return parts
        rep = self._header_rows()
        body = list(self._rowHeights[rep:])
        first = len(parts[0]._cellvalues) - rep
        if not self.enough(body[:first]):
            return []
        if self.enough(body[first:]):
            return parts
        # fewer rows before the break, so that enough go on (the fewest that are enough)
        keep = next((k for k in range(first - 1, 0, -1) if self.enough(body[k:])), 0)
        if not keep or not self.enough(body[:keep]):
            return []
        parts = super().split(availWidth, sum(self._rowHeights[:rep + keep]) + 1e-3)
        return parts if len(parts) == 2 else []


class SourcedTable(Flowable):
    """A column table and its source line, which never stands alone at the head of a column:
    when the table breaks, the source goes with its last part (enough rows: see KeptTable)."""

    def __init__(self, table: KeptTable, source: Flowable):
        super().__init__()
        self.table, self.source = table, source
        self._table_h = 0.0

    def _gap(self) -> float:
        return float(max(self.source.getSpaceBefore(), self.table.getSpaceAfter()))

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        self._table_h = self.table.wrap(aW, aH)[1]
        source_h = self.source.wrap(aW, aH)[1]
        self.width, self.height = aW, self._table_h + self._gap() + source_h
        return self.width, self.height

    def getSpaceBefore(self) -> float:
        return float(self.table.getSpaceBefore())

    def getSpaceAfter(self) -> float:
        return float(self.source.getSpaceAfter())

    def split(self, aW: float, aH: float) -> list[Flowable]:
        # a table that fits without its source breaks before its last rows, which go on with it
        height = self.table.wrap(aW, aH)[1]
        parts = self.table.split(aW, min(aH, height - 1e-3))
        if len(parts) != 2:
            return []
        return [parts[0], SourcedTable(parts[1], self.source)]  # type: ignore[arg-type]

    def draw(self) -> None:
        self.table.drawOn(self.canv, 0, self.height - self._table_h)
        self.source.drawOn(self.canv, 0, 0)


def table_flowable(table: Table, lay: TableLayout, theme: Theme, styles: Styles, mk: Markup) -> KeptTable:
    """The reportlab table: header row shaded and repeated, rules in the Theme's colour; columns and
    text size as ``lay`` sets them."""
    ncols = table_columns(table)
    align = list(table.align) + ["left"] * (ncols - len(table.align))
    fam = mk.fonts.heading

    body = styles[Role.BODY]

    def row(cells: tuple[tuple[Inline, ...], ...], style: ParagraphStyle, hyph: bool,
            k: int | None = None) -> list[Flowable]:
        """Row ``k`` of the body (None: the header) as paragraphs, each body cell with its pad."""
        cells = tuple(cells) + ((),) * (ncols - len(cells))
        return [BodyPara(mk.inlines(c, fam), _cell_style(style, align[i], lay.size, hyph, body, lay.squeezed,
                                                         0.0 if k is None else round(lay.pad(k, i), 2)))
                for i, c in enumerate(cells)]

    head, cell = styles[Role.CELL_HEAD], styles[Role.CELL]
    data = ([row(table.header, head, False)] if table.header else [])
    data += [row(r, cell, True, k) for k, r in enumerate(table.rows)]
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
    t = KeptTable(data, colWidths=widths, repeatRows=1 if table.header else 0, hAlign="LEFT",
                  line=float(body.leading))
    t.setStyle(RLTableStyle(cmds))
    return t
