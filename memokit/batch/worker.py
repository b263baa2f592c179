"""What a batch worker process does with one memo: hash its inputs, render it into a
private staging folder, and describe the outputs. Runs inside the worker.

``MEMOKIT_TEST_FAULTS`` (read by the parent, carried in the job) lets the tests make a
writer raise, the worker die, or the worker hang, for one memo: ``NAME=raise|crash|hang``
pairs separated by commas, NAME being the memo's file name.
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

FAULTS = ("raise", "crash", "hang")


def error_dict(file: str, message: str, line: int | None = None, column: int | None = None,
               field: str | None = None) -> dict[str, Any]:
    """A located problem as it appears in the JSON report."""
    return {"file": file, "line": line, "column": column, "field": field, "message": message}


def diag_dict(d: Any) -> dict[str, Any]:
    full = d.as_dict()
    return error_dict(full["file"], full["message"], full["line"], full["column"], full["field"])


def run_job(job: dict[str, Any]) -> dict[str, Any]:
    """Render one memo; never raises for a problem of the memo itself."""
    from memokit.batch.manifest import HashCache, input_files
    from memokit.errors import ContentError, UsageError
    from memokit.pipeline import render_memo

    start = time.perf_counter()
    source = Path(job["source"])
    data_root = Path(job["data_root"]) if job["data_root"] else None
    hashes = HashCache()
    inputs = {str(p): hashes.get(str(p)) for p in input_files(source, data_root)}
    result: dict[str, Any] = {"id": job["id"], "ok": False, "outputs": [], "warnings": [],
                              "errors": [], "inputs": inputs, "pid": os.getpid()}
    try:
        with _fault(job.get("fault")):
            rendered = render_memo(source, job["staging"], job["formats"], strict=job["strict"],
                                   data_root=data_root)
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
                              "sha256": hashes.get(str(p))} for p in rendered.outputs]
    result["duration_s"] = round(time.perf_counter() - start, 3)
    return result


@contextmanager
def _fault(kind: str | None) -> Iterator[None]:
    """Test hook: make the first writer leave a partial file and then raise, die or hang."""
    if kind is None:
        yield
        return
    import memokit.pipeline as render_mod

    real = render_mod.writer

    def faulty_writer(fmt: str) -> Any:
        def write(memo: Any, theme: Any, assets: Any, dest: Path) -> list[Any]:
            Path(dest).write_bytes(b"partial output")
            if kind == "crash":
                os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))
            while kind == "hang":
                time.sleep(3600)
            raise RuntimeError("simulated writer failure")
        return write

    render_mod.writer = faulty_writer
    try:
        yield
    finally:
        render_mod.writer = real


def worker_main(conn: Any, environ: dict[str, str]) -> None:
    """The worker's loop: receive a job, send its result, until told to stop.

    ``environ`` is the parent's environment when the worker started: a worker forked from
    the preloaded server would otherwise see the environment of the server's start.
    """
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
        conn.send(run_job(job))
