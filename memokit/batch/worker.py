"""The loop of a local pool's worker process: receive a job (``memokit.batch.job``), run
it, send its result, until told to stop."""

from __future__ import annotations

import gc
import os
import signal
import sys
from typing import Any

from memokit.batch.job import run_job


def _die_with_parent() -> None:
    """On Linux, ask for SIGKILL when the process this worker was forked from ends (the
    forkserver, which ends with the build): a build killed with ``kill -9`` takes its
    workers with it instead of leaving them rendering into a folder it no longer owns."""
    try:  # a forked child keeps the forkserver alive (for children of its own); a worker has none
        from multiprocessing import forkserver

        server = forkserver._forkserver  # type: ignore[attr-defined]
        if server._forkserver_alive_fd is not None and server._forkserver_pid is None:
            os.close(server._forkserver_alive_fd)
            server._forkserver_alive_fd = None
    except (AttributeError, ImportError, OSError):
        pass
    if not sys.platform.startswith("linux"):
        return
    parent = os.getppid()
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # it ended before we asked
        os._exit(1)


def worker_main(conn: Any, environ: dict[str, str], held: Any = None) -> None:
    """The worker's loop: receive a job, send its result, until told to stop.

    ``environ`` is the parent's environment when the worker started: a worker forked from
    the preloaded server would otherwise see the environment of the server's start.
    ``held`` (the build's lock, a file descriptor) stays open as long as the worker lives.
    """
    _die_with_parent()
    if isinstance(held, int):
        os.set_inheritable(held, False)  # the worker's own child processes do not hold the lock
    os.environ.clear()
    os.environ.update(environ)
    import memokit.batch.preload  # noqa: F401 - warm already when forked from a preloaded server

    gc.freeze()  # the libraries' objects, kept for good: no full collection walks them again

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops us
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        result = run_job(job)
        try:
            conn.send(result)
        except OSError:  # the build is gone
            return
