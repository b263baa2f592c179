"""Every input has a bound: each hostile memo ends in seconds with its located error (exit 1),
from ``validate`` and ``render`` alike, writes no output and changes nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hostile.bounds_cases import CASES
from tests.hostile.harness import changed, memokit, snapshot


def _sandbox(tmp_path: Path, text: str, files: dict[str, str]) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "memo.yaml").write_text(text, encoding="utf-8")
    for name, content in files.items():
        (folder / name).write_text(content, encoding="utf-8")
    return folder


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_hostile_input_ends_in_a_located_error(name: str, tmp_path: Path) -> None:
    text, files, prefix, fragment = CASES[name]
    folder = _sandbox(tmp_path, text, files)
    before = snapshot(tmp_path)
    checked = memokit(["validate", "memo.yaml"], cwd=folder)
    rendered = memokit(["render", "memo.yaml", "-o", str(tmp_path / "out")], cwd=folder)
    for run in (checked, rendered):
        assert run.code == 1, run.err
        assert run.errors, run.err
        assert run.errors[0].startswith(prefix), run.errors[0]
        assert fragment in run.errors[0], run.errors[0]
    assert checked.errors == rendered.errors  # validate finds what render would
    assert changed(before, snapshot(tmp_path), allowed=["out"]) == []
    out = tmp_path / "out"
    assert not out.exists() or not any(out.iterdir())
