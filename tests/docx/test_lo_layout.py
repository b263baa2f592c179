"""The DOCX laid out by LibreOffice holds like our PDF: every note on the page that cites it, no
text over other text or across the gutter, about as many pages, converted in good time.

The memos here have page-wide tables, which float in text boxes (a one-column section of their
own would make LibreOffice set the text around it as text sections, losing notes, and fail on long
memos; see docs/word-output.md).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from memokit.model.walk import notes
from memokit.resolve import load_memo
from memokit.style.theme import Theme
from memokit.writers.docx import write as write_docx
from memokit.writers.pdf import write as write_pdf
from tests.docx.conftest import test_assets
from tests.docx.lo_layout import (
    across_gutter,
    convert,
    misplaced_notes,
    note_links,
    notes_off_their_page,
    overlaps,
)
from tests.pdf.generate import long_memo_yaml
from tests.pdf.reading import page_count

PAGES_OFF = 0.15  # LibreOffice's page count may differ from our PDF's by this share


def _render(text: str, folder: Path, theme: Theme) -> tuple[Path, list[int], int]:
    """The memo's DOCX, its note numbers and our PDF's page count."""
    folder.mkdir(parents=True, exist_ok=True)
    src = folder / "memo.yaml"
    src.write_text(text, encoding="utf-8")
    memo = load_memo(src).memo
    assets = test_assets(memo, theme)
    docx_path, pdf_path = folder / "memo.docx", folder / "memo.pdf"
    write_docx(memo, theme, assets, docx_path)
    write_pdf(memo, theme, assets, pdf_path)
    return docx_path, [n.number for n in notes(memo)], page_count(pdf_path)


def _check(text: str, folder: Path, theme: Theme, least_notes: int) -> None:
    docx_path, numbers, pdf_pages = _render(text, folder, theme)
    assert len(numbers) >= least_notes
    lo = convert(docx_path, folder / "lo")
    assert misplaced_notes(lo, numbers) == []
    assert len(note_links(lo)) == len(numbers)
    assert notes_off_their_page(lo) == []
    assert overlaps(lo) == []
    assert across_gutter(lo, theme) == []
    assert abs(lo.pages - pdf_pages) <= PAGES_OFF * pdf_pages, f"{lo.pages} pages, our PDF {pdf_pages}"


def test_a_note_heavy_memo(tmp_path: Path, theme: Theme) -> None:
    _check(long_memo_yaml(pages=24, seed=3), tmp_path, theme, least_notes=170)


@pytest.mark.slow
def test_a_450_note_memo(tmp_path: Path, theme: Theme) -> None:
    _check(long_memo_yaml(pages=64, seed=5), tmp_path, theme, least_notes=450)
