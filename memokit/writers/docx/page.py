"""Page geometry, column sections and the header and footer, all from the Theme."""

from __future__ import annotations

from docx.document import Document
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.text.paragraph import Paragraph

from memokit.model.nodes import Memo
from memokit.present import Field, Piece, Role, page_text
from memokit.style.theme import Theme
from memokit.writers.docx import _oxml
from memokit.writers.docx.styles import Styles


def _sectpr(theme: Theme, columns: int, continuous: bool) -> BaseOxmlElement:
    p = theme.page
    return _oxml.section_properties(
        p.width, p.height, (p.margin_top, p.margin_right, p.margin_bottom, p.margin_left),
        max(p.header_offset - theme.sizes.header, 0), p.footer_offset, columns, p.gutter, continuous)


class SectionFlow:
    """Tracks the current column count and inserts continuous section breaks when it changes."""

    def __init__(self, theme: Theme):
        self.theme = theme
        self.columns = 1
        self.started = False  # whether a section has been closed yet

    def switch(self, columns: int, last: Paragraph) -> None:
        """From here on, set text in ``columns`` columns; ``last`` ends the section before."""
        if columns == self.columns:
            return
        _oxml.end_section_at(last, _sectpr(self.theme, self.columns, continuous=self.started))
        self.started = True
        self.columns = columns

    def finish(self, document: Document) -> None:
        _oxml.set_final_section(document.element.body,
                                _sectpr(self.theme, self.columns, continuous=self.started))


def _instruction(piece: Piece) -> str:
    """The Word field code of a header/footer field."""
    if piece.field is Field.PAGE:
        return "PAGE"
    if piece.field is Field.PAGES:
        return "NUMPAGES"
    return f'DOCPROPERTY "{piece.name}"'


def _write_pieces(paragraph: Paragraph, pieces: list[Piece]) -> None:
    for piece in pieces:
        if piece.field:
            _oxml.add_field(paragraph._p, _instruction(piece), piece.text)
        elif piece.text:
            _oxml.add_run(paragraph._p, piece.text, paragraph)


def _only_paragraph(story: object, style_id: str) -> Paragraph:
    para = story.paragraphs[0]  # type: ignore[attr-defined]
    _oxml.set_paragraph_style(para, style_id)
    return para


def header_and_footer(document: Document, memo: Memo, theme: Theme, styles: Styles) -> None:
    """First page: the institute line; later pages: the running header; every page: the footer."""
    text = page_text(memo, theme)
    first = document.sections[0]
    first.different_first_page_header_footer = True
    inst = _only_paragraph(first.first_page_header, styles[Role.INSTITUTE])
    _oxml.add_run(inst._p, text.institute, inst)
    _write_pieces(_only_paragraph(first.header, styles[Role.HEADER]), text.header)
    for footer in (first.footer, first.first_page_footer):
        para = _only_paragraph(footer, styles[Role.FOOTER])
        for i, pieces in enumerate(text.footer):
            if i:
                _oxml.add_run(para._p, "\t", para)
            _write_pieces(para, pieces)
