"""The example memo's figure: bar heights equal the event counts in the CSV file."""

from __future__ import annotations

import csv
import datetime as dt
from collections import Counter

from memokit.data.series import chart_data
from memokit.figures.draw import build_figure
from memokit.figures.render import render_figures
from memokit.figures.style import look_for
from memokit.model.walk import figures
from memokit.resolve import load_memo
from memokit.style.theme import Theme
from tests.helpers import EXAMPLE


def csv_counts() -> Counter[tuple[dt.date, str]]:
    """Events per (month, type), counted straight from the raw file."""
    with (EXAMPLE.parent / "data" / "incidents.csv").open(encoding="utf-8") as fh:
        return Counter((dt.date.fromisoformat(r["event_date"]).replace(day=1), r["event_type"])
                       for r in csv.DictReader(fh))


def test_example_stacked_bars_equal_the_counted_events(theme: Theme) -> None:
    memo = load_memo(EXAMPLE).memo
    fig = figures(memo)[0]
    look = look_for(theme, fig.width, memo.meta.language)
    data = chart_data(fig, memo.data, len(look.palette))
    ax = build_figure(data, look).axes[0]
    counts = csv_counts()
    months = sorted({m for m, _ in counts})
    types = sorted({t for _, t in counts})
    assert len(months) == 36 and [s.name for s in data.series] == types
    for container, t in zip(ax.containers, types, strict=True):
        heights = [p.get_height() for p in sorted(container.patches, key=lambda p: p.get_x())]
        assert heights == [counts[(m, t)] for m in months]
    totals = Counter()
    for container in ax.containers:
        for p in container.patches:
            totals[round(p.get_x() + p.get_width() / 2)] = max(totals[round(p.get_x() + p.get_width() / 2)],
                                                               p.get_y() + p.get_height())
    assert [totals[i] for i in range(36)] == [sum(counts[(m, t)] for t in types) for m in months]
    assert max(totals.values()) == 70  # the memo's text: July 2025, the busiest month, 70 events
    labels = [(t.get_text(), t.get_position()[0]) for t in ax.get_xticklabels()]
    assert labels == [("2023", 0), ("2024", 12), ("2025", 24)]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["0", "20", "40", "60", "80"]


def test_example_asset_is_page_wide_with_its_alt_text(theme: Theme) -> None:
    memo = load_memo(EXAMPLE).memo
    assets = render_figures(memo, theme)
    assert list(assets) == ["incidents"]
    asset = assets["incidents"]
    assert abs(asset.width_pt - theme.page.text_width) < 0.01
    assert asset.alt.startswith("Stacked monthly bars from January 2023")
