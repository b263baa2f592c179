"""``memokit build --scheduler`` against a real cluster: ``dask scheduler`` and two
``dask worker`` processes, each in an empty working folder of its own (they share no
folder with the build). One worker is killed during the build and every memo is still
built, byte for byte as a local build; losing the scheduler ends the build with a clear
error and a manifest that holds exactly what was finished."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from memokit.batch.manifest import MANIFEST_NAME, Manifest, sha256_file
from tests.batch.memos import FORMATS, load_report, run_cli, write_csv, write_memo
from tests.helpers import ROOT

pytestmark = pytest.mark.slow
MEMOS = 20


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start(args: list[str], cwd: Path, log: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("MEMOKIT_CACHE_DIR", None)  # each worker keeps its own figure cache
    cwd.mkdir(parents=True, exist_ok=True)
    return subprocess.Popen([sys.executable, "-m", "dask", *args], cwd=cwd, env=env,
                            stdout=subprocess.DEVNULL, stderr=log.open("wb"),
                            start_new_session=True)


def _stop(proc: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(10)


def _wait_for_workers(address: str, n: int) -> list[str]:
    from distributed import Client

    with Client(address, timeout=30) as client:
        client.wait_for_workers(n, timeout=60)
        return sorted(client.scheduler_info()["workers"])


@pytest.fixture
def cluster(tmp_path: Path) -> Iterator[dict]:  # type: ignore[type-arg]
    """A scheduler and two workers (each ``dask worker`` a process group of its own)."""
    address = f"tcp://127.0.0.1:{_free_port()}"
    procs = {"scheduler": _start(["scheduler", "--host", "127.0.0.1", "--port",
                                  address.rsplit(":", 1)[1], "--no-dashboard"],
                                 tmp_path / "scheduler", tmp_path / "scheduler.log")}
    try:
        for name in ("worker-a", "worker-b"):
            procs[name] = _start(["worker", address, "--nthreads", "1", "--nworkers", "1",
                                  "--no-dashboard", "--name", name],
                                 tmp_path / name, tmp_path / f"{name}.log")
            workers = _wait_for_workers(address, int(name[-1] == "b") + 1)
        yield {"address": address, "procs": procs, "workers": workers}
    finally:
        for proc in procs.values():
            _stop(proc)


def make_memos(root: Path) -> None:
    write_csv(root / "content" / "data" / "staff.csv", [("Alpha", 10), ("Bravo", 20)])
    for i in range(1, MEMOS + 1):
        write_memo(root / "content" / f"m{i:02}.yaml", f"Memo {i}", "data/staff.csv",
                   figure=i % 5 == 0)


def start_build(site: Path, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MEMOKIT_CACHE_DIR": str(site / "cache")}
    return subprocess.Popen([sys.executable, "-m", "memokit.cli", "build", "content", "-o", "out",
                             "--format", ",".join(FORMATS), "--json", "report.json", *args],
                            cwd=site, env=env, stderr=subprocess.PIPE, text=True)


def lines_until(proc: subprocess.Popen[str], start: str, count: int) -> list[str]:
    """The build's stderr lines until ``count`` of them start with ``start``."""
    seen: list[str] = []
    assert proc.stderr is not None
    while sum(line.startswith(start) for line in seen) < count:
        line = proc.stderr.readline()
        assert line, "".join(seen)
        seen.append(line)
    return seen


def test_a_worker_killed_during_the_build_costs_no_memo(cluster: dict, tmp_path: Path) -> None:  # type: ignore[type-arg]
    site, local = tmp_path / "site", tmp_path / "local"
    make_memos(site)
    make_memos(local)
    assert run_cli("build", "content", "-o", "out", "-j", "2", "--format", ",".join(FORMATS),
                   cwd=local, env={"MEMOKIT_CACHE_DIR": str(local / "cache")}).returncode == 0
    t0 = time.perf_counter()
    build = start_build(site, "--scheduler", cluster["address"])
    lines = lines_until(build, "built", 2)
    _stop(cluster["procs"]["worker-a"])  # the worker and its nanny, mid-build
    _, err = build.communicate(timeout=300)
    lines = [line for line in lines + err.splitlines() if line.startswith("built")]
    took = time.perf_counter() - t0
    assert build.returncode == 0, err
    report = load_report(site / "report.json")
    assert report["summary"] == {"built": MEMOS, "skipped": 0, "failed": 0}
    for i in range(1, MEMOS + 1):
        for fmt in FORMATS:
            name = f"m{i:02}.{fmt}"
            assert (site / "out" / name).read_bytes() == (local / "out" / name).read_bytes(), name
    workers = {m["worker"] for m in report["memos"]}
    assert workers <= set(cluster["workers"]) and workers, workers  # the killed one may have built none
    assert len(lines) == MEMOS  # the build went on after the kill
    # the workers' own folders hold nothing of the build
    for name in ("worker-a", "worker-b"):
        assert not list((tmp_path / name).rglob("*.pdf")), name
    assert took < 120


def test_losing_the_scheduler_ends_the_build_with_a_clear_error(cluster: dict, tmp_path: Path) -> None:  # type: ignore[type-arg]
    site = tmp_path / "site"
    make_memos(site)
    build = start_build(site, "--scheduler", cluster["address"], "-j", "3")
    seen = lines_until(build, "built", 2)
    _stop(cluster["procs"]["scheduler"])
    _, err = build.communicate(timeout=120)
    assert "memokit: note: -j is ignored with --scheduler" in "".join(seen)
    assert build.returncode == 2, err
    assert "memokit: error: lost the Dask scheduler at " + cluster["address"] in err
    assert "Traceback" not in err
    # the manifest records exactly the memos whose outputs are in place, whole
    manifest = Manifest.load(site / "out")
    assert 2 <= len(manifest.entries) < MEMOS
    for entry in manifest.entries.values():
        for o in entry["outputs"]:
            assert sha256_file(site / "out" / o["path"]) == o["sha256"]
    pdfs = sorted(p.name for p in (site / "out").glob("*.pdf"))
    assert pdfs == sorted(f"{key}.pdf" for key in manifest.entries)
    assert sorted(p.name for p in (site / "out").iterdir() if p.name.startswith(".")) == [MANIFEST_NAME]
    # a local build finishes the rest
    r = run_cli("build", "content", "-o", "out", "-j", "2", "--format", ",".join(FORMATS),
                "--json", "report2.json", cwd=site, env={"MEMOKIT_CACHE_DIR": str(site / "cache")})
    assert r.returncode == 0, r.stderr
    assert load_report(site / "report2.json")["summary"] == {
        "built": MEMOS - len(manifest.entries), "skipped": len(manifest.entries), "failed": 0}
