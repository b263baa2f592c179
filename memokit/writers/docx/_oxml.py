"""Every piece of raw WordprocessingML the DOCX writer needs and python-docx does not model.

Footnotes part, complex fields, bookmarks, hyperlinks, section properties and
columns, numbering definitions, table-style conditions, paragraph rules, the
settings part and the custom/app property parts live here. The rest of the
writer speaks in domain terms and calls these helpers; lengths arrive in points.
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from docx.document import Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part, PartFactory, XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.parser import register_element_cls
from docx.oxml.xmlchemy import BaseOxmlElement, ZeroOrMore
from docx.text.paragraph import Paragraph
from docx.text.run import Run

W = nsdecls("w")
WR = nsdecls("w", "r")


def _tw(pt: float) -> int:
    """Points to twentieths of a point (twips)."""
    return round(pt * 20)


def _hex(colour: str) -> str:
    return colour.lstrip("#").upper()


def _insert(parent: BaseOxmlElement, child: BaseOxmlElement) -> BaseOxmlElement:
    """Insert ``child`` in schema order, replacing an existing child of the same tag."""
    old = parent.find(child.tag)
    if old is not None:
        parent.replace(old, child)
        return child
    seq = getattr(parent, "_tag_seq", ())
    tags = [qn(t) for t in seq]
    if child.tag in tags:
        parent.insert_element_before(child, *seq[tags.index(child.tag) + 1:])
    else:
        parent.append(child)
    return child


# ------------------------------------------------------------------ styles


def reset_styles(styles: BaseOxmlElement, font: str, size_pt: float, lang: str) -> None:
    """Empty the template's styles part and set the document defaults (font, size, language)."""
    for child in list(styles):
        styles.remove(child)
    sz = round(size_pt * 2)
    styles.append(parse_xml(
        f'<w:docDefaults {W}><w:rPrDefault><w:rPr>'
        f'<w:rFonts w:ascii={quoteattr(font)} w:hAnsi={quoteattr(font)} w:eastAsia={quoteattr(font)}'
        f' w:cs={quoteattr(font)}/><w:sz w:val="{sz}"/><w:szCs w:val="{sz}"/>'
        f'<w:lang w:val={quoteattr(lang)} w:eastAsia={quoteattr(lang)} w:bidi={quoteattr(lang)}/>'
        '</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240"'
        ' w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>'))


def mark_default(style_el: BaseOxmlElement) -> None:
    """Make a style the default of its type (Normal, Default Paragraph Font, ...)."""
    style_el.set(qn("w:default"), "1")


def set_all_scripts_font(style_el: BaseOxmlElement, font: str) -> None:
    """Name one font for every script slot, so no theme font shows through."""
    rfonts = style_el.get_or_add_rPr().get_or_add_rFonts()
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(slot), font)


def set_outline_level(style_el: BaseOxmlElement, level: int) -> None:
    """Outline level (0-based) so Word's navigation pane and TOC see the heading."""
    _insert(style_el.get_or_add_pPr(), parse_xml(f'<w:outlineLvl {W} w:val="{level}"/>'))


