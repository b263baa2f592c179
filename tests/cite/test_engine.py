"""The engine seam: failures are located errors, results are cached, pandoc is the wheel's."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from memokit.cite import engine
from memokit.errors import ContentError
from tests.cite.cited import memo_with, note_texts


def test_the_engine_is_the_wheels_pandoc_3() -> None:
    import subprocess

    out = subprocess.run([engine.pandoc_path(), "--version"], capture_output=True, text=True).stdout
    assert out.startswith("pandoc 3.")
    assert "pypandoc" in engine.pandoc_path()


def test_a_failing_engine_is_a_located_error_not_a_traceback(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEMOKIT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(engine, "pandoc_path", lambda: str(tmp_path / "no-such-pandoc"))
    with pytest.raises(ContentError) as info:
        memo_with(tmp_path, ["A [@smith2016]."])
    (d,) = info.value.diagnostics
    assert (d.line, d.field) == (4, "bibliography")
    assert d.message.startswith("the citation engine could not run")


def test_a_slow_engine_is_stopped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEMOKIT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(engine, "TIMEOUT", 0.001)
    with pytest.raises(ContentError) as info:
        memo_with(tmp_path, ["A [@smith2016]."])
    assert "took more than" in info.value.diagnostics[0].message


def test_results_are_cached_and_the_cache_is_keyed_by_what_shapes_them(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEMOKIT_CACHE_DIR", str(tmp_path / "cache"))
    runs = []
    real = engine._run
    monkeypatch.setattr(engine, "_run", lambda *a: runs.append(a) or real(*a))
    first = note_texts(memo_with(tmp_path, ["A [@smith2016, p. 3]."]))
    assert len(runs) == 1
    assert note_texts(memo_with(tmp_path, ["A [@smith2016, p. 3]."])) == first
    assert len(runs) == 1  # served from the cache
    assert note_texts(memo_with(tmp_path, ["A [@smith2016, p. 4]."])) != first
    assert len(runs) == 2
    note_texts(memo_with(tmp_path, ["A [@smith2016, p. 4]."], language="de-DE"))
    assert len(runs) == 3


def test_without_a_bibliography_a_citation_stays_an_error(tmp_path: Path) -> None:
    from memokit.resolve import load_memo

    (tmp_path / "m.yaml").write_text("title: T\nauthors: A\ndate: 2026-03-01\nsections:\n"
                                     "  - heading: H\n    body:\n      - See [@smith2016].\n")
    with pytest.raises(ContentError) as info:
        load_memo(tmp_path / "m.yaml")
    assert "need a bibliography" in info.value.diagnostics[0].message


def test_time_a_bibliography_adds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEMOKIT_CACHE_DIR", str(tmp_path / "cache"))
    t0 = time.perf_counter()
    memo_with(tmp_path, [f"A [@smith2016, p. {i}]." for i in range(20)], bib="entries.bib")
    cold = time.perf_counter() - t0
    t0 = time.perf_counter()
    memo_with(tmp_path, [f"A [@smith2016, p. {i}]." for i in range(20)], bib="entries.bib")
    cached = time.perf_counter() - t0
    assert cached < cold
