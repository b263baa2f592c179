"""The full-width first-page block: series, title, subtitle, authors, colophon and the lede."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docx.text.paragraph import Paragraph

from memokit.model.nodes import Memo
from memokit.style.theme import Theme
from memokit.writers.docx.inlines import NBSP
from memokit.writers.docx.logo import logo_paragraph

if TYPE_CHECKING:
    from memokit.writers.docx.blocks import Body


def colophon_items(memo: Memo, theme: Theme) -> list[str]:
    """"Date February 2026", "Memo 8147", ... as the PDF's colophon shows them."""
    m = memo.meta
    lab = theme.labels_for(m.language)
    items = [f"{lab.date} {theme.format_date(m.date, m.language)}"]
    for label, value in ((lab.memo, m.number), (lab.project, m.project), (lab.approved_by, m.approved_by)):
        if value:
            items.append(f"{label} {value}")
    return items


def title_block(body: Body, memo: Memo, theme: Theme) -> Paragraph:
    """Write the title block into the body; return its last paragraph."""
    m = memo.meta
    logo_paragraph(body)
    if m.series:
        body.text_paragraph("series", m.series)
    body.text_paragraph("title", m.title)
    if m.subtitle:
        body.text_paragraph("subtitle", m.subtitle)
    if m.authors:
        body.text_paragraph("authors", ", ".join(a.name for a in m.authors))
    last = body.text_paragraph("colophon", f" {NBSP}·{NBSP} ".join(colophon_items(memo, theme)))
    if memo.lede:
        last = body.paragraph("lede")
        body.inlines.write(last, memo.lede)
    return last
