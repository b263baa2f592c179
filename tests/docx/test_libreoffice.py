"""The DOCX as LibreOffice lays it out: notes at the foot of the citing page, captions and
cross-references numbered, header and footer fields filled in, and an editor's style change applied."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pdfplumber
import pytest
from docx.shared import Pt

from memokit.model.nodes import Inline, Memo, Note, Paragraph
from memokit.model.walk import memo_blocks, notes
from memokit.style.theme import Theme
from tests.docx.conftest import page_texts, to_pdf
from tests.docx.test_notes_fields import plain


def squash(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def words_before_notes(memo: Memo) -> dict[int, str]:
    """The last few words the author wrote before each note reference."""
    out: dict[int, str] = {}
    for b in memo_blocks(memo):
        if isinstance(b, Paragraph):
            before: list[Inline] = []
            for i in b.children:
                if isinstance(i, Note):
                    out[i.number] = " ".join(plain(tuple(before)).split()[-3:])
                before.append(i)
    return out


def test_footnotes_sit_at_the_foot_of_the_page_that_cites_them(example: tuple[Path, Memo],
                                                               example_pdf: Path, theme: Theme) -> None:
    memo = example[1]
    texts = [squash(t) for t in page_texts(example_pdf)]
    cited = words_before_notes(memo)
    with pdfplumber.open(example_pdf) as pdf:
        pages = [p.extract_words(extra_attrs=["size"]) for p in pdf.pages]
        height = pdf.pages[0].height
    for note in notes(memo):
        start = plain(note.children).split()[:5]
        found = [i for i, ws in enumerate(pages)
                 if any([w["text"] for w in ws[k:k + 5]] == start for k in range(len(ws)))]
        assert len(found) == 1, f"note {note.number} ({' '.join(start)}) found on pages {found}"
        page = found[0]
        assert cited[note.number] in texts[page], f"note {note.number} is not on the page citing it"
        ws = pages[page]
        k = next(k for k in range(len(ws)) if [w["text"] for w in ws[k:k + 5]] == start)
        note_top = ws[k]["top"]
        assert abs(ws[k]["size"] - theme.sizes.footnote) < 0.2
        # LibreOffice sets notes at the foot of the column that cites them (of the page when the
        # notes span it): below every body line they share horizontal room with
        line = [w for w in ws if abs(w["top"] - note_top) < 1 and abs(w["size"] - theme.sizes.footnote) < 0.2]
        left, right = min(w["x0"] for w in line), max(w["x1"] for w in line)
        body_bottom = max(w["bottom"] for w in ws if abs(w["size"] - theme.sizes.body) < 0.2
                          and w["x1"] > left and w["x0"] < right)
        assert note_top > body_bottom, f"note {note.number} is not below the text of page {page + 1}"
        assert note_top > height / 2


def test_captions_references_header_and_footer_read_right(example_pdf: Path) -> None:
    texts = [squash(t) for t in page_texts(example_pdf)]
    with pdfplumber.open(example_pdf) as pdf:
        fig_page = next(i for i, t in enumerate(texts) if "Figure 1:" in t)
        images = pdf.pages[fig_page].images
        assert len(images) == 1 and images[0]["width"] > pdf.pages[0].width * 0.7  # the chart, page wide
    whole = " ".join(texts)
    assert "Figure 1: Recorded events in Karvonia" in whole
    assert "Table 1: Personnel of the international missions" in whole
    assert "As Figure 1 shows" in whole and "Table 1 shows the personnel" in whole
    n = len(texts)
    assert n >= 3
    for i, t in enumerate(texts, start=1):
        assert f"February 2026 Memo 8147 page {i} of {n}" in t or (
            "February 2026" in t and "Memo 8147" in t and f"page {i} of {n}" in t)
        header = "International Crisis Management · Memo 8147"
        assert (header in t) == (i > 1), f"running header on page {i}"
    assert "Nordic Institute for Security Analysis" in texts[0]
    assert texts[-1].rstrip().endswith(("■", f"page {n} of {n}"))
    assert "■" in texts[-1]


def test_an_editor_changes_the_heading_style_and_inserts_a_paragraph(example: tuple[Path, Memo],
                                                                   tmp_path: Path) -> None:
    d = docx.Document(str(example[0]))
    h1 = d.styles["Heading 1"]
    h1.font.name = "DejaVu Serif"  # installed with LibreOffice's fonts; not the house font
    h1.font.size = Pt(14)
    first_heading = next(p for p in d.paragraphs if p.style.name == "Heading 1")
    inserted = first_heading.insert_paragraph_before("An editor wrote this paragraph.", style="Body Text")
    assert inserted.style.name == "Body Text"
    edited = tmp_path / "edited.docx"
    d.save(str(edited))
    pdf = to_pdf(edited, tmp_path)
    headings = [s.heading.upper() for s in example[1].sections] + ["BIBLIOGRAPHY"]  # in capitals
    with pdfplumber.open(pdf) as doc:
        words = [w for page in doc.pages for w in page.extract_words(extra_attrs=["fontname", "size"])]
    text = " ".join(w["text"] for w in words)
    assert "An editor wrote this paragraph." in text
    big = [w for w in words if abs(w["size"] - 14) < 0.2]
    assert " ".join(w["text"] for w in big) == " ".join(headings)  # every heading, and only headings
    assert {w["fontname"].split("+")[-1] for w in big} == {"DejaVuSerif-Bold"}


@pytest.mark.parametrize("lang, label", [("sv-SE", "Figur 1:"), ("en-GB", "Figure 1:")])
def test_labels_follow_the_memo_language(tmp_path: Path, theme: Theme, lang: str, label: str) -> None:
    from tests.docx.conftest import render_yaml

    memo = f"""\
title: Språk
authors: [A. Writer]
date: 2026-03-02
language: {lang}
lede: Ingress.
data:
  d:
    rows:
      - [year, value]
      - [2021, 1]
      - [2022, 2]
sections:
  - heading: Del
    body:
      - Se @fig:f.
      - figure: {{id: f, caption: En figur, data: d, chart: line, x: year, y: value, alt: Alt, source: SCB}}
"""
    path, _, _ = render_yaml(memo, tmp_path, theme)
    texts = [squash(t) for t in page_texts(to_pdf(path, tmp_path))]
    whole = " ".join(texts)
    assert f"{label} En figur" in whole
    source = "Källa: SCB" if lang == "sv-SE" else "Source: SCB"
    assert source in whole
    assert re.search(r"(sida|page) 1 (av|of) 1", whole)
    assert ("mars 2026" if lang == "sv-SE" else "March 2026") in whole


def test_libreoffice_reads_the_language_and_hyphenation(example: tuple[Path, Memo], tmp_path: Path) -> None:
    """Automatic hyphenation reaches the body styles (not headings or titles), in British English."""
    from lxml import etree

    fodt = etree.parse(str(to_pdf(example[0], tmp_path, "fodt")))
    ns = {"style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
          "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"}
    fo = "{" + ns["fo"] + "}"

    def text_props(xpath: str) -> dict:
        return dict(fodt.xpath(f"{xpath}/style:text-properties", namespaces=ns)[0].attrib)

    default = text_props("//style:default-style[@style:family='paragraph']")
    assert (default.get(f"{fo}language"), default.get(f"{fo}country")) == ("en", "GB")
    assert text_props("//style:style[@style:name='Standard']").get(f"{fo}hyphenate") == "true"
    for name in ("Heading_20_1", "Title"):
        assert text_props(f"//style:style[@style:name='{name}']").get(f"{fo}hyphenate") == "false"
