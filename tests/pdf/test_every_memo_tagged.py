"""Every memo the test suite renders (tests/pdf/memos.py), rendered once more with the default
standard: poppler reads the memo's text from the structure tree in the memo's order, and the
Matterhorn / PDF/A checker (pdfcheck.py), pikepdf's PDF/A-2b validator and qpdf find nothing.
The memo of 400 notes runs with the slow tests only (poppler takes a minute over its tree).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from memokit.model import walk
from memokit.model.nodes import Memo
from memokit.present.bidi import has_rtl
from tests.helpers import require_tool
from tests.pdf.memos import CASES, Case
from tests.pdf.notelinks import check_link_elements, check_note_links
from tests.pdf.pdfcheck import pdfa_findings, problems
from tests.pdf.tagging import actual_texts, memo_pieces, missing_in_order, normal, struct_text


@pytest.fixture(scope="module", ids=lambda c: c.name,
                params=[pytest.param(c, marks=pytest.mark.slow) if c.slow else c for c in CASES])
def rendered(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Memo]:
    case: Case = request.param
    return case.render(tmp_path_factory.mktemp(case.name))


def test_the_tree_reads_the_memo_in_order(rendered: tuple[Path, Memo]) -> None:
    """Pieces with right-to-left letters are read from their paragraph's /ActualText when poppler's
    text of the tree (drawn order, lines joined) cannot give them back in reading order."""
    pdf, memo = rendered
    missing = missing_in_order(memo_pieces(memo), normal(struct_text(pdf)))
    if missing and any(has_rtl(p) for p in missing):
        actual = [normal(t) for t in actual_texts(pdf)]
        missing = [p for p in missing if not (has_rtl(p) and any(p in t for t in actual))]
    assert missing == []


def test_the_checker_finds_nothing(rendered: tuple[Path, Memo]) -> None:
    assert problems(rendered[0]) == []


def test_the_archival_side_passes_a_pdfa_validator(rendered: tuple[Path, Memo]) -> None:
    assert pdfa_findings(rendered[0]) == []


def test_qpdf_finds_nothing(rendered: tuple[Path, Memo]) -> None:
    run = subprocess.run([require_tool("qpdf"), "--check", str(rendered[0])], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_note_references_link_to_their_notes(rendered: tuple[Path, Memo]) -> None:
    """In lists, quotes, boxes, tables and citations too (notelinks.py tells how it is read)."""
    pdf, memo = rendered
    if walk.notes(memo):
        check_note_links(pdf, memo)
        check_link_elements(pdf, memo)
