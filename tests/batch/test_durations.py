"""A memo's ``duration_s`` in the build report is the time its worker spent on it: the
workers' start (the forkserver importing the libraries) is the build's, not its first memos'."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from tests.batch.memos import write_memo
from tests.helpers import ROOT

SLEEP = 0.3  # seconds each memo takes in its worker


def sleepy(path: str | os.PathLike[str], out_dir: str | os.PathLike[str], formats: Iterable[str],
           **options: Any) -> Any:
    """A renderer that takes SLEEP seconds and writes a placeholder file per format."""
    time.sleep(SLEEP)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    files = []
    for fmt in formats:
        files.append(out / f"{Path(path).stem}.{fmt}")
        files[-1].write_bytes(b"placeholder")
    return SimpleNamespace(outputs=files, warnings=[])


BUILD = """
import json, sys
import memokit
report = memokit.build([sys.argv[1]], sys.argv[2], jobs=2, formats=["pdf", "docx"],
                       renderer="tests.batch.test_durations:sleepy")
print(json.dumps(report.as_dict()))
"""


def test_the_first_memos_do_not_count_the_workers_start(tmp_path: Path) -> None:
    for name in ("a", "b", "c"):
        write_memo(tmp_path / "src" / f"{name}.yaml", f"Memo {name}")
    proc = subprocess.run([sys.executable, "-c", BUILD, str(tmp_path / "src"), str(tmp_path / "out")],
                          cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(ROOT)},
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    memos = report["memos"]
    assert [m["status"] for m in memos] == ["built"] * 3
    for m in memos:
        assert SLEEP <= m["duration_s"] < SLEEP + 0.25, m
    # the premise: a new build's workers take a while to start (the libraries' imports)
    assert report["duration_s"] > 2 * SLEEP + 0.3
