"""From a data set and a chart spec to the series a chart draws
(no matplotlib here): the resolve stage checks every chart with it, the figure code draws from it.

Long data (``series`` names a column: one series per distinct value) and wide
data (``y`` lists columns: one series per column) both end up as a tuple of
:class:`Series`. Everything a chart cannot draw truthfully is refused with a
located :class:`memokit.errors.ContentError`.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Literal

from memokit.data.read import column_kind
from memokit.errors import ContentError, Diagnostic, did_you_mean
from memokit.model.nodes import Annotation, DataSet, Figure, Highlight

XType = Literal["date", "number", "category"]
Value = float | None

KINDS = ("line", "bar", "barh", "grouped-bar", "stacked-bar", "area", "stacked-area", "scatter")


@dataclass(frozen=True)
class Series:
    """One line, bar group or point cloud: its name and its (x, y) points in data order."""

    name: str
    xs: tuple[object, ...]
    ys: tuple[Value, ...]


@dataclass(frozen=True)
class ChartData:
    """What one chart draws: the x values in axis order and the series on them."""

    kind: str
    x_type: XType
    x: tuple[object, ...]  # distinct x values: sorted dates/numbers, categories in data order
    series: tuple[Series, ...]
    integer: bool  # every y value is a whole number
    x_label: str | None
    y_label: str | None
    y_format: str | None = None
    y_unit: str | None = None
    y_from_zero: bool | None = None
    legend: str | None = None
    highlight: tuple[Highlight, ...] = ()
    annotations: tuple[Annotation, ...] = ()

    def aligned(self) -> list[list[Value]]:
        """Each series' y on ``self.x`` (None where a series has no point)."""
        out = []
        for s in self.series:
            by_x = dict(zip(s.xs, s.ys))
            out.append([by_x.get(x) for x in self.x])
        return out

    def key(self) -> list[object]:
        """A JSON-able form of everything drawn, for the cache key."""
        return [self.kind, self.x_type, [_plain(v) for v in self.x], self.integer, self.x_label,
                self.y_label, [[s.name, [_plain(v) for v in s.xs], [_plain(v) for v in s.ys]]
                               for s in self.series],
                self.y_format, self.y_unit, self.y_from_zero, self.legend,
                [[_plain(h.start), _plain(h.end), h.label] for h in self.highlight],
                [[_plain(a.x), a.text, a.y] for a in self.annotations]]


def _plain(v: object) -> object:
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, float):
        return repr(v)
    return v


def chart_error(figure: Figure, message: str, key: str | None = None) -> ContentError:
    """A located error about a figure's chart: at the key at fault when its place is known."""
    at = dict(figure.field_spans).get(key) if key else None
    if at is not None:
        return ContentError([Diagnostic.at(at, message)])
    span = figure.span
    field = (span.field if span and span.field else f"figure '{figure.id}'") + (f".{key}" if key else "")
    return ContentError([Diagnostic(span.file if span else "<memo>", span.line if span else None,
                                    span.column if span else None, field, message)])


def _number(v: object) -> Value:
    if v is None:
        return None
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        raise TypeError(v)
    f = float(v)
    return None if math.isnan(f) else f


