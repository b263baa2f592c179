"""A checker for the machine-checkable conditions of PDF/UA-1 (Matterhorn Protocol) and PDF/A-2
that apply to memokit's PDFs (docs/accessibility.md lists them, and what is not covered).

``problems(path)`` returns one line per failed condition, each with its Matterhorn checkpoint or
PDF/A clause; an empty list means every condition checked holds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from xml.sax.saxutils import unescape

import pikepdf
from pikepdf import Name

STANDARD_TYPES = {
    "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI", "Index",
    "NonStruct", "Private", "P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "L", "LI", "Lbl", "LBody",
    "Table", "TR", "TH", "TD", "THead", "TBody", "TFoot", "Span", "Quote", "Note", "Reference",
    "BibEntry", "Code", "Link", "Annot", "Ruby", "RB", "RT", "RP", "Warichu", "WT", "WP", "Figure",
    "Formula", "Form",
}  # PDF 1.7's (PDF/UA-1): not PDF 2.0's Aside, Title, FENote
PAINT = {"Tj", "TJ", "'", '"', "Do", "f", "F", "f*", "S", "s", "B", "B*", "b", "b*", "sh", "BI"}


def problems(path: Path) -> list[str]:
    out: list[str] = []
    with pikepdf.open(path) as pdf:
        out += _catalog(pdf)
        out += _metadata(pdf)
        elems = list(_walk(pdf.Root.get("/StructTreeRoot")))
        out += _elements(elems)
        out += _content(pdf)
        out += _annotations(pdf)
        out += _fonts(pdf)
        out += _archive(pdf)
    return out


def pdfa_findings(path: Path) -> list[str]:
    """What pikepdf's PDF/A-2b validator finds beyond what it cannot know: it checks 2b, not 2a
    nor the PDF/UA claim, so only those may differ."""
    from pikepdf.pdfa import validate_written

    report = validate_written(path, "2b")
    return [f.message for f in report.findings
            if "pdfuaid" not in f.message and "pdfaExtension" not in f.message
            and "pdfaSchema" not in f.message and "pdfaProperty" not in f.message
            and "conformance is 'A'" not in f.message]


def _catalog(pdf: pikepdf.Pdf) -> list[str]:
    root, out = pdf.Root, []
    if not root.get("/MarkInfo", {}).get("/Marked", False):
        out.append("01-002: /MarkInfo /Marked is not true")
    if "/StructTreeRoot" not in root:
        out.append("01-006: no structure tree")
    if not str(root.get("/Lang", "")):
        out.append("11-001: no natural language (/Lang) in the catalogue")
    if not root.get("/ViewerPreferences", {}).get("/DisplayDocTitle", False):
        out.append("07-002: /ViewerPreferences /DisplayDocTitle is not true")
    if "/Encrypt" in pdf.trailer:
        out.append("PDF/A 6.1.3: the file is encrypted")
    return out


def _metadata(pdf: pikepdf.Pdf) -> list[str]:
    if "/Metadata" not in pdf.Root:
        return ["06-001: no XMP metadata stream"]
    xmp = pdf.Root.Metadata.read_bytes().decode("utf-8")
    out = []
    title = re.search(r"<dc:title>.*?<rdf:li[^>]*>(.*?)</rdf:li>", xmp, re.S)
    if not title or not title.group(1).strip():
        out.append("06-003: no dc:title in the metadata")
    if "<pdfuaid:part>1</pdfuaid:part>" not in xmp:
        out.append("06-002: the metadata does not claim PDF/UA-1 (pdfuaid:part)")
    if "<pdfaid:part>2</pdfaid:part>" not in xmp or "<pdfaid:conformance>A</pdfaid:conformance>" not in xmp:
        out.append("PDF/A 6.6.4: the metadata does not claim PDF/A-2a")
    info_title = str(pdf.docinfo.get("/Title", ""))
    if title and info_title and info_title != unescape(title.group(1)):
        out.append("PDF/A 6.6.3: the document information's title differs from dc:title")
    return out


def _walk(node: object) -> Iterator[pikepdf.Dictionary]:
    """Every structure element under ``node``, in the tree's order."""
    if isinstance(node, pikepdf.Dictionary) and node.get("/Type") not in (Name.MCR, Name.OBJR):
        if "/S" in node:
            yield node
        kids = node.get("/K")
        if isinstance(kids, pikepdf.Array):
            for k in kids:
                yield from _walk(k)
        elif kids is not None:
            yield from _walk(kids)


def _elements(elems: list[pikepdf.Dictionary]) -> list[str]:
    out = []
    headings = []
    ids = []
    for e in elems:
        role = str(e.S)[1:]
        if role not in STANDARD_TYPES:
            out.append(f"02-001: structure type '{role}' is not a standard type (and not role-mapped)")
        if role == "Figure" and not str(e.get("/Alt", "")).strip() and "/ActualText" not in e:
            out.append("13-004: a Figure has no alternative text")
        if role == "TH":
            attrs = e.get("/A")
            if attrs is None or "/Scope" not in attrs:
                out.append("15-003: a TH has no Scope")
        if role == "Note":
            if "/ID" not in e:
                out.append("19-003: a Note has no ID")
            else:
                ids.append(str(e.ID))
        if re.fullmatch(r"H[1-6]", role):
            headings.append(int(role[1]))
        if role == "H":
            out.append("14-00x: an unnumbered H heading (the memo uses H1-H6 only)")
    if headings and headings[0] != 1:
        out.append("14-002: the first heading is not H1")
    for a, b in zip(headings, headings[1:]):
        if b > a + 1:
            out.append(f"14-003: heading levels skip from H{a} to H{b}")
            break
    if len(ids) != len(set(ids)):
        out.append("19-004: Note IDs are not unique")
    return out


