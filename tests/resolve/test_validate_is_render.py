"""``validate`` finds every content error ``render`` would: the bad-input catalogue and charts
whose data cannot be drawn as asked give the same located errors, exit 1, and no output."""

from __future__ import annotations

from pathlib import Path

import pytest

from memokit.cli import main

HERE = Path(__file__).resolve().parent
BAD = HERE / "bad"
CATALOGUE = HERE.parent / "load" / "bad"

# charts that build but cannot be drawn from their data: found by the resolve stage
DATA_CASES: dict[str, list[str]] = {
    "every-y-empty": [
        "every-y-empty.yaml:20:14: error: sections[0].body[1].figure.y: the chart has no values to "
        "draw (every y cell is empty); fill in the data, or name a y column that holds numbers",
    ],
    "line-duplicate-x": [
        "line-duplicate-x.yaml:20:14: error: sections[0].body[1].figure.x: more than one row has "
        "year = 2020; a chart needs one value per x (per series): aggregate the data set with "
        "group_by and aggregate, or name the series column",
    ],
    "more-series-than-colours": [
        "more-series-than-colours.yaml:43:19: error: sections[0].body[1].figure.series: 12 series "
        "but the house palette has 8 colours; filter the data set or split the chart",
    ],
    "scatter-of-categories": [
        "scatter-of-categories.yaml:19:14: error: sections[0].body[1].figure.x: a scatter chart "
        "needs numbers or dates in 'region'; use a bar chart for categories",
    ],
    "series-and-several-y": [
        "series-and-several-y.yaml:21:19: error: sections[0].body[1].figure.series: give either "
        "'series' (long data) or several 'y' columns (wide data), not both",
    ],
    "stacked-area-negative": [
        "stacked-area-negative.yaml:20:18: error: sections[0].body[1].figure.chart: a stacked area "
        "chart needs values of zero or more; use a line chart or a stacked bar chart for data "
        "with negative values",
    ],
    "two-bad-charts": [
        "two-bad-charts.yaml:20:14: error: sections[0].body[1].figure.x: more than one row has "
        "year = 2020; a chart needs one value per x (per series): aggregate the data set with "
        "group_by and aggregate, or name the series column",
        "two-bad-charts.yaml:30:14: error: sections[1].body[0].figure.x: a scatter chart needs "
        "numbers or dates in 'region'; use a bar chart for categories",
    ],
    "x-empty-cell": [
        "x-empty-cell.yaml:19:14: error: sections[0].body[1].figure.x: column 'year' has empty "
        "cells; every row needs an x value",
    ],
}


def _run(args: list[str], folder: Path, monkeypatch: pytest.MonkeyPatch,
         capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    monkeypatch.chdir(folder)
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def _errors(err: str) -> list[str]:
    return [line for line in err.splitlines() if ": warning: " not in line]


def test_every_data_case_has_a_memo_and_every_memo_a_case() -> None:
    assert {p.stem for p in BAD.glob("*.yaml")} == set(DATA_CASES)


@pytest.mark.parametrize("name", sorted(DATA_CASES))
def test_a_chart_that_cannot_be_drawn_fails_validate_and_render_alike(
        name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    code_v, out_v, err_v = _run(["validate", f"{name}.yaml"], BAD, monkeypatch, capsys)
    out_dir = tmp_path / "out"
    code_r, out_r, err_r = _run(["render", f"{name}.yaml", "-o", str(out_dir)], BAD, monkeypatch,
                                capsys)
    assert err_v.splitlines() == DATA_CASES[name]
    assert err_r.splitlines() == DATA_CASES[name]
    assert (code_v, code_r, out_v, out_r) == (1, 1, "", "")
    assert not out_dir.exists() or list(out_dir.iterdir()) == []


@pytest.mark.parametrize("name", sorted(p.stem for p in CATALOGUE.glob("*.yaml")))
def test_every_catalogue_memo_gives_the_same_errors_in_validate_and_render(
        name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    code_v, _, err_v = _run(["validate", f"{name}.yaml"], CATALOGUE, monkeypatch, capsys)
    code_r, _, err_r = _run(["render", f"{name}.yaml", "-o", str(tmp_path / "out")], CATALOGUE,
                            monkeypatch, capsys)
    assert _errors(err_v) == _errors(err_r)
    assert code_v == code_r
    # render may add layout warnings, never content errors validate did not report
    assert [w for w in err_v.splitlines() if ": warning: " in w] == \
        [w for w in err_r.splitlines() if ": warning: " in w][:len(
            [w for w in err_v.splitlines() if ": warning: " in w])]
