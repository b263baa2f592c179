"""``watch``: one change, one re-render of the memo it concerns."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from memokit.batch.watch import Watcher
from tests.batch.memos import FORMATS, pdf_text, write_csv, write_memo
from tests.helpers import ROOT


def test_a_change_to_a_memo_in_a_folder_renders_that_memo_once(tmp_path: Path) -> None:
    src = tmp_path / "src"
    write_memo(src / "a.yaml", "Alpha")
    write_memo(src / "b.yaml", "Bravo")
    w = Watcher(src, tmp_path / "out", settle=0.05, jobs=1, formats=FORMATS)
    first = w.check()
    assert first is not None and first.built == 2
    assert w.check() is None  # nothing changed, nothing done
    write_memo(src / "b.yaml", "Bravo, revised")
    report = w.check()
    assert report is not None
    assert [(Path(m.path).name, m.status) for m in report.memos] == [("a.yaml", "skipped"),
                                                                    ("b.yaml", "built")]
    assert "Bravo, revised" in pdf_text(tmp_path / "out" / "b.pdf")
    assert w.check() is None


def test_a_change_to_a_data_file_of_a_watched_memo_renders_it(tmp_path: Path) -> None:
    write_csv(tmp_path / "data" / "a.csv", [("Alpha", 1)])
    memo = write_memo(tmp_path / "m.yaml", "Memo", "data/a.csv")
    unrelated = tmp_path / "notes.txt"
    unrelated.write_text("x", encoding="utf-8")
    w = Watcher(memo, tmp_path / "out", settle=0.05, jobs=1, formats=FORMATS)
    assert w.check().built == 1  # type: ignore[union-attr]
    unrelated.write_text("changed", encoding="utf-8")
    assert w.check() is None  # not an input of the memo
    write_csv(tmp_path / "data" / "a.csv", [("Alpha", 1), ("Kilo", 5)])
    report = w.check()
    assert report is not None and report.built == 1
    assert "Kilo" in pdf_text(tmp_path / "out" / "m.pdf")
    assert w.check() is None


def test_new_memos_in_a_watched_folder_are_built(tmp_path: Path) -> None:
    src = tmp_path / "src"
    write_memo(src / "a.yaml", "Alpha")
    w = Watcher(src, tmp_path / "out", settle=0.05, jobs=1, formats=FORMATS)
    w.check()
    write_memo(src / "new" / "c.yaml", "Charlie")
    report = w.check()
    assert report is not None and (report.built, report.skipped) == (1, 1)
    assert (tmp_path / "out" / "new" / "c.pdf").is_file()


def test_watch_command_renders_on_save_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    memo = write_memo(tmp_path / "m.yaml", "Before")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MEMOKIT_CACHE_DIR": str(tmp_path / "cache")}
    proc = subprocess.Popen([sys.executable, "-m", "memokit.cli", "watch", str(memo), "-o", "out",
                             "--format", ",".join(FORMATS), "--interval", "0.1"], cwd=tmp_path,
                            env=env, stderr=subprocess.PIPE, text=True)
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(proc.stderr), daemon=True)  # type: ignore[arg-type]
    reader.start()
    try:
        pdf = tmp_path / "out" / "m.pdf"
        _wait_for(lambda: pdf.is_file())
        first = pdf.stat().st_mtime_ns
        write_memo(memo, "After")
        _wait_for(lambda: pdf.stat().st_mtime_ns != first and "After" in pdf_text(pdf))
        # the outputs are in place before the build reports: wait for its summary line
        _wait_for(lambda: "".join(lines).count("memokit build: 1 built") == 2)
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=30)
        reader.join(timeout=30)
    err = "".join(lines)
    assert proc.returncode == 0
    assert err.count("memokit build: 1 built") == 2
    assert "Traceback" not in err


def _wait_for(condition, timeout: float = 60) -> None:  # type: ignore[no-untyped-def]
    end = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < end, "timed out"
        time.sleep(0.1)
