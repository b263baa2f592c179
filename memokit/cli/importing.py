"""Reading an edited DOCX (its record, identified blocks, new paragraphs, tracked changes) and
merging its blocks into the memo's source text."""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import docx
from docx.oxml.ns import qn

from memokit.cli import merge, merge_parts, moves
from memokit.source.located import Located, load_yaml_text
from memokit.writers.docx._oxml_read import (
    Reading,
    comments,
    identities,
    note_identities,
    paragraph_markdown,
    settle_changes,
    table_cells,
    table_markdown,
    table_of,
    tracked_changes,
    unlabelled,
)
from memokit.writers.docx_stamp import read_record, unchanged

if TYPE_CHECKING:
    from memokit.cli.docx_import import Outcome


@dataclass
class Edited:
    """What the DOCX holds: its record and the editor's text of each identity."""

    source: str
    source_sha256: str
    blocks: list[tuple[int, str, str, int, str]]  # n, kind, field, index, recorded text
    texts: dict[int, str]
    added: dict[int, list[str]] = field(default_factory=dict)  # after identity n: new paragraphs
    tracked: list[tuple[str, str, str, str]] = field(default_factory=list)
    comments: list[tuple[str, str, str, int]] = field(default_factory=list)  # author, text, block
    unplaced: list[tuple[str, int | None]] = field(default_factory=list)  # new text, after identity
    moved: dict[int, int | None] = field(default_factory=dict)  # moved identity -> the one it follows
    merged: str | None = None  # 'merged': imported already; 'edited': edited again since
    relabelled: dict[int, str] = field(default_factory=dict)  # identity -> the label edited away
    cells: dict[int, list[list[str]]] = field(default_factory=dict)  # a table's cells, row by row
    parts: dict[int, list[list[str | None]]] = field(default_factory=dict)  # composed lines
    order: list[int] = field(default_factory=list)  # the identities of text blocks, as now in order


def _footnotes(document: docx.document.Document, kind: str = "/footnotes") -> object | None:
    for rel in document.part.rels.values():
        if rel.reltype.endswith(kind) and not rel.is_external:
            return rel.target_part
    return None


