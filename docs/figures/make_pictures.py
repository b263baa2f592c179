"""Draw the pictures of docs/figures.md from that page's own YAML blocks.

    python docs/figures/make_pictures.py

The first YAML block holding ``data:`` gives the data sets; every block starting with
``- figure:`` is one figure, drawn with the built-in house style at screen resolution
into ``docs/figures/<id>.png``.
"""

from __future__ import annotations

import re
import shutil
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
PAGE = HERE.parent / "figures.md"
DPI = 110  # screen resolution: small files, still sharp on a web page

sys.path.insert(0, str(ROOT))


def blocks(text: str) -> tuple[dict, list[dict]]:  # type: ignore[type-arg]
    """(data section, figure blocks) from the page's YAML code blocks."""
    found = [yaml.safe_load(b) for b in re.findall(r"```yaml\n(.*?)```", text, re.S)]
    data = next(b["data"] for b in found if isinstance(b, dict) and "data" in b)
    figs = [b[0] for b in found if isinstance(b, list) and b and "figure" in b[0]]
    return data, figs


def gallery_memo(folder: Path) -> Path:
    """A memo with every figure of the page, written into ``folder`` with its data files."""
    data, figs = blocks(PAGE.read_text(encoding="utf-8"))
    for block in figs:
        block["figure"].setdefault("alt", block["figure"]["caption"])
    doc = {"title": "Figures", "authors": "memokit", "date": "2026-11-25", "data": data,
           "sections": [{"heading": "Charts", "body": figs}]}
    shutil.copytree(ROOT / "content" / "data", folder / "data", dirs_exist_ok=True)
    path = folder / "gallery.yaml"
    path.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def main() -> None:
    from memokit.data.series import chart_data
    from memokit.figures.draw import draw_chart
    from memokit.figures.style import look_for
    from memokit.model.walk import figures
    from memokit.pipeline import resolve_theme
    from memokit.resolve import load_memo

    theme = resolve_theme("memo", ROOT, from_cli=True)
    with tempfile.TemporaryDirectory() as tmp:
        memo = load_memo(gallery_memo(Path(tmp))).memo
    for fig in figures(memo):
        look = look_for(theme, fig.width, memo.meta.language)
        if fig.chart.aspect:
            look = replace(look, height=round(look.width * fig.chart.aspect, 3))
        entry = draw_chart(chart_data(fig, memo.data, len(look.palette)), replace(look, dpi=DPI))
        out = HERE / f"{fig.id}.png"
        out.write_bytes(entry.png)
        print(f"{out.relative_to(ROOT)}  {len(entry.png) // 1024} KB")


if __name__ == "__main__":
    main()
