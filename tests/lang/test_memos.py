"""A French and a German memo rendered to PDF and DOCX: every label, date and number read back
as a reader sees it (pdftotext for the PDF, the XML parts of the DOCX)."""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

import pytest

from memokit.pipeline import render_memo
from tests.helpers import require_tool

HERE = Path(__file__).parent
SPACES = re.compile("[ \u00a0\u202f]+")

# what each memo must show in both outputs: labels, dates, numbers from the filters and the table
BOTH = {
    "fr": ["Tableau 1", "Figure 1", "Figure 2", "Source", "14 mars 2026", "1 145,3", "25,6 %",
           "04 mars 2026", "12 500,2", "26 %", "Note 42", "Encadré 1", "Encadré 1: Constats",
           "Annexe A", "« Ce qui suit »"],
    "de": ["Tabelle 1", "Abbildung 1", "Abbildung 2", "Quelle", "14. März 2026", "1.145,3",
           "25,6 %", "04 März 2026", "12.500,2", "26 %", "Datum", "Kasten 1", "Kasten 1: Befunde",
           "Anhang A", "„Was folgt“"],
}
PDF_ONLY = {  # the page footer and the charts' ticks (pictures in the DOCX)
    "fr": ["page 1 sur 3", "page 3 sur 3", "3 000", "janv. 2025", "juil.", "0,2", "SOMMAIRE",
           "ANNEXE A: MÉTHODE"],
    "de": ["Seite 1 von 3", "Seite 3 von 3", "3.000", "Jan 2025", "Jul", "0,2", "INHALT",
           "ANHANG A: METHODE"],
}
NOT_SHOWN = {  # English that must not leak into the memo
    "fr": ["Table 1", "page 1 of", "March", "1,145.3", "25.6%", "Box 1", "Appendix", "Contents", "“"],
    "de": ["Figure 1", "Table 1", "page 1 of", "March", "1,145.3", "25.6%", "Box 1", "Appendix", "Contents",
           "“Was"],
}


@pytest.fixture(scope="module", params=["fr", "de"])
def rendered(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
             ) -> tuple[str, Path, Path]:
    lang = request.param
    out = tmp_path_factory.mktemp(lang)
    result = render_memo(HERE / f"{lang}-memo.yaml", out, ("pdf", "docx"))
    assert not [w for w in result.warnings if "language" in w.message], result.warnings
    return lang, out / f"{lang}-memo.pdf", out / f"{lang}-memo.docx"


def _pdf_text(pdf: Path) -> str:
    tool = require_tool("pdftotext")
    raw = subprocess.run([tool, str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return SPACES.sub(" ", raw)


def _docx_xml(docx: Path) -> str:
    with zipfile.ZipFile(docx) as z:
        parts = [n for n in z.namelist() if n.endswith(".xml")]
        return "".join(z.read(n).decode("utf-8") for n in parts)


def _docx_text(docx: Path) -> str:
    """The DOCX's text runs (w:t) of every part, joined."""
    return "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", _docx_xml(docx)))


def test_the_pdf_shows_labels_dates_and_numbers_in_the_language(rendered: tuple[str, Path, Path]) -> None:
    lang, pdf, _ = rendered
    text = _pdf_text(pdf)
    for expected in BOTH[lang] + PDF_ONLY[lang]:
        assert SPACES.sub(" ", expected) in text, (lang, expected)
    for wrong in NOT_SHOWN[lang]:
        assert wrong not in text, (lang, wrong)


def test_the_pdf_runs_to_several_pages(rendered: tuple[str, Path, Path]) -> None:
    _, pdf, _ = rendered
    text = _pdf_text(pdf)
    assert text.count("\f") >= 2


def test_the_pdf_draws_the_narrow_no_break_space_and_no_missing_glyph(
        rendered: tuple[str, Path, Path]) -> None:
    import pdfplumber

    lang, pdf, _ = rendered
    with pdfplumber.open(pdf) as doc:
        chars = [c for page in doc.pages for c in page.chars]
    assert not [c for c in chars if c["text"] in ("\ufffd", "\x00")]
    if lang == "fr":  # the table's digit groups keep CLDR's U+202F in the PDF's text
        assert any(c["text"] == "\u202f" for c in chars)


def test_the_docx_carries_the_same_text_with_cldr_characters(rendered: tuple[str, Path, Path]) -> None:
    lang, _, docx = rendered
    text = SPACES.sub(" ", _docx_text(docx))
    for expected in BOTH[lang]:
        assert expected in text, (lang, expected)
    for wrong in NOT_SHOWN[lang]:
        assert wrong not in text, (lang, wrong)
    raw = _docx_text(docx)
    if lang == "fr":
        assert "1\u202f145,3" in raw and "12\u202f500,2" in raw and "25,6\u00a0%" in raw
    else:
        assert "1.145,3" in raw and "25,6\u00a0%" in raw


def test_the_docx_footer_reads_page_n_of_m_in_the_language(rendered: tuple[str, Path, Path]) -> None:
    lang, _, docx = rendered
    with zipfile.ZipFile(docx) as z:
        footers = "".join(z.read(n).decode() for n in z.namelist() if n.startswith("word/footer"))
    words = re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", footers)
    shown = " ".join(w.strip() for w in words if w.strip())
    assert ("page" in shown and "sur" in shown) if lang == "fr" else ("Seite" in shown and "von" in shown)
