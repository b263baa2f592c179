"""Page geometry, column sections and the header and footer, all from the Theme."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from docx.document import Document
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.text.paragraph import Paragraph

from memokit.model.nodes import Memo
from memokit.style.theme import Theme
from memokit.template import render_text
from memokit.writers.docx import _oxml
from memokit.writers.docx.styles import Styles

# what the header and footer snippets may show as Word fields, and the field each becomes
_MARK = re.compile("\x00(\\d+)\x00")
PROPERTY_NAMES = {"number": "Memo number", "series": "Series", "project": "Project",
                  "approved_by": "Approved by", "date": "Memo date"}


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


@dataclass(frozen=True)
class Piece:
    """A stretch of header/footer text, or a field with its cached result."""

    text: str
    field: str | None = None


def furniture_text(snippet: str, memo: Memo, theme: Theme) -> list[Piece]:
    """A header/footer snippet rendered with Word fields for page, pages and memo properties."""
    meta, lang = memo.meta, memo.meta.language
    fields: list[tuple[str, str]] = []

    def mark(instr: str, cached: str) -> str:
        fields.append((instr, cached))
        return f"\x00{len(fields) - 1}\x00"

    date = theme.format_date(meta.date, lang)
    props = {k: mark(f'DOCPROPERTY "{PROPERTY_NAMES[k]}"', str(getattr(meta, k)))
             for k in ("number", "series", "project", "approved_by") if getattr(meta, k)}
    ctx = {"memo": replace(meta, **props), "date": mark(f'DOCPROPERTY "{PROPERTY_NAMES["date"]}"', date),
           "labels": theme.labels_for(lang), "institute": theme.institute,
           "page": mark("PAGE", "1"), "pages": mark("NUMPAGES", "1")}
    text = " ".join(render_text(snippet, ctx).split())
    out: list[Piece] = []
    pos = 0
    for m in _MARK.finditer(text):
        if m.start() > pos:
            out.append(Piece(text[pos:m.start()]))
        instr, cached = fields[int(m.group(1))]
        out.append(Piece(cached, instr))
        pos = m.end()
    if pos < len(text):
        out.append(Piece(text[pos:]))
    return out


def memo_properties(memo: Memo, theme: Theme) -> dict[str, str]:
    """The custom document properties the header and footer fields read."""
    meta = memo.meta
    out = {PROPERTY_NAMES[k]: str(getattr(meta, k)) for k in ("number", "series", "project", "approved_by")
           if getattr(meta, k)}
    out[PROPERTY_NAMES["date"]] = theme.format_date(meta.date, meta.language)
    return out


def _write_pieces(paragraph: Paragraph, pieces: list[Piece]) -> None:
    for piece in pieces:
        if piece.field:
            _oxml.add_field(paragraph._p, piece.field, piece.text)
        elif piece.text:
            _oxml.add_run(paragraph._p, piece.text, paragraph)


def _only_paragraph(story: object, style_id: str) -> Paragraph:
    para = story.paragraphs[0]  # type: ignore[attr-defined]
    _oxml.set_paragraph_style(para, style_id)
    return para


def header_and_footer(document: Document, memo: Memo, theme: Theme, styles: Styles) -> None:
    """First page: the institute line; later pages: the running header; every page: the footer."""
    first = document.sections[0]
    first.different_first_page_header_footer = True
    inst = _only_paragraph(first.first_page_header, styles["institute"])
    _oxml.add_run(inst._p, theme.institute, inst)
    _write_pieces(_only_paragraph(first.header, styles["header"]), furniture_text(theme.header, memo, theme))
    for footer in (first.footer, first.first_page_footer):
        para = _only_paragraph(footer, styles["footer"])
        for i, snippet in enumerate((theme.footer_left, theme.footer_centre, theme.footer_right)):
            if i:
                _oxml.add_run(para._p, "\t", para)
            _write_pieces(para, furniture_text(snippet, memo, theme))
