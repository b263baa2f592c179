"""One memo's failure never stops the others: crashes and hangs replace only their worker,
fail-fast cancels the rest, and nothing half-written is left behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from memokit.batch import BuildReport, build
from tests.batch.memos import FORMATS, files_below, pdf_text, write_memo
from tests.helpers import ROOT

FaultyBuild = Callable[..., BuildReport]  # the faulty_build fixture: see tests/batch/faults.py


def test_one_worker_is_replaced_after_a_crash_and_after_a_hang(tmp_path: Path,
                                                               faulty_build: FaultyBuild) -> None:
    src = tmp_path / "memos"
    for name in ("a-crash", "b", "c-hang", "d", "e-bad"):
        write_memo(src / f"{name}.yaml", f"Memo {name}")
    (src / "e-bad.yaml").write_text("title: [\n", encoding="utf-8")
    write_memo(src / "f.yaml", "Memo f")
    report = faulty_build([src], tmp_path / "out", jobs=1, formats=FORMATS, timeout=2)
    assert [m.status for m in report.memos] == ["failed", "built", "failed", "built", "failed", "built"]
    crash, b, hang, d, bad, f = report.memos
    assert "killed by signal SIGKILL" in crash.errors[0]["message"]
    assert "time limit of 2 s" in hang.errors[0]["message"]
    # a single worker: b and d could only be built by replacements; a memo that merely fails
    # (bad YAML) keeps its worker
    assert b.worker != d.worker
    assert bad.worker == d.worker == f.worker
    assert files_below(tmp_path / "out") == [".memokit-build.json"] + sorted(
        f"{n}.{fmt}" for n in "bdf" for fmt in FORMATS)


def test_a_writer_that_raises_fails_its_memo_and_keeps_the_earlier_outputs(
        tmp_path: Path, faulty_build: FaultyBuild) -> None:
    memo = write_memo(tmp_path / "m-raise.yaml", "First version")
    out = tmp_path / "out"
    assert build([memo], out, jobs=1, formats=FORMATS).built == 1
    before = {f: (out / f).read_bytes() for f in [f"m-raise.{fmt}" for fmt in FORMATS]}
    write_memo(memo, "Second version")
    report = faulty_build([memo], out, jobs=1, formats=FORMATS)
    assert report.memos[0].status == "failed"
    assert "internal error: RuntimeError: simulated writer failure" in report.memos[0].errors[0]["message"]
    assert {f: (out / f).read_bytes() for f in before} == before  # the old outputs, whole
    assert files_below(out) == [".memokit-build.json", *sorted(before)]  # no temporary file
    assert "First version" in pdf_text(out / "m-raise.pdf")
    # the failed memo is tried again: once the writer works, the new version is built
    assert build([memo], out, jobs=1, formats=FORMATS).built == 1
    assert "Second version" in pdf_text(out / "m-raise.pdf")


def test_fail_fast_cancels_the_rest(tmp_path: Path, faulty_build: FaultyBuild) -> None:
    src = tmp_path / "memos"
    (src / "a-bad.yaml").parent.mkdir()
    (src / "a-bad.yaml").write_text("title: [\n", encoding="utf-8")
    write_memo(src / "b-hang.yaml", "Slow")  # still running when a-bad fails: it is stopped
    for n in "cdefg":
        write_memo(src / f"{n}.yaml", f"Memo {n}")
    report = faulty_build([src], tmp_path / "out", jobs=2, formats=FORMATS, fail_fast=True, timeout=60)
    assert [m.status for m in report.memos] == ["failed"] + ["cancelled"] * 6
    assert report.duration_s < 30
    assert not report.ok
    assert report.as_dict()["summary"] == {"built": 0, "skipped": 0, "failed": 1}
    cancelled = report.as_dict()["memos"][1]
    assert cancelled["outputs"] == [] and cancelled["errors"] == []
    assert files_below(tmp_path / "out") == []


def test_without_fail_fast_everything_else_is_built(tmp_path: Path) -> None:
    src = tmp_path / "memos"
    (src / "a-bad.yaml").parent.mkdir()
    (src / "a-bad.yaml").write_text("title: [\n", encoding="utf-8")
    for n in "bcd":
        write_memo(src / f"{n}.yaml", f"Memo {n}")
    report = build([src], tmp_path / "out", jobs=2, formats=FORMATS)
    assert (report.built, report.failed, report.cancelled) == (3, 1, 0)


def test_a_staging_folder_left_by_a_killed_build_is_removed(tmp_path: Path) -> None:
    out = tmp_path / "out"
    for name in (".memokit-tmp", ".memokit-tmp-k1ll3d"):  # this version's name and the older one
        stale = out / name / "7"
        stale.mkdir(parents=True)
        (stale / "m.pdf").write_bytes(b"partial")
    (out / ".memokit-build.json.4242.tmp").write_text("{", encoding="utf-8")
    memo = write_memo(tmp_path / "m.yaml", "Memo")
    build([memo], out, jobs=1, formats=FORMATS)
    assert files_below(out) == [".memokit-build.json", "m.docx", "m.pdf"]


def test_ctrl_c_stops_the_build_cleanly_and_keeps_what_was_built(tmp_path: Path,
                                                                 faulty_build: FaultyBuild) -> None:
    write_memo(tmp_path / "content" / "a.yaml", "Done before the interrupt")
    write_memo(tmp_path / "content" / "b-hang.yaml", "Never finishes")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MEMOKIT_CACHE_DIR": str(tmp_path / "cache")}
    proc = subprocess.Popen([sys.executable, "-m", "tests.batch.faults", "build", "-o", "out", "-j", "1",
                             "--format", ",".join(FORMATS)], cwd=tmp_path, env=env,
                            stderr=subprocess.PIPE, text=True)
    out = tmp_path / "out"
    end = time.monotonic() + 60
    while not list(out.glob(".memokit-tmp-*/1")):  # b is being rendered
        assert time.monotonic() < end and proc.poll() is None, "b-hang.yaml never started"
        time.sleep(0.05)
    time.sleep(0.5)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130
    assert "memokit build: interrupted" in err
    assert "Traceback" not in err
    assert files_below(out) == [".memokit-build.json"] + sorted(f"a.{fmt}" for fmt in FORMATS)
    again = faulty_build([tmp_path / "content" / "a.yaml"], out, jobs=1, formats=FORMATS)
    assert again.skipped == 1  # built with the same renderer: up to date