def set_style_numbering(style_el: BaseOxmlElement, num_id: int, level: int = 0) -> None:
    _insert(style_el.get_or_add_pPr(), parse_xml(
        f'<w:numPr {W}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def set_rule(style_el: BaseOxmlElement, side: str, colour: str, width_pt: float, space_pt: float) -> None:
    """A paragraph border (``side``: top or bottom) as a rule above or below the text."""
    _insert(style_el.get_or_add_pPr(), parse_xml(
        f'<w:pBdr {W}><w:{side} w:val="single" w:sz="{max(2, round(width_pt * 8))}"'
        f' w:space="{round(space_pt)}" w:color="{_hex(colour)}"/></w:pBdr>'))


def suppress_hyphenation(style_el: BaseOxmlElement) -> None:
    _insert(style_el.get_or_add_pPr(), parse_xml(f'<w:suppressAutoHyphens {W}/>'))


def set_superscript(style_el: BaseOxmlElement) -> None:
    _insert(style_el.get_or_add_rPr(), parse_xml(f'<w:vertAlign {W} w:val="superscript"/>'))


def _clear_table_look(style_el: BaseOxmlElement) -> None:
    """Remove what a table style says about the table, its cells and its special rows."""
    for tag in ("w:tblPr", "w:tcPr", "w:tblStylePr"):
        for old in style_el.findall(qn(tag)):
            style_el.remove(old)


def define_table_style(style_el: BaseOxmlElement, rule_colour: str, rule_pt: float,
                       header_fill: str, cell_pad_pt: float) -> None:
    """Horizontal rules above and below, a shaded bold header row, padded cells."""
    sz = max(2, round(rule_pt * 8))
    col = _hex(rule_colour)
    pad = _tw(cell_pad_pt)
    _clear_table_look(style_el)
    style_el.append(parse_xml(
        f'<w:tblPr {W}><w:tblBorders><w:top w:val="single" w:sz="{sz}" w:space="0" w:color="{col}"/>'
        f'<w:bottom w:val="single" w:sz="{sz}" w:space="0" w:color="{col}"/>'
        f'<w:insideH w:val="single" w:sz="2" w:space="0" w:color="{col}"/></w:tblBorders>'
        f'<w:tblCellMar><w:top w:w="{pad // 2}" w:type="dxa"/><w:left w:w="{pad}" w:type="dxa"/>'
        f'<w:bottom w:w="{pad // 2}" w:type="dxa"/><w:right w:w="{pad}" w:type="dxa"/></w:tblCellMar>'
        '</w:tblPr>'))
    style_el.append(parse_xml(
        f'<w:tblStylePr {W} w:type="firstRow"><w:rPr><w:b/><w:bCs/></w:rPr><w:tblPr/>'
        f'<w:trPr><w:tblHeader/></w:trPr><w:tcPr><w:tcBorders>'
        f'<w:bottom w:val="single" w:sz="{sz}" w:space="0" w:color="{col}"/></w:tcBorders>'
        f'<w:shd w:val="clear" w:color="auto" w:fill="{_hex(header_fill)}"/></w:tcPr></w:tblStylePr>'))


def define_box_style(style_el: BaseOxmlElement, fill: str, rule_colour: str, rule_pt: float,
                     frame: bool, pad_pt: float) -> None:
    """A box's panel as a table style: the cell shaded, a rule down the left (or all round), the
    padding as cell margins."""
    sz = max(2, min(96, round(rule_pt * 8)))
    col = _hex(rule_colour)
    pad = _tw(pad_pt)
    line = f'w:val="single" w:sz="{sz}" w:space="0" w:color="{col}"'
    none = 'w:val="nil"'
    sides = "".join(f'<w:{side} {line if frame or side == "left" else none}/>'
                    for side in ("top", "left", "bottom", "right"))
    _clear_table_look(style_el)
    style_el.append(parse_xml(
        f'<w:tblPr {W}><w:tblBorders>{sides}</w:tblBorders>'
        f'<w:tblCellMar><w:top w:w="{pad}" w:type="dxa"/><w:left w:w="{pad}" w:type="dxa"/>'
        f'<w:bottom w:w="{pad}" w:type="dxa"/><w:right w:w="{pad}" w:type="dxa"/></w:tblCellMar>'
        '</w:tblPr>'))
    style_el.append(parse_xml(f'<w:tcPr {W}><w:shd w:val="clear" w:color="auto" w:fill="{_hex(fill)}"/>'
                              '</w:tcPr>'))


# ------------------------------------------------------------------ runs, links, fields, bookmarks


def add_run(container: BaseOxmlElement, text: str = "", parent: object = None) -> Run:
    """A run appended to a paragraph or hyperlink element, as a python-docx Run."""
    r = OxmlElement("w:r")
    container.append(r)
    run = Run(r, parent)  # type: ignore[arg-type]
    if text and "\t" not in text and "\n" not in text and "\r" not in text:
        r.add_t(text)  # what ``run.text = text`` writes, without its character-by-character pass
    elif text:
        run.text = text
    return run


def add_hyperlink(container: BaseOxmlElement, r_id: str) -> BaseOxmlElement:
    """An external hyperlink element (``r_id`` related from the containing part)."""
    link = parse_xml(f'<w:hyperlink {WR} r:id="{r_id}" w:history="1"/>')
    container.append(link)
    return link


def add_field(container: BaseOxmlElement, instr: str, result: str, char_style: str | None = None) -> None:
    """A complex field (begin, instruction, separate, cached result, end) in a paragraph element."""
    rpr = f'<w:rPr><w:rStyle w:val={quoteattr(char_style)}/></w:rPr>' if char_style else ""
    parts = [
        f'<w:r {W}>{rpr}<w:fldChar w:fldCharType="begin"/></w:r>',
        f'<w:r {W}>{rpr}<w:instrText xml:space="preserve"> {escape(instr)} </w:instrText></w:r>',
        f'<w:r {W}>{rpr}<w:fldChar w:fldCharType="separate"/></w:r>',
        f'<w:r {W}>{rpr}<w:t xml:space="preserve">{escape(result)}</w:t></w:r>',
        f'<w:r {W}>{rpr}<w:fldChar w:fldCharType="end"/></w:r>',
    ]
    for xml in parts:
        container.append(parse_xml(xml))


def begin_field(container: BaseOxmlElement, instr: str) -> None:
    """The start of a complex field whose result (runs and paragraphs) follows; see end_field."""
    for xml in (f'<w:r {W}><w:fldChar w:fldCharType="begin"/></w:r>',
                f'<w:r {W}><w:instrText xml:space="preserve"> {escape(instr)} </w:instrText></w:r>',
                f'<w:r {W}><w:fldChar w:fldCharType="separate"/></w:r>'):
        container.append(parse_xml(xml))


def end_field(container: BaseOxmlElement) -> None:
    container.append(parse_xml(f'<w:r {W}><w:fldChar w:fldCharType="end"/></w:r>'))


def add_internal_link(container: BaseOxmlElement, bookmark: str) -> BaseOxmlElement:
    """A hyperlink to a bookmark of the document."""
    link = parse_xml(f'<w:hyperlink {W} w:anchor={quoteattr(bookmark)} w:history="1"/>')
    container.append(link)
    return link


def add_tab(container: BaseOxmlElement) -> None:
    container.append(parse_xml(f'<w:r {W}><w:tab/></w:r>'))


def page_break_before(paragraph: Paragraph) -> None:
    _insert(paragraph._p.get_or_add_pPr(), parse_xml(f'<w:pageBreakBefore {W}/>'))


def bookmark_start(container: BaseOxmlElement, bookmark_id: int, name: str) -> None:
    container.append(parse_xml(
        f'<w:bookmarkStart {W} w:id="{bookmark_id}" w:name={quoteattr(name)}/>'))


def bookmark_end(container: BaseOxmlElement, bookmark_id: int) -> None:
    container.append(parse_xml(f'<w:bookmarkEnd {W} w:id="{bookmark_id}"/>'))


def set_paragraph_numbering(paragraph: Paragraph, num_id: int, level: int) -> None:
    _insert(paragraph._p.get_or_add_pPr(), parse_xml(
        f'<w:numPr {W}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))


# ------------------------------------------------------------------ footnotes


class CT_Footnote(BaseOxmlElement):
    """``<w:footnote>``; registered so python-docx's ``add_p()`` works inside it."""

    p = ZeroOrMore("w:p")


register_element_cls("w:footnote", CT_Footnote)

_SEPARATOR = ('<w:footnote w:type="{kind}" w:id="{id}"><w:p><w:pPr><w:spacing w:after="0"'
              ' w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:{kind}/></w:r></w:p></w:footnote>')


class FootnotesPart(XmlPart):
    """``/word/footnotes.xml`` with the two separator notes Word requires."""

    @classmethod
    def new(cls, package: object) -> FootnotesPart:
        xml = (f'<w:footnotes {WR}>' + _SEPARATOR.format(kind="separator", id=-1)
               + _SEPARATOR.format(kind="continuationSeparator", id=0) + '</w:footnotes>')
        return cls(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, parse_xml(xml), package)  # type: ignore[arg-type]


PartFactory.part_type_for[CT.WML_FOOTNOTES] = FootnotesPart


def footnotes_part(document_part: Part) -> FootnotesPart:
    """The document's footnotes part, created on first use."""
    for rel in document_part.rels.values():
        if rel.reltype == RT.FOOTNOTES and not rel.is_external:
            return rel.target_part  # type: ignore[return-value]
    part = FootnotesPart.new(document_part.package)
    document_part.relate_to(part, RT.FOOTNOTES)
    return part


def add_footnote_reference(container: BaseOxmlElement, note_id: int, char_style: str) -> None:
    """A footnote reference run appended to a paragraph or hyperlink element."""
    container.append(parse_xml(
        f'<w:r {W}><w:rPr><w:rStyle w:val={quoteattr(char_style)}/></w:rPr>'
        f'<w:footnoteReference w:id="{note_id}"/></w:r>'))


def new_footnote(part: FootnotesPart, note_id: int, para_style: str, ref_style: str) -> Paragraph:
    """Append footnote ``note_id``; return its first paragraph, which starts with the number mark."""
    fn = parse_xml(f'<w:footnote {W} w:id="{note_id}"/>')
    part.element.append(fn)
    p = fn.add_p()
    _insert(p.get_or_add_pPr(), parse_xml(f'<w:pStyle {W} w:val={quoteattr(para_style)}/>'))
    p.append(parse_xml(f'<w:r {W}><w:rPr><w:rStyle w:val={quoteattr(ref_style)}/></w:rPr>'
                       '<w:footnoteRef/></w:r>'))
    return Paragraph(p, None)  # type: ignore[arg-type]


# ------------------------------------------------------------------ sections


def section_properties(width_pt: float, height_pt: float, margins_pt: tuple[float, float, float, float],
                       header_pt: float, footer_pt: float, columns: int, gutter_pt: float,
                       continuous: bool) -> BaseOxmlElement:
    """A ``w:sectPr``: page size, margins (top, right, bottom, left), columns, break type."""
    top, right, bottom, left = (_tw(m) for m in margins_pt)
    kind = '<w:type w:val="continuous"/>' if continuous else '<w:type w:val="nextPage"/>'
    return parse_xml(
        f'<w:sectPr {WR}>{kind}<w:pgSz w:w="{_tw(width_pt)}" w:h="{_tw(height_pt)}"/>'
        f'<w:pgMar w:top="{top}" w:right="{right}" w:bottom="{bottom}" w:left="{left}"'
        f' w:header="{_tw(header_pt)}" w:footer="{_tw(footer_pt)}" w:gutter="0"/>'
        f'<w:cols w:num="{columns}" w:space="{_tw(gutter_pt)}"/></w:sectPr>')


def end_section_at(paragraph: Paragraph, sect_pr: BaseOxmlElement) -> None:
    """Make ``paragraph`` the last one of a section described by ``sect_pr``."""
    _insert(paragraph._p.get_or_add_pPr(), sect_pr)


def set_final_section(body: BaseOxmlElement, sect_pr: BaseOxmlElement) -> None:
    """Replace the body's closing ``w:sectPr`` (the last section's properties)."""
    old = body.find(qn("w:sectPr"))
    if old is not None:
        body.remove(old)
    body.append(sect_pr)


# ------------------------------------------------------------------ numbering


def _levels(fmt: str, texts: list[str], indent_pt: float, style_ids: list[str], rpr: str = "") -> str:
    out = []
    for lvl, text in enumerate(texts):
        pstyle = f'<w:pStyle w:val="{style_ids[lvl]}"/>' if lvl < len(style_ids) else ""
        left = _tw(indent_pt * (lvl + 1))
        out.append(
            f'<w:lvl w:ilvl="{lvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{pstyle}'
            f'<w:lvlText w:val={quoteattr(text)}/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:tabs><w:tab w:val="num" w:pos="{left}"/></w:tabs>'
            f'<w:ind w:left="{left}" w:hanging="{_tw(indent_pt)}"/></w:pPr>{rpr}</w:lvl>')
    return "".join(out)


def reset_numbering(numbering: BaseOxmlElement, bullet: str, bullet_font: str, indent_pt: float,
                    bullet_style: str, number_style: str) -> tuple[int, int]:
    """Replace the template's numbering with two abstract lists; return (bullet_num, number_num)."""
    for child in list(numbering):
        numbering.remove(child)
    font = (f'<w:rPr><w:rFonts w:ascii={quoteattr(bullet_font)} w:hAnsi={quoteattr(bullet_font)}'
            f' w:cs={quoteattr(bullet_font)}/></w:rPr>')
    bullets = _levels("bullet", [bullet] * 3, indent_pt, [bullet_style], font)
    numbers = _levels("decimal", ["%1.", "%2.", "%3."], indent_pt, [number_style])
    numbering.append(parse_xml(f'<w:abstractNum {W} w:abstractNumId="0"><w:multiLevelType'
                               f' w:val="hybridMultilevel"/>{bullets}</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:abstractNum {W} w:abstractNumId="1"><w:multiLevelType'
                               f' w:val="hybridMultilevel"/>{numbers}</w:abstractNum>'))
    return add_list_instance(numbering, 0), add_list_instance(numbering, 1)


def add_style_lists(numbering: BaseOxmlElement, bullet: str, bullet_font: str, indent_pt: float,
                    bullet_style: str, number_style: str) -> tuple[int, int]:
    """Two more abstract lists (bullets, numbers) linked to their own paragraph styles, placed
    before the list instances as the schema orders them; return their (bullet_num, number_num)."""
    font = (f'<w:rPr><w:rFonts w:ascii={quoteattr(bullet_font)} w:hAnsi={quoteattr(bullet_font)}'
            f' w:cs={quoteattr(bullet_font)}/></w:rPr>')
    ids = [int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))]
    first = max(ids, default=-1) + 1
    levels = (_levels("bullet", [bullet] * 3, indent_pt, [bullet_style], font),
              _levels("decimal", ["%1.", "%2.", "%3."], indent_pt, [number_style]))
    nums = numbering.findall(qn("w:num"))
    for k, lv in enumerate(levels):
        el = parse_xml(f'<w:abstractNum {W} w:abstractNumId="{first + k}"><w:multiLevelType'
                       f' w:val="hybridMultilevel"/>{lv}</w:abstractNum>')
        if nums:
            nums[0].addprevious(el)
        else:
            numbering.append(el)
    return add_list_instance(numbering, first), add_list_instance(numbering, first + 1)


def add_list_instance(numbering: BaseOxmlElement, abstract_id: int, start: int | None = None,
                      level: int = 0) -> int:
    """A new ``w:num`` of an abstract list; with ``start``, numbering at ``level`` restarts there."""
    nums = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
    num_id = max(nums, default=0) + 1
    override = (f'<w:lvlOverride w:ilvl="{level}"><w:startOverride w:val="{start}"/></w:lvlOverride>'
                if start is not None else "")
    numbering.append(parse_xml(f'<w:num {W} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>'
                               f'{override}</w:num>'))
    return num_id


# ------------------------------------------------------------------ tables and pictures


def repeat_header_row(row_el: BaseOxmlElement) -> None:
    trpr = row_el.get_or_add_trPr()
    _insert(trpr, parse_xml(f'<w:tblHeader {W}/>'))
    if trpr.find(qn("w:cantSplit")) is None:
        trpr.insert(0, parse_xml(f'<w:cantSplit {W}/>'))


def set_table_layout(tbl_el: BaseOxmlElement, width_pt: float) -> None:
    """Full available width, fixed layout, header-row conditional formatting switched on."""
    tblpr = tbl_el.tblPr
    for tag in ("w:tblW", "w:tblLayout", "w:tblLook"):
        old = tblpr.find(qn(tag))
        if old is not None:
            tblpr.remove(old)
    _insert(tblpr, parse_xml(f'<w:tblW {W} w:w="{_tw(width_pt)}" w:type="dxa"/>'))
    _insert(tblpr, parse_xml(f'<w:tblLayout {W} w:type="fixed"/>'))
    _insert(tblpr, parse_xml(f'<w:tblLook {W} w:val="0420" w:firstRow="1" w:lastRow="0"'
                             ' w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>'))


def describe_picture(inline_el: BaseOxmlElement, name: str, description: str) -> None:
    """Name and alt text (``descr``) of an inline picture, on ``wp:docPr`` and ``pic:cNvPr``."""
    doc_pr = inline_el.docPr
    doc_pr.set("name", name)
    doc_pr.set("descr", description)
    for c_nv_pr in inline_el.iter(qn("pic:cNvPr")):
        c_nv_pr.set("name", name)
        c_nv_pr.set("descr", description)


_WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_EMU = 12700  # EMU per point


def floating_block(blocks: list[BaseOxmlElement], width_pt: float, height_pt: float, shape_id: int,
                   name: str, bottom: bool) -> BaseOxmlElement:
    """A run holding a text box as wide as ``width_pt`` that floats at the top (or the foot) of the
    page's text area, the text above and below it (wrap top and bottom), and holds ``blocks``
    (paragraphs and tables, moved in). The box grows to fit its content (``spAutoFit``). As Word
    writes a text box: a Word 2010 shape inside ``mc:AlternateContent`` (with no older fallback)."""
    cx, cy = round(width_pt * _EMU), round(height_pt * _EMU)
    align = "bottom" if bottom else "top"
    dist = "distT" if bottom else "distB"
    run = parse_xml(
        f'<w:r {nsdecls("w", "wp", "a")} xmlns:wps="{_WPS}" xmlns:mc="{_MC}">'
        f'<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        f'<wp:anchor {dist}="114300" distL="0" distR="0" simplePos="0"'
        f' relativeHeight="{251659264 + shape_id}" behindDoc="0" locked="0" layoutInCell="1"'
        f' allowOverlap="0">'
        f'<wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="margin"><wp:align>left</wp:align></wp:positionH>'
        f'<wp:positionV relativeFrom="margin"><wp:align>{align}</wp:align></wp:positionV>'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapTopAndBottom/>'
        f'<wp:docPr id="{shape_id}" name={quoteattr(name)} descr={quoteattr(name)}/><wp:cNvGraphicFramePr/>'
        f'<a:graphic><a:graphicData uri="{_WPS}"><wps:wsp><wps:cNvSpPr txBox="1"/>'
        f'<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
        f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr>'
        f'<wps:txbx><w:txbxContent/></wps:txbx>'
        f'<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" anchor="t">'
        f'<a:spAutoFit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>'
        f'</mc:Choice><mc:Fallback/></mc:AlternateContent></w:r>')
    content = run.find(".//" + qn("w:txbxContent"))
    for el in blocks:
        content.append(el)
    if not blocks:
        content.append(OxmlElement("w:p"))
    return run


def insert_run_first(paragraph: Paragraph, run: BaseOxmlElement) -> None:
    """Put ``run`` first in ``paragraph`` (after its properties)."""
    p = paragraph._p
    ppr = p.find(qn("w:pPr"))
    p.insert(0 if ppr is None else list(p).index(ppr) + 1, run)


# ------------------------------------------------------------------ settings and package parts


def write_settings(settings: BaseOxmlElement, hyphenate: bool, tab_stop_pt: float, lang: str) -> None:
    """Replace the template's settings with the few this document needs."""
    for child in list(settings):
        settings.remove(child)
    for xml in (
        f'<w:zoom {W} w:percent="100"/>',
        f'<w:defaultTabStop {W} w:val="{_tw(tab_stop_pt)}"/>',
        *([f'<w:autoHyphenation {W}/>'] if hyphenate else []),
        f'<w:characterSpacingControl {W} w:val="doNotCompress"/>',
        f'<w:footnotePr {W}><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>',
        f'<w:compat {W}><w:compatSetting w:name="compatibilityMode"'
        ' w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>',
        f'<w:themeFontLang {W} w:val={quoteattr(lang)}/>',
        f'<w:decimalSymbol {W} w:val="."/>',
        f'<w:listSeparator {W} w:val=","/>',
    ):
        settings.append(parse_xml(xml))


CUSTOM_PROPERTIES_RT = ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                        "custom-properties")
CUSTOM_PROPERTIES_CT = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"


def custom_properties_xml(props: dict[str, str]) -> bytes:
    items = "".join(
        f'<property fmtid="{_FMTID}" pid="{pid}" name={quoteattr(name)}><vt:lpwstr>{escape(value)}'
        '</vt:lpwstr></property>' for pid, (name, value) in enumerate(props.items(), start=2))
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns='
            '"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt='
            f'"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">{items}'
            '</Properties>').encode()


