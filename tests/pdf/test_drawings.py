"""Charts converted once: the same PDF whether the Drawing was converted, read back from disk or
kept in memory; a stored entry that is not a Drawing of graphics shapes is never used."""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

import pytest

from memokit.figures.render import render_figures
from memokit.resolve import load_memo
from memokit.style.theme import Theme
from memokit.writers.pdf import drawings, write
from tests.helpers import EXAMPLE


def _pdf(tmp: Path, theme: Theme, name: str) -> bytes:
    memo = load_memo(EXAMPLE).memo
    out = tmp / f"{name}.pdf"
    write(memo, theme, render_figures(memo, theme), out)
    return out.read_bytes()


def test_converted_stored_and_remembered_charts_give_the_same_pdf(
        tmp_path: Path, theme: Theme, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEMOKIT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(drawings, "_memory", type(drawings._memory)())
    converted = _pdf(tmp_path, theme, "converted")
    stored = list((tmp_path / "cache" / "drawings").glob("*/*.pickle"))
    assert stored, "the converted chart was not stored"
    remembered = _pdf(tmp_path, theme, "remembered")
    drawings._memory.clear()
    from_disk = _pdf(tmp_path, theme, "from-disk")
    assert converted == remembered == from_disk


class _Planted:
    """Unpickling this would run a command."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return os.system, (f"touch {self.marker}",)


def test_a_stored_entry_that_is_not_graphics_is_refused(
        tmp_path: Path, theme: Theme, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEMOKIT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(drawings, "_memory", type(drawings._memory)())
    expected = _pdf(tmp_path, theme, "first")
    marker = tmp_path / "ran"
    for entry in (tmp_path / "cache" / "drawings").glob("*/*.pickle"):
        entry.write_bytes(pickle.dumps(_Planted(marker)))
    drawings._memory.clear()
    again = _pdf(tmp_path, theme, "again")
    assert not marker.exists()
    assert hashlib.sha256(again).digest() == hashlib.sha256(expected).digest()
