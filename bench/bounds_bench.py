"""Worst-case time of each bounded input, for a memokit checkout (default: this one).

    python bench/bounds_bench.py [--root PATH] [--timeout 60] [--compare OTHER_ROOT]

Each case is generated in a temporary folder and run as ``memokit validate`` or ``render``
in a child process with PYTHONPATH=ROOT; the table shows seconds, the exit code, and
"timeout" for a case cut off. Not a test: timings vary by machine.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.hostile.bounds_cases import CASES, HEAD  # noqa: E402


def _notes(n: int) -> str:
    body = "      - |\n" + "".join(f"        - Item {i} cites a note.[^n{i}] See @fig:f.\n"
                                 for i in range(n))
    notes = "".join(f"  n{i}: Note {i} text.\n" for i in range(n))
    return (HEAD + "data:\n  s:\n    rows: [[year, n], [2020, 1], [2021, 2]]\nsections:\n"
            "  - heading: H\n    body:\n      - figure: {id: f, caption: C, data: s, chart: line, "
            "x: year, y: n, alt: A}\n" + body + "footnotes:\n" + notes)


BENCH: dict[str, tuple[str, str, dict[str, str]]] = {
    "20,000 notes (validate)": ("validate", _notes(20_000), {}),
    "1 MB paragraph (render)": ("render", *CASES["paragraph-1mb"][:2]),
    "100,000-row table (render)": ("render", *CASES["table-100000-rows"][:2]),
    "data YAML alias bomb (validate)": ("validate", *CASES["data-yaml-alias-bomb"][:2]),
}
for name in sorted(CASES):
    if name.startswith("jinja-") and name not in ("jinja-control-character",
                                                  "jinja-percent-c-control",
                                                  "jinja-lone-surrogate"):
        BENCH[f"{name[6:]} (validate)"] = ("validate", *CASES[name][:2])


def run(root: Path, command: str, text: str, files: dict[str, str], timeout: float) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "memo.yaml").write_text(text, encoding="utf-8")
        for name, content in files.items():
            (folder / name).write_text(content, encoding="utf-8")
        args = [sys.executable, "-m", "memokit.cli", command, "memo.yaml"]
        if command == "render":
            args += ["-o", "out"]
        env = {**os.environ, "PYTHONPATH": str(root)}
        start = time.perf_counter()
        try:
            r = subprocess.run(args, cwd=folder, env=env, capture_output=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return f">{timeout:.0f} s (timeout)"
        return f"{time.perf_counter() - start:.1f} s (exit {r.returncode})"


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--root", default=str(Path(__file__).resolve().parent.parent))
    p.add_argument("--compare", help="another checkout (e.g. the code before the bounds)")
    p.add_argument("--timeout", type=float, default=60.0)
    a = p.parse_args()
    roots = [Path(a.compare)] if a.compare else []
    roots.append(Path(a.root))
    heads = ["case"] + (["before", "after"] if a.compare else ["time"])
    print(" | ".join(heads))
    print(" | ".join("---" for _ in heads))
    for name, (command, text, files) in BENCH.items():
        cells = [run(r, command, text, files, a.timeout) for r in roots]
        print(" | ".join([name, *cells]), flush=True)


if __name__ == "__main__":
    main()
