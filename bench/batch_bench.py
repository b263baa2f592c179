"""Whole-process timings of the publishing pipeline, as a user or CI meets it.

Measures (median of --repeat runs, each a fresh process):
  * ``memokit --help``
  * ``memokit render`` of the example memo with a cold figure cache
  * ``memokit build`` of N generated memos (about 2,000 words and one figure each) with
    each -j given: cold (empty output folder, cold figure cache), then again with no
    change, then with one memo changed; with each engine given (``--engines local,dask``:
    ``--engine dask`` starts a Dask LocalCluster of -j workers; needs memokit[dask])
  * with ``--case example``, the memos are like the example memo instead: its text (4
    pages, citations), each with a stacked bar chart of about 354 bars from its own event
    data; the largest memory (resident set) of any one process of the build is shown too

Usage: python bench/batch_bench.py [-n 100] [--jobs 1,2] [--engines local] [--repeat 3] [--markdown]
       python bench/batch_bench.py --case example --jobs 2 --skip-render
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "content" / "example-memo.yaml"
_VOCABULARY = """mission transition security force training advisory regional capacity mandate
deployment reform governance coalition partner stabilisation insurgency district budget oversight
ministry police army border election donor agreement conflict ceasefire support assessment risk
policy strategy the of and in to for with on by a an is was were has have will would could may
remains after before during"""
WORDS = _VOCABULARY.split()


def memokit_cmd() -> list[str]:
    script = Path(sys.executable).with_name("memokit")
    return [str(script)] if script.exists() else [sys.executable, "-m", "memokit.cli"]


def paragraph(rng: random.Random, words: int) -> str:
    out, sentence = [], []
    for _ in range(words):
        sentence.append(rng.choice(WORDS))
        if len(sentence) >= rng.randint(9, 18):
            out.append(" ".join(sentence).capitalize() + ".")
            sentence = []
    if sentence:
        out.append(" ".join(sentence).capitalize() + ".")
    return " ".join(out)


def memo_yaml(i: int, revision: str = "") -> str:
    rng = random.Random(i)
    lines = [f"title: Generated memo number {i}{revision}", "authors: [A. N. Author, B. Writer]",
             "date: 2026-03-14", f'number: "{9000 + i}"', "lede: >", f"  {paragraph(rng, 60)}",
             "data:", "  series:", "    file: data/series.csv", f"    filter: {{memo: {i}}}",
             "sections:"]
    for s in range(4):
        lines += [f"  - heading: Section {s + 1} of memo {i}", "    body:"]
        for _ in range(5):
            lines += ["      - >", f"        {paragraph(rng, 95)}"]
        if s == 1:
            lines += ["      - figure:", "          id: trend", f"          caption: Trend in memo {i}",
                      "          data: series", "          chart: line", "          x: year",
                      "          y: value", "          alt: A line of values by year",
                      "          source: Generated data"]
    return "\n".join(lines) + "\n"


def make_memos(folder: Path, n: int) -> None:
    (folder / "data").mkdir(parents=True)
    rows = ["memo,year,value"]
    for i in range(n):
        rng = random.Random(10_000 + i)
        rows += [f"{i},{year},{rng.randint(10, 500)}" for year in range(2015, 2026)]
    (folder / "data" / "series.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    for i in range(n):
        (folder / f"memo-{i:03}.yaml").write_text(memo_yaml(i), encoding="utf-8")


EVENT_TYPES = ("Armed clash", "Explosion/remote violence", "Protest", "Violence against civilians")
REGIONS = ("Northern Reach", "Selmar Valley", "Lower Delta", "Capital District")
EXAMPLE_MONTHS = 89  # x 4 event types: about 354 bars (a few month-type pairs have no event)


def incidents_csv(i: int) -> str:
    """One memo's own event data: EXAMPLE_MONTHS months of events of four types."""
    rng = random.Random(20_000 + i)
    rows = ["event_date,event_type,region,fatalities"]
    for m in range(EXAMPLE_MONTHS):
        year, month = 2018 + m // 12, m % 12 + 1
        for kind in EVENT_TYPES:
            events = 0 if rng.random() < 0.02 else rng.randint(2, 30)  # a few pairs have none
            for _ in range(events):
                day = rng.randint(1, 28)
                rows.append(f"{year}-{month:02}-{day:02},{kind},{rng.choice(REGIONS)},{rng.randint(0, 4)}")
    return "\n".join(rows) + "\n"


def make_example_memos(folder: Path, n: int) -> None:
    """N memos like the example memo, each charting its own incidents file."""
    (folder / "data").mkdir(parents=True)
    shutil.copy(EXAMPLE.parent / "data" / "deployments.csv", folder / "data" / "deployments.csv")
    shutil.copy(EXAMPLE.parent / "sources.bib", folder / "sources.bib")
    for i in range(n):
        (folder / "data" / f"incidents-{i:03}.csv").write_text(incidents_csv(i), encoding="utf-8")
        (folder / f"memo-{i:03}.yaml").write_text(example_yaml(i), encoding="utf-8")


def example_yaml(i: int, revision: str = "") -> str:
    """The example memo's text, titled and charting memo ``i``'s own incidents file."""
    text = EXAMPLE.read_text(encoding="utf-8")
    memo = text.replace("file: data/incidents.csv", f"file: data/incidents-{i:03}.csv", 1)
    return memo.replace("\ntitle: ", f"\ntitle: Memo {i}{revision}. ", 1)


