"""The footnote self-check: a note away from its reference is an error, never a silent defect."""

from __future__ import annotations

from pathlib import Path

import pytest

from memokit.resolve import load_memo
from memokit.style.theme import Theme
from memokit.writers.pdf import FootnotePlacementError, write
from memokit.writers.pdf.notes import NoteBook
from tests.pdf.generate import long_memo_yaml


def test_problems_name_the_misplaced_note(theme: Theme) -> None:
    book = NoteBook({1: "a", 2: "b", 3: "c"}, None, theme.notes, theme.labels_for("en"),  # type: ignore[arg-type]
                    "#000000")
    book.ref_at = {1: (1, 1), 2: (1, 2), 3: (2, 1)}
    book.note_at = {1: (1, 1), 2: (2, 1)}
    problems = book.problems()
    assert len(problems) == 2
    assert "footnote 2: cited on page 1 column 2, but its note starts on page 2 column 1" in problems
    assert any(p.startswith("footnote 3:") and "not drawn" in p for p in problems)


def test_write_raises_when_a_note_lands_elsewhere(tmp_path: Path, theme: Theme,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    src = tmp_path / "m.yaml"
    src.write_text(long_memo_yaml(pages=3, seed=2), encoding="utf-8")
    memo = load_memo(src).memo
    write(memo, theme, {}, tmp_path / "ok.pdf")  # the real layout passes its own check

    real = NoteBook.record_ref

    def off_by_a_column(self: NoteBook, number: int, where: tuple[int, int]) -> None:
        real(self, number, (where[0], where[1] + 1) if number == 2 else where)

    monkeypatch.setattr(NoteBook, "record_ref", off_by_a_column)
    with pytest.raises(FootnotePlacementError, match="footnote 2: cited on page"):
        write(memo, theme, {}, tmp_path / "bad.pdf")
