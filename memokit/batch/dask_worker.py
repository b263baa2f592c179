"""What a Dask worker does for ``memokit build --engine dask``: the worker plugin and the task.

Nothing is assumed about the worker's file system: the task receives the memo's input
files as bytes, lays them out in a scratch folder as they are on the client (the client's
absolute paths below ``SCRATCH/fs``, with the client's working folder recreated there, so
relative paths and the messages that show them read the same), renders there with the
shared job function (``memokit.batch.job.run_job``) and returns the result with the
outputs' bytes. The scratch folder is removed afterwards.

The render runs in a child process of the Dask worker: a local pool of one warm process
(``memokit.batch.pool``), so a memo that crashes or hangs past the time limit costs that
child, never the Dask worker, and is reported exactly as the local engine reports it.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
import queue
import shutil
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path, PurePath
from typing import Any

from distributed import WorkerPlugin, get_worker

from memokit.batch.job import Job, JobResult
from memokit.batch.pool import WorkerPool

PLUGIN_NAME = "memokit"
NEAR = "<near>"  # memokit.batch.dask_engine.NEAR
WARM_WAIT = 120.0  # seconds a task waits for the render process the plugin is starting
_STARTING = threading.Lock()  # one render process started at a time (see _children_allowed)


class MemokitPlugin(WorkerPlugin):
    """Warms a Dask worker for memokit: starts, in the background, its render process
    (forked from a server that imports the heavy libraries once, ``memokit.batch.preload``;
    the Dask worker itself never imports them), gives the worker its own figure cache (in
    its local folder, unless ``MEMOKIT_CACHE_DIR`` is set), and keeps the warm render
    processes between tasks."""

    name = PLUGIN_NAME

    def __init__(self) -> None:
        self.local = tempfile.gettempdir()

    def setup(self, worker: Any) -> None:
        self.pools: queue.SimpleQueue[WorkerPool] = queue.SimpleQueue()
        self.warm = threading.Event()
        self.local = str(worker.local_directory)
        os.environ.setdefault("MEMOKIT_CACHE_DIR", os.path.join(self.local, "memokit-cache"))
        threading.Thread(target=self._warm, name="memokit-warm", daemon=True).start()

    def _warm(self) -> None:
        """One render process started before the first memo arrives (the first task that
        finds none ready starts its own)."""
        pool = WorkerPool(1, None)
        try:
            with contextlib.suppress(Exception), _STARTING, _children_allowed():
                pool.start_one()
            self.pools.put(pool)
        finally:
            self.warm.set()

    def teardown(self, worker: Any) -> None:
        while True:
            try:
                self.pools.get_nowait().close()
            except queue.Empty:
                return

    @contextlib.contextmanager
    def pool(self, timeout: float | None) -> Iterator[WorkerPool]:
        """A pool of one warm render process with this time limit, for one task at a time."""
        self.warm.wait(WARM_WAIT)
        try:
            pool = self.pools.get_nowait()
        except queue.Empty:
            pool = WorkerPool(1, timeout)
        pool.timeout = timeout
        try:
            yield pool
        finally:
            self.pools.put(pool)


@contextlib.contextmanager
def _children_allowed() -> Iterator[None]:
    """Let this (daemonic) Dask worker process start its render process. multiprocessing
    refuses children to daemonic processes lest they outlive them; a render process dies
    with the worker anyway (``memokit.batch.worker._die_with_parent``)."""
    config = mp.current_process()._config  # type: ignore[attr-defined]
    was = config.get("daemon")
    config["daemon"] = False
    try:
        yield
    finally:
        if was is not None:
            config["daemon"] = was


def _inside(fs: Path, path: str) -> str:
    """Where a path of the client is in the scratch copy (a relative one stays relative: it
    is read from the copy of the client's working folder)."""
    p = PurePath(path)
    return str(fs.joinpath(*p.parts[1:])) if p.is_absolute() else path


def _unscratch(value: Any, prefix: str) -> Any:
    """``value`` with the scratch folder's prefix taken off every path in its strings."""
    if isinstance(value, str):
        return value.replace(prefix, "")
    if isinstance(value, dict):
        return {k: _unscratch(v, prefix) for k, v in value.items()}
    if isinstance(value, list):
        return [_unscratch(v, prefix) for v in value]
    return value


def render_remote(job: Job, files: dict[str, bytes], timeout: float | None, client_cwd: str,
                  version: str) -> JobResult:
    """The Dask task: render one memo from its input files' bytes; never raises for a
    problem of the memo itself."""
    import memokit

    start = time.perf_counter()
    worker = get_worker()
    address = str(worker.address)
    if memokit.__version__ != version:
        return JobResult.failure(job, f"the Dask worker {address} runs memokit "
                                 f"{memokit.__version__}, the build {version}; install the same "
                                 "version on every worker", address)
    plugin = worker.plugins.get(PLUGIN_NAME)
    if not isinstance(plugin, MemokitPlugin):
        plugin = worker.plugins[PLUGIN_NAME] = MemokitPlugin()
        plugin.setup(worker)
    scratch = Path(tempfile.mkdtemp(prefix="memokit-", dir=plugin.local))
    try:
        fs = scratch / "fs"
        near: dict[str, list[str]] = files.pop(NEAR, {})  # type: ignore[assignment]
        for path, data in files.items():
            target = Path(_inside(fs, path))
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        for folder, names in near.items():  # names only: the memo reads none of them
            where = Path(_inside(fs, folder))
            where.mkdir(parents=True, exist_ok=True)
            for name in names:
                if Path(name).name == name and not (where / name).exists():
                    (where / name).touch()
        cwd = Path(_inside(fs, client_cwd))
        cwd.mkdir(parents=True, exist_ok=True)
        staging = scratch / "out"
        local = replace(job, source=_inside(fs, job.source), staging=str(staging), cwd=str(cwd),
                        data_root=_inside(fs, job.data_root) if job.data_root else None,
                        home=_inside(fs, job.home) if job.home else None)
        with plugin.pool(timeout) as pool:
            with _STARTING, _children_allowed():
                pool.submit(local)
            ended: list[tuple[Job, JobResult]] = []
            while not ended:
                ended = pool.wait()
        result = ended[0][1]
        result.errors = _unscratch(result.errors, str(fs))
        result.warnings = _unscratch(result.warnings, str(fs))
        result.errors = [{**e, "file": job.source if e["file"] == local.source else e["file"]}
                         for e in result.errors]
        result.inputs = dict(job.inputs or {})
        result.files = {o["name"]: (staging / o["name"]).read_bytes() for o in result.outputs}
        result.worker = address
        result.duration_s = round(time.perf_counter() - start, 3)
        return result
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
