"""What a batch worker process does with one memo: hash its inputs, render it into a
private staging folder, and describe the outputs. Runs inside the worker.

The memo is rendered by ``memokit.pipeline.render_memo`` or by the renderer the build
names (``build(..., renderer="module:function")``), imported here by that name.
"""

from __future__ import annotations

import importlib
import os
import signal
import sys
import time
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

DEFAULT_RENDERER = "memokit.pipeline:render_memo"


def error_dict(file: str, message: str, line: int | None = None, column: int | None = None,
               field: str | None = None) -> dict[str, Any]:
    """A located problem as it appears in the JSON report."""
    return {"file": file, "line": line, "column": column, "field": field, "message": message}


def diag_dict(d: Any) -> dict[str, Any]:
    full = d.as_dict()
    return error_dict(full["file"], full["message"], full["line"], full["column"], full["field"])


@lru_cache(maxsize=4)
def load_renderer(name: str) -> Callable[..., Any]:
    """The function a ``module:function`` name (``module:Class.method`` too) stands for."""
    module, _, attr = name.partition(":")
    found: Any = importlib.import_module(module)
    for part in attr.split("."):
        found = getattr(found, part)
    return found  # type: ignore[no-any-return]


def run_job(job: dict[str, Any]) -> dict[str, Any]:
    """Render one memo; never raises for a problem of the memo itself."""
    from memokit.batch.manifest import HashCache, input_files, sha256_file
    from memokit.errors import ContentError, UsageError

    start = time.perf_counter()
    source = Path(job["source"])
    data_root = Path(job["data_root"]) if job["data_root"] else None
    hashes = HashCache()
    inputs = {str(p): hashes.get(str(p)) for p in input_files(source, data_root)}
    result: dict[str, Any] = {"id": job["id"], "ok": False, "outputs": [], "warnings": [],
                              "errors": [], "inputs": inputs, "pid": os.getpid()}
    name = job.get("renderer") or DEFAULT_RENDERER
    try:
        render = load_renderer(name)
    except Exception as exc:  # noqa: BLE001 - reported with the memo, like any failure
        result["errors"] = [error_dict(str(source), f"cannot use the renderer {name}: "
                                       f"{type(exc).__name__}: {exc}")]
        result["duration_s"] = round(time.perf_counter() - start, 3)
        return result
    try:
        home = {"home": job["home"]} if job.get("home") and name == DEFAULT_RENDERER else {}
        rendered = render(source, job["staging"], job["formats"], strict=job["strict"],
                          data_root=data_root, **home)
    except ContentError as exc:
        result["errors"] = [diag_dict(d) for d in exc.diagnostics]
    except UsageError as exc:
        result["errors"] = [error_dict(str(source), str(exc))]
    except Exception as exc:  # noqa: BLE001 - one memo's failure must not stop the batch
        result["errors"] = [error_dict(str(source), f"internal error: {type(exc).__name__}: {exc}; "
                                       "this is a bug in memokit, please report it with this memo")]
    else:
        result["ok"] = True
        result["warnings"] = [diag_dict(w) for w in rendered.warnings]
        result["outputs"] = [{"name": p.name, "format": p.suffix[1:], "bytes": p.stat().st_size,
                              "sha256": sha256_file(p, follow=False)} for p in rendered.outputs]
    result["duration_s"] = round(time.perf_counter() - start, 3)
    return result


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