def read_docx(path: Path, changes: str) -> Edited:
    """The editor's blocks; ValueError for a DOCX memokit did not write."""
    record, parts = read_record(path)
    if record is None:
        raise ValueError("it holds no memokit record")
    merged = record.get("merged_sha256")
    document = docx.Document(str(path))
    notes = _footnotes(document)
    roots = [document.element.body] + ([notes.element] if notes is not None else [])  # type: ignore[attr-defined]
    refs = dict(record.get("refs") or {})  # type: ignore[call-overload]
    skip = frozenset(record.get("skip") or ())  # type: ignore[arg-type]
    code = frozenset(record.get("code") or ())  # type: ignore[arg-type]
    blocks = [tuple(b) for b in record.get("blocks") or []]  # type: ignore[attr-defined]
    fields = {b[0]: b[2] for b in blocks}
    marks = frozenset(b[0] for b in blocks if b[1] == "footnote")  # the notes' identities
    tracked = []
    for root in roots:
        for kind, author, text, p in tracked_changes(root):
            n = next((n for n, _ in identities(p, marks)), None) if p is not None else None
            tracked.append((kind, author, text, fields.get(n, "text memokit generated")
                            if n is not None else "a paragraph memokit did not write"))
    if tracked and changes != "refuse":
        for root in roots:
            settle_changes(root, changes == "accept")
    note_ids: dict[str, str | None] = {}
    if notes is not None:
        for fn in notes.element.findall(qn("w:footnote")):  # type: ignore[attr-defined]
            note_ids[fn.get(qn("w:id"))] = None
        for n, p in note_identities(document.element.body, notes.element, marks):  # type: ignore[attr-defined]
            note_ids[p.getparent().get(qn("w:id"))] = fields.get(n)

    def reading(part: object) -> Reading:
        def url(rid: str) -> str | None:
            rel = part.rels.get(rid)  # type: ignore[attr-defined]
            return rel.target_ref if rel is not None and rel.is_external else None
        return Reading(url, cited, refs, skip, code)

    def cited(fid: str) -> str | None:
        where = note_ids.get(fid, "")
        if where is None:  # a note without identity: written inline
            fn = next(f for f in notes.element.findall(qn("w:footnote"))  # type: ignore[union-attr]
                      if f.get(qn("w:id")) == fid)
            return "^[" + " ".join(paragraph_markdown(p, reading(notes))
                                   for p in fn.findall(qn("w:p"))) + "]"
        return f"[^{where.split('.', 1)[1]}]" if where else None

    texts: dict[int, str] = {}
    kinds = {b[0]: b[1] for b in blocks}
    cells: dict[int, list[list[str]]] = {}
    labels = {int(k): v for k, v in dict(record.get("labels") or {}).items()}  # type: ignore[call-overload]
    relabelled = set()
    for n, p in identities(document.element.body, marks):
        if kinds.get(n) == "table":
            texts[n] = table_markdown(p, reading(document.part))
            tbl = table_of(p)
            if tbl is not None:
                cells[n] = table_cells(tbl, reading(document.part))
        elif kinds.get(n) != "footnote":  # a note's mark whose reference was deleted
            texts[n] = paragraph_markdown(p, reading(document.part))
            if labels.get(n) and not texts[n].startswith(labels[n]):
                relabelled.add(n)
            texts[n] = unlabelled(texts[n], labels.get(n, ""))
    if notes is not None:
        for n, p in note_identities(document.element.body, notes.element, marks):  # type: ignore[attr-defined]
            texts[n] = paragraph_markdown(p, reading(notes))
    added, unplaced = _new_paragraphs(document, {b[0]: b[1] for b in blocks}, reading(document.part))
    remarks = _footnotes(document, "/comments")
    said = []
    for author, text, p in comments(remarks.element if remarks is not None else None,  # type: ignore[attr-defined]
                                    document.element.body):
        n = next((n for n, _ in identities(p, marks)), None) if p is not None else None
        block = next((b for b in blocks if b[0] == n), None)
        said.append((author, text, block[2] if block else "", block[3] if block else -1))
    order = [n for n, _ in identities(document.element.body, marks) if kinds.get(n) in _ORDERED]
    return Edited(str(record.get("source", "")), str(record.get("source_sha256", "")),
                  blocks, texts, added, tracked, said, unplaced,  # type: ignore[arg-type]
                  _moves([b[0] for b in blocks if b[1] in _ORDERED], order),
                  None if merged is None else "merged" if unchanged(record, parts, "merged")
                  else "edited", {n: labels[n] for n in relabelled}, cells,
                  {int(k): v for k, v in dict(record.get("parts") or {}).items()},  # type: ignore[call-overload]
                  order)


_ORDERED = ("series", "title", "subtitle", "lede", "heading", "paragraph")  # never moved by floats


def _moves(written: list[int], now: list[int]) -> dict[int, int | None]:
    """The blocks the editor moved (the fewest, by the longest common order) and, for each,
    the block that stays in place it now follows (None: first)."""
    present = set(now)
    written = [n for n in written if n in present]
    kept: set[int] = set()
    for blk in difflib.SequenceMatcher(None, written, now, autojunk=False).get_matching_blocks():
        kept.update(written[blk.a:blk.a + blk.size])
    out: dict[int, int | None] = {}
    anchor: int | None = None
    for n in now:
        if n in kept:
            anchor = n
        else:
            out[n] = anchor
    return out


def _flow(body: object) -> Iterator[object]:
    """The body's paragraphs and those in its tables' cells (a box's text), in reading order;
    not those in text boxes (page-wide floats)."""
    for child in body:  # type: ignore[attr-defined]
        if child.tag == qn("w:p"):
            yield child
        elif child.tag == qn("w:tbl"):
            for tc in child.iter(qn("w:tc")):
                yield from tc.iterchildren(qn("w:p"))


