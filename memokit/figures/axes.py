"""Axis set-up shared by the chart kinds: positions, ticks, value axis, legend.

Imported only when a chart is actually drawn (it imports matplotlib).
"""

from __future__ import annotations

import datetime as dt
import math
import textwrap
from collections.abc import Callable, Sequence

from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.backends.backend_mixed import MixedModeRenderer
from matplotlib.figure import Figure as MplFigure
from matplotlib.lines import Line2D
from matplotlib.markers import MarkerStyle
from matplotlib.ticker import FixedLocator, Formatter, MaxNLocator, NullLocator
from matplotlib.transforms import Affine2D, ScaledTranslation, blended_transform_factory

from memokit.data.series import ChartData
from memokit.figures.style import Look
from memokit.figures.ticks import (
    CHAR_EM,
    ENGLISH,
    date_label,
    date_ticks,
    decimals_for,
    fits,
    format_number,
    format_value,
    is_yearish,
    label_width,
)
from memokit.lang import Numbers

LINE_EM = 1.6  # height of a line of chart text, in ems, with its padding


class NumberFormatter(Formatter):
    """Grouped digits ('12,500'), as many decimals as the tick step needs, years as written."""

    def __init__(self, yearish: bool = False, fmt: str | None = None, unit: str | None = None,
                 sym: Numbers = ENGLISH):
        self.yearish = yearish
        self.sym = sym
        self.fmt = fmt
        self.unit = unit
        self.decimals = 0

    def set_locs(self, locs: Sequence[float]) -> None:
        self.decimals = decimals_for(list(locs))

    def __call__(self, x: float, pos: int | None = None) -> str:
        if self.fmt or self.unit:
            return format_value(x, self.decimals, self.fmt, self.unit, self.sym)
        return format_number(x, self.decimals, yearish=self.yearish, group=self.sym.group,
                             decimal=self.sym.decimal)


def spans(data: ChartData, look: Look, biggest: float, horizontal: bool = False,
          legend_rows: int = 1) -> tuple[float, float]:
    """Estimated length in points of the x and y axes inside the figure.

    ``biggest`` is the largest absolute value on the value axis (for its label width).
    """
    value_label = label_width(format_value(biggest, 0, data.y_format, data.y_unit, look.numbers),
                              look.tick_size)
    if horizontal:
        cats = [str(v) for v in data.x]
        left = min(max(label_width(c, look.tick_size) for c in cats), look.width * 0.4)
        bottom = LINE_EM * look.tick_size
    else:
        left = value_label + look.tick_size
        bottom = LINE_EM * look.tick_size * (2 if data.x_type == "category" else 1)
    if data.x_label:
        bottom += LINE_EM * look.text_size
    if data.y_label:
        left += LINE_EM * look.text_size
    legend_at = data.legend or "top"
    shown = len(data.series) > 1 and legend_at != "none"
    top = LINE_EM * look.text_size * legend_rows if shown and legend_at == "top" else look.tick_size
    if shown and legend_at == "bottom":
        bottom += LINE_EM * look.text_size * legend_rows
    return max(look.width - left - look.tick_size, 20.0), max(look.height - top - bottom, 20.0)


def continuous_position(data: ChartData) -> Callable[[object], float]:
    """x value -> axis position for lines, areas and points (dates as day numbers)."""
    if data.x_type == "date":
        return lambda v: float(v.toordinal())  # type: ignore[attr-defined]
    if data.x_type == "number":
        return lambda v: float(v)  # type: ignore[arg-type]
    index = {x: i for i, x in enumerate(data.x)}
    return lambda v: float(index[v])


def category_position(data: ChartData) -> Callable[[object], float]:
    """x value -> slot index for bar charts (dates between slots interpolated)."""
    index = {x: i for i, x in enumerate(data.x)}
    if data.x_type != "date":
        return lambda v: float(index[v])
    days = [x.toordinal() for x in data.x]  # type: ignore[attr-defined]

    def pos(v: object) -> float:
        if v in index:
            return float(index[v])
        d = v.toordinal()  # type: ignore[attr-defined]
        for i in range(len(days) - 1):
            if days[i] <= d <= days[i + 1]:
                return i + (d - days[i]) / (days[i + 1] - days[i])
        return 0.0 if d < days[0] else float(len(days) - 1)

    return pos


