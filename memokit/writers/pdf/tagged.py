"""After layout: the structure tree, PDF/UA-1 and PDF/A-2 (pikepdf).

reportlab draws and records its marked content (:mod:`.marks`); this module opens the finished
file and adds what reportlab cannot write: one structure element per element of the memo's
:class:`~.marks.Structure` that holds content (in the memo's order; a paragraph split over
columns or pages is one element with a marked-content reference per part), Link elements with
their annotations (OBJR, /Contents), the parent tree, /MarkInfo, /Lang, /DisplayDocTitle and
/Tabs /S; then, for PDF/A-2, XMP metadata that repeats the document information (with the
pdfaid and pdfuaid claims), an sRGB output intent and printable annotations. The file is saved
with a deterministic /ID: the same memo gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from importlib import resources
from typing import Any
from xml.sax.saxutils import escape

import pikepdf
from pikepdf import Array, Dictionary, Name, String

from memokit.style.theme import PDF_STANDARDS as STANDARDS
from memokit.writers.pdf.marks import ARTIFACT, Elem, Structure

DEFAULT_STANDARD = STANDARDS[0]
PRINT = 4  # annotation flag: printed with the page
ICC_NAME = "sRGB IEC61966-2.1"


@dataclass(frozen=True)
class Claim:
    """What a written PDF is: tagged (PDF/UA-1 and PDF/A-2 conformance A), or PDF/A-2b, or plain."""

    standard: str = DEFAULT_STANDARD

    @property
    def tagged(self) -> bool:
        return self.standard == "ua1+a2a"

    @property
    def archival(self) -> bool:
        return self.standard in ("ua1+a2a", "a2b")


def finish(data: bytes, claim: Claim, st: Structure | None, canv: Any, lang: str) -> bytes:
    """The PDF ``data`` with its structure tree (when tagged) and PDF/A metadata (when archival)."""
    if not claim.archival and not claim.tagged:
        return data
    with pikepdf.open(io.BytesIO(data)) as pdf:
        if claim.tagged and st is not None:
            _structure(pdf, st, canv, lang)
        if claim.archival:
            _archival(pdf, claim, lang)
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True, force_version="1.7",
                 object_stream_mode=pikepdf.ObjectStreamMode.generate)
        return out.getvalue()


# ------------------------------------------------------------------ the structure tree
def _structure(pdf: pikepdf.Pdf, st: Structure, canv: Any, lang: str) -> None:
    page_obj = [p.obj for p in pdf.pages]  # pikepdf's pages[i] takes tens of microseconds each time
    content: dict[int, list[tuple[int, int]]] = {}  # element -> (page, mcid) in drawing order
    order: dict[int, list[tuple[int, int] | int]] = {}  # ... and the language spans among them
    for page, mcid, elem in canv._mk_marks:
        if elem < ARTIFACT and elem not in content:  # a language span: a kid of its element, here
            order.setdefault(canv._mk_spans[-2 - elem][0], []).append(elem)
        content.setdefault(elem, []).append((page, mcid))
        order.setdefault(elem, []).append((page, mcid))
    links: dict[int, list[tuple[int, int]]] = {}
    for page, index, elem in canv._mk_links:
        links.setdefault(elem, []).append((page, index))
    kept = _kept(st, content, links)
    root = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot))
    doc = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name.Document, P=root, Lang=String(lang)))
    made: dict[int, pikepdf.Object] = {}
    parents: dict[int, dict[int, pikepdf.Object]] = {}  # page -> mcid -> element
    annots: list[tuple[pikepdf.Object, pikepdf.Object]] = []  # (annotation, its Link element)

    def build(i: int, parent: pikepdf.Object) -> pikepdf.Object:
        e = st.elems[i] if i >= 0 else Elem("Span", None, canv._mk_spans[-2 - i][1])
        obj = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name("/" + e.role), P=parent))
        made[i] = obj
        _attributes(obj, e.role, e.attrs, canv._mk_boxes.get(i))
        kids = Array()
        marks = content.get(i, [])
        if marks:
            obj.Pg = page_obj[marks[0][0] - 1]
        for item in order.get(i, []):
            if isinstance(item, int):
                kids.append(build(item, obj))
                continue
            page, mcid = item
            parents.setdefault(page, {})[mcid] = obj
            if page == marks[0][0]:
                kids.append(mcid)
            else:
                kids.append(Dictionary(Type=Name.MCR, Pg=page_obj[page - 1], MCID=mcid))
        for k in e.kids:
            if k in kept:
                kids.append(build(k, obj))
        for page, index in links.get(i, []):
            pg = page_obj[page - 1]
            annot = pg.Annots[index]
            link = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name.Link, P=obj, Pg=pg,
                                                K=Array([Dictionary(Type=Name.OBJR, Obj=annot, Pg=pg)])))
            annots.append((annot, link))
            kids.append(link)
        obj.K = kids
        return obj

    doc.K = Array([build(i, doc) for i in st.top if i in kept])
    nums: list[Any] = []  # a list, made an Array once: extending a pikepdf Array copies it
    for n, page in enumerate(page_obj):
        page.StructParents = n
        got = parents.get(n + 1, {})
        nums.extend([n, pdf.make_indirect(Array([got[m] for m in range(len(got))]))])
    key = len(page_obj)
    for annot, link in annots:
        annot.StructParent = key
        nums.extend([key, link])
        key += 1
        if "/Contents" not in annot or not str(annot.Contents):
            annot.Contents = String(_link_text(annot))
    for page in page_obj:
        if "/Annots" in page and len(page.Annots):
            page.Tabs = Name.S
    root.K = doc
    ids = sorted((str(o.ID), o) for o in made.values() if "/ID" in o)
    if ids:
        root.IDTree = pdf.make_indirect(Dictionary(Names=Array([x for pair in ids for x in pair])))
    root.ParentTree = pdf.make_indirect(Dictionary(Nums=Array(nums)))
    root.ParentTreeNextKey = key
    pdf.Root.StructTreeRoot = root
    pdf.Root.MarkInfo = Dictionary(Marked=True)
    pdf.Root.Lang = String(lang)
    pdf.Root.ViewerPreferences = Dictionary(DisplayDocTitle=True)


def _kept(st: Structure, content: dict[int, Any], links: dict[int, Any]) -> set[int]:
    """The elements that hold content, themselves or below them (others were never drawn)."""
    kept: set[int] = set()

    def visit(i: int) -> bool:
        has = bool(content.get(i) or links.get(i))
        for k in st.elems[i].kids:
            has = visit(k) or has
        if has:
            kept.add(i)
        return has

    for i in st.top:
        visit(i)
    return kept


def _attributes(obj: pikepdf.Object, role: str, attrs: dict[str, Any], box: Any) -> None:
    if role == "Figure":
        obj.Alt = String(str(attrs.get("Alt", "")))
        if box is not None:
            obj.A = Dictionary(O=Name.Layout, BBox=Array([round(v, 2) for v in box[1:]]),
                               Placement=Name.Block)
    elif role == "TH":
        obj.A = Dictionary(O=Name.Table, Scope=Name("/" + str(attrs.get("Scope", "Column"))))
    elif role == "L" and "ListNumbering" in attrs:
        obj.A = Dictionary(O=Name.List, ListNumbering=Name("/" + str(attrs["ListNumbering"])))
    if "ActualText" in attrs:
        obj.ActualText = String(str(attrs["ActualText"]))
    if attrs.get("ID"):
        obj.ID = String(str(attrs["ID"]))
    if attrs.get("Lang"):
        obj.Lang = String(str(attrs["Lang"]))


def _link_text(annot: pikepdf.Object) -> str:
    """A link's description for assistive technology: its address, or where in the memo it goes."""
    action = annot.get("/A")
    if action is not None and "/URI" in action:
        return str(action.URI)
    dest = annot.get("/Dest")
    if dest is not None and isinstance(dest, (pikepdf.String, pikepdf.Name)):
        return "Go to " + str(dest).lstrip("/").replace("-", " ")
    return "Go to another place in the memo"


