"""Fixtures of the PDF writer tests: the house style, the rendered example and long memos."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

from memokit.errors import Diagnostic
from memokit.figures.asset import FigureAsset
from memokit.model.nodes import Memo
from memokit.resolve import load_memo
from memokit.style import load_style, style_folder
from memokit.style.theme import Theme
from memokit.writers.pdf import write
from tests.helpers import EXAMPLE
from tests.pdf.generate import long_memo_yaml

Render = Callable[..., tuple[Path, Memo, list[Diagnostic]]]


@pytest.fixture(scope="session")
def theme() -> Theme:
    return load_style(style_folder("memo"))


def render_yaml(text: str, folder: Path, theme: Theme, assets: Mapping[str, FigureAsset] | None = None,
                name: str = "memo") -> tuple[Path, Memo, list[Diagnostic]]:
    """Write ``text`` as a memo file, load it and render its PDF; figures drawn unless given."""
    folder.mkdir(parents=True, exist_ok=True)
    src = folder / f"{name}.yaml"
    src.write_text(text, encoding="utf-8")
    memo = load_memo(src).memo
    if assets is None:
        from memokit.figures.render import render_figures

        assets = render_figures(memo, theme)
    out = folder / f"{name}.pdf"
    warnings = write(memo, theme, assets, out)
    return out, memo, warnings


@pytest.fixture(scope="session")
def example(tmp_path_factory: pytest.TempPathFactory, theme: Theme) -> tuple[Path, Memo]:
    from memokit.figures.render import render_figures

    memo = load_memo(EXAMPLE).memo
    out = tmp_path_factory.mktemp("example") / "example.pdf"
    write(memo, theme, render_figures(memo, theme), out)
    return out, memo


@pytest.fixture(scope="session")
def long_memo(tmp_path_factory: pytest.TempPathFactory, theme: Theme) -> tuple[Path, Memo]:
    folder = tmp_path_factory.mktemp("long")
    # a seed whose last page cites notes in both columns (the balancing test needs them)
    out, memo, _ = render_yaml(long_memo_yaml(pages=24, seed=7), folder, theme)
    return out, memo
