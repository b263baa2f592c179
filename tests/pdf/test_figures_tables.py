"""Figures (vector through svglib, PNG fallback), page-wide floats and long tables."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader

from memokit.figures.asset import FigureAsset
from memokit.style.theme import Theme
from tests.pdf.conftest import render_yaml
from tests.pdf.generate import _text
from tests.pdf.reading import layout, norm, pdftotext

SVG = b"""<?xml version="1.0" encoding="utf-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="400pt" height="240pt" viewBox="0 0 400 240">
  <rect x="20" y="20" width="80" height="180" style="fill: #1F4E79"/>
  <rect x="120" y="80" width="80" height="120" style="fill: #E69F00"/>
  <text x="20" y="225" style="font-family: Carlito; font-size: 12px; font-weight: 700">Boldlabel Quokka</text>
  <text x="220" y="225" style="font-family: Carlito; font-size: 12px">Plainlabel Wombat</text>
  <text x="220" y="40" style="font-family: Carlito; font-size: 12px">$5 &amp; 10% R&amp;D</text>
</svg>
"""


def _png() -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (40, 24), "#1F4E79").save(buf, format="PNG")
    return buf.getvalue()


def _asset(fid: str, svg: bytes = SVG) -> FigureAsset:
    return FigureAsset(fid, svg, _png(), 400.0, 240.0, "bars")


def _memo(paras_before: int, width: str = "page") -> str:
    import random

    rng = random.Random(5)
    body = "\n".join(f"      - P{i:03d} {_text(rng, 120)}" for i in range(paras_before))
    return f"""\
memokit: 1
title: Figures and tables
authors: [A. Writer]
date: 2026-05-07
number: "3"
language: en-GB
lede: Short lede.
data:
  d:
    rows:
      - [x, y]
      - [1, 2]
      - [2, 3]
  big:
    rows:
      - [mission, year, personnel]
{chr(10).join(f"      - [M{k:02d}, {2000 + k}, {100 * k}]" for k in range(70))}
sections:
  - heading: Body
    body:
{body}
      - As @fig:wide shows, and @fig:narrow too.
      - figure:
          id: wide
          caption: A wide chart
          data: d
          chart: bar
          x: x
          y: y
          source: Test source Zanzibar
          width: {width}
      - {_text(rng, 200)}
      - figure:
          id: narrow
          caption: A narrow chart
          data: d
          chart: bar
          x: x
          y: y
          width: column
      - See @tbl:big.
      - table:
          id: big
          caption: A long table
          data: big
          header: [Mission, Year, Personnel]
      - {_text(rng, 300)}
"""


def test_svg_figures_are_vector_with_text_in_the_house_font(tmp_path: Path, theme: Theme) -> None:
    assets = {"wide": _asset("wide"), "narrow": _asset("narrow")}
    pdf, _, warnings = render_yaml(_memo(2), tmp_path, theme, assets)
    assert not [w for w in warnings if "PNG" in w.message]
    lay = layout(pdf, theme)
    bold = [w for w in lay.words if w.text == "Quokka"]
    plain = [w for w in lay.words if w.text == "Wombat"]
    assert len(bold) == 2 and len(plain) == 2  # both figures
    assert all("Carlito-Bold" in w.font for w in bold)
    assert all("Carlito" in w.font and "Bold" not in w.font for w in plain)
    text = norm(pdftotext(pdf))
    assert "$5 & 10% R&D" in text
    assert "Figure 1: A wide chart" in text and "Source: Test source Zanzibar" in text
    # the caption sits under the graphic
    cap = next(w for w in lay.words if w.text == "wide")
    assert any(w.page == cap.page and w.top < cap.top for w in bold)
    reader = PdfReader(str(pdf))
    assert not any("/Image" in str(p["/Resources"].get("/XObject", {})) for p in reader.pages)


def test_page_wide_figure_spans_the_columns_at_the_top_of_its_page(tmp_path: Path, theme: Theme) -> None:
    assets = {"wide": _asset("wide"), "narrow": _asset("narrow")}
    pdf, _, warnings = render_yaml(_memo(7), tmp_path, theme, assets)
    assert not warnings
    lay = layout(pdf, theme)
    p = theme.page
    second = p.margin_left + p.column_width + p.gutter
    ref = next(w for w, nxt in zip(lay.words, lay.words[1:]) if (w.text, nxt.text) == ("As", "Figure"))
    wide, narrow = sorted((w for w in lay.words if w.text == "Wombat"), key=lambda w: -w.size)  # scaled up
    assert wide.x0 > second  # spans into the second column
    assert wide.page in (ref.page, ref.page + 1) and wide.page > 1
    top = next(w for w in lay.words if w.text == "$5" and w.page == wide.page)
    assert top.x0 > second  # the figure's width is the page's, not a column's
    # at the top of the page: nothing but the running header above it
    above = [w for w in lay.on(wide.page) if p.margin_top - 5 < w.top < top.top - 10]
    assert not above, [w.text for w in above]
    # the columns continue under it
    under = {w.column for w in lay.on(wide.page) if wide.top + 40 < w.top < p.height - p.margin_bottom}
    assert under == {1, 2}
    # the column figure stays in its column
    assert narrow.x1 <= p.margin_left + p.column_width + 1 or narrow.x0 >= second - 1


def test_broken_svg_falls_back_to_the_png_with_a_warning(tmp_path: Path, theme: Theme) -> None:
    assets = {"wide": _asset("wide", b"<svg this is not xml"), "narrow": _asset("narrow")}
    pdf, _, warnings = render_yaml(_memo(1, width="column"), tmp_path, theme, assets)
    assert any("wide" in w.message and "PNG" in w.message for w in warnings)
    reader = PdfReader(str(pdf))
    images = [x for p in reader.pages for x in (p["/Resources"].get("/XObject") or {}).values()
              if x.get_object().get("/Subtype") == "/Image"]
    assert images


def test_long_table_repeats_its_header_and_has_its_caption_above(tmp_path: Path, theme: Theme) -> None:
    assets = {"wide": _asset("wide"), "narrow": _asset("narrow")}
    pdf, _, _ = render_yaml(_memo(1, width="column"), tmp_path, theme, assets)
    lay = layout(pdf, theme)
    heads = [w for w in lay.words if w.text == "Personnel" and "Bold" in w.font]
    assert len({(w.page, w.column) for w in heads}) >= 2, "the header row is not repeated"
    cap = next(w for w in lay.words if w.text == "Table")
    first = min(heads, key=lambda w: (w.page, w.column, w.top))
    assert (cap.page, cap.column) == (first.page, first.column) and cap.top < first.top
    text = norm(pdftotext(pdf))
    assert "Table 1: A long table" in text and "M69" in text