def app_properties_xml(application: str, company: str) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns='
            '"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt='
            '"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            f'<Application>{escape(application)}</Application><DocSecurity>0</DocSecurity>'
            f'<Company>{escape(company)}</Company><LinksUpToDate>false</LinksUpToDate>'
            '<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged></Properties>').encode()


def add_custom_properties(package: object, props: dict[str, str]) -> None:
    """Attach ``/docProps/custom.xml`` (text properties) to the package."""
    part = Part(PackURI("/docProps/custom.xml"), CUSTOM_PROPERTIES_CT,
                custom_properties_xml(props), package)  # type: ignore[arg-type]
    package.relate_to(part, CUSTOM_PROPERTIES_RT)  # type: ignore[attr-defined]


def drop_core_description(core_el: BaseOxmlElement) -> None:
    """Remove ``dc:description`` and empty leftovers (category) from the core properties."""
    for tag in ("dc:description", "cp:category", "cp:contentStatus"):
        for el in core_el.findall(qn(tag)):
            core_el.remove(el)


def set_run_language(run: Run, lang: str | None, rtl: bool, bidi_lang: str | None) -> None:
    """A run's language (``w:lang``) and, for right-to-left text, ``w:rtl`` with the complex-script
    bold and italic its emphasis needs and the bidi language Word orders and spells it in."""
    rpr = run._r.get_or_add_rPr()
    if rtl:
        for tag in ("w:b", "w:i"):
            if rpr.find(qn(tag)) is not None:
                _insert(rpr, parse_xml(f"<{tag}Cs {W}/>"))
        _insert(rpr, parse_xml(f"<w:rtl {W}/>"))
    attrs = ""
    if lang:
        attrs += f" w:val={quoteattr(lang)}"
    if bidi_lang:
        attrs += f" w:bidi={quoteattr(bidi_lang)}"
    if attrs:
        _insert(rpr, parse_xml(f"<w:lang {W}{attrs}/>"))


