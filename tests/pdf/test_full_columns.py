"""Full columns: no column ends more than two body lines short of its foot (or of its notes).

The memo has 400 notes, one-word notes beside notes of about fifteen lines, so
long notes must be split across columns and pages and paragraphs split at any
line. Allowed short columns: the last page (balanced) and a column above a
page-wide float (none here) or at a forced break (none here). Every note still
starts in the column of its reference.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from memokit.model.nodes import Memo
from memokit.model.walk import notes
from memokit.style.theme import Theme
from tests.pdf.conftest import render_yaml
from tests.pdf.generate import WORDS
from tests.pdf.reading import Layout, body_words, layout, note_places, reference_places

LINES_SHORT = 2  # a column may end this many body lines short of its foot, no more


def _words(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


def mixed_notes_yaml(notes_total: int = 400, seed: int = 12) -> str:
    """Paragraphs citing one to four notes each: mostly one word, every seventh about fifteen lines."""
    rng = random.Random(seed)
    out = ["memokit: 1", "title: Notes of every length", "authors: [Test Author]", "date: 2026-03-14",
           "lede: A memo whose notes are one word or fifteen lines long.", "sections:",
           "  - heading: Notes", "    body:"]  # one heading: no keep-with-next in the way
    n = 0
    while n < notes_total:
        words = _words(rng, rng.randint(40, 140)).split()
        for _k in range(min(rng.randint(1, 4), notes_total - n)):
            n += 1
            body = f"N{n:04d}" if n % 7 else f"N{n:04d} {_words(rng, 150)} E{n:04d}"
            words.insert(rng.randint(3, len(words)), f"c{n:04d}^[{body}]")
        out += ["      - |", "        " + " ".join(words).capitalize() + "."]
    return "\n".join(out) + "\n"


Rendered = tuple[Path, Memo, Layout]


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory, theme: Theme) -> Rendered:
    pdf, memo, _ = render_yaml(mixed_notes_yaml(), tmp_path_factory.mktemp("mixed"), theme, assets={})
    return pdf, memo, layout(pdf, theme)


def short_columns(lay: Layout, theme: Theme) -> list[str]:
    """Columns (all pages but the last) whose lowest body line ends more than LINES_SHORT lines
    above the top of the notes band (its rule, less the space above it) or the column foot."""
    p, lead = theme.page, theme.sizes.leading
    foot = p.height - p.margin_bottom
    body = body_words(lay, theme)
    out = []
    for page in range(1, lay.pages):
        for col in range(1, p.columns + 1):
            ws = [w for w in body if w.page == page and w.column == col]
            if not ws:
                continue
            lowest = max(w.top for w in ws) + theme.sizes.body  # the last line's baseline, about
            rule = lay.rules.get((page, col))
            bottom = rule - theme.notes.space_above if rule is not None else foot
            short = (bottom - lowest) / lead
            if short > LINES_SHORT + 1:  # one line of slack: glyphs end above the leading's foot
                out.append(f"page {page} column {col}: {short - 1:.1f} lines short")
    return out


def test_mixed_notes_memo_has_its_notes(mixed: Rendered) -> None:
    _, memo, lay = mixed
    assert len(notes(memo)) == 400
    assert lay.pages >= 15


def test_no_column_ends_more_than_two_lines_short(mixed: Rendered, theme: Theme) -> None:
    _, _, lay = mixed
    assert short_columns(lay, theme) == []


def test_every_note_on_its_citing_page_and_column(mixed: Rendered, theme: Theme) -> None:
    _, memo, lay = mixed
    refs, places = reference_places(lay, theme), note_places(lay, theme)
    numbers = [n.number for n in notes(memo)]
    wrong = [f"note {n}: cited {refs.get(n)}, starts {places.get(n)}" for n in numbers
             if refs.get(n) is None or refs.get(n) != places.get(n)]
    assert wrong == []
