"""Both writers follow the presentation layer: figure alignment from the style, located warnings."""

from __future__ import annotations

from pathlib import Path

import docx
import pdfplumber
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph as DocxParagraph
from reportlab.platypus import SimpleDocTemplate

from memokit.figures.asset import FigureAsset
from memokit.style import load_style
from memokit.style.theme import Theme
from memokit.writers.pdf.figures import figure_block
from memokit.writers.pdf.fonts import theme_fonts
from memokit.writers.pdf.inlines import Markup
from memokit.writers.pdf.styles import make_styles
from tests.docx.conftest import render_yaml as render_docx
from tests.docx.test_minimal import FIGURE_LAST
from tests.pdf.conftest import render_yaml as render_pdf
from tests.pdf.test_text import ODD
from tests.present.conftest import figure

FIGURE_LINE, FIGURE_COLUMN = 15, 17  # where FIGURE_LAST writes its figure
SVG = (b'<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50" viewBox="0 0 100 50">'
       b'<rect x="0" y="0" width="100" height="50" fill="#1F4E79"/></svg>')


def _style(tmp_path: Path, align: str) -> Theme:
    folder = tmp_path / f"style-{align}"
    folder.mkdir()
    (folder / "style.yaml").write_text(f"extends: memo\nname: {align}\nfigures:\n  align: {align}\n",
                                       encoding="utf-8")
    return load_style(folder)


@pytest.mark.parametrize(("align", "expected"), [("center", WD_ALIGN_PARAGRAPH.CENTER),
                                                 ("left", WD_ALIGN_PARAGRAPH.LEFT)])
def test_docx_figure_paragraph_follows_the_style(tmp_path: Path, align: str, expected: object) -> None:
    path, _, _ = render_docx(FIGURE_LAST, tmp_path, _style(tmp_path, align))
    d = docx.Document(str(path))
    every = [DocxParagraph(p, d._body) for p in d.element.body.iter(qn("w:p"))]  # text boxes too
    figures = [p for p in every if p.style.name == "Figure"]
    assert len(figures) == 1
    assert figures[0].paragraph_format.alignment is None  # no direct formatting: the style decides
    assert figures[0].style.paragraph_format.alignment == expected


def test_docx_figures_are_left_aligned_by_default(tmp_path: Path, memo_theme: Theme) -> None:
    assert memo_theme.figures.align == "left"
    path, _, _ = render_docx(FIGURE_LAST, tmp_path, memo_theme)
    assert docx.Document(str(path)).styles["Figure"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.LEFT


def _picture_x(theme: Theme, out: Path) -> tuple[float, float]:
    """A 200pt-wide figure in a wider frame: the picture's left edge and the frame's."""
    fonts = theme_fonts(theme)
    mk = Markup(fonts, theme.labels_for("en"), theme.colours.link)
    asset = FigureAsset("f", SVG, b"", 100, 50, "alt")
    block, notes = figure_block(figure(), asset, 200, make_styles(theme, fonts, "en"), mk, theme, True)
    assert notes == []
    doc = SimpleDocTemplate(str(out), pagesize=(500, 400), leftMargin=50, rightMargin=50,
                            topMargin=50, bottomMargin=50, initialFontName=fonts.body.regular)
    doc.build([block])
    with pdfplumber.open(out) as pdf:
        rects = [r for r in pdf.pages[0].rects if abs(r["width"] - 200) < 0.5]
    assert len(rects) == 1
    frame = doc.pageTemplates[0].frames[0]
    return rects[0]["x0"], frame._x1 + frame._leftPadding


@pytest.mark.parametrize("align", ["left", "center", "right"])
def test_pdf_figure_picture_follows_the_style(tmp_path: Path, align: str) -> None:
    x, left = _picture_x(_style(tmp_path, align), tmp_path / "fig.pdf")
    room = 500 - 100 - 12 - 200  # frame width less its padding, less the picture
    assert x == pytest.approx(left + {"left": 0, "center": room / 2, "right": room}[align], abs=0.01)


def test_pdf_warning_for_a_missing_chart_is_located_at_the_figure(tmp_path: Path, memo_theme: Theme) -> None:
    _, memo, warnings = render_pdf(FIGURE_LAST, tmp_path, memo_theme, assets={})
    assert [(w.line, w.column, w.severity) for w in warnings] == [(FIGURE_LINE, FIGURE_COLUMN, "warning")]
    assert warnings[0].format().startswith(f"{memo.source_path}:{FIGURE_LINE}:{FIGURE_COLUMN}: warning: "
                                           "figure 'f' has no rendered chart")


def test_docx_warning_for_a_missing_chart_is_located_at_the_figure(tmp_path: Path, memo_theme: Theme) -> None:
    _, memo, warnings = render_docx(FIGURE_LAST, tmp_path, memo_theme, assets={})
    assert [(w.line, w.column, w.severity) for w in warnings] == [(FIGURE_LINE, FIGURE_COLUMN, "warning")]
    assert warnings[0].format().startswith(f"{memo.source_path}:{FIGURE_LINE}:{FIGURE_COLUMN}: warning: "
                                           "figure f: no rendered chart")


def test_pdf_warning_for_a_table_too_long_for_the_page_is_located_at_the_table(
        tmp_path: Path, memo_theme: Theme) -> None:
    rows = "\n".join(f"      - [row{k}, {k}]" for k in range(120))
    _, memo, warnings = render_pdf(ODD.format(rows=rows), tmp_path, memo_theme)
    (w,) = [w for w in warnings if "too long to span the page" in w.message]
    line = 1 + ODD.format(rows=rows).splitlines().index("              id: wide")
    assert (w.file, w.line, w.column) == (memo.source_path, line, 15)
