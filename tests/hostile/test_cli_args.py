"""Command-line values out of range are usage errors (exit 2), and --debug works before the command."""

from __future__ import annotations

from pathlib import Path

import pytest

from memokit import pipeline
from memokit.cli import main
from tests.helpers import EXAMPLE
from tests.hostile.harness import memokit

RANGE = "is out of range; give seconds from 0 to 86400"


@pytest.mark.parametrize(("args", "message"), [
    (["build", "--timeout", "nan"], f"argument --timeout: 'nan' {RANGE}"),
    (["build", "--timeout", "inf"], f"argument --timeout: 'inf' {RANGE}"),
    (["build", "--timeout", "-5"], f"argument --timeout: '-5' {RANGE}"),
    (["build", "--timeout", "soon"], "argument --timeout: 'soon' is not a number of seconds"),
    (["build", "-j", "0"], "argument -j/--jobs: '0' is out of range; give 1 to 256 workers"),
    (["build", "-j", "100000"], "argument -j/--jobs: '100000' is out of range; give 1 to 256 workers"),
    (["watch", "x.yaml", "--interval", "-1"],
     "argument --interval: '-1' is out of range; give seconds from 0.05 to 3600"),
    (["watch", "x.yaml", "--interval", "0"],
     "argument --interval: '0' is out of range; give seconds from 0.05 to 3600"),
])
def test_out_of_range_values_are_usage_errors(args: list[str], message: str, tmp_path: Path) -> None:
    run = memokit(args, tmp_path)
    assert run.code == 2
    assert run.err.splitlines()[-1] == f"memokit {args[0]}: error: {message}"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("where", ["before", "after"])
def test_debug_shows_the_traceback_of_an_internal_error_before_or_after_the_command(
        where: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    def broken(*args: object, **kw: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(pipeline, "render_memo", broken)
    args = ["render", str(EXAMPLE), "-o", str(tmp_path)]
    args = ["--debug", *args] if where == "before" else [*args, "--debug"]
    assert main(args) == 3
    err = capsys.readouterr().err
    assert "Traceback (most recent call last)" in err and "RuntimeError: boom" in err


def test_without_debug_an_internal_error_shows_no_traceback(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(pipeline, "render_memo", lambda *a, **k: (_ for _ in ()).throw(RuntimeError("boom")))
    assert main(["render", str(EXAMPLE), "-o", str(tmp_path)]) == 3
    err = capsys.readouterr().err
    assert "Traceback" not in err and "internal error: RuntimeError: boom" in err
