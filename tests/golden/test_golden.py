"""Each example memo resolves to the model written in its golden file."""

from __future__ import annotations

import difflib

import pytest

from tests.golden import MEMOS, current, golden_path


@pytest.mark.parametrize("name", sorted(MEMOS))
def test_the_resolved_model_matches_its_golden_file(name: str) -> None:
    want = golden_path(name).read_text(encoding="utf-8")
    got = current(name)
    if got != want:
        diff = "".join(difflib.unified_diff(want.splitlines(True), got.splitlines(True),
                                            f"{name}.model.txt", "now"))
        pytest.fail(f"the resolved model changed; if that is meant, run "
                    f"'python -m tests.golden.update' and review:\n{diff}", pytrace=False)


def test_the_golden_files_hold_numbers_and_references() -> None:
    text = golden_path("every-node").read_text(encoding="utf-8")
    for line in ("Note number=1", "Ref kind='figure' target='trend-line' number=1",
                 "Figure id='trend-bars' number=2", "Table id='data-table' number=2"):
        assert line in text
