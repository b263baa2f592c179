"""A table that breaks leaves enough on each side (three body rows, or rows four lines of body
text tall), under a repeated header, and its source line goes with its last rows."""

from __future__ import annotations

import json
import random
from collections import Counter
from pathlib import Path

import pytest
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

from memokit.style.theme import Theme
from memokit.writers.pdf.tables import KeptTable, SourcedTable
from tests.pdf.conftest import render_yaml
from tests.pdf.generate import _text
from tests.pdf.reading import Word, layout

ROWS = 9


def _memo(words_before: int, rows_n: int = ROWS, cell_words: int = 0) -> str:
    """A memo whose table of ``rows_n`` rows follows ``words_before`` words; ``cell_words``: the
    words of each row's middle cell (0: a year, one line)."""
    rng = random.Random(3)
    cell = (lambda k: json.dumps(_text(random.Random(k), cell_words))) if cell_words else (lambda k: 2000 + k)
    rows = "\n".join(f"      - [R{k:02d}, {cell(k)}, {100 * k}]" for k in range(rows_n))
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
      - Opening {_text(rng, words_before)}{" Quokka." if cell_words else ""} See @tbl:t.
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


TALL = 45  # words in the middle cell of each tall row: about eight lines


def _tall_layout(words: int, folder: Path, theme: Theme) -> tuple[Word, dict[str, Word]]:
    """The last word of the opening paragraph of a memo with a three-row table of tall rows,
    and the first cell of each row; checks the header repeats on each part of the table and
    the source goes with the last row."""
    pdf, _, _ = render_yaml(_memo(words, 3, TALL), folder, theme)
    lay = layout(pdf, theme)
    rows = {w.text: w for w in lay.words if w.text in {"R00", "R01", "R02"}}
    assert sorted(rows) == ["R00", "R01", "R02"]
    heads = Counter((w.page, w.column) for w in lay.words if w.text == "Mission")
    assert all(heads[(w.page, w.column)] >= 1 for w in rows.values()), "the header does not repeat"
    (src,) = [w for w in lay.words if w.text == "Quayside"]
    assert (src.page, src.column) == (rows["R02"].page, rows["R02"].column), f"{words}: the source is alone"
    (end,) = [w for w in lay.words if w.text == "Quokka."]
    return end, rows


def test_a_table_of_tall_rows_fills_the_column_before_it_breaks(tmp_path: Path, theme: Theme,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """Three rows of about eight lines each: where the rows-only rule (three on each side) moved
    the table whole to the next column though the room under the paragraph before it held its
    caption, header and first row, the table now starts in that room and breaks there, even
    after a single row."""
    line = theme.sizes.leading
    foot = theme.page.height - theme.page.margin_bottom  # from the top of the page, as read
    starts = alone = 0
    for words in range(360, 760, 25):
        end, rows = _tall_layout(words, tmp_path / f"new{words}", theme)
        with monkeypatch.context() as m:
            m.setattr(KeptTable, "MIN_LINES", 10_000)  # counting rows only
            old_end, old = _tall_layout(words, tmp_path / f"old{words}", theme)
        places = {(w.page, w.column) for w in old.values()}
        assert len(places) == 1  # three rows cannot leave three on each side: they moved whole
        first_row = old["R01"].top - old["R00"].top  # the header and the caption: three lines more
        room = foot - old_end.top - 2 * line  # under the paragraph's last line (see Table 1. may wrap)
        moved = (old["R00"].page, old["R00"].column) != (old_end.page, old_end.column)
        if moved and room > first_row + 3 * line:
            starts += 1
            assert (rows["R00"].page, rows["R00"].column) == (end.page, end.column), \
                f"{words} words: the table did not start under its paragraph"
        parts = Counter((w.page, w.column) for w in rows.values())
        alone += len(parts) == 2 and min(parts.values()) == 1
    assert starts >= 2 and alone >= 2  # the case arose, several times, so the check means something


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


def _table(heights: list[int], line: float = 12.0) -> KeptTable:
    """A one-column table whose body rows are ``heights`` points tall, under a 16 pt header."""
    style = ParagraphStyle("cell", fontSize=8, leading=10)
    data = [[Paragraph("Head", style)]] + [[Paragraph(f"Row {k}", style)] for k in range(len(heights))]
    table = KeptTable(data, colWidths=[100], rowHeights=[16, *heights], repeatRows=1, line=line)
    table.wrap(200, 10_000)
    return table


def _rows(parts: list[Flowable]) -> list[int]:
    return [len(p._cellvalues) - 1 for p in parts]  # type: ignore[attr-defined]


def test_enough_counts_rows_or_lines() -> None:
    """Short rows: three on each side, never one or two alone; tall rows (four lines of body
    text or more): one may stand alone, and the table breaks where the room ends."""
    short = _table([16] * 8)
    assert short.split(200, 16 + 2 * 16 + 1) == []  # two short rows would be alone
    assert _rows(short.split(200, 16 + 7 * 16 + 1)) == [5, 3]  # the last three go on together
    assert _rows(short.split(200, 16 + 4 * 16 + 1)) == [4, 4]
    tall = _table([100, 100, 100])
    assert _rows(tall.split(200, 16 + 100 + 1)) == [1, 2]  # one eight-line row fills the room
    assert _rows(tall.split(200, 16 + 200 + 1)) == [2, 1]
    assert all(p.line == 12.0 for p in tall.split(200, 16 + 100 + 1))  # type: ignore[attr-defined]
    mixed = _table([100, 16, 16])  # a tall row, then two short ones that are too little alone
    assert _rows(mixed.split(200, 16 + 116 + 1)) == []  # after row 2, or after row 1 for the rest
    assert _rows(_table([16, 16, 40]).split(200, 16 + 32 + 1)) == []  # 32 pt: under four lines
    assert _rows(_table([24, 24, 48]).split(200, 16 + 48 + 1)) == [2, 1]  # 48 pt: four lines
