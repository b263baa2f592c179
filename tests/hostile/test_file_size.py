"""A memo file is bounded in size: above the limit, a located error at once and nothing written."""

from __future__ import annotations

from pathlib import Path

from memokit.source.located import MAX_BYTES
from tests.hostile.harness import changed, memokit, snapshot


def test_a_memo_over_the_size_limit_is_refused_at_once(tmp_path: Path) -> None:
    memo = tmp_path / "memo.yaml"
    filler = "  - heading: H\n    body: [" + "x" * 1000 + "]\n"
    memo.write_text("title: T\nauthors: A\ndate: 2026-03-14\nsections:\n"
                    + filler * (MAX_BYTES // len(filler) + 1), encoding="utf-8")
    before = snapshot(tmp_path)
    for command in (["validate", "memo.yaml"], ["render", "memo.yaml", "-o", "out"]):
        run = memokit(command, tmp_path)
        assert run.code == 1
        assert run.err.strip() == (f"memo.yaml:1:1: error: file is larger than {MAX_BYTES // 1_000_000} "
                                   "MB; split the memo or move data into data files")
        assert run.seconds < 20
    assert changed(before, snapshot(tmp_path)) == []
