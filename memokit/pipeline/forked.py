"""One function run in a forked copy of this process, its result or error read back later.

The PDF and the DOCX of a long memo can be finished at the same time: once the PDF is laid
out (the DOCX reads where its floats and headings fell), the DOCX is written in a forked
child while this process tags and saves the PDF. Forking is used only where it is safe and
pays (:func:`can_fork`): Linux, a spare core, one thread in this process.
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable
from typing import Any


def can_fork() -> bool:
    """Whether a forked child could run beside this process: Linux (elsewhere, macOS among them,
    forking a process that loaded system frameworks is unsafe), one thread in this process
    (forking a threaded process can deadlock the child) and more than one core."""
    if not sys.platform.startswith("linux") or threading.active_count() != 1:
        return False
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    return cores > 1


class Forked:
    """A child running ``fn(*args)``; :meth:`result` waits for it."""

    def __init__(self, fn: Callable[..., Any], *args: Any) -> None:
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: run, send the outcome, leave without any of the parent's cleanup
            os.close(read)
            code = 0
            try:
                try:
                    payload = pickle.dumps(("ok", fn(*args)))
                except BaseException as exc:  # noqa: BLE001 - every failure goes back to the parent
                    payload = _error(exc)
                with os.fdopen(write, "wb") as out:
                    out.write(payload)
            except BaseException:  # noqa: BLE001 - the parent sees a child that said nothing
                code = 1
            finally:
                os._exit(code)
        os.close(write)
        self.pid, self._read = pid, read

    def result(self) -> Any:
        """The function's return value, or its exception raised here."""
        with os.fdopen(self._read, "rb") as src:
            data = src.read()
        _, status = os.waitpid(self.pid, 0)
        self.pid = 0
        if not data:
            raise RuntimeError(f"the writer's process ended without a result ({_status(status)})")
        kind, value = pickle.loads(data)  # noqa: S301 - written by our own child
        if kind == "error":
            raise value
        return value

    def abandon(self) -> None:
        """Stop the child (the parent failed) and reap it."""
        if self.pid:
            try:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
            self.pid = 0
            os.close(self._read)


def _error(exc: BaseException) -> bytes:
    try:
        payload = pickle.dumps(("error", exc))
        pickle.loads(payload)  # noqa: S301 - it must come back as it went
        return payload
    except Exception:  # noqa: BLE001 - an exception that does not pickle goes back as its text
        return pickle.dumps(("error", RuntimeError(f"{type(exc).__name__}: {exc}")))


def _status(status: int) -> str:
    if os.WIFSIGNALED(status):
        return f"killed by signal {os.WTERMSIG(status)}"
    return f"exit status {os.WEXITSTATUS(status)}"
