"""The bibliography in the DOCX as an editor and other readers find it: a 'heading 1' paragraph
after the last section and before the appendices, bookmarked and listed in the table of contents
with the PDF's page; every entry a paragraph in Word's 'Bibliography' style, whose hanging indent
is the style's (no direct formatting); DOIs and URLs as hyperlinks; citations as ordinary runs;
pandoc reads it and LibreOffice sets it with nothing drawn over anything else."""

from __future__ import annotations

import subprocess
from pathlib import Path

import docx
import pytest
from docx.shared import Pt

from memokit.model.nodes import Memo
from memokit.style.theme import Theme
from tests.docx.conftest import NS, W, part
from tests.docx.lo_layout import convert, overlaps
from tests.helpers import require_tool
from tests.references.memo import (
    CAPTION_CITED,
    CELL_CITED,
    CITED,
    DOI,
    ENTRIES,
    LEDE_CITED,
    NOTE_CITED,
    URL,
    render,
)
from tests.sections.test_pdf import heading_page

R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
FIRST_WORDS = ["Andersson, Karin", "Hansen, Mette", "North Atlantic Treaty Organization", "Virtanen, Aino"]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Path], Memo, Theme]:
    return render(tmp_path_factory.mktemp("bib-docx"))


def _paragraphs(path: Path) -> list[tuple[str, str]]:
    """(style name, text) of every body paragraph, in order."""
    return [(p.style.name, p.text) for p in docx.Document(str(path)).paragraphs]


def test_heading_after_the_last_section_before_the_appendix(rendered: tuple[dict[str, Path], Memo, Theme],
                                                           ) -> None:
    paras = _paragraphs(rendered[0]["docx"])
    heads = [(i, t) for i, (s, t) in enumerate(paras) if s == "Heading 1"]
    names = [t for _, t in heads]
    k = names.index("Bibliography")
    assert names[k - 1] == "Part 5 of the argument" and names[k + 1] == "Appendix A: The data"
    at = heads[k][0]
    before = [t for s, t in paras[:at] if t.strip()]
    assert before[-1].endswith("■")  # the end mark closes the main text
    entries = [t for s, t in paras[at + 1:heads[k + 1][0]] if t.strip()]
    assert len(entries) == len(ENTRIES)
    assert [e.startswith(w) for e, w in zip(entries, FIRST_WORDS)] == [True] * len(ENTRIES)
    assert {s for s, t in paras[at + 1:heads[k + 1][0]] if t.strip()} == {"Bibliography"}


def test_bibliography_style_hangs_and_entries_have_no_direct_formatting(
        rendered: tuple[dict[str, Path], Memo, Theme]) -> None:
    out, _, theme = rendered
    document = docx.Document(str(out["docx"]))
    style = document.styles["Bibliography"]
    assert style.style_id == "Bibliography"
    pf = style.paragraph_format
    assert pf.left_indent == Pt(theme.bibliography.hanging_indent)
    assert pf.first_line_indent == -Pt(theme.bibliography.hanging_indent)
    assert style.font.size == Pt(theme.bibliography.size)
    assert style.font.name == theme.fonts.body.word
    body = part(out["docx"], "word/document.xml")
    entries = body.xpath("//w:p[w:pPr/w:pStyle/@w:val='Bibliography']", namespaces=NS)
    assert len(entries) == len(ENTRIES)
    for p in entries:
        assert p.find(f"{W}pPr/{W}ind") is None and p.find(f"{W}pPr/{W}spacing") is None
        assert not p.xpath(".//w:rPr/w:sz", namespaces=NS)


def test_doi_and_url_are_hyperlinks(rendered: tuple[dict[str, Path], Memo, Theme]) -> None:
    document = docx.Document(str(rendered[0]["docx"]))
    rels = {r_id: rel.target_ref for r_id, rel in document.part.rels.items()}
    body = part(rendered[0]["docx"], "word/document.xml")
    entries = body.xpath("//w:p[w:pPr/w:pStyle/@w:val='Bibliography']", namespaces=NS)
    targets = [rels[h.get(f"{R}id")] for p in entries for h in p.iter(f"{W}hyperlink")]
    assert targets == [DOI, URL]


def test_citations_are_ordinary_runs(rendered: tuple[dict[str, Path], Memo, Theme]) -> None:
    paras = _paragraphs(rendered[0]["docx"])
    assert any(s == "Body Text" and f"As argued {CITED}." in t for s, t in paras)
    assert any(s == "Caption" and t.endswith(f"Appendix table {CAPTION_CITED}") for s, t in paras)
    assert any(s == "Lede" and t.endswith(LEDE_CITED) for s, t in paras)
    document = docx.Document(str(rendered[0]["docx"]))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert any(c.endswith(CELL_CITED) for c in cells)
    notes = "".join(part(rendered[0]["docx"], "word/footnotes.xml").itertext())
    assert f"Main note. See {NOTE_CITED}." in notes


def test_contents_lists_it_with_the_pdf_page(rendered: tuple[dict[str, Path], Memo, Theme]) -> None:
    out = rendered[0]
    body = part(out["docx"], "word/document.xml")
    heading = body.xpath("//w:p[w:pPr/w:pStyle/@w:val='Heading1'][w:bookmarkStart/@w:name='_Toc_references']",
                         namespaces=NS)
    assert len(heading) == 1 and "".join(heading[0].itertext()) == "Bibliography"
    toc = body.xpath("//w:p[w:pPr/w:pStyle/@w:val='TOC1'][.//w:hyperlink/@w:anchor='_Toc_references']",
                     namespaces=NS)
    assert len(toc) == 1
    text = "".join(toc[0].itertext())
    assert text.startswith("Bibliography")
    assert text.rstrip().endswith(str(heading_page(out["pdf"], "Bibliography")))


def test_pandoc_reads_the_entries(rendered: tuple[dict[str, Path], Memo, Theme]) -> None:
    exe = require_tool("pandoc")
    text = subprocess.run([exe, "-f", "docx", "-t", "plain", "--wrap=none", str(rendered[0]["docx"])],
                          capture_output=True, text=True, check=True).stdout
    head = text.rindex("Bibliography")
    assert [text.index(w, head) for w in FIRST_WORDS] == sorted(text.index(w, head) for w in FIRST_WORDS)
    assert DOI in text[head:] and URL in text[head:]


def test_libreoffice_sets_it_with_nothing_overlapping(rendered: tuple[dict[str, Path], Memo, Theme],
                                                      tmp_path: Path) -> None:
    lo = convert(rendered[0]["docx"], tmp_path / "lo")
    words = [w.text for w in lo.words]
    assert "BIBLIOGRAPHY" in words  # the heading style's capitals
    assert "Andersson," in words and "Virtanen," in words
    assert overlaps(lo) == []