def chart_data(figure: Figure, data: dict[str, DataSet], max_series: int) -> ChartData:
    """The series ``figure.chart`` draws from ``data``; ContentError if it cannot be drawn as asked."""
    spec = figure.chart
    if spec.kind not in KINDS:
        raise chart_error(figure, f"chart kind '{spec.kind}' is not supported"
                          f"{did_you_mean(spec.kind, KINDS)}; use one of {', '.join(KINDS)}", "chart")
    ds = data.get(spec.data)
    if ds is None:
        raise chart_error(figure, f"no data set named '{spec.data}'{did_you_mean(spec.data, data)}",
                          "data")
    for key, col in [("x", spec.x), *(("y", c) for c in spec.y), ("series", spec.series)]:
        if col is not None and col not in ds.columns:
            raise chart_error(figure, f"column '{col}' is not in data set '{ds.name}'"
                              f"{did_you_mean(col, ds.columns)}", key)
    if not spec.y:
        raise chart_error(figure, "name at least one y column", "y")
    if spec.series and len(spec.y) > 1:
        raise chart_error(figure, "give either 'series' (long data) or several 'y' columns (wide "
                          "data), not both", "series")
    xi = ds.columns.index(spec.x)
    if any(r[xi] is None for r in ds.rows):
        raise chart_error(figure, f"column '{spec.x}' has empty cells; every row needs an x value",
                          "x")
    if spec.series:
        si = ds.columns.index(spec.series)
        names = list(dict.fromkeys(r[si] for r in ds.rows))
        cols = [(str(n) if n is not None else "", ds.columns.index(spec.y[0]), n) for n in names]
    else:
        si = None
        cols = [(c, ds.columns.index(c), None) for c in spec.y]
    series = []
    for name, yi, value in cols:
        rows = [r for r in ds.rows if si is None or r[si] == value]
        try:
            ys = tuple(_number(r[yi]) for r in rows)
        except TypeError as exc:
            raise chart_error(figure, f"column '{ds.columns[yi]}' holds {exc.args[0]!r}; a chart's y "
                              "values must be numbers", "y") from None
        xs = tuple(r[xi] for r in rows)
        if spec.kind != "scatter" and len(set(xs)) != len(xs):
            dup = next(x for x in xs if xs.count(x) > 1)
            where = f" and {spec.series} = {value}" if spec.series else ""
            raise chart_error(figure, f"more than one row has {spec.x} = {_plain(dup)}{where}; "
                              "a chart needs one value per x (per series): aggregate the data set "
                              "with group_by and aggregate, or name the series column", "x")
        series.append(Series(name, xs, ys))
    series = _ordered(figure, series)
    if len(series) > max_series:
        raise chart_error(figure, f"{len(series)} series but the house palette has {max_series} "
                          "colours; filter the data set or split the chart", "series")
    x_type: XType = column_kind([r[xi] for r in ds.rows])  # type: ignore[assignment]
    if spec.kind == "scatter" and x_type == "category":
        raise chart_error(figure, f"a scatter chart needs numbers or dates in '{spec.x}'; use a bar "
                          "chart for categories", "x")
    xs_all = list(dict.fromkeys(r[xi] for r in ds.rows))
    if x_type != "category":
        xs_all.sort()  # type: ignore[type-var]
    else:
        xs_all = [str(x) for x in xs_all]
        series = [Series(s.name, tuple(str(x) for x in s.xs), s.ys) for s in series]
    ys_all = [y for s in series for y in s.ys if y is not None]
    if not ys_all:
        raise chart_error(figure, "the chart has no values to draw (every y cell is empty); fill in "
                          "the data, or name a y column that holds numbers", "y")
    if spec.kind == "stacked-area" and min(ys_all) < 0:
        raise chart_error(figure, "a stacked area chart needs values of zero or more; use a line "
                          "chart or a stacked bar chart for data with negative values", "chart")
    return ChartData(spec.kind, x_type, tuple(xs_all), tuple(series),
                     all(float(y).is_integer() for y in ys_all), spec.x_label, spec.y_label,
                     spec.y_format, spec.y_unit, spec.y_from_zero, spec.legend, spec.highlight,
                     spec.annotations)


def _ordered(figure: Figure, series: list[Series]) -> list[Series]:
    """Series in ``series_order`` (the rest after, in data order), named by ``series_labels``."""
    spec = figure.chart
    names = [s.name for s in series]
    for key, given in (("series_order", spec.series_order),
                       ("series_labels", tuple(k for k, _ in spec.series_labels))):
        for name in given:
            if name not in names:
                raise chart_error(figure, f"there is no series '{name}'{did_you_mean(name, names)}; "
                                  f"the series are: {', '.join(names)}", key)
    rank = {n: i for i, n in enumerate(spec.series_order)}
    out = sorted(series, key=lambda s: (rank.get(s.name, len(rank)), names.index(s.name)))
    labels = dict(spec.series_labels)
    return [Series(labels.get(s.name, s.name), s.xs, s.ys) for s in out]
