"""Document properties: core (title, authors, subject, keywords, language, dates) and custom ones."""

from __future__ import annotations

import datetime as dt

from docx.document import Document

from memokit.model.nodes import Memo
from memokit.present import memo_properties, plain_text
from memokit.style.theme import Theme
from memokit.writers.docx import _oxml

GENERATOR = "memokit"
LIMIT = 255  # characters Word keeps in a core property


def fit(text: str, limit: int = LIMIT) -> str:
    """``text`` on one line, cut at a word boundary with an ellipsis if Word would not keep it whole."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def memo_timestamp(memo: Memo) -> dt.datetime:
    """The memo's date at midnight UTC: created, modified and the zip entries' time."""
    d = memo.meta.date
    return dt.datetime(d.year, d.month, d.day, tzinfo=dt.timezone.utc)


def set_properties(document: Document, memo: Memo, theme: Theme,
                   extra: dict[str, str] | None = None) -> None:
    """Core and custom properties; ``extra``: more custom text properties (the import record)."""
    meta = memo.meta
    core = document.core_properties
    core.title = fit(meta.title)
    core.author = fit("; ".join(a.name for a in meta.authors))
    core.subject = fit(plain_text(memo.lede, theme.labels_for(meta.language)))
    core.keywords = fit(", ".join(meta.keywords))
    core.language = meta.language
    core.created = core.modified = memo_timestamp(memo)
    core.last_modified_by = GENERATOR
    core.revision = 1
    core.comments = ""
    _oxml.drop_core_description(core._element)
    _oxml.add_custom_properties(document.part.package, {**memo_properties(memo, theme), **(extra or {})})
