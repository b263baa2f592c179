"""Saving a chart (memokit.figures.draw.save): matplotlib's first pass, which only lays the
figure out, runs just the layout; the SVG and PNG are the bytes of a plain ``savefig``."""

from __future__ import annotations

import contextlib

import pytest
from matplotlib.axes import Axes

from memokit.data.series import chart_data
from memokit.figures import draw
from memokit.figures.style import look_for
from memokit.model.nodes import ChartSpec
from memokit.model.walk import figures
from memokit.style.theme import Theme
from tests.figures.conftest import drawn_both_ways, long_events, make_memo, wide_personnel

CASES = [(kind, "events") for kind in ("line", "stacked-area", "stacked-bar", "barh")] + [
    (kind, "personnel") for kind in ("bar", "grouped-bar", "area")]


def chart(theme: Theme, kind: str, data: str, width: str):  # type: ignore[no-untyped-def]
    ds = long_events() if data == "events" else wide_personnel()
    spec = (ChartSpec(kind, "events", "month", ("events",), "event_type") if data == "events"
            else ChartSpec(kind, "personnel", "year", ("ISFK", "KTAM", "BMO")))
    memo = make_memo([ds], spec, width=width)
    look = look_for(theme, width, "en")
    return chart_data(figures(memo)[0], memo.data, len(look.palette)), look


@pytest.mark.parametrize(("kind", "data"), CASES)
@pytest.mark.parametrize("width", ["column", "page"])
def test_a_save_is_the_bytes_of_a_plain_savefig(theme: Theme, monkeypatch: pytest.MonkeyPatch,
                                                kind: str, data: str, width: str) -> None:
    ds, look = chart(theme, kind, data, width)
    ours, plain = drawn_both_ways(monkeypatch, draw, "_layout_only_predraw",
                                  lambda fig: contextlib.nullcontext(), ds, look)
    assert (ours.svg, ours.png) == (plain.svg, plain.png)


def test_each_format_draws_the_axes_once(theme: Theme, monkeypatch: pytest.MonkeyPatch) -> None:
    ds, look = chart(theme, "stacked-bar", "events", "page")
    calls: list[str] = []
    real = Axes.draw

    def counted(self, renderer):  # type: ignore[no-untyped-def]
        calls.append(type(renderer).__name__)
        return real(self, renderer)

    monkeypatch.setattr(Axes, "draw", counted)
    fig = draw.build_figure(ds, look)
    draw.save(fig, look)
    assert len(calls) == 2  # SVG and PNG; a plain savefig walks each figure twice
    calls.clear()
    monkeypatch.setattr(draw, "_layout_only_predraw", lambda fig: contextlib.nullcontext())
    draw.save(draw.build_figure(ds, look), look)
    assert len(calls) == 4
    assert "draw" not in vars(fig)  # the figure is left as it was
