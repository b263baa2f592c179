"""The ``memokit`` command: render, validate, schema.

Exit codes: 0 success; 1 the content or its data is wrong; 2 usage errors;
3 internal errors (traceback only with --debug). Heavy libraries (reportlab,
matplotlib, python-docx) are imported only by the commands that need them.
"""

from __future__ import annotations

import argparse
import json
import sys
import traceback
from collections.abc import Sequence

from memokit import __version__
from memokit.errors import (
    EXIT_CONTENT,
    EXIT_INTERNAL,
    EXIT_OK,
    EXIT_USAGE,
    ContentError,
    Diagnostic,
    UsageError,
)

_EPILOG = """\
examples:
  memokit render content/example-memo.yaml            PDF and DOCX into output/
  memokit render memo.yaml -o out --format pdf         only the PDF, into out/
  memokit validate memo.yaml                           check without rendering
  memokit schema > memo.schema.json                    JSON Schema for editors

exit codes: 0 ok, 1 content errors (file:line:col messages on stderr),
            2 usage errors, 3 internal error (please report it; --debug shows details)
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
    _common(r)

    v = sub.add_parser("validate", help="check memo files without rendering",
                       description="Check each memo FILE and report every problem found.")
    v.add_argument("files", nargs="+", metavar="FILE", help="memo YAML file(s)")
    v.add_argument("--json", action="store_true", help="print the result as JSON on stdout")
    _common(v)

    sub.add_parser("schema", help="print the JSON Schema of the memo format",
                   description="Print the JSON Schema of the memo content format (for editors).")
    return p


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--strict", action="store_true", help="treat warnings as errors")
    p.add_argument("--data-root", metavar="DIR",
                   help="also allow data and style paths inside DIR")
    p.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")


def _emit(diags: Sequence[Diagnostic]) -> None:
    for d in diags:
        print(d.format(), file=sys.stderr)


def _render(args: argparse.Namespace) -> int:
    from memokit.render import check_formats, render_memo

    formats = check_formats(args.format.split(","))
    status = EXIT_OK
    for f in args.files:
        try:
            result = render_memo(f, args.output, formats, style=args.style, strict=args.strict,
                                 data_root=args.data_root)
        except ContentError as exc:
            _emit(exc.diagnostics)
            status = max(status, EXIT_CONTENT)
            continue
        _emit(result.warnings)
        for out in result.outputs:
            print(out)
    return status


def _validate(args: argparse.Namespace) -> int:
    from pathlib import Path

    from memokit.load import load_memo

    status = EXIT_OK
    report = []
    for f in args.files:
        path = Path(f)
        if not path.is_file():
            raise UsageError(f"{f}: no such file")
        try:
            result = load_memo(path, f, Path(args.data_root) if args.data_root else None)
            diags = result.warnings
            failed = args.strict and bool(diags)
        except ContentError as exc:
            diags, failed = exc.diagnostics, True
        if failed:
            status = EXIT_CONTENT
            if args.strict:
                diags = [Diagnostic(d.file, d.line, d.column, d.field, d.message, "error")
                         for d in diags]
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


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    try:
        return {"render": _render, "validate": _validate, "schema": _schema}[args.command](args)
    except UsageError as exc:
        print(f"memokit: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except ContentError as exc:
        _emit(exc.diagnostics)
        return EXIT_CONTENT
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 - the last line of defence: no traceback for users
        if args.debug:
            traceback.print_exc()
        print(f"memokit: internal error: {type(exc).__name__}: {exc}\n"
              "This is a bug in memokit; please report it with the memo that caused it "
              "(run with --debug for details).", file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
