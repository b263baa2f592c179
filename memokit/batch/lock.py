"""One build at a time per output folder: an exclusive lock on ``OUT/.memokit-build.lock``.

The lock is ``flock`` on a file inside the output folder, taken without waiting; the file
holds the process id of the build that has it, so a second build can say which build is
using the folder. The build's worker processes hold the same lock (they inherit its file
descriptor), so a build killed with ``kill -9`` keeps the folder until its last worker is
gone; the next build waits that short while instead of working beside them. Holding the
lock, a build may remove whatever an earlier build of the folder left behind.

The lock file is opened without following a link and must be a regular file; the build
that holds the lock removes it when it ends. Where ``fcntl`` is missing (Windows) builds
are not locked.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import time
from pathlib import Path

from memokit.errors import UsageError

try:
    import fcntl
except ImportError:  # not on a POSIX system
    fcntl = None  # type: ignore[assignment]

LOCK_NAME = ".memokit-build.lock"
DEAD_HOLDER_WAIT = 15.0  # seconds to wait for the workers of a build that was killed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True


class BuildLock:
    """The lock of one output folder; use as a context manager."""

    def __init__(self, out: Path, dead_holder_wait: float = DEAD_HOLDER_WAIT) -> None:
        self.out = out
        self.path = out / LOCK_NAME
        self.dead_holder_wait = dead_holder_wait
        self.fd: int | None = None

    def __enter__(self) -> BuildLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()

    def _open(self) -> int:
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0) \
            | getattr(os, "O_NONBLOCK", 0)
        try:
            fd = os.open(self.path, flags, 0o644)
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                raise UsageError(f"{self.path}: the build lock is a symbolic link; remove it "
                                 "(memokit never writes through a link)") from None
            if exc.errno == errno.EISDIR:
                raise UsageError(f"{self.path}: the build lock's name is taken by a folder; "
                                 "remove it") from None
            raise UsageError(f"{self.out}: cannot lock the output folder: "
                             f"{exc.strerror or exc}") from None
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            raise UsageError(f"{self.path}: the build lock is not a regular file; remove it")
        return fd

    def _holder(self, fd: int) -> int | None:
        with contextlib.suppress(OSError, ValueError):
            text = os.pread(fd, 32, 0).decode("ascii").strip()
            return int(text) if text.isdigit() else None
        return None

    def acquire(self) -> None:
        """Take the lock, or raise UsageError naming the folder and the build that has it."""
        if fcntl is None:
            return
        try:
            self.out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UsageError(f"{self.out}: cannot create the output folder: "
                             f"{exc.strerror or exc}") from None
        if not self.out.is_dir():
            raise UsageError(f"{self.out}: the output folder is a file; name a folder with -o")
        deadline = None
        while True:
            fd = self._open()
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                if exc.errno not in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                    os.close(fd)
                    raise UsageError(f"{self.out}: cannot lock the output folder: "
                                     f"{exc.strerror or exc}") from None
                pid = self._holder(fd)
                os.close(fd)
                now = time.monotonic()
                if deadline is None:
                    deadline = now + self.dead_holder_wait
                if pid is None or _alive(pid) or now >= deadline:
                    who = f"process {pid}" if pid is not None else "another process"
                    raise UsageError(f"{self.out}: another memokit build ({who}) is using this "
                                     "output folder; wait for it to finish or build into another "
                                     "folder with -o") from None
                time.sleep(0.05)  # a killed build's workers are finishing: they go soon
                continue
            try:  # the build that held it may have removed the file meanwhile: lock the new one
                same = os.stat(self.path, follow_symlinks=False).st_ino == os.fstat(fd).st_ino
            except OSError:
                same = False
            if not same:
                os.close(fd)
                continue
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
            self.fd = fd
            return

    def release(self) -> None:
        if self.fd is None:
            return
        with contextlib.suppress(OSError):
            if os.stat(self.path, follow_symlinks=False).st_ino == os.fstat(self.fd).st_ino:
                os.unlink(self.path)
        os.close(self.fd)
        self.fd = None
