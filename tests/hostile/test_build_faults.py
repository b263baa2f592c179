"""``memokit build`` killed with SIGKILL at 20 random moments: after each kill, inputs change at
random (an edit of the same length, a revert, a touched or changed data file) and the next
build, run to the end, leaves every output byte for byte equal to a fresh ``memokit render``
of the memo's current inputs, no staging folder or temporary file, and a valid manifest.

Slow (about two minutes on two cores): ``pytest -m "not slow"`` leaves it out; ``make test``
runs it. ``MEMOKIT_FAULT_SEED`` picks another reproducible series of moments and changes.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.batch.memos import write_csv, write_memo
from tests.helpers import ROOT

pytestmark = pytest.mark.slow

KILLS = 20
MEMOS = {"m1": "a", "m2": "a", "m3": "a", "m4": "b", "m5": "b", "m6": None}  # memo -> data file
DATA = {"a": [[("Alpha", 10), ("Bravo", 20)], [("Alpha", 10), ("Bravo", 70)]],
        "b": [[("Delta", 31), ("Echo", 12)], [("Delta", 31), ("Echo", 19)]]}
VERSIONS = ("version one", "version two")  # same length: the outputs often keep their size
MANIFEST = ".memokit-build.json"


class Project:
    """The memos and data files, each in one of two versions, and their reference renders."""

    def __init__(self, root: Path) -> None:
        self.root, self.src, self.out = root, root / "src", root / "out"
        self.env = {**os.environ, "PYTHONPATH": str(ROOT), "MEMOKIT_CACHE_DIR": str(root / "cache")}
        self.memo = dict.fromkeys(MEMOS, 0)
        self.data = dict.fromkeys(DATA, 0)
        self.references: dict[tuple[str, int, int], dict[str, bytes]] = {}
        for name in DATA:
            self.write_data(name, 0)
        for name in MEMOS:
            self.write_memo(name, 0)

    def write_memo(self, name: str, version: int) -> None:
        data = MEMOS[name]
        write_memo(self.src / f"{name}.yaml", f"Memo {name} {VERSIONS[version]}",
                   f"data/{data}.csv" if data else None, figure=data is not None)
        self.memo[name] = version

    def write_data(self, name: str, version: int) -> None:
        write_csv(self.src / "data" / f"{name}.csv", DATA[name][version])
        self.data[name] = version

    def state(self, name: str) -> tuple[str, int, int]:
        data = MEMOS[name]
        return name, self.memo[name], self.data[data] if data else 0

    def cli(self, *args: str) -> subprocess.Popen[str]:
        return subprocess.Popen([sys.executable, "-m", "memokit.cli", *args], cwd=self.root,
                                env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                text=True)

    def build(self) -> float:
        start = time.monotonic()
        proc = self.cli("build", "src", "-o", "out", "-j", "2")
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        assert "Traceback" not in err
        return time.monotonic() - start

    def reference(self) -> dict[str, dict[str, bytes]]:
        """The outputs of a fresh render of each memo as it is now (renders each state once)."""
        missing = [n for n in MEMOS if self.state(n) not in self.references]
        if missing:
            ref = self.root / "ref"
            shutil.rmtree(ref, ignore_errors=True)
            proc = self.cli("render", *[f"src/{n}.yaml" for n in missing], "-o", str(ref))
            _, err = proc.communicate(timeout=120)
            assert proc.returncode == 0, err
            for n in missing:
                self.references[self.state(n)] = {f: (ref / f"{n}.{f}").read_bytes() for f in ("pdf", "docx")}
        return {n: self.references[self.state(n)] for n in MEMOS}

    def check(self, round_: int) -> None:
        expected = self.reference()
        names = sorted(os.listdir(self.out))
        assert names == sorted([MANIFEST] + [f"{n}.{f}" for n in MEMOS for f in ("pdf", "docx")]), \
            f"round {round_}: {names}"
        for n, outputs in expected.items():
            for fmt, content in outputs.items():
                assert (self.out / f"{n}.{fmt}").read_bytes() == content, \
                    f"round {round_}: out/{n}.{fmt} is not a fresh render of {self.state(n)}"
        doc = json.loads((self.out / MANIFEST).read_text(encoding="utf-8"))
        assert set(doc["memos"]) == set(MEMOS)
        assert not [p for p in self.src.rglob("*") if p.name.startswith(".")]


def test_sigkill_at_twenty_moments_never_leaves_a_stale_output(tmp_path: Path) -> None:
    rng = random.Random(int(os.environ.get("MEMOKIT_FAULT_SEED", "20261125")))
    project = Project(tmp_path)
    full = project.build()  # also warms the figure cache, as a build in real use finds it
    project.check(0)
    for round_ in range(1, KILLS + 1):
        for name in rng.sample(sorted(MEMOS), 4):  # give the killed build work to do
            project.write_memo(name, 1 - project.memo[name])
        proc = project.cli("build", "src", "-o", "out", "-j", "2")
        time.sleep(rng.uniform(0.0, full))
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=60)
        for name in MEMOS:  # edit or revert, keeping the length
            if rng.random() < 0.4:
                project.write_memo(name, 1 - project.memo[name])
        for name in DATA:
            roll = rng.random()
            if roll < 0.2:
                project.write_data(name, 1 - project.data[name])
            elif roll < 0.5:
                os.utime(project.src / "data" / f"{name}.csv")
        project.build()
        project.check(round_)