def _new_paragraphs(document: docx.document.Document, kinds: dict[int, str],
                    reading: Reading) -> tuple[dict[int, list[str]], list[tuple[str, int | None]]]:
    """Paragraphs without identity in the style of the paragraph written before them (by the
    identity they follow), and those in an authored paragraph style that follow anything else
    (with the identity before them, if any)."""
    out: dict[int, list[str]] = {}
    unplaced: list[tuple[str, int | None]] = []
    paras = list(_flow(document.element.body))
    notes = frozenset(n for n, kind in kinds.items() if kind == "footnote")
    marks = [next((n for n, _ in identities(p, notes)), None) for p in paras]
    authored = {p.style for p, n in zip(paras, marks) if n is not None and kinds.get(n) == "paragraph"}
    last: tuple[int, str | None] | None = None
    seen: int | None = None
    for p, n in zip(paras, marks):
        style = p.style
        if n is not None:
            last = (n, style) if kinds.get(n) == "paragraph" else None
            seen = n
            continue
        if style not in authored:
            continue
        text = paragraph_markdown(p, reading)
        if not text:
            continue
        if last is None or style != last[1]:
            unplaced.append((text, seen))
        else:
            out.setdefault(last[0], []).append(text)
    return out, unplaced


def _drawn(doc: Located, where: str) -> bool:
    """Whether the table at ``where`` is drawn from a data set (not written in the YAML)."""
    spec = merge.value_at(doc, merge.field_path(where))
    return not isinstance(spec, dict) or "rows" not in spec or "data" in spec


def _table_conflict(doc: Located, where: str, deleted: bool) -> str:
    """Why an edited table does not come back: what it is drawn from."""
    spec = merge.value_at(doc, merge.field_path(where))
    data = spec.get("data") if isinstance(spec, dict) else None
    what = "deleted" if deleted else "edited"
    if isinstance(data, str):
        line, _ = doc.pos(merge.field_path(where) + ("data",))
        return (f"the table was {what} in the DOCX, but memokit draws it from the data set "
                f"'{data}' ({where}.data, line {line}); change the data or the table's keys in the YAML")
    return (f"the table was {what} in the DOCX; tables do not come back from the DOCX: change its "
            "'rows:' or 'header:' in the YAML")


def _date_reader(file: str) -> Callable[[str], dt.date | None]:
    """Reads a date as the memo's house style shows it ('7 May 2026'): the day of the year it
    names (else of the memo's year or the next) that the style shows so; the memo is loaded
    only when a date is read."""
    def read(shown: str) -> dt.date | None:
        from memokit.errors import ContentError, UsageError
        from memokit.pipeline import check_memo

        try:
            checked = check_memo(file)
        except (ContentError, UsageError):
            return None
        meta, theme = checked.memo.meta, checked.theme
        wanted = " ".join(shown.split())
        years = [int(y) for y in re.findall(r"\b(\d{4})\b", shown) if 1 <= int(y) <= 9998]
        for year in years or [meta.date.year, meta.date.year + 1]:
            day = dt.date(year, 1, 1)
            while day.year == year:
                if " ".join(theme.format_date(day, meta.language).split()) == wanted:
                    return day
                day += dt.timedelta(days=1)
        return None
    return read


