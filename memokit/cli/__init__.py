"""The ``memokit`` command: render, build, watch, validate, schema, import.

Exit codes: 0 success; 1 the content or its data is wrong; 2 usage errors;
3 internal errors (traceback only with --debug); 4 ``import`` found changes. Heavy libraries (reportlab,
matplotlib, python-docx) are imported only by the commands that need them.
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import sys
import traceback
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from memokit import __version__
from memokit.cli.docx_import import import_command, import_parser
from memokit.cli.figure import figure_command, figure_parser
from memokit.errors import (
    EXIT_CONTENT,
    EXIT_INTERNAL,
    EXIT_OK,
    EXIT_USAGE,
    ContentError,
    Diagnostic,
    UsageError,
)

if TYPE_CHECKING:
    from memokit.batch.report import BuildReport

MAX_JOBS = 256  # worker processes a build may start

_EPILOG = """\
examples:
  memokit render content/example-memo.yaml            PDF and DOCX into output/
  memokit render memo.yaml -o out --format pdf         only the PDF, into out/
  memokit build content -o out -j 2 --json report.json every memo below content/, incremental
  memokit watch content -o out                         re-render on save
  memokit validate memo.yaml                           check without rendering
  memokit import output/memo.docx --write              an editor's DOCX changes into the YAML
  memokit schema > memo.schema.json                    JSON Schema for editors
  memokit figure memo.yaml --id incidents -o f.png     one figure alone (.png, .svg, .pdf)
  memokit styles                                       the built-in house styles
  memokit new memos/q3 --style brief                   start a memo that renders as it is

exit codes: 0 ok, 1 content errors (file:line:col messages on stderr),
            2 usage errors, 3 internal error (please report it; --debug shows details),
            4 'import' found changes (shown as a diff; --write writes them)
