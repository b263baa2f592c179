"""Render times of one memo, PDF + DOCX, as a user meets them.

    python bench/render_bench.py [--repeat 5] [--pages 4,16,64,250,500] [--notes-per-page 14]

* **cold process**: ``memokit render content/example-memo.yaml`` in a fresh process, the
  figure cache warm (filled by a first, untimed render), median of --repeat;
* **warm in-process**: the same memo rendered twice in one process (``render_memo``), the
  second render timed, median of --repeat;
* **long memos**: generated memos (tests/pdf/generate.py, about 14 notes a page) of each
  --pages size rendered in one warm process (PDF + DOCX through ``render_memo``): seconds,
  pages, notes and milliseconds per page, so one can see whether time per page stays flat.
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


def cold_process(work: Path, repeat: int) -> float:
    env = {**os.environ, "MEMOKIT_CACHE_DIR": str(work / "cache"),
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    cmd = [sys.executable, "-m", "memokit.cli", "render", str(EXAMPLE), "-o", str(work / "cold")]
    subprocess.run(cmd, env=env, check=True, capture_output=True)  # fills the figure cache
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        subprocess.run(cmd, env=env, check=True, capture_output=True)
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
    a = p.parse_args()
    sys.path.insert(0, str(ROOT))
    from tests.pdf.generate import long_memo_yaml

    with tempfile.TemporaryDirectory(prefix="memokit-bench-") as tmp:
        work = Path(tmp)
        os.environ["MEMOKIT_CACHE_DIR"] = str(work / "cache")
        if not a.skip_cold:
            print(f"{'example, cold process (figure cache warm)':48} {cold_process(work, a.repeat):7.3f} s")
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
