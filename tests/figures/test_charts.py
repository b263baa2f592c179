"""Every chart kind draws exactly the data: values read back from the matplotlib artists."""

from __future__ import annotations

import math

import matplotlib
import numpy as np
import pytest
from matplotlib.collections import PathCollection, PolyCollection
from matplotlib.figure import Figure as MplFigure
from matplotlib.lines import Line2D

from memokit.data.series import chart_data
from memokit.figures.draw import build_figure
from memokit.figures.style import look_for
from memokit.model.nodes import ChartSpec, DataSet
from memokit.model.walk import figures
from memokit.style.theme import Theme
from tests.figures.conftest import MONTHS, TYPES, long_events, make_memo, wide_personnel


def draw(theme: Theme, ds: DataSet, spec: ChartSpec, width: str = "page") -> MplFigure:
    memo = make_memo([ds], spec, width=width)
    look = look_for(theme, width, "en")
    return build_figure(chart_data(figures(memo)[0], memo.data, len(look.palette)), look)


def per_type(ds: DataSet) -> dict[str, list[float]]:
    return {t: [r[2] for r in ds.rows if r[1] == t] for t in TYPES}


def colour(c: object) -> str:
    return matplotlib.colors.to_hex(c).upper()  # type: ignore[arg-type]


def test_stacked_bars_stack_each_month_in_series_order(theme: Theme) -> None:
    ds = long_events()
    fig = draw(theme, ds, ChartSpec("stacked-bar", "events", "month", ("events",), "event_type"))
    ax = fig.axes[0]
    want = per_type(ds)
    assert len(ax.containers) == 3
    bottoms = [0.0] * 12
    for i, (container, t) in enumerate(zip(ax.containers, TYPES)):
        bars = sorted(container.patches, key=lambda p: p.get_x())
        assert [b.get_height() for b in bars] == want[t]
        assert [b.get_y() for b in bars] == bottoms
        assert {colour(b.get_facecolor()) for b in bars} == {theme.palette[i]}
        bottoms = [b + h for b, h in zip(bottoms, want[t])]
    tops = [max(p.get_y() + p.get_height() for c in ax.containers for p in c.patches
                if abs(p.get_x() + p.get_width() / 2 - k) < 1e-9) for k in range(12)]
    assert tops == [sum(want[t][k] for t in TYPES) for k in range(12)]
    assert ax.get_ylim()[0] == 0 and ax.get_ylim()[1] >= max(tops)
    legend = fig.legends[0]
    assert [t.get_text() for t in legend.get_texts()] == list(TYPES)
    assert legend.get_frame_on() is False


def test_stacked_bars_stack_negative_values_below_zero(theme: Theme) -> None:
    ds = DataSet("d", ("x", "s", "y"), (("a", "p", 3), ("a", "q", -2), ("a", "r", 4), ("a", "t", -1)))
    ax = draw(theme, ds, ChartSpec("stacked-bar", "d", "x", ("y",), "s")).axes[0]
    spans = [(p.get_y(), p.get_y() + p.get_height()) for c in ax.containers for p in c.patches]
    assert sorted(map(sorted, spans)) == [[-3, -2], [-2, 0], [0, 3], [3, 7]]


def test_lines_pass_through_every_value(theme: Theme) -> None:
    ds = long_events()
    fig = draw(theme, ds, ChartSpec("line", "events", "month", ("events",), "event_type"))
    lines = [ln for ln in fig.axes[0].get_lines() if len(ln.get_xdata()) > 1]
    want = per_type(ds)
    assert len(lines) == 3
    for i, (ln, t) in enumerate(zip(lines, TYPES)):
        assert list(ln.get_ydata()) == want[t]
        assert list(ln.get_xdata()) == [m.toordinal() for m in MONTHS]
        assert colour(ln.get_color()) == theme.palette[i]
        assert ln.get_linewidth() == theme.figures.line_width
    labels = [t.get_text() for t in fig.axes[0].get_xticklabels()]
    assert labels[0] == "Jan 2024" and "Jul" in labels


def test_a_missing_value_leaves_a_gap_in_a_line(theme: Theme) -> None:
    ds = DataSet("d", ("year", "a"), ((2020, 1.5), (2021, None), (2022, 3.0)))
    ln = draw(theme, ds, ChartSpec("line", "d", "year", ("a",))).axes[0].get_lines()[0]
    ys = list(ln.get_ydata())
    assert ys[0] == 1.5 and math.isnan(ys[1]) and ys[2] == 3.0
    ticks = [t.get_text() for t in ln.axes.get_xticklabels()]
    assert ticks == ["2020", "2021", "2022"]  # years without a thousands separator


def test_grouped_bars_sit_side_by_side_within_each_year(theme: Theme) -> None:
    ds = wide_personnel()
    fig = draw(theme, ds, ChartSpec("grouped-bar", "personnel", "year", ("ISFK", "KTAM", "BMO")))
    ax = fig.axes[0]
    for k, col in enumerate(("ISFK", "KTAM", "BMO")):
        bars = ax.containers[k].patches
        assert [b.get_height() for b in bars] == list(ds.column(col))
        centres = [b.get_x() + b.get_width() / 2 for b in bars]
        assert all(abs(c - (slot + (k - 1) * theme.figures.bar_width / 3)) < 1e-9
                   for slot, c in enumerate(centres))
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2021", "2022", "2023", "2024", "2025"]
    assert [t.get_text() for t in ax.get_yticklabels()][-1] == "10,000"


