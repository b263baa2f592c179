"""Builds on a shared output folder: one build at a time (a lock inside the folder), the second
exits 2 at once naming the folder and the build that has it; what a killed build left is
removed by the next one, and nothing planted in the folder is followed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers import ROOT
from tests.hostile.harness import changed, memo_site, memokit, small_memo, snapshot

MEMO = small_memo("Lock")
LOCK = ".memokit-build.lock"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return memo_site(tmp_path, MEMO, ("a", "b-hang"))


def _start_hanging_build(site: Path) -> subprocess.Popen[str]:
    """A build (with tests.batch.faults) that renders a.yaml and then hangs on b-hang.yaml."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MEMOKIT_CACHE_DIR": str(site / ".cache")}
    proc = subprocess.Popen([sys.executable, "-m", "tests.batch.faults", "build", "src", "-o", "out",
                             "-j", "2", "--timeout", "120"], cwd=site, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    end = time.monotonic() + 60
    out = site / "out"
    while not list(out.glob(".memokit-tmp-*/1")) or list(out.glob(".memokit-tmp-*/0")) \
            or not (out / ".memokit-build.json").exists():
        assert time.monotonic() < end and proc.poll() is None, "the first build never got going"
        time.sleep(0.05)
    return proc


def test_a_second_build_on_the_same_folder_exits_2_at_once(site: Path) -> None:
    first = _start_hanging_build(site)
    try:
        before = snapshot(site / "out")
        run = memokit(["build", "src", "-o", "out", "-j", "1", "--force"], site, timeout=30)
        assert run.code == 2, run.err
        assert run.seconds < 30  # at once: it does not wait for the first build (minutes)
        assert run.err.strip() == (f"memokit: error: out: another memokit build (process {first.pid}) is "
                                   "using this output folder; wait for it to finish or build into "
                                   "another folder with -o")
        assert changed(before, snapshot(site / "out")) == []  # nothing of the first build touched
    finally:
        first.send_signal(signal.SIGINT)
        _, err = first.communicate(timeout=30)
    assert first.returncode == 130, err
    assert "Traceback" not in err
    assert sorted(p.name for p in (site / "out").iterdir()) == [".memokit-build.json", "a.docx", "a.pdf"]
    run = memokit(["build", "src/a.yaml", "-o", "out"], site)  # the folder is free again
    assert run.code == 0, run.err


def test_a_build_killed_with_sigkill_frees_the_folder_and_its_leftovers_go(site: Path) -> None:
    first = _start_hanging_build(site)
    first.send_signal(signal.SIGKILL)
    first.communicate(timeout=30)
    assert (site / "out" / LOCK).exists() and list((site / "out").glob(".memokit-tmp-*"))
    (site / "src" / "b-hang.yaml").rename(site / "src" / "b.yaml")
    run = memokit(["build", "src", "-o", "out", "-j", "2"], site)
    assert run.code == 0, run.err
    assert "2 built, 0 skipped" in run.err  # the first build rendered with another renderer
    assert sorted(p.name for p in (site / "out").iterdir()) == [
        ".memokit-build.json", "a.docx", "a.pdf", "b.docx", "b.pdf"]


def test_a_link_planted_as_the_lock_is_not_followed(site: Path) -> None:
    (site / "out").mkdir()
    (site / "out" / LOCK).symlink_to(site / "secret.txt")
    before = snapshot(site)
    run = memokit(["build", "src/a.yaml", "-o", "out"], site)
    assert run.code == 2
    assert run.err.strip() == (f"memokit: error: out/{LOCK}: the build lock is a symbolic link; "
                               "remove it (memokit never writes through a link)")
    assert changed(before, snapshot(site)) == []


def test_a_fifo_planted_as_the_lock_does_not_hang_the_build(site: Path) -> None:
    (site / "out").mkdir()
    os.mkfifo(site / "out" / LOCK)
    run = memokit(["build", "src/a.yaml", "-o", "out"], site, timeout=30)
    assert run.code == 2
    assert "the build lock is not a regular file; remove it" in run.err


def test_links_planted_as_staging_folders_are_left_alone(site: Path) -> None:
    (site / "out").mkdir()
    keep = site / "keep"
    keep.mkdir()
    (keep / "file.txt").write_text("keep me too", encoding="utf-8")
    (site / "out" / ".memokit-tmp-planted").symlink_to(keep)
    (site / "out" / ".memokit-tmp").symlink_to(keep)
    before = snapshot(site)
    run = memokit(["build", "src/a.yaml", "-o", "out"], site)
    assert run.code == 0, run.err
    assert changed(before, snapshot(site), allowed=["out"]) == []
    assert sorted(p.name for p in (site / "out").iterdir()) == [
        ".memokit-build.json", ".memokit-tmp", ".memokit-tmp-planted", "a.docx", "a.pdf"]
