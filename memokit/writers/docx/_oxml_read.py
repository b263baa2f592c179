"""Reading WordprocessingML back: a paragraph's runs as the memo format's Markdown, the identity
bookmarks memokit set, tracked changes. The counterpart of ``_oxml`` for ``memokit import``.

What memokit generated in an authored paragraph (a caption's label, an end mark, the comma between
note marks, floating pictures) is left out, so an untouched paragraph reads back as it was recorded.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Iterator
from dataclasses import dataclass, field

from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

IDENTITY = re.compile(r"^_mk(\d+)(?:_Copy_\d+)?$")  # LibreOffice appends '_Copy_1' to a copied name
_REF = re.compile(r'^\s*REF\s+(\S+)')
_LINK = re.compile(r'^\s*HYPERLINK\s+"([^"]+)"')


@dataclass
class Reading:
    """What the reader needs from the document: links' targets, notes and references by name."""

    url: Callable[[str], str | None]  # a hyperlink's r:id -> its URL
    note: Callable[[str], str | None]  # a footnote's w:id -> how the paragraph cites it
    refs: dict[str, str] = field(default_factory=dict)  # REF bookmark -> '@fig:id'
    skip_styles: frozenset[str] = frozenset()  # character styles of generated runs
    code_styles: frozenset[str] = frozenset()  # the character style of code spans


@dataclass
class _Piece:
    text: str
    bold: bool = False
    italic: bool = False
    url: str | None = None
    atom: bool = False  # a note or reference, written as it is


def _on(rpr: BaseOxmlElement | None, tag: str) -> bool:
    if rpr is None:
        return False
    el = rpr.find(qn(tag))
    return el is not None and el.get(qn("w:val"), "true") not in ("0", "false", "off")


def _style(rpr: BaseOxmlElement | None) -> str | None:
    el = rpr.find(qn("w:rStyle")) if rpr is not None else None
    return el.get(qn("w:val")) if el is not None else None


# the names LibreOffice gives Word's footnote reference style when it saves a DOCX
_ALIASES = {"FootnoteReference": ("FootnoteAnchor", "FootnoteCharacters")}
_BARE_HOST = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://[^/?#\s]+/$")


def _url(url: str | None) -> str | None:
    """A link's target as read back: 'https://example.org/' as 'https://example.org' (LibreOffice
    adds the slash to a bare host when it saves)."""
    return url[:-1] if url and _BARE_HOST.match(url) else url


