"""The bibliography in the PDF as a reader sees it: after the last section and its end mark,
before the appendices, under the house style's localised heading, each entry with its lines
after the first indented, its DOI and URL live links, listed in the table of contents; formatted
citations read as part of the text."""

from __future__ import annotations

import re
from pathlib import Path

import pypdf
import pytest

from memokit.style import load_style, style_folder
from memokit.style.theme import Theme
from tests.pdf.reading import Word, layout, lines, page_texts, pdftotext
from tests.references.memo import (
    CAPTION_CITED,
    CELL_CITED,
    CITED,
    DOI,
    ENTRIES,
    LEDE_CITED,
    NOTE_CITED,
    URL,
    long_list,
    render,
)
from tests.sections.test_pdf import heading_page, toc_rows

FIRST_WORDS = ["Andersson, Karin", "Hansen, Mette", "North Atlantic Treaty Organization", "Virtanen, Aino"]


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Theme]:
    out, _, theme = render(tmp_path_factory.mktemp("bib-en"))
    return out["pdf"], theme


@pytest.fixture(scope="module")
def no_appendix(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Theme]:
    out, _, theme = render(tmp_path_factory.mktemp("bib-end"), kind="references", appendix=False)
    return out["pdf"], theme


def _text(pdf: Path) -> str:
    return " ".join(page_texts(pdf)).replace("\u00a0", " ")


def test_after_the_last_section_and_its_end_mark_before_the_appendix(english: tuple[Path, Theme]) -> None:
    text = _text(english[0])
    head = text.index("BIBLIOGRAPHY")
    assert text.rindex("PART 5 OF THE ARGUMENT") < head < text.index("APPENDIX A: THE DATA")
    assert text[:head].rstrip().endswith("■")  # the end mark closes the main text, not the list
    assert text.count("■") == 1
    at = [text.index(w, head) for w in FIRST_WORDS]
    assert at == sorted(at) and at[-1] < text.index("APPENDIX A")  # the style's order


def test_citations_read_in_the_text_and_caption(english: tuple[Path, Theme]) -> None:
    text = _text(english[0])
    assert f"As argued {CITED}." in text
    assert f"Table A.1: Appendix table {CAPTION_CITED}" in text
    assert f"3 {CELL_CITED}" in text  # in a table cell
    assert f"What the memo finds, in brief. {LEDE_CITED}" in text
    assert f"Main note. See {NOTE_CITED}." in text


def _entry_lines(pdf: Path, theme: Theme, first: str) -> list[list[Word]]:
    """The lines of the entry that begins with the word ``first`` (down to the next entry)."""
    lay = layout(pdf, theme)
    start = next(w for w in lay.words if w.text == first and abs(w.size - theme.bibliography.size) < 0.05)
    col = [w for w in lay.on(start.page, start.column) if w.top >= start.top - 1]
    out = []
    for line in lines(col):
        if out and line[0].x0 < start.x0 + 1:  # back at the margin: the next entry
            break
        out.append(line)
    return out


def test_entries_hang_in_the_house_style(english: tuple[Path, Theme]) -> None:
    pdf, theme = english
    bib = theme.bibliography
    for first in ("Andersson,", "Hansen,", "North"):
        entry = _entry_lines(pdf, theme, first)
        assert len(entry) >= 2, first
        margin = entry[0][0].x0
        p = theme.page
        assert any(abs(margin - (p.margin_left + i * (p.column_width + p.gutter))) < 0.6
                   for i in range(p.columns))  # the first line at the column's edge
        for line in entry[1:]:
            assert line[0].x0 == pytest.approx(margin + bib.hanging_indent, abs=0.6), first
        assert all(abs(w.size - bib.size) < 0.05 for line in entry for w in line)
        assert all(theme.fonts.body.family.replace(" ", "") in w.font for line in entry for w in line)


def test_doi_and_url_are_links(english: tuple[Path, Theme]) -> None:
    pdf = english[0]
    page = heading_page(pdf, "Bibliography")
    reader = pypdf.PdfReader(str(pdf))
    uris = [a.get_object()["/A"].get("/URI") for a in reader.pages[page - 1].get("/Annots", [])
            if a.get_object().get("/Subtype") == "/Link" and "/A" in a.get_object()]
    assert DOI in uris and URL in uris
    # a long URL breaks only after its own punctuation: it reads whole once the lines are joined
    assert URL in re.sub(r"\s", "", pdftotext(pdf, page, raw=True))


