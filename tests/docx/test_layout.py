"""Sections and columns, page geometry, pictures and tables of the DOCX."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from memokit.model.nodes import Memo
from memokit.model.walk import figures
from memokit.style.theme import Theme, WordOutput
from tests.docx.conftest import NS, W, every_table, pandoc_json, part, render_yaml
from tests.docx.test_pandoc import walk

WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"

WIDE = """\
title: Wide and narrow
authors: [A. Writer]
date: 2026-03-02
lede: A lede.
data:
  d:
    rows:
      - [year, value]
      - [2021, 1.5]
      - [2022, 2.25]
sections:
  - heading: Part
    body:
      - See @tbl:wide and @fig:narrow.
      - table:
          id: wide
          caption: A wide table
          data: d
          source: A source
          width: page
      - figure:
          id: narrow
          caption: A narrow figure
          data: d
          chart: line
          x: year
          y: value
          alt: Alt text of the narrow figure
          width: column
      - Closing words.
"""


def twips(pt: float) -> str:
    return str(round(pt * 20))


def test_title_block_is_one_column_then_two_columns_and_wide_figures_float(example: tuple[Path, Memo],
                                                                           theme: Theme) -> None:
    body = part(example[0], "word/document.xml").find(f"{W}body")
    sects = body.xpath(".//w:sectPr", namespaces=NS)
    cols = [int(s.find(f"{W}cols").get(f"{W}num")) for s in sects]
    assert cols == [1, 2]  # the last: the body's columns, the document's final section
    kinds = [s.find(f"{W}type").get(f"{W}val") for s in sects]
    assert kinds == ["nextPage", "continuous"]
    for s in sects:
        size, mar = s.find(f"{W}pgSz"), s.find(f"{W}pgMar")
        assert (size.get(f"{W}w"), size.get(f"{W}h")) == (twips(theme.page.width), twips(theme.page.height))
        assert mar.get(f"{W}left") == twips(theme.page.margin_left)
        assert mar.get(f"{W}top") == twips(theme.page.margin_top)
        assert s.find(f"{W}cols").get(f"{W}space") == twips(theme.page.gutter)
    # the break after the lede in an empty paragraph of its own
    d = docx.Document(str(example[0]))
    paragraphs = d.paragraphs
    ends = [i for i, p in enumerate(paragraphs) if p._p.find(f"{W}pPr/{W}sectPr") is not None]
    assert [paragraphs[i].style.name for i in ends] == ["Section Break"]
    assert paragraphs[ends[0] - 1].style.name == "Lede"
    # the page-wide figure, its caption and source: a text box as wide as the page's text, at the
    # top of the page's text area, text above and below it, anchored in a paragraph of the text
    (anchor,) = body.xpath(".//wp:anchor", namespaces=NS)
    assert anchor.find(f"{WP}wrapTopAndBottom") is not None
    pos = anchor.find(f"{WP}positionV")
    assert pos.get("relativeFrom") == "margin" and pos.find(f"{WP}align").text == "top"
    assert int(anchor.find(f"{WP}extent").get("cx")) == round(theme.page.text_width * 12700)
    boxed = anchor.xpath(".//w:txbxContent/w:p/w:pPr/w:pStyle/@w:val", namespaces=NS)
    assert boxed == ["Figure", "Caption", "Source"]
    choice = anchor.getparent().getparent()  # as Word writes it: a Word 2010 shape, no fallback
    assert choice.tag == f"{MC}Choice" and choice.get("Requires") == "wps"
    holder = choice.getparent().getparent().getparent()
    assert holder.tag == f"{W}p" and holder.getparent() is body
    assert holder.find(f"{W}pPr/{W}pStyle").get(f"{W}val") == "BodyText"


def test_pictures_fill_their_width_and_carry_alt_text(example: tuple[Path, Memo], tmp_path: Path,
                                                      theme: Theme) -> None:
    d = docx.Document(str(example[0]))
    fig = figures(example[1])[0]
    assert len(d.inline_shapes) == 1
    shape = d.inline_shapes[0]
    assert abs(shape.width - Pt(theme.page.text_width)) < Pt(0.1)  # width: page
    doc_pr = shape._inline.docPr
    assert doc_pr.get("descr") == fig.alt and doc_pr.get("name") == "Figure 1"
    blip = shape._inline.xpath(".//a:blip")[0]
    image = d.part.related_parts[blip.get(f"{{{NS['r']}}}embed")].image
    assert image.content_type == "image/png"
    assert image.px_width / (shape.width / 914400) > 299  # a sharp raster: 300 dpi at its printed size
    # and the vector chart for Word 2016+ (asvg:svgBlip), naming the font Word users have first
    svg_blip = blip.xpath(".//*[local-name()='svgBlip']")[0]
    svg_part = d.part.related_parts[svg_blip.get(f"{{{NS['r']}}}embed")]
    assert svg_part.content_type == "image/svg+xml"
    assert f"'{theme.fonts.heading.word}', '{theme.fonts.heading.family}'" in svg_part.blob.decode()
    path, memo, _ = render_yaml(WIDE, tmp_path, theme)
    d = docx.Document(str(path))
    shape = d.inline_shapes[0]
    assert abs(shape.width - Pt(theme.page.column_width)) < Pt(0.1)  # width: column
    assert shape._inline.docPr.get("descr") == "Alt text of the narrow figure"


def test_tables_have_a_style_a_repeating_header_and_column_alignment(tmp_path: Path, theme: Theme) -> None:
    path, _, _ = render_yaml(WIDE, tmp_path, theme)
    d = docx.Document(str(path))
    (table,) = every_table(d)
    tbl = table._tbl
    assert table.style.name == "Memo Table"
    header = table.rows[0]._tr
    assert header.find(f"{W}trPr/{W}tblHeader") is not None
    assert [c.text for c in table.rows[0].cells] == ["year", "value"]
    assert [c.text for c in table.rows[2].cells] == ["2022", "2.25"]
    assert {p.style.name for c in table.rows[0].cells for p in c.paragraphs} == {"Table Header"}
    assert {p.style.name for r in table.rows[1:] for c in r.cells for p in c.paragraphs} == {"Table Text"}
    assert all(c.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT for r in table.rows for c in r.cells)
    width = table._tbl.tblPr.find(f"{W}tblW")
    assert width.get(f"{W}w") == twips(theme.page.text_width)  # width: page
    tstyle = d.styles["Memo Table"].element
    first_row = tstyle.xpath("w:tblStylePr[@w:type='firstRow']")[0]
    fill = first_row.find(f"{W}tcPr/{W}shd").get(f"{W}fill")
    assert fill == theme.colours.table_header.lstrip("#")
    # caption above, source below, in a page-wide text box floating where the PDF sets the table
    box = tbl.getparent()
    assert box.tag == f"{W}txbxContent"
    assert [el.tag.removeprefix(W) for el in box] == ["p", "tbl", "p"]
    assert box[0].find(f"{W}pPr/{W}pStyle").get(f"{W}val") == "Caption"
    assert box[2].find(f"{W}pPr/{W}pStyle").get(f"{W}val") == "Source"
    assert "".join(t.text for t in box[2].iter(f"{W}t")) == "Source: A source"
    anchor = next(a for a in box.iterancestors(f"{WP}anchor"))
    assert int(anchor.find(f"{WP}extent").get("cx")) == round(theme.page.text_width * 12700)
    assert anchor.find(f"{WP}wrapTopAndBottom") is not None
    assert len(list(d.element.body.iter(f"{W}sectPr"))) == 2  # title block | body


def test_a_house_style_may_set_page_wide_tables_in_sections(tmp_path: Path, theme: Theme) -> None:
    """``word.page_wide: section``: the table in a one-column section of its own, between
    continuous breaks, no text box (pandoc reads it; LibreOffice may fail on note-heavy memos)."""
    path, _, _ = render_yaml(WIDE, tmp_path, replace(theme, word=WordOutput(page_wide="section")))
    body = docx.Document(str(path)).element.body
    assert not list(body.iter(f"{W}txbxContent"))
    kinds = [el.tag.removeprefix(W) for el in body]
    t_at = kinds.index("tbl")
    before, after = body[t_at - 1], body[t_at + 1]
    assert before.find(f"{W}pPr/{W}pStyle").get(f"{W}val") == "Caption"
    assert after.find(f"{W}pPr/{W}pStyle").get(f"{W}val") == "Source"
    assert body[t_at + 2].find(f"{W}pPr/{W}sectPr/{W}cols").get(f"{W}num") == "1"
    assert body[t_at - 2].find(f"{W}pPr/{W}sectPr/{W}cols").get(f"{W}num") == "2"
    tables = [e for e in walk(pandoc_json(path)) if e["t"] == "Table"]
    assert len(tables) == 1 and "2.25" in json.dumps(tables[0])  # pandoc reads it
