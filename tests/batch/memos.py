"""Folders of tiny memos for the batch tests, and ways to read what a build wrote."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

from tests.helpers import ROOT, require_tool

FORMATS = ("pdf", "docx")


def memo_text(title: str, data: str | None = None, figure: bool = False) -> str:
    """A tiny valid memo; with ``data`` (a CSV path relative to the memo) it shows a table of it."""
    lines = [f"title: {title}", "authors: [A. N. Author]", "date: 2026-03-14"]
    if data:
        lines += ["data:", "  staff:", f"    file: {data}"]
    lines += ["sections:", "  - heading: Where things stand", "    body:",
              f"      - The memo called {title} says little, and says it briefly."]
    if data:
        lines += ["      - table:", "          id: staff", "          caption: Staff by mission",
                  "          data: staff"]
    if data and figure:
        lines += ["      - figure:", "          id: staff-chart", "          caption: Staff",
                  "          data: staff", "          chart: bar", "          x: mission",
                  "          y: personnel", "          alt: Bars of staff by mission"]
    return "\n".join(lines) + "\n"


def write_memo(path: Path, title: str, data: str | None = None, figure: bool = False) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(memo_text(title, data, figure), encoding="utf-8")
    return path


def write_csv(path: Path, rows: list[tuple[str, int]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("mission,personnel\n" + "".join(f"{m},{n}\n" for m, n in rows), encoding="utf-8")
    return path


def run_cli(*args: str, cwd: Path, env: dict[str, str] | None = None,
            timeout: float = 300, module: str = "memokit.cli") -> subprocess.CompletedProcess[str]:
    """``memokit ARGS`` as a user runs it, in ``cwd``, output captured (not a terminal).

    ``module="tests.batch.faults"``: the same build, rendering with the faulty renderer."""
    full = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run([sys.executable, "-m", module, *args], cwd=cwd, env=full,
                          capture_output=True, text=True, timeout=timeout)


def files_below(folder: Path) -> list[str]:
    """Every file and folder below ``folder``, hidden ones included, as sorted relative paths."""
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))


def pdf_text(path: Path) -> str:
    exe = require_tool("pdftotext")
    return subprocess.run([exe, str(path), "-"], capture_output=True, text=True, check=True).stdout


def docx_text(path: Path) -> str:
    """The text of a DOCX's main body, read from its XML the way Word stores it."""
    from docx import Document

    with zipfile.ZipFile(path) as z:
        assert "word/document.xml" in z.namelist()
    return "\n".join(p.text for p in Document(str(path)).paragraphs)


def load_report(path: Path) -> dict:  # type: ignore[type-arg]
    return json.loads(path.read_text(encoding="utf-8"))