def _monthly(xs: Sequence[dt.date]) -> bool:
    return any((d.month, d.day) != (1, 1) for d in xs)


def date_axis(axis, data: ChartData, pos: Callable[[object], float], span_pt: float,  # type: ignore[no-untyped-def]
              look: Look) -> None:
    """Calendar ticks on ``axis`` for date x values placed by ``pos``."""
    xs: list[dt.date] = list(data.x)  # type: ignore[arg-type]
    if not _monthly(xs):  # yearly data: one label per year
        step = next(s for s in (1, 2, 5, 10, 20, 50, 100)
                    if fits([str(d.year) for d in xs[::s]], span_pt, look.tick_size) or s == 100)
        ticks = [d for d in xs if d.year % step == 0] if step > 1 else xs
        axis.set_major_locator(FixedLocator([pos(d) for d in ticks]))
        axis.set_major_formatter(_fixed([str(d.year) for d in ticks]))
        axis.set_minor_locator(NullLocator())
        return
    t = date_ticks(xs[0], xs[-1], span_pt, look.tick_size, look.month_short)
    axis.set_major_locator(FixedLocator([pos(d) for d in t.major]))
    axis.set_major_formatter(_fixed(list(t.labels)))
    minor_ticks(axis, [pos(d) for d in t.minor if d not in t.major])


MINOR_TICKS_GID = "memokit-minor-ticks"


def minor_ticks(axis, locs: list[float]) -> None:  # type: ignore[no-untyped-def]
    """Minor ticks at ``locs`` on the x ``axis``, drawn by one artist (:class:`TickMarks`).

    Each of matplotlib's own ticks is five artists, moved again on every layout pass: the 80
    minor ticks of a monthly chart took a third of its drawing time. The marks copy a minor
    tick's mark (size, width, colour, direction) to every position and are drawn where the
    axis draws its ticks (by zorder, with the axis), so a raster image has the ticks' very
    pixels. They are not among the axes' lines and take no part in the layout.
    """
    axis.set_minor_locator(NullLocator())
    if not locs:
        return
    mark = axis.get_minor_ticks(1)[0].tick1line
    line = Line2D(locs, [0.0] * len(locs))
    line.update_from(mark)
    line.set_transform(mark.get_transform())
    line.set_gid(MINOR_TICKS_GID)
    marks = TickMarks(line, _strokes(axis.axes, locs, mark))
    marks.set_zorder(axis.get_zorder())
    marks.set_in_layout(False)
    axis.axes.add_artist(marks)
    marks.set_clip_path(None)  # as a tick: not clipped to the axes
    for part in (line, marks.strokes):
        part.set_figure(axis.axes.get_figure(root=False))


def _strokes(ax: Axes, locs: list[float], mark: Line2D) -> Line2D:
    """The tick marks as one stroked path: the mark's own segment (in points from the axis
    line) at every position, each a piece of the path."""
    style = MarkerStyle(mark.get_marker())
    ends = style.get_path().transformed(style.get_transform()).vertices * mark.get_markersize()
    xs = [v for x in locs for v in (x, x, math.nan)]  # a tick mark is vertical
    ys = [v for _ in locs for v in (ends[0][1], ends[-1][1], math.nan)]
    fig = ax.get_figure(root=True)
    points_up = Affine2D().scale(1, 1 / 72) + fig.dpi_scale_trans + ScaledTranslation(0, 0, ax.transAxes)
    return Line2D(xs, ys, transform=blended_transform_factory(ax.transData, points_up),
                  color=mark.get_markeredgecolor(), linewidth=mark.get_markeredgewidth(),
                  solid_capstyle="butt", marker="", gid=MINOR_TICKS_GID)


