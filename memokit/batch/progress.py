"""How a build talks to a person: a progress bar on a terminal, plain lines otherwise.

Both write to stderr (stdout stays free for ``--json -``): failures with their located
errors, warnings, and a summary line at the end.
"""

from __future__ import annotations

import sys
from typing import Any, Protocol, TextIO

from memokit.batch.report import BuildReport, MemoReport
from memokit.errors import Diagnostic


class Reporter(Protocol):
    def start(self, total: int, to_build: int) -> None: ...
    def done(self, memo: MemoReport) -> None: ...
    def finish(self, report: BuildReport) -> None: ...
    def abort(self) -> None: ...


def _lines(memo: MemoReport) -> list[str]:
    """The located problems of a memo, in the form every memokit command uses."""
    out = []
    for severity, items in (("error", memo.errors), ("warning", memo.warnings)):
        for e in items:
            out.append(Diagnostic(e["file"], e["line"], e["column"], e["field"], e["message"],
                                  severity).format())  # type: ignore[arg-type]
    return out


class Silent:
    """Reports nothing (the default of the Python API)."""

    def start(self, total: int, to_build: int) -> None:
        pass

    def done(self, memo: MemoReport) -> None:
        pass

    def finish(self, report: BuildReport) -> None:
        pass

    def abort(self) -> None:
        pass


class PlainReporter:
    """One line per memo built, failed or cancelled; for logs and CI."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr

    def _say(self, text: str) -> None:
        print(text, file=self.stream, flush=True)

    def start(self, total: int, to_build: int) -> None:
        self._say(f"memokit build: {total} memos, {total - to_build} up to date, {to_build} to build")

    def done(self, memo: MemoReport) -> None:
        if memo.status == "skipped":
            return
        tail = f" ({memo.duration_s:.2f} s)" if memo.status != "cancelled" else ""
        self._say(f"{memo.status:9} {memo.path}{tail}")
        for line in _lines(memo):
            self._say(f"  {line}")

    def finish(self, report: BuildReport) -> None:
        self._say(report.summary_line())

    def abort(self) -> None:
        self._say("memokit build: interrupted")


class RichReporter:
    """A live progress bar (rich), with failures and warnings printed above it."""

    def __init__(self, console: Any = None) -> None:
        from rich.console import Console

        self.console = console or Console(stderr=True)
        self._progress: Any = None
        self._task: Any = None

    def start(self, total: int, to_build: int) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.console.print(f"memokit build: {total} memos, {total - to_build} up to date, "
                           f"{to_build} to build", highlight=False)
        self._progress = Progress(TextColumn("{task.description}"), BarColumn(),
                                  MofNCompleteColumn(), TimeElapsedColumn(),
                                  console=self.console, transient=True)
        self._task = self._progress.add_task("building", total=to_build)
        self._progress.start()

    def done(self, memo: MemoReport) -> None:
        if memo.status == "skipped" or self._progress is None:
            return
        if memo.status != "built" or memo.warnings:
            style = {"built": "green", "failed": "bold red", "cancelled": "yellow"}[memo.status]
            self._progress.console.print(f"[{style}]{memo.status}[/] {memo.path}", highlight=False)
            for line in _lines(memo):
                self._progress.console.print(f"  {line}", markup=False, highlight=False)
        self._progress.update(self._task, advance=1, description=memo.path)

    def abort(self) -> None:
        """Take the bar down (and give the cursor back) when the build is interrupted."""
        if self._progress is not None:
            self._progress.stop()
            self._progress = None
        self.console.print("memokit build: interrupted", highlight=False)

    def finish(self, report: BuildReport) -> None:
        if self._progress is not None:
            self._progress.stop()
        style = "green" if report.ok else "bold red"
        self.console.print(f"[{style}]{report.summary_line()}[/]", highlight=False)


def reporter_for(stream: TextIO | None = None) -> Reporter:
    """A progress bar when ``stream`` (default stderr) is a terminal, plain lines otherwise."""
    stream = stream or sys.stderr
    if stream.isatty():
        return RichReporter()
    return PlainReporter(stream)