def _content(pdf: pikepdf.Pdf) -> list[str]:
    """Every painting operator lies in marked content (tagged or an artifact); every MCID is in the
    parent tree and the element there points back at it."""
    out = []
    tree = pdf.Root.get("/StructTreeRoot")
    nums = list(tree.ParentTree.Nums) if tree is not None else []
    parent = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
    for n, page in enumerate(pdf.pages, 1):
        depth, mcids, loose = 0, [], 0
        for operands, op in pikepdf.parse_content_stream(page):
            o = str(op)
            if o in ("BDC", "BMC"):
                depth += 1
                if o == "BDC" and isinstance(operands[1], pikepdf.Dictionary) and "/MCID" in operands[1]:
                    mcids.append(int(operands[1].MCID))
            elif o == "EMC":
                depth -= 1
            elif o in PAINT and depth == 0:
                loose += 1
        if loose:
            out.append(f"01-005: page {n}: {loose} painting operators neither tagged nor an artifact")
        if "/StructParents" not in page.obj:
            if mcids:
                out.append(f"01-007: page {n} has marked content but no /StructParents")
            continue
        arr = parent.get(int(page.obj.StructParents))
        for m in mcids:
            if arr is None or m >= len(arr) or not isinstance(arr[m], pikepdf.Dictionary):
                out.append(f"01-007: page {n}: MCID {m} is not in the parent tree")
                break
            k = arr[m].K
            kids = list(k) if isinstance(k, pikepdf.Array) else [k]
            if not any((isinstance(x, int) or (isinstance(x, pikepdf.Object) and x._type_code ==
                                                pikepdf.ObjectType.integer)) and int(x) == m
                       or (isinstance(x, pikepdf.Dictionary) and x.get("/MCID") == m
                           and x.Pg.objgen == page.obj.objgen) for x in kids):
                out.append(f"01-007: page {n}: the element of MCID {m} does not contain it")
                break
    return out


def _annotations(pdf: pikepdf.Pdf) -> list[str]:
    out = []
    for n, page in enumerate(pdf.pages, 1):
        annots = page.obj.get("/Annots", [])
        if len(annots) and page.obj.get("/Tabs") != Name.S:
            out.append(f"28-002: page {n} has annotations but no /Tabs /S")
        for a in annots:
            if a.get("/Subtype") == Name.Link:
                if "/StructParent" not in a:
                    out.append(f"28-011: page {n}: a link annotation is not in a Link element")
                if not str(a.get("/Contents", "")).strip():
                    out.append(f"28-004: page {n}: a link annotation has no /Contents")
            if not int(a.get("/F", 0)) & 4:
                out.append(f"PDF/A 6.3.2: page {n}: an annotation is not printable")
    return out


def _fonts(pdf: pikepdf.Pdf) -> list[str]:
    out = []
    for obj in pdf.objects:
        if not isinstance(obj, pikepdf.Dictionary) or obj.get("/Type") != Name.Font:
            continue
        sub = obj.get("/Subtype")
        if sub in (Name.Type0, Name.Type3):
            continue
        name = str(obj.get("/BaseFont", "?"))
        desc = obj.get("/FontDescriptor")
        if desc is None or not any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")):
            out.append(f"31-001 / PDF/A 6.2.11.4: font {name} is not embedded")
        if "/ToUnicode" not in obj:
            out.append(f"31-027 / PDF/A 6.2.11.7: font {name} has no ToUnicode map")
    return out


def _archive(pdf: pikepdf.Pdf) -> list[str]:
    out = []
    intents = pdf.Root.get("/OutputIntents", [])
    if not any(i.get("/S") == Name.GTS_PDFA1 and "/DestOutputProfile" in i for i in intents):
        out.append("PDF/A 6.2.3: no PDF/A output intent with an ICC profile")
    names = pdf.Root.get("/Names", {})
    if "/JavaScript" in names or "/EmbeddedFiles" in names:
        out.append("PDF/A 6.6.1 / 6.8: JavaScript or embedded files")
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary) and obj.get("/S") in (Name.Launch, Name.JavaScript):
            out.append("PDF/A 6.6.1: a forbidden action (Launch, JavaScript)")
            break
        if isinstance(obj, pikepdf.Dictionary) and "/TR" in obj and obj.get("/Type") == Name.ExtGState:
            out.append("PDF/A 6.2.5: a transfer function")
            break
    if "/ID" not in pdf.trailer:
        out.append("PDF/A 6.1.3: no file identifier")
    return out
