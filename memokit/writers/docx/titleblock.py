"""The full-width first-page block: the items :func:`memokit.present.title_items` lists, as paragraphs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docx.text.paragraph import Paragraph

from memokit.model.nodes import Memo
from memokit.present import Role, title_items
from memokit.present.titlefields import Segments, title_fields
from memokit.style.theme import Theme
from memokit.writers.docx.logo import logo_paragraph

if TYPE_CHECKING:
    from memokit.writers.docx.blocks import Body


_FIELDS = {Role.SERIES: "series", Role.TITLE: "title", Role.SUBTITLE: "subtitle"}
_COMPOSED = {Role.AUTHORS: ("authors", "authors"), Role.AFFILIATIONS: ("affiliations", "authors"),
             Role.COLOPHON: ("colophon", "date")}  # lines composed of several fields: kind, field


def title_block(body: Body, memo: Memo, theme: Theme) -> Paragraph | None:
    """Write the title block into the body; return its last paragraph."""
    last = None
    composed = title_fields(memo, theme)
    for item in title_items(memo, theme):
        if item.kind == "logo":
            logo_paragraph(body)
        elif item.kind == "rule":
            pass  # the Colophon style's bottom border, so an editor moves it with the style
        elif item.inlines:
            last = body.paragraph(item.role)
            if item.role == Role.LEDE:
                body.ids.mark(last._p, "lede", "lede", whole=True)
            _composed(body, last, item.role, composed)
            body.inlines.write(last, item.inlines)
        else:
            last = body.text_paragraph(item.role, item.text)
            if item.role in _FIELDS:  # a field of its own: import brings its edits back
                body.ids.mark(last._p, _FIELDS[item.role], _FIELDS[item.role], whole=True)
            _composed(body, last, item.role, composed)
    return last


def _composed(body: Body, para: Paragraph, role: Role | None, composed: dict[Role, Segments]) -> None:
    """The identity of a line composed of several fields, with which words come from which."""
    if role in _COMPOSED and role in composed:
        kind, where = _COMPOSED[role]
        body.ids.mark(para._p, kind, where, whole=True, parts=composed[role])