def set_run_style(run: Run, style_id: str) -> None:
    """A character style on one run (``w:rStyle``)."""
    run._r.style = style_id


def set_paragraph_style(paragraph: Paragraph, style_id: str) -> None:
    """A paragraph style by id (``w:pStyle``), without python-docx's lookup by name."""
    paragraph._p.style = style_id


def set_table_style(table_el: BaseOxmlElement, style_id: str) -> None:
    table_el.tblPr.style = style_id


_SVG_EXT = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}"
_ASVG = "http://schemas.microsoft.com/office/drawing/2016/SVG/main"


def add_svg_alternative(inline_el: BaseOxmlElement, story_part: Part, svg: bytes) -> None:
    """Attach ``svg`` to an inline picture as Word 2016's ``asvg:svgBlip``; the PNG stays the fallback
    for readers without SVG support."""
    package = story_part.package
    partname = package.next_partname("/word/media/image%d.svg")  # type: ignore[union-attr]
    part = Part(partname, "image/svg+xml", svg, package)
    r_id = story_part.relate_to(part, RT.IMAGE)
    blip = inline_el.xpath(".//a:blip")[0]
    blip.append(parse_xml(
        f'<a:extLst xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:ext uri="{_SVG_EXT}">'
        f'<asvg:svgBlip xmlns:asvg="{_ASVG}" {nsdecls("r")} r:embed="{r_id}"/></a:ext></a:extLst>'))


