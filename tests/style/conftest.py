"""Fixtures of the house-style tests: one memo rendered in several styles."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from memokit.pipeline import render_memo
from tests.helpers import EXAMPLE

Rendered = dict[str, Path]
RenderIn = Callable[[str, str], Rendered]


def render_in(out: Path, style: str, memo: Path = EXAMPLE) -> Rendered:
    """Render ``memo`` with ``style`` (a built-in name or a folder) into ``out``; {'pdf': .., 'docx': ..}."""
    result = render_memo(memo, out, ("pdf", "docx"), style=style)
    return {p.suffix[1:]: p for p in result.outputs}


@pytest.fixture(scope="session")
def memo_out(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    return render_in(tmp_path_factory.mktemp("memo-style"), "memo")


@pytest.fixture(scope="session")
def brief_out(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    return render_in(tmp_path_factory.mktemp("brief-style"), "brief")
