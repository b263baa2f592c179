"""A table that breaks leaves at least three body rows on each side, under a repeated header, and
its source line goes with its last rows."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from memokit.style.theme import Theme
from memokit.writers.pdf.tables import KeptTable, SourcedTable
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
          source: Quayside survey
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
            assert min(parts.values()) >= 3, f"{words} words before: rows per column {dict(parts)}"
            assert all(heads[where] >= 1 for where in parts), "the header does not repeat"
        last = next(w for w in rows if w.text == f"R{ROWS - 1:02d}")
        (src,) = [w for w in lay.words if w.text == "Quayside"]
        assert (src.page, src.column) == (last.page, last.column), f"{words} words: the source stands alone"
        assert src.top > last.top
    assert splits >= 3  # the table broke at several different rows, so the check means something


def _sourced(rows: int) -> SourcedTable:
    style = ParagraphStyle("cell", fontSize=8, leading=10)
    data = [[Paragraph("Head", style)]] + [[Paragraph(f"Row {k}", style)] for k in range(rows)]
    table = KeptTable(data, colWidths=[100], repeatRows=1)
    return SourcedTable(table, Paragraph("Source: a survey", style))


def test_a_source_line_never_goes_on_alone() -> None:
    """Where the table fits and its source line does not, the table breaks so that its last
    three rows go on with the source; a table too short for that moves whole."""
    block = _sourced(8)
    _, height = block.wrap(200, 1000)
    table_h = block.table.wrap(200, 1000)[1]
    first, rest = block.split(200, (table_h + height) / 2)  # room for the table, not the source
    assert isinstance(rest, SourcedTable)
    assert len(rest.table._cellvalues) - 1 == KeptTable.MIN_ROWS  # three rows under the header
    assert len(first._cellvalues) - 1 == 8 - KeptTable.MIN_ROWS
    short = _sourced(4)
    _, h = short.wrap(200, 1000)
    assert short.split(200, h - 2) == []
