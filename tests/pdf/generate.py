"""Generated memos for the PDF tests and the benchmark: long, note-heavy, deterministic.

Every paragraph starts with ``P0001`` and ends with ``Q0001.``; every footnote is cited
right after the word ``c0001`` and its text starts with ``N0001`` and ends with ``E0001``,
so a test can find each of them on the rendered pages.
"""

from __future__ import annotations

import random

_VOCABULARY = """
mission training advisers security forces mandate council region border transition capacity
government contributors assessment withdrawal violence events support operations institutions
ministry budget planning personnel evaluation deployment protection analysis coordination
legitimacy consent protests agreement review reform doctrine logistics intelligence surveillance
evacuation helicopters capital districts villages officials insurgency clashes remote attacks
estimates retention capability throughput outcomes measures partners states international
national local strategic operational tactical sustained gradual uneven significant modest
considerable the of and in to a that for with on as by from is was were has have not but which
their its this these those than more less most many several
"""
WORDS = tuple(_VOCABULARY.split())


def _sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    words[0] = words[0].capitalize()
    return " ".join(words) + "."


def _text(rng: random.Random, words: int) -> str:
    out, left = [], words
    while left > 0:
        n = min(left, rng.randint(8, 22))
        out.append(_sentence(rng, n))
        left -= n
    return " ".join(out)


class _Notes:
    def __init__(self, rng: random.Random, long_every: int, huge_every: int):
        self.rng, self.n, self.long_every, self.huge_every = rng, 0, long_every, huge_every

    def cite(self) -> str:
        self.n += 1
        n = self.n
        if self.huge_every and n % self.huge_every == 0:
            words = 330
        elif self.long_every and n % self.long_every == 0:
            words = 160
        else:
            words = self.rng.randint(8, 40)
        body = _text(self.rng, words).replace("[", "").replace("]", "")
        return f" c{n:04d}^[N{n:04d} {body} E{n:04d}]"


def _paragraph(rng: random.Random, i: int, notes: _Notes, n_notes: int, words: int = 110) -> str:
    parts = _text(rng, words).split(" ")
    slots = sorted(rng.sample(range(3, len(parts) - 2), n_notes)) if n_notes else []
    cites = [notes.cite().lstrip() for _ in slots]  # numbered in reading order
    for s, c in reversed(list(zip(slots, cites))):
        parts.insert(s, c)
    return f"P{i:04d} " + " ".join(parts) + f" Q{i:04d}."


def long_memo_yaml(pages: int = 24, seed: int = 7, notes_per_page: float = 7.0, long_every: int = 9,
                   huge_every: int = 37, language: str = "en-GB", page_wide: bool = True) -> str:
    """A memo of about ``pages`` pages in the two-column style, as YAML text (with a page-wide
    table in every tenth section unless ``page_wide`` is false)."""
    rng = random.Random(seed)
    notes = _Notes(rng, long_every, huge_every)
    n_paras = max(3, int(pages * 3.9))
    target_notes = int(pages * notes_per_page)
    per_para = [0] * n_paras
    for _ in range(target_notes):
        per_para[rng.randrange(n_paras)] += 1
    lines = [
        "memokit: 1",
        "title: A long memo on training missions and their footnotes",
        "subtitle: Generated to test page layout",
        "authors: [Test Author, Second Writer]",
        "date: 2026-03-14",
        'number: "9001"',
        "series: Layout Test Series",
        "project: T1000",
        "approved_by: Test Editor",
        f"language: {language}",
        "keywords: [layout, footnotes]",
        "lede: >",
        "  " + _text(rng, 70),
        "data:",
        "  numbers:",
        "    rows:",
        "      - [unit, year, count]",
    ]
    for k in range(12):
        lines.append(f"      - [Unit {k % 4}, {2015 + k}, {100 + 37 * k}]")
    lines.append("sections:")
    i = 0
    sec = 0
    while i < n_paras:
        sec += 1
        lines.append(f"  - heading: Section {sec} on regional capacity")
        lines.append("    body:")
        for _ in range(min(6, n_paras - i)):
            i += 1
            para = _paragraph(rng, i, notes, per_para[i - 1])
            if i % 11 == 5:  # a list whose items cite notes
                item1 = _paragraph(rng, 10000 + i, notes, 1, 30)
                item2 = _paragraph(rng, 20000 + i, notes, 0, 25)
                para += f"\n\n- {item1}\n- {item2}"
            if i % 13 == 7:  # a quote citing a note
                para += "\n\n> " + _paragraph(rng, 30000 + i, notes, 1, 40)
            lines.append("      - |")
            lines += ["        " + ln if ln else "" for ln in para.split("\n")]
        if sec % 5 == 2:
            width = "page" if sec % 10 == 2 and page_wide else "column"
            lines += ["      - table:", f"          id: t{sec}",
                      f"          caption: Units by year, part {sec}",
                      "          data: numbers", "          header: [Unit, Year, Count]",
                      f"          width: {width}"]
        if sec % 4 == 3 and i < n_paras:
            lines.append("    sections:")
            lines.append(f"      - heading: Subsection {sec} on local effects")
            lines.append("        body:")
            for _ in range(min(2, n_paras - i)):
                i += 1
                lines.append("          - |")
                lines.append("            " + _paragraph(rng, i, notes, per_para[i - 1]))
    return "\n".join(lines) + "\n"
