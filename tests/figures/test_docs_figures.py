"""docs/figures.md: every chart kind and option shown, its YAML loads, every figure has a small picture."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from memokit.data.series import KINDS
from memokit.load.schema import SCHEMA
from memokit.model.walk import figures
from memokit.resolve import load_memo

DOCS = Path(__file__).resolve().parents[2] / "docs"


def _script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("make_pictures", DOCS / "figures" / "make_pictures.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_page_yaml_loads_and_shows_every_chart_kind(tmp_path: Path) -> None:
    result = load_memo(_script().gallery_memo(tmp_path))
    figs = figures(result.memo)
    assert sorted({f.chart.kind for f in figs}) == sorted(KINDS)
    for f in figs:
        png = DOCS / "figures" / f"{f.id}.png"
        assert png.read_bytes().startswith(b"\x89PNG"), png
        assert 1_000 < png.stat().st_size <= 80_000, (png, png.stat().st_size)
        assert f"![{f.chart.kind}](figures/{f.id}.png)" in (DOCS / "figures.md").read_text(encoding="utf-8")


def test_the_page_names_every_figure_option() -> None:
    text = (DOCS / "figures.md").read_text(encoding="utf-8")
    body = SCHEMA["properties"]["sections"]["items"]["properties"]["body"]["items"]["oneOf"][1]
    options = set(body["properties"]["figure"]["properties"]) - {"id", "caption", "data", "chart", "x",
                                                                 "y", "series"}
    assert [o for o in sorted(options) if f"`{o}`" not in text] == []
