"""Render, then import the untouched DOCX: no diff, also after LibreOffice re-saved it; the DOCX
and its record are the same whichever command wrote it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from memokit.cli import main
from memokit.pipeline import render_memo
from memokit.writers.docx_stamp import edited, read_record
from tests.helpers import require_tool

ROOT = Path(__file__).resolve().parents[2]


def _copy(name: str, tmp_path: Path) -> Path:
    if name in ("example", "regions-brief"):
        shutil.copy(ROOT / f"content/{'example-memo' if name == 'example' else name}.yaml",
                    tmp_path / "memo.yaml")
        shutil.copytree(ROOT / "content/data", tmp_path / "data")
        shutil.copytree(ROOT / "content/pictures", tmp_path / "pictures")
        shutil.copy(ROOT / "content/sources.bib", tmp_path / "sources.bib")
    elif name == "sections":  # a table of contents, appendices, section references
        from tests.sections.memo import memo_yaml

        (tmp_path / "memo.yaml").write_text(memo_yaml(), encoding="utf-8")
    elif name == "new":
        from memokit.cli.scaffold import new_memo

        new_memo(tmp_path / "new", "brief")
        return tmp_path / "new/memo.yaml"
    else:
        shutil.copy(ROOT / "tests/fixtures/every-node.yaml", tmp_path / "memo.yaml")
        shutil.copytree(ROOT / "tests/fixtures/pictures", tmp_path / "pictures")
        shutil.copy(ROOT / "tests/fixtures/every-node.bib", tmp_path / "every-node.bib")
    return tmp_path / "memo.yaml"


def _import(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["import", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_every_node_memo_comes_back_unchanged(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    memo = _copy("every-node", tmp_path)
    render_memo(memo, tmp_path / "out", ["docx"])
    record, _ = read_record(tmp_path / "out/memo.docx")
    assert record is not None
    kinds = {b[1] for b in record["blocks"]}  # type: ignore[union-attr]
    assert kinds == {"series", "title", "subtitle", "lede", "heading", "paragraph", "footnote", "caption",
                     "table", "box title", "authors", "affiliations", "colophon"}
    assert record["source"] == "../memo.yaml"
    assert _import(capsys, str(tmp_path / "out/memo.docx")) == (0, "", "")


@pytest.mark.parametrize("name", ["example", "regions-brief", "new", "sections"])
def test_the_other_memos_come_back_unchanged(name: str, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    memo = _copy(name, tmp_path)
    render_memo(memo, tmp_path / "out", ["docx"])
    assert _import(capsys, str(tmp_path / "out/memo.docx")) == (0, "", "")


def test_the_docx_is_the_same_from_render_twice_and_from_build(tmp_path: Path) -> None:
    memo = _copy("every-node", tmp_path)
    render_memo(memo, tmp_path / "a", ["docx"])
    render_memo(memo, tmp_path / "b", ["docx"])
    first = (tmp_path / "a/memo.docx").read_bytes()
    assert (tmp_path / "b/memo.docx").read_bytes() == first
    assert main(["build", str(memo), "-o", str(tmp_path / "c"), "--format", "docx", "-j", "1"]) == 0
    assert (tmp_path / "c/memo.docx").read_bytes() == first


@pytest.mark.slow
@pytest.mark.parametrize("name", ["example", "every-node"])
def test_libreoffice_resaved_docx_comes_back_unchanged(name: str, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    soffice = require_tool("soffice")
    memo = _copy(name, tmp_path)
    render_memo(memo, tmp_path / "out", ["docx"])
    lo = _resave(soffice, tmp_path / "out/memo.docx", tmp_path)
    record, _ = read_record(lo)
    assert record is not None  # LibreOffice keeps the custom properties
    assert _import(capsys, str(lo), str(memo)) == (0, "", "")
    assert not edited(lo)  # a re-save without changes is no edit: the next render replaces it
    written = (tmp_path / "out/memo.docx").read_bytes()
    (tmp_path / "out/memo.docx").write_bytes(lo.read_bytes())
    render_memo(memo, tmp_path / "out", ["docx"])
    assert (tmp_path / "out/memo.docx").read_bytes() == written


def _resave(soffice: str, docx: Path, tmp_path: Path) -> Path:
    """``docx`` opened and saved again as DOCX by LibreOffice (a private profile)."""
    lo = tmp_path / "lo"
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
                    "--convert-to", "docx", "--outdir", str(lo), str(docx)],
                   check=True, capture_output=True, timeout=300)
    return lo / docx.name


@pytest.mark.slow
def test_an_edit_saved_by_libreoffice_still_counts(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    soffice = require_tool("soffice")
    memo = _copy("example", tmp_path)
    render_memo(memo, tmp_path / "out", ["docx"])
    from tests.importer.editor import Editor

    ed = Editor(tmp_path / "out/memo.docx")
    ed.replace("The timing, however", "poor", "unfortunate")
    ed.save()
    lo = _resave(soffice, tmp_path / "out/memo.docx", tmp_path)
    assert edited(lo)
    code, out, err = _import(capsys, str(lo), str(memo))
    assert (code, err) == (4, "")
    assert ("+        The timing, however, is unfortunate. The drawdown of ISFK has coincided with"
            in out.splitlines())
