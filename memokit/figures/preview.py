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
    from memokit.pipeline import resolve_theme
    from memokit.resolve import load_memo

    src = Path(args.file)
    if not src.is_file():
        raise UsageError(f"{args.file}: no such file")
    out = Path(args.output or f"{args.id}.png")
    if out.suffix.lower() not in FORMATS:
        raise UsageError(f"{out}: write the figure as .png, .svg or .pdf")
    memo = load_memo(src, args.file, Path(args.data_root) if args.data_root else None).memo
    found = {f.id: f for f in figures(memo)}
    if args.id not in found:
        ids = ", ".join(found) or "none"
        raise UsageError(f"{args.file} has no figure '{args.id}'{did_you_mean(args.id, found)}; "
                         f"its figures are: {ids}")
    theme = resolve_theme(args.style or memo.meta.style, src.parent, from_cli=args.style is not None)
    figure = found[args.id]
    out.parent.mkdir(parents=True, exist_ok=True)
    suffix = out.suffix.lower()
    if suffix == ".pdf":
        content = pdf_bytes(figure, memo, theme)
    else:
        from memokit.figures.render import render_figure

        asset = render_figure(figure, memo, theme)
        content = asset.png if suffix == ".png" else asset.svg
    out.write_bytes(content)
    print(out)
    return EXIT_OK


def pdf_bytes(figure, memo, theme) -> bytes:  # type: ignore[no-untyped-def]
    """The figure as a one-page vector PDF (embedded TrueType fonts, no dates)."""
    import io
    from dataclasses import replace

    from matplotlib import rc_context

    from memokit.data.series import chart_data
    from memokit.figures.draw import build_figure
    from memokit.figures.style import look_for, rc_params

    look = look_for(theme, figure.width, memo.meta.language)
    if figure.chart.aspect:
        look = replace(look, height=round(look.width * figure.chart.aspect, 3))
    fig = build_figure(chart_data(figure, memo.data, len(look.palette)), look)
    buf = io.BytesIO()
    with rc_context({**rc_params(look), "pdf.fonttype": 42}):
        fig.savefig(buf, format="pdf", metadata={"CreationDate": None, "ModDate": None,
                                                 "Producer": None, "Creator": None})
    return buf.getvalue()
