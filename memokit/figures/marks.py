"""Highlighted periods and labelled annotations drawn over a chart.

Imported only when a chart is actually drawn (it imports matplotlib).
"""

from __future__ import annotations

from collections.abc import Callable

from matplotlib.axes import Axes
from matplotlib.transforms import blended_transform_factory

from memokit.data.series import ChartData
from memokit.figures.style import Look

DASH = (0, (2.5, 2))  # annotation lines: short dashes


def marks(ax: Axes, data: ChartData, look: Look, pos: Callable[[object], float],
          slots: bool = False, horizontal: bool = False) -> None:
    """Shade ``data.highlight`` periods and draw ``data.annotations`` on the x (category) axis.

    ``slots``: bar charts, where a category covers half a slot either side of its position.
    ``horizontal``: the categories run down the y axis (barh).
    """
    pad = 0.5 if slots else 0.0
    span = ax.axhspan if horizontal else ax.axvspan
    along = (blended_transform_factory(ax.transAxes, ax.transData) if horizontal
             else blended_transform_factory(ax.transData, ax.transAxes))
    for h in data.highlight:
        a, b = sorted((pos(h.start), pos(h.end)))
        a, b = a - pad, b + pad
        span(a, b, color=look.grid_colour, linewidth=0, zorder=1)
        if h.label:
            xy = (0.99, (a + b) / 2) if horizontal else ((a + b) / 2, 0.99)
            ax.text(*xy, h.label, transform=along, fontsize=look.tick_size, color=look.label_colour,
                    ha="right" if horizontal else "center", va="center" if horizontal else "top",
                    zorder=4)
    for note in data.annotations:
        p = pos(note.x)
        if note.y is None:
            line = ax.axhline if horizontal else ax.axvline
            line(p, color=look.axis_colour, linewidth=look.axis_width, linestyle=DASH, zorder=2.5)
            xy = (0.99, p) if horizontal else (p, 0.99)
            ax.annotate(note.text, xy, xycoords=along, xytext=(0, -2) if horizontal else (3, 0),
                        textcoords="offset points", fontsize=look.tick_size, color=look.label_colour,
                        ha="right" if horizontal else "left", va="top", zorder=4)
        else:
            xy = (note.y, p) if horizontal else (p, note.y)
            ax.plot(*xy, marker="o", markersize=look.line_width * 2, color=look.label_colour,
                    zorder=4, clip_on=False)
            ax.annotate(note.text, xy, xytext=(4, 4), textcoords="offset points",
                        fontsize=look.tick_size, color=look.label_colour, ha="left", va="bottom",
                        zorder=4)