class _Walker:
    def __init__(self, reading: Reading):
        self.r = reading
        self.skip = reading.skip_styles.union(*(_ALIASES.get(s, ()) for s in reading.skip_styles))
        self.out: list[_Piece] = []
        self.field: list[str] = []  # instruction text of the open complex field
        self.in_result = False
        self.result_url: str | None = None
        self.skip_result = False

    def walk(self, el: BaseOxmlElement, url: str | None = None) -> None:
        for child in el:
            tag = child.tag
            if tag == qn("w:r"):
                self.run(child, url)
            elif tag == qn("w:hyperlink"):
                rid = child.get(qn("r:id"))
                self.walk(child, _url(self.r.url(rid)) if rid else url)
            elif tag == qn("w:fldSimple"):
                self.simple_field(child, url)
            elif tag in (qn("w:ins"), qn("w:smartTag"), qn("w:customXml"), qn("w:sdt"),
                         qn("w:sdtContent"), qn("w:moveTo")):
                self.walk(child, url)

    def simple_field(self, el: BaseOxmlElement, url: str | None) -> None:
        instr = el.get(qn("w:instr"), "")
        m = _REF.match(instr)
        if m and m.group(1) in self.r.refs:
            self.out.append(_Piece(self.r.refs[m.group(1)], atom=True))
            return
        link = _LINK.match(instr)
        self.walk(el, _url(link.group(1)) if link else url)

    def run(self, r: BaseOxmlElement, url: str | None) -> None:
        rpr = r.find(qn("w:rPr"))
        if _style(rpr) in self.skip and r.find(qn("w:footnoteReference")) is None:
            return
        for child in r:
            tag = child.tag
            if tag == qn("w:fldChar"):
                self.fld_char(child.get(qn("w:fldCharType")))
            elif tag == qn("w:instrText"):
                self.field.append(child.text or "")
            elif self.field and not self.in_result or self.skip_result:
                continue
            elif tag == qn("w:t") and _style(rpr) in self.r.code_styles:
                self.out.append(_Piece(f"`{child.text or ''}`", atom=True))
            elif tag == qn("w:t"):
                self.out.append(_Piece(child.text or "", _on(rpr, "w:b"), _on(rpr, "w:i"),
                                       self.result_url or url))
            elif tag == qn("w:tab"):
                self.out.append(_Piece("\t", url=url))
            elif tag == qn("w:br") and child.get(qn("w:type")) in ("page", "column"):
                continue  # a break LibreOffice writes for 'page break before'
            elif tag in (qn("w:br"), qn("w:cr")):
                self.out.append(_Piece("\\\n", atom=True))
            elif tag == qn("w:footnoteReference"):
                cited = self.r.note(child.get(qn("w:id"), ""))
                if cited:
                    self.out.append(_Piece(cited, atom=True))

    def fld_char(self, kind: str | None) -> None:
        if kind == "begin":
            self.field, self.in_result = [""], False
        elif kind == "separate":
            instr = "".join(self.field)
            self.in_result = True
            m = _REF.match(instr)
            if m and m.group(1) in self.r.refs:
                self.out.append(_Piece(self.r.refs[m.group(1)], atom=True))
                self.skip_result = True
            link = _LINK.match(instr)
            self.result_url = _url(link.group(1)) if link else None
        elif kind == "end":
            self.field, self.in_result, self.skip_result, self.result_url = [], False, False, None


def _wrap(text: str, bold: bool, italic: bool) -> str:
    core = text.strip(" ")
    if not core or not (bold or italic):
        return text
    lead = text[:len(text) - len(text.lstrip(" "))]
    trail = text[len(text.rstrip(" ")):]
    mark = ("**" if bold else "") + ("*" if italic else "")
    return f"{lead}{mark}{core}{mark[::-1]}{trail}"


def _markdown(pieces: list[_Piece]) -> str:
    words = [p for p in pieces if not p.atom and p.text.strip()]
    for attr in ("bold", "italic"):  # the whole paragraph's look (a style, or direct formatting
        if words and all(getattr(p, attr) for p in words):  # LibreOffice copied from it)
            for p in pieces:
                setattr(p, attr, False)
    merged: list[_Piece] = []
    for p in pieces:
        last = merged[-1] if merged else None
        if (last and not p.atom and not last.atom and (last.bold, last.italic, last.url)
                == (p.bold, p.italic, p.url)):
            last.text += p.text
        else:
            merged.append(_Piece(p.text, p.bold, p.italic, p.url, p.atom))
    out: list[str] = []
    i = 0
    while i < len(merged):
        p = merged[i]
        if p.url and not p.atom:
            j = i
            inner = []
            while j < len(merged) and merged[j].url == p.url and not merged[j].atom:
                inner.append(_wrap(merged[j].text, merged[j].bold, merged[j].italic))
                j += 1
            shown = "".join(inner)
            out.append(f"<{p.url}>" if shown == p.url else f"[{shown}]({p.url})")
            i = j
            continue
        out.append(p.text if p.atom else _wrap(p.text, p.bold, p.italic))
        i += 1
    return "".join(out).strip()


def paragraph_markdown(p: BaseOxmlElement, reading: Reading) -> str:
    """The paragraph's text as the memo format's Markdown (emphasis, strong, links, notes, refs)."""
    w = _Walker(reading)
    w.walk(p)
    return _markdown(w.out)