class TickMarks(Artist):
    """Tick marks among the axes' artists, not among its lines: a line of tick markers in a
    raster image (the ticks' pixels), one stroked path in a vector one (an SVG or PDF holds
    one path instead of a copy of the mark per tick)."""

    def __init__(self, line: Line2D, strokes: Line2D) -> None:
        super().__init__()
        self.line = line
        self.strokes = strokes

    def draw(self, renderer) -> None:  # type: ignore[no-untyped-def]
        if self.get_visible():
            vector = isinstance(renderer, MixedModeRenderer)  # SVG, PDF, PS
            (self.strokes if vector else self.line).draw(renderer)
        self.stale = False


def _fixed(labels: list[str]) -> Formatter:
    from matplotlib.ticker import FixedFormatter

    return FixedFormatter(labels)


def category_axis(ax: Axes, axis_name: str, data: ChartData, span_pt: float, look: Look) -> None:
    """One tick per category on the x ('x') or y ('y') axis, labels wrapped or thinned to fit."""
    axis = ax.xaxis if axis_name == "x" else ax.yaxis
    n = len(data.x)
    if data.x_type == "date":
        if axis_name == "x":
            date_axis(axis, data, category_position(data), span_pt, look)
            return
        monthly = _monthly(list(data.x))  # type: ignore[arg-type]
        labels = [date_label(d, look.month_short, monthly) for d in data.x]  # type: ignore[arg-type]
    elif data.x_type == "number":
        yearish = is_yearish(data.x)  # type: ignore[arg-type]
        labels = [format_number(float(v), decimals_for([float(v)]), yearish=yearish,  # type: ignore[arg-type]
                                group=look.numbers.group, decimal=look.numbers.decimal)
                  for v in data.x]
    else:
        labels = [str(v) for v in data.x]
    ticks = list(range(n))
    ax.tick_params(axis=axis_name, which="both", length=0)
    if axis_name == "y":
        axis.set_major_locator(FixedLocator(ticks))
        axis.set_major_formatter(_fixed(labels))
        return
    if data.x_type == "number" and not fits(labels, span_pt, look.tick_size):
        step = next(s for s in (2, 5, 10, 20, 50, 100, n) if fits(labels[::s], span_pt, look.tick_size))
        ticks, labels = ticks[::step], labels[::step]
    elif data.x_type == "category":
        slot = span_pt / max(n, 1)
        chars = max(4, int(slot / (CHAR_EM * look.tick_size)) - 1)
        wrapped = [textwrap.fill(t, chars, break_long_words=False) for t in labels]
        if all(fits([line], slot * n, look.tick_size) for w in wrapped for line in w.split("\n")) \
                and max(w.count("\n") for w in wrapped) <= 2:
            labels = wrapped
        else:
            axis.set_major_locator(FixedLocator(ticks))
            axis.set_major_formatter(_fixed(labels))
            for label in axis.get_ticklabels():
                label.set_rotation(40)
                label.set_horizontalalignment("right")
                label.set_rotation_mode("anchor")
            return
    axis.set_major_locator(FixedLocator(ticks))
    axis.set_major_formatter(_fixed(labels))


def value_axis(ax: Axes, axis_name: str, data: ChartData, span_pt: float, look: Look) -> None:
    """Grouped-digit ticks on the value axis, light grid lines across the chart."""
    axis = ax.yaxis if axis_name == "y" else ax.xaxis
    if axis_name == "y":
        nbins = int(span_pt / (3.6 * look.tick_size))
    else:
        biggest = max(abs(float(y)) for s in data.series for y in s.ys if y is not None)
        nbins = int(span_pt / (label_width(format_number(biggest * 1.5, 0), look.tick_size)
                               + 2 * look.tick_size))
    axis.set_major_locator(MaxNLocator(nbins=max(2, min(6, nbins)), steps=[1, 2, 2.5, 5, 10],
                                       integer=data.integer, min_n_ticks=2))
    axis.set_major_formatter(NumberFormatter(fmt=data.y_format, unit=data.y_unit, sym=look.numbers))
    if look.grid:
        ax.grid(True, axis=axis_name, which="major")
        ax.spines["left" if axis_name == "y" else "bottom"].set_visible(False)
        ax.tick_params(axis=axis_name, which="both", length=0)


