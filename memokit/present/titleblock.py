"""The first page's title block as a list of items, in order, for any writer to draw."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from memokit.model.nodes import Author, Inline, Link, Memo, Text
from memokit.present.labels import NBSP
from memokit.present.roles import Role
from memokit.style.theme import Theme

COLOPHON_SEPARATOR = f" {NBSP}·{NBSP} "
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


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


def _email(author: Author) -> Link:
    assert author.email is not None
    return Link(f"mailto:{author.email}", (Text(author.email),))


def _joined(groups: list[list[Inline]], separator: str) -> tuple[Inline, ...]:
    out: list[Inline] = []
    for i, group in enumerate(groups):
        if i:
            out.append(Text(separator))
        out += group
    return tuple(out)


def author_items(authors: tuple[Author, ...], how: str) -> list[TitleItem]:
    """The authors line, and their affiliations and e-mail addresses (links) as the house style
    says: ``after`` each name in brackets, or ``marks``: on a line of their own, numbered with
    superscript marks after the names unless every author has the same one."""
    if not authors:
        return []
    if how == "after":
        groups = []
        for a in authors:
            extra: list[Inline] = [Text(a.affiliation)] if a.affiliation else []
            if a.email:
                extra += [Text(", ")] * bool(extra) + [_email(a)]
            groups.append([Text(a.name)] + ([Text(" ("), *extra, Text(")")] if extra else []))
        return [TitleItem("paragraph", Role.AUTHORS, inlines=_joined(groups, ", "))]
    places = list(dict.fromkeys(a.affiliation for a in authors if a.affiliation))
    marked = len({a.affiliation for a in authors}) > 1  # not all the same (or some have none)
    names = [[Text(a.name + (str(places.index(a.affiliation) + 1).translate(_SUPERSCRIPT)
                             if marked and a.affiliation else ""))] for a in authors]
    out = [TitleItem("paragraph", Role.AUTHORS, inlines=_joined(names, ", "))]
    lines = [[Text((f"{str(i).translate(_SUPERSCRIPT)}{NBSP}" if marked else "") + place)]
             for i, place in enumerate(places, 1)]
    lines += [[_email(a)] for a in authors if a.email]
    if lines:
        out.append(TitleItem("paragraph", Role.AFFILIATIONS, inlines=_joined(lines, COLOPHON_SEPARATOR)))
    return out


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
    out += author_items(m.authors, theme.title_block.affiliations)
    parts = tuple(colophon_items(memo, theme))
    out.append(TitleItem("paragraph", Role.COLOPHON, COLOPHON_SEPARATOR.join(parts), parts=parts))
    if theme.title_block.rule:
        out.append(TitleItem("rule"))
    if memo.lede:
        out.append(TitleItem("paragraph", Role.LEDE, inlines=memo.lede))
    return out
