"""The mark over a notes band that goes on with notes from the column before: a run of notes
named as a range, and the mark within its column however many notes go on."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from memokit.resolve import load_memo
from memokit.style.theme import Theme
from memokit.writers.pdf import write as write_pdf
from tests.docx.conftest import test_assets
from tests.pdf.generate import long_memo_yaml
from tests.pdf.reading import layout, pdftotext

MARK = re.compile(r"^((?:\d+(?:\u2013\d+)?, )*\d+(?:\u2013\d+)?) \(continued\)$", re.M)


def _render(tmp_path: Path, theme: Theme, pages: int, seed: int) -> Path:
    src = tmp_path / "memo.yaml"
    src.write_text(long_memo_yaml(pages=pages, seed=seed, notes_per_page=14), encoding="utf-8")
    memo = load_memo(src).memo
    pdf = tmp_path / "memo.pdf"
    write_pdf(memo, theme, test_assets(memo, theme), pdf)  # raises on anything drawn outside its frame
    return pdf


def test_a_run_of_continued_notes_is_named_as_a_range(tmp_path: Path, theme: Theme) -> None:
    pdf = _render(tmp_path, theme, pages=24, seed=4)
    marks = MARK.findall(pdftotext(pdf))
    assert marks, "no continued notes in this memo"
    ranges = [m for m in marks if "\u2013" in m]
    assert ranges, marks
    for m in ranges:  # a range stands for three or more notes in a row
        for part in m.split(", "):
            if "\u2013" in part:
                a, b = (int(x) for x in part.split("\u2013"))
                assert b - a >= 2
    lay = layout(pdf, theme)
    page = theme.page
    for w in lay.words:  # every word of the marks inside its column
        if w.text == "(continued)":
            left = page.margin_left if w.x0 < page.margin_left + page.column_width else (
                page.margin_left + page.column_width + page.gutter)
            assert left - 0.5 <= w.x0 and w.x1 <= left + page.column_width + 0.5, w


@pytest.mark.slow
def test_many_notes_going_on_at_once_still_fit_their_column(tmp_path: Path, theme: Theme) -> None:
    # 150 pages with 14 notes a page: a column takes over seven long notes at once, whose numbers
    # ('1399, 1400, ... 1405') were wider than the column before runs became ranges
    pdf = _render(tmp_path, theme, pages=100, seed=7)
    assert any("\u2013" in m for m in MARK.findall(pdftotext(pdf)))
