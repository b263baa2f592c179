"""Box blocks: a titled, shaded panel of Markdown paragraphs and lists (numbered later, by the
resolve stage, like figures and tables)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from memokit.inline import MarkupProblem, parse_blocks
from memokit.model import Block, Box, BulletList, Figure, OrderedList, Paragraph, Quote, Table
from memokit.source.located import PathKey

if TYPE_CHECKING:
    from memokit.load.build import Builder

BOX_KINDS = ("findings", "recommendations", "note")
MAX_BOX_ITEMS = 200  # Markdown texts in one box's body


def box(b: Builder, spec: dict[str, Any], path: PathKey) -> Box | None:
    """The box written at ``path``; None when its id, title or body cannot be read."""
    box_id, kind = spec.get("id"), spec.get("kind", "note")
    width = spec.get("width", "column")
    title = b.inline(path + ("title",), spec.get("title"))
    body = spec.get("body")
    blocks: list[Block] = []
    page_wide = width == "page"
    for j, item in enumerate(body if isinstance(body, list) else []):
        blocks += _text(b, item, path + ("body", j), notes=not page_wide)
    if not isinstance(box_id, str) or not title or kind not in BOX_KINDS or not blocks:
        return None
    return Box(box_id, 0, title, kind, tuple(blocks), "page" if page_wide else "column",
               b.span(path), b.span(path + ("id",)))


def _text(b: Builder, item: object, path: PathKey, notes: bool) -> list[Block]:
    """Paragraphs and lists of one Markdown text of a box's body."""
    text = b.text(path, item)
    if text is None:
        return []
    b.warn_math(path, text)
    cb = b.callbacks(path, text, notes=notes)
    if not notes:
        def forbidden(offset: int) -> None:
            b.err_at(path, text, offset, "footnotes are not allowed in a page-wide box; set the "
                     "box in the column ('width: column') or move the note to the text")
        cb.forbidden_note = forbidden
    try:
        found = list(parse_blocks(text, cb))
    except MarkupProblem as exc:
        b.err_at(path, text, exc.offset, exc.message)
        return []
    where = b.span(path)  # the entry each text block came from (import maps back)
    return [replace(x, span=where) if isinstance(x, (Paragraph, BulletList, OrderedList, Quote))
            else x for x in found if not isinstance(x, (Figure, Table, Box))]
