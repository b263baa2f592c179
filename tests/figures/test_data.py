"""Chart data preparation: long and wide data, and charts that must be refused."""

from __future__ import annotations

import datetime as dt

import pytest

from memokit.data.series import chart_data
from memokit.errors import ContentError
from memokit.model.nodes import ChartSpec, DataSet
from memokit.model.walk import figures
from tests.figures.conftest import MONTHS, TYPES, long_events, make_memo, wide_personnel


def _data(ds: DataSet, spec: ChartSpec, max_series: int = 8):  # type: ignore[no-untyped-def]
    memo = make_memo([ds], spec)
    return chart_data(figures(memo)[0], memo.data, max_series)


def test_long_data_gives_one_series_per_value_in_data_order() -> None:
    d = _data(long_events(), ChartSpec("line", "events", "month", ("events",), "event_type"))
    assert [s.name for s in d.series] == list(TYPES)
    assert d.x == MONTHS and d.x_type == "date" and d.integer
    ds = long_events()
    for s in d.series:
        want = [r[2] for r in ds.rows if r[1] == s.name]
        assert list(s.ys) == want and list(s.xs) == list(MONTHS)


def test_wide_data_gives_one_series_per_column() -> None:
    d = _data(wide_personnel(), ChartSpec("line", "personnel", "year", ("ISFK", "BMO")))
    assert [s.name for s in d.series] == ["ISFK", "BMO"]
    assert d.x_type == "number" and d.x == (2021, 2022, 2023, 2024, 2025)
    assert d.series[1].ys == (210, 240, 280, 320, 360)


def test_missing_points_align_to_none() -> None:
    ds = DataSet("d", ("x", "s", "y"), (("a", "p", 1), ("b", "p", 2), ("b", "q", 5)))
    d = _data(ds, ChartSpec("stacked-bar", "d", "x", ("y",), "s"))
    assert d.aligned() == [[1, 2], [None, 5]]


@pytest.mark.parametrize(("spec", "words"), [
    (ChartSpec("pie", "events", "month", ("events",), "event_type"), "chart kind 'pie' is not supported"),
    (ChartSpec("line", "events", "month", ("events",)), "more than one row has month = 2024-01-01"),
    (ChartSpec("line", "events", "month", ("events", "month"), "event_type"), "not both"),
    (ChartSpec("line", "events", "month", ("event_type",), None), "must be numbers"),
    (ChartSpec("scatter", "events", "event_type", ("events",)), "needs numbers or dates"),
    (ChartSpec("line", "events", "mnth", ("events",), "event_type"), "did you mean 'month'"),
])
def test_charts_that_cannot_be_drawn_truthfully_are_refused_with_a_location(
        spec: ChartSpec, words: str) -> None:
    with pytest.raises(ContentError) as exc:
        _data(long_events(), spec)
    assert words in str(exc.value)
    assert "figure 'fig0'" in exc.value.diagnostics[0].field  # type: ignore[operator]


def test_more_series_than_palette_colours_is_refused() -> None:
    with pytest.raises(ContentError, match="3 series but the house palette has 2 colours"):
        _data(long_events(), ChartSpec("line", "events", "month", ("events",), "event_type"), 2)


def test_stacked_area_refuses_negative_values() -> None:
    ds = DataSet("d", ("x", "y"), ((dt.date(2024, 1, 1), 3), (dt.date(2024, 2, 1), -1)))
    with pytest.raises(ContentError, match="zero or more"):
        _data(ds, ChartSpec("stacked-area", "d", "x", ("y",)))


def test_every_figure_that_cannot_be_drawn_is_reported_at_once(theme) -> None:  # type: ignore[no-untyped-def]
    from memokit.figures.render import render_figures

    memo = make_memo([long_events()], ChartSpec("pie", "events", "month", ("events",)),
                     ChartSpec("line", "events", "month", ("events",)))
    with pytest.raises(ContentError) as exc:
        render_figures(memo, theme)
    assert [d.field for d in exc.value.diagnostics] == ["figure 'fig0'.chart", "figure 'fig1'.x"]
