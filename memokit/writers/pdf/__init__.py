"""The PDF writer (reportlab): the memo in its house style, two columns, notes under the column.

``write(memo, theme, assets, dest)`` renders the resolved memo and returns
warnings. A footnote that does not start in the column of its reference is an
internal layout error (:class:`FootnotePlacementError`), never a silent defect.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from memokit.errors import Diagnostic
from memokit.figures.asset import FigureAsset
from memokit.model import walk
from memokit.model.nodes import Memo
from memokit.present import Role, end_mark, located_warning, plain_text, reference_form, toc_shown
from memokit.style.theme import Labels, Theme
from memokit.writers.pdf import a85
from memokit.writers.pdf.balance import floors
from memokit.writers.pdf.blocks import StoryBuilder
from memokit.writers.pdf.doc import MemoDoc
from memokit.writers.pdf.fonts import theme_fonts
from memokit.writers.pdf.frame import TOLERANCE, FrameOverflowError
from memokit.writers.pdf.inlines import Markup, anchor
from memokit.writers.pdf.marks import Structure
from memokit.writers.pdf.notes import NoteBook
from memokit.writers.pdf.page import Furniture, title_block
from memokit.writers.pdf.styles import Styles, make_styles
from memokit.writers.pdf.tagged import DEFAULT_STANDARD, STANDARDS, Claim, finish

__all__ = ["DEFAULT_STANDARD", "STANDARDS", "TOLERANCE", "FloatPlace", "FootnotePlacementError",
           "FrameOverflowError", "anchor", "float_places", "frame_problems", "heading_pages", "write"]


@dataclass(frozen=True)
class FloatPlace:
    """Where the PDF sets a page-wide figure or table: at the top (or the foot) of the page on
    which the paragraph ``starts`` begins (the id of its model node; None: no paragraph follows)."""

    starts: int | None
    bottom: bool


_last: tuple[Memo, Theme, Mapping[str, FigureAsset], dict[str, FloatPlace], dict[str, int]] | None = None


class FootnotePlacementError(RuntimeError):
    """The layout put a footnote away from the column that cites it (a bug, not bad content)."""


def _info(memo: Memo, labels: Labels) -> dict[str, str]:
    m = memo.meta
    return {"title": m.title, "author": ", ".join(a.name for a in m.authors),
            "subject": " ".join(plain_text(memo.lede, labels).split()), "keywords": ", ".join(m.keywords)}


def write(memo: Memo, theme: Theme, assets: Mapping[str, FigureAsset], dest: Path,
          standard: str | None = None, laid_out: Callable[[int], None] | None = None,
          ) -> list[Diagnostic]:
    """Render ``memo`` as a PDF at ``dest``; return warnings. ``standard`` (one of
    :data:`STANDARDS`, else the house style's): a tagged PDF/UA-1 and PDF/A-2a file, PDF/A-2b
    or a plain PDF. ``laid_out`` is told the page count once the layout is done and sound
    (:func:`float_places` and :func:`heading_pages` then answer at once), before the file is
    tagged and saved."""
    claim = Claim(standard or theme.pdf_standard or DEFAULT_STANDARD)
    doc, buf, warnings = _lay_out(memo, theme, assets, claim.tagged)
    _remember_places(memo, theme, assets, doc)
    problems = doc.book.problems()
    if problems:
        raise FootnotePlacementError("; ".join(problems))
    if doc.frame_problems:
        raise FrameOverflowError(_summary(doc.frame_problems))
    if laid_out is not None:
        laid_out(int(doc.page))
    Path(dest).write_bytes(finish(buf.getvalue(), claim, doc.structure, doc.canv, memo.meta.language))
    return warnings + _float_distance(doc, memo)


def float_places(memo: Memo, theme: Theme, assets: Mapping[str, FigureAsset]) -> dict[str, FloatPlace]:
    """Where the PDF layout puts each page-wide figure and table (by :func:`anchor`), so the
    DOCX can anchor them where the PDF has them (the memo is laid out unless :func:`write` just did)."""
    if _last is None or _last[0] is not memo or _last[1] is not theme or _last[2] is not assets:
        _remember_places(memo, theme, assets, _lay_out(memo, theme, assets)[0])
    assert _last is not None
    return _last[3]


def heading_pages(memo: Memo, theme: Theme, assets: Mapping[str, FigureAsset]) -> dict[str, int]:
    """The page the PDF sets each heading on (by its destination name, present.section_key), so
    the DOCX's table of contents shows the same pages (the memo is laid out unless
    :func:`write` just did)."""
    float_places(memo, theme, assets)
    assert _last is not None
    return _last[4]


def _remember_places(memo: Memo, theme: Theme, assets: Mapping[str, FigureAsset],
                     doc: MemoDoc) -> dict[str, FloatPlace]:
    global _last
    pages = sorted(doc.starts)
    out = {}
    for name, page in doc.float_page.items():
        later = [doc.starts[p][0] for p in pages if p >= page and doc.starts[p]]
        out[name] = FloatPlace(later[0] if later else None, name in doc.bottom_floats)
    _last = (memo, theme, assets, out, dict(doc.heading_pages))
    return out


def frame_problems(memo: Memo, theme: Theme, assets: Mapping[str, FigureAsset]) -> list[str]:
    """Every line the layout of ``memo`` draws outside its frame (what :func:`write` raises on)."""
    return list(_lay_out(memo, theme, assets)[0].frame_problems)


def _summary(problems: list[str], most: int = 5) -> str:
    more = f"; and {len(problems) - most} more" if len(problems) > most else ""
    return "text drawn outside its frame: " + "; ".join(problems[:most]) + more


def _lay_out(memo: Memo, theme: Theme, assets: Mapping[str, FigureAsset],
             tagged: bool = False) -> tuple[MemoDoc, io.BytesIO, list[Diagnostic]]:
    """The memo laid out and drawn into a buffer (its content tagged as drawn if ``tagged``),
    and the warnings of building its story."""
    a85.use()  # reportlab's streams encoded the same, faster
    fonts = theme_fonts(theme)
    lang = memo.meta.language
    labels = theme.labels_for(lang)
    styles = make_styles(theme, fonts, lang)
    mk = Markup(fonts, labels, theme.colours.link, reference_form(theme), lang)
    # with a table of contents, laid out until the pages it shows are the pages of the headings
    toc: dict[str, int] | None = {} if toc_shown(memo, theme) else None
    for _ in range(MAX_PASSES):
        doc, buf, builder = _build(memo, theme, assets, styles, mk, toc, tagged)
        if toc is None or builder.pages == toc:
            break
        toc = dict(builder.pages)
    doc.heading_pages = builder.pages
    return doc, buf, builder.story.warnings


MAX_PASSES = 4  # layouts of a memo with a table of contents (two suffice unless pages move)


def _build(memo: Memo, theme: Theme, assets: Mapping[str, FigureAsset], styles: Styles, mk: Markup,
           toc: dict[str, int] | None, tagged: bool = False) -> tuple[MemoDoc, io.BytesIO, StoryBuilder]:
    """One layout of the memo (``toc``: the pages its table of contents shows, None: no table)."""
    lang, labels, fonts = memo.meta.language, mk.labels, mk.fonts
    st = Structure()
    furniture = Furniture.make(memo, theme, fonts)
    book = NoteBook({n.number: mk.inlines(n.children) for n in walk.notes(memo)}, styles[Role.NOTE],
                    theme.notes, labels, theme.colours.rule)
    title = title_block(memo, theme, styles, mk, st)
    builder = StoryBuilder(memo, theme, styles, mk, assets, end_mark(memo, theme), toc, st)
    built = builder.build()
    book.tags, book.structure = dict(st.notes), st
    leading = float(styles[Role.BODY].leading)

    def balance(doc: MemoDoc, part: bool) -> None:
        """Balance the last page of the memo, or (``part``) of the part of it before a new page (the
        main text before the appendices, an appendix): lay the page out again on trial, then for
        good under the floors found."""
        doc.commit(floors(doc.trial({}), doc.trial, leading, theme.page.columns), part)

    buf = io.BytesIO()
    doc = MemoDoc(buf, theme=theme, book=book, furniture=furniture,
                  title=title, date=memo.meta.date, info=_info(memo, labels),
                  lang=lang, finish=balance, structure=st if tagged else None)
    doc.build(doc.story(built.flowables))
    return doc, buf, builder


def _float_distance(doc: Any, memo: Memo) -> list[Diagnostic]:
    """A page-wide figure or table should sit on the page of its first reference or the next."""
    nodes = {anchor("figure", f.id): f for f in walk.figures(memo)}
    nodes.update({anchor("table", t.id): t for t in walk.tables(memo)})
    out = []
    for name, page in sorted(doc.float_page.items()):
        ref = doc.ref_page.get(name)
        if ref is not None and not ref <= page <= ref + 1:
            out.append(located_warning(memo, nodes.get(name), f"{name.replace('-', ' ', 1)} is on page "
                                       f"{page}, its first reference on page {ref}"))
    return out


