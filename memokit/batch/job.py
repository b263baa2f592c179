"""One memo's job and its result, the same for every engine (the local pool, Dask).

``run_job`` renders one memo into a private folder and describes the outputs; it runs in
a worker process and never raises for a problem of the memo itself. The memo is rendered
by ``memokit.pipeline.render_memo`` or by the renderer the build names
(``build(..., renderer="module:function")``), imported here by that name.
"""

from __future__ import annotations

import importlib
import inspect
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
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


@dataclass
class Job:
    """One memo to render. ``staging``: the folder to render into (private to the job).
    ``inputs``: the memo's input files and their sha256, when the client hashed them
    already (the Dask engine); else the worker hashes them. ``cwd``: the folder relative
    paths are read from (the Dask engine's copy of the client's working folder)."""

    id: int
    source: str
    staging: str
    formats: list[str]
    strict: bool = False
    data_root: str | None = None
    renderer: str | None = None
    inputs: dict[str, str | None] | None = None
    cwd: str | None = None
    home: str | None = None  # the folder the outputs end up in (the DOCX records its memo's path from it)
    pdf_standard: str | None = None  # overrides the house style's (None: the style's own)


@dataclass
class JobResult:
    """What became of one job. ``outputs`` entries: name (in ``staging``), format, bytes,
    sha256; ``files``: the outputs' content by name, when the job ran on another machine;
    ``worker``: who rendered it (``pid N`` or a Dask worker's address)."""

    id: int
    ok: bool = False
    outputs: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[dict[str, Any]] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)
    inputs: dict[str, str | None] = field(default_factory=dict)
    worker: str | None = None
    duration_s: float = 0.0
    files: dict[str, bytes] = field(default_factory=dict)

    @classmethod
    def failure(cls, job: Job, message: str, worker: str | None = None) -> JobResult:
        """A job that gave no result of its own (its worker died, it ran out of time)."""
        return cls(job.id, errors=[error_dict(job.source, message)], worker=worker)


@lru_cache(maxsize=4)
def load_renderer(name: str) -> Callable[..., Any]:
    """The function a ``module:function`` name (``module:Class.method`` too) stands for."""
    module, _, attr = name.partition(":")
    found: Any = importlib.import_module(module)
    for part in attr.split("."):
        found = getattr(found, part)
    return found  # type: ignore[no-any-return]


def _takes(function: Callable[..., Any], option: str) -> bool:
    """Whether ``function`` accepts the keyword ``option`` (by name or through ``**options``)."""
    try:
        params = inspect.signature(function).parameters.values()
    except (TypeError, ValueError):
        return False
    return any(p.name == option or p.kind is inspect.Parameter.VAR_KEYWORD for p in params)


def run_job(job: Job) -> JobResult:
    """Render one memo; never raises for a problem of the memo itself."""
    from memokit.batch.manifest import HashCache, input_files, sha256_file
    from memokit.errors import ContentError, UsageError

    start = time.perf_counter()
    if job.cwd is not None:
        os.chdir(job.cwd)
    source = Path(job.source)
    data_root = Path(job.data_root) if job.data_root else None
    if job.inputs is None:
        hashes = HashCache()
        inputs = {str(p): hashes.get(str(p)) for p in input_files(source, data_root)}
    else:
        inputs = dict(job.inputs)
    result = JobResult(job.id, inputs=inputs, worker=f"pid {os.getpid()}")
    name = job.renderer or DEFAULT_RENDERER
    try:
        render = load_renderer(name)
    except Exception as exc:  # noqa: BLE001 - reported with the memo, like any failure
        result.errors = [error_dict(str(source), f"cannot use the renderer {name}: "
                                    f"{type(exc).__name__}: {exc}")]
        result.duration_s = round(time.perf_counter() - start, 3)
        return result
    extra: dict[str, Any] = {"home": job.home} if job.home and _takes(render, "home") else {}
    if job.pdf_standard is not None:
        if not _takes(render, "pdf_standard"):
            result.errors = [error_dict(str(source), f"the renderer {name} does not take pdf_standard; "
                                        "build without --pdf-standard or give it that keyword")]
            result.duration_s = round(time.perf_counter() - start, 3)
            return result
        extra["pdf_standard"] = job.pdf_standard
    try:
        rendered = render(source, job.staging, job.formats, strict=job.strict, data_root=data_root,
                          **extra)
    except ContentError as exc:
        result.errors = [diag_dict(d) for d in exc.diagnostics]
    except UsageError as exc:
        result.errors = [error_dict(str(source), str(exc))]
    except Exception as exc:  # noqa: BLE001 - one memo's failure must not stop the batch
        result.errors = [error_dict(str(source), f"internal error: {type(exc).__name__}: {exc}; "
                                    "this is a bug in memokit, please report it with this memo")]
    else:
        result.ok = True
        result.warnings = [diag_dict(w) for w in rendered.warnings]
        result.outputs = [{"name": p.name, "format": p.suffix[1:], "bytes": p.stat().st_size,
                           "sha256": sha256_file(p, follow=False)} for p in rendered.outputs]
    result.duration_s = round(time.perf_counter() - start, 3)
    return result
