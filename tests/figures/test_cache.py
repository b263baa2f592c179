"""The figure cache: a hit draws nothing (and loads no matplotlib), a change draws again."""

from __future__ import annotations

import dataclasses
import subprocess
import sys

import pytest

import memokit.figures.draw as draw_module
from memokit.figures import cache
from memokit.figures.render import render_figures
from memokit.model.nodes import ChartSpec, DataSet
from memokit.style.theme import Theme
from tests.figures.conftest import long_events, make_memo
from tests.helpers import ROOT

STACKED = ChartSpec("stacked-bar", "events", "month", ("events",), "event_type")


@pytest.fixture
def draws(monkeypatch):  # type: ignore[no-untyped-def]
    """Count the charts actually drawn."""
    calls: list[str] = []
    real = draw_module.draw_chart

    def counting(data, look):  # type: ignore[no-untyped-def]
        calls.append(data.kind)
        return real(data, look)

    monkeypatch.setattr(draw_module, "draw_chart", counting)
    return calls


def test_a_second_render_comes_from_the_cache_without_drawing(theme: Theme, cache_dir,  # type: ignore[no-untyped-def]
                                                              monkeypatch) -> None:
    memo = make_memo([long_events()], STACKED)
    first = render_figures(memo, theme)["fig0"]
    assert list(cache_dir.rglob("*.svg")) and list(cache_dir.rglob("*.png"))

    def fail(*args: object) -> None:
        raise AssertionError("drew a chart that is in the cache")

    monkeypatch.setattr(draw_module, "draw_chart", fail)
    again = render_figures(memo, theme)["fig0"]
    assert again == first and again.alt == "Alt text 0"


def test_changing_one_data_value_draws_again(theme: Theme, draws: list[str]) -> None:
    ds = long_events()
    render_figures(make_memo([ds], STACKED), theme)
    render_figures(make_memo([ds], STACKED), theme)
    assert draws == ["stacked-bar"]
    changed = DataSet(ds.name, ds.columns, ((ds.rows[0][0], ds.rows[0][1], ds.rows[0][2] + 1),)
                      + ds.rows[1:])
    new = render_figures(make_memo([changed], STACKED), theme)["fig0"]
    assert draws == ["stacked-bar", "stacked-bar"]
    old = render_figures(make_memo([ds], STACKED), theme)["fig0"]
    assert new.svg != old.svg and draws == ["stacked-bar", "stacked-bar"]


def test_columns_the_chart_does_not_use_do_not_invalidate_it(theme: Theme, draws: list[str]) -> None:
    ds = long_events()
    wider = DataSet(ds.name, ds.columns + ("note",), tuple(r + ("x",) for r in ds.rows))
    render_figures(make_memo([ds], STACKED), theme)
    render_figures(make_memo([wider], STACKED), theme)
    assert draws == ["stacked-bar"]


def test_spec_style_and_width_changes_draw_again(theme: Theme, draws: list[str]) -> None:
    ds = long_events()
    render_figures(make_memo([ds], STACKED), theme)
    render_figures(make_memo([ds], dataclasses.replace(STACKED, y_label="Events")), theme)
    render_figures(make_memo([ds], STACKED, width="column"), theme)
    recoloured = dataclasses.replace(theme, palette=list(reversed(theme.palette)))
    render_figures(make_memo([ds], STACKED), recoloured)
    assert len(draws) == 4


def test_alt_text_is_the_figures_own_even_from_the_cache(theme: Theme) -> None:
    memo = make_memo([long_events()], STACKED)
    render_figures(memo, theme)
    other = dataclasses.replace(memo, sections=(dataclasses.replace(
        memo.sections[0], blocks=(dataclasses.replace(memo.sections[0].blocks[0], alt="New alt"),)),))
    assert render_figures(other, theme)["fig0"].alt == "New alt"


def test_a_broken_cache_entry_is_drawn_again(theme: Theme, cache_dir, draws: list[str]) -> None:  # type: ignore[no-untyped-def]
    memo = make_memo([long_events()], STACKED)
    render_figures(memo, theme)
    for meta in cache_dir.rglob("*.json"):
        meta.write_text("{not json")
    render_figures(memo, theme)
    assert len(draws) == 2


def test_the_cache_folder_follows_the_environment(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("MEMOKIT_CACHE_DIR", str(tmp_path / "c"))
    assert cache.cache_dir() == tmp_path / "c" / "figures"
    monkeypatch.delenv("MEMOKIT_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "x"))
    assert cache.cache_dir() == tmp_path / "x" / "memokit" / "figures"


_HIT = """
import sys
sys.path.insert(0, {root!r})
from tests.figures.conftest import long_events, make_memo
from memokit.figures.render import render_figures
from memokit.model.nodes import ChartSpec
from memokit.style import builtin_styles, load_style
memo = make_memo([long_events()], ChartSpec("stacked-bar", "events", "month", ("events",), "event_type"))
render_figures(memo, load_style(builtin_styles()["memo"]))
print("matplotlib" in sys.modules)
"""


def test_a_cache_hit_does_not_import_matplotlib(tmp_path) -> None:  # type: ignore[no-untyped-def]
    env = {"MEMOKIT_CACHE_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    runs = [subprocess.run([sys.executable, "-c", _HIT.format(root=str(ROOT))], env=env, cwd=ROOT,
                           capture_output=True, text=True, check=True).stdout.strip()
            for _ in range(2)]
    assert runs == ["True", "False"]
