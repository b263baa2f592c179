"""The example memo's PDF, read back page by page."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from memokit.figures.render import render_figures
from memokit.model.nodes import Inline, Link, Memo, Note
from memokit.model.walk import iter_inlines, iter_sections, memo_blocks, notes
from memokit.present import plain_text
from memokit.style.theme import Theme
from memokit.writers.pdf import write
from tests.helpers import note_shown, require_tool
from tests.pdf.reading import (
    body_words,
    in_notes,
    is_heading,
    layout,
    lines,
    norm,
    note_places,
    page_count,
    page_texts,
    pdftotext,
    reference_places,
)

Example = tuple[Path, Memo]


def test_text_has_title_headings_in_capitals_notes_and_captions(example: Example, theme: Theme) -> None:
    pdf, memo = example
    text = norm(pdftotext(pdf))
    assert memo.meta.title in text
    for sec in iter_sections(memo.sections):
        shown = theme.heading_text(sec.heading, sec.level)
        assert shown in text, shown
        if sec.level <= 2:
            assert shown == sec.heading.upper()
    bare = text.replace("-", "")  # a URL may break after its own hyphen, which norm() takes away
    for n in notes(memo):
        shown = norm(plain_text(n.children, theme.labels_for(memo.meta.language))).replace("-", "")
        assert note_shown(shown, bare), f"footnote {n.number} missing"
    assert "Figure 1: Recorded events in Karvonia" in text
    assert "Table 1: Personnel of the international missions" in text
    assert "Source: Illustrative data generated for this example" in text


def test_each_footnote_starts_in_the_column_that_cites_it(example: Example, theme: Theme) -> None:
    pdf, memo = example
    lay = layout(pdf, theme)
    refs, starts = reference_places(lay, theme), note_places(lay, theme)
    numbers = [n.number for n in notes(memo)]
    assert sorted(refs) == numbers and sorted(starts) == numbers
    assert {n: refs[n] for n in numbers} == {n: starts[n] for n in numbers}


def test_body_pages_have_two_columns(example: Example, theme: Theme) -> None:
    pdf, _ = example
    lay = layout(pdf, theme)
    words = body_words(lay, theme)
    for page in range(1, lay.pages + 1):  # the last page too: its columns are balanced
        cols = {w.column for w in words if w.page == page}
        assert cols == {1, 2}, f"page {page} has body text in columns {cols}"
    mid = theme.page.width / 2
    crossing = [w for w in words if w.x0 < mid < w.x1]
    assert not crossing, "body text runs across the gutter"


def test_columns_fill_left_then_right(example: Example, theme: Theme) -> None:
    """Reading order: the first column of page 1 holds the start of the first section."""
    pdf, memo = example
    lay = layout(pdf, theme)
    first_words = memo.sections[0].blocks[0].children[0].text.split()[:2]  # type: ignore[union-attr]
    hits = [w for w in body_words(lay, theme) if w.text == first_words[0]]
    assert hits and (hits[0].page, hits[0].column) == (1, 1)


def test_header_and_footer_on_every_page(example: Example) -> None:
    pdf, memo = example
    pages = page_texts(pdf)
    total = len(pages)
    assert total >= 3
    for i, text in enumerate(pages, start=1):
        assert f"page {i} of {total}" in text, i
        assert "February 2026" in text and "Memo 8147" in text, i
        if i > 1:
            assert "International Crisis Management · Memo 8147" in text, i
    assert "Nordic Institute for Security Analysis" in pages[0]
    assert "Project B26014" in pages[0] and "Approved by R. Alsgaard" in pages[0]


def test_every_font_is_embedded_and_comes_from_the_theme(example: Example) -> None:
    pdf, _ = example
    out = subprocess.run([require_tool("pdffonts"), str(pdf)], capture_output=True, text=True,
                         check=True).stdout.splitlines()[2:]
    assert out
    for line in out:
        assert line.split()[-5] == "yes", f"not embedded: {line}"
    names = " ".join(line.split()[0] for line in out)
    for fam in ("Caladea-Regular", "Caladea-Bold", "Carlito-Bold", "Carlito"):
        assert fam in names
    assert "Helvetica" not in names


def test_qpdf_finds_no_errors(example: Example) -> None:
    pdf, _ = example
    r = subprocess.run([require_tool("qpdf"), "--check", str(pdf)], capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr


def test_outline_has_the_sections_in_the_authors_casing(example: Example) -> None:
    pdf, memo = example
    reader = PdfReader(str(pdf))
    titles: list[tuple[int, str]] = []

    def flat(items: list, depth: int) -> None:  # type: ignore[type-arg]
        for it in items:
            if isinstance(it, list):
                flat(it, depth + 1)
            else:
                titles.append((depth, it.title))

    flat(reader.outline, 1)
    assert titles == [(s.level, s.heading) for s in iter_sections(memo.sections)] + [(1, "Bibliography")]


def _urls(inlines: tuple[Inline, ...]) -> list[str]:
    out = []
    for i in iter_inlines(inlines):
        if isinstance(i, Link):
            out.append(i.url)
        if isinstance(i, Note):
            out += _urls(i.children)
    return out


def test_every_url_has_a_link_and_cross_references_jump_to_their_float(example: Example) -> None:
    import pdfplumber

    pdf, memo = example
    urls = [u for b in memo_blocks(memo) for u in _urls(getattr(b, "children", ()))]
    assert len(urls) >= 3
    reader = PdfReader(str(pdf))
    found: set[str] = set()
    jumps: list[tuple[int, int, list[float]]] = []
    for i, page in enumerate(reader.pages):
        for a in page.get("/Annots", []) or []:
            a = a.get_object()
            if "/A" in a and "/URI" in a["/A"]:
                found.add(str(a["/A"]["/URI"]))
            elif "/Dest" in a:
                dest = a["/Dest"]
                target = next(k for k, p in enumerate(reader.pages) if p.indirect_reference == dest[0])
                jumps.append((i, target, [float(v) for v in a["/Rect"]]))
    assert set(urls) <= found
    floats = 0
    with pdfplumber.open(str(pdf)) as doc:
        for page, target, rect in jumps:
            h = doc.pages[page].height
            box = (rect[0] - 1, h - rect[3] - 1, rect[2] + 1, h - rect[1] + 1)
            label = doc.pages[page].crop(box).extract_text().replace("\n", " ")
            inside = "".join(c["text"] for c in doc.pages[page].chars
                             if rect[0] <= (c["x0"] + c["x1"]) / 2 <= rect[2]
                             and rect[1] <= h - (c["top"] + c["bottom"]) / 2 <= rect[3])
            if inside.isdigit():
                continue  # a note's number, linked to its note (test_note_links.py)
            floats += 1
            m = re.search(r"(Figure|Table) (\d)", label)
            assert m, label
            assert f"{m.group(1)} {m.group(2)}:" in norm(pdftotext(pdf, target + 1))
    assert floats == 2  # "Figure 1" and "Table 1" in the text


def test_lang_and_document_info(example: Example) -> None:
    pdf, memo = example
    reader = PdfReader(str(pdf))
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"
    info = reader.metadata
    assert info is not None
    assert info.title == memo.meta.title
    assert info.author == "Ingrid Solvang-Aro, Teodor Malkinen"
    assert info.subject.startswith("The international military presence in Karvonia")
    assert "stabilisation missions" in info["/Keywords"]
    assert info.creator == "memokit"
    assert str(info["/CreationDate"]).startswith("D:20260219")


def test_two_renders_are_byte_identical(example: Example, theme: Theme, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    pdf, memo = example
    again = tmp_path / "again.pdf"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1234567890")  # the memo's date wins over the build's
    write(memo, theme, render_figures(memo, theme), again)
    assert again.read_bytes() == pdf.read_bytes()


def test_justified_columns_are_hyphenated(example: Example) -> None:
    pdf, _ = example
    raw = pdftotext(pdf, raw=True)
    broken = re.findall(r"([a-z]{2,})-\n([a-z]{2,})", raw)
    assert len(broken) >= 3, broken


def test_figure_text_is_selectable_in_the_house_font(example: Example, theme: Theme) -> None:
    pdf, _ = example
    lay = layout(pdf, theme)
    legend = [w for w in lay.words if w.text == "clash" and w.size < theme.sizes.body]
    assert legend, "the chart legend is not text"
    assert all(theme.fonts.heading.family in w.font for w in legend)


def test_end_mark_follows_the_last_paragraph(example: Example) -> None:
    pdf, _ = example
    last = norm(pdftotext(pdf, page_count(pdf)))
    assert "the last ISFK base closes. ■" in last


def test_no_column_ends_with_a_heading(example: Example, theme: Theme) -> None:
    pdf, _ = example
    lay = layout(pdf, theme)
    bottom = theme.page.height - theme.page.margin_bottom
    for page in range(1, lay.pages + 1):
        for col in (1, 2):
            words = [w for w in lay.on(page, col) if w.column and not in_notes(w, lay) and w.top < bottom
                     and (is_heading(w, theme) or abs(w.size - theme.sizes.body) < 0.05
                          or abs(w.size - theme.bibliography.size) < 0.05)]
            ls = lines(words)
            if ls:
                assert not all(is_heading(w, theme) for w in ls[-1]), \
                    f"page {page} column {col} ends with a heading"