_peak_rss: list[int] = []  # the largest resident set of one process of the last timed run, bytes


def _watch(proc: subprocess.Popen[str], every: float = 0.05) -> int:
    """The largest resident set of any one process in ``proc``'s tree while it runs."""
    try:
        import psutil
    except ImportError:
        proc.wait()
        return 0
    peak = 0
    root = psutil.Process(proc.pid)
    while proc.poll() is None:
        try:
            tree = [root, *root.children(recursive=True)]
        except psutil.Error:
            tree = []
        for p in tree:
            try:
                peak = max(peak, p.memory_info().rss)
            except psutil.Error:
                continue
        time.sleep(every)
    return peak


def timed(args: list[str], cwd: Path, env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    proc = subprocess.Popen(args, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    peak = _watch(proc)
    stderr = proc.stderr.read() if proc.stderr else ""
    took = time.perf_counter() - t0
    _peak_rss.append(peak)
    if proc.returncode != 0:
        sys.exit(f"failed: {' '.join(args)}\n{stderr[-2000:]}")
    return took


def median(fn: Callable[[int], float], repeat: int) -> float:
    return statistics.median(fn(k) for k in range(repeat))


def bench_build(cmd: list[str], work: Path, env: dict[str, str], n: int, j: int,
                repeat: int, engine: str = "local", case: str = "generated") -> list[tuple[str, float]]:
    """Cold, no-change and one-changed builds of the generated memos with ``-j j``."""
    out, cache = work / f"out-{engine}-j{j}", work / f"cache-{engine}-j{j}"
    build = cmd + ["build", "content", "-o", str(out), "-j", str(j), "--engine", engine]
    label = f"build {n} memos -j {j}" + (f" --engine {engine}" if engine != "local" else "")
    warm_env = {**env, "MEMOKIT_CACHE_DIR": str(cache)}

    revise = example_yaml if case == "example" else memo_yaml

    def cold(k: int) -> float:
        shutil.rmtree(out, ignore_errors=True)
        shutil.rmtree(cache, ignore_errors=True)
        return timed(build, work, warm_env)

    def one_changed(k: int) -> float:
        i = min(7, n - 1)
        memo = work / "content" / f"memo-{i:03}.yaml"
        memo.write_text(revise(i, f" (revision {j}.{k})"), encoding="utf-8")
        return timed(build, work, warm_env)

    _peak_rss.clear()
    rows = [(f"{label}, cold", median(cold, repeat))]
    peak = max(_peak_rss, default=0)
    rows += [(f"{label}, no change", median(lambda k: timed(build, work, warm_env), repeat)),
             (f"{label}, one changed", median(one_changed, repeat))]
    if peak:
        rows.append((f"{label}, cold: largest process, MB", peak / 1e6))
    return rows


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("-n", type=int, default=100, help="memos to generate (default 100)")
    p.add_argument("--jobs", default="1,2", help="comma-separated -j values (default 1,2)")
    p.add_argument("--engines", default="local",
                   help="comma-separated build engines: local, dask (default local)")
    p.add_argument("--repeat", type=int, default=3, help="runs per measurement (default 3)")
    p.add_argument("--markdown", action="store_true", help="print a Markdown table")
    p.add_argument("--case", choices=("generated", "example"), default="generated",
                   help="memos to build: generated 2,000-word memos with a line chart, or "
                        "example-like memos with a ~354-bar stacked bar chart each")
    p.add_argument("--skip-render", action="store_true",
                   help="skip the --help and single-render measurements")
    a = p.parse_args()
    cmd = memokit_cmd()
    work = Path(tempfile.mkdtemp(prefix="memokit-bench-"))
    env = {**os.environ}
    results: list[tuple[str, float]] = []
    try:
        content = work / "content"
        (make_example_memos if a.case == "example" else make_memos)(content, a.n)
        words = len((content / "memo-000.yaml").read_text(encoding="utf-8").split())
        print(f"{a.n} {a.case} memos of about {words} words, one figure each; {os.cpu_count()} cores; "
              f"median of {a.repeat}", file=sys.stderr)

        if not a.skip_render:
            results.append(("memokit --help",
                            median(lambda k: timed(cmd + ["--help"], work, env), a.repeat)))

            def render_cold(k: int) -> float:
                e = {**env, "MEMOKIT_CACHE_DIR": str(work / f"cache-render-{k}")}
                return timed(cmd + ["render", str(EXAMPLE), "-o", str(work / "render")], work, e)
            results.append(("render example memo (cold figure cache)", median(render_cold, a.repeat)))

        for engine in a.engines.split(","):
            for j in [int(x) for x in a.jobs.split(",")]:
                results += bench_build(cmd, work, env, a.n, j, a.repeat, engine, a.case)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if a.markdown:
        print("| measurement | median s (MB where named) |\n| --- | ---: |")
        for name, t in results:
            print(f"| {name} | {t:.2f} |")
    else:
        for name, t in results:
            print(f"{name:48} {t:8.2f}" + ("" if name.endswith("MB") else " s"))


if __name__ == "__main__":
    main()
