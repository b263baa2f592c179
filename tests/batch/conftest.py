"""Fixtures of the batch tests (helpers live in tests/batch/memos.py)."""

from __future__ import annotations

import functools
from collections.abc import Callable

import pytest

from memokit.batch import BuildReport, build
from tests.batch import faults


@pytest.fixture(autouse=True)
def _own_figure_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep the figure cache of these tests out of the user's cache folder."""
    monkeypatch.setenv("MEMOKIT_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "figure-cache"))


@pytest.fixture
def faulty_build() -> Callable[..., BuildReport]:
    """``build`` whose workers render with tests.batch.faults: memos named ``*-raise``,
    ``*-crash`` or ``*-hang`` fail that way, the others are rendered as usual."""
    return functools.partial(build, renderer=faults.RENDERER)
