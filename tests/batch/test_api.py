"""The Python API for pipelines: ``memokit.build`` and ``memokit.render``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import memokit
from memokit.batch import BuildReport
from tests.batch.memos import FORMATS, docx_text, pdf_text, write_memo
from tests.helpers import ROOT


def test_build_returns_a_report_of_every_memo(tmp_path: Path) -> None:
    src = tmp_path / "src"
    write_memo(src / "a.yaml", "Alpha memo")
    write_memo(src / "sub" / "b.yaml", "Bravo memo")
    (src / "bad.yaml").write_text("title: [\n", encoding="utf-8")
    report = memokit.build([src], tmp_path / "out", jobs=2, formats=FORMATS)
    assert isinstance(report, BuildReport)
    assert (report.built, report.skipped, report.failed, report.ok) == (2, 0, 1, False)
    assert [m.path for m in report.memos] == [str(src / n) for n in ("a.yaml", "bad.yaml", "sub/b.yaml")]
    assert report.outputs == [tmp_path / "out" / f"{stem}.{fmt}" for stem in ("a", "sub/b")
                              for fmt in FORMATS]
    assert "Bravo memo" in pdf_text(tmp_path / "out" / "sub" / "b.pdf")
    assert report.memos[1].errors[0]["line"] == 2
    # the report's dict is the JSON report
    doc = json.loads(json.dumps(report.as_dict()))
    assert doc["summary"] == {"built": 2, "skipped": 0, "failed": 1}
    assert doc["memokit"] == memokit.__version__


def test_build_takes_a_single_path_and_skips_what_is_built(tmp_path: Path) -> None:
    memo = write_memo(tmp_path / "one.yaml", "One")
    first = memokit.build(str(memo), tmp_path / "out", formats=FORMATS)
    second = memokit.build(str(memo), tmp_path / "out", formats=FORMATS)
    assert (first.built, second.built, second.skipped, second.ok) == (1, 0, 1, True)
    assert second.memos[0].outputs == first.memos[0].outputs


def test_render_returns_the_written_paths_on_every_call(tmp_path: Path) -> None:
    memo = write_memo(tmp_path / "one.yaml", "Rendered alone")
    expected = [tmp_path / "out" / f"one.{fmt}" for fmt in FORMATS]
    assert memokit.render(memo, tmp_path / "out", FORMATS) == expected
    assert memokit.render(memo, tmp_path / "out", FORMATS) == expected
    assert "Rendered alone" in docx_text(expected[1])
    # in a fresh interpreter too, where the first call is what imports memokit.pipeline
    code = ("import memokit\n"
            f"for _ in range(2): print(memokit.render({str(memo)!r}, {str(tmp_path / 'o2')!r}, ['pdf']))\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                       env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin",
                            "MEMOKIT_CACHE_DIR": str(tmp_path / "cache")})
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines() == [f"[PosixPath('{tmp_path / 'o2' / 'one.pdf'}')]"] * 2


def test_a_script_without_a_main_guard_runs_once(tmp_path: Path) -> None:
    write_memo(tmp_path / "content" / "m.yaml", "Scripted")
    script = tmp_path / "publish.py"
    script.write_text(
        "import memokit\n"
        "print('script body runs')\n"
        f"r = memokit.build(['content'], 'out', jobs=2, formats={list(FORMATS)!r})\n"
        "print('built', r.built)\n", encoding="utf-8")
    r = subprocess.run([sys.executable, str(script)], cwd=tmp_path, capture_output=True, text=True,
                       timeout=120, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin",
                                         "MEMOKIT_CACHE_DIR": str(tmp_path / "cache")})
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines() == ["script body runs", "built 1"]
    assert (tmp_path / "out" / "m.pdf").is_file()


def test_the_building_process_never_imports_the_heavy_libraries(tmp_path: Path) -> None:
    write_memo(tmp_path / "content" / "m.yaml", "Light parent")
    code = ("import sys\n"
            "from memokit.cli import main\n"
            "codes = [main(['build', '-o', 'out', '-j', '1']) for _ in range(2)]\n"
            "heavy = {m.split('.')[0] for m in sys.modules} & "
            "{'matplotlib', 'reportlab', 'docx', 'numpy', 'svglib'}\n"
            "print(codes, sorted(heavy))\n")
    r = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True,
                       timeout=120, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin",
                                         "MEMOKIT_CACHE_DIR": str(tmp_path / "cache")})
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "[0, 0] []"
    assert (tmp_path / "out" / "m.docx").is_file()
