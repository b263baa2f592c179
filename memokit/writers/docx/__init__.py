"""The DOCX writer: an editable Word document built from named styles, real footnotes and fields.

``write(memo, theme, assets, dest)`` renders the resolved memo to ``dest`` and returns warnings.
All raw WordprocessingML is in ``_oxml``; the other modules speak in memo terms.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from memokit.errors import Diagnostic
from memokit.figures.asset import FigureAsset
from memokit.model import walk
from memokit.model.nodes import Memo
from memokit.present import Role, end_mark, reference_form, reference_list, toc_shown
from memokit.style.theme import Theme
from memokit.writers.docx import _oxml, package
from memokit.writers.docx.blocks import Body
from memokit.writers.docx.inlines import Inlines, Notes
from memokit.writers.docx.page import header_and_footer
from memokit.writers.docx.properties import GENERATOR, memo_timestamp, set_properties
from memokit.writers.docx.record import Identities, record_properties
from memokit.writers.docx.styles import build_styles, styles_kept
from memokit.writers.docx.titleblock import title_block
from memokit.writers.docx_stamp import home_of
from memokit.writers.pdf import float_places, heading_pages

__all__ = ["write"]


def _may_float(memo: Memo, theme: Theme) -> bool:
    """Whether the DOCX may set something in a page-wide box: a page-wide figure, or a table
    (page-wide when asked or when its words do not fit a column), in columns, boxes chosen."""
    return (theme.page.columns > 1 and theme.word.page_wide == "box"
            and (any(f.width == "page" for f in walk.figures(memo)) or bool(walk.tables(memo))))


def write(memo: Memo, theme: Theme, assets: Mapping[str, FigureAsset], dest: Path) -> list[Diagnostic]:
    """Render ``memo`` as a Word document at ``dest``; return what could not be rendered as asked."""
    lang = memo.meta.language
    labels = theme.labels_for(lang)
    toc, references = toc_shown(memo, theme), reference_list(memo, labels) is not None
    document = package.new_document(lean=styles_kept(theme, lang, toc, references))
    package.clean_template(document, GENERATOR, theme.institute)
    styles = build_styles(document, theme, lang, toc, references)
    _oxml.write_settings(document.settings.element, theme.text.hyphenate, theme.text.list_indent, lang)
    form = reference_form(theme)
    notes = Notes(document.part, styles, labels, form, lang)
    notes.ids = Identities()
    inlines = Inlines(document.part, styles, labels, notes, form, lang)
    places = float_places(memo, theme, assets) if _may_float(memo, theme) else {}
    pages = heading_pages(memo, theme, assets) if toc_shown(memo, theme) else None
    body = Body(document, memo, theme, styles, inlines, assets, end_mark(memo, theme), places)
    title_block(body, memo, theme)
    body.write(memo.sections, memo.appendix, pages)
    header_and_footer(document, memo, theme, styles)
    skip = frozenset(styles[r] for r in (Role.END_MARK, Role.CAPTION_LABEL, Role.NOTE_REF))
    notes.ids.code = frozenset({styles[Role.CODE]})
    record = record_properties(document, notes.part, notes.ids, skip, memo.source_path,
                               home_of(Path(dest)))
    set_properties(document, memo, theme, record)
    package.save(document, Path(dest), memo_timestamp(memo))
    return body.warnings
