"""Outputs in a shared folder: temporaries nobody can plant, no input ever replaced, an unusable
name stops the render before anything is replaced, and a killed render's leftovers go away."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from memokit import pipeline
from memokit.cli import main
from memokit.pipeline.outputs import MARK
from tests.hostile.harness import changed, memokit, small_memo, snapshot

MEMO = small_memo("Outputs", "Some text.^[A note.]")


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A memo in ``site/src``, a shared output folder ``site/out``, a secret beside them."""
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "memo.yaml").write_text(MEMO, encoding="utf-8")
    (tmp_path / "out").mkdir()
    (tmp_path / "secret.txt").write_text("keep me", encoding="utf-8")
    return tmp_path


def test_a_link_planted_at_the_old_temporary_name_is_never_written_through(
        site: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(os, "getpid", lambda: 4242)
    for fmt in ("pdf", "docx"):
        (site / "out" / f".memo.{fmt}.4242.tmp").symlink_to(site / "secret.txt")
    before = snapshot(site)
    assert main(["render", str(site / "src" / "memo.yaml"), "-o", str(site / "out")]) == 0
    assert (site / "secret.txt").read_text(encoding="utf-8") == "keep me"
    assert changed(before, snapshot(site), allowed=["out"]) == []
    assert (site / "out" / "memo.pdf").read_bytes().startswith(b"%PDF")


def test_an_output_name_that_is_a_link_is_replaced_not_followed(site: Path) -> None:
    (site / "out" / "memo.pdf").symlink_to(site / "secret.txt")
    before = snapshot(site)
    run = memokit(["render", str(site / "src" / "memo.yaml"), "-o", str(site / "out")], site)
    assert run.code == 0, run.err
    assert (site / "secret.txt").read_text(encoding="utf-8") == "keep me"
    assert not (site / "out" / "memo.pdf").is_symlink()
    assert changed(before, snapshot(site), allowed=["out"]) == []


def test_no_temporary_is_left_and_the_private_folder_is_unpredictable(site: Path) -> None:
    run = memokit(["render", str(site / "src" / "memo.yaml"), "-o", str(site / "out")], site)
    assert run.code == 0
    assert sorted(p.name for p in (site / "out").iterdir()) == ["memo.docx", "memo.pdf"]


def test_a_memo_named_like_its_output_is_never_replaced(site: Path) -> None:
    memo = site / "src" / "memo.pdf"
    memo.write_text(MEMO, encoding="utf-8")
    before = snapshot(site)
    run = memokit(["render", "memo.pdf", "-o", "."], site / "src")
    assert run.code == 2
    assert run.err.strip() == ("memokit: error: memo.pdf: writing this output would replace "
                               f"{memo}, an input of the render; choose another output folder "
                               "with -o")
    assert changed(before, snapshot(site)) == []


def test_a_data_file_is_never_replaced_by_an_output(site: Path) -> None:
    """The data file is the output's other name (a hard link): replacing one loses the other."""
    (site / "out" / "memo.pdf").write_text("year,n\n2020,1\n", encoding="utf-8")
    os.link(site / "out" / "memo.pdf", site / "src" / "d.csv")
    (site / "src" / "memo.yaml").write_text(MEMO + "data:\n  d:\n    file: d.csv\n", encoding="utf-8")
    before = snapshot(site)
    run = memokit(["render", "memo.yaml", "-o", "../out"], site / "src")
    assert run.code == 2
    assert run.err.strip() == ("memokit: error: ../out/memo.pdf: writing this output would replace "
                               f"{site / 'src' / 'd.csv'}, an input of the render; choose another "
                               "output folder with -o")
    assert changed(before, snapshot(site)) == []


def test_an_output_name_taken_by_a_folder_replaces_nothing_and_exits_2(site: Path) -> None:
    (site / "out" / "memo.pdf").write_bytes(b"%PDF old")
    (site / "out" / "memo.docx").mkdir()
    before = snapshot(site)
    run = memokit(["render", str(site / "src" / "memo.yaml"), "-o", str(site / "out")], site)
    assert run.code == 2
    assert f"{site / 'out' / 'memo.docx'}: the output name is taken by a folder" in run.err
    assert changed(before, snapshot(site)) == []


def test_an_output_folder_that_is_a_file_exits_2(site: Path) -> None:
    (site / "out.txt").write_text("a file", encoding="utf-8")
    before = snapshot(site)
    run = memokit(["render", str(site / "src" / "memo.yaml"), "-o", str(site / "out.txt")], site)
    assert run.code == 2
    assert "the output folder is a file" in run.err
    assert changed(before, snapshot(site)) == []


@pytest.mark.parametrize(("code", "words"), [(errno.ENOSPC, "the disk is full"),
                                             (errno.EROFS, "the file system is read-only"),
                                             (errno.EACCES, "permission denied")])
def test_a_full_or_read_only_output_folder_exits_2_with_a_clear_message(
        site: Path, code: int, words: str, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    (site / "out" / "memo.pdf").write_bytes(b"%PDF old")
    real = pipeline.writer

    def failing(fmt: str):  # type: ignore[no-untyped-def]
        def write(memo, theme, assets, dest, **options):  # type: ignore[no-untyped-def]
            if fmt == "docx":
                raise OSError(code, os.strerror(code))
            return real(fmt)(memo, theme, assets, dest, **options)
        return write

    monkeypatch.setattr(pipeline, "writer", failing)
    assert main(["render", str(site / "src" / "memo.yaml"), "-o", str(site / "out")]) == 2
    err = capsys.readouterr().err
    assert err.strip() == f"memokit: error: {site / 'out'}: cannot write the outputs: {words}"
    assert (site / "out" / "memo.pdf").read_bytes() == b"%PDF old"
    assert sorted(p.name for p in (site / "out").iterdir()) == ["memo.pdf"]


def test_leftovers_of_killed_renders_of_this_memo_are_removed_and_no_others(site: Path) -> None:
    out = site / "out"
    dead = 999_999_9
    (out / f".memo{MARK}{dead}-abc").mkdir()
    (out / f".memo{MARK}{dead}-abc" / "memo.pdf").write_bytes(b"x" * 1000)
    (out / f".memo.pdf.{dead}.tmp").write_bytes(b"x" * 1000)
    (out / f".other{MARK}{dead}-abc").mkdir()  # another memo's
    (out / f".memo{MARK}{os.getpid()}-live").mkdir()  # a render still running
    run = memokit(["render", str(site / "src" / "memo.yaml"), "-o", str(out)], site)
    assert run.code == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [f".memo{MARK}{os.getpid()}-live", f".other{MARK}{dead}-abc", "memo.docx", "memo.pdf"])


def test_a_render_killed_at_any_moment_leaves_nothing_after_the_next_render(site: Path) -> None:
    out = site / "out"
    src = site / "src" / "memo.yaml"
    for delay in (0.2, 0.5, 0.8, 1.1, 1.5):
        child = subprocess.Popen([sys.executable, "-m", "memokit.cli", "render", str(src), "-o",
                                  str(out)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        child.wait()
        run = memokit(["render", str(src), "-o", str(out)], site)
        assert run.code == 0
        assert sorted(p.name for p in out.iterdir()) == ["memo.docx", "memo.pdf"]
