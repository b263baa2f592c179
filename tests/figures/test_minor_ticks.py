"""Minor ticks are drawn as one line of tick marks (memokit.figures.axes.minor_ticks): the
same pixels as matplotlib's own minor ticks, at the months between the labelled ticks."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from matplotlib.axis import Axis
from matplotlib.lines import Line2D
from matplotlib.ticker import FixedLocator

from memokit.data.series import chart_data
from memokit.figures import axes as ax_
from memokit.figures.axes import MINOR_TICKS_GID, TickMarks
from memokit.figures.draw import build_figure
from memokit.figures.style import look_for
from memokit.model.nodes import ChartSpec, DataSet
from memokit.model.walk import figures
from memokit.style.theme import Theme
from tests.figures.conftest import drawn_both_ways, make_memo

KINDS = ("stacked-bar", "line", "area", "grouped-bar")


def monthly(months: int, start: dt.date = dt.date(2018, 3, 1)) -> DataSet:
    """Counts of two series over ``months`` months from ``start``."""
    rows = []
    for m in range(months):
        d = dt.date(start.year + (start.month - 1 + m) // 12, (start.month - 1 + m) % 12 + 1, 1)
        rows += [(d, "p", (m * 7) % 13 + 2), (d, "q", (m * 5) % 11 + 1)]
    return DataSet("d", ("month", "s", "n"), tuple(rows))


def matplotlib_minor_ticks(axis: Axis, locs: list[float]) -> None:
    """What the chart drew before: matplotlib's own minor ticks, without labels."""
    from matplotlib.ticker import NullFormatter

    axis.set_minor_locator(FixedLocator(locs))
    axis.set_minor_formatter(NullFormatter())


def chart(theme: Theme, kind: str, months: int, width: str = "page"):  # type: ignore[no-untyped-def]
    memo = make_memo([monthly(months)], ChartSpec(kind, "d", "month", ("n",), "s"), width=width)
    look = look_for(theme, width, "en")
    return chart_data(figures(memo)[0], memo.data, len(look.palette)), look


@pytest.mark.parametrize(("kind", "months", "width"), [
    ("stacked-bar", 89, "page"), ("line", 89, "page"), ("area", 40, "column"),
    ("grouped-bar", 30, "column"), ("line", 96, "column")])
def test_minor_ticks_draw_the_pixels_of_matplotlib_minor_ticks(
        theme: Theme, monkeypatch: pytest.MonkeyPatch, kind: str, months: int, width: str) -> None:
    data, look = chart(theme, kind, months, width)
    ours, theirs = drawn_both_ways(monkeypatch, ax_, "minor_ticks", matplotlib_minor_ticks, data, look)
    assert ours.png == theirs.png
    assert len(ours.svg) < len(theirs.svg)


@pytest.mark.parametrize("dpi", [150, 200, 450])
@pytest.mark.parametrize("tick_size", [5.5, 8.1])
def test_the_same_pixels_at_other_resolutions_and_tick_sizes(
        theme: Theme, monkeypatch: pytest.MonkeyPatch, dpi: int, tick_size: float) -> None:
    """Where a tick meets the axis line, the two blend: the marks are drawn in the ticks' turn
    (at 200 dpi, marks drawn after the axis line differed in a row of pixels)."""
    data, look = chart(theme, "stacked-bar", 60)
    look = replace(look, dpi=dpi, tick_size=tick_size, height=round(look.height * 0.9, 3))
    ours, theirs = drawn_both_ways(monkeypatch, ax_, "minor_ticks", matplotlib_minor_ticks, data, look)
    assert ours.png == theirs.png
    assert len(ours.svg) < len(theirs.svg)


def test_the_marks_sit_on_the_months_between_labelled_ticks(theme: Theme) -> None:
    data, look = chart(theme, "stacked-bar", 89)
    fig = build_figure(data, look)
    ax = fig.axes[0]
    marks = [a for a in ax.artists if isinstance(a, TickMarks)]
    assert len(marks) == 1
    line = marks[0].line
    assert isinstance(line, Line2D) and line.get_gid() == MINOR_TICKS_GID
    assert marks[0].get_zorder() == ax.xaxis.get_zorder() and marks[0].get_clip_path() is None
    major = {round(x, 6) for x in ax.xaxis.get_majorticklocs()}
    xs = [round(x, 6) for x in line.get_xdata()]
    assert len(xs) == 89 - len(major) and not major & set(xs)  # every month but the labelled ones
    assert sorted(major | set(xs)) == [float(i) for i in range(89)]  # bars sit at 0, 1, 2...
    assert list(ax.xaxis.get_minorticklocs()) == []  # matplotlib draws no minor ticks of its own
    assert not ax.get_lines() or line not in ax.get_lines()
    assert not marks[0].get_in_layout()
    tick = ax.xaxis.get_major_ticks()[0].tick1line
    assert line.get_marker() == tick.get_marker() and line.get_color() == tick.get_color()
    assert line.get_markersize() == pytest.approx(tick.get_markersize() * 0.55)


def test_yearly_data_has_no_minor_marks(theme: Theme) -> None:
    ds = DataSet("d", ("year", "n"), tuple((dt.date(2000 + i, 1, 1), i) for i in range(12)))
    memo = make_memo([ds], ChartSpec("line", "d", "year", ("n",)))
    look = look_for(theme, "page", "en")
    fig = build_figure(chart_data(figures(memo)[0], memo.data, len(look.palette)), look)
    assert not [a for a in fig.axes[0].artists if isinstance(a, TickMarks)]


def test_a_vector_image_holds_the_marks_as_one_path_where_the_ticks_were(
        theme: Theme, monkeypatch: pytest.MonkeyPatch) -> None:
    """The SVG has one path of marks instead of a copy of the mark per tick: each piece starts
    where matplotlib put a minor tick and is as long as its mark."""
    import re

    data, look = chart(theme, "stacked-bar", 40)
    drawn = drawn_both_ways(monkeypatch, ax_, "minor_ticks", matplotlib_minor_ticks, data, look)
    ours, theirs = (entry.svg.decode() for entry in drawn)
    group = re.search(rf'<g id="{MINOR_TICKS_GID}">\s*<path d="([^"]*)"', ours)
    assert group is not None
    pieces = re.findall(r"M ([-\d.]+) ([-\d.]+)\s+L ([-\d.]+) ([-\d.]+)", group.group(1))
    defs = dict(re.findall(r'<path id="(m[0-9a-f]+)" d="M 0 0 \s*L 0 ([\d.]+)', theirs))
    uses = re.findall(r'<use xlink:href="#(m[0-9a-f]+)" x="([-\d.]+)" y="([-\d.]+)"', theirs)
    minor = min(defs, key=lambda k: float(defs[k]))  # the shorter mark
    starts = sorted((float(x), float(y)) for ref, x, y in uses if ref == minor)
    assert len(pieces) == len(starts) == 40 - 3  # every month but the three labelled Januaries
    for (x0, y0, x1, y1), (x, y) in zip(sorted(pieces, key=lambda p: float(p[0])), starts):
        assert float(x0) == pytest.approx(x, abs=1e-5) and float(y0) == pytest.approx(y, abs=1e-5)
        assert float(x1) == float(x0)
        assert float(y1) - float(y0) == pytest.approx(float(defs[minor]), abs=1e-5)
    assert "<use" not in ours.split(f'<g id="{MINOR_TICKS_GID}">')[1].split("</g>")[0]