def merge_into(source: str, file: str, edited: Edited, out: Outcome, comments: bool = False) -> str:
    """The memo's source with the editor's changes; conflicts are added to ``out``. With
    ``comments``, each Word comment on a block still in place becomes a YAML comment above it
    (where that is clean: ``out.comments[i]['kept']`` says which)."""
    doc = load_yaml_text(source, file)
    patches = merge.Patches(source)
    changed_since = hashlib.sha256(source.encode("utf-8")).hexdigest() != edited.source_sha256

    def conflict(span: tuple[int, int] | None, where: str, message: str) -> None:
        line, col = doc.position_of_index(span[0]) if span else doc.pos(merge.field_path(where))
        out.conflicts.append({"line": line, "column": col, "field": where, "message": message})

    moves.move(doc, source, edited, patches, out, conflict)
    fresh = merge.FreshNotes(doc)
    for n, kind, where, index, base in edited.blocks:
        now = edited.texts.get(n)
        if n in edited.moved or now == base and n not in edited.added:
            continue
        if now is not None and kind == "paragraph":
            now = fresh.rewrite(base, now)
        if kind == "table" and _drawn(doc, where):
            conflict(None, where, _table_conflict(doc, where, now is None))
            continue
        if kind == "table":
            merge_parts.table(doc, where, base, edited.cells.get(n) if now is not None else None,
                              patches, out.changes, lambda f, m: conflict(None, f, m))
            continue
        if kind in ("authors", "affiliations", "colophon"):
            merge_parts.composed(doc, where, edited.parts.get(n), base, now, patches, out.changes,
                                 lambda f, m: conflict(None, f, m), _date_reader(file))
            continue
        if n in edited.relabelled:
            conflict(None, where, f"the label '{edited.relabelled[n]}' was edited in the DOCX; "
                     "memokit writes it (the number follows the order of the boxes): edit only "
                     "the words after it")
            continue
        span = merge.region(doc, where, index)
        if isinstance(span, str):
            conflict(None, where, span + ("; the YAML changed since the render" if changed_since else ""))
            continue
        line, col = doc.position_of_index(span[0])
        change = {"field": where, "kind": kind, "line": line, "column": col, "before": base,
                  "after": now}
        if now is None and kind == "footnote":
            why = merge.delete_entry(doc, where, patches)
            if why:
                conflict(span, where, f"the footnote was deleted in the DOCX, but {why}")
                continue
        elif now is None:
            if kind != "paragraph":
                conflict(span, where, f"the {kind} was deleted in the DOCX; delete or change it "
                         "in the YAML")
                continue
            jinja = merge.JINJA.search(source, span[0], span[1])
            if jinja:  # a paragraph whose words were replaced whole loses its identity too
                conflict(span, where, "the paragraph was deleted (or retyped whole) in the DOCX, "
                         f"but the YAML computes part of it ({jinja.group()[:50]!r}); change it in "
                         "the YAML")
                continue
            merge.delete_paragraph(source, span, patches)
        elif now != base:
            why = merge.merge_block(source, span, base, now, patches)
            if why:
                conflict(span, where, why)
                continue
        if now != base:
            out.changes.append(change)
        for text in edited.added.get(n, []):
            merge.insert_paragraph(source, span, text, patches)
            out.changes.append({"field": where, "kind": "new paragraph", "line": line,
                                "column": col, "before": None, "after": text})
    for text, after in edited.unplaced:
        block = next((b for b in edited.blocks if b[0] == after), None)
        where = block[2] if block else "title"
        conflict(None, where, f"a new paragraph '{text[:50]}' after this block cannot be placed in "
                 "the YAML (a new paragraph follows a paragraph of its own style); add it in the YAML")
    fresh.patch(patches)
    new = patches.apply()
    if comments and not out.conflicts:
        new = _with_comments(doc, edited, patches, new, out)
    if new != source:
        check = load_yaml_text(new, file)
        if check.problems:
            p = check.problems[0]
            out.conflicts.append({"line": p.line, "column": p.column, "field": p.field or "",
                                  "message": "the merged YAML would not read: " + p.message
                                  + "; make this edit in the YAML"})
    return new


def _with_comments(doc: Located, edited: Edited, patches: merge.Patches, merged: str,
                   out: Outcome) -> str:
    """``merged`` with the Word comments as YAML comments, when the YAML reads the same with them."""
    lines: dict[int, str] = {}
    kept = []
    for i, (author, text, where, index) in enumerate(edited.comments):
        block = next((b for b in edited.blocks if b[2] == where and b[3] == index), None)
        if block is None or edited.texts.get(block[0]) is None or block[0] in edited.moved:
            continue
        found = merge_parts.comment_line(doc, where, author, text)
        if found is not None and found[1] not in lines.get(found[0], ""):
            lines[found[0]] = lines.get(found[0], "") + found[1]
            kept.append(i)
    if not lines:
        return merged
    noted = merge.Patches(patches.source, patches.edits + [(a, a, t) for a, t in lines.items()])
    new = noted.apply()
    if load_yaml_text(new, doc.file).value != load_yaml_text(merged, doc.file).value:
        return merged  # a comment line would change what the YAML says: reported only
    for i in kept:
        if i < len(out.comments):
            out.comments[i]["kept"] = True
    return new
