"""Citation benchmark: what a bibliography adds to building a memo, cold and cached.

    python bench/cite_bench.py                # --repeat 5

A memo of 20 citations of 14 sources (a BibLaTeX file) in Chicago notes, built and resolved
(``load_memo``: where citations are formatted) and rendered (PDF and DOCX), against the same
memo with the sources given in footnotes written by hand. "cold": an empty citation cache (one
pandoc run to read the .bib file, one to format); "cached": the results read back.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from memokit.pipeline import render_memo  # noqa: E402
from memokit.resolve import load_memo  # noqa: E402

KEYS = ["smith2016", "kaldor2003", "thoreau2016", "satterfield2016", "kowalski2019", "gao2020",
        "who2023", "manjoo2017", "brown1954", "rutz2013", "ruggles2024", "margetts2019",
        "habermas1989", "un2005", "smith2016", "smith2016", "smith2016", "satterfield2016",
        "brown1954", "thoreau2016"]


def write(folder: Path, cite: bool) -> Path:
    shutil.copy(ROOT / "tests" / "cite" / "entries.bib", folder / "entries.bib")
    paras = [f"      - Paragraph {i} says something [@{k}, p. {i + 1}]." if cite else
             f"      - Paragraph {i} says something.^[A source, {i + 1}.]" for i, k in enumerate(KEYS)]
    head = "bibliography: entries.bib\ncitation_style: chicago-notes-ibid\n" if cite else ""
    path = folder / f"memo-{'cite' if cite else 'plain'}.yaml"
    path.write_text(f"title: Bench\nauthors: A\ndate: 2026-03-01\n{head}sections:\n"
                    "  - heading: H\n    body:\n" + "\n".join(paras) + "\n", encoding="utf-8")
    return path


def timed(fn: object, cold_dir: Path | None) -> float:
    if cold_dir is not None:
        shutil.rmtree(cold_dir, ignore_errors=True)
    t0 = time.perf_counter()
    fn()  # type: ignore[operator]
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        cache = folder / "cache"
        os.environ["MEMOKIT_CACHE_DIR"] = str(cache)
        plain, cited = write(folder, False), write(folder, True)
        out = folder / "out"
        render_memo(plain, out)  # warm-up: imports, fonts, the house style
        rows = []
        for label, fn, path in (("load+resolve", load_memo, None), ("render PDF+DOCX", render_memo, out)):
            def run(p: Path, f=fn, o=path) -> object:
                return f(p) if o is None else f(p, o)
            base = [timed(lambda: run(plain), None) for _ in range(args.repeat)]
            cold = [timed(lambda: run(cited), cache / "citations") for _ in range(args.repeat)]
            warm = [timed(lambda: run(cited), None) for _ in range(args.repeat)]
            rows.append((label, statistics.median(base), statistics.median(cold),
                         statistics.median(warm)))
    print("| stage | no bibliography s | bibliography, cold cache s | bibliography, cached s |")
    print("| --- | ---: | ---: | ---: |")
    for label, b, c, w in rows:
        print(f"| {label} | {b:.3f} | {c:.3f} (+{c - b:.3f}) | {w:.3f} (+{w - b:.3f}) |")


if __name__ == "__main__":
    main()
