"""A hostile house style in a sandbox: the memo folder with its style folder, and a folder
outside the memo's tree holding what the style must not reach. Built from small generated
fixtures; run through memokit as a child process (tests.hostile.harness)."""

from __future__ import annotations

import os
import struct
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from tests.hostile.harness import Run, changed, memokit, snapshot

SECRET = "SECRET-7f3a-outside-the-tree"  # written into every file outside the memo's tree
MEMO = """\
title: Hostile style
authors: [A. N. Author]
date: 2026-03-14
style: house
data:
  d:
    rows:
      - [k, v]
      - [a, 1]
      - [b, 2]
sections:
  - heading: Heading
    body:
      - Text.
      - figure:
          id: f1
          chart: bar
          caption: Bars
          data: d
          x: k
          y: v
          alt: Two bars
"""
SVG = ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
       'width="64" height="64">{}</svg>')


def png(width: int, height: int, pixels: bool = True) -> bytes:
    """A PNG of ``width`` x ``height`` red pixels (only its header when not ``pixels``)."""
    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))

    out = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
    if pixels:
        rows = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
        out += chunk(b"IDAT", zlib.compress(rows))
    return out + chunk(b"IEND", b"")


def svg(body: str) -> bytes:
    return SVG.format(body).encode()


@dataclass
class Link:
    """A symbolic link to ``target`` (relative to the sandbox, or absolute)."""

    target: str


@dataclass
class Sandbox:
    box: Path
    style: dict[str, bytes | str | Link] = field(default_factory=dict)  # files of the style folder
    outside: dict[str, bytes | str] = field(default_factory=dict)  # files outside the memo's tree
    memo: str = MEMO

    @property
    def memo_dir(self) -> Path:
        return self.box / "memos" / "m"

    @property
    def style_dir(self) -> Path:
        return self.memo_dir / "house"

    @property
    def style_file(self) -> Path:
        return self.style_dir / "style.yaml"

    @property
    def out(self) -> Path:
        return self.memo_dir / "out"

    def write(self) -> Sandbox:
        self.style_dir.mkdir(parents=True)
        (self.box / "outside").mkdir()
        (self.box / "outside" / "secret.txt").write_text(SECRET + "\n", encoding="utf-8")
        for rel, data in self.outside.items():
            _put(self.box / "outside" / rel, data)
        for rel, data in self.style.items():
            p = self.style_dir / rel
            p.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(data, Link):
                os.symlink(data.target if data.target.startswith("/") else self.box / data.target, p)
            else:
                _put(p, data.replace("%OUTSIDE%", str(self.box / "outside"))
                     if isinstance(data, str) else data)
        (self.memo_dir / "memo.yaml").write_text(self.memo, encoding="utf-8")
        return self

    def run(self, command: str = "render") -> tuple[Run, list[str]]:
        """``memokit render memo.yaml -o out`` (or ``validate``) in the memo's folder: the run
        and what changed in the sandbox outside ``out``."""
        before = snapshot(self.box)
        args = ["render", "memo.yaml", "-o", "out"] if command == "render" else [command, "memo.yaml"]
        run = memokit(args, cwd=self.memo_dir)
        return run, changed(before, snapshot(self.box), allowed=["memos/m/out"])


def _put(path: Path, data: bytes | str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)


def assert_refused(sb: Sandbox, line: int, column: int, field: str, *fragments: str,
                   file: Path | None = None) -> None:
    """Render and validate both exit 1 with the first error at FILE:LINE:COL FIELD, naming
    each fragment; nothing is written and nothing outside the output folder changes; the
    secret outside the tree shows nowhere."""
    where = f"{file or sb.style_file}:{line}:{column}: error: " + (f"{field}: " if field else "")
    for command in ("validate", "render"):
        run, changes = sb.run(command)
        assert run.code == 1, (command, run.code, run.err)
        assert run.errors and run.errors[0].startswith(where), (command, run.err)
        for fragment in fragments:
            assert fragment in run.errors[0], (command, fragment, run.errors[0])
        assert SECRET not in run.out + run.err
        assert changes == [], changes
        assert not sb.out.exists(), sorted(p.name for p in sb.out.iterdir())