# ------------------------------------------------------------------ PDF/A-2
def _archival(pdf: pikepdf.Pdf, claim: Claim, lang: str) -> None:
    info = pdf.docinfo
    if "/Trapped" in info:
        del info["/Trapped"]  # nothing to say in the metadata about it
    meta = pdf.make_stream(_xmp(info, claim, lang).encode("utf-8"))
    meta.Type, meta.Subtype = Name.Metadata, Name.XML
    pdf.Root.Metadata = meta
    icc = pdf.make_stream(resources.files("pikepdf").joinpath("pdfa/data/sRGB.icc").read_bytes())
    icc.N = 3
    pdf.Root.OutputIntents = Array([Dictionary(Type=Name.OutputIntent, S=Name.GTS_PDFA1,
                                               OutputConditionIdentifier=String(ICC_NAME),
                                               Info=String(ICC_NAME), DestOutputProfile=icc)])
    for page in pdf.pages:
        if "/Trans" in page.obj:
            del page.obj["/Trans"]  # reportlab's empty page transition: nothing to keep
        for annot in page.obj.get("/Annots", Array()):
            annot.F = PRINT


def _date(value: Any) -> str:
    """A PDF date (D:YYYYMMDDHHmmSS...) as an XMP date."""
    s = str(value)[2:]
    d = dt.datetime(int(s[0:4]), int(s[4:6]), int(s[6:8]), int(s[8:10] or 0), int(s[10:12] or 0),
                    int(s[12:14] or 0))
    return d.strftime("%Y-%m-%dT%H:%M:%S") + "+00:00"


