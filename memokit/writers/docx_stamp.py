"""The record a memokit DOCX carries in its custom properties, read without python-docx (a
build checks it before replacing a DOCX): its encoding, the hash of the editable parts and
whether a person edited the document since memokit wrote it."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from lxml import etree

PROPERTY = "memokit import {:03d}"  # the record's chunks, in order
_CHUNK = 255  # Word keeps text properties up to 255 characters
_PROPERTY = re.compile(r"^memokit import (\d{3})$")
EDITABLE_PARTS = ("word/document.xml", "word/footnotes.xml")
_RELS = {"word/document.xml": "word/_rels/document.xml.rels",
         "word/footnotes.xml": "word/_rels/footnotes.xml.rels"}  # where their links point
MAX_UNPACKED = 256_000_000  # bytes a DOCX may unpack to (a 560-page memo's is about 10 MB)
MAX_ENTRIES = 10_000  # files in a DOCX
MAX_RECORD = 32_000_000  # bytes of the unpacked record


_HOME: ContextVar[Path | None] = ContextVar("memokit_output_home", default=None)


@contextmanager
def output_home(folder: Path) -> Iterator[None]:
    """While rendering: the folder the outputs end up in (a render or build writes them
    elsewhere first), to which a DOCX records its memo's path."""
    token = _HOME.set(folder)
    try:
        yield
    finally:
        _HOME.reset(token)


def home_of(dest: Path) -> Path:
    """The folder a DOCX written at ``dest`` ends up in."""
    return _HOME.get() or dest.parent


def is_record_property(name: str) -> bool:
    return _PROPERTY.match(name) is not None


def custom_properties(xml: bytes) -> dict[str, str]:
    """The text properties of a ``docProps/custom.xml`` (empty for none or a broken one)."""
    if not xml:
        return {}
    try:
        root = etree.fromstring(xml, parser=etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        return {}
    return {p.get("name"): (p[0].text or "") for p in root if p.get("name") is not None and len(p)}


def editable_hash(parts: dict[str, bytes]) -> str:
    """A hash of the parts a person edits: the body and the notes."""
    h = hashlib.sha256()
    for name in EDITABLE_PARTS:
        h.update(name.encode() + b"\0" + parts.get(name, b"") + b"\0")
    return h.hexdigest()


def _xml(data: bytes) -> etree._Element:
    return etree.fromstring(data, parser=etree.XMLParser(resolve_entities=False, no_network=True,
                                                         huge_tree=True))


def _links(rels: bytes) -> dict[str, str]:
    """A part's external relationships: r:id -> target."""
    if not rels:
        return {}
    return {r.get("Id"): r.get("Target") for r in _xml(rels)
            if r.get("TargetMode") == "External" and r.get("Id")}


def content_hash(record: dict[str, object], parts: dict[str, bytes]) -> str:
    """A hash of the editable content (each paragraph's text and inline formatting, the notes'
    too, as ``memokit import`` reads them), which a re-save without changes keeps; '' for a
    document whose body cannot be read."""
    from memokit.writers.docx._oxml_read import Reading, content_digest

    try:
        body = _xml(parts["word/document.xml"])
        notes = _xml(parts["word/footnotes.xml"]) if parts.get("word/footnotes.xml") else None
        urls = {name: _links(parts.get(rels, b"")) for name, rels in _RELS.items()}
    except (KeyError, etree.XMLSyntaxError):
        return ""
    refs = record.get("refs")
    skip, code = record.get("skip"), record.get("code")

    def reading(name: str) -> Reading:
        return Reading(urls[name].get, lambda _: None, dict(refs) if isinstance(refs, dict) else {},
                       frozenset(skip) if isinstance(skip, list) else frozenset(),
                       frozenset(code) if isinstance(code, list) else frozenset())

    return content_digest(body, notes, reading("word/document.xml"), reading("word/footnotes.xml"))


def unchanged(record: dict[str, object], parts: dict[str, bytes], key: str = "editable") -> bool:
    """Whether the editable parts are as recorded under ``key`` ('editable': as memokit wrote
    them, 'merged': as 'memokit import --write' merged them): the same bytes, or (for a record
    that holds it) the same content, such as after a re-save in LibreOffice."""
    if record.get(f"{key}_sha256") == editable_hash(parts):
        return True
    recorded = record.get(f"{key}_content_sha256")
    return isinstance(recorded, str) and recorded != "" and recorded == content_hash(record, parts)


def encode(record: dict[str, object]) -> dict[str, str]:
    raw = base64.b64encode(zlib.compress(json.dumps(record, sort_keys=True,
                                                    ensure_ascii=False).encode(), 9)).decode()
    return {PROPERTY.format(i // _CHUNK + 1): raw[i:i + _CHUNK] for i in range(0, len(raw), _CHUNK)}


def decode(props: dict[str, str]) -> dict[str, object] | None:
    chunks = sorted((int(m.group(1)), v) for k, v in props.items() if (m := _PROPERTY.match(k)))
    if not chunks:
        return None
    try:
        inflate = zlib.decompressobj()
        raw = inflate.decompress(base64.b64decode("".join(v for _, v in chunks)), MAX_RECORD + 1)
        if len(raw) > MAX_RECORD:
            return None
        value = json.loads(raw)
    except (ValueError, zlib.error):
        return None
    return value if isinstance(value, dict) else None


def too_big(path: Path) -> str | None:
    """Why the DOCX at ``path`` is too big to read (None: it is not)."""
    with zipfile.ZipFile(path) as z:
        infos = z.infolist()
    if len(infos) > MAX_ENTRIES:
        return f"it holds {len(infos):,} files, more than the limit of {MAX_ENTRIES:,}"
    total = sum(i.file_size for i in infos)
    if total > MAX_UNPACKED:
        return f"it unpacks to {total:,} bytes, more than the limit of {MAX_UNPACKED:,}"
    return None


def read_record(path: Path) -> tuple[dict[str, object] | None, dict[str, bytes]]:
    """The record of the DOCX at ``path`` (None when memokit did not write it) and its editable
    parts. Raises OSError or zipfile.BadZipFile for a file that is no DOCX, ValueError for one
    too big to read."""
    why = too_big(path)
    if why:
        raise ValueError(why)
    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
        parts = {n: z.read(n) for n in (*EDITABLE_PARTS, *_RELS.values()) if n in names}
        custom = z.read("docProps/custom.xml") if "docProps/custom.xml" in names else b""
    return decode(custom_properties(custom)), parts


def edited(path: Path) -> bool:
    """Whether the DOCX at ``path`` is one memokit wrote and a person changed since."""
    try:
        record, parts = read_record(path)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError):
        return False
    return record is not None and not unchanged(record, parts)
