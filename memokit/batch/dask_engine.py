"""``memokit build --engine dask``: the memos that need rendering, run on a Dask cluster.

Imported only when that engine is chosen (the default build never imports Dask). The
client reads each memo's input files (``memokit.batch.manifest.input_files``: the memo,
its data files and pictures, its style's files; the built-in styles' files are on every
worker already), sends each file's bytes to the cluster once per build under its content
hash (``Client.scatter``), submits one task per memo (``memokit.batch.dask_worker``) and,
as tasks end, writes the returned outputs into the build's staging folder and hands them
to the same code as the local engine, which moves them into place and records them in the
manifest.

Worker loss: the scheduler runs the task again on another worker, up to its
``distributed.scheduler.allowed-failures`` (then the memo fails); inputs that were only on
a lost worker are sent again. Losing the scheduler ends the build with a UsageError; what
was finished is in the manifest.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import importlib.util
import logging
import os
import re
import signal
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from memokit.batch.job import Job, JobResult
from memokit.batch.manifest import MAX_HASHED_BYTES, HashCache, input_files, read_regular
from memokit.errors import UsageError

if TYPE_CHECKING:
    from memokit.batch.runner import _Run

ENV_SCHEDULER = "MEMOKIT_DASK_SCHEDULER"
_ADDRESS = re.compile(r"(?:[a-z][a-z0-9+]*://)?(?:\[[0-9a-fA-F:.]{2,45}\]|[^\s/:\[\]]{1,253})"
                      r"(?::\d{1,5})?/?", re.ASCII)
INSTALL_HINT = "the dask engine needs Dask: pip install memokit[dask]"
CONNECT_TIMEOUT = 10.0  # seconds to reach (or reach again) the scheduler
ALLOWED_FAILURES = 2  # a LocalCluster's scheduler retries a memo whose worker died this often
MAX_NEAR = 500
NEAR = "<near>"  # the key of the names beside missing files, among a task's files
MAX_SENDS = 3  # a memo whose inputs were lost with a worker is sent this often at most


def require_dask() -> None:
    """UsageError (exit 2) naming the extra to install when Dask is missing (found, not
    imported: a build with nothing to do does not pay for importing it)."""
    try:
        found = all(importlib.util.find_spec(name) is not None for name in ("dask", "distributed"))
    except (ImportError, ValueError):
        found = False
    if not found:
        raise UsageError(INSTALL_HINT)


def scheduler_address(given: str | None) -> str | None:
    """The scheduler to build on: ``given`` (``--scheduler``), else ``$MEMOKIT_DASK_SCHEDULER``,
    else None (a LocalCluster). UsageError for what is not an address."""
    address, where = (given, "--scheduler") if given else \
        (os.environ.get(ENV_SCHEDULER) or None, ENV_SCHEDULER)
    if address is not None and not _ADDRESS.fullmatch(address):
        raise UsageError(f"{where}: {address[:80]!r} is not a Dask scheduler address; write it as "
                         "tcp://HOST:PORT or tls://HOST:PORT")
    return address


def _builtin(path: Path) -> bool:
    from memokit.style import templates_root

    try:
        path.relative_to(templates_root().resolve())
    except ValueError:
        return False
    return True


class _Inputs:
    """Each input file's bytes, sent to the cluster once under its content hash."""

    def __init__(self, client: Any) -> None:
        self.client = client
        self.sent: dict[str, Any] = {}  # sha256 -> the scattered bytes' future
        self.hashes = HashCache()
        self.round = 0  # how often inputs were lost with a worker

    def prepare(self, job: Job, data_root: Path | None) -> dict[str, Any]:
        """Hash the job's input files into ``job.inputs``; the files the worker needs, by path
        (and, under ``NEAR``, the names of the files beside a named file that is missing)."""
        from memokit.load.inputs import memo_inputs

        named = memo_inputs(Path(job.source), data_root)
        inputs: dict[str, str | None] = {}
        wanted: dict[str, tuple[str, bytes | None]] = {}
        for path in input_files(Path(job.source), data_root, named):
            if _builtin(path):
                inputs[str(path)] = self.hashes.get(str(path))
                continue
            data = read_regular(path, MAX_HASHED_BYTES)
            digest = hashlib.sha256(data).hexdigest() if data is not None else None
            inputs[str(path)] = digest
            if digest is not None:
                wanted[str(path)] = (digest, data if digest not in self.sent else None)
        job.inputs = inputs
        memo = Path(job.source).absolute()
        if str(memo) not in wanted and inputs.get(str(memo.resolve())):  # a link below the cwd
            wanted[str(memo)] = (inputs[str(memo.resolve())], None)  # type: ignore[assignment]
        new = {d: data for d, data in wanted.values() if data is not None}
        if new:
            keys = {f"memokit-input-{d}-{self.round}": d for d in new}
            scattered = self.client.scatter({k: new[d] for k, d in keys.items()}, hash=False)
            for key, future in scattered.items():
                self.sent[keys[key]] = future
        files: dict[str, Any] = {path: self.sent[digest] for path, (digest, _) in wanted.items()}
        files[NEAR] = _names_near_missing(named)
        return files

    def forget_lost(self) -> None:
        """After inputs were lost with a worker: send every input again (under new keys),
        as the memos that need it are sent."""
        self.round += 1
        self.sent = {}


