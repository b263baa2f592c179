"""``watch``: re-render memos when their files change, for authors at work.

A polling loop over the files that matter (a folder's tree, or a memo file with the data
and style files it uses), comparing modification time and size. Polling is enough for a
folder of memos, needs no native dependency, and also works on network and container
mounts where file-system events do not arrive. Each change runs an incremental build, so
only the memos whose inputs changed are rendered; workers fork from the same preloaded
server every time, so a re-render starts warm.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from memokit.batch.manifest import input_files
from memokit.batch.report import BuildReport
from memokit.batch.runner import build
from memokit.errors import UsageError

Snapshot = dict[str, tuple[int, int]]


class Watcher:
    """Watches one memo file or folder; ``check()`` rebuilds once per settled change."""

    def __init__(self, target: str | os.PathLike[str], out_dir: str | os.PathLike[str],
                 settle: float = 0.2, **build_options: Any) -> None:
        self.target = Path(target)
        if not self.target.exists():
            raise UsageError(f"{self.target}: no such file or folder")
        self.out_dir = Path(out_dir)
        self.settle = settle
        self.options = build_options
        self._last: Snapshot | None = None

    def _watched(self) -> list[Path]:
        if self.target.is_file():
            root = self.options.get("data_root")
            return input_files(self.target, Path(root) if root else None)
        out = self.out_dir.resolve()
        found = []
        for root, dirs, files in os.walk(self.target):
            dirs[:] = [d for d in dirs if not d.startswith(".") and (Path(root) / d).resolve() != out]
            found.extend(Path(root) / f for f in files if not f.startswith("."))
        return found

    def snapshot(self) -> Snapshot:
        """Modification time and size of every watched file (missing files left out)."""
        snap: Snapshot = {}
        for p in self._watched():
            try:
                st = p.stat()
            except OSError:
                continue
            snap[str(p)] = (st.st_mtime_ns, st.st_size)
        return snap

    def check(self) -> BuildReport | None:
        """Build if anything changed since the last check (the first check always builds)."""
        snap = self.snapshot()
        if snap == self._last:
            return None
        if self._last is not None:  # let an editor finish saving before reading
            while True:
                time.sleep(self.settle)
                again = self.snapshot()
                if again == snap:
                    break
                snap = again
        self._last = snap
        return build([self.target], self.out_dir, **self.options)

    def run(self, interval: float = 0.5, on_idle: Callable[[], bool] | None = None) -> None:
        """Check every ``interval`` seconds until interrupted (or ``on_idle`` returns False)."""
        while True:
            try:
                self.check()
            except UsageError as exc:  # e.g. the memo was deleted: keep watching
                print(f"memokit watch: {exc}", file=sys.stderr)
                self._last = self.snapshot()
            if on_idle is not None and not on_idle():
                return
            time.sleep(interval)
