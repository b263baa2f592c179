"""One chart drawn with matplotlib's object API and saved as SVG and PNG.

No pyplot and no global settings: every setting lives in an ``rc_context``
around the figure's creation and saving. Imported only on a cache miss.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Any

from matplotlib import rc_context
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.backends.backend_mixed import MixedModeRenderer
from matplotlib.figure import Figure as MplFigure

from memokit.data.series import ChartData
from memokit.figures.cache import Entry
from memokit.figures.charts import KINDS
from memokit.figures.place import place_labels
from memokit.figures.style import Look, rc_params


def build_figure(data: ChartData, look: Look) -> MplFigure:
    """The drawn matplotlib Figure (not yet saved), at the Look's size in points."""
    with rc_context(rc_params(look)):
        fig = MplFigure(figsize=(look.width / 72, look.height / 72), dpi=72, layout="constrained")
        FigureCanvasAgg(fig)
        ax = fig.add_subplot()
        KINDS[data.kind](fig, ax, data, look)
        place_labels(fig, ax, look)
    return fig


@contextmanager
def _layout_only_predraw(fig: MplFigure) -> Iterator[None]:
    """Make ``savefig``'s first pass, which draws the figure with every drawing call switched
    off only so that its layout engine runs with the output's renderer, run just the layout.

    The second pass draws as before (the same bytes: tested on every chart kind), and a save
    walks the figure's artists once instead of twice. Should matplotlib switch drawing off
    some other way, the first pass is not recognised and draws as before, only slower.
    """
    def draw(renderer: Any) -> None:
        wrapped = isinstance(renderer, MixedModeRenderer)  # SVG's: it draws with another renderer
        inner = getattr(renderer, "_renderer", renderer) if wrapped else renderer
        engine = fig.get_layout_engine()
        off = "draw_path" in getattr(inner, "__dict__", {})  # matplotlib's no-op drawing calls
        if off and engine is not None:
            if fig.axes:
                with suppress(ValueError):  # as Figure.draw: a figure too small to lay out
                    engine.execute(fig)
            return
        MplFigure.draw(fig, renderer)

    fig.draw = draw  # type: ignore[method-assign]
    try:
        yield
    finally:
        del fig.draw


def save(fig: MplFigure, look: Look) -> Entry:
    """SVG (text as text, fixed ids, no date) and PNG (no metadata) of a built figure."""
    with rc_context(rc_params(look)), _layout_only_predraw(fig):
        svg, png = io.BytesIO(), io.BytesIO()
        fig.savefig(svg, format="svg", metadata={"Date": None, "Creator": None})
        fig.savefig(png, format="png", dpi=look.dpi, metadata={"Software": None})
    return Entry(svg.getvalue(), png.getvalue(), look.width, look.height)


def draw_chart(data: ChartData, look: Look) -> Entry:
    """Draw and save one chart."""
    return save(build_figure(data, look), look)
