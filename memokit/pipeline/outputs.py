"""A render's outputs: written where nobody else can reach them, then moved into place together.

Each render writes into a private folder it creates inside the output folder
(``tempfile.mkdtemp``: an unpredictable name, mode 0700, created exclusively), so a
file or link planted in a shared output folder is never written through. Finished
outputs are renamed over their final names (a rename replaces a link, never follows
it). Every final name is checked first: an output that would replace an input of the
render, or a name taken by a folder, stops the render before anything is replaced.
A render killed on the way leaves its private folder behind; the next render of the
same memo removes it (its own pattern, and only when the process that made it is gone).
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

from memokit.errors import ContentError, Diagnostic, UsageError

MARK = ".memokit-"  # private folders are named .<stem>.memokit-<pid>-<random>
# temporary files of earlier memokit versions: .<stem>.<fmt>.<pid>.tmp
_OLD = re.compile(r"\.(?P<stem>.+)\.(pdf|docx)\.(?P<pid>\d+)\.tmp")
_ENVIRONMENT = {errno.ENOSPC: "the disk is full", errno.EDQUOT: "the disk quota is used up",
                errno.EROFS: "the file system is read-only", errno.EACCES: "permission denied",
                errno.EPERM: "permission denied"}


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


def sweep(out: Path, stem: str) -> list[Path]:
    """Remove what killed renders of the memo ``stem`` left in ``out``; return what was removed."""
    removed: list[Path] = []
    prefix = f".{stem}{MARK}"
    try:
        entries = list(os.scandir(out))
    except OSError:
        return removed
    for entry in entries:
        pid: str | None = None
        if entry.name.startswith(prefix):
            pid = entry.name[len(prefix):].split("-", 1)[0]
            is_dir = entry.is_dir(follow_symlinks=False)
        else:
            m = _OLD.fullmatch(entry.name)
            if m and m.group("stem") == stem:
                pid, is_dir = m.group("pid"), False
        if pid is None or not pid.isdigit() or _alive(int(pid)) or entry.is_symlink():
            continue
        path = Path(entry.path)
        try:
            if is_dir:
                shutil.rmtree(path)
            else:
                path.unlink()
        except OSError:
            continue
        removed.append(path)
    return removed


def environment_problem(exc: OSError, where: Path) -> UsageError | None:
    """A clear usage error for a full, read-only or forbidden output folder; None otherwise."""
    why = _ENVIRONMENT.get(exc.errno or 0)
    if why is None:
        return None
    return UsageError(f"{where}: cannot write the outputs: {why}")


def _same(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


class Outputs:
    """The output files of one memo, named ``<stem>.<fmt>`` in ``out``."""

    def __init__(self, out: Path, stem: str, formats: Iterable[str], force: bool = False):
        self.force = force  # replace a DOCX a person edited since memokit wrote it
        self.out = out
        self.stem = stem
        self.finals = {fmt: out / f"{stem}.{fmt}" for fmt in formats}
        self.private: Path | None = None

    def check(self, inputs: Iterable[Path]) -> None:
        """UsageError naming the first final name that cannot or must not be replaced."""
        if self.out.exists() and not self.out.is_dir():
            raise UsageError(f"{self.out}: the output folder is a file; name a folder with -o")
        sources = [Path(p) for p in inputs]
        for final in self.finals.values():
            if final.is_symlink():
                continue  # the link itself is replaced; what it points to is never written
            if final.exists() and not final.is_file():
                raise UsageError(f"{final}: the output name is taken by a folder or a device; "
                                 "move it away or choose another output folder with -o")
            if final.suffix == ".docx" and not self.force and final.is_file():
                from memokit.writers.docx_stamp import edited

                if edited(final):
                    raise ContentError([Diagnostic(str(final), None, None, None, (
                        "this DOCX was edited since memokit wrote it; merge the edits into the "
                        f"memo with 'memokit import {final}', or replace it with "
                        "'memokit render --force'"))])
            for src in sources:
                if final.exists() and _same(final, src) or final.resolve() == src.resolve():
                    raise UsageError(f"{final}: writing this output would replace {src}, an input "
                                     "of the render; choose another output folder with -o")

    def __enter__(self) -> Outputs:
        try:
            self.out.mkdir(parents=True, exist_ok=True)
            sweep(self.out, self.stem)
            self.private = Path(tempfile.mkdtemp(prefix=f".{self.stem}{MARK}{os.getpid()}-",
                                                 dir=self.out))
        except OSError as exc:
            problem = environment_problem(exc, self.out)
            if problem is None:
                raise UsageError(f"{self.out}: cannot create the output folder: "
                                 f"{exc.strerror or exc}") from None
            raise problem from None
        return self

    def path(self, fmt: str) -> Path:
        """Where the writer of ``fmt`` writes (inside the private folder)."""
        assert self.private is not None
        return self.private / f"{self.stem}.{fmt}"

    def commit(self, inputs: Iterable[Path]) -> list[Path]:
        """Move every output into place; check the final names again first."""
        self.check(inputs)
        for fmt, final in self.finals.items():
            try:
                os.replace(self.path(fmt), final)
            except OSError as exc:
                raise environment_problem(exc, final) or UsageError(
                    f"{final}: cannot replace it: {exc.strerror or exc}") from None
        return list(self.finals.values())

    def __exit__(self, *exc: object) -> None:
        if self.private is not None:
            shutil.rmtree(self.private, ignore_errors=True)
            self.private = None


def write_atomic(path: Path, content: bytes) -> None:
    """Write one file whole or not at all: an exclusive temporary beside it, then a rename
    (a full disk leaves the old file as it was). UsageError when it cannot be written."""
    if path.exists() and not path.is_file() and not path.is_symlink():
        raise UsageError(f"{path}: the output name is taken by a folder or a device")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}{MARK}{os.getpid()}-")
    except OSError as exc:
        raise environment_problem(exc, path.parent) or UsageError(
            f"{path.parent}: cannot write there: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(content)
        os.replace(tmp, path)
    except OSError as exc:
        raise environment_problem(exc, path) or UsageError(
            f"{path}: cannot write it: {exc.strerror or exc}") from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
