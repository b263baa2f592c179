"""Fixtures for the figure tests: a private cache folder, the house style, small memos."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

import pytest

from memokit.data.series import ChartData
from memokit.figures.cache import Entry
from memokit.figures.style import Look
from memokit.model.nodes import ChartSpec, DataSet, Figure, Memo, MemoMeta, Section, Text
from memokit.style import builtin_styles, load_style
from memokit.style.theme import Theme


@pytest.fixture(autouse=True)
def cache_dir(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    """Every test gets its own empty figure cache."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("MEMOKIT_CACHE_DIR", str(folder))
    return folder / "figures"


@pytest.fixture(scope="session")
def theme() -> Theme:
    return load_style(builtin_styles()["memo"])


MONTHS = tuple(dt.date(2024, m, 1) for m in range(1, 13))
TYPES = ("Armed clash", "Protest", "Violence against civilians")


def long_events() -> DataSet:
    """Monthly counts per event type, in long form (one row per month and type)."""
    rows = tuple((m, t, (i * 7 + j * 11) % 19 + j) for i, m in enumerate(MONTHS)
                 for j, t in enumerate(TYPES))
    return DataSet("events", ("month", "event_type", "events"), rows)


def wide_personnel() -> DataSet:
    """Personnel per mission and year, in wide form (one column per mission)."""
    return DataSet("personnel", ("year", "ISFK", "KTAM", "BMO"),
                   ((2021, 9400, 0, 210), (2022, 8700, 0, 240), (2023, 7900, 0, 280),
                    (2024, 4600, 800, 320), (2025, 1150, 1400, 360)))


MemoFactory = Callable[..., Memo]


def make_memo(datasets: Sequence[DataSet], *charts: ChartSpec, width: str = "page",
              language: str = "en-GB") -> Memo:
    """A memo holding one figure per chart spec (ids fig0, fig1, ...)."""
    figs = tuple(Figure(f"fig{i}", i + 1, (Text("A chart"),), c, f"Alt text {i}", (), width)
                 for i, c in enumerate(charts))
    meta = MemoMeta("Title", (), dt.date(2026, 1, 1), language=language)
    return Memo(meta, (), (Section("Charts", 1, figs),), {d.name: d for d in datasets})


def drawn_both_ways(monkeypatch: pytest.MonkeyPatch, module: object, name: str, before: object,
                    data: ChartData, look: Look) -> tuple[Entry, Entry]:
    """The chart's saved images (memokit.figures.cache.Entry) drawn as memokit draws it, then with
    ``module.name`` replaced by ``before`` (how matplotlib drew it before)."""
    from memokit.figures.draw import draw_chart

    ours = draw_chart(data, look)
    monkeypatch.setattr(module, name, before)
    return ours, draw_chart(data, look)
