"""The chart kinds, drawn with the matplotlib object API onto a fresh Figure.

Each kind is a function ``(fig, ax, data, look) -> None`` registered in :data:`KINDS`.
Imported only when a chart is actually drawn (it imports matplotlib).
"""

from __future__ import annotations

import math
from collections.abc import Callable

from matplotlib.axes import Axes
from matplotlib.figure import Figure as MplFigure
from matplotlib.patches import Patch

from memokit.data.series import ChartData, Value
from memokit.figures import axes as ax_
from memokit.figures.bars import bar_series
from memokit.figures.marks import marks, point_values
from memokit.figures.style import Look

Draw = Callable[[MplFigure, Axes, ChartData, Look], None]


def _nan(v: Value) -> float:
    return math.nan if v is None else float(v)


def _values(data: ChartData) -> list[float]:
    return [float(y) for s in data.series for y in s.ys if y is not None]


def _spans(data: ChartData, look: Look, biggest: float | None = None,
           horizontal: bool = False) -> tuple[float, float]:
    big = biggest if biggest is not None else max(abs(v) for v in _values(data))
    return ax_.spans(data, look, big, horizontal)


def _labels(ax: Axes, data: ChartData, horizontal: bool = False) -> None:
    xl, yl = (data.y_label, data.x_label) if horizontal else (data.x_label, data.y_label)
    if xl:
        ax.set_xlabel(xl)
    if yl:
        ax.set_ylabel(yl)


def _x_axis(ax: Axes, data: ChartData, look: Look, pos: Callable[[object], float]) -> None:
    span_x, _ = _spans(data, look)
    if data.x_type == "date":
        ax_.date_axis(ax.xaxis, data, pos, span_x, look)
    elif data.x_type == "number":
        ax_.number_axis(ax, "x", data, span_x, look)
    else:
        ax_.category_axis(ax, "x", data, span_x, look)


def _x_limits(ax: Axes, data: ChartData, pos: Callable[[object], float], pad: float) -> None:
    lo, hi = pos(data.x[0]), pos(data.x[-1])
    if data.x_type == "category":
        lo, hi = lo - 0.5, hi + 0.5
    width = (hi - lo) or 1.0
    ax.set_xlim(lo - pad * width, hi + pad * width)


def line(fig: MplFigure, ax: Axes, data: ChartData, look: Look) -> None:
    """One line per series; gaps where a value is missing; small markers on short series."""
    pos = ax_.continuous_position(data)
    handles = []
    for i, s in enumerate(data.series):
        pts = sorted(zip(s.xs, s.ys), key=lambda p: pos(p[0]))
        marker = "o" if len(pts) <= 15 else None
        (h,) = ax.plot([pos(x) for x, _ in pts], [_nan(y) for _, y in pts], color=look.palette[i],
                       marker=marker, markersize=look.line_width * 2.4, clip_on=False, zorder=3)
        handles.append(h)
    _x_limits(ax, data, pos, 0.015 if len(data.x) <= 15 else 0.0)
    _x_axis(ax, data, look, pos)
    ax_.value_axis(ax, "y", data, _spans(data, look)[1], look)
    ax_.value_limits(ax, _values(data) + point_values(data), zero=ax_.zero_rule(data, "near"))
    marks(ax, data, look, pos)
    _labels(ax, data)
    ax_.legend(fig, ax, handles, [s.name for s in data.series], look, data.legend)


def area(fig: MplFigure, ax: Axes, data: ChartData, look: Look, stacked: bool = False) -> None:
    """Filled areas from zero (overlaid, lighter fill with a line on top) or stacked."""
    pos = ax_.continuous_position(data)
    xs = [pos(x) for x in data.x]
    rows = data.aligned()
    base = [0.0] * len(xs)
    handles = []
    totals: list[float] = [] if data.y_from_zero is False else [0.0]
    for i, r in enumerate(rows):
        colour = look.palette[i]
        if stacked:
            top = [b + (v or 0.0) for b, v in zip(base, r)]
            ax.fill_between(xs, base, top, color=colour, linewidth=0, zorder=2)
            handles.append(Patch(color=colour))
            base = top
            totals += top
        else:
            ys = [_nan(v) for v in r]
            ax.fill_between(xs, 0, ys, color=colour, alpha=0.18, linewidth=0, zorder=2)
            (h,) = ax.plot(xs, ys, color=colour, zorder=3, clip_on=False)
            handles.append(h)
    _x_limits(ax, data, pos, 0.0)
    _x_axis(ax, data, look, pos)
    ax_.value_axis(ax, "y", data, _spans(data, look)[1], look)
    ax_.value_limits(ax, totals + _values(data) + point_values(data),
                     zero=ax_.zero_rule(data, "always"))
    marks(ax, data, look, pos)
    _labels(ax, data)
    ax_.legend(fig, ax, handles, [s.name for s in data.series], look, data.legend)