def test_contents_lists_it_on_its_page(english: tuple[Path, Theme]) -> None:
    pdf = english[0]
    rows = toc_rows(pdf)
    names = [r[0] for r in rows]
    i = names.index("Bibliography")
    assert names[i - 1] == "Part 5 of the argument" and names[i + 1] == "Appendix A: The data"
    assert rows[i][1] == heading_page(pdf, "Bibliography")
    outline = [o.title for o in pypdf.PdfReader(str(pdf)).outline if not isinstance(o, list)]
    assert outline.index("Bibliography") == outline.index("Appendix A: The data") - 1


def test_a_reference_list_ends_a_balanced_last_page(no_appendix: tuple[Path, Theme]) -> None:
    pdf, theme = no_appendix
    text = _text(pdf)
    assert "REFERENCES" in text and "BIBLIOGRAPHY" not in text
    last = page_texts(pdf)[-1]
    assert "REFERENCES" in last and last.index("REFERENCES") < last.index("Virtanen, Aino")
    lay = layout(pdf, theme)
    bottoms = []
    for col in (1, 2):
        words = [w for w in lay.on(lay.pages, col) if w.top < theme.page.height - theme.page.margin_bottom]
        assert words, f"column {col} of the last page is empty"
        bottoms.append(max(w.top for w in words))
    assert abs(bottoms[0] - bottoms[1]) <= 3 * theme.bibliography.leading  # balanced


@pytest.mark.parametrize(("language", "style", "heading"), [
    ("fr", None, "BIBLIOGRAPHIE"), ("de", "brief", "Literaturverzeichnis")])
def test_localised_heading(tmp_path: Path, language: str, style: str | None, heading: str) -> None:
    out, _, _ = render(tmp_path, language=language, style=style, toc=False)
    text = _text(out["pdf"])
    appendix = ("ANNEXE A" if language == "fr" else "Anhang A") + ": "  # the appendix's heading
    assert text.index(heading) < text.index(appendix)
    assert text.index("Andersson, Karin", text.index(heading)) < text.index(appendix)


def test_unnumbered_with_numbered_headings(tmp_path: Path) -> None:
    folder = tmp_path / "numbered"
    folder.mkdir()
    (folder / "style.yaml").write_text("extends: memo\nname: numbered\ndescription: numbered\n"
                                       "headings:\n  numbered: true\n", encoding="utf-8")
    out, _, _ = render(tmp_path, style="numbered")
    text = _text(out["pdf"])
    assert "6 PART 5 OF THE ARGUMENT" in text
    assert re.search(r"■ BIBLIOGRAPHY Andersson", text)  # no number before it
    assert "Bibliography" in [r[0] for r in toc_rows(out["pdf"])]


def test_no_list_without_references(tmp_path: Path) -> None:
    out, _, _ = render(tmp_path, references=False)
    assert "BIBLIOGRAPHY" not in _text(out["pdf"])
    assert "Bibliography" not in [r[0] for r in toc_rows(out["pdf"])]


def test_memo_and_brief_defaults() -> None:
    for name in ("memo", "brief"):
        theme = load_style(style_folder(name))
        assert theme.bibliography.size < theme.sizes.body  # a step below the body text
        assert theme.bibliography.hanging_indent >= theme.bibliography.size  # about 1.5 em
    assert len(ENTRIES) == len(FIRST_WORDS)


def test_a_long_list_fills_its_columns_and_balances_the_last_page(tmp_path: Path) -> None:
    """Sixty entries over several columns: each column but those of the last page ends at its
    foot (within a line and a half), the last page's two columns end level, every entry shown once."""
    out, _, theme = render(tmp_path, appendix=False, toc=False, entries=long_list(60))
    lay = layout(out["pdf"], theme)
    bib, p = theme.bibliography, theme.page
    foot = p.height - p.margin_bottom
    marks = [w for w in lay.words if re.fullmatch(r"E\d{3}", w.text)]
    assert [w.text for w in marks] == [f"E{i:03d}" for i in range(1, 61)]  # in order, once each
    pages = sorted({w.page for w in marks})
    assert len(pages) >= 2
    entry_words = [w for w in lay.words if abs(w.size - bib.size) < 0.05 and w.column and w.top < foot]
    short = []
    for page in pages[:-1]:
        for col in range(1, p.columns + 1):
            ws = [w for w in entry_words if w.page == page and w.column == col]
            if ws and (foot - (max(w.top for w in ws) + bib.size)) / bib.leading > 1.5:
                short.append(f"page {page} column {col}")
    assert short == []
    last = [max((w.top for w in entry_words if w.page == pages[-1] and w.column == c), default=0.0)
            for c in (1, 2)]
    assert min(last) > 0 and abs(last[0] - last[1]) <= 2 * bib.leading