def _names_near_missing(named: Any) -> dict[str, list[str]]:
    """For each data or picture file the memo names that does not exist, the names of the
    files in its folder (at most ``MAX_NEAR``): the worker's copy of the folder then has
    them (empty), so the "did you mean" of the error reads as it does on the client."""
    out: dict[str, list[str]] = {}
    for path in (*named.data, *named.images):
        if path.is_file() or str(path.parent) in out or not path.parent.is_dir():
            continue
        with contextlib.suppress(OSError):
            out[str(path.parent)] = sorted(e.name for e in os.scandir(path.parent)
                                           if e.is_file())[:MAX_NEAR]
    return out


@contextlib.contextmanager
def _workers_ignore_ctrl_c() -> Iterator[None]:
    """Start the LocalCluster's processes with Ctrl-C ignored (an ignored signal stays
    ignored in a started process): Ctrl-C stops the build, which stops the cluster, instead
    of every worker printing its own traceback. A Ctrl-C during those seconds is lost."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _connect(address: str | None, jobs: int, todo: int) -> tuple[Any, Any]:
    """A client of the scheduler at ``address``, else of a new LocalCluster of ``jobs``
    single-threaded worker processes; and the cluster (None for a running one)."""
    import dask
    from distributed import Client, LocalCluster

    if address:
        try:
            return Client(address, timeout=CONNECT_TIMEOUT), None
        except (OSError, TimeoutError, ValueError) as exc:
            raise UsageError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
    with dask.config.set({"distributed.scheduler.allowed-failures": ALLOWED_FAILURES}), \
            _workers_ignore_ctrl_c():
        cluster = LocalCluster(n_workers=max(1, min(jobs, todo)), threads_per_worker=1,
                               processes=True, dashboard_address=None,
                               silence_logs=logging.ERROR)
    return Client(cluster, timeout=CONNECT_TIMEOUT), cluster


def execute(run: _Run, todo: list[int], jobs: int, timeout: float | None, fail_fast: bool,
            scheduler: str | None) -> None:
    """Render the memos ``todo`` of ``run`` on a Dask cluster; see the module docstring."""
    from distributed import as_completed

    from memokit.batch.dask_worker import MemokitPlugin, render_remote
    from memokit.batch.report import MemoReport
    from memokit.batch.runner import _version

    address = scheduler_address(scheduler)
    where = address or "the local Dask cluster"
    build_id = uuid.uuid4().hex[:12]
    cwd = os.getcwd()
    futures: dict[Any, tuple[Job, int]] = {}
    with _quiet():  # distributed is imported: its loggers exist
        client, cluster = _connect(address, jobs, len(todo))
        try:
            client.register_plugin(MemokitPlugin(), name="memokit")
            inputs = _Inputs(client)

            def submit(job: Job, sends: int) -> Any:
                files = inputs.prepare(job, run.data_root)
                future = client.submit(render_remote, job, files, timeout, cwd, _version(),
                                       key=f"memokit-{build_id}-{job.id}-{sends}", pure=False)
                futures[future] = (job, sends)
                return future

            for i in todo:
                submit(run.job(i), 1)
            pending = as_completed(list(futures))
            for future in pending:
                job, sends = futures.pop(future)
                result = _result(future, job, sends, client, where)
                if result is None:  # its inputs were lost with a worker: send them again
                    inputs.forget_lost()
                    pending.add(submit(job, sends + 1))
                    continue
                memo = run.finish(job, _staged(job, result))
                run.manifest.save(soon=True)
                if fail_fast and memo.status == "failed":
                    client.cancel(list(futures))
                    for other, _ in futures.values():
                        run.record(other.id, MemoReport(other.source, "cancelled"))
                    futures.clear()
                    break
        except (OSError, TimeoutError, asyncio.CancelledError) as exc:  # the scheduler is gone
            raise UsageError(_lost(where, exc)) from None
        finally:
            with contextlib.suppress(Exception):
                client.cancel(list(futures))
            with contextlib.suppress(Exception):
                client.close(timeout=5)
            if cluster is not None:
                with contextlib.suppress(Exception):
                    cluster.close(timeout=10)


def _result(future: Any, job: Job, sends: int, client: Any, where: str) -> JobResult | None:
    """The task's result; a failed result for a memo the cluster could not render; None to
    send the memo again. UsageError when the scheduler is gone."""
    from distributed import KilledWorker

    try:
        return future.result()  # type: ignore[no-any-return]
    except KilledWorker:
        return JobResult.failure(job, "the Dask workers rendering this memo died each time it "
                                 "was tried; the memo was not built")
    except Exception as exc:  # noqa: BLE001 - the cluster's trouble, reported with the memo
        if client.status not in ("running", "connecting"):
            raise UsageError(_lost(where, exc)) from None
        if sends < MAX_SENDS:
            return None
        return JobResult.failure(job, f"the Dask cluster could not render this memo: "
                                 f"{type(exc).__name__}: {exc}")


def _lost(where: str, exc: BaseException) -> str:
    return (f"lost the Dask scheduler at {where} ({type(exc).__name__}); the memos built so far "
            "are recorded, build again to build the rest")


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """Dask's own log messages kept off the build's output (the build reports what matters)."""
    names = ["distributed", *(n for n in logging.root.manager.loggerDict
                              if n.startswith("distributed."))]
    levels = {n: logging.getLogger(n).level for n in names}
    for n in names:
        logging.getLogger(n).setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        for n, level in levels.items():
            logging.getLogger(n).setLevel(level)


def _staged(job: Job, result: JobResult) -> JobResult:
    """Write the returned outputs into the job's staging folder (whole or not at all), as a
    local worker would have; a failed result if they do not match what the worker said."""
    from memokit.pipeline.outputs import write_atomic

    if not result.ok:
        return result
    staging = Path(job.staging)
    for o in result.outputs:
        name, data = str(o["name"]), result.files.get(str(o["name"]))
        if Path(name).name != name or data is None or len(data) != o["bytes"] \
                or hashlib.sha256(data).hexdigest() != o["sha256"]:
            return JobResult.failure(job, f"the output {name} came back damaged from "
                                     f"{result.worker}; the memo was not built", result.worker)
        try:
            write_atomic(staging / name, data)
        except UsageError as exc:
            return JobResult.failure(job, str(exc), result.worker)
    result.files = {}
    return result
