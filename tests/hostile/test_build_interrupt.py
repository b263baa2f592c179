"""Ctrl-C, once or many times: exit 130, no traceback, no staging folder, no half outputs,
and the manifest holds what finished."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers import ROOT
from tests.hostile.harness import small_memo

MEMO = small_memo("Interrupted")


@pytest.mark.parametrize("gaps", [(0.0,), (0.01, 0.01, 0.01), (0.2, 0.2, 0.2, 0.2, 0.2)],
                         ids=["twice at once", "four times quickly", "six times slowly"])
def test_ctrl_c_many_times_exits_130_cleanly(tmp_path: Path, gaps: tuple[float, ...]) -> None:
    src = tmp_path / "content"
    src.mkdir()
    for name in ("a", "b-hang", "c-hang"):
        (src / f"{name}.yaml").write_text(MEMO, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MEMOKIT_CACHE_DIR": str(tmp_path / "cache")}
    # start_new_session: the signals go to the build's process group, as a terminal sends them
    proc = subprocess.Popen([sys.executable, "-c", "import signal, sys, runpy; "
                             "signal.signal(signal.SIGINT, signal.default_int_handler); "
                             "sys.argv = ['faults', 'build', '-o', 'out', '-j', '2']; "
                             "runpy.run_module('tests.batch.faults', run_name='__main__')"],
                            cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True, start_new_session=True)
    out = tmp_path / "out"
    end = time.monotonic() + 60
    while not (list(out.glob(".memokit-tmp-*/1")) and (out / ".memokit-build.json").exists()):
        assert time.monotonic() < end and proc.poll() is None, "the build never got going"
        time.sleep(0.05)
    time.sleep(0.3)
    os.killpg(proc.pid, signal.SIGINT)
    for gap in gaps:
        time.sleep(gap)
        try:
            os.killpg(proc.pid, signal.SIGINT)
        except ProcessLookupError:
            break
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, err
    assert "Traceback" not in err
    assert err.rstrip().endswith("memokit build: interrupted")
    assert sorted(p.name for p in out.iterdir()) == [".memokit-build.json", "a.docx", "a.pdf"]
    assert set(json.loads((out / ".memokit-build.json").read_text(encoding="utf-8"))["memos"]) == {"a"}
