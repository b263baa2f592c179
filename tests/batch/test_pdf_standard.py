"""``memokit build --pdf-standard``: every memo's PDF in the standard asked for, on either engine,
and the standard is part of the recipe (another one renders again, the same one nothing)."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pikepdf
import pytest

import memokit
from memokit.errors import UsageError
from tests.batch.memos import load_report, run_cli, write_memo
from tests.pdf.pdfcheck import problems


def _site(folder: Path) -> Path:
    write_memo(folder / "content" / "a.yaml", "Alpha")
    write_memo(folder / "content" / "sub" / "b.yaml", "Beta")
    return folder


def _pdfs(folder: Path) -> list[Path]:
    return [folder / "out" / "a.pdf", folder / "out" / "sub" / "b.pdf"]


def _tagged(pdf: Path) -> bool:
    with pikepdf.open(pdf) as doc:
        return "/StructTreeRoot" in doc.Root


def _build(site: Path, *args: str) -> dict[str, Any]:
    r = run_cli("build", "content", "-o", "out", "-j", "1", "--format", "pdf", "--json", "report.json",
                *args, cwd=site, env={"MEMOKIT_CACHE_DIR": str(site / "cache")})
    assert r.returncode == 0, r.stderr
    return load_report(site / "report.json")["summary"]  # type: ignore[no-any-return]


def test_none_then_the_default_renders_again_tagged(tmp_path: Path) -> None:
    site = _site(tmp_path)
    assert _build(site, "--pdf-standard", "none") == {"built": 2, "skipped": 0, "failed": 0}
    for pdf in _pdfs(site):
        with pikepdf.open(pdf) as doc:
            assert "/StructTreeRoot" not in doc.Root and "/Metadata" not in doc.Root
    assert _build(site, "--pdf-standard", "none") == {"built": 0, "skipped": 2, "failed": 0}
    stamps = [p.stat().st_mtime_ns for p in _pdfs(site)]
    assert _build(site) == {"built": 2, "skipped": 0, "failed": 0}
    for pdf in _pdfs(site):
        assert _tagged(pdf) and problems(pdf) == []
    assert [p.stat().st_mtime_ns for p in _pdfs(site)] != stamps
    stamps = [p.stat().st_mtime_ns for p in _pdfs(site)]
    assert _build(site) == {"built": 0, "skipped": 2, "failed": 0}  # nothing changed: nothing rendered
    assert [p.stat().st_mtime_ns for p in _pdfs(site)] == stamps


def test_the_python_api_takes_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = _site(tmp_path)
    monkeypatch.chdir(site)
    report = memokit.build(["content"], "out", jobs=1, formats=["pdf"], pdf_standard="a2b")
    assert report.built == 2
    for pdf in _pdfs(site):
        with pikepdf.open(pdf) as doc:
            assert "/StructTreeRoot" not in doc.Root
            assert b"<pdfaid:conformance>B</pdfaid:conformance>" in doc.Root.Metadata.read_bytes()
    assert memokit.build(["content"], "out", jobs=1, formats=["pdf"], pdf_standard="a2b").skipped == 2


def test_an_unknown_standard_is_a_usage_error(tmp_path: Path) -> None:
    site = _site(tmp_path)
    with pytest.raises(UsageError, match="'a1b' is not a PDF standard; use one of ua1\\+a2a, a2b, none"):
        memokit.build([site / "content"], site / "out", jobs=1, pdf_standard="a1b")
    assert not (site / "out").exists()
    r = run_cli("build", "content", "-o", "out", "--pdf-standard", "a1b", cwd=site)
    assert r.returncode == 2 and "invalid choice: 'a1b'" in r.stderr


def narrow(path: str | os.PathLike[str], out_dir: str | os.PathLike[str], formats: Iterable[str], *,
           strict: bool = False, data_root: str | None = None) -> Any:
    """A renderer that knows nothing of PDF standards."""
    from memokit.pipeline import render_memo

    return render_memo(path, out_dir, formats, strict=strict, data_root=data_root)


def test_a_renderer_that_does_not_take_it_fails_each_memo_saying_so(tmp_path: Path) -> None:
    site = _site(tmp_path)
    report = memokit.build([site / "content"], site / "out", jobs=1, formats=["pdf"],
                           renderer=f"{__name__}:narrow", pdf_standard="none")
    assert [m.status for m in report.memos] == ["failed", "failed"]
    assert "does not take pdf_standard" in report.memos[0].errors[0]["message"]
    assert memokit.build([site / "content"], site / "out", jobs=1, formats=["pdf"],
                         renderer=f"{__name__}:narrow").built == 2


@pytest.mark.slow
def test_the_dask_engine_carries_it(tmp_path: Path) -> None:
    site = _site(tmp_path)
    assert _build(site, "--engine", "dask", "--pdf-standard", "none")["built"] == 2
    assert not any(_tagged(p) for p in _pdfs(site))
    assert _build(site, "--engine", "dask")["built"] == 2
    assert all(_tagged(p) for p in _pdfs(site))
