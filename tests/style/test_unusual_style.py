"""A style with unusual values renders, and every value is read back from both outputs and the figure:
the writers take them from the style, not from constants of their own."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pdfplumber
import pytest

from tests.style.conftest import Rendered, render_in
from tests.style.outputs import docx_media, docx_part, docx_style, has_colour, pdf_fonts

STYLE = """\
extends: memo
name: odd
description: A test style with values no built-in style uses
page: {margin_top: 23mm, margin_bottom: 23mm, margin_left: 23mm, margin_right: 23mm}
fonts:
  body: {family: DejaVu Serif, word: DejaVu Serif}
sizes: {body: 13.7pt, leading: 16.5pt}
colours: {accent: "#123456", link: "#123456"}
palette: ["#123456", "#E69F00", "#56B4E9", "#009E73", "#CC79A7", "#D55E00"]
"""
MARGIN_PT = 23 * 72 / 25.4  # 65.2 pt
MARGIN_TWIPS = round(23 / 25.4 * 1440)  # 1304


@pytest.fixture(scope="module")
def odd(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    folder = tmp_path_factory.mktemp("odd-style")
    (folder / "style.yaml").write_text(STYLE, encoding="utf-8")
    return render_in(folder / "out", str(folder))


def test_body_size_and_font_in_pdf(odd: Rendered) -> None:
    with pdfplumber.open(str(odd["pdf"])) as pdf:
        chars = [c for p in pdf.pages[1:3] for c in p.chars]
    size, _ = Counter(round(c["size"], 2) for c in chars).most_common(1)[0]
    assert size == 13.7
    body_fonts = Counter(c["fontname"].split("+")[-1] for c in chars if round(c["size"], 2) == 13.7)
    assert body_fonts.most_common(1)[0][0].startswith("DejaVuSerif")
    fonts = pdf_fonts(odd["pdf"])
    assert any(n.startswith("DejaVuSerif") for n in fonts) and all(fonts.values())


def test_margins_in_pdf(odd: Rendered) -> None:
    with pdfplumber.open(str(odd["pdf"])) as pdf:
        page = pdf.pages[1]
        words = page.extract_words()
        left = min(w["x0"] for w in words)
        right = max(w["x1"] for w in words)
        top = min(w["top"] for w in words if w["top"] > 50)  # below the running header
        width = page.width
    assert left == pytest.approx(MARGIN_PT, abs=0.5)
    assert width - right == pytest.approx(MARGIN_PT, abs=1.0)  # justified lines reach the margin
    assert top == pytest.approx(MARGIN_PT, abs=4.0)  # the first line's cap height sits at the margin


def test_accent_in_pdf_docx_and_figure(odd: Rendered) -> None:
    assert has_colour(odd["pdf"], "#123456")
    assert not has_colour(odd["pdf"], "#1F4E79")  # nothing of memo's accent is left
    assert 'w:val="123456"' in docx_style(odd["docx"], "Heading1")
    charts = docx_media(odd["docx"], ".svg")
    assert charts and all(b"#123456" in s.upper() for s in charts)


def test_docx_margins_body_size_and_font(odd: Rendered) -> None:
    doc = docx_part(odd["docx"], "word/document.xml")
    margins = re.findall(r"<w:pgMar ([^>]*)/>", doc)
    assert margins
    for attrs in margins:
        for side in ("top", "right", "bottom", "left"):
            assert f'w:{side}="{MARGIN_TWIPS}"' in attrs
    styles = docx_part(odd["docx"], "word/styles.xml")
    defaults = re.search(r"<w:docDefaults>.*?</w:docDefaults>", styles, re.S)
    assert defaults
    assert 'w:ascii="DejaVu Serif"' in defaults.group(0)
    # Word sizes are whole half-points: 13.7 pt is written as the nearest one, 27 (13.5 pt)
    assert f'<w:sz w:val="{round(13.7 * 2)}"/>' in defaults.group(0)


def test_unusual_style_extends_memo(odd: Rendered) -> None:
    assert Path(odd["pdf"]).stat().st_size > 10_000
    assert 'w:ascii="Calibri"' in docx_style(odd["docx"], "Heading1")  # inherited heading font