def test_a_bar_chart_of_one_column_starts_at_zero(theme: Theme) -> None:
    ds = DataSet("m", ("mission", "personnel"), (("Stabilisation force", 1150), ("BMO", 360)))
    ax = draw(theme, ds, ChartSpec("bar", "m", "mission", ("personnel",)), "column").axes[0]
    assert [b.get_height() for b in ax.containers[0].patches] == [1150, 360]
    assert ax.get_ylim()[0] == 0
    assert [t.get_text().replace("\n", " ") for t in ax.get_xticklabels()] == \
        ["Stabilisation force", "BMO"]


def test_horizontal_bars_list_categories_from_the_top(theme: Theme) -> None:
    ds = DataSet("m", ("mission", "personnel"), (("ISFK", 1150), ("KTAM", 1400), ("BMO", 360)))
    ax = draw(theme, ds, ChartSpec("barh", "m", "mission", ("personnel",))).axes[0]
    bars = ax.containers[0].patches
    assert [b.get_width() for b in bars] == [1150, 1400, 360]
    assert [b.get_y() + b.get_height() / 2 for b in bars] == [0, 1, 2]
    assert ax.yaxis_inverted() and ax.get_xlim()[0] == 0
    assert [t.get_text() for t in ax.get_yticklabels()] == ["ISFK", "KTAM", "BMO"]


def _band(poly: PolyCollection) -> tuple[list[float], list[float]]:
    """Lower and upper edge of a fill_between band, by x."""
    v = poly.get_paths()[0].vertices
    lower, upper = {}, {}
    for x, y in v:
        lower[x] = min(lower.get(x, y), y)
        upper[x] = max(upper.get(x, y), y)
    xs = sorted(lower)
    return [lower[x] for x in xs], [upper[x] for x in xs]


def test_stacked_areas_stack_the_series(theme: Theme) -> None:
    ds = long_events()
    ax = draw(theme, ds, ChartSpec("stacked-area", "events", "month", ("events",), "event_type")).axes[0]
    polys = [c for c in ax.collections if isinstance(c, PolyCollection)]
    want = per_type(ds)
    base = np.zeros(12)
    for i, (poly, t) in enumerate(zip(polys, TYPES)):
        lower, upper = _band(poly)
        assert np.allclose(lower, base) and np.allclose(upper, base + want[t])
        assert colour(poly.get_facecolor()[0]) == theme.palette[i]
        base = base + want[t]
    assert ax.get_ylim()[0] == 0


def test_areas_fill_from_zero_under_their_line(theme: Theme) -> None:
    ds = wide_personnel()
    ax = draw(theme, ds, ChartSpec("area", "personnel", "year", ("KTAM", "BMO"))).axes[0]
    polys = [c for c in ax.collections if isinstance(c, PolyCollection)]
    for poly, col in zip(polys, ("KTAM", "BMO")):
        lower, upper = _band(poly)
        assert lower == [0.0] * 5 and upper == [float(v) for v in ds.column(col)]
    assert [list(ln.get_ydata()) for ln in ax.get_lines() if isinstance(ln, Line2D)] == \
        [list(map(float, ds.column("KTAM"))), list(map(float, ds.column("BMO")))]


def test_scatter_places_every_point(theme: Theme) -> None:
    rows = tuple((1000.0 + 370 * i, float((i * 53) % 97), "North" if i % 2 else "South") for i in range(20))
    ds = DataSet("p", ("gdp", "deaths", "region"), rows)
    fig = draw(theme, ds, ChartSpec("scatter", "p", "gdp", ("deaths",), "region"))
    clouds = [c for c in fig.axes[0].collections if isinstance(c, PathCollection)]
    for cloud, region in zip(clouds, ("South", "North")):
        want = sorted((r[0], r[1]) for r in rows if r[2] == region)
        assert sorted(map(tuple, cloud.get_offsets().tolist())) == want
    assert [t.get_text() for t in fig.legends[0].get_texts()] == ["South", "North"]


@pytest.mark.parametrize("kind", ["line", "bar", "barh", "grouped-bar", "stacked-bar", "area",
                                  "stacked-area", "scatter"])
def test_every_kind_keeps_global_settings_untouched(theme: Theme, kind: str) -> None:
    before = dict(matplotlib.rcParams)
    draw(theme, wide_personnel(), ChartSpec(kind, "personnel", "year", ("ISFK", "KTAM")))
    assert dict(matplotlib.rcParams) == before


def test_month_ticks_follow_the_memo_language(theme: Theme) -> None:
    memo = make_memo([long_events()], ChartSpec("line", "events", "month", ("events",), "event_type"),
                     language="sv-SE")
    look = look_for(theme, "page", memo.meta.language)
    fig = build_figure(chart_data(figures(memo)[0], memo.data, 8), look)
    labels = [t.get_text() for t in fig.axes[0].get_xticklabels()]
    assert labels[0] == "jan 2024" and "okt" in labels