def unlabelled(text: str, label: str) -> str:
    """``text`` without the ``label`` memokit wrote before the author's words ('Box 1:');
    with a label the editor changed, the whole text (the importer reports the change)."""
    if label and text.startswith(label):
        return text[len(label):].lstrip()
    return text


def table_markdown(p: BaseOxmlElement, reading: Reading) -> str:
    """The text of the table holding paragraph ``p``: cells by ' | ', rows by new lines."""
    tbl = p.getparent()
    while tbl is not None and tbl.tag != qn("w:tbl"):
        tbl = tbl.getparent()
    if tbl is None:
        return paragraph_markdown(p, reading)
    return "\n".join(" | ".join(row) for row in table_cells(tbl, reading))


def table_cells(tbl: BaseOxmlElement, reading: Reading) -> list[list[str]]:
    """The text of each cell of table ``tbl``, row by row (a cell's paragraphs joined by spaces)."""
    return [[" ".join(paragraph_markdown(q, reading) for q in tc.iter(qn("w:p")))
             for tc in tr.iter(qn("w:tc"))] for tr in tbl.iter(qn("w:tr"))]


def table_of(p: BaseOxmlElement) -> BaseOxmlElement | None:
    """The table that holds paragraph ``p``, if any."""
    tbl = p.getparent()
    while tbl is not None and tbl.tag != qn("w:tbl"):
        tbl = tbl.getparent()
    return tbl


def identities(root: BaseOxmlElement, notes: Container[int] | None = None,
               ) -> Iterator[tuple[int, BaseOxmlElement]]:
    """(identity, paragraph) for each paragraph beginning with an identity bookmark (the first
    of copies kept); a bookmark before a footnote reference names the note instead. ``notes``:
    the identities of notes, when known (else a mark just before a reference is a note's)."""
    seen: set[int] = set()
    for mark in root.iter(qn("w:bookmarkStart")):
        m = IDENTITY.match(mark.get(qn("w:name"), ""))
        if not m or int(m.group(1)) in seen:
            continue
        if (int(m.group(1)) in notes) if notes is not None else _note_reference(mark) is not None:
            continue
        p = mark.getparent()
        while p is not None and p.tag != qn("w:p"):
            p = p.getparent()
        if p is not None:
            seen.add(int(m.group(1)))
            yield int(m.group(1)), p


def _note_reference(mark: BaseOxmlElement) -> BaseOxmlElement | None:
    """The footnote reference right after an identity bookmark: its end, or a run of a character
    or two, between them (LibreOffice moves a bookmark before a note one character back)."""
    nxt, shifted = mark.getnext(), 0
    while nxt is not None:
        if nxt.tag == qn("w:r"):
            ref = nxt.find(qn("w:footnoteReference"))
            if ref is not None:
                return ref
            shifted += len("".join(t.text or "" for t in nxt.iter(qn("w:t"))))
            if shifted > 2:
                return None
        elif nxt.tag != qn("w:bookmarkEnd"):
            return None
        nxt = nxt.getnext()
    return None


def note_identities(body: BaseOxmlElement, footnotes: BaseOxmlElement,
                    known: Container[int] | None = None) -> Iterator[tuple[int, BaseOxmlElement]]:
    """(identity, the note's first paragraph) for each identity bookmark set just before a
    footnote reference in the body (of those in ``known``, the notes' identities, if given)."""
    notes = {fn.get(qn("w:id")): fn for fn in footnotes.findall(qn("w:footnote"))}
    seen: set[int] = set()
    for mark in body.iter(qn("w:bookmarkStart")):
        m = IDENTITY.match(mark.get(qn("w:name"), ""))
        if not m or int(m.group(1)) in seen or known is not None and int(m.group(1)) not in known:
            continue
        ref = _note_reference(mark)
        fn = notes.get(ref.get(qn("w:id"))) if ref is not None else None
        p = fn.find(qn("w:p")) if fn is not None else None
        if p is not None:
            seen.add(int(m.group(1)))
            yield int(m.group(1)), p


