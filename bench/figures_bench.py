"""Figure benchmark: chart render time with a cold and a warm cache, and the data path.

    python bench/figures_bench.py             # --repeat 5 --rows 100000

Reports (median of --repeat runs, in one process, after a warm-up that imports matplotlib):
- each chart kind drawn from 4,000 generated events aggregated by month and type,
  cold cache (drawn by matplotlib, SVG + 300 dpi PNG) and warm cache (read back);
- the example memo's figures through ``render_figures``, cold and warm;
- the stdlib data path on a --rows event CSV: read + type the columns, bin by month,
  group by month and type, count.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from memokit.data.tables import prepare, read_file  # noqa: E402
from memokit.figures.render import render_figure, render_figures  # noqa: E402
from memokit.model.nodes import ChartSpec, Figure, Memo, MemoMeta, Section, Text  # noqa: E402
from memokit.pipeline import resolve_theme  # noqa: E402
from memokit.resolve import load_memo  # noqa: E402

TYPES = ("Battles", "Explosions/Remote violence", "Protests", "Riots")
SPEC = {"bin": {"column": "event_date", "by": "month", "as": "month"},
        "group_by": ["month", "event_type"], "aggregate": {"events": "count"}}
KINDS = ("line", "bar", "barh", "grouped-bar", "stacked-bar", "area", "stacked-area", "scatter")


def write_events(path: Path, n: int) -> None:
    rng = random.Random(1)
    start = dt.date(2023, 1, 1)
    with path.open("w", encoding="utf-8") as fh:
        fh.write("event_id,event_date,event_type,admin1,fatalities\n")
        for i in range(n):
            d = start + dt.timedelta(days=rng.randrange(3 * 365))
            fh.write(f"EV{i:06d},{d.isoformat()},{rng.choice(TYPES)},Region {i % 9},{rng.randrange(5)}\n")


def median_time(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def fresh_cache() -> None:
    os.environ["MEMOKIT_CACHE_DIR"] = tempfile.mkdtemp(prefix="memokit-bench-")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--rows", type=int, default=100_000)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="memokit-bench-"))
    theme = resolve_theme("memo", ROOT, from_cli=True)

    big = work / "events-big.csv"
    write_events(big, args.rows)

    def data_path() -> None:
        prepare("events", SPEC, read_file("events", big, big.name))

    print(f"data: {args.rows:,} event rows, read + bin + group + count: "
          f"{median_time(data_path, args.repeat):.3f} s")

    small = work / "events.csv"
    write_events(small, 4000)
    ds = prepare("events", SPEC, read_file("events", small, small.name))
    meta = MemoMeta("Bench", (), dt.date(2026, 1, 1))
    fresh_cache()
    warm_up = Figure("w", 1, (Text("w"),), ChartSpec("line", "events", "month", ("events",), "event_type"),
                     "alt", (), "page")
    render_figure(warm_up, Memo(meta, (), (Section("S", 1, (warm_up,)),), {"events": ds}), theme)
    print(f"{'chart kind':<14} {'cold s':>8} {'warm s':>8}")
    for kind in KINDS:
        x = "month"
        fig = Figure(kind, 1, (Text(kind),), ChartSpec(kind, "events", x, ("events",), "event_type"),
                     "alt", (), "page")
        memo = Memo(meta, (), (Section("S", 1, (fig,)),), {"events": ds})

        def cold() -> None:
            fresh_cache()
            render_figure(fig, memo, theme)  # noqa: B023

        def warm() -> None:
            render_figure(fig, memo, theme)  # noqa: B023

        c = median_time(cold, args.repeat)
        w = median_time(warm, args.repeat)
        print(f"{kind:<14} {c:>8.3f} {w:>8.4f}")

    example = load_memo(ROOT / "content" / "example-memo.yaml").memo

    def example_cold() -> None:
        fresh_cache()
        render_figures(example, theme)

    c = median_time(example_cold, args.repeat)
    w = median_time(lambda: render_figures(example, theme), args.repeat)
    print(f"example memo figures: cold {c:.3f} s, warm {w:.4f} s")


if __name__ == "__main__":
    main()
