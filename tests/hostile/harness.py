"""Running memokit as a hostile user would: in a child process with a time and memory
bound, in a sandbox folder whose every file is recorded before and after.

A hostile case asserts the exit code, the located message, that nothing outside the
output folder changed, and (for bad content) that no output was written.
"""

from __future__ import annotations

import hashlib
import os
import resource
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

MEMORY_LIMIT = 2 * 1024**3  # bytes of address space a hostile run may take
TIME_LIMIT = 60.0  # seconds before a hostile run counts as hung


@dataclass
class Run:
    code: int
    out: str
    err: str
    seconds: float

    @property
    def errors(self) -> list[str]:
        return [line for line in self.err.splitlines() if ": error: " in line]


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def memokit(args: Sequence[str], cwd: Path, timeout: float = TIME_LIMIT,
            env: dict[str, str] | None = None) -> Run:
    """``memokit ARGS`` in ``cwd`` as a child process, bounded in time and memory."""
    start = time.perf_counter()
    full_env = {**os.environ, **(env or {})}
    try:
        r = subprocess.run([sys.executable, "-m", "memokit.cli", *args], cwd=cwd, env=full_env,
                           capture_output=True, text=True, timeout=timeout, preexec_fn=_limits)
    except subprocess.TimeoutExpired:
        raise AssertionError(f"memokit {' '.join(args)} ran past {timeout:.0f} s") from None
    run = Run(r.returncode, r.stdout, r.stderr, time.perf_counter() - start)
    assert "Traceback" not in run.err, run.err
    return run


Snapshot = dict[str, tuple[str, int, str]]


def snapshot(root: Path) -> Snapshot:
    """Every entry under ``root``: kind, size and content hash (links by their target)."""
    out: Snapshot = {}
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        for name in dirnames + filenames:
            p = Path(dirpath) / name
            rel = str(p.relative_to(root))
            if p.is_symlink():
                out[rel] = ("link", 0, os.readlink(p))
            elif p.is_file():
                data = p.read_bytes()
                out[rel] = ("file", len(data), hashlib.sha256(data).hexdigest())
            elif p.is_dir():
                out[rel] = ("dir", 0, "")
    return out


def changed(before: Snapshot, after: Snapshot, allowed: Sequence[str] = ()) -> list[str]:
    """Entries added, removed or changed, except under the ``allowed`` folders (relative)."""
    names = set(before) | set(after)
    return sorted(n for n in names if before.get(n) != after.get(n)
                  and not any(n == a or n.startswith(a.rstrip("/") + "/") for a in allowed))


def memo_site(folder: Path, memo: str, names: tuple[str, ...]) -> Path:
    """``folder`` holding ``src/<name>.yaml`` (each ``memo``) and a secret file beside them."""
    (folder / "src").mkdir()
    for name in names:
        (folder / "src" / f"{name}.yaml").write_text(memo, encoding="utf-8")
    (folder / "secret.txt").write_text("keep me", encoding="utf-8")
    return folder


def small_memo(title: str, text: str = "Some text.") -> str:
    """The YAML of a one-section memo holding one paragraph."""
    return (f"title: {title}\nauthors: A. Author\ndate: 2026-03-14\nsections:\n"
            f"  - heading: One\n    body:\n      - {text}\n")