def tracked_changes(root: BaseOxmlElement,
                    ) -> Iterator[tuple[str, str, str, BaseOxmlElement | None]]:
    """(kind, author, text, its paragraph) of each tracked insertion, deletion or move."""
    for tag, kind in (("w:ins", "insertion"), ("w:del", "deletion"), ("w:moveFrom", "move"),
                      ("w:moveTo", "move")):
        for el in root.iter(qn(tag)):
            text = "".join(t.text or "" for t in el.iter(qn("w:t"), qn("w:delText")))
            p = el.getparent()
            while p is not None and p.tag != qn("w:p"):
                p = p.getparent()
            yield kind, el.get(qn("w:author"), "unknown"), text, p


def settle_changes(root: BaseOxmlElement, accept: bool) -> None:
    """Accept (or reject) every tracked insertion and deletion in place."""
    keep, drop = (("w:ins", "w:moveTo"), ("w:del", "w:moveFrom")) if accept else (
        ("w:del", "w:moveFrom"), ("w:ins", "w:moveTo"))
    for tag in drop:
        for el in list(root.iter(qn(tag))):
            if el.getparent() is not None and el.getparent().tag != qn("w:rPr"):
                el.getparent().remove(el)
    for tag in keep:
        for el in list(root.iter(qn(tag))):
            parent = el.getparent()
            if parent is None or parent.tag == qn("w:rPr"):
                continue
            i = parent.index(el)
            for child in list(el):
                parent.insert(i, child)
                i += 1
            parent.remove(el)
    for dt in list(root.iter(qn("w:delText"))):
        dt.tag = qn("w:t")


def comments(part_element: BaseOxmlElement | None, body: BaseOxmlElement,
             ) -> Iterator[tuple[str, str, BaseOxmlElement | None]]:
    """(author, text, the paragraph it is anchored in) of each Word comment."""
    if part_element is None:
        return
    anchors: dict[str, BaseOxmlElement] = {}
    for tag in ("w:commentRangeStart", "w:commentReference"):
        for el in body.iter(qn(tag)):
            p = el.getparent()
            while p is not None and p.tag != qn("w:p"):
                p = p.getparent()
            if p is not None:
                anchors.setdefault(el.get(qn("w:id"), ""), p)
    for c in part_element.findall(qn("w:comment")):
        text = " ".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in c.findall(qn("w:p")))
        yield c.get(qn("w:author"), "unknown"), text.strip(), anchors.get(c.get(qn("w:id"), ""))


_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def content_digest(body: BaseOxmlElement, notes: BaseOxmlElement | None, reading: Reading,
                   note_reading: Reading) -> str:
    """A hash of what an editor can change: each paragraph's text and inline formatting as the
    importer reads it (a note cited as its own text), in order; not how the XML spells it, so
    a document re-saved by another editor without changes keeps its digest. ``reading.note``
    and ``note_reading.note`` are replaced."""
    import hashlib

    found = {fn.get(qn("w:id")): fn for fn in notes.findall(qn("w:footnote"))} if notes is not None else {}

    def note(fid: str) -> str | None:
        fn = found.get(fid)
        if fn is None:
            return None
        return "^[" + " ".join(paragraph_markdown(p, inner) for p in fn.iter(qn("w:p"))) + "]"

    inner = Reading(note_reading.url, lambda _: None, note_reading.refs, note_reading.skip_styles,
                    note_reading.code_styles)
    outer = Reading(reading.url, note, reading.refs, reading.skip_styles, reading.code_styles)
    h = hashlib.sha256()
    for p in body.iter(qn("w:p")):
        if any(a.tag == _FALLBACK for a in p.iterancestors()):  # the copy of a text box for old readers
            continue
        text = paragraph_markdown(p, outer)
        if text:
            h.update(text.encode("utf-8") + b"\0")
    return h.hexdigest()
