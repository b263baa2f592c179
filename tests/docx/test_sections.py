"""Sections LibreOffice and Word both lay out well: every section break in a paragraph of its own,
and the body's columns as the document's last section, so the columns are the page's (in
LibreOffice a section with columns inside the page loses and misplaces notes, and fails on long
memos). Notes are then set in the width of their column."""

from __future__ import annotations

from pathlib import Path

import docx
import pdfplumber

from memokit.model.nodes import Memo
from memokit.style.theme import Theme
from tests.docx.conftest import NS, W, part, render_yaml, to_pdf
from tests.pdf.generate import long_memo_yaml


def test_section_breaks_sit_in_empty_paragraphs_of_their_own(example: tuple[Path, Memo]) -> None:
    body = part(example[0], "word/document.xml").find(f"{W}body")
    breaks = body.xpath("w:p[w:pPr/w:sectPr]", namespaces=NS)
    assert len(breaks) >= 1  # title block | body (a page-wide figure floats in the body)
    for p in breaks:
        assert p.find(f"{W}pPr/{W}pStyle").get(f"{W}val") == "SectionBreak"
        assert not p.xpath("w:r|w:hyperlink|w:fldSimple", namespaces=NS)
    style = docx.Document(str(example[0])).styles["Section Break"]
    assert style.font.size.pt <= 1 and style.paragraph_format.space_after.pt == 0


def test_the_body_columns_are_the_last_section_with_the_text_last(example: tuple[Path, Memo],
                                                                  theme: Theme) -> None:
    body = part(example[0], "word/document.xml").find(f"{W}body")
    final = body[-1]
    assert final.tag == f"{W}sectPr"
    assert final.find(f"{W}cols").get(f"{W}num") == str(theme.page.columns)
    assert final.find(f"{W}type").get(f"{W}val") == "continuous"
    last = body[-2]  # the bibliography's last entry; the end mark closes the text before it
    assert last.find(f"{W}pPr/{W}pStyle").get(f"{W}val") == "Bibliography"
    assert last.find(f"{W}pPr/{W}sectPr") is None
    paras = body.findall(f"{W}p")
    heading = max(i for i, p in enumerate(paras) if "".join(p.itertext()) == "Bibliography")
    assert "".join(paras[heading - 1].itertext()).rstrip().endswith("■")


def test_libreoffice_sets_notes_in_the_width_of_their_column(tmp_path: Path, theme: Theme) -> None:
    """In a memo without page-wide figures or tables (each is a section of its own, in which
    LibreOffice sets notes across the page)."""
    path, _, _ = render_yaml(long_memo_yaml(pages=4, seed=2, page_wide=False), tmp_path, theme)
    p = theme.page
    with pdfplumber.open(str(to_pdf(path, tmp_path / "lo"))) as pdf:
        lines = {}
        for n, page in enumerate(pdf.pages, start=1):
            for w in page.extract_words(extra_attrs=["size"]):
                if (abs(w["size"] - theme.sizes.footnote) < 0.2 and p.height / 2 < w["top"]
                        < p.height - p.margin_bottom):  # not the footer
                    key = (n, round(w["top"]), w["x0"] < p.width / 2)
                    a, b = lines.get(key, (w["x0"], w["x1"]))
                    lines[key] = (min(a, w["x0"]), max(b, w["x1"]))
    assert lines, "no note lines found"
    wide = [k for k, (a, b) in lines.items() if b - a > p.column_width + 1]
    assert wide == [], f"note lines wider than a column: {wide[:5]}"


def test_libreoffice_fills_page_one_and_sets_the_figure_where_the_pdf_has_it(
        example: tuple[Path, Memo], example_pdf: Path, theme: Theme, tmp_path: Path) -> None:
    """The page-wide figure floats at the top of the page our PDF sets it on, and the page
    before it stays full: each column's text reaches within three lines of its notes."""
    from memokit.figures.render import render_figures
    from memokit.writers.pdf import write as write_pdf

    memo = example[1]
    ours = tmp_path / "ours.pdf"
    write_pdf(memo, theme, render_figures(memo, theme), ours)

    def caption_page(path: Path) -> int:
        with pdfplumber.open(str(path)) as pdf:
            texts = [page.extract_text() or "" for page in pdf.pages]
        return next(n for n, text in enumerate(texts, 1) if "Figure 1:" in text)

    assert caption_page(example_pdf) == caption_page(ours) == 2
    p, lead = theme.page, theme.sizes.leading
    with pdfplumber.open(str(example_pdf)) as pdf:
        words = pdf.pages[0].extract_words(extra_attrs=["size"])
    for left in (True, False):
        col = [w for w in words if (w["x0"] < p.width / 2) == left and w["top"] > p.height / 3]
        body = max(w["bottom"] for w in col if abs(w["size"] - theme.sizes.body) < 0.2)
        notes = min((w["top"] for w in col if abs(w["size"] - theme.sizes.footnote) < 0.2
                     and w["top"] > body), default=p.height - p.margin_bottom)
        assert notes - body < 3 * lead, f"page 1 {'left' if left else 'right'} column ends " \
                                        f"{(notes - body) / lead:.1f} lines short"
