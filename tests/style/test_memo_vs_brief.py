"""The same memo in the 'memo' and 'brief' styles: each difference is read back from the outputs."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from memokit.style import builtin_styles, load_style
from tests.style.conftest import Rendered
from tests.style.outputs import columns, docx_media, docx_part, docx_style, has_colour, pdf_fonts, pdf_text

MEMO_ACCENT, BRIEF_ACCENT = "#1F4E79", "#00695C"
HEADING = "A transition under way"  # the first heading of the example memo, as its author wrote it


def _pg_size(docx_xml: str) -> tuple[int, int]:
    m = re.search(r'<w:pgSz w:w="(\d+)" w:h="(\d+)"', docx_xml)
    assert m
    return int(m.group(1)), int(m.group(2))


def test_page_size_a4_vs_letter(memo_out: Rendered, brief_out: Rendered) -> None:
    memo_box = PdfReader(str(memo_out["pdf"])).pages[0].mediabox
    brief_box = PdfReader(str(brief_out["pdf"])).pages[0].mediabox
    assert (round(float(memo_box.width)), round(float(memo_box.height))) == (595, 842)  # A4
    assert (round(float(brief_box.width)), round(float(brief_box.height))) == (612, 792)  # Letter
    assert _pg_size(docx_part(memo_out["docx"], "word/document.xml")) == (11906, 16838)
    assert _pg_size(docx_part(brief_out["docx"], "word/document.xml")) == (12240, 15840)


def test_two_columns_vs_one(memo_out: Rendered, brief_out: Rendered) -> None:
    # page 2 is all body text: lines start at one x per column
    assert len(columns(memo_out["pdf"], 1)) == 2
    assert len(columns(brief_out["pdf"], 1)) == 1
    memo_cols = set(re.findall(r'<w:cols w:num="(\d+)"', docx_part(memo_out["docx"], "word/document.xml")))
    brief_cols = set(re.findall(r'<w:cols w:num="(\d+)"', docx_part(brief_out["docx"], "word/document.xml")))
    assert "2" in memo_cols
    assert brief_cols == {"1"}


def test_fonts_embedded_in_pdf_and_named_in_docx(memo_out: Rendered, brief_out: Rendered) -> None:
    memo_fonts, brief_fonts = pdf_fonts(memo_out["pdf"]), pdf_fonts(brief_out["pdf"])
    assert all(memo_fonts.values()), memo_fonts  # every font embedded
    assert {n.split("-")[0] for n in memo_fonts} >= {"Caladea", "Carlito"}
    assert {n.split("-")[0] for n in brief_fonts} >= {"LiberationSerif", "LiberationSans"}
    assert all(brief_fonts.values()), brief_fonts  # every font embedded
    assert not any(n.startswith(("Caladea", "Carlito")) for n in brief_fonts)
    for out, body, heading in ((memo_out, "Cambria", "Calibri"), (brief_out, "Times New Roman", "Arial")):
        assert f'w:ascii="{body}"' in docx_style(out["docx"], "BodyText") \
            or f'w:ascii="{body}"' in docx_part(out["docx"], "word/styles.xml").split("</w:docDefaults>")[0]
        assert f'w:ascii="{heading}"' in docx_style(out["docx"], "Heading1")


def test_heading_case(memo_out: Rendered, brief_out: Rendered) -> None:
    memo_text, brief_text = pdf_text(memo_out["pdf"]), pdf_text(brief_out["pdf"])
    assert HEADING.upper() in memo_text
    assert HEADING in brief_text and HEADING.upper() not in brief_text
    # the DOCX keeps the author's casing and lets the style show capitals
    assert '<w:caps/>' in docx_style(memo_out["docx"], "Heading1") \
        or '<w:caps w:val="1"/>' in docx_style(memo_out["docx"], "Heading1")
    assert '<w:caps w:val="0"/>' in docx_style(brief_out["docx"], "Heading1")
    for out in (memo_out, brief_out):
        assert HEADING in docx_part(out["docx"], "word/document.xml")


@pytest.mark.parametrize("style, accent, other", [("memo", MEMO_ACCENT, BRIEF_ACCENT),
                                                  ("brief", BRIEF_ACCENT, MEMO_ACCENT)])
def test_accent_colour_in_pdf_docx_and_figure(style: str, accent: str, other: str, memo_out: Rendered,
                                              brief_out: Rendered) -> None:
    out = memo_out if style == "memo" else brief_out
    assert has_colour(out["pdf"], accent) and not has_colour(out["pdf"], other)
    assert f'w:val="{accent[1:]}"' in docx_style(out["docx"], "Heading1")
    svgs = docx_media(out["docx"], ".svg")
    charts = [s for s in svgs if b"matplotlib" in s.lower() or b"<path" in s]
    assert charts, "the DOCX embeds the charts as SVG"
    assert any(accent.lower().encode() in s.lower() for s in charts)
    assert not any(other.lower().encode() in s.lower() for s in charts)


def test_brief_header_and_footer_wording(brief_out: Rendered) -> None:
    text = pdf_text(brief_out["pdf"])
    assert "Policy brief 8147" in text  # its own header wording
    assert re.search(r"\b2 ?/ ?\d\b", text)  # footer "2 / N" instead of "page 2 of N"
    assert "page 2 of" not in text
    import zipfile

    with zipfile.ZipFile(brief_out["docx"]) as z:
        furniture = " ".join(z.read(n).decode() for n in z.namelist() if n.startswith(("word/header",
                                                                                      "word/footer")))
    assert "Policy brief" in furniture and "> / <" in furniture.replace("\u00a0", " ")


def test_brief_extends_memo_field_by_field() -> None:
    memo, brief = (load_style(builtin_styles()[n].resolve()) for n in ("memo", "brief"))
    assert brief.fonts.symbol == memo.fonts.symbol  # not written in brief: inherited
    assert brief.sizes.caption == memo.sizes.caption and brief.sizes.body != memo.sizes.body
    assert brief.colours.text == memo.colours.text and brief.colours.accent != memo.colours.accent
    sv = brief.labels_for("sv")
    assert sv.figure == "Figur" and sv.document == "Policyunderlag" and sv.months_short[9] == "okt"
    assert brief.headings.heading3 == memo.headings.heading3
