"""Chart labels never collide: annotations, highlight labels and the legend, read back as boxes
from the drawn matplotlib figure, neither overlap each other nor leave the figure."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import numpy as np
import pytest
from matplotlib.figure import Figure as MplFigure
from matplotlib.text import Text
from matplotlib.transforms import Bbox

from memokit.data.series import chart_data
from memokit.figures.draw import build_figure
from memokit.figures.place import Scene
from memokit.figures.style import look_for
from memokit.model.nodes import Annotation, ChartSpec, DataSet, Highlight
from memokit.model.walk import figures
from memokit.style.theme import Theme
from tests.figures.conftest import MONTHS, long_events, make_memo, wide_personnel

TOLERANCE = 0.5  # points of overlap forgiven (anti-aliasing, rounding)

FARES = DataSet("fares", ("month", "riders"), tuple(
    (dt.date(2023 + i // 12, i % 12 + 1, 1), 400 + (i * 37) % 90 + i * 6) for i in range(36)))
REGIONS = DataSet("regions", ("region", "events"), (
    ("North", 420), ("Coast", 610), ("Capital", 580), ("Highlands", 300), ("South", 640)))


def d(year: int, month: int) -> dt.date:
    return dt.date(year, month, 1)


CASES: dict[str, tuple[DataSet, ChartSpec, str]] = {
    # (a) an annotation and a highlight label over the same x range
    "annotation-in-highlight": (FARES, ChartSpec(
        "line", "fares", "month", ("riders",),
        highlight=(Highlight(d(2024, 1), d(2024, 9), "Valley works"),),
        annotations=(Annotation(d(2024, 3), "Flat fare"),)), "column"),
    # (b) three annotations at neighbouring x values
    "three-neighbours": (FARES, ChartSpec(
        "line", "fares", "month", ("riders",),
        annotations=(Annotation(d(2024, 2), "Strike"), Annotation(d(2024, 3), "New timetable"),
                     Annotation(d(2024, 4), "Fare cap"))), "page"),
    "three-points": (FARES, ChartSpec(
        "line", "fares", "month", ("riders",),
        annotations=(Annotation(d(2024, 2), "Strike", 560), Annotation(d(2024, 3), "Timetable", 565),
                     Annotation(d(2024, 4), "Fare cap", 570))), "column"),
    # (c) annotations near the legend, legend on top and on the right
    "legend-top": (long_events(), ChartSpec(
        "line", "events", "month", ("events",), "event_type",
        annotations=(Annotation(MONTHS[0], "Start of records", 20),
                     Annotation(MONTHS[-1], "Year end", 24), Annotation(MONTHS[11], "December"))),
        "column"),
    "legend-right": (long_events(), ChartSpec(
        "line", "events", "month", ("events",), "event_type", legend="right",
        annotations=(Annotation(MONTHS[-1], "Latest month", 22),
                     Annotation(MONTHS[10], "Cold snap"))), "page"),
    # (d) a labelled line inside a highlighted period, with a long label
    "long-line-label": (FARES, ChartSpec(
        "line", "fares", "month", ("riders",),
        highlight=(Highlight(d(2024, 5), d(2024, 8), "Works"),
                   Highlight(d(2024, 9), d(2024, 11), "Diversions")),
        annotations=(Annotation(d(2024, 6), "Temporary timetable agreed with the operators"),)),
        "column"),
    # (e) annotations on bars with categories, and on a date axis
    "bar-categories": (REGIONS, ChartSpec(
        "bar", "regions", "region", ("events",),
        highlight=(Highlight("Coast", "Capital", "Flooded"),),
        annotations=(Annotation("Coast", "Worst month", 610), Annotation("Capital", "Curfew", 580),
                     Annotation("Capital", "Relief convoy"))), "column"),
    "bar-dates": (wide_personnel(), ChartSpec(
        "bar", "personnel", "year", ("ISFK",),
        highlight=(Highlight(2023, 2024, "Drawdown"),),
        annotations=(Annotation(2024, "Handover", 4600), Annotation(2023, "Review"),
                     Annotation(2024, "Mandate ends"))), "column"),
    "date-area": (long_events(), ChartSpec(
        "stacked-area", "events", "month", ("events",), "event_type",
        highlight=(Highlight(MONTHS[3], MONTHS[6], "Rainy season"),),
        annotations=(Annotation(MONTHS[4], "Flooding"), Annotation(MONTHS[5], "Ceasefire", 40))),
        "column"),
}


def draw(theme: Theme, name: str) -> MplFigure:
    ds, spec, width = CASES[name]
    memo = make_memo([ds], spec, width=width)
    look = look_for(theme, width, "en")
    return build_figure(chart_data(figures(memo)[0], memo.data, len(look.palette)), look)


def label_boxes(fig: MplFigure) -> Iterator[tuple[str, Bbox]]:
    """Every label's box in points (the figure is drawn at 72 dpi): the texts in the axes and each
    legend entry's text."""
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    fig.draw_without_rendering()
    for ax in fig.axes:
        for t in ax.texts:
            if t.get_visible() and t.get_text():
                yield t.get_text(), Text.get_window_extent(t, renderer)
    for leg in fig.legends:
        for t in leg.get_texts():
            yield f"legend {t.get_text()}", t.get_window_extent(renderer)


def overlap(a: Bbox, b: Bbox) -> float:
    """How far two boxes overlap, in points (the smaller of the two overlapping extents)."""
    return min(min(a.x1, b.x1) - max(a.x0, b.x0), min(a.y1, b.y1) - max(a.y0, b.y0))


@pytest.mark.parametrize("name", sorted(CASES))
def test_crowded_labels_do_not_collide_and_stay_in_the_figure(theme: Theme, name: str) -> None:
    fig = draw(theme, name)
    boxes = list(label_boxes(fig))
    want = {a.text for a in CASES[name][1].annotations} | {
        h.label for h in CASES[name][1].highlight if h.label}
    assert want <= {" ".join(t.split()) for t, _ in boxes}  # long labels are wrapped
    page = fig.bbox
    for text, box in boxes:
        assert page.x0 - TOLERANCE <= box.x0 and box.x1 <= page.x1 + TOLERANCE, (text, box, page)
        assert page.y0 - TOLERANCE <= box.y0 and box.y1 <= page.y1 + TOLERANCE, (text, box, page)
    for i, (ta, a) in enumerate(boxes):
        for tb, b in boxes[i + 1:]:
            assert overlap(a, b) <= TOLERANCE, f"'{ta}' {a} overlaps '{tb}' {b}"



@pytest.mark.parametrize("name", ["bar-categories", "bar-dates"])
def test_label_placement_sees_every_bar(theme: Theme, name: str) -> None:
    """The bars are drawn as one path a series; what labels keep clear of is still each bar,
    not the box around a whole series."""
    fig = draw(theme, name)
    fig.draw_without_rendering()
    ax = fig.axes[0]
    bars = []
    for container in ax.containers:
        for rect in container.patches:
            xy = ax.transData.transform(rect.get_bbox().get_points())
            bars.append(tuple(np.round([*xy.min(axis=0), *xy.max(axis=0)], 3)))
    assert len(bars) == len(CASES[name][0].rows)
    scene = Scene.of(ax, fig.canvas.get_renderer(), 1.0)  # type: ignore[attr-defined]
    seen = {tuple(np.round(b.extents, 3)) for b in scene.boxes}
    assert set(bars) <= seen
    for box in scene.boxes:  # no box spans two bars
        assert box.width < ax.bbox.width / len(bars) + TOLERANCE