"""


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="memokit",
        description="Turn a memo written as YAML into a house-style PDF and an editable DOCX.",
        epilog=_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--version", action="version", version=f"memokit {__version__}")
    p.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    r = sub.add_parser("render", help="render memo files to PDF and DOCX",
                       description="Render each memo FILE to DIR/<name>.pdf and DIR/<name>.docx.")
    r.add_argument("files", nargs="+", metavar="FILE", help="memo YAML file(s)")
    r.add_argument("-o", "--output", default="output", metavar="DIR",
                   help="output folder (default: output)")
    r.add_argument("--format", default="pdf,docx", metavar="FORMATS",
                   help="comma-separated: pdf, docx (default: pdf,docx)")
    r.add_argument("--style", metavar="NAME|PATH", help="house style to use instead of the memo's")
    _pdf_standard(r)
    r.add_argument("--force", action="store_true",
                   help="replace a DOCX edited since memokit wrote it (see 'memokit import')")
    _common(r)

    _batch_parsers(sub)
    figure_parser(sub)
    import_parser(sub)

    v = sub.add_parser("validate", help="check memo files without rendering",
                       description="Check each memo FILE and report every problem found.")
    v.add_argument("files", nargs="+", metavar="FILE", help="memo YAML file(s)")
    v.add_argument("--json", action="store_true", help="print the result as JSON on stdout")
    _common(v)

    sub.add_parser("schema", help="print the JSON Schema of the memo format",
                   description="Print the JSON Schema of the memo content format (for editors).")
    sub.add_parser("styles", help="list the built-in house styles",
                   description="List the built-in house styles, one line each: name and description.")
    n = sub.add_parser("new", help="start a memo folder that renders as it is",
                       description="Create PATH/memo.yaml (every field commented), its JSON Schema "
                       "for editors and PATH/data/ with a small CSV its figure uses. Refuses to "
                       "overwrite an existing memo.yaml.")
    n.add_argument("path", metavar="PATH", help="folder for the new memo")
    n.add_argument("--style", default="memo", metavar="NAME|PATH",
                   help="house style the memo names (default: memo)")
    return p


def _batch_parsers(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    b = sub.add_parser(
        "build", help="render many memos, in parallel, only where inputs changed",
        description="Render every memo found in PATHS (files, folders or globs; default content/) "
        "into OUT, mirroring each memo's path below the PATH it was found under. A memo is "
        "rebuilt only if it, a data file it uses, its house style or memokit changed. Exit code "
        "1 if any memo failed.")
    b.add_argument("paths", nargs="*", metavar="PATH", help="memo files, folders or globs")
    _batch_options(b)
    b.add_argument("--force", action="store_true", help="rebuild every memo")
    b.add_argument("--json", metavar="REPORT", help="write a JSON report to REPORT ('-': stdout)")
    b.add_argument("--fail-fast", action="store_true",
                   help="stop at the first failed memo; the rest are reported as cancelled")
    b.add_argument("--engine", choices=("local", "dask"), default=None,
                   help="local: a pool of worker processes (default); dask: a Dask cluster "
                   "(pip install memokit[dask]), a local one of N workers unless --scheduler "
                   "or $MEMOKIT_DASK_SCHEDULER names a running one")
    b.add_argument("--scheduler", metavar="ADDR",
                   help="the Dask scheduler to build on (tcp://HOST:8786 or tls://...); "
                   "implies --engine dask")
    _common(b)

    w = sub.add_parser("watch", help="re-render memos when their files change",
                       description="Build FILE or the memos in DIR, then rebuild on every change "
                       "(to the memo, its data or its style) until Ctrl-C.")
    w.add_argument("target", metavar="FILE|DIR", help="a memo file or a folder of memos")
    _batch_options(w)
    w.add_argument("--interval", type=_seconds(0.05, 3_600), default=0.5, metavar="SECONDS",
                   help="how often to look for changes (default: 0.5)")
    _common(w)


def _batch_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("-o", "--output", default="output", metavar="OUT",
                   help="output folder (default: output)")
    p.add_argument("-j", "--jobs", type=_workers, metavar="N",
                   help="worker processes (default: the number of cores)")
    p.add_argument("--format", default="pdf,docx", metavar="FORMATS",
                   help="comma-separated: pdf, docx (default: pdf,docx)")
    p.add_argument("--timeout", type=_seconds(0, 86_400), default=300.0, metavar="SECONDS",
                   help="time limit per memo; 0 for none (default: 300)")
    _pdf_standard(p, " (changing it renders the memos again)")


def _pdf_standard(p: argparse.ArgumentParser, more: str = "") -> None:
    p.add_argument("--pdf-standard", choices=("ua1+a2a", "a2b", "none"), default=None,
                   help="ua1+a2a: tagged for screen readers, PDF/UA-1 and PDF/A-2a (the default); "
                        "a2b: archival PDF/A-2b, untagged; none: a plain PDF (default: the house "
                        f"style's){more}")


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--strict", action="store_true", help="treat warnings as errors")
    p.add_argument("--data-root", metavar="DIR",
                   help="also allow data and style paths inside DIR")
    # SUPPRESS: a command's own default must not undo 'memokit --debug COMMAND'
    p.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                   help="show tracebacks of internal errors")


def _seconds(minimum: float, maximum: float) -> Callable[[str], float]:
    """An argparse type: a finite number of seconds within bounds (nan, inf, -1 refused)."""
    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"'{text}' is not a number of seconds") from None
        if not math.isfinite(value) or not minimum <= value <= maximum:
            raise argparse.ArgumentTypeError(
                f"'{text}' is out of range; give seconds from {minimum:g} to {maximum:g}")
        return value
    return parse


def _workers(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if not 1 <= value <= MAX_JOBS:
        raise argparse.ArgumentTypeError(f"'{text}' is out of range; give 1 to {MAX_JOBS} workers")
    return value


def _emit(diags: Sequence[Diagnostic]) -> None:
    for d in diags:
        print(d.format(), file=sys.stderr)


def _render(args: argparse.Namespace) -> int:
    from memokit.pipeline import render_memo
    from memokit.writers import check_formats

    formats = check_formats(args.format.split(","))
    status = EXIT_OK
    for f in args.files:
        try:
            result = render_memo(f, args.output, formats, style=args.style, strict=args.strict,
                                 data_root=args.data_root, pdf_standard=args.pdf_standard,
                                 force=args.force, parallel=True)
        except ContentError as exc:
            _emit(exc.diagnostics)
            status = max(status, EXIT_CONTENT)
            continue
        _emit(result.warnings)
        note(result.notes)
        for out in result.outputs:
            print(out)
    return status


def note(notes: Sequence[str]) -> None:
    """Notes about the machine (a cache that cannot be written), not about the content."""
    for n in dict.fromkeys(notes):
        print(f"memokit: note: {n}", file=sys.stderr)


def _build_options(args: argparse.Namespace) -> dict[str, object]:
    from memokit.batch.progress import reporter_for

    options: dict[str, object] = {
        "jobs": args.jobs, "formats": args.format.split(","), "timeout": args.timeout or None,
        "strict": args.strict, "data_root": args.data_root, "reporter": reporter_for()}
    if args.pdf_standard is not None:
        options["pdf_standard"] = args.pdf_standard
    if getattr(args, "engine", None) or getattr(args, "scheduler", None):
        options["engine"] = args.engine
        options["scheduler"] = args.scheduler
        if args.scheduler and args.jobs:
            note(["-j is ignored with --scheduler: the cluster's workers do the work"])
    return options


def _build(args: argparse.Namespace) -> int:
    from memokit.batch import build

    report = build(args.paths or ["content"], args.output, force=args.force,
                   fail_fast=args.fail_fast, **_build_options(args))  # type: ignore[arg-type]
    return finish_build(report, args.json)


def finish_build(report: BuildReport, json_to: str | None) -> int:
    """Write a build's JSON report (``-``: stdout) if asked for; the exit code of the build."""
    if json_to == "-":
        sys.stdout.write(report.to_json())
    elif json_to:
        from pathlib import Path

        Path(json_to).parent.mkdir(parents=True, exist_ok=True)
        Path(json_to).write_text(report.to_json(), encoding="utf-8")
    return EXIT_OK if report.ok else EXIT_CONTENT


