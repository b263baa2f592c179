"""Highlighted periods and labelled annotations drawn over a chart.

The labels are :class:`Label` annotations at a first position; :mod:`memokit.figures.place`
moves them, once the chart is laid out, so that none covers another, the legend or the data.
Imported only when a chart is actually drawn (it imports matplotlib).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from matplotlib.axes import Axes
from matplotlib.text import Annotation
from matplotlib.transforms import Transform, blended_transform_factory

from memokit.data.series import ChartData
from memokit.figures.style import Look

DASH = (0, (2.5, 2))  # annotation lines: short dashes


class Label(Annotation):
    """A label the placer may move around its anchor ``xy`` (in the transform ``xycoords``).

    ``role``: 'span' (a highlighted period's label, at the top of the period), 'line' (a labelled
    line across the chart) or 'point' (a labelled point). ``horizontal``: categories run down
    the y axis (barh), so spans and lines run across.
    """

    def __init__(self, role: str, horizontal: bool, text: str, xy: tuple[float, float],
                 coords: Transform, **kw: object) -> None:
        super().__init__(text, xy, xycoords=coords, xytext=(0, 0), textcoords="offset points",
                         **kw)  # type: ignore[arg-type]
        self.role = role
        self.horizontal = horizontal
        self.set_in_layout(False)  # kept inside the axes by the placer, never shrinks them


def point_values(data: ChartData) -> list[float]:
    """The y values of the labelled points, which the value axis must hold."""
    return [float(a.y) for a in data.annotations if a.y is not None]


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
    text = {"fontsize": look.tick_size, "color": look.label_colour, "zorder": 4}
    for h in data.highlight:
        a, b = sorted((pos(h.start), pos(h.end)))
        a, b = a - pad, b + pad
        span(a, b, color=look.grid_colour, linewidth=0, zorder=1)
        if h.label:
            xy = (1.0, (a + b) / 2) if horizontal else ((a + b) / 2, 1.0)
            _add(ax, Label("span", horizontal, h.label, xy, along, ha="right" if horizontal
                           else "center", va="center" if horizontal else "top", **text))
    for note in data.annotations:
        p = pos(note.x)
        if note.y is None:
            line = ax.axhline if horizontal else ax.axvline
            line(p, color=look.axis_colour, linewidth=look.axis_width, linestyle=DASH, zorder=2.5)
            xy = (1.0, p) if horizontal else (p, 1.0)
            _add(ax, Label("line", horizontal, note.text, xy, along,
                           ha="right" if horizontal else "left", va="top", **text))
        else:
            xy = (note.y, p) if horizontal else (p, note.y)
            ax.plot(*xy, marker="o", markersize=look.line_width * 2, color=look.label_colour,
                    zorder=4, clip_on=False)
            _add(ax, Label("point", horizontal, note.text, xy, ax.transData, ha="left",
                           va="bottom", **text))


def _add(ax: Axes, label: Label) -> None:
    ax.add_artist(label)


def labels(ax: Axes) -> Sequence[Label]:
    """The movable labels of ``ax``, in the order they were drawn."""
    return [t for t in ax.texts if isinstance(t, Label)]
