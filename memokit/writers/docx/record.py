"""What a DOCX records about its memo, so an editor's changes can come back (``memokit import``).

Every authored block (a paragraph, list item, quote paragraph, heading, caption, the lede) and
every footnote with an id carries a hidden bookmark ``_mk<n>``. The record, in the document's
custom properties (which Word and LibreOffice keep), holds for each identity the YAML field it
came from, its paragraph index in that field and the block's text as the importer reads it back;
with the source memo's path relative to the output folder, the source's hash and two hashes of the
editable parts (the body and the notes): of their bytes, and of their content (each paragraph's
text and inline formatting as the importer reads it), which tells a DOCX a person edited from one
memokit wrote or an editor only re-saved.
"""

from __future__ import annotations

import hashlib
import io
import os
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from docx.document import Document
from docx.oxml.ns import qn

from memokit.writers import docx_stamp
from memokit.writers.docx import _oxml
from memokit.writers.docx._oxml_read import (
    Reading,
    content_digest,
    identities,
    note_identities,
    paragraph_markdown,
    table_markdown,
    unlabelled,
)
from memokit.writers.docx_stamp import EDITABLE_PARTS, content_hash, decode, editable_hash, encode

VERSION = 1


@dataclass
class Identities:
    """The identities given out while writing: n -> (kind, YAML field, paragraph index)."""

    blocks: list[tuple[int, str, str, int]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    notes: dict[int, str | None] = field(default_factory=dict)  # footnote number -> its id
    refs: dict[str, str] = field(default_factory=dict)  # REF bookmark -> '@fig:id'
    code: frozenset[str] = frozenset()  # the character style of code spans
    labels: dict[int, str] = field(default_factory=dict)  # identity -> the label memokit wrote first
    parts: dict[int, list[tuple[str | None, str]]] = field(default_factory=dict)  # composed lines

    def mark(self, p: object, kind: str, where: str, whole: bool = False, here: bool = False,
             label: str = "", parts: list[tuple[str | None, str]] | None = None) -> None:
        """Give the paragraph element ``p`` the next identity: the next paragraph of ``where``
        (or the whole of the field when ``whole``); ``here``: at the end of ``p`` (before a
        footnote reference) rather than first in it; ``label``: the text memokit writes before
        the field's (a box's 'Box 1:'), which the importer leaves out; ``parts``: which words of
        a line composed of several fields come from which (``present.titlefields``)."""
        index = -1
        if not whole:
            index = self.counts.get(where, 0)
            self.counts[where] = index + 1
        n = len(self.blocks) + 1
        self.blocks.append((n, kind, where, index))
        if label:
            self.labels[n] = label
        if parts:
            self.parts[n] = parts
        if here:
            _oxml.identity_mark_here(p, n)  # type: ignore[arg-type]
        else:
            _oxml.identity_mark(p, n)  # type: ignore[arg-type]


def _reading(part: object, ids: Identities, skip: frozenset[str], footnotes: object) -> Reading:
    def url(rid: str) -> str | None:
        rel = part.rels.get(rid)  # type: ignore[attr-defined]
        return rel.target_ref if rel is not None and rel.is_external else None

    index: dict[str, object] = {}  # footnote id -> its element, filled on the first look-up

    def note(fid: str) -> str | None:
        return cited_note(footnotes, fid, ids.notes, skip, ids.refs, ids.code, index)

    return Reading(url, note, ids.refs, skip, ids.code)


def cited_note(footnotes: object, fid: str, notes: dict[int, str | None], skip: frozenset[str],
               refs: dict[str, str], code: frozenset[str] = frozenset(),
               index: dict[str, object] | None = None) -> str | None:
    """How a paragraph cites footnote ``fid``: '[^id]', or '^[text]' for a note written inline.
    ``index``: footnote ids to their elements, kept by the caller across look-ups (filled here
    when empty), so a memo of many notes is read in linear time."""
    if footnotes is None or not fid.lstrip("-").isdigit():
        return None
    note_id = notes.get(int(fid))
    if note_id:
        return f"[^{note_id}]"
    if index is None:
        index = {}
    if not index:
        for el in footnotes.element.findall(qn("w:footnote")):  # type: ignore[attr-defined]
            index.setdefault(el.get(qn("w:id")), el)  # the first of an id, as a scan finds it
    fn = index.get(fid)
    if fn is None:
        return None

    def url(rid: str) -> str | None:
        rel = footnotes.rels.get(rid)  # type: ignore[attr-defined]
        return rel.target_ref if rel is not None and rel.is_external else None
    text = " ".join(paragraph_markdown(p, Reading(url, lambda _: None, refs, skip, code))
                    for p in fn.findall(qn("w:p")))  # type: ignore[attr-defined]
    return f"^[{text}]"


def block_texts(document: Document, footnotes: object, ids: Identities,
                skip: frozenset[str]) -> dict[int, str]:
    """Each identity's block text as the importer reads it (Markdown of the format)."""
    out: dict[int, str] = {}
    body = _reading(document.part, ids, skip, footnotes)
    tables = {n for n, kind, _, _ in ids.blocks if kind == "table"}
    notes = frozenset(n for n, kind, _, _ in ids.blocks if kind == "footnote")
    for n, p in identities(document.element.body, notes):
        out[n] = unlabelled((table_markdown if n in tables else paragraph_markdown)(p, body),
                            ids.labels.get(n, ""))
    if footnotes is not None:
        own = _reading(footnotes, ids, skip, footnotes)
        for n, p in note_identities(document.element.body, footnotes.element, notes):  # type: ignore[attr-defined]
            out[n] = paragraph_markdown(p, own)
    return out



def _content(document: Document, footnotes: object, ids: Identities, skip: frozenset[str]) -> str:
    """The content hash (``docx_stamp.content_hash``) of the document as written."""
    def links(part: object) -> Reading:
        def url(rid: str) -> str | None:
            rel = part.rels.get(rid)  # type: ignore[attr-defined]
            return rel.target_ref if rel is not None and rel.is_external else None
        return Reading(url, lambda _: None, ids.refs, skip, ids.code)

    return content_digest(document.element.body, footnotes.element if footnotes is not None  # type: ignore[attr-defined]
                          else None, links(document.part), links(footnotes or document.part))


def record_properties(document: Document, footnotes: object, ids: Identities,
                      skip: frozenset[str], source: str | None, home: Path) -> dict[str, str]:
    """The record as custom properties; ``home``: the output folder."""
    texts = block_texts(document, footnotes, ids, skip)
    src_hash, rel = "", ""
    if source:
        try:
            src_hash = hashlib.sha256(Path(source).read_bytes()).hexdigest()
        except OSError:
            src_hash = ""
        rel = os.path.relpath(os.path.abspath(source), os.path.abspath(home))
    parts = {"word/document.xml": document.part.blob}
    if footnotes is not None:
        parts["word/footnotes.xml"] = footnotes.blob  # type: ignore[attr-defined]
    record = {"version": VERSION, "source": Path(rel).as_posix(), "source_sha256": src_hash,
              "editable_sha256": editable_hash(parts),
              "editable_content_sha256": _content(document, footnotes, ids, skip),
              "refs": ids.refs, "skip": sorted(skip),
              "code": sorted(ids.code),
              "notes": {str(k): v for k, v in sorted(ids.notes.items())},
              "labels": {str(k): v for k, v in sorted(ids.labels.items())},
              "parts": {str(k): v for k, v in sorted(ids.parts.items())
                        if "".join(t for _, t in v) == texts.get(k)},  # as read, or none
              "blocks": [[n, kind, where, index, texts.get(n, "")]
                         for n, kind, where, index in ids.blocks]}
    return encode(record)



def mark_merged(path: Path) -> bytes:
    """The DOCX at ``path`` with its record saying its current text is merged into the memo:
    the next render replaces it without ``--force``."""
    with zipfile.ZipFile(path) as z:
        entries = [(info, z.read(info.filename)) for info in z.infolist()]
    parts = {i.filename: data for i, data in entries if i.filename in EDITABLE_PARTS}
    custom = next((d for i, d in entries if i.filename == "docProps/custom.xml"), b"")
    props = docx_stamp.custom_properties(custom)
    record = decode(props)
    if record is None:
        raise ValueError("no memokit record")
    record["editable_sha256"] = record["merged_sha256"] = editable_hash(parts)
    record["editable_content_sha256"] = record["merged_content_sha256"] = content_hash(
        record, {n: d for i, d in entries if (n := i.filename).startswith("word/")})
    kept = {k: v for k, v in props.items() if not docx_stamp.is_record_property(k)}
    data = _oxml.custom_properties_xml({**kept, **encode(record)})
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info, blob in entries:
            z.writestr(info, data if info.filename == "docProps/custom.xml" else blob)
    return out.getvalue()
