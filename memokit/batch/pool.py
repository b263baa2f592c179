"""A pool of warm worker processes; one that dies or overruns its time limit is replaced.

Workers are forked from a forkserver that has imported the heavy libraries once
(``memokit.batch.preload``), so starting or replacing a worker costs a fork, not the
imports. Each worker has its own pipe and takes one job at a time; the pool watches
the pipes and the process sentinels together, so a crash is seen at once and a hang
when its deadline passes. Where forkserver is unavailable, workers are spawned and
import the libraries themselves (once per worker).

Each worker holds a copy of the build's lock (``memokit.batch.lock``) and, on Linux, dies
with the process it was forked from: a build killed with ``kill -9`` leaves no worker
rendering on behind the next build's back.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
import signal
import sys
import time
import types
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

from memokit.batch.job import Job, JobResult
from memokit.batch.worker import worker_main


def _context() -> Any:
    if "forkserver" in mp.get_all_start_methods():
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(["memokit.batch.preload"])
        return ctx
    return mp.get_context("spawn")


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return str(number)


@contextmanager
def _without_main() -> Iterator[None]:
    """Start workers without re-running the caller's ``__main__`` in them.

    multiprocessing's spawn and forkserver import the parent's main module in every
    child, which re-runs a script that calls ``memokit.build`` without an
    ``if __name__ == "__main__"`` guard. The workers need nothing from it, so the
    parent's main module is hidden while a worker starts.
    """
    main = sys.modules["__main__"]
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        sys.modules["__main__"] = main


class HeldFd:
    """A file descriptor a worker inherits (pickled by multiprocessing's fd passing)."""

    def __init__(self, fd: int) -> None:
        self.fd = fd

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        from multiprocessing import reduction

        return _held_fd, (reduction.DupFd(self.fd),)


def _held_fd(dup: Any) -> int:
    return dup.detach()  # type: ignore[no-any-return]


@dataclass
class _Slot:
    process: Any
    conn: Connection
    job: Job | None = None
    deadline: float | None = None


class WorkerPool:
    """Up to ``size`` workers; ``timeout`` seconds per job (None: no limit)."""

    def __init__(self, size: int, timeout: float | None, hold_fd: int | None = None) -> None:
        self.size = max(1, size)
        self.timeout = timeout
        self.hold_fd = hold_fd  # kept open by every worker (the build's lock)
        self._ctx = _context()
        self._slots: list[_Slot] = []
        self.started = 0  # worker processes started, replacements included

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def busy(self) -> int:
        return sum(s.job is not None for s in self._slots)

    def has_room(self) -> bool:
        return self.busy < self.size

    def submit(self, job: Job) -> None:
        """Hand a job to an idle worker, starting one if needed."""
        slot = next((s for s in self._slots if s.job is None), None)
        if slot is None:
            if len(self._slots) >= self.size:
                raise RuntimeError("no idle worker")
            slot = self._start()
        slot.conn.send(job)
        slot.job = job
        slot.deadline = time.monotonic() + self.timeout if self.timeout else None

    def start_one(self) -> None:
        """Start an idle worker ahead of the first job (if there is room)."""
        if len(self._slots) < self.size:
            self._start()

    def _start(self) -> _Slot:
        parent, child = self._ctx.Pipe()
        held = HeldFd(self.hold_fd) if self.hold_fd is not None else None
        proc = self._ctx.Process(target=worker_main, args=(child, dict(os.environ), held),
                                 daemon=True, name="memokit-worker")
        with _without_main():
            proc.start()
        child.close()
        self.started += 1
        slot = _Slot(proc, parent)
        self._slots.append(slot)
        return slot

    def wait(self, max_wait: float | None = None) -> list[tuple[Job, JobResult]]:
        """Block until at least one job ends (or ``max_wait`` passes); return the jobs that
        ended with their results (a job whose worker died or overran has a failed result)."""
        busy = [s for s in self._slots if s.job is not None]
        if not busy:
            return []
        now = time.monotonic()
        deadlines = [s.deadline - now for s in busy if s.deadline is not None]
        limit = min(deadlines + ([max_wait] if max_wait is not None else []), default=None)
        ready = set(wait([s.conn for s in busy] + [s.process.sentinel for s in busy],
                         None if limit is None else max(0.0, limit)))
        out: list[tuple[Job, JobResult]] = []
        now = time.monotonic()
        for s in busy:
            if s.conn in ready or s.process.sentinel in ready:
                out.append(self._collect(s))
            elif s.deadline is not None and now >= s.deadline:
                job = s.job
                self._discard(s)
                assert job is not None
                out.append((job, JobResult.failure(job, f"rendering took longer than the time "
                                                   f"limit of {self.timeout:g} s; its worker was "
                                                   "stopped")))
        return out

    def _collect(self, s: _Slot) -> tuple[Job, JobResult]:
        job = s.job
        assert job is not None
        try:
            if s.conn.poll():
                result = s.conn.recv()
                s.job = s.deadline = None
                return job, result
        except (EOFError, OSError):
            pass
        s.process.join(5)
        code = s.process.exitcode
        self._discard(s)
        how = f"was killed by signal {_signal_name(-code)}" if code is not None and code < 0 \
            else f"exited with code {code}"
        return job, JobResult.failure(job, f"the worker process rendering this memo {how}; "
                                      "the memo was not built")

    def _discard(self, s: _Slot) -> None:
        if s.process.is_alive():
            s.process.kill()
        s.process.join()
        s.conn.close()
        self._slots.remove(s)

    def cancel(self) -> list[Job]:
        """Stop every running job's worker; return those jobs."""
        jobs = []
        for s in [s for s in self._slots if s.job is not None]:
            jobs.append(s.job)
            self._discard(s)
        return jobs

    def close(self) -> None:
        """Let idle workers exit; stop busy ones."""
        for s in list(self._slots):
            if s.job is None:
                with contextlib.suppress(OSError):
                    s.conn.send(None)
        deadline = time.monotonic() + 2
        for s in list(self._slots):
            if s.job is None:
                s.process.join(max(0.0, deadline - time.monotonic()))
            self._discard(s)

