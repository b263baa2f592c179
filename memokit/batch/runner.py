"""``build``: many memos, in warm worker processes, only where inputs changed.

The parent process never imports the heavy libraries: it locks the output folder (one
build at a time; see ``memokit.batch.lock``), removes what killed builds left there,
finds the memos, checks the manifest, hands the memos that need it to the worker pool,
moves each finished memo's outputs from the build's private staging folder into place
(``os.replace``, so every output appears whole or not at all), saves the manifest after
each finished memo, and writes the report.

Ctrl-C stops the build: the first one raises KeyboardInterrupt (never between moving a
memo's outputs and recording them), later ones are ignored while the build cleans up.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import shutil
import signal
import tempfile
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from memokit.batch.discover import MemoTarget, find_memos
from memokit.batch.job import Job, JobResult, error_dict
from memokit.batch.lock import BuildLock
from memokit.batch.manifest import MANIFEST_NAME, HashCache, Manifest, output_stamp, recipe
from memokit.batch.pool import WorkerPool
from memokit.batch.progress import Reporter, Silent
from memokit.batch.report import BuildReport, MemoReport, readable
from memokit.errors import UsageError
from memokit.writers import FORMATS, check_formats

STAGING_NAME = ".memokit-tmp"  # a build stages into OUT/.memokit-tmp-<random> (mkdtemp)
DEFAULT_TIMEOUT = 300.0
ENGINES = ("local", "dask")


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


Renderer = str | Callable[..., Any]


def renderer_name(renderer: Renderer | None) -> str | None:
    """The ``module:function`` name the workers import a renderer by; UsageError if it has none.

    A renderer takes what ``memokit.pipeline.render_memo`` takes (the memo, the folder to
    write into, the formats, ``strict=`` and ``data_root=``) and returns what it returns
    (``.outputs`` and ``.warnings``). Workers are separate processes, so it must be importable
    by name: a module-level function, not a lambda, a nested function or one in ``__main__``.
    """
    if renderer is None:
        return None
    if isinstance(renderer, str):
        name = renderer
    else:
        module, qualname = getattr(renderer, "__module__", None), getattr(renderer, "__qualname__", "")
        if not module or module == "__main__" or "<" in qualname:
            raise UsageError(f"renderer {renderer!r} cannot be imported by the worker processes; "
                             "use a function defined at the top level of an importable module")
        name = f"{module}:{qualname}"
    module, _, attr = name.partition(":")
    if not module or not attr:
        raise UsageError(f"renderer '{name}': name it as module:function")
    try:
        found = importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        found = False
    if not found:
        raise UsageError(f"renderer '{name}': no module named {module}")
    return name


def build(paths: Sequence[str | os.PathLike[str]] = ("content",),
          out_dir: str | os.PathLike[str] = "output", jobs: int | None = None,
          formats: Iterable[str] = FORMATS, *, force: bool = False, fail_fast: bool = False,
          timeout: float | None = DEFAULT_TIMEOUT, strict: bool = False,
          data_root: str | os.PathLike[str] | None = None,
          reporter: Reporter | None = None, renderer: Renderer | None = None,
          engine: str | None = None, scheduler: str | None = None,
          pdf_standard: str | None = None) -> BuildReport:
    """Build every memo under ``paths`` into ``out_dir``; see docs/pipeline.md.

    ``engine``: ``"local"`` (the default: a pool of ``jobs`` worker processes) or ``"dask"`` (a Dask
    cluster: the scheduler at ``scheduler``, which implies ``"dask"``, else the one
    ``$MEMOKIT_DASK_SCHEDULER`` names, else a LocalCluster of ``jobs`` workers).

    ``renderer`` renders each memo in place of ``memokit.pipeline.render_memo``: a
    ``module:function`` name or such a function (see ``renderer_name``).

    ``pdf_standard`` (one of ``PDF_STANDARDS``: ``ua1+a2a``, ``a2b``, ``none``) is written by
    every memo's PDF instead of its house style's; it is part of the recipe, so a build with
    another standard renders the memos again.

    Returns the report; a memo's failure is in the report, never raised. Raises
    UsageError for a PATH that names nothing, an unknown format, or bad options.
    """
    t0 = time.perf_counter()
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    if jobs is not None and jobs < 1:
        raise UsageError(f"-j must be at least 1, not {jobs}")
    if timeout is not None and timeout < 0:
        raise UsageError(f"--timeout must not be negative, not {timeout:g}")
    fmts = check_formats(formats)
    if pdf_standard is not None:
        _check_standard(pdf_standard)
    engine = _engine(engine, scheduler)
    out = Path(out_dir)
    root = Path(data_root) if data_root else None
    if root is not None and not root.is_dir():
        raise UsageError(f"{root}: no such folder (--data-root)")
    render_with = renderer_name(renderer)
    targets = find_memos(paths or ("content",), out)
    rep = reporter or Silent()
    with BuildLock(out) as lock, _Interrupts() as interrupts:
        sweep_staging(out)
        manifest = Manifest.load(out)
        recipe_text = recipe(_version(), fmts, strict, manifest.rel(root) if root else None,
                             render_with, pdf_standard)
        hashes = HashCache()
        reports: dict[int, MemoReport] = {}
        todo: list[int] = []
        for i, t in enumerate(targets):
            bad = _unusable_name(t)
            if bad is not None:
                reports[i] = bad
                continue
            expected = [t.output(out, f).relative_to(out).as_posix() for f in fmts]
            entry = None if force else manifest.fresh(t.key, t.source, recipe_text, out, hashes,
                                                      expected)
            if entry is None:
                todo.append(i)
            else:
                reports[i] = MemoReport(str(t.source), "skipped", _outputs(out, entry["outputs"]),
                                        list(entry.get("warnings", [])))
        rep.start(len(targets), len(targets) - sum(r.status == "skipped" for r in reports.values()))
        for i in sorted(reports):
            rep.done(reports[i])

        try:
            if todo:
                run = _Run(targets, out, fmts, strict, root, manifest, recipe_text, rep, render_with,
                           interrupts, lock.fd, pdf_standard)
                try:
                    run.execute(todo, jobs or default_jobs(), timeout or None, fail_fast, engine,
                                scheduler)
                finally:
                    reports.update(run.reports)
        except BaseException:  # Ctrl-C: what was built is in the manifest; say so and stop
            rep.abort()
            raise
        finally:
            manifest.save()  # also the stamps of outputs found unchanged
    report = BuildReport(_version(), [reports[i] for i in range(len(targets))],
                         round(time.perf_counter() - t0, 3))
    rep.finish(report)
    return report


def _check_standard(standard: str) -> None:
    """UsageError for a PDF standard memokit does not write."""
    from memokit.style.theme import PDF_STANDARDS

    if standard not in PDF_STANDARDS:
        raise UsageError(f"'{standard}' is not a PDF standard; use one of {', '.join(PDF_STANDARDS)}")


def _engine(engine: str | None, scheduler: str | None) -> str:
    """The engine to build with; UsageError for an unknown one or a missing Dask."""
    if engine is None:
        engine = "dask" if scheduler else "local"
    elif scheduler and engine != "dask":
        raise UsageError(f"--scheduler needs the dask engine, not '{engine}'")
    if engine not in ENGINES:
        raise UsageError(f"unknown engine '{engine}'; use one of: {', '.join(ENGINES)}")
    if engine == "dask":
        from memokit.batch.dask_engine import require_dask, scheduler_address

        require_dask()
        scheduler_address(scheduler)
    return engine


def _unusable_name(t: MemoTarget) -> MemoReport | None:
    """A failed report for a memo whose path is not valid UTF-8 (it cannot be named in the
    manifest or the report as it is); None for a usable one."""
    text = os.fspath(t.source)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        name = readable(text)
        return MemoReport(name, "failed", errors=[error_dict(
            name, "the file name is not valid UTF-8 (shown with \\x escapes); rename the file "
            "to build it")])
    return None


def sweep_staging(out: Path) -> list[str]:
    """Remove what killed builds of ``out`` left there: staging folders (real folders named
    ``.memokit-tmp`` or ``.memokit-tmp-*``) and manifest temporaries. Only the build that
    holds the folder's lock calls this, so none of them is in use. Returns the names removed."""
    removed: list[str] = []
    try:
        entries = list(os.scandir(out))
    except OSError:
        return removed
    for e in entries:
        try:
            if (e.name == STAGING_NAME or e.name.startswith(STAGING_NAME + "-")) \
                    and e.is_dir(follow_symlinks=False):
                shutil.rmtree(e.path)
            elif e.name.startswith(MANIFEST_NAME + ".") and e.name.endswith(".tmp") \
                    and e.is_file(follow_symlinks=False):
                os.unlink(e.path)
            else:
                continue
        except OSError:
            continue
        removed.append(e.name)
    return removed


