"""Inline rules, case by case, from fixture files in ``tests/load/fixtures/*.txt``.

Each case, in the style of markdown-it-py's fixtures, is a title line, then the text of
one body item between lines holding a single ``.``, then what it becomes, then ``.``::

    emphasis inside a note
    .
    Text^[with *emphasis*].
    .
    Paragraph
      Text 'Text'
      ...
    .

What it becomes is the resolved model of that body item (``memokit.model.dump``), or
its errors, one a line: ``error LINE:COL: message``, with LINE and COL counted in the
text of the case. The text sits in a small memo with a figure ``f1`` and a table ``t1``
to refer to; every ``[^id]`` it cites is defined as ``Note id.``, except ids that
start with ``missing``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from memokit.errors import ContentError
from memokit.model.dump import dump
from memokit.resolve import load_memo

FIXTURES = Path(__file__).resolve().parent / "fixtures"
FIRST_LINE = 8  # the line of the memo below where the case's text starts
INDENT = 8


@dataclass(frozen=True)
class Case:
    file: str
    line: int
    title: str
    text: str
    expected: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line} {self.title}"


def read_cases(path: Path) -> list[Case]:
    lines = path.read_text(encoding="utf-8").split("\n")
    cases: list[Case] = []
    i = 0
    while i < len(lines):
        if lines[i].strip() == "" or lines[i].startswith("#"):
            i += 1
            continue
        title, start = lines[i], i + 1
        if lines[i + 1] != ".":
            raise ValueError(f"{path.name}:{i + 2}: expected '.' after the title")
        j = lines.index(".", i + 2)
        k = lines.index(".", j + 1)
        cases.append(Case(path.name, start, title, "\n".join(lines[i + 2:j]),
                          "\n".join(lines[j + 1:k]) + "\n"))
        i = k + 1
    return cases


CASES = [c for p in sorted(FIXTURES.glob("*.txt")) for c in read_cases(p)]


def memo_text(text: str) -> str:
    body = "\n".join((" " * INDENT + line) if line else "" for line in text.split("\n"))
    outside_code = re.sub(r"`[^`]*`", "", text)
    notes = sorted(n for n in set(re.findall(r"\[\^([A-Za-z0-9_-]+)\]", outside_code))
                   if not n.startswith("missing"))
    defined = "".join(f"  {n}: Note {n}.\n" for n in notes)
    return ("title: Fixture\nauthors: A. Author\ndate: 2026-03-14\nsections:\n"
            "  - heading: Case\n    body:\n      - |-\n" + body + "\n"
            "      - figure: {id: f1, caption: F, data: d, chart: bar, x: k, y: v, alt: F}\n"
            "      - table: {id: t1, caption: T, rows: [[a], [b]]}\n"
            "data:\n  d:\n    rows: [[k, v], [x, 1]]\n"
            + (f"footnotes:\n{defined}" if defined else ""))


def result(case: Case, folder: Path) -> str:
    src = folder / "case.yaml"
    src.write_text(memo_text(case.text), encoding="utf-8")
    try:
        memo = load_memo(src, "case.yaml").memo
    except ContentError as exc:
        last = FIRST_LINE + case.text.count("\n")
        return "".join(f"error {d.line - FIRST_LINE + 1}:{d.column - INDENT}: {d.message}\n"
                       if d.line is not None and d.column is not None
                       and FIRST_LINE <= d.line <= last else f"error: {d.message}\n"
                       for d in exc.diagnostics)
    return dump(memo.sections[0].blocks[:-2], spans=False)


def test_there_are_fixture_cases() -> None:
    assert len(CASES) >= 30


@pytest.mark.parametrize("case", CASES, ids=str)
def test_inline_fixture(case: Case, tmp_path: Path) -> None:
    assert result(case, tmp_path) == case.expected
