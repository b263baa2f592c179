"""Event-level data (one row per event) -> monthly counts by type -> stacked bars, totals checked."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from pathlib import Path

from memokit.data.series import chart_data
from memokit.figures.draw import build_figure
from memokit.figures.style import look_for
from memokit.model.walk import figures
from memokit.resolve import load_memo
from memokit.style.theme import Theme

TYPES = ("Battles", "Explosions/Remote violence", "Protests", "Riots")

MEMO = """\
title: Events
authors: A. Author
date: 2026-01-01
data:
  events:
    file: events.csv
    bin: {column: event_date, by: month, as: month}
    group_by: [month, event_type]
    aggregate: {events: count}
sections:
  - heading: Trends
    body:
      - figure:
          id: events
          caption: Events per month by type
          data: events
          chart: stacked-bar
          x: month
          y: events
          series: event_type
          alt: Monthly events by type.
          width: page
"""


def write_events(folder: Path, n: int = 4000) -> list[tuple[dt.date, str]]:
    """``n`` events in 2024-2025, one CSV row each, in random order, with extra columns."""
    rng = random.Random(7)
    start = dt.date(2024, 1, 1)
    events = [(start + dt.timedelta(days=rng.randrange(731)), rng.choice(TYPES)) for _ in range(n)]
    lines = ["event_id,event_date,event_type,admin1,fatalities"]
    lines += [f"EV{i:05d},{d.isoformat()},{t},Region {i % 5},{rng.randrange(4)}"
              for i, (d, t) in enumerate(events)]
    (folder / "events.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return events


def test_event_rows_become_monthly_stacked_bars_with_the_right_totals(tmp_path: Path,
                                                                    theme: Theme) -> None:
    events = write_events(tmp_path)
    (tmp_path / "memo.yaml").write_text(MEMO, encoding="utf-8")
    memo = load_memo(tmp_path / "memo.yaml").memo
    fig_node = figures(memo)[0]
    look = look_for(theme, "page", "en")
    fig = build_figure(chart_data(fig_node, memo.data, len(look.palette)), look)
    ax = fig.axes[0]

    months = sorted({d.replace(day=1) for d, _ in events})
    assert len(months) == 24
    by_month = Counter(d.replace(day=1) for d, _ in events)
    by_type = Counter((d.replace(day=1), t) for d, t in events)
    # one container per type, one bar per month in each
    assert len(ax.containers) == len(TYPES)
    tops: dict[int, float] = {}
    for container, t in zip(ax.containers, TYPES):
        bars = sorted(container.patches, key=lambda p: p.get_x())
        assert [b.get_height() for b in bars] == [by_type[(m, t)] for m in months]
        for k, b in enumerate(bars):
            tops[k] = max(tops.get(k, 0.0), b.get_y() + b.get_height())
    assert [tops[k] for k in range(24)] == [by_month[m] for m in months]
    assert sum(tops.values()) == len(events)
    assert [t.get_text() for t in fig.legends[0].get_texts()] == list(TYPES)
