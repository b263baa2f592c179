"""Merging what is not one text of the YAML: the title block's lines composed of several fields
(authors, affiliations, the colophon) and the cells of a table written in the YAML."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable

import yaml

from memokit.cli import merge
from memokit.source.located import Located, format_path

Conflict = Callable[[str, str], None]  # (field, message)
Changes = list[dict[str, object]]
_NUMBER_MARKS = re.compile(r"[,\u00a0\u202f\u2009' ]")  # thousands separators memokit may show
_GROUPED = re.compile(r"^-?\d{1,3}(?:[,\u00a0\u202f\u2009' ]\d{3})+(?:\.\d+)?$")  # '1,250.5'


def scalar(doc: Located, path: tuple[str | int, ...], base: str, new: str,
           patches: merge.Patches) -> str | None:
    """Patch the YAML value at ``path`` shown as ``base`` to show ``new``; why not, if not."""
    where = format_path(path)
    value = merge.value_at(doc, path)
    if isinstance(value, str):
        span = merge.region(doc, where, -1)
        if isinstance(span, str):
            return span
        origin = doc.texts.get(path)
        if origin is not None and origin.style is None and _in_flow(doc.source, origin.start) \
                and _FLOW.search(new):  # a plain word in '[a, b]' would split: quote the cell
            if value != base:
                return (f"the text of '{where}' is not written in the YAML as the DOCX showed it; "
                        "change it in the YAML")
            patches.edits.append((origin.start, origin.end, json.dumps(new, ensure_ascii=False)))
            return None
        return merge.merge_block(doc.source, span, base, new, patches)
    plain = doc.plain.get(path)
    if isinstance(value, (int, float)) and not isinstance(value, bool) and plain is not None:
        try:
            shown = float(_NUMBER_MARKS.sub("", base))
        except ValueError:
            shown = None
        if shown != float(value):
            return (f"the value {plain[0]} is shown as '{base}' (memokit formats it); change it "
                    "in the YAML")
        written = new.strip().replace("\u2212", "-")
        written = _NUMBER_MARKS.sub("", written) if _GROUPED.match(written) else written
        loaded = _load(written)
        text = written if isinstance(loaded, (int, float)) and not isinstance(loaded, bool) \
            else json.dumps(new, ensure_ascii=False)  # text where a number was: quoted
        patches.edits.append((plain[1].start, plain[1].end, text))
        return None
    return f"'{where}' is not a text or a number written in the YAML; change it in the YAML"


_FLOW = re.compile(r"[,\[\]{}#]|: ")


def _in_flow(source: str, start: int) -> bool:
    """Whether the scalar starting at ``start`` is an item of a flow sequence ('[a, b]')."""
    before = source[:start].rstrip(" \t")
    return before.endswith(("[", ","))


def _load(text: str) -> object:
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError:
        return None


_ISO = re.compile(r"(['\"]?)(\d{4}-\d{2}-\d{2})\1[ \t]*(?:#.*)?$", re.M)


def _date(doc: Located, shown: str, read_date: Callable[[str], dt.date | None],
          patches: merge.Patches) -> str | None:
    """Patch 'date:' to the date shown as ``shown``; why not, if not."""
    date = read_date(shown)
    if date is None:
        return (f"'{shown}' is not a date as the house style shows dates; change 'date:' "
                "(YYYY-MM-DD) in the YAML")
    at = doc.values.get(("date",))
    if at is None:
        return "'date' is not written in the YAML; add it there"
    start = merge._line_starts(doc.source)[at[0] - 1] + at[1] - 1
    m = _ISO.match(doc.source, start)
    if m is None:
        return "'date:' is not written as YYYY-MM-DD in the YAML; change it there"
    patches.edits.append((m.start(2), m.end(2), date.isoformat()))
    return None


def _values(parts: list[list[str | None]], text: str) -> list[str] | None:
    """The fields' texts in ``text`` when memokit's own segments of ``parts`` are still there."""
    pattern = "".join("(.*?)" if key else re.escape(str(shown)) for key, shown in parts)
    m = re.fullmatch(pattern, text, re.S)
    return list(m.groups()) if m else None


def _paths(doc: Located, key: str) -> list[tuple[str | int, ...]] | str:
    """The YAML fields a segment's key names (several for an affiliation authors share)."""
    kind, _, which = key.partition(":")
    if kind == "author":
        i = int(which)
        if isinstance(merge.value_at(doc, ("authors",)), str):  # 'authors: A. Writer'
            return [("authors",)]
        return [("authors", i, "name") if isinstance(merge.value_at(doc, ("authors", i)), dict)
                else ("authors", i)]
    if kind == "affiliation":
        return [("authors", int(i), "affiliation") for i in which.split(",")]
    if kind == "date":
        return [("date",)]
    return [(kind,)]


