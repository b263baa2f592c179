"""The SVG and PNG a writer receives: house font as text, palette, literal labels, exact bytes."""

from __future__ import annotations

import dataclasses
import hashlib
import io
import re
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET

from memokit.figures.render import render_figures
from memokit.model.nodes import ChartSpec
from memokit.style.theme import Theme
from tests.figures.conftest import TYPES, long_events, make_memo, wide_personnel
from tests.helpers import ROOT

SVG = "{http://www.w3.org/2000/svg}"
STACKED = ChartSpec("stacked-bar", "events", "month", ("events",), "event_type")
TRICKY = "$5 & $10% <x>_y"  # two dollars: mathtext would set '5 & ' in italics


def svg_texts(svg: bytes) -> list[tuple[str, str]]:
    """(text, style) of every <text> element."""
    root = ET.fromstring(svg)
    return [("".join(t.itertext()), t.get("style", "")) for t in root.iter(f"{SVG}text")]


def png_chunks(png: bytes) -> list[str]:
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    out, i = [], 8
    while i < len(png):
        (n,) = struct.unpack(">I", png[i:i + 4])
        out.append(png[i + 4:i + 8].decode("ascii"))
        i += 12 + n
    return out


def test_svg_keeps_text_as_text_in_the_house_chart_font(theme: Theme) -> None:
    asset = render_figures(make_memo([long_events()], STACKED), theme)["fig0"]
    texts = svg_texts(asset.svg)
    assert {"Jan 2024", "Jul", *TYPES} <= {t for t, _ in texts}
    family = theme.fonts.heading.family  # figures.font: heading
    for _, style in texts:
        assert re.search(r"font-family: '([^']+)'", style).group(1) == family  # type: ignore[union-attr]
    sizes = {float(re.search(r"font-size: ([\d.]+)px", s).group(1)) for _, s in texts}  # type: ignore[union-attr]
    assert sizes == {theme.figures.tick_size, theme.figures.text_size}


def test_the_chart_font_role_comes_from_the_theme(theme: Theme) -> None:
    body = dataclasses.replace(theme, figures=dataclasses.replace(theme.figures, font="body"))
    asset = render_figures(make_memo([long_events()], STACKED), body)["fig0"]
    assert all(f"'{theme.fonts.body.family}'" in s for _, s in svg_texts(asset.svg))


def test_palette_colours_appear_in_series_order(theme: Theme) -> None:
    svg = render_figures(make_memo([long_events()], STACKED), theme)["fig0"].svg.decode()
    first = [svg.find(f"fill: {c.lower()}") for c in theme.palette[:3]]
    assert -1 not in first and first == sorted(first)
    assert f"fill: {theme.palette[3].lower()}" not in svg  # only as many colours as series


def test_labels_are_printed_as_written_never_as_math(theme: Theme) -> None:
    spec = ChartSpec("line", "personnel", "year", ("ISFK", "KTAM"), None, TRICKY, TRICKY)
    ds = dataclasses.replace(wide_personnel(), columns=("year", TRICKY, "KTAM", "BMO"))
    spec = dataclasses.replace(spec, y=(TRICKY, "KTAM"))
    asset = render_figures(make_memo([ds], spec), theme)["fig0"]
    texts = [t for t, _ in svg_texts(asset.svg)]
    assert texts.count(TRICKY) == 3  # x label, y label, legend entry
    assert b"&amp; $10% &lt;x&gt;_y" in asset.svg
    assert not re.search(rb"<(path|use)[^>]*DejaVuSans-Oblique", asset.svg)  # no mathtext glyphs


def test_size_is_the_target_width_at_the_theme_aspect(theme: Theme) -> None:
    memo = make_memo([long_events()], STACKED, width="column")
    asset = render_figures(memo, theme)["fig0"]
    assert abs(asset.width_pt - theme.page.column_width) < 0.01
    assert abs(asset.height_pt - theme.page.column_width * theme.figures.aspect) < 0.01
    root = ET.fromstring(asset.svg)
    assert root.get("width") == f"{asset.width_pt:g}pt"
    w, h = struct.unpack(">II", asset.png[16:24])
    assert (w, h) == (int(asset.width_pt / 72 * theme.figures.dpi),  # matplotlib truncates
                      int(asset.height_pt / 72 * theme.figures.dpi))
    page = render_figures(make_memo([long_events()], STACKED, width="page"), theme)["fig0"]
    assert abs(page.width_pt - theme.page.text_width) < 0.01


def test_png_carries_no_metadata_and_svg_no_date(theme: Theme) -> None:
    asset = render_figures(make_memo([long_events()], STACKED), theme)["fig0"]
    assert not {"tEXt", "iTXt", "zTXt", "tIME"} & set(png_chunks(asset.png))
    assert b"<dc:date>" not in asset.svg and b"<dc:creator>" not in asset.svg


_SUBPROCESS = """
import hashlib, sys
sys.path.insert(0, {root!r})
from tests.figures.conftest import long_events, make_memo
from memokit.figures.render import render_figures
from memokit.model.nodes import ChartSpec
from memokit.style import builtin_styles, load_style
a = render_figures(make_memo([long_events()], ChartSpec("stacked-bar", "events", "month", ("events",),
                   "event_type")), load_style(builtin_styles()["memo"]))["fig0"]
print(hashlib.sha256(a.svg).hexdigest(), hashlib.sha256(a.png).hexdigest())
"""


def test_two_runs_in_fresh_processes_give_identical_bytes(theme: Theme, tmp_path) -> None:  # type: ignore[no-untyped-def]
    digests = []
    for run in range(2):
        env = {"MEMOKIT_CACHE_DIR": str(tmp_path / f"run{run}"), "PATH": "/usr/bin:/bin"}
        out = subprocess.run([sys.executable, "-c", _SUBPROCESS.format(root=str(ROOT))], env=env,
                             capture_output=True, text=True, check=True, cwd=ROOT)
        digests.append(out.stdout.split())
    here = render_figures(make_memo([long_events()], STACKED), theme)["fig0"]
    assert digests[0] == digests[1] == [hashlib.sha256(here.svg).hexdigest(),
                                        hashlib.sha256(here.png).hexdigest()]
    assert len(io.BytesIO(here.png).getvalue()) > 1000
