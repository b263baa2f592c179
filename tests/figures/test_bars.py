"""Bars are drawn as one path a series (memokit.figures.bars): the same pixels as matplotlib's
own ``Axes.bar``, the bars kept readable on the axes, far fewer artists to draw."""

from __future__ import annotations

import random

import numpy as np
import pytest
from matplotlib.axes import Axes
from matplotlib.path import Path

from memokit.data.series import chart_data
from memokit.figures import charts
from memokit.figures.bars import GID
from memokit.figures.draw import build_figure
from memokit.figures.style import look_for
from memokit.model.nodes import ChartSpec, DataSet
from memokit.model.walk import figures
from memokit.style.theme import Theme
from tests.figures.conftest import drawn_both_ways, make_memo


def many_bars(n: int, kind: str) -> tuple[DataSet, ChartSpec]:
    rng = random.Random(n)
    rows = tuple((f"c{i:03}", s, rng.randint(-5, 40) if s != "r" else rng.choice([None, 3]))
                 for i in range(n) for s in ("p", "q", "r"))
    return DataSet("d", ("x", "s", "y"), rows), ChartSpec(kind, "d", "x", ("y",), "s")


def matplotlib_bars(ax: Axes, where, sizes, starts, thickness, colour, zorder,  # type: ignore[no-untyped-def]
                    horizontal=False):
    """What the chart drew before: a patch per bar, from Axes.bar."""
    if horizontal:
        return ax.barh(where, sizes, thickness, left=starts, color=colour, zorder=zorder, linewidth=0)
    return ax.bar(where, sizes, thickness, bottom=starts, color=colour, zorder=zorder, linewidth=0)


@pytest.mark.parametrize(("n", "kind"), [(89, "stacked-bar"), (300, "stacked-bar"),
                                         (40, "grouped-bar"), (60, "barh"), (5, "bar")])
def test_bars_draw_the_pixels_of_matplotlib_bars(theme: Theme, monkeypatch: pytest.MonkeyPatch,
                                                  n: int, kind: str) -> None:
    ds, spec = many_bars(n, kind)
    if kind == "bar":
        spec = ChartSpec(kind, "d", "x", ("y",))
        ds = DataSet("d", ("x", "y"), tuple((f"c{i}", (i * 7) % 11 - 3) for i in range(n)))
    memo = make_memo([ds], spec)
    look = look_for(theme, "page", "en")
    data = chart_data(figures(memo)[0], memo.data, len(look.palette))
    ours, theirs = drawn_both_ways(monkeypatch, charts, "bar_series", matplotlib_bars, data, look)
    assert ours.png == theirs.png
    assert len(ours.svg) < len(theirs.svg)


def test_a_series_is_one_path_made_of_its_kept_bars(theme: Theme) -> None:
    ds, spec = many_bars(30, "stacked-bar")
    memo = make_memo([ds], spec)
    look = look_for(theme, "page", "en")
    fig = build_figure(chart_data(figures(memo)[0], memo.data, len(look.palette)), look)
    ax = fig.axes[0]
    paths = [p for p in ax.patches if p.get_gid() == GID]
    assert len(paths) == len(ax.containers) == 3
    for patch, container in zip(paths, ax.containers):
        path = patch.get_path()
        assert list(path.codes) == [Path.MOVETO, Path.LINETO, Path.LINETO, Path.LINETO,
                                    Path.CLOSEPOLY] * len(container.patches)
        corners = path.vertices.reshape(-1, 5, 2)
        for rect, c in zip(container.patches, corners):
            x, y, w, h = rect.get_x(), rect.get_y(), rect.get_width(), rect.get_height()
            assert np.allclose(c, [[x, y], [x + w, y], [x + w, y + h], [x, y + h], [x, y]])
            assert rect.get_facecolor() == patch.get_facecolor()
            assert rect.axes is None  # kept for reading back, never drawn
    assert len(container.patches) == sum(1 for r in ds.rows if r[1] == "r" and r[2] is not None)


@pytest.mark.parametrize("kind", ["stacked-bar", "grouped-bar", "barh"])
def test_the_data_limits_are_those_of_every_corner(theme: Theme, kind: str) -> None:
    """The series' paths are added with their extreme corners only: the axes' data limits
    (and least positive values) are what adding the whole paths gives."""
    from matplotlib.figure import Figure as MplFigure

    ds, spec = many_bars(50, kind)
    memo = make_memo([ds], spec)
    look = look_for(theme, "page", "en")
    ax = build_figure(chart_data(figures(memo)[0], memo.data, len(look.palette)), look).axes[0]
    whole = MplFigure().add_subplot()
    for patch in ax.patches:
        if patch.get_gid() == GID:
            whole.add_patch(type(patch)(patch.get_path()))
    assert np.array_equal(ax.dataLim.get_points(), whole.dataLim.get_points())
    assert np.array_equal(ax.dataLim.minpos, whole.dataLim.minpos)
    assert (ax.dataLim.get_points() < 0).any()  # negative bars: the limits are not all positive
