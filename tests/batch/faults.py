"""A renderer that fails on purpose, for the isolation tests, and a ``memokit build`` that uses it.

A memo whose file name ends in ``-raise``, ``-crash`` or ``-hang`` (``b-hang.yaml``) leaves
a partial file in the folder it renders into and then raises, kills its worker process, or
never returns; every other memo is rendered as usual. Workers import the renderer by name
(``RENDERER``), so it lives at the top level of this module.

``python -m tests.batch.faults build ARGS`` is ``memokit build ARGS`` with this renderer,
for the tests that run the command in a process of its own.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

RENDERER = "tests.batch.faults:render"
KINDS = ("raise", "crash", "hang")


def kind_of(path: str | os.PathLike[str]) -> str | None:
    """The fault a memo's file name asks for, or None."""
    stem = Path(path).stem
    return next((k for k in KINDS if stem.endswith(f"-{k}")), None)


def render(path: str | os.PathLike[str], out_dir: str | os.PathLike[str], formats: Iterable[str],
           **options: Any) -> Any:
    """``memokit.pipeline.render_memo``, except for the memos named for a fault."""
    kind = kind_of(path)
    if kind is None:
        from memokit.pipeline import render_memo

        return render_memo(path, out_dir, formats, **options)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    (out / f".{Path(path).stem}.{next(iter(formats))}.{os.getpid()}.tmp").write_bytes(b"partial output")
    if kind == "crash":
        os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))
    while kind == "hang":
        time.sleep(3600)
    raise RuntimeError("simulated writer failure")


def main(argv: Sequence[str]) -> int:
    """``memokit build`` (same options, output, report and exit codes), rendering with RENDERER."""
    from memokit import cli
    from memokit.batch import build
    from memokit.errors import EXIT_USAGE, UsageError

    args = cli._parser().parse_args(argv)
    assert args.command == "build", "only the build command takes a renderer"
    try:
        report = build(args.paths or ["content"], args.output, force=args.force,
                       fail_fast=args.fail_fast, renderer=RENDERER,
                       **cli._build_options(args))  # type: ignore[arg-type]
    except UsageError as exc:
        print(f"memokit: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        cli._ignore_interrupts()  # as memokit's own main does
        return 130
    return cli.finish_build(report, args.json)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
