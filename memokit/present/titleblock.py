"""The first page's title block as a list of items, in order, for any writer to draw."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from memokit.model.nodes import Inline, Memo
from memokit.present.labels import NBSP
from memokit.present.roles import Role
from memokit.style.theme import Theme

COLOPHON_SEPARATOR = f" {NBSP}·{NBSP} "


@dataclass(frozen=True)
class TitleItem:
    """One item: the style's logo, a paragraph in ``role`` (text or inlines), or the rule."""

    kind: Literal["logo", "paragraph", "rule"]
    role: Role | None = None
    text: str = ""
    inlines: tuple[Inline, ...] = ()
    parts: tuple[str, ...] = ()  # the colophon's items, which ``text`` joins


def colophon_items(memo: Memo, theme: Theme) -> list[str]:
    """'Date 14 March 2026', 'Memo 8147', 'Project B26014', 'Approved by ...' (those given)."""
    m = memo.meta
    lab = theme.labels_for(m.language)
    items = [f"{lab.date} {theme.format_date(m.date, m.language)}"]
    for label, value in ((lab.memo, m.number), (lab.project, m.project), (lab.approved_by, m.approved_by)):
        if value:
            items.append(f"{label} {value}")
    return items


def title_items(memo: Memo, theme: Theme) -> list[TitleItem]:
    """Logo, series, title, subtitle, authors, colophon, rule, lede: those the memo and style have."""
    m = memo.meta
    out: list[TitleItem] = []
    if theme.logo is not None:
        out.append(TitleItem("logo"))

    def text(role: Role, value: str | None) -> None:
        if value:
            out.append(TitleItem("paragraph", role, value))

    text(Role.SERIES, m.series)
    out.append(TitleItem("paragraph", Role.TITLE, m.title))
    text(Role.SUBTITLE, m.subtitle)
    text(Role.AUTHORS, ", ".join(a.name for a in m.authors))
    parts = tuple(colophon_items(memo, theme))
    out.append(TitleItem("paragraph", Role.COLOPHON, COLOPHON_SEPARATOR.join(parts), parts=parts))
    if theme.title_block.rule:
        out.append(TitleItem("rule"))
    if memo.lede:
        out.append(TitleItem("paragraph", Role.LEDE, inlines=memo.lede))
    return out
