"""``memokit figure FILE --id ID [-o OUT]``: one figure of a memo, rendered alone.

PNG and SVG come from the figure cache (drawn on a miss); PDF is drawn with
matplotlib's own PDF backend (fonts embedded, text selectable). Heavy modules are
imported only when the command runs.
"""

from __future__ import annotations

import argparse
from pathlib import Path

FORMATS = (".png", ".svg", ".pdf")


def figure_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register the ``figure`` subcommand."""
    f = sub.add_parser("figure", help="render one figure of a memo alone",
                       description="Render the figure with id ID of memo FILE to OUT (.png, .svg "
                       "or .pdf; default: ID.png in the current folder), in the memo's house style.")
    f.add_argument("file", metavar="FILE", help="memo YAML file")
    f.add_argument("--id", required=True, metavar="ID", help="the figure's id")
    f.add_argument("-o", "--output", metavar="OUT", help="output file: .png, .svg or .pdf")
    f.add_argument("--style", metavar="NAME|PATH", help="house style to use instead of the memo's")
    f.add_argument("--data-root", metavar="DIR", help="also allow data and style paths inside DIR")
    f.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")


def figure_command(args: argparse.Namespace) -> int:
    """Write one figure; exit codes as the other commands (UsageError/ContentError propagate)."""
    from memokit.errors import EXIT_OK, UsageError, did_you_mean
    from memokit.model.walk import figures
    from memokit.pipeline import check_memo

    src = Path(args.file)
    if not src.is_file():
        raise UsageError(f"{args.file}: no such file")
    out = Path(args.output or f"{args.id}.png")
    if out.suffix.lower() not in FORMATS:
        raise UsageError(f"{out}: write the figure as .png, .svg or .pdf")
    checked = check_memo(args.file, style=args.style, data_root=args.data_root)
    memo, theme = checked.memo, checked.theme
    found = {f.id: f for f in figures(memo)}
    if args.id not in found:
        ids = ", ".join(found) or "none"
        raise UsageError(f"{args.file} has no figure '{args.id}'{did_you_mean(args.id, found)}; "
                         f"its figures are: {ids}")
    figure = found[args.id]
    suffix = out.suffix.lower()
    if figure.image is not None:
        raise UsageError(f"figure '{args.id}' shows the picture file '{figure.image.file}', not a "
                         "chart; use that file itself")
    from memokit.cli import note
    from memokit.figures.render import figure_pdf, render_figure
    from memokit.pipeline.outputs import write_atomic

    notes: list[str] = []
    if suffix == ".pdf":
        content = figure_pdf(figure, memo, theme)
    else:
        asset = render_figure(figure, memo, theme, notes)
        content = asset.png if suffix == ".png" else asset.svg
    note(notes)
    write_atomic(out, content)
    print(out)
    return EXIT_OK
