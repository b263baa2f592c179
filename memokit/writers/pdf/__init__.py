"""The PDF writer (reportlab): the memo in its house style, two columns, notes under the column.

``write(memo, theme, assets, dest)`` renders the resolved memo and returns
warnings. A footnote that does not start in the column of its reference is an
internal layout error (:class:`FootnotePlacementError`), never a silent defect.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from memokit.errors import Diagnostic
from memokit.figures.asset import FigureAsset
from memokit.model import walk
from memokit.model.nodes import Memo, Paragraph
from memokit.style.theme import Theme
from memokit.writers.pdf.balance import floors
from memokit.writers.pdf.blocks import StoryBuilder
from memokit.writers.pdf.doc import MemoDoc
from memokit.writers.pdf.fonts import theme_fonts
from memokit.writers.pdf.inlines import Markup, plain
from memokit.writers.pdf.notes import NoteBook
from memokit.writers.pdf.page import Furniture, title_block
from memokit.writers.pdf.styles import make_styles

__all__ = ["FootnotePlacementError", "write"]


class FootnotePlacementError(RuntimeError):
    """The layout put a footnote away from the column that cites it (a bug, not bad content)."""


def _end_paragraph(memo: Memo) -> Paragraph | None:
    """The paragraph that takes the end mark: the last block, if text comes last."""
    last = None
    for sec in walk.iter_sections(memo.sections):
        for b in walk.iter_blocks(sec.blocks):
            last = b
    return last if isinstance(last, Paragraph) else None


def _info(memo: Memo) -> dict[str, str]:
    m = memo.meta
    return {"title": m.title, "author": ", ".join(a.name for a in m.authors),
            "subject": " ".join(plain(memo.lede).split()), "keywords": ", ".join(m.keywords)}


def write(memo: Memo, theme: Theme, assets: Mapping[str, FigureAsset], dest: Path) -> list[Diagnostic]:
    """Render ``memo`` as a PDF at ``dest``; return warnings."""
    fonts = theme_fonts(theme)
    lang = memo.meta.language
    labels = theme.labels_for(lang)
    styles = make_styles(theme, fonts, lang)
    mk = Markup(fonts, labels, theme.colours.link)
    furniture = Furniture.make(memo, theme, fonts)

    book = NoteBook({n.number: mk.inlines(n.children) for n in walk.notes(memo)}, styles.note,
                    theme.notes, labels.continued, theme.colours.rule)
    built = StoryBuilder(memo, theme, styles, mk, assets, _end_paragraph(memo)).build()
    leading = float(styles.body.leading)

    def finish(doc: MemoDoc) -> None:
        """Balance the last page: lay it out again on trial, then for good under the floors found."""
        doc.commit(floors(doc.trial({}), doc.trial, leading, theme.page.columns))

    buf = io.BytesIO()
    doc = MemoDoc(buf, theme=theme, book=book, furniture=furniture,
                  title=title_block(memo, theme, styles, mk), date=memo.meta.date, info=_info(memo),
                  lang=lang, finish=finish)
    doc.build(doc.story(built.flowables))
    problems = book.problems()
    if problems:
        raise FootnotePlacementError("; ".join(problems))
    Path(dest).write_bytes(buf.getvalue())
    file = memo.source_path or "memo"
    warnings = [Diagnostic(file, None, None, None, w, "warning") for w in built.warnings]
    warnings += _float_distance(doc, file)
    return warnings


def _float_distance(doc: Any, file: str) -> list[Diagnostic]:
    """A page-wide figure or table should sit on the page of its first reference or the next."""
    out = []
    for name, page in sorted(doc.float_page.items()):
        ref = doc.ref_page.get(name)
        if ref is not None and not ref <= page <= ref + 1:
            out.append(Diagnostic(file, None, None, None,
                                  f"{name.replace('-', ' ', 1)} is on page {page}, its first reference "
                                  f"on page {ref}", "warning"))
    return out