# ------------------------------------------------------------------ identities for import

IDENTITY_BOOKMARK_BASE = 1_000_000  # identity bookmarks' w:id, apart from the text's bookmarks


def identity_mark(p: BaseOxmlElement, n: int) -> None:
    """A hidden, empty bookmark '_mk<n>' first in the paragraph: the block's identity, which Word
    and LibreOffice keep while the text around it is edited."""
    bid = IDENTITY_BOOKMARK_BASE + n
    ppr = p.find(qn("w:pPr"))
    at = 0 if ppr is None else p.index(ppr) + 1
    p.insert(at, parse_xml(f'<w:bookmarkEnd {W} w:id="{bid}"/>'))
    p.insert(at, parse_xml(f'<w:bookmarkStart {W} w:id="{bid}" w:name="_mk{n}"/>'))


def identity_mark_here(container: BaseOxmlElement, n: int) -> None:
    """The identity bookmark '_mk<n>' at the end of ``container``: before a footnote reference,
    it names the note (bookmarks inside notes do not survive LibreOffice)."""
    bid = IDENTITY_BOOKMARK_BASE + n
    container.append(parse_xml(f'<w:bookmarkStart {W} w:id="{bid}" w:name="_mk{n}"/>'))
    container.append(parse_xml(f'<w:bookmarkEnd {W} w:id="{bid}"/>'))


def styles_and_numbering(document: Document) -> tuple[XmlPart, XmlPart]:
    """The styles part and the numbering part of a document."""
    part = document.part
    return part.part_related_by(RT.STYLES), part.numbering_part


def set_part_xml(part: XmlPart, xml: bytes) -> None:
    """Replace a part's XML with ``xml`` (a part's ``blob`` from before)."""
    part._element = parse_xml(xml)