def composed(doc: Located, where: str, parts: list[list[str | None]] | None, base: str,
             now: str | None, patches: merge.Patches, changes: Changes, conflict: Conflict,
             read_date: Callable[[str], dt.date | None] = lambda _: None) -> None:
    """A title block line composed of several fields: each field's changed words go back (the
    date as ``read_date`` reads the shown text: the date the house style shows so)."""
    line = {"authors": "authors line", "date": "colophon"}.get(where, where)
    if now is None:
        conflict(where, f"the {line} was deleted in the DOCX; change the fields in the YAML")
        return
    old = _values(parts, base) if parts else None
    new = _values(parts, now) if parts else None
    if old != [shown for key, shown in parts or () if key]:
        old = None  # a field holds what separates them (a name with a comma): ambiguous
    if old is None or new is None:
        conflict(where, f"the {line} was edited where memokit writes it (labels, separators, "
                 "marks or e-mail links) or cannot be taken apart; change it in the YAML")
        return
    keys = [k for k, _ in parts if k]  # type: ignore[union-attr]
    for key, before, after in zip(keys, old, new):
        if before == after:
            continue
        paths = _paths(doc, str(key))
        if isinstance(paths, str):
            conflict(where, paths)
            continue
        for path in paths:
            field = format_path(path)
            why = _date(doc, after, read_date, patches) if key == "date" else scalar(
                doc, path, before, after, patches)
            if why:
                conflict(field, why)
                continue
            line_no, col = doc.pos(path)
            changes.append({"field": field, "kind": "title block", "line": line_no, "column": col,
                            "before": before, "after": after})


def table(doc: Located, where: str, base: str, cells: list[list[str]] | None,
          patches: merge.Patches, changes: Changes, conflict: Conflict) -> None:
    """A table written in the YAML ('rows:', maybe 'header:'): each edited cell goes back."""
    path = merge.field_path(where)
    spec = merge.value_at(doc, path)
    if cells is None:
        conflict(where, "the table was deleted in the DOCX; delete it in the YAML")
        return
    old = [row.split(" | ") for row in base.split("\n")]
    shape = [len(r) for r in old]
    if shape != [len(r) for r in cells]:
        conflict(where, "rows or columns were added or deleted in the DOCX (or a cell holds a "
                 "line break or ' | '); change the table's 'rows:' in the YAML")
        return
    header = isinstance(spec, dict) and isinstance(spec.get("header"), list)
    for r, (before_row, after_row) in enumerate(zip(old, cells)):
        for c, (before, after) in enumerate(zip(before_row, after_row)):
            if before == after:
                continue
            at = path + (("header", c) if header and r == 0 else ("rows", r, c))
            field = format_path(at)
            why = scalar(doc, at, before, after, patches)
            if why:
                conflict(field, f"the table cell was edited in the DOCX, but {why}")
                continue
            line, col = doc.pos(at)
            changes.append({"field": field, "kind": "table cell", "line": line, "column": col,
                            "before": before, "after": after})


_ITEM_OR_KEY = re.compile(r"( *)(?:- )?")


def comment_line(doc: Located, where: str, author: str, text: str) -> tuple[int, str] | None:
    """Where a Word comment on the block of field ``where`` goes as a YAML comment, and the line:
    ``# comment (Author): text`` just above the line the field's entry starts, at its
    indentation; None when that line is not clean (the entry shares its line with something
    else, as in a flow sequence)."""
    path = merge.field_path(where)
    if not path:
        return None
    at = doc.values.get(path) if isinstance(path[-1], int) else doc.keys.get(path)
    said = " ".join(text.split())
    who = " ".join(author.split()).replace(")", "")
    if at is None or not said or any(ord(c) < 32 for c in said + who):
        return None
    line, col = at
    starts = merge._line_starts(doc.source)
    if line - 1 >= len(starts):
        return None
    start = starts[line - 1]
    prefix = doc.source[start:start + col - 1]
    m = _ITEM_OR_KEY.fullmatch(prefix)
    if m is None:
        return None
    return start, f"{m.group(1)}# comment ({who}): {said}\n"


def reorder_items(doc: Located, where: str, written: list[int], now: list[int],
                  patches: merge.Patches) -> str | None:
    """List items of the text ``where`` the editor reordered within their list: paragraph
    indices ``written`` in the YAML's order, ``now`` in the DOCX's. Each item's marker stays in
    its place (an ordered list keeps its numbers) and takes the text of the item now there; why
    not, if not."""
    if sorted(now) != sorted(written):
        return "the item was moved out of its list; move it in the YAML"
    differ = [k for k, (a, b) in enumerate(zip(written, now)) if a != b]
    if not differ:
        return None
    lo, hi = differ[0], differ[-1]
    source = doc.source
    slots = []  # (lead, line start, text start, end) of each item between the first and last moved
    for index in written[lo:hi + 1]:
        span = merge.region(doc, where, index)
        if isinstance(span, str):
            return span
        line_start = source.rfind("\n", 0, span[0]) + 1
        lead = merge._LEAD.match(source, line_start).group()  # type: ignore[union-attr]
        slots.append((lead, line_start, line_start + len(lead), span[1]))
    first = slots[0][0]
    marker = first.strip()
    alike = all(len(lead) == len(first) and lead.strip()[-1:] == marker[-1:] for lead, *_ in slots)
    if not marker or marker.startswith(">") or not alike:
        return ("the moved item and the items it passed are not all items of one list written "
                "alike (it left its list, or the markers differ in width); move it in the YAML")
    for a, b in zip(slots, slots[1:]):
        if source[a[3]:b[1]].strip():
            return ("an item it passed holds more than one paragraph or a nested list; move it "
                    "in the YAML")
    content = {index: source[s:e] for index, (_, _, s, e) in zip(written[lo:hi + 1], slots)}
    for (_, _, s, e), index in zip(slots, now[lo:hi + 1]):
        if content[index] != source[s:e]:
            patches.edits.append((s, e, content[index]))
    return None
