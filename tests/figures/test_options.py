"""Figure options written in the memo: loaded into the chart spec, drawn, and refused with located errors."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import matplotlib
import pytest
from matplotlib.figure import Figure as MplFigure
from matplotlib.patches import Rectangle

from memokit.data.series import chart_data
from memokit.errors import ContentError
from memokit.figures.draw import build_figure
from memokit.figures.render import render_figure
from memokit.figures.style import look_for
from memokit.model.nodes import Figure, Memo
from memokit.model.walk import figures
from memokit.resolve import load_memo
from memokit.style.theme import Theme

CSV = "month,kind,n\n" + "".join(
    f"2024-{m:02d},{k},{(m * 3 + j * 5) % 11 + 20}\n" for m in range(1, 13)
    for j, k in enumerate(("Clash", "Protest", "Riot")))


def memo_with(tmp_path: Path, options: str, chart: str = "line", series: str = "kind") -> Path:
    (tmp_path / "d.csv").write_text(CSV, encoding="utf-8")
    extra = textwrap.indent(textwrap.dedent(options).strip(), " " * 10)
    text = f"""\
memokit: 1
title: Options
authors: A. Author
date: 2026-01-01
data:
  d:
    file: d.csv
sections:
  - heading: One
    body:
      - figure:
          id: f
          caption: A chart
          data: d
          chart: {chart}
          x: month
          y: n
          series: {series}
          alt: A chart
{extra}
"""
    p = tmp_path / "memo.yaml"
    p.write_text(text, encoding="utf-8")
    return p


def load(tmp_path: Path, options: str, **kw: str) -> tuple[Memo, Figure]:
    memo = load_memo(memo_with(tmp_path, options, **kw)).memo
    return memo, figures(memo)[0]


def errors(tmp_path: Path, options: str, **kw: str) -> list[str]:
    with pytest.raises(ContentError) as info:
        load_memo(memo_with(tmp_path, options, **kw))
    return [d.format() for d in info.value.diagnostics]


def draw(theme: Theme, memo: Memo, fig: Figure) -> MplFigure:
    look = look_for(theme, fig.width, "en")
    return build_figure(chart_data(fig, memo.data, len(look.palette)), look)


def texts(fig: MplFigure) -> list[str]:
    return [t.get_text() for t in fig.findobj(matplotlib.text.Text) if t.get_text()]


def test_axis_labels_are_drawn(tmp_path: Path, theme: Theme) -> None:
    memo, f = load(tmp_path, "x_label: Month of 2024\ny_label: Events (n)")
    ax = draw(theme, memo, f).axes[0]
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("Month of 2024", "Events (n)")


def test_y_format_percent_and_unit(tmp_path: Path, theme: Theme) -> None:
    memo, f = load(tmp_path, "y_format: '{:,.1f}'\ny_unit: ' bn'")
    assert (f.chart.y_format, f.chart.y_unit) == ("{:,.1f}", " bn")
    fig = draw(theme, memo, f)
    fig.canvas.draw()
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels() if t.get_text()]
    assert labels and all(t.endswith(" bn") and t[:-3].replace(",", "").replace(".", "").isdigit()
                          and "." in t for t in labels), labels
    memo, f = load(tmp_path, "y_format: percent\ny_from_zero: true")
    fig = draw(theme, memo, f)
    fig.canvas.draw()
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels() if t.get_text()]
    assert labels[0] == "0%" and all(t.endswith("%") for t in labels), labels
    assert any(t.endswith("000%") and "," in t for t in labels), labels  # 30 -> 3,000%


def test_y_from_zero_false_fits_the_data(tmp_path: Path, theme: Theme) -> None:
    memo, f = load(tmp_path, "y_from_zero: false", chart="stacked-bar")
    assert draw(theme, memo, f).axes[0].get_ylim()[0] > 0
    memo, f = load(tmp_path, "", chart="stacked-bar")
    assert draw(theme, memo, f).axes[0].get_ylim()[0] == 0
    memo, f = load(tmp_path, "", chart="line")
    assert draw(theme, memo, f).axes[0].get_ylim()[0] > 0
    memo, f = load(tmp_path, "y_from_zero: true", chart="line")
    assert draw(theme, memo, f).axes[0].get_ylim()[0] == 0


@pytest.mark.parametrize("where", ["top", "bottom", "right", "none"])
def test_legend_placement(tmp_path: Path, theme: Theme, where: str) -> None:
    memo, f = load(tmp_path, f"legend: {where}")
    fig = draw(theme, memo, f)
    fig.canvas.draw()
    if where == "none":
        assert fig.legends == []
        return
    (leg,) = fig.legends
    box, plot = leg.get_window_extent(), fig.axes[0].get_window_extent()
    if where == "top":
        assert box.y0 >= plot.y1 - 1
    elif where == "bottom":
        assert box.y1 <= plot.y0 + 1
    else:
        assert box.x0 >= plot.x1 - 1


def test_series_order_and_labels(tmp_path: Path, theme: Theme) -> None:
    memo, f = load(tmp_path, "series_order: [Riot, Clash]\nseries_labels: {Riot: Riots and unrest}",
                   chart="stacked-bar")
    fig = draw(theme, memo, f)
    assert [t.get_text() for t in fig.legends[0].get_texts()] == ["Riots and unrest", "Clash", "Protest"]
    first = sorted(fig.axes[0].containers[0].patches, key=lambda p: p.get_x())
    riots = [int(r[2]) for r in memo.data["d"].rows if r[1] == "Riot"]
    assert [p.get_height() for p in first] == riots


def test_highlight_shades_the_period_with_its_label(tmp_path: Path, theme: Theme) -> None:
    memo, f = load(tmp_path, "highlight:\n  - {from: 2024-03, to: '2024-05', label: Ceasefire}")
    assert f.chart.highlight[0].start == dt.date(2024, 3, 1)
    fig = draw(theme, memo, f)
    ax = fig.axes[0]
    shaded = [p for p in ax.patches if colour(p.get_facecolor()) == theme.figures.grid_colour.upper()]
    assert len(shaded) == 1
    xs = [v[0] for v in shaded[0].get_path().transformed(shaded[0].get_patch_transform()).vertices] \
        if isinstance(shaded[0], Rectangle) else [v[0] for v in shaded[0].get_xy()]
    assert (round(min(xs)), round(max(xs))) == (dt.date(2024, 3, 1).toordinal(),
                                                dt.date(2024, 5, 1).toordinal())
    assert "Ceasefire" in texts(fig)


def colour(c: object) -> str:
    return matplotlib.colors.to_hex(c).upper()  # type: ignore[arg-type]


def test_annotations_at_a_date_and_a_point(tmp_path: Path, theme: Theme) -> None:
    memo, f = load(tmp_path, "annotations:\n  - {x: 2024-06, text: Elections}\n"
                   "  - {x: 2024-09, y: 27, text: Peak}", chart="bar", series="kind\n"
                   "          series_order: [Clash]")
    fig = draw(theme, memo, f)
    assert {"Elections", "Peak"} <= set(texts(fig))
    peak = [a for a in fig.axes[0].texts if a.get_text() == "Peak"][0]
    assert peak.xy == (8.0, 27.0)  # September is the ninth bar slot


def test_annotation_text_is_shown_as_written(tmp_path: Path, theme: Theme) -> None:
    memo, f = load(tmp_path, "annotations:\n  - {x: 2024-06, text: '$1_000 & 10% cut'}")
    svg = render_figure(f, memo, theme).svg.decode()
    assert "$1_000 &amp; 10% cut" in svg


def test_aspect_overrides_the_theme(tmp_path: Path, theme: Theme) -> None:
    memo, f = load(tmp_path, "aspect: 0.4")
    asset = render_figure(f, memo, theme)
    assert asset.height_pt == pytest.approx(asset.width_pt * 0.4, abs=0.01)


def test_unknown_option_is_located_with_did_you_mean(tmp_path: Path) -> None:
    (msg,) = errors(tmp_path, "legnd: top")
    assert "memo.yaml:20:11:" in msg and "legnd" in msg and "did you mean 'legend'" in msg, msg


@pytest.mark.parametrize(("options", "where", "says"), [
    ("highlight:\n  - {from: 2024-13-40, to: 2024-05}", "figure.highlight[0].from", "is not a date"),
    ("annotations:\n  - {x: soon, text: A}", "figure.annotations[0].x", "is not a date"),
    ("series_order: [Riots]", "figure.series_order[0]", "no series 'Riots' (did you mean 'Riot'?)"),
    ("series_labels: {Protests: P}", "figure.series_labels.Protests", "did you mean 'Protest'"),
    ("y_format: '{:,.0q}'", "figure.y_format", "is not a number format"),
    ("legend: left", "figure.legend", "use 'top', 'bottom', 'right' or 'none'"),
    ("aspect: 0", "figure.aspect", "height / width"),
])
def test_bad_option_values_are_located_at_the_option(tmp_path: Path, options: str, where: str,
                                                      says: str) -> None:
    (msg,) = errors(tmp_path, options)
    assert f"sections[0].body[0].{where}:" in msg and says in msg, msg


def test_chart_data_refuses_unknown_series_in_order_or_labels() -> None:
    from memokit.model.nodes import ChartSpec
    from tests.figures.conftest import long_events, make_memo

    for kw, key in (({"series_order": ("Protests",)}, "series_order"),
                    ({"series_labels": (("Protests", "P"),)}, "series_labels")):
        memo = make_memo([long_events()], ChartSpec("line", "events", "month", ("events",), "event_type",
                                                    **kw))  # type: ignore[arg-type]
        with pytest.raises(ContentError) as info:
            chart_data(figures(memo)[0], memo.data, 8)
        (d,) = info.value.diagnostics
        assert d.field == f"figure 'fig0'.{key}" and "did you mean 'Protest'" in d.message
