"""Header and footer text: the Theme's Jinja snippets rendered once, fields left as placeholders.

A snippet that fails to render (an unknown filter, a field the memo lacks) is a located
error at the snippet's key in the style.yaml that wrote it; :func:`check_page_text` finds
these before anything is written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from enum import Enum

from memokit.errors import ContentError, Diagnostic
from memokit.lang import in_language
from memokit.model.nodes import Memo
from memokit.style.theme import Theme
from memokit.template import TemplateFailure, render_text

SNIPPETS = ("header", "footer_left", "footer_centre", "footer_right")

# the memo fields a header or footer may show as a document property, and the property's name
PROPERTY_NAMES = {"number": "Memo number", "series": "Series", "project": "Project",
                  "approved_by": "Approved by", "date": "Memo date"}
_META_PROPERTIES = ("number", "series", "project", "approved_by")
_MARK = re.compile("\x00(\\d+)\x00")


class Field(str, Enum):
    PAGE = "page"  # this page's number
    PAGES = "pages"  # the page count
    PROPERTY = "property"  # a memo property (``Piece.name`` says which)


@dataclass(frozen=True)
class Piece:
    """A stretch of header/footer text, or a field with its value as known now."""

    text: str
    field: Field | None = None
    name: str = ""  # a property field's property name

    def shown(self, page: int, pages: int | None = None) -> str:
        """The text on page ``page`` of ``pages`` (the value known now when the count is not given)."""
        if self.field is Field.PAGE:
            return str(page)
        if self.field is Field.PAGES and pages is not None:
            return str(pages)
        return self.text


@dataclass(frozen=True)
class PageText:
    """What the page furniture shows: the first page's institute line, header and three-part footer."""

    institute: str
    header: list[Piece]
    footer: tuple[list[Piece], list[Piece], list[Piece]]  # left, centre, right


def memo_properties(memo: Memo, theme: Theme) -> dict[str, str]:
    """The document properties property fields read: name -> value."""
    meta = memo.meta
    out = {PROPERTY_NAMES[k]: str(getattr(meta, k)) for k in _META_PROPERTIES if getattr(meta, k)}
    out[PROPERTY_NAMES["date"]] = theme.format_date(meta.date, meta.language)
    return out


def pieces(snippet: str, memo: Memo, theme: Theme, properties: bool = True) -> list[Piece]:
    """A snippet rendered with ``page`` and ``pages`` as fields, and the memo's properties too
    when ``properties`` (else their values as text); runs of white space become one space."""
    meta, lang = memo.meta, memo.meta.language
    found: list[Piece] = []

    def mark(piece: Piece) -> str:
        found.append(piece)
        return f"\x00{len(found) - 1}\x00"

    date = theme.format_date(meta.date, lang)
    shown: object = meta
    if properties:
        props = {k: mark(Piece(str(getattr(meta, k)), Field.PROPERTY, PROPERTY_NAMES[k]))
                 for k in _META_PROPERTIES if getattr(meta, k)}
        shown = replace(meta, **props)
        date = mark(Piece(date, Field.PROPERTY, PROPERTY_NAMES["date"]))
    ctx = {"memo": shown, "date": date, "labels": theme.labels_for(lang), "institute": theme.institute,
           "page": mark(Piece("1", Field.PAGE)), "pages": mark(Piece("1", Field.PAGES))}
    with in_language(lang):
        text = " ".join(render_text(snippet, ctx).split())
    out: list[Piece] = []
    pos = 0
    for m in _MARK.finditer(text):
        if m.start() > pos:
            out.append(Piece(text[pos:m.start()]))
        out.append(found[int(m.group(1))])
        pos = m.end()
    if pos < len(text):
        out.append(Piece(text[pos:]))
    return out


def page_text(memo: Memo, theme: Theme, properties: bool = True) -> PageText:
    """The header and footer of ``memo`` (see :func:`pieces`); ContentError, located at the
    style's key, when a snippet fails to render."""
    found: dict[str, list[Piece]] = {}
    errors = []
    for key in SNIPPETS:
        try:
            found[key] = pieces(getattr(theme, key), memo, theme, properties)
        except TemplateFailure as exc:
            errors.append(_snippet_error(theme, key, exc))
    if errors:
        raise ContentError(errors)
    return PageText(theme.institute, found["header"],
                    (found["footer_left"], found["footer_centre"], found["footer_right"]))


def _snippet_error(theme: Theme, key: str, exc: TemplateFailure) -> Diagnostic:
    return theme.located(key, f"{exc.message} (in this header/footer snippet, rendered for the "
                         "memo); fix the snippet or the memo field it uses")


def check_page_text(memo: Memo, theme: Theme) -> list[Diagnostic]:
    """The errors :func:`page_text` would raise for ``memo`` in either writer, as a list."""
    for properties in (True, False):
        try:
            page_text(memo, theme, properties)
        except ContentError as err:
            return err.diagnostics
    return []
