"""Render times of one memo, PDF + DOCX, as a user meets them.

    python bench/render_bench.py [--repeat 5] [--pages 4,16,64,250,500] [--notes-per-page 14]

* **cold process**: ``memokit render content/example-memo.yaml`` in a fresh process, the
  figure cache warm (filled by a first, untimed render), median of --repeat;
* **warm in-process**: the same memo rendered twice in one process (``render_memo``), the
  second render timed, median of --repeat;
* **long memos**: generated memos (tests/pdf/generate.py, about 14 notes a page) of each
  --pages size rendered in one warm process (PDF + DOCX through ``render_memo``): seconds,
  pages, notes and milliseconds per page, so one can see whether time per page stays flat;
* **the goal memo** (``--goal``): a generated memo of about 250 pages and 3,500 notes, most
  notes a short citation (8 to 40 words) and every 25th a paragraph of 160 words, rendered
  (PDF + DOCX) by a new ``memokit render`` process each time, as the peers were timed;
  median of --repeat.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "content" / "example-memo.yaml"


def goal_memo_yaml() -> str:
    """About 250 pages and 3,500 notes (see the module docstring)."""
    from tests.pdf.generate import long_memo_yaml

    return long_memo_yaml(pages=160, notes_per_page=22.0, long_every=25, huge_every=0)


def cold_process(work: Path, repeat: int, src: Path = EXAMPLE) -> float:
    """Median seconds of a new ``memokit render`` process (the first, untimed, fills the caches)."""
    env = {**os.environ, "MEMOKIT_CACHE_DIR": str(work / "cache"),
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    cmd = [sys.executable, "-m", "memokit.cli", "render", str(src), "-o", str(work / "cold")]
    subprocess.run(cmd, env=env, check=True, capture_output=True)  # fills the figure cache
    return timed(cmd, repeat, env)


def timed(cmd: list[str], repeat: int, env: dict[str, str] | None = None) -> float:
    """Median seconds of ``repeat`` runs of ``cmd``, each a new process."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True, env=env)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def in_process(src: Path, out: Path, repeat: int) -> float:
    from memokit.pipeline import render_memo

    render_memo(src, out)  # imports, fonts, figures
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        render_memo(src, out)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def pages_of(pdf: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(str(pdf)).pages)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--repeat", type=int, default=5)
    p.add_argument("--pages", default="4,16,64,250", help="generated memo sizes ('' for none)")
    p.add_argument("--notes-per-page", type=float, default=14.0)
    p.add_argument("--skip-cold", action="store_true")
    p.add_argument("--goal", action="store_true", help="also time the goal memo (see above)")
    a = p.parse_args()
    sys.path.insert(0, str(ROOT))
    from tests.pdf.generate import long_memo_yaml

    with tempfile.TemporaryDirectory(prefix="memokit-bench-") as tmp:
        work = Path(tmp)
        os.environ["MEMOKIT_CACHE_DIR"] = str(work / "cache")
        if not a.skip_cold:
            print(f"{'example, cold process (figure cache warm)':48} {cold_process(work, a.repeat):7.3f} s")
        if a.goal:
            from memokit.model import walk
            from memokit.resolve import load_memo

            goal = work / "goal.yaml"
            goal.write_text(goal_memo_yaml(), encoding="utf-8")
            took = cold_process(work, a.repeat, goal)
            pages, notes = pages_of(work / "cold" / "goal.pdf"), len(walk.notes(load_memo(goal).memo))
            print(f"{'goal memo, new process (PDF + DOCX)':48} {took:7.3f} s  {pages:4} pages "
                  f"{notes:5} notes {1000 * took / pages:6.1f} ms/page")
        warm = in_process(EXAMPLE, work / "warm", a.repeat)
        print(f"{'example, warm in-process (2nd render)':48} {warm:7.3f} s")
        for size in [int(s) for s in a.pages.split(",") if s]:
            from memokit.model import walk
            from memokit.resolve import load_memo

            src = work / f"long{size}.yaml"
            src.write_text(long_memo_yaml(pages=size, notes_per_page=a.notes_per_page), encoding="utf-8")
            took = in_process(src, work / "long", 1 if size > 64 else 3)
            pages = pages_of(work / "long" / f"long{size}.pdf")
            notes = len(walk.notes(load_memo(src).memo))
            print(f"{f'generated ~{size} pages':48} {took:7.3f} s  {pages:4} pages "
                  f"{notes:5} notes {1000 * took / pages:6.1f} ms/page")


if __name__ == "__main__":
    main()