def number_axis(ax: Axes, axis_name: str, data: ChartData, span_pt: float, look: Look) -> None:
    """A continuous numeric x axis (years printed as written)."""
    axis = ax.xaxis if axis_name == "x" else ax.yaxis
    xs = [float(v) for v in data.x]  # type: ignore[arg-type]
    integer = all(v.is_integer() for v in xs)
    formatter = NumberFormatter(yearish=is_yearish(xs), sym=look.numbers)
    labels = [format_number(v, 0, yearish=formatter.yearish, group=look.numbers.group) for v in xs]
    steps = {b - a for a, b in zip(sorted(xs), sorted(xs)[1:])}
    if integer and len(xs) <= 24 and len(steps) <= 1 and fits(labels, span_pt, look.tick_size):
        axis.set_major_locator(FixedLocator(xs))  # a tick at every value: 2021, 2022, ...
    else:
        widest = max(label_width(t, look.tick_size) for t in labels) + 2 * look.tick_size
        nbins = max(2, min(10, int(span_pt / widest)))
        axis.set_major_locator(MaxNLocator(nbins=nbins, steps=[1, 2, 2.5, 5, 10], integer=integer))
    axis.set_major_formatter(formatter)


def zero_rule(data: ChartData, default: str) -> str:
    """The chart kind's rule for zero on the value axis, unless ``y_from_zero`` says otherwise."""
    if data.y_from_zero is None:
        return default
    return "always" if data.y_from_zero else "never"


def value_limits(ax: Axes, values: Sequence[float], axis_name: str = "y", zero: str = "near") -> None:
    """Value-axis limits on tick values around the data.

    ``zero``: 'always' starts the axis at zero (bars, areas), 'near' when the data sit
    close to it (lines: smallest value at most half the largest), 'never' (points).
    """
    axis = ax.yaxis if axis_name == "y" else ax.xaxis
    vmin, vmax = min(values), max(values)
    lo, hi = vmin, vmax
    if zero != "never" and vmin >= 0 and (zero == "always" or vmin <= 0.5 * vmax):
        lo = 0.0
    if zero != "never" and vmax <= 0 and (zero == "always" or vmax >= 0.5 * vmin):
        hi = 0.0
    if lo == hi:
        lo, hi = (lo - 1, hi + 1) if lo != 0 else (0.0, 1.0)
    locator = axis.get_major_locator()
    for _ in range(4):  # snap to ticks until the tick step no longer changes
        ticks = list(locator.tick_values(lo, hi))
        new_lo = max((t for t in ticks if t <= lo + 1e-9 * abs(hi - lo)), default=lo)
        new_hi = min((t for t in ticks if t >= hi - 1e-9 * abs(hi - lo)), default=hi)
        if (new_lo, new_hi) == (lo, hi):
            break
        lo, hi = new_lo, new_hi
    (ax.set_ylim if axis_name == "y" else ax.set_xlim)(lo, hi)


PLACES = {"top": "outside upper left", "bottom": "outside lower left", "right": "outside right upper"}


def legend(fig: MplFigure, ax: Axes, handles: list, labels: list[str], look: Look,  # type: ignore[type-arg]
           where: str | None = None) -> None:
    """A frameless legend above the plot (or below, or right, or none), in as few rows as fit."""
    where = where or "top"
    if len(handles) < 2 or where == "none":
        return
    if where == "right":
        fig.legend(handles, labels, loc=PLACES[where], ncols=1)
        return
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    width_px = look.width * fig.dpi / 72
    for ncols in range(len(handles), 0, -1):
        leg = fig.legend(handles, labels, loc=PLACES[where], ncols=ncols)
        if ncols == 1 or leg.get_window_extent(renderer).width <= width_px:
            return
        leg.remove()
