"""The goal memo rendered by memokit and by the peer pipeline, on this machine.

    python bench/peers_bench.py [--repeat 5]

The peers a user would pick instead of memokit: Typst for the PDF, pandoc for the DOCX. The
goal memo of render_bench.py (about 250 pages, 3,500 notes) is written out as pandoc Markdown
(its paragraphs, lists and quotes as they are, notes as pandoc's inline notes, its tables as
pipe tables); pandoc turns that into Typst source once (untimed: a Typst user writes Typst),
and then each run times, as new processes:

* memokit: ``memokit render goal.yaml`` (PDF + DOCX);
* peers: ``pandoc goal.md -o goal.docx`` plus compiling the Typst source to a PDF (A4, two
  columns, notes at the foot of the page) with the Typst compiler.

Needs the ``bench`` extra (``pip install -e '.[bench]'``: the Typst compiler's Python
package) and pandoc (``pypandoc-binary``, in the ``test`` extra). Medians of --repeat.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
TYPST_SETUP = '#set page(paper: "a4", columns: 2, margin: 2cm)\n#set text(size: 10pt)\n' \
              '#set par(justify: true)\n'


def memo_markdown(text: str) -> str:
    """The generated memo (tests/pdf/generate.py) as pandoc Markdown."""
    doc = yaml.safe_load(text)
    rows = doc["data"]["numbers"]["rows"]
    out = [f"# {doc['title']}", "", f"**{' '.join(doc['lede'].split())}**", ""]

    def table(spec: dict) -> list[str]:
        head, body = rows[0], rows[1:]
        lines = ["| " + " | ".join(map(str, head)) + " |", "|" + "---|" * len(head)]
        lines += ["| " + " | ".join(map(str, r)) + " |" for r in body]
        return lines + ["", f": {spec['caption']}", ""]

    def section(sec: dict, level: int) -> None:
        out.extend(["#" * level + " " + sec["heading"], ""])
        for block in sec.get("body", []):
            if isinstance(block, str):
                out.extend([block.strip(), ""])
            elif "table" in block:
                out.extend(table(block["table"]))
        for sub in sec.get("sections", []):
            section(sub, level + 1)

    for sec in doc["sections"]:
        section(sec, 2)
    return "\n".join(out) + "\n"


def pandoc() -> str:
    import pypandoc

    return str(pypandoc.get_pandoc_path())


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--repeat", type=int, default=5)
    a = p.parse_args()
    sys.path.insert(0, str(ROOT))
    from bench.render_bench import goal_memo_yaml, timed

    with tempfile.TemporaryDirectory(prefix="memokit-peers-") as tmp:
        work = Path(tmp)
        text = goal_memo_yaml()
        (work / "goal.yaml").write_text(text, encoding="utf-8")
        (work / "goal.md").write_text(memo_markdown(text), encoding="utf-8")
        subprocess.run([pandoc(), str(work / "goal.md"), "-t", "typst", "-o", str(work / "body.typ")],
                       check=True)
        (work / "goal.typ").write_text(TYPST_SETUP + (work / "body.typ").read_text(encoding="utf-8"),
                                       encoding="utf-8")
        env = {**os.environ, "MEMOKIT_CACHE_DIR": str(work / "cache"),
               "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
        ours = [sys.executable, "-m", "memokit.cli", "render", str(work / "goal.yaml"),
                "-o", str(work / "out")]
        docx = [pandoc(), str(work / "goal.md"), "-o", str(work / "peer.docx")]
        pdf = [sys.executable, "-c", "import sys, typst; typst.compile(sys.argv[1], output=sys.argv[2])",
               str(work / "goal.typ"), str(work / "peer.pdf")]
        subprocess.run(ours, check=True, capture_output=True, env=env)  # fills the caches
        t_ours = timed(ours, a.repeat, env)
        t_docx = timed(docx, a.repeat)
        t_pdf = timed(pdf, a.repeat)
        from pypdf import PdfReader

        ours_pages = len(PdfReader(str(work / "out" / "goal.pdf")).pages)
        peer_pages = len(PdfReader(str(work / "peer.pdf")).pages)
        print(f"memokit render (PDF + DOCX)          {t_ours:7.2f} s  {ours_pages} pages")
        print(f"pandoc (DOCX)                        {t_docx:7.2f} s")
        print(f"typst compile (PDF)                  {t_pdf:7.2f} s  {peer_pages} pages")
        print(f"peers together                       {t_docx + t_pdf:7.2f} s")
        print(f"ratio memokit / peers                {t_ours / (t_docx + t_pdf):7.2f}")


if __name__ == "__main__":
    main()
