"""The issue's acceptance scenario: 30 memos of which 5 fail, built from the command line
three times (cold, unchanged, one data file changed)."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from memokit.batch.manifest import sha256_file
from tests.batch.memos import (
    FORMATS,
    docx_text,
    files_below,
    load_report,
    pdf_text,
    run_cli,
    write_csv,
    write_memo,
)

TIMEOUT = "3"
BROKEN = ["m04-raise.yaml", "m05-crash.yaml", "m06-hang.yaml"]  # see tests/batch/faults.py
# memo (relative to content/) -> data file it uses (relative to the memo), None for none
GOOD: dict[str, str | None] = {
    "m01.yaml": "data/a.csv",
    **{f"m{i:02}.yaml": "data/a.csv" for i in range(7, 13)},
    **{f"east/m{i:02}.yaml": "data/b.csv" for i in range(13, 19)},
    **{f"east/m{i:02}.yaml": None for i in range(19, 23)},
    **{f"east/deep/m{i:02}.yaml": None for i in range(23, 30)},
    "east/deep/m30.yaml": "data/c.csv",
}
BAD = ["m02-bad-yaml.yaml", "m03-bad-data.yaml", "m04-raise.yaml", "m05-crash.yaml", "m06-hang.yaml"]


def make_site(site: Path) -> None:
    content = site / "content"
    write_csv(content / "data" / "a.csv", [("Alpha", 10), ("Bravo", 20)])
    write_csv(content / "east" / "data" / "b.csv", [("Charlie", 7)])
    write_csv(content / "east" / "deep" / "data" / "c.csv", [("Delta", 3), ("Echo", 4)])
    # YAML files that are not memos: in a data folder, a templates folder, a name starting with _
    (content / "data" / "lookup.yaml").write_text("not: [a memo\n", encoding="utf-8")
    write_memo(content / "templates" / "note.yaml", "Template, not a memo")
    (content / "_draft.yaml").write_text("title: [unfinished\n", encoding="utf-8")
    for rel, data in GOOD.items():
        write_memo(content / rel, f"Memo {Path(rel).stem}", data, figure=rel.endswith("m30.yaml"))
    (content / "m02-bad-yaml.yaml").write_text("title: [Broken\nauthors: x\n", encoding="utf-8")
    write_memo(content / "m03-bad-data.yaml", "Bad data", "data/missing.csv")
    for name in BROKEN:
        write_memo(content / name, f"Fault {name}")


def build(site: Path, report: str) -> tuple[int, str, dict]:  # type: ignore[type-arg]
    r = run_cli("build", "content", "-o", "out", "-j", "2", "--timeout", TIMEOUT, "--json", report,
                "--format", ",".join(FORMATS), cwd=site, module="tests.batch.faults",
                env={"MEMOKIT_CACHE_DIR": str(site / "cache")})
    return r.returncode, r.stderr, load_report(site / report)


def expected_outputs() -> list[str]:
    files = {".memokit-build.json"}
    for rel in GOOD:
        stem = Path(rel).with_suffix("")
        files |= {f"{stem}.{fmt}" for fmt in FORMATS}
        files |= {p.as_posix() for p in stem.parents if p != Path(".")}
    return sorted(files)


def mtimes(out: Path) -> dict[str, int]:
    return {p: (out / p).stat().st_mtime_ns for p in files_below(out) if (out / p).is_file()}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> dict:  # type: ignore[type-arg]
    """The site after each of the three builds: exit code, stderr, report, output files, mtimes."""
    site = tmp_path_factory.mktemp("site")
    make_site(site)
    content_before = files_below(site / "content")
    runs = {}
    code, err, rep = build(site, "report1.json")
    runs["cold"] = {"code": code, "err": err, "report": rep, "files": files_below(site / "out"),
                    "mtimes": mtimes(site / "out")}
    time.sleep(0.05)
    code, err, rep = build(site, "report2.json")
    runs["again"] = {"code": code, "err": err, "report": rep, "files": files_below(site / "out"),
                     "mtimes": mtimes(site / "out")}
    a_csv = site / "content" / "data" / "a.csv"
    os.utime(a_csv)  # touched, same content: not a change
    write_csv(site / "content" / "east" / "data" / "b.csv", [("Charlie", 8)])
    code, err, rep = build(site, "report3.json")
    runs["data"] = {"code": code, "err": err, "report": rep, "files": files_below(site / "out"),
                    "mtimes": mtimes(site / "out")}
    runs["content_before"] = content_before
    runs["content_after"] = files_below(site / "content")
    runs["path"] = site
    return runs


def by_path(report: dict) -> dict[str, dict]:  # type: ignore[type-arg]
    return {m["path"]: m for m in report["memos"]}


def test_cold_build_writes_25_pdfs_and_25_docx_and_nothing_else(site: dict) -> None:  # type: ignore[type-arg]
    cold = site["cold"]
    assert cold["code"] == 1, cold["err"]
    assert cold["files"] == expected_outputs()
    assert sum(f.endswith(".pdf") for f in cold["files"]) == 25
    assert sum(f.endswith(".docx") for f in cold["files"]) == 25
    # nothing written beside the memos either
    assert site["content_after"] == site["content_before"]


def test_outputs_are_the_memos_a_reader_sees(site: dict) -> None:  # type: ignore[type-arg]
    out = site["path"] / "out"
    assert "Memo m13" in pdf_text(out / "east" / "m13.pdf")
    assert "Memo m13" in docx_text(out / "east" / "m13.docx")
    deep = pdf_text(out / "east" / "deep" / "m30.pdf")
    assert "Memo m30" in deep and "Delta" in deep


def test_report_lists_the_five_failures_with_their_errors(site: dict) -> None:  # type: ignore[type-arg]
    rep = site["cold"]["report"]
    assert set(rep) == {"memokit", "duration_s", "summary", "memos"}
    assert rep["summary"] == {"built": 25, "skipped": 0, "failed": 5}
    memos = by_path(rep)
    assert len(memos) == 30
    failed = {p for p, m in memos.items() if m["status"] == "failed"}
    assert failed == {f"content/{n}" for n in BAD}
    for m in memos.values():
        assert set(m) == {"path", "status", "outputs", "warnings", "errors", "duration_s", "worker"}
        assert (m["worker"] or "pid ").startswith("pid ")
        for e in m["errors"]:
            assert set(e) == {"file", "line", "column", "field", "message"}
    yaml_err = memos["content/m02-bad-yaml.yaml"]["errors"][0]
    assert yaml_err["file"] == "content/m02-bad-yaml.yaml" and yaml_err["line"] is not None
    assert "YAML" in yaml_err["message"]
    data_err = memos["content/m03-bad-data.yaml"]["errors"][0]
    assert data_err["field"] == "data.staff.file" and data_err["line"] == 6
    assert "data/missing.csv" in data_err["message"]
    assert "simulated writer failure" in memos["content/m04-raise.yaml"]["errors"][0]["message"]
    assert "killed by signal SIGKILL" in memos["content/m05-crash.yaml"]["errors"][0]["message"]
    assert "time limit of 3 s" in memos["content/m06-hang.yaml"]["errors"][0]["message"]
    for name in BAD:
        assert memos[f"content/{name}"]["outputs"] == []


def test_report_describes_each_output_file(site: dict) -> None:  # type: ignore[type-arg]
    root = site["path"]
    last = [m for m in site["data"]["report"]["memos"] if m["status"] in ("built", "skipped")]
    assert len(last) == 25
    for m in last:
        assert [o["format"] for o in m["outputs"]] == list(FORMATS)
        for o in m["outputs"]:
            f = root / o["path"]
            assert o["bytes"] == f.stat().st_size
            assert o["sha256"] == sha256_file(f)
        assert m["duration_s"] > 0 if m["status"] == "built" else m["duration_s"] == 0
    assert by_path(site["cold"]["report"])["content/east/deep/m27.yaml"]["outputs"][0]["path"] == \
        "out/east/deep/m27.pdf"


def test_pool_keeps_working_after_the_crash_and_the_hang(site: dict) -> None:  # type: ignore[type-arg]
    # every memo found after the crashing and the hanging one was built: the pool replaced
    # those workers instead of breaking
    memos = site["cold"]["report"]["memos"]
    later = memos[[m["path"] for m in memos].index("content/m06-hang.yaml") + 1:]
    assert len(later) == 24
    assert {m["status"] for m in later} == {"built"}


def test_terminal_output_names_failures_with_locations_and_ends_with_a_summary(
        site: dict) -> None:  # type: ignore[type-arg]
    err = site["cold"]["err"]
    assert "content/m03-bad-data.yaml:6:" in err
    assert "failed    content/m05-crash.yaml" in err
    assert err.strip().splitlines()[-1].startswith("memokit build: 25 built, 0 skipped, 5 failed in ")


def test_second_run_builds_nothing(site: dict) -> None:  # type: ignore[type-arg]
    again = site["again"]
    assert again["code"] == 1
    assert again["report"]["summary"] == {"built": 0, "skipped": 25, "failed": 5}
    assert again["files"] == site["cold"]["files"]
    assert again["mtimes"] == site["cold"]["mtimes"]  # no output rewritten
    skipped = by_path(again["report"])["content/east/m13.yaml"]
    assert skipped["status"] == "skipped"
    assert skipped["outputs"] == by_path(site["cold"]["report"])["content/east/m13.yaml"]["outputs"]


def test_changing_one_data_file_rebuilds_only_the_memos_that_use_it(site: dict) -> None:  # type: ignore[type-arg]
    data = site["data"]
    assert data["report"]["summary"] == {"built": 6, "skipped": 19, "failed": 5}
    built = {m["path"] for m in data["report"]["memos"] if m["status"] == "built"}
    assert built == {f"content/east/m{i}.yaml" for i in range(13, 19)}
    changed = {p for p, t in data["mtimes"].items() if site["again"]["mtimes"].get(p) != t}
    assert changed == {f"east/m{i}.{fmt}" for i in range(13, 19) for fmt in FORMATS} | {".memokit-build.json"}
    assert "Charlie" in pdf_text(site["path"] / "out" / "east" / "m13.pdf")
    assert data["files"] == expected_outputs()