def stacked_area(fig: MplFigure, ax: Axes, data: ChartData, look: Look) -> None:
    area(fig, ax, data, look, stacked=True)


def bars(fig: MplFigure, ax: Axes, data: ChartData, look: Look, mode: str = "grouped",
         horizontal: bool = False) -> None:
    """Vertical or horizontal bars per category: one series, grouped side by side, or stacked."""
    rows = data.aligned()
    n = len(rows)
    slots = list(range(len(data.x)))
    if horizontal:
        ax.invert_yaxis()  # first category at the top
    pos_base = [0.0] * len(slots)
    neg_base = [0.0] * len(slots)
    handles = []
    ends: list[float] = [] if data.y_from_zero is False else [0.0]
    for i, r in enumerate(rows):
        colour = look.palette[i]
        vals = [v or 0.0 for v in r]
        if mode == "stacked":
            starts = [pb if v >= 0 else nb for v, pb, nb in zip(vals, pos_base, neg_base)]
            where, size = slots, look.bar_width
            pos_base = [pb + max(v, 0) for v, pb in zip(vals, pos_base)]
            neg_base = [nb + min(v, 0) for v, nb in zip(vals, neg_base)]
        else:
            size = look.bar_width / n
            where = [s - look.bar_width / 2 + size * (i + 0.5) for s in slots]
            starts = [0.0] * len(slots)
        keep = [j for j, v in enumerate(r) if v is not None]
        bar_series(ax, [where[j] for j in keep], [vals[j] for j in keep], [starts[j] for j in keep],
                   size, colour, zorder=2, horizontal=horizontal)
        handles.append(Patch(color=colour))
        ends += [s + v for s, v in zip(starts, vals)]
    span_x, span_y = _spans(data, look, max(abs(v) for v in ends), horizontal)
    if horizontal:
        ax.set_ylim(len(slots) - 0.5, -0.5)
        ax_.category_axis(ax, "y", data, span_y, look)
        ax_.value_axis(ax, "x", data, span_x, look)
        ax_.value_limits(ax, ends + point_values(data), axis_name="x", zero=ax_.zero_rule(data, "always"))
        ax.spines["left"].set_visible(True)
    else:
        ax.set_xlim(-0.5 - (1 - look.bar_width) / 4, len(slots) - 0.5 + (1 - look.bar_width) / 4)
        ax_.category_axis(ax, "x", data, span_x, look)
        ax_.value_axis(ax, "y", data, span_y, look)
        ax_.value_limits(ax, ends + point_values(data), zero=ax_.zero_rule(data, "always"))
    marks(ax, data, look, ax_.category_position(data), slots=True, horizontal=horizontal)
    _labels(ax, data, horizontal)
    ax_.legend(fig, ax, handles, [s.name for s in data.series], look, data.legend)


def scatter(fig: MplFigure, ax: Axes, data: ChartData, look: Look) -> None:
    """Points per series, on numeric or date x."""
    pos = ax_.continuous_position(data)
    handles = []
    for i, s in enumerate(data.series):
        pts = [(pos(x), float(y)) for x, y in zip(s.xs, s.ys) if y is not None]
        h = ax.scatter([p[0] for p in pts], [p[1] for p in pts], s=(look.line_width * 2.6) ** 2,
                       color=look.palette[i], linewidths=0, alpha=0.85, zorder=3, clip_on=False)
        handles.append(h)
    _x_limits(ax, data, pos, 0.04)
    _x_axis(ax, data, look, pos)
    ax_.value_axis(ax, "y", data, _spans(data, look)[1], look)
    ax_.value_limits(ax, _values(data) + point_values(data), zero=ax_.zero_rule(data, "never"))
    marks(ax, data, look, pos)
    if look.grid:
        ax.grid(True, axis="x", which="major")
    _labels(ax, data)
    ax_.legend(fig, ax, handles, [s.name for s in data.series], look, data.legend)


KINDS: dict[str, Draw] = {
    "line": line,
    "area": area,
    "stacked-area": stacked_area,
    "bar": bars,
    "grouped-bar": bars,
    "stacked-bar": lambda f, a, d, lk: bars(f, a, d, lk, mode="stacked"),
    "barh": lambda f, a, d, lk: bars(f, a, d, lk, horizontal=True),
    "scatter": scatter,
}