class _Interrupts:
    """Ctrl-C during a build. The first SIGINT raises KeyboardInterrupt, at once or, inside
    ``critical()``, when that ends; every later one is ignored, so cleaning up (stopping the
    workers, removing the staging folder, saving the manifest) is never cut short. Only in
    the main thread, and not where SIGINT was ignored already (a background job)."""

    def __init__(self) -> None:
        self.previous: Any = None
        self.installed = False
        self.in_critical = False
        self.pending = False

    def __enter__(self) -> _Interrupts:
        if threading.current_thread() is threading.main_thread():
            current = signal.getsignal(signal.SIGINT)
            if current is not signal.SIG_IGN:
                self.previous = current
                signal.signal(signal.SIGINT, self._handler)
                self.installed = True
        return self

    def _handler(self, signum: int, frame: Any) -> None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        if self.in_critical:
            self.pending = True
            return
        raise KeyboardInterrupt

    @contextlib.contextmanager
    def critical(self) -> Iterator[None]:
        self.in_critical = True
        try:
            yield
        finally:
            self.in_critical = False
        if self.pending:
            self.pending = False
            raise KeyboardInterrupt

    def __exit__(self, *exc: object) -> None:
        if self.installed:
            signal.signal(signal.SIGINT, self.previous if self.previous is not None
                          else signal.default_int_handler)