def _xmp(info: Any, claim: Claim, lang: str) -> str:
    """The XMP packet: the document information again, and the standards the file claims."""
    def get(key: str) -> str:
        return escape(str(info.get(key, "")))

    def alt(value: str) -> str:
        return f'<rdf:Alt><rdf:li xml:lang="x-default">{value}</rdf:li></rdf:Alt>'

    parts = [f"<dc:title>{alt(get('/Title'))}</dc:title>", "<dc:format>application/pdf</dc:format>"]
    if get("/Author"):
        parts.append(f"<dc:creator><rdf:Seq><rdf:li>{get('/Author')}</rdf:li></rdf:Seq></dc:creator>")
    if get("/Subject"):
        parts.append(f"<dc:description>{alt(get('/Subject'))}</dc:description>")
    parts.append(f"<dc:language><rdf:Bag><rdf:li>{escape(lang)}</rdf:li></rdf:Bag></dc:language>")
    if get("/Keywords"):
        parts.append(f"<pdf:Keywords>{get('/Keywords')}</pdf:Keywords>")
    parts.append(f"<pdf:Producer>{get('/Producer')}</pdf:Producer>")
    if get("/Creator"):
        parts.append(f"<xmp:CreatorTool>{get('/Creator')}</xmp:CreatorTool>")
    for key, name in (("/CreationDate", "CreateDate"), ("/ModDate", "ModifyDate")):
        if key in info:
            parts.append(f"<xmp:{name}>{_date(info[key])}</xmp:{name}>")
    parts.append("<pdfaid:part>2</pdfaid:part>")
    parts.append(f"<pdfaid:conformance>{'A' if claim.tagged else 'B'}</pdfaid:conformance>")
    if claim.tagged:
        parts.append("<pdfuaid:part>1</pdfuaid:part>")
    body = "\n".join(parts)
    return f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/"
 xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"{_NAMESPACES if claim.tagged else ""}>
{body}
{_EXTENSION if claim.tagged else ""}
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""


_NAMESPACES = ('\n xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"'
               '\n xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"'
               '\n xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"'
               '\n xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#"')

# PDF/A asks for a description of every schema outside XMP's own: here, the PDF/UA identification
_EXTENSION = """<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
<pdfaProperty:name>part</pdfaProperty:name>
<pdfaProperty:valueType>Integer</pdfaProperty:valueType>
<pdfaProperty:category>internal</pdfaProperty:category>
<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
</rdf:li></rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>"""
