"""Start from python-docx's template without its leftovers; save byte-for-byte reproducibly."""

from __future__ import annotations

import datetime as dt
import functools
import io
import zipfile
from pathlib import Path

import docx
from docx.document import Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.opc.pkgwriter import PackageWriter

from memokit.writers.docx import _oxml

# template parts the memo does not use: they would carry Word 2010's look and python-docx's thumbnail
_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
_UNUSED_DOCUMENT_PARTS = {_STYLES_WITH_EFFECTS, RT.WEB_SETTINGS, RT.FONT_TABLE, RT.THEME, RT.CUSTOM_XML}
_UNUSED_PACKAGE_PARTS = {RT.THUMBNAIL, RT.EXTENDED_PROPERTIES}


_STYLES_PART = "word/styles.xml"
_NO_STYLES = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              b'<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>')


@functools.cache
def _template(lean: bool) -> bytes:
    """python-docx's default template, its members stored rather than compressed; ``lean``:
    its styles part (430 kB of XML) empty."""
    raw = io.BytesIO()
    with zipfile.ZipFile(Path(docx.__file__).parent / "templates" / "default.docx") as src, \
            zipfile.ZipFile(raw, "w", zipfile.ZIP_STORED) as out:
        for info in src.infolist():
            out.writestr(info.filename, _NO_STYLES if lean and info.filename == _STYLES_PART
                         else src.read(info))
    return raw.getvalue()


def new_document(lean: bool = False) -> Document:
    """A document from python-docx's default template (read from memory); ``lean``: with an
    empty styles part, for styles read back from an earlier memo (see styles.build_styles)."""
    return docx.Document(io.BytesIO(_template(lean)))


def clean_template(document: Document, application: str, company: str) -> None:
    """Drop the default template's unused parts and replace its app properties."""
    for source, unused in ((document.part, _UNUSED_DOCUMENT_PARTS),
                           (document.part.package, _UNUSED_PACKAGE_PARTS)):
        rels = source.rels
        for r_id in [r_id for r_id, rel in rels.items() if rel.reltype in unused]:
            del rels[r_id]
    package = document.part.package
    app = Part(PackURI("/docProps/app.xml"), CT.OFC_EXTENDED_PROPERTIES,
               _oxml.app_properties_xml(application, company), package)
    package.relate_to(app, RT.EXTENDED_PROPERTIES)


def save(document: Document, dest: Path, when: dt.datetime) -> None:
    """Save with every zip entry stamped ``when``, ``[Content_Types].xml`` first, the rest sorted."""
    blobs = _members(document)
    stamp = (max(when.year, 1980), when.month, when.day, when.hour, when.minute, when.second)
    order = ["[Content_Types].xml"] + sorted(n for n in blobs if n != "[Content_Types].xml")
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as out:
        for name in order:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 0
            out.writestr(info, blobs[name])


class _Members:
    """Where python-docx's package writer puts each member: kept as bytes, not zipped (the
    members are zipped once, in :func:`save`'s order and with its stamps)."""

    def __init__(self) -> None:
        self.blobs: dict[str, bytes] = {}

    def write(self, pack_uri: PackURI, blob: bytes) -> None:
        self.blobs[pack_uri.membername] = blob

    def close(self) -> None:
        pass


def _members(document: Document) -> dict[str, bytes]:
    """Each member of the saved package by its name, as ``Document.save`` writes them."""
    package = document.part.package
    parts = package.parts
    for part in parts:
        part.before_marshal()
    members = _Members()  # PackageWriter.write's steps, into members rather than a zip file
    PackageWriter._write_content_types_stream(members, parts)
    PackageWriter._write_pkg_rels(members, package.rels)
    PackageWriter._write_parts(members, parts)  # type: ignore[arg-type]
    return members.blobs
