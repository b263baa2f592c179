"""A rendered example memo in a private folder, for the import tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from memokit.pipeline import render_memo

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes, bytes]:
    """(folder, the memo's bytes, the DOCX's bytes) of the example memo rendered once."""
    home = tmp_path_factory.mktemp("memo")
    shutil.copy(ROOT / "content/example-memo.yaml", home / "memo.yaml")
    shutil.copytree(ROOT / "content/data", home / "data")
    shutil.copy(ROOT / "content/sources.bib", home / "sources.bib")
    render_memo(home / "memo.yaml", home / "out", ["docx"])
    return home, (home / "memo.yaml").read_bytes(), (home / "out/memo.docx").read_bytes()


@pytest.fixture
def memo(rendered: tuple[Path, bytes, bytes], tmp_path: Path) -> Path:
    """A fresh copy of the memo and its DOCX (out/memo.docx) for one test."""
    home, yaml_bytes, docx_bytes = rendered
    shutil.copytree(home / "data", tmp_path / "data")
    shutil.copy(home / "sources.bib", tmp_path / "sources.bib")
    (tmp_path / "memo.yaml").write_bytes(yaml_bytes)
    (tmp_path / "out").mkdir()
    (tmp_path / "out/memo.docx").write_bytes(docx_bytes)
    return tmp_path / "memo.yaml"
