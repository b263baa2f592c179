"""The figure cache is checked on every read: a damaged entry is drawn again, a cache that
cannot be written costs a note (not a warning), and a figure file is written whole or not."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from memokit.cli import main
from memokit.pipeline import outputs
from tests.hostile.harness import memokit

MEMO = """title: Cache
authors: A. Author
date: 2026-03-14
data:
  visits:
    rows:
      - [year, visits]
      - [2020, 5]
      - [2021, 7]
      - [2022, 9]
sections:
  - heading: One
    body:
      - As @fig:visits shows.
      - figure:
          id: visits
          caption: Visits
          data: visits
          chart: bar
          x: year
          y: visits
          alt: Visits rise from 5 to 9.
"""


@pytest.fixture
def memo(tmp_path: Path) -> Path:
    src = tmp_path / "memo.yaml"
    src.write_text(MEMO, encoding="utf-8")
    return src


def _render(memo: Path, out: Path, cache: Path, *extra: str) -> tuple[int, str, dict[str, bytes]]:
    run = memokit(["render", str(memo), "-o", str(out), *extra], memo.parent,
                  env={"MEMOKIT_CACHE_DIR": str(cache)})
    files = {p.name: p.read_bytes() for p in out.iterdir()} if out.exists() else {}
    return run.code, run.err, files


@pytest.mark.parametrize("damage", ["svg-half", "png-half", "svg-garbage", "json-garbage",
                                    "png-empty"])
def test_a_damaged_cache_entry_is_drawn_again_and_the_outputs_are_as_fresh(
        memo: Path, tmp_path: Path, damage: str) -> None:
    cache = tmp_path / "cache"
    code, _, fresh = _render(memo, tmp_path / "fresh", cache)
    assert code == 0
    kind, how = damage.split("-")
    suffix = {"svg": ".svg", "png": ".png", "json": ".json"}[kind]
    [entry] = list((cache / "figures").rglob(f"*{suffix}"))
    data = entry.read_bytes()
    entry.write_bytes({"half": data[: len(data) // 2], "garbage": b"\x00garbage",
                       "empty": b""}[how])
    code, err, again = _render(memo, tmp_path / "again", cache)
    assert code == 0, err
    assert again == fresh
    assert entry.read_bytes() == data  # redrawn and stored again


def test_a_cache_that_cannot_be_written_costs_one_note_and_strict_still_passes(
        memo: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    code, err, files = _render(memo, tmp_path / "out", blocker / "cache", "--strict")
    assert code == 0
    notes = [line for line in err.splitlines() if line.startswith("memokit: note: ")]
    assert len(notes) == 1 and "cannot be written" in notes[0] and "charts are drawn without it" \
        in notes[0]
    assert ": warning: " not in err and sorted(files) == ["memo.docx", "memo.pdf"]


def test_a_full_cache_disk_costs_a_note(memo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    from memokit.figures import cache

    def full(*args: object, **kw: object) -> tuple[int, str]:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setenv("MEMOKIT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(cache.tempfile, "mkstemp", full)
    assert main(["render", str(memo), "-o", str(tmp_path / "out")]) == 0
    err = capsys.readouterr().err
    assert "memokit: note: the figure cache" in err and "No space left on device" in err


def test_figure_output_on_a_full_disk_keeps_the_old_file(
        memo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "fig.png"
    target.write_bytes(b"old picture")
    real_fdopen = os.fdopen

    class Full:
        def __init__(self, fd: int, mode: str) -> None:
            self.fh = real_fdopen(fd, mode)

        def __enter__(self) -> Full:
            return self

        def __exit__(self, *exc: object) -> None:
            self.fh.close()

        def write(self, data: bytes) -> int:
            self.fh.write(data[:10])
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setenv("MEMOKIT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(outputs.os, "fdopen", Full)
    assert main(["figure", str(memo), "--id", "visits", "-o", str(target)]) == 2
    assert capsys.readouterr().err.strip().splitlines()[-1] == \
        f"memokit: error: {target}: cannot write the outputs: the disk is full"
    assert target.read_bytes() == b"old picture"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "fig.png", "memo.yaml"]