def _watch(args: argparse.Namespace) -> int:
    from memokit.batch.watch import Watcher

    watcher = Watcher(args.target, args.output, **_build_options(args))
    print(f"memokit watch: watching {args.target}; Ctrl-C to stop", file=sys.stderr)
    try:
        watcher.run(args.interval)
    except KeyboardInterrupt:
        _ignore_interrupts()
        return EXIT_OK
    return EXIT_OK


def _ignore_interrupts() -> None:
    """After the first Ctrl-C, ignore the next ones: the process is on its way out, and a
    second Ctrl-C must not turn exit code 130 into death by a signal (-2) or a traceback."""
    import signal
    import threading

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, signal.SIG_IGN)


def _validate(args: argparse.Namespace) -> int:
    from memokit.pipeline import check_memo

    status = EXIT_OK
    report = []
    for f in args.files:
        try:
            diags = check_memo(f, strict=args.strict, data_root=args.data_root).warnings
            failed = False
        except ContentError as exc:
            diags, failed = exc.diagnostics, True
        if failed:
            status = EXIT_CONTENT
        report.append({"file": f, "ok": not failed, "diagnostics": [d.as_dict() for d in diags]})
        if not args.json:
            _emit(diags)
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
    return status


def _schema(_: argparse.Namespace) -> int:
    from memokit.load.schema import json_schema

    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
    return EXIT_OK


def _styles(_: argparse.Namespace) -> int:
    from memokit.style import describe_styles

    rows = describe_styles()
    width = max(len(name) for name, _ in rows)
    for name, description in rows:
        print(f"{name:<{width}}  {description}")
    return EXIT_OK


def _new(args: argparse.Namespace) -> int:
    from pathlib import Path

    from memokit.cli.scaffold import new_memo

    for path in new_memo(Path(args.path), args.style):
        print(path)
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    try:
        return {"render": _render, "figure": figure_command,
                "build": _build, "watch": _watch, "validate": _validate,
                "schema": _schema, "styles": _styles, "new": _new,
                "import": import_command}[args.command](args)
    except UsageError as exc:
        print(f"memokit: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except ContentError as exc:
        _emit(exc.diagnostics)
        return EXIT_CONTENT
    except KeyboardInterrupt:
        _ignore_interrupts()
        return 130
    except Exception as exc:  # noqa: BLE001 - the last line of defence: no traceback for users
        if args.debug:
            traceback.print_exc()
        print(f"memokit: internal error: {type(exc).__name__}: {exc}\n"
              "This is a bug in memokit; please report it with the memo that caused it "
              "(run with --debug for details).", file=sys.stderr)
        return EXIT_INTERNAL


def run() -> None:
    """The ``memokit`` command: :func:`main`, then exit without a last full garbage collection.

    A render leaves its laid-out pages in reference cycles that only a full collection frees;
    at exit that collection took about a second after a 250-page memo, to free memory the
    operating system takes back anyway. Frozen objects are left out of it. (Only the command
    does this: :func:`main` called in a program leaves its garbage to the program's collector.)
    """
    code = main()
    gc.freeze()
    sys.exit(code)

