"""Reading rendered PDFs and DOCX files the way a user's tools see them."""

from __future__ import annotations

import re
import subprocess
import zipfile
from collections import Counter
from pathlib import Path

from tests.helpers import require_tool

_RG = re.compile(rb"(?<![\w.])(-?[0-9]*\.?[0-9]+)\s+(-?[0-9]*\.?[0-9]+)\s+(-?[0-9]*\.?[0-9]+)\s+(rg|RG)\b")


def hex_rgb(colour: str) -> tuple[float, float, float]:
    c = colour.lstrip("#")
    return int(c[0:2], 16) / 255, int(c[2:4], 16) / 255, int(c[4:6], 16) / 255


def pdf_fonts(pdf: Path) -> dict[str, bool]:
    """Base font name (subset prefix removed) -> embedded, as pdffonts lists them."""
    out = subprocess.run([require_tool("pdffonts"), str(pdf)], capture_output=True, text=True,
                         check=True).stdout.splitlines()[2:]
    fonts: dict[str, bool] = {}
    for line in out:
        parts = line.split()
        name = parts[0].split("+", 1)[-1]
        emb = [p for p in parts if p in ("yes", "no")]
        fonts[name] = bool(emb) and emb[0] == "yes"
    return fonts


def pdf_colours(pdf: Path) -> set[tuple[float, float, float]]:
    """Every RGB fill/stroke colour set in the page content streams and form XObjects."""
    from pypdf import PdfReader

    found: set[tuple[float, float, float]] = set()
    reader = PdfReader(str(pdf))
    streams = []
    for page in reader.pages:
        contents = page.get_contents()
        if contents is not None:
            streams.append(contents.get_data())
        resources = page.get("/Resources")
        xobjects = resources.get_object().get("/XObject") if resources is not None else None
        for ref in (xobjects.get_object().values() if xobjects is not None else []):
            obj = ref.get_object()
            if obj.get("/Subtype") == "/Form":
                streams.append(obj.get_data())
    for data in streams:
        for m in _RG.finditer(data):
            found.add(tuple(round(float(m.group(i)), 3) for i in (1, 2, 3)))  # type: ignore[misc]
    return found


def has_colour(pdf: Path, colour: str) -> bool:
    want = hex_rgb(colour)
    return any(all(abs(a - b) < 0.003 for a, b in zip(c, want)) for c in pdf_colours(pdf))


def pdf_text(pdf: Path) -> str:
    return subprocess.run([require_tool("pdftotext"), "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout


def line_starts(pdf: Path, page: int) -> Counter[int]:
    """How many text lines start at each x (points, rounded) on a page: one peak per column."""
    import pdfplumber

    with pdfplumber.open(str(pdf)) as doc:
        words = doc.pages[page].extract_words()
        mid = doc.pages[page].width / 2
    rows: dict[int, list[tuple[float, float]]] = {}
    for w in words:
        rows.setdefault(round(w["bottom"]), []).append((w["x0"], w["x1"]))
    starts: Counter[int] = Counter()
    for row in rows.values():  # a row across both columns holds two lines: split it at the gutter
        row.sort()
        starts[round(row[0][0])] += 1
        for (_, end), (x0, _) in zip(row, row[1:]):
            if end < mid < x0:
                starts[round(x0)] += 1
    return starts


def columns(pdf: Path, page: int, min_lines: int = 8) -> list[int]:
    """The x of each column's left edge: line starts shared by at least ``min_lines`` lines."""
    groups: list[list[int]] = []  # starts a few points apart (a glyph's side bearing) are one edge
    starts = line_starts(pdf, page)
    for x in sorted(starts):
        if groups and x - groups[-1][-1] <= 3:
            groups[-1].append(x)
        else:
            groups.append([x])
    return [max(g, key=lambda x: starts[x]) for g in groups if sum(starts[x] for x in g) >= min_lines]


def docx_part(docx: Path, name: str) -> str:
    with zipfile.ZipFile(docx) as z:
        return z.read(name).decode("utf-8")


def docx_media(docx: Path, suffix: str) -> list[bytes]:
    with zipfile.ZipFile(docx) as z:
        return [z.read(n) for n in z.namelist() if n.startswith("word/media/") and n.endswith(suffix)]


def docx_style(docx: Path, style_id: str) -> str:
    """The XML of one style in styles.xml."""
    styles = docx_part(docx, "word/styles.xml")
    m = re.search(rf'<w:style [^>]*w:styleId="{style_id}".*?</w:style>', styles, re.S)
    assert m, f"no style {style_id} in the DOCX"
    return m.group(0)
