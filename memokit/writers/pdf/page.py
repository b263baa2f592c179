"""Page furniture: the first-page title block, running header, footer with 'page N of M'.

The footer of every page is a form XObject drawn where the footer goes and
defined only when the document is complete, so 'of M' is the true page count
without a second layout pass.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import HexColor
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

from memokit.model.nodes import Memo
from memokit.style.theme import Theme
from memokit.template import render_text
from memokit.writers.pdf.floats import Stack
from memokit.writers.pdf.fonts import FontSet
from memokit.writers.pdf.inlines import Markup, esc
from memokit.writers.pdf.logo import logo_flowables
from memokit.writers.pdf.styles import Styles

_PAGE, _PAGES = "\ue000", "\ue001"  # stand-ins for the numbers in the snippets


class Rule(Flowable):
    """A full-width horizontal rule."""

    def __init__(self, width: float, colour: str, space: float):
        super().__init__()
        self.thickness, self.colour, self.space = width, colour, space

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        self.width = aW
        return aW, self.thickness

    def getSpaceBefore(self) -> float:
        return self.space

    def getSpaceAfter(self) -> float:
        return self.space

    def draw(self) -> None:
        self.canv.setStrokeColor(HexColor(self.colour))
        self.canv.setLineWidth(self.thickness)
        self.canv.line(0, self.thickness / 2, self.width, self.thickness / 2)


def title_block(memo: Memo, theme: Theme, styles: Styles, mk: Markup) -> Stack:
    """Series, title, subtitle, authors, colophon and the bold lede, full width."""
    m = memo.meta
    lab = theme.labels_for(m.language)
    head = mk.fonts.heading
    items: list[Flowable] = logo_flowables(theme, (head.regular, styles.series.fontSize))
    if m.series:
        items.append(Paragraph(mk.text(m.series, head), styles.series))
    items.append(Paragraph(mk.text(m.title, head), styles.title))
    if m.subtitle:
        items.append(Paragraph(mk.text(m.subtitle, head), styles.subtitle))
    if m.authors:
        items.append(Paragraph(mk.text(", ".join(a.name for a in m.authors), head), styles.authors))
    bits = [f"{esc(lab.date)} {mk.text(theme.format_date(m.date, m.language), head)}"]
    for label, value in ((lab.memo, m.number), (lab.project, m.project), (lab.approved_by, m.approved_by)):
        if value:
            bits.append(f"{esc(label)} {mk.text(value, head)}")
    items.append(Paragraph(" \u00a0·\u00a0 ".join(bits), styles.colophon))
    if theme.title_block.rule:
        items.append(Rule(theme.title_block.rule_width, theme.colour(theme.title_block.colour),
                          theme.title_block.gap))
    if memo.lede:
        items.append(Paragraph(mk.inlines(memo.lede, mk.fonts.body), styles.lede))
    return Stack(items)


@dataclass
class Furniture:
    """Header and footer text of one memo, drawn from the Theme's Jinja snippets."""

    theme: Theme
    fonts: FontSet
    header: str
    footer: tuple[str, str, str]  # left, centre, right, with stand-ins for page numbers

    @classmethod
    def make(cls, memo: Memo, theme: Theme, fonts: FontSet) -> Furniture:
        lab = theme.labels_for(memo.meta.language)
        ctx = {"memo": memo.meta, "date": theme.format_date(memo.meta.date, memo.meta.language),
               "labels": lab, "institute": theme.institute, "page": _PAGE, "pages": _PAGES}

        def r(snippet: str) -> str:
            return " ".join(render_text(snippet, ctx).split())

        return cls(theme, fonts, r(theme.header),
                   (r(theme.footer_left), r(theme.footer_centre), r(theme.footer_right)))

    def _font(self, canv: Canvas) -> tuple[str, float]:
        name, size = self.fonts.heading.regular, self.theme.sizes.header
        canv.setFont(name, size)
        canv.setFillColor(HexColor(self.theme.colours.muted))
        return name, size

    def draw_page(self, canv: Canvas, page: int) -> None:
        """Institute line (first page) or running header, and the footer form."""
        t = self.theme
        p = t.page
        y = p.height - p.header_offset
        canv.saveState()
        if page == 1:
            canv.setFont(self.fonts.heading.bold, t.sizes.institute)
            canv.setFillColor(HexColor(t.colour(t.title_block.colour)))
            canv.drawString(p.margin_left, y, t.institute)
        else:
            self._font(canv)
            canv.drawString(p.margin_left, y, self.header.replace(_PAGE, str(page)))
        canv.restoreState()
        canv.doForm(footer_form(page))

    def define_footers(self, canv: Canvas, pages: int) -> None:
        """Once the page count is known: one footer form per page."""
        p = self.theme.page
        y = p.footer_offset
        for page in range(1, pages + 1):
            left, centre, right = (s.replace(_PAGE, str(page)).replace(_PAGES, str(pages))
                                   for s in self.footer)
            canv.beginForm(footer_form(page))
            name, size = self._font(canv)
            if left:
                canv.drawString(p.margin_left, y, left)
            if centre:
                canv.drawCentredString(p.width / 2, y, centre)
            if right:
                canv.drawString(p.width - p.margin_right - stringWidth(right, name, size), y, right)
            canv.endForm()


def footer_form(page: int) -> str:
    return f"memokitFooter{page}"
