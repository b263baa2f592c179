"""A note's number in the text links to the note under the column, and the note's number links
back (read as notelinks.py tells): on the example, a memo of 180 notes, and the untagged files."""

from __future__ import annotations

from pathlib import Path

import pytest

from memokit.model import walk
from memokit.model.nodes import Memo
from tests.pdf.notelinks import check_link_elements, check_note_links


def test_example_note_references_link_to_their_notes(example: tuple[Path, Memo]) -> None:
    path, memo = example
    check_note_links(path, memo)
    check_link_elements(path, memo)


def test_long_memo_note_references_link_to_their_notes(long_memo: tuple[Path, Memo]) -> None:
    """180 notes, some continued in the next column or on the next page."""
    path, memo = long_memo
    check_note_links(path, memo, {n.number: f"N{n.number:04d}" for n in walk.notes(memo)})
    check_link_elements(path, memo)


@pytest.mark.parametrize("claim", ["a2b", "none"])
def test_untagged_files_link_notes_too(claim: str, tmp_path: Path) -> None:
    from memokit.pipeline import check_memo, render_memo
    from tests.helpers import EXAMPLE

    render_memo(EXAMPLE, tmp_path, ("pdf",), pdf_standard=claim)
    check_note_links(tmp_path / "example-memo.pdf", check_memo(EXAMPLE).memo)
