"""``memokit build --engine dask`` on a LocalCluster of worker processes: the 30 memos of
test_thirty_memos.py (5 failing, each its own way) give the report and the output bytes
of ``--engine local``, and either engine takes up where the other left off."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from memokit.batch.manifest import MANIFEST_NAME
from tests.batch.memos import FORMATS, files_below, load_report, pdf_text, run_cli, write_memo
from tests.batch.test_thirty_memos import TIMEOUT, make_site
from tests.helpers import ROOT

pytestmark = pytest.mark.slow


def build(site: Path, *engine: str) -> tuple[int, str, dict]:  # type: ignore[type-arg]
    r = run_cli("build", "content", "-o", "out", "-j", "2", "--timeout", TIMEOUT, "--json",
                "report.json", "--format", ",".join(FORMATS), *engine, cwd=site,
                module="tests.batch.faults", env={"MEMOKIT_CACHE_DIR": str(site / "cache")})
    return r.returncode, r.stderr, load_report(site / "report.json")


def comparable(report: dict) -> list[dict]:  # type: ignore[type-arg]
    """The report without what differs from run to run (times, worker names)."""
    return [{k: v for k, v in m.items() if k not in ("duration_s", "worker")}
            for m in report["memos"]]


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict:  # type: ignore[type-arg]
    local, dask = tmp_path_factory.mktemp("local"), tmp_path_factory.mktemp("dask")
    make_site(local)
    make_site(dask)
    return {"local": (local, *build(local)),
            "dask": (dask, *build(dask, "--engine", "dask")),
            "dask again": build(dask, "--engine", "dask"),
            "local after dask": build(dask)}


def test_the_same_report_as_the_local_engine(sites: dict) -> None:  # type: ignore[type-arg]
    _, code, err, local = sites["local"]
    _, dcode, derr, dask = sites["dask"]
    assert (code, dcode) == (1, 1), derr
    assert dask["summary"] == {"built": 25, "skipped": 0, "failed": 5}
    assert comparable(dask) == comparable(local)
    messages = {m["path"]: m["errors"][0]["message"] for m in dask["memos"] if m["errors"]}
    assert "killed by signal SIGKILL" in messages["content/m05-crash.yaml"]
    assert "time limit of 3 s" in messages["content/m06-hang.yaml"]
    assert "(did you mean 'data/a.csv'?)" in messages["content/m03-bad-data.yaml"]
    assert derr.strip().splitlines()[-1].startswith("memokit build: 25 built, 0 skipped, 5 failed")


def test_built_memos_name_the_dask_worker_that_built_them(sites: dict) -> None:  # type: ignore[type-arg]
    dask, local = sites["dask"][3], sites["local"][3]
    built = [m for m in dask["memos"] if m["status"] == "built"]
    assert all(m["worker"].startswith("tcp://127.0.0.1:") for m in built)
    assert len({m["worker"] for m in built}) == 2  # -j 2: two workers shared the work
    assert all(m["worker"].startswith("pid ") for m in local["memos"] if m["status"] == "built")


def test_byte_identical_outputs(sites: dict) -> None:  # type: ignore[type-arg]
    local, dask = sites["local"][0] / "out", sites["dask"][0] / "out"
    names = [n for n in files_below(local) if (local / n).is_file() and n != MANIFEST_NAME]
    assert len(names) == 50 and files_below(dask) == files_below(local)
    for name in names:
        assert (dask / name).read_bytes() == (local / name).read_bytes(), name
    assert "Delta" in pdf_text(dask / "east" / "deep" / "m30.pdf")


def test_the_manifest_is_kept_as_the_local_engine_keeps_it(sites: dict) -> None:  # type: ignore[type-arg]
    for run in ("dask again", "local after dask"):
        code, err, report = sites[run]
        assert code == 1, err
        assert report["summary"] == {"built": 0, "skipped": 25, "failed": 5}, run


def test_without_dask_the_engine_asks_for_the_extra(tmp_path: Path) -> None:
    write_memo(tmp_path / "content" / "a.yaml", "Alpha")
    hide = ("import sys\nclass Hide:\n    def find_spec(self, name, path=None, target=None):\n"
            "        if name.split('.')[0] in ('dask', 'distributed'): raise ImportError(name)\n"
            "sys.meta_path.insert(0, Hide())\nfrom memokit.cli import main\n"
            "sys.exit(main(['build', 'content', '-o', 'out', '--engine', 'dask']))\n")
    r = subprocess.run([sys.executable, "-c", hide], cwd=tmp_path, capture_output=True, text=True,
                       env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}, timeout=120)
    assert r.returncode == 2
    assert "pip install memokit[dask]" in r.stderr and "Traceback" not in r.stderr
    assert not (tmp_path / "out").exists()


def test_the_default_build_does_not_import_dask(tmp_path: Path) -> None:
    write_memo(tmp_path / "content" / "a.yaml", "Alpha")
    code = ("import sys, memokit\nr = memokit.build(['content'], 'out', jobs=1, formats=['pdf'])\n"
            "assert r.built == 1, r.as_dict()\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))\n")
    r = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True,
                       env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin",
                            "MEMOKIT_CACHE_DIR": str(tmp_path / "cache")}, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "[]"


@pytest.mark.parametrize(("args", "env", "message"), [
    (["--scheduler", "tcp://a b:8786"], {}, "--scheduler: 'tcp://a b:8786' is not a Dask scheduler address"),
    (["--engine", "dask"], {"MEMOKIT_DASK_SCHEDULER": "x" * 300},
     "MEMOKIT_DASK_SCHEDULER: 'xxxx"),
    (["--engine", "local", "--scheduler", "tcp://127.0.0.1:8786"], {},
     "--scheduler needs the dask engine, not 'local'"),
])
def test_bad_engine_options_are_usage_errors(args: list[str], env: dict[str, str], message: str,
                                             tmp_path: Path) -> None:
    write_memo(tmp_path / "content" / "a.yaml", "Alpha")
    r = run_cli("build", "content", "-o", "out", *args, cwd=tmp_path, env=env, timeout=60)
    assert r.returncode == 2, r.stderr
    assert r.stderr.startswith(f"memokit: error: {message}"), r.stderr
    assert not (tmp_path / "out").exists()


def test_fail_fast_cancels_the_memos_not_yet_finished(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "a-bad.yaml").write_text("title: [\n", encoding="utf-8")
    for i in range(6):
        write_memo(tmp_path / "content" / f"m{i}.yaml", f"Memo {i}")
    r = run_cli("build", "content", "-o", "out", "-j", "1", "--engine", "dask", "--fail-fast",
                "--json", "report.json", "--format", "pdf", cwd=tmp_path,
                env={"MEMOKIT_CACHE_DIR": str(tmp_path / "cache")})
    assert r.returncode == 1, r.stderr
    report = load_report(tmp_path / "report.json")
    status = {m["path"]: m["status"] for m in report["memos"]}
    assert status.pop("content/a-bad.yaml") == "failed"
    assert "cancelled" in status.values() and set(status.values()) <= {"built", "cancelled"}
    built = sorted(Path(p).stem for p, s in status.items() if s == "built")
    assert sorted(p.stem for p in (tmp_path / "out").glob("*.pdf")) == built
    assert "cancelled" in r.stderr
