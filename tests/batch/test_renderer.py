"""``build(renderer=...)``: the workers render with a function the build names."""

from __future__ import annotations

from pathlib import Path

import pytest

from memokit.batch import build
from memokit.batch.runner import renderer_name
from memokit.errors import UsageError
from tests.batch import faults
from tests.batch.memos import FORMATS, files_below, write_memo


def test_a_renderer_is_named_or_given_as_a_top_level_function() -> None:
    assert renderer_name(None) is None
    assert renderer_name(faults.RENDERER) == faults.RENDERER
    assert renderer_name(faults.render) == faults.RENDERER


@pytest.mark.parametrize("bad", ["tests.batch.faults", ":render", "tests.batch.nowhere:render",
                                 "nowhere.at.all:render", lambda *a, **k: None])
def test_a_renderer_the_workers_cannot_import_is_a_usage_error(tmp_path: Path, bad: object) -> None:
    memo = write_memo(tmp_path / "m.yaml", "Memo")
    with pytest.raises(UsageError, match="renderer"):
        build([memo], tmp_path / "out", jobs=1, formats=FORMATS, renderer=bad)  # type: ignore[arg-type]
    assert not (tmp_path / "out").exists()


def test_a_renderer_given_as_a_function_is_used(tmp_path: Path) -> None:
    write_memo(tmp_path / "src" / "a.yaml", "Memo a")
    write_memo(tmp_path / "src" / "b-raise.yaml", "Memo b")
    report = build([tmp_path / "src"], tmp_path / "out", jobs=1, formats=FORMATS, renderer=faults.render)
    assert [m.status for m in report.memos] == ["built", "failed"]
    assert "simulated writer failure" in report.memos[1].errors[0]["message"]
    assert files_below(tmp_path / "out") == [".memokit-build.json", "a.docx", "a.pdf"]
    # the renderer is part of what decides the outputs: the same one builds nothing new,
    # memokit's own renders again
    again = build([tmp_path / "src" / "a.yaml"], tmp_path / "out", jobs=1, formats=FORMATS,
                  renderer=faults.RENDERER)
    assert again.skipped == 1
    assert build([tmp_path / "src" / "a.yaml"], tmp_path / "out", jobs=1, formats=FORMATS).built == 1


def test_a_missing_function_fails_each_memo_with_the_reason(tmp_path: Path) -> None:
    memo = write_memo(tmp_path / "m.yaml", "Memo")
    report = build([memo], tmp_path / "out", jobs=1, formats=FORMATS, renderer="tests.batch.faults:nothing")
    assert report.memos[0].status == "failed"
    message = report.memos[0].errors[0]["message"]
    assert message.startswith("cannot use the renderer tests.batch.faults:nothing: AttributeError")
