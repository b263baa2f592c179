"""A table that breaks leaves at least two body rows on each side, under a repeated header."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

from memokit.style.theme import Theme
from tests.pdf.conftest import render_yaml
from tests.pdf.generate import _text
from tests.pdf.reading import layout

ROWS = 9


def _memo(words_before: int) -> str:
    rng = random.Random(3)
    rows = "\n".join(f"      - [R{k:02d}, {2000 + k}, {100 * k}]" for k in range(ROWS))
    return f"""\
memokit: 1
title: Table breaks
authors: [A. Writer]
date: 2026-05-07
language: en-GB
lede: Short lede.
data:
  t:
    rows:
      - [mission, year, personnel]
{rows}
sections:
  - heading: Body
    body:
      - Opening {_text(rng, words_before)} See @tbl:t.
      - table:
          id: t
          caption: A table that may break
          data: t
          header: [Mission, Year, Personnel]
      - {_text(rng, 700)}
"""


def test_no_table_part_holds_a_single_row(tmp_path: Path, theme: Theme) -> None:
    splits = 0
    for words in range(312, 700, 24):
        pdf, _, _ = render_yaml(_memo(words), tmp_path / str(words), theme)
        lay = layout(pdf, theme)
        rows = [w for w in lay.words if w.text.startswith("R0") and len(w.text) == 3]
        assert sorted(w.text for w in rows) == [f"R{k:02d}" for k in range(ROWS)]
        parts = Counter((w.page, w.column) for w in rows)
        heads = Counter((w.page, w.column) for w in lay.words if w.text == "Personnel")
        if len(parts) > 1:
            splits += 1
            assert min(parts.values()) >= 2, f"{words} words before: rows per column {dict(parts)}"
            assert all(heads[where] >= 1 for where in parts), "the header does not repeat"
    assert splits >= 3  # the table broke at several different rows, so the check means something
