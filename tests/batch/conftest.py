"""Fixtures of the batch tests (helpers live in tests/batch/memos.py)."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _own_figure_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep the figure cache of these tests out of the user's cache folder."""
    monkeypatch.setenv("MEMOKIT_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "figure-cache"))
