"""A parallel render (the ``memokit render`` command's) writes a long memo's DOCX in a forked
child while the PDF is tagged and saved: the same files, the same errors, no child left behind."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import memokit.pipeline as pipeline
from memokit.errors import ContentError, Diagnostic, UsageError
from memokit.pipeline import forked, render_memo
from tests.pdf.generate import long_memo_yaml


@pytest.fixture(scope="module")
def long_memo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = tmp_path_factory.mktemp("long") / "long.yaml"
    src.write_text(long_memo_yaml(pages=14, notes_per_page=10.0), encoding="utf-8")
    return src


@pytest.fixture
def forks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The pids of the children a render forks (and a check that each was reaped)."""
    pids: list[int] = []
    real = forked.Forked.__init__

    def spy(self: forked.Forked, *a: object) -> None:
        real(self, *a)
        pids.append(self.pid)

    monkeypatch.setattr(forked.Forked, "__init__", spy)
    monkeypatch.setattr(forked, "can_fork", lambda: True)  # even on a one-core runner
    monkeypatch.setattr(pipeline, "can_fork", lambda: True)
    return pids


def reaped(pid: int) -> bool:
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


def test_parallel_render_writes_the_same_files(long_memo: Path, tmp_path: Path, forks: list[int]) -> None:
    one = render_memo(long_memo, tmp_path / "one")
    assert forks == []
    both = render_memo(long_memo, tmp_path / "both", parallel=True)
    assert len(forks) == 1 and reaped(forks[0])
    for name in ("long.pdf", "long.docx"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "both" / name).read_bytes(), name
    assert [p.name for p in both.outputs] == [p.name for p in one.outputs]
    assert both.warnings == one.warnings
    reverse = render_memo(long_memo, tmp_path / "reverse", ["docx", "pdf"], parallel=True)
    in_order = render_memo(long_memo, tmp_path / "in-order", ["docx", "pdf"])
    assert len(forks) == 2
    assert [p.suffix for p in reverse.outputs] == [p.suffix for p in in_order.outputs]
    assert (tmp_path / "reverse" / "long.docx").read_bytes() == (tmp_path / "one" / "long.docx").read_bytes()


def test_a_short_memo_or_one_format_forks_nothing(tmp_path: Path, forks: list[int], long_memo: Path) -> None:
    short = tmp_path / "short.yaml"
    short.write_text(long_memo_yaml(pages=2, notes_per_page=3.0), encoding="utf-8")
    render_memo(short, tmp_path / "out", parallel=True)
    render_memo(long_memo, tmp_path / "out", ["pdf"], parallel=True)
    assert forks == []


def test_a_docx_failure_in_the_child_is_the_same_failure(long_memo: Path, tmp_path: Path, forks: list[int],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    import memokit.writers.docx as docx_writer

    def bad_content(*a: object, **k: object) -> list[Diagnostic]:
        raise ContentError([Diagnostic(str(long_memo), 3, 5, "sections", "a table cannot be written")])

    monkeypatch.setattr(docx_writer, "write", bad_content)
    with pytest.raises(ContentError) as caught:
        render_memo(long_memo, tmp_path / "out", parallel=True)
    assert caught.value.diagnostics[0].message == "a table cannot be written"
    assert caught.value.diagnostics[0].line == 3
    assert len(forks) == 1 and reaped(forks[0])
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())  # nothing written

    def crash(*a: object, **k: object) -> list[Diagnostic]:
        os._exit(7)  # the child dies without a word

    monkeypatch.setattr(docx_writer, "write", crash)
    with pytest.raises(RuntimeError, match="exit status 7"):
        render_memo(long_memo, tmp_path / "out", parallel=True)
    assert len(forks) == 2 and reaped(forks[1])
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_a_pdf_failure_after_the_fork_stops_the_child(long_memo: Path, tmp_path: Path, forks: list[int],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import memokit.writers.pdf as pdf_writer

    def broken(*a: object, **k: object) -> bytes:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pdf_writer, "finish", broken)
    with pytest.raises(UsageError, match="the disk is full"):
        render_memo(long_memo, tmp_path / "out", parallel=True)
    assert len(forks) == 1 and reaped(forks[0])
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_forking_needs_linux_one_thread_and_a_spare_core(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys
    import threading

    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    monkeypatch.setattr(sys, "platform", "linux")
    assert forked.can_fork()
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0}, raising=False)
    assert not forked.can_fork()
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    monkeypatch.setattr(threading, "active_count", lambda: 2)
    assert not forked.can_fork()
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    monkeypatch.setattr(sys, "platform", "darwin")
    assert not forked.can_fork()