def _version() -> str:
    import memokit

    return memokit.__version__


def _outputs(out: Path, recorded: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"path": str(out / o["path"]), "format": o["format"], "bytes": o["bytes"],
             "sha256": o["sha256"]} for o in recorded]


class _Run:
    """The memos of one build that need rendering."""

    def __init__(self, targets: list[MemoTarget], out: Path, formats: list[str], strict: bool,
                 data_root: Path | None, manifest: Manifest, recipe_text: str,
                 reporter: Reporter, renderer: str | None, interrupts: _Interrupts,
                 lock_fd: int | None, pdf_standard: str | None = None) -> None:
        self.targets, self.out, self.formats, self.strict = targets, out, formats, strict
        self.data_root, self.manifest, self.recipe_text = data_root, manifest, recipe_text
        self.reporter, self.renderer = reporter, renderer
        self.interrupts, self.lock_fd = interrupts, lock_fd
        self.pdf_standard = pdf_standard
        self.staging = out / STAGING_NAME  # made private (mkdtemp) by execute
        self.reports: dict[int, MemoReport] = {}
        self.started: dict[int, float] = {}

    def job(self, i: int) -> Job:
        t = self.targets[i]
        return Job(i, str(t.source), str(self.staging / str(i)), self.formats, self.strict,
                   str(self.data_root) if self.data_root else None, self.renderer,
                   home=str(t.output(self.out, "docx").parent),  # where the outputs end up
                   pdf_standard=self.pdf_standard)

    def execute(self, todo: list[int], jobs: int, timeout: float | None, fail_fast: bool,
                engine: str = "local", scheduler: str | None = None) -> None:
        try:
            self.staging = Path(tempfile.mkdtemp(prefix=STAGING_NAME + "-", dir=self.out))
        except OSError as exc:
            raise UsageError(f"{self.out}: cannot write there: {exc.strerror or exc}") from None
        try:
            if engine == "dask":
                from memokit.batch import dask_engine

                dask_engine.execute(self, todo, jobs, timeout, fail_fast, scheduler)
            else:
                self._execute_local(todo, jobs, timeout, fail_fast)
        finally:
            self.manifest.save()
            shutil.rmtree(self.staging, ignore_errors=True)

    def _execute_local(self, todo: list[int], jobs: int, timeout: float | None,
                       fail_fast: bool) -> None:
        pending = deque(self.job(i) for i in todo)
        with WorkerPool(min(jobs, len(todo)), timeout, hold_fd=self.lock_fd) as pool:
            stop = False
            while pending or pool.busy:
                while pending and pool.has_room():
                    job = pending.popleft()
                    self.started[job.id] = time.perf_counter()
                    pool.submit(job)
                for job, result in pool.wait():
                    memo = self.finish(job, result)
                    self.manifest.save(soon=True)
                    stop = stop or (fail_fast and memo.status == "failed")
                if stop:
                    for job in pool.cancel() + list(pending):
                        self.record(job.id, MemoReport(job.source, "cancelled"))
                    pending.clear()

    def record(self, i: int, memo: MemoReport) -> MemoReport:
        self.reports[i] = memo
        self.reporter.done(memo)
        return memo

    def finish(self, job: Job, res: JobResult) -> MemoReport:
        """Put a finished job's outputs (in its staging folder) in place and record them in
        the manifest, or record its failure; the same for every engine."""
        i = job.id
        target = self.targets[i]
        # the worker's own time on it (not its start); else the time since its hand-over
        took = res.duration_s or round(time.perf_counter() - self.started.get(i, time.perf_counter()), 3)
        staging = Path(job.staging)
        try:
            if not res.ok:
                self.manifest.entries.pop(target.key, None)  # a failed memo is tried again next time
                return self.record(i, MemoReport(str(target.source), "failed", errors=res.errors,
                                                 warnings=res.warnings, duration_s=took,
                                                 worker=res.worker))
            from memokit.writers.docx_stamp import edited

            for o in res.outputs:
                final = target.output(self.out, o["format"])
                if o["format"] == "docx" and edited(final):  # an editor's saved work is never lost
                    return self.record(i, MemoReport(str(target.source), "failed", errors=[
                        error_dict(str(target.source), f"{final}: this DOCX was edited since memokit "
                                   f"wrote it; merge the edits with 'memokit import {final}', or "
                                   "replace it with 'memokit render --force'")],
                        warnings=res.warnings, duration_s=took, worker=res.worker))
            recorded: list[dict[str, Any]] = []
            with self.interrupts.critical():  # outputs moved and recorded together
                self.manifest.entries.pop(target.key, None)
                try:
                    for o in res.outputs:
                        final = target.output(self.out, o["format"])
                        final.parent.mkdir(parents=True, exist_ok=True)
                        os.replace(staging / o["name"], final)
                        recorded.append({"path": final.relative_to(self.out).as_posix(),
                                         "format": o["format"], "bytes": o["bytes"],
                                         "sha256": o["sha256"], **(output_stamp(final) or {})})
                except OSError as exc:
                    where = exc.filename2 or exc.filename or self.out
                    return self.record(i, MemoReport(str(target.source), "failed", errors=[
                        error_dict(str(target.source), f"{where}: cannot put the output in place: "
                                   f"{exc.strerror or exc}")], warnings=res.warnings,
                        duration_s=took, worker=res.worker))
                self.manifest.entries[target.key] = {
                    "source": self.manifest.rel(target.source), "recipe": self.recipe_text,
                    "inputs": {self.manifest.rel(p): h for p, h in res.inputs.items()},
                    "outputs": recorded, "warnings": res.warnings}
            return self.record(i, MemoReport(str(target.source), "built", _outputs(self.out, recorded),
                                             res.warnings, duration_s=took, worker=res.worker))
        finally:
            shutil.rmtree(staging, ignore_errors=True)
