"""Fixtures of the DOCX writer tests: the house style, small memos, the rendered example,
and LibreOffice / pandoc runs on the output."""

from __future__ import annotations

import io
import json
import subprocess
import zipfile
from collections.abc import Mapping
from pathlib import Path

import docx.document
import pytest
from docx.table import Table as DocxTable
from lxml import etree
from PIL import Image

from memokit.errors import Diagnostic
from memokit.figures.asset import FigureAsset
from memokit.model.nodes import Memo
from memokit.model.walk import figures
from memokit.resolve import load_memo
from memokit.style import load_style, style_folder
from memokit.style.theme import Theme
from memokit.writers.docx import write
from tests.helpers import EXAMPLE, require_tool

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def every_table(document: docx.document.Document) -> list[DocxTable]:
    """The document's tables, in order, the ones in page-wide text boxes included."""
    return [DocxTable(t, document._body) for t in document.element.body.iter(f"{W}tbl")]
NS = {"w": W[1:-1], "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}


@pytest.fixture(scope="session")
def theme() -> Theme:
    folder = style_folder("memo")
    assert folder is not None
    return load_style(folder)


def test_assets(memo: Memo, theme: Theme) -> dict[str, FigureAsset]:
    """A plain PNG per figure (drawn with Pillow at the theme's dpi), so writer tests need no charts."""
    out = {}
    for fig in figures(memo):
        width_pt = theme.page.column_width
        height_pt = width_pt * theme.figures.aspect
        px = (round(width_pt / 72 * theme.figures.dpi), round(height_pt / 72 * theme.figures.dpi))
        buf = io.BytesIO()
        Image.new("RGB", px, (31, 78, 121)).save(buf, "PNG", dpi=(theme.figures.dpi,) * 2)
        out[fig.id] = FigureAsset(fig.id, b"", buf.getvalue(), width_pt, height_pt, fig.alt)
    return out


test_assets.__test__ = False  # type: ignore[attr-defined]


def render_yaml(text: str, folder: Path, theme: Theme, assets: Mapping[str, FigureAsset] | None = None,
                name: str = "memo") -> tuple[Path, Memo, list[Diagnostic]]:
    """Write ``text`` as a memo file, load it and render its DOCX (with test pictures unless given)."""
    folder.mkdir(parents=True, exist_ok=True)
    src = folder / f"{name}.yaml"
    src.write_text(text, encoding="utf-8")
    memo = load_memo(src).memo
    out = folder / f"{name}.docx"
    warnings = write(memo, theme, test_assets(memo, theme) if assets is None else assets, out)
    return out, memo, warnings


@pytest.fixture(scope="session")
def example(tmp_path_factory: pytest.TempPathFactory, theme: Theme) -> tuple[Path, Memo]:
    """The example memo's DOCX, with the real charts."""
    from memokit.figures.render import render_figures

    memo = load_memo(EXAMPLE).memo
    out = tmp_path_factory.mktemp("docx-example") / "example-memo.docx"
    assert write(memo, theme, render_figures(memo, theme), out) == []
    return out, memo


def part(path: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read(name))


def part_names(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as z:
        return z.namelist()


def to_pdf(docx_path: Path, out_dir: Path, fmt: str = "pdf") -> Path:
    """Convert with LibreOffice headless (to PDF, or another format), in a profile directory of its own."""
    exe = require_tool("soffice")
    profile = out_dir / "lo-profile"
    r = subprocess.run([exe, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
                        fmt, "--outdir", str(out_dir), str(docx_path)],
                       capture_output=True, text=True, timeout=180)
    out = out_dir / f"{docx_path.stem}.{fmt}"
    assert r.returncode == 0 and out.exists(), f"LibreOffice failed: {r.stdout} {r.stderr}"
    return out


def page_texts(pdf: Path) -> list[str]:
    """pdftotext of each page."""
    exe = require_tool("pdftotext")
    text = subprocess.run([exe, "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    return text.split("\f")[:-1]


@pytest.fixture(scope="session")
def example_pdf(example: tuple[Path, Memo], tmp_path_factory: pytest.TempPathFactory) -> Path:
    return to_pdf(example[0], tmp_path_factory.mktemp("docx-example-lo"))


def pandoc_json(docx_path: Path) -> dict:
    exe = require_tool("pandoc")
    out = subprocess.run([exe, "-f", "docx", "-t", "json", str(docx_path)], capture_output=True,
                         text=True, check=True).stdout
    return json.loads(out)
