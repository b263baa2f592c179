"""PDF render time (memokit.writers.pdf.write only; loading and figures timed apart).

    python bench/pdf_bench.py [--runs N] [--pdf-standard ua1+a2a|a2b|none]

Renders the example memo, the long test memo (24 pages, 160+ notes) and generated
memos of about 10, 40 and 160 pages, and prints seconds per memo and per page, so
one can see whether layout time grows linearly with the page count.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from memokit.figures.render import render_figures  # noqa: E402
from memokit.model import walk  # noqa: E402
from memokit.resolve import load_memo  # noqa: E402
from memokit.style import load_style, style_folder  # noqa: E402
from memokit.writers.pdf import write  # noqa: E402
from tests.pdf.generate import long_memo_yaml  # noqa: E402


def _pages(pdf: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(str(pdf)).pages)


def bench(name: str, src: Path, out: Path, runs: int,
          standard: str | None = None) -> tuple[str, int, int, float, float, float]:
    theme = load_style(style_folder("memo"))
    t = time.perf_counter()
    memo = load_memo(src).memo
    t_load = time.perf_counter() - t
    t = time.perf_counter()
    assets = render_figures(memo, theme)
    t_fig = time.perf_counter() - t
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        write(memo, theme, assets, out, standard=standard)
        times.append(time.perf_counter() - t)
    notes = len(walk.notes(memo))
    return name, _pages(out), notes, t_load, t_fig, statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3, help="runs per memo (median is shown)")
    ap.add_argument("--pdf-standard", default=None, choices=("ua1+a2a", "a2b", "none"),
                    help="what the PDF is (default: the house style's, tagged PDF/UA-1 and PDF/A-2a)")
    args = ap.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        example = ROOT / "content" / "example-memo.yaml"
        std = args.pdf_standard
        rows.append(bench("example memo", example, d / "example.pdf", args.runs, std))
        sizes = (("long test memo", 24), ("~10 pages", 10), ("~40 pages", 40), ("~160 pages", 160))
        for label, pages in sizes:
            src = d / f"gen{pages}.yaml"
            src.write_text(long_memo_yaml(pages=pages), encoding="utf-8")
            runs = args.runs if pages <= 40 else 1
            rows.append(bench(label, src, d / f"gen{pages}.pdf", runs, std))
    print(f"{'memo':<16}{'pages':>6}{'notes':>7}{'load s':>8}{'figures s':>10}{'pdf s':>8}{'ms/page':>9}")
    for name, pages, notes, t_load, t_fig, t_pdf in rows:
        per_page = 1000 * t_pdf / pages
        print(f"{name:<16}{pages:>6}{notes:>7}{t_load:>8.2f}{t_fig:>10.2f}{t_pdf:>8.2f}{per_page:>9.0f}")


if __name__ == "__main__":
    main()
