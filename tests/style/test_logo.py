"""The style's logo is on the first page of the PDF and in the DOCX title block, described by the
institute's name."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pdfplumber
import pytest

from memokit.style import builtin_styles, load_style
from tests.style.conftest import Rendered, render_in
from tests.style.outputs import docx_media, docx_part

INSTITUTE = "Nordic Institute for Security Analysis"
EMU_PER_PT = 12700


def _docx_pictures(docx: Path) -> list[tuple[str, str, int]]:
    """(name, description, width in EMU) of each picture in the document body, in order."""
    doc = docx_part(docx, "word/document.xml")
    out = []
    for m in re.finditer(r"<wp:inline\b.*?</wp:inline>", doc, re.S):
        extent = re.search(r'<wp:extent cx="(\d+)"', m.group(0))
        pr = re.search(r'<wp:docPr [^>]*name="([^"]*)" descr="([^"]*)"', m.group(0))
        assert extent and pr
        out.append((pr.group(1), pr.group(2), int(extent.group(1))))
    return out


def test_brief_svg_logo_on_first_page_of_both(brief_out: Rendered, memo_out: Rendered) -> None:
    logo = load_style(builtin_styles()["brief"].resolve()).logo
    assert logo is not None
    with pdfplumber.open(str(brief_out["pdf"])) as pdf:
        first = pdf.pages[0]
        # the logo's rounded square: 60/64 of the logo's width, in the accent colour, top left
        squares = [c for c in first.curves if c["width"] == pytest.approx(logo.width * 60 / 64, abs=0.5)
                   and c["x0"] < first.width / 3 and c["top"] < first.height / 4]
        assert squares
        size = logo.width * 60 / 64
        assert not any(c["width"] == pytest.approx(size, abs=0.5) for c in pdf.pages[1].curves)
    with pdfplumber.open(str(memo_out["pdf"])) as pdf:  # memo names no logo
        assert not pdf.pages[0].curves
    name, descr, cx = _docx_pictures(brief_out["docx"])[0]
    assert (name, descr) == ("Logo", INSTITUTE)
    assert cx == pytest.approx(logo.width * EMU_PER_PT, rel=0.01)
    assert any(b"<title>Nordic Institute" in s for s in docx_media(brief_out["docx"], ".svg"))
    # the logo's paragraph grows with the picture (an exact line height would crop it in Word)
    doc = docx_part(brief_out["docx"], "word/document.xml")
    para = re.search(r"<w:p>(?:(?!</w:p>).)*?name=\"Logo\"", doc, re.S)
    assert para and 'w:lineRule="exact"' not in para.group(0) and 'w:lineRule="auto"' in para.group(0)
    assert all(p[0] != "Logo" for p in _docx_pictures(memo_out["docx"]))


def test_png_logo_with_its_width(tmp_path: Path) -> None:
    folder = tmp_path / "crest"
    folder.mkdir()
    shutil.copy(builtin_styles()["brief"] / "logo.png", folder / "crest.png")
    (folder / "style.yaml").write_text("extends: memo\nname: crest\nlogo: {file: crest.png, width: 30mm, "
                                       "alt: Crest of the institute}\n", encoding="utf-8")
    out = render_in(tmp_path / "out", str(folder))
    with pdfplumber.open(str(out["pdf"])) as pdf:
        images = pdf.pages[0].images
        assert len(images) == 1 and images[0]["width"] == pytest.approx(30 * 72 / 25.4, abs=0.1)
        assert images[0]["top"] < pdf.pages[0].height / 4
        assert not pdf.pages[1].images
    name, descr, cx = _docx_pictures(out["docx"])[0]
    assert (name, descr) == ("Logo", "Crest of the institute")
    assert cx == pytest.approx(30 * 72 / 25.4 * EMU_PER_PT, rel=0.01)
