"""The two-column text ends with a continuous section break, so its last page is balanced."""

from __future__ import annotations

from pathlib import Path

import docx

from memokit.model.nodes import Memo
from memokit.style.theme import Theme
from tests.docx.conftest import NS, W, part


def test_column_text_ends_with_a_continuous_break_into_an_empty_section(example: tuple[Path, Memo]) -> None:
    body = part(example[0], "word/document.xml").find(f"{W}body")
    final = body[-1]
    assert final.tag == f"{W}sectPr"
    assert final.find(f"{W}type").get(f"{W}val") == "continuous"
    assert final.find(f"{W}cols").get(f"{W}num") == "1"
    ends = body.xpath("w:p[w:pPr/w:sectPr]", namespaces=NS)
    last_text = ends[-1]
    assert last_text.find(f"{W}pPr/{W}sectPr/{W}cols").get(f"{W}num") == "2"
    assert "".join(last_text.itertext()).rstrip().endswith("■")
    after = list(body)[list(body).index(last_text) + 1:-1]
    assert len(after) == 1 and not "".join(after[0].itertext()).strip()
    d = docx.Document(str(example[0]))
    assert d.paragraphs[-1].style.name == "Block End"
    assert d.paragraphs[-1].style.font.size.pt <= 1


def test_libreoffice_balances_the_last_page_over_two_columns(example_pdf: Path, theme: Theme) -> None:
    import pdfplumber

    p = theme.page
    with pdfplumber.open(str(example_pdf)) as pdf:
        page = pdf.pages[-1]
        words = [w for w in page.extract_words()
                 if p.margin_top - 2 < w["top"] < p.height - p.margin_bottom]
    mid = p.width / 2
    left = {round(w["top"]) for w in words if w["x1"] <= mid}
    right = {round(w["top"]) for w in words if w["x0"] >= mid}
    assert left and right, f"last page: {len(left)} lines left, {len(right)} right"
    assert len(left) >= len(right) - 1 and abs(len(left) - len(right)) <= 3, \
        f"last page: {len(left)} lines left, {len(right)} right"
