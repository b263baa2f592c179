"""Which words of the title block's composed lines (authors, affiliations, colophon) come from
which of the memo's fields, so an editor's change to one of them can go back to its field.

Each line is a list of segments ``(key, text)`` whose texts, joined, are the line as the DOCX
shows it (e-mail addresses as Markdown links); ``key`` is None for what memokit writes
(labels, separators, marks, e-mail links) and otherwise names the field: ``author:<i>`` (the
name of author i), ``affiliation:<i>,<j>`` (the affiliation authors i and j share), ``date``,
``number``, ``project`` or ``approved_by``.
"""

from __future__ import annotations

from memokit.model.nodes import Author, Memo
from memokit.present.labels import NBSP
from memokit.present.roles import Role
from memokit.present.titleblock import _SUPERSCRIPT, COLOPHON_SEPARATOR
from memokit.style.theme import Theme

Segments = list[tuple[str | None, str]]


def _email(author: Author) -> str:
    return f"[{author.email}](mailto:{author.email})"


def _authors_after(authors: tuple[Author, ...]) -> Segments:
    out: Segments = []
    for i, a in enumerate(authors):
        if i:
            out.append((None, ", "))
        out.append((f"author:{i}", a.name))
        if a.affiliation or a.email:
            out.append((None, " ("))
            if a.affiliation:
                out.append((f"affiliation:{i}", a.affiliation))
            if a.email:
                out.append((None, (", " if a.affiliation else "") + _email(a)))
            out.append((None, ")"))
    return out


def _authors_marked(authors: tuple[Author, ...]) -> tuple[Segments, Segments]:
    places = list(dict.fromkeys(a.affiliation for a in authors if a.affiliation))
    marked = len({a.affiliation for a in authors}) > 1
    names: Segments = []
    for i, a in enumerate(authors):
        if i:
            names.append((None, ", "))
        names.append((f"author:{i}", a.name))
        if marked and a.affiliation:
            names.append((None, str(places.index(a.affiliation) + 1).translate(_SUPERSCRIPT)))
    lines: Segments = []
    for k, place in enumerate(places, 1):
        if lines:
            lines.append((None, COLOPHON_SEPARATOR))
        if marked:
            lines.append((None, f"{str(k).translate(_SUPERSCRIPT)}{NBSP}"))
        sharing = ",".join(str(i) for i, a in enumerate(authors) if a.affiliation == place)
        lines.append((f"affiliation:{sharing}", place))
    for a in authors:
        if a.email:
            lines += [(None, COLOPHON_SEPARATOR)] * bool(lines) + [(None, _email(a))]
    return names, lines


def title_fields(memo: Memo, theme: Theme) -> dict[Role, Segments]:
    """The segments of the authors line, the affiliations line and the colophon (those shown)."""
    m = memo.meta
    out: dict[Role, Segments] = {}
    if m.authors:
        if theme.title_block.affiliations == "after":
            out[Role.AUTHORS] = _authors_after(m.authors)
        else:
            out[Role.AUTHORS], lines = _authors_marked(m.authors)
            if lines:
                out[Role.AFFILIATIONS] = lines
    lab = theme.labels_for(m.language)
    colophon: Segments = [(None, f"{lab.date} "), ("date", theme.format_date(m.date, m.language))]
    for key, label, value in (("number", lab.memo, m.number), ("project", lab.project, m.project),
                              ("approved_by", lab.approved_by, m.approved_by)):
        if value:
            colophon += [(None, f"{COLOPHON_SEPARATOR}{label} "), (key, value)]
    out[Role.COLOPHON] = colophon
    return out
