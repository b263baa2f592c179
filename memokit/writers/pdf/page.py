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
from reportlab.platypus import Flowable

from memokit.model.nodes import Memo
from memokit.present import Field, PageText, Piece, Role, page_text, title_items
from memokit.style.theme import Theme
from memokit.writers.pdf.floats import Stack
from memokit.writers.pdf.fonts import FontSet
from memokit.writers.pdf.inlines import Markup
from memokit.writers.pdf.logo import logo_flowables
from memokit.writers.pdf.marks import Structure, Tagged, artifact
from memokit.writers.pdf.notes import cited_notes
from memokit.writers.pdf.para import BodyPara
from memokit.writers.pdf.styles import Styles


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
        with artifact(self.canv):
            self.canv.setStrokeColor(HexColor(self.colour))
            self.canv.setLineWidth(self.thickness)
            self.canv.line(0, self.thickness / 2, self.width, self.thickness / 2)


def title_block(memo: Memo, theme: Theme, styles: Styles, mk: Markup, st: Structure | None = None) -> Stack:
    """The title block's items (see :func:`memokit.present.title_items`), full width; in ``st``
    the title is H1 and the other items paragraphs, the logo and rules decoration."""
    head = mk.fonts.heading
    items: list[Flowable] = []
    st = st or Structure()
    for item in title_items(memo, theme):
        if item.kind == "logo":
            items += [Tagged(f) for f in logo_flowables(theme, (head.regular, styles[Role.SERIES].fontSize))]
            continue
        elif item.kind == "rule":
            items.append(Rule(theme.title_block.rule_width, theme.colour(theme.title_block.colour),
                              theme.title_block.gap))
        elif item.inlines:
            family = mk.fonts.body if item.role is Role.LEDE else head
            items.append(BodyPara(mk.inlines(item.inlines, family), styles[item.role]))
        else:
            items.append(BodyPara(mk.text(item.text, head), styles[item.role]))
        if item.kind != "rule":
            elem = st.tag(items[-1], "H1" if item.role is Role.TITLE else "P")
            st.cite(cited_notes(items[-1]), elem)
    return Stack(items)


def _shown(pieces: list[Piece], page: int, pages: int | None = None) -> str:
    return "".join(p.shown(page, pages) for p in pieces)


def _counts_pages(pieces: list[Piece]) -> bool:
    return any(p.field is Field.PAGES for p in pieces)


@dataclass
class Furniture:
    """Header and footer of one memo: the text :func:`memokit.present.page_text` gives, drawn."""

    theme: Theme
    fonts: FontSet
    text: PageText

    @classmethod
    def make(cls, memo: Memo, theme: Theme, fonts: FontSet) -> Furniture:
        return cls(theme, fonts, page_text(memo, theme, properties=False))

    def _font(self, canv: Canvas) -> tuple[str, float]:
        name, size = self.fonts.heading.regular, self.theme.sizes.header
        canv.setFont(name, size)
        canv.setFillColor(HexColor(self.theme.colours.muted))
        return name, size

    def draw_page(self, canv: Canvas, page: int) -> None:
        """Institute line (first page) or running header, and the footer form."""
        with artifact(canv):
            self._draw_page(canv, page)

    def _draw_page(self, canv: Canvas, page: int) -> None:
        t = self.theme
        p = t.page
        y = p.height - p.header_offset
        canv.saveState()
        if page == 1:
            canv.setFont(self.fonts.heading.bold, t.sizes.institute)
            canv.setFillColor(HexColor(t.colour(t.title_block.colour)))
            canv.drawString(p.margin_left, y, self.text.institute)
        elif _counts_pages(self.text.header):
            canv.doForm(header_form(page))  # drawn once the page count is known
        else:
            self._font(canv)
            canv.drawString(p.margin_left, y, _shown(self.text.header, page))
        canv.restoreState()
        canv.doForm(footer_form(page))

    def define_footers(self, canv: Canvas, pages: int) -> None:
        """Once the page count is known: one footer form per page (and header form, if it counts)."""
        p = self.theme.page
        y = p.footer_offset
        for page in range(1, pages + 1):
            left, centre, right = (_shown(s, page, pages) for s in self.text.footer)
            canv.beginForm(footer_form(page))
            name, size = self._font(canv)
            if left:
                canv.drawString(p.margin_left, y, left)
            if centre:
                canv.drawCentredString(p.width / 2, y, centre)
            if right:
                canv.drawString(p.width - p.margin_right - stringWidth(right, name, size), y, right)
            canv.endForm()
            if page > 1 and _counts_pages(self.text.header):
                canv.beginForm(header_form(page))
                self._font(canv)
                canv.drawString(p.margin_left, p.height - p.header_offset,
                                _shown(self.text.header, page, pages))
                canv.endForm()


def header_form(page: int) -> str:
    return f"memokitHeader{page}"


def footer_form(page: int) -> str:
    return f"memokitFooter{page}"
