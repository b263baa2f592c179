"""Page-wide floats at the foot of the page that cites them, when both columns have room."""

from __future__ import annotations

import random
from pathlib import Path

from memokit.style.theme import Theme
from tests.pdf.conftest import render_yaml
from tests.pdf.generate import _text
from tests.pdf.reading import in_notes, layout, note_places, reference_places
from tests.pdf.test_figures_tables import _asset


def _memo(words_before: int) -> str:
    rng = random.Random(11)
    notes = " ".join(f"{_text(rng, 60)} c{n}^[Note {n} {_text(rng, 25)}]" for n in range(2, 9))
    return f"""\
memokit: 1
title: Floats at the foot
authors: [A. Writer]
date: 2026-05-07
language: en-GB
lede: Short lede.
data:
  d:
    rows:
      - [x, y]
      - [1, 2]
      - [2, 3]
sections:
  - heading: Body
    body:
      - Opening {_text(rng, words_before)} As @fig:wide shows.^[Note 1 {_text(rng, 20)}]
      - figure:
          id: wide
          caption: A wide chart
          data: d
          chart: bar
          x: x
          y: y
          source: Test source Zanzibar
          width: page
      - {notes}
      - {_text(rng, 900)}
"""


def test_page_wide_figure_that_fits_goes_to_the_foot_of_the_citing_page(tmp_path: Path,
                                                                         theme: Theme) -> None:
    pdf, _, warnings = render_yaml(_memo(40), tmp_path, theme, {"wide": _asset("wide")})
    assert not warnings
    lay = layout(pdf, theme)
    p = theme.page
    ref = next(w for w, nxt in zip(lay.words, lay.words[1:]) if (w.text, nxt.text) == ("Figure", "1"))
    art = [w for w in lay.words if w.text in ("$5", "Wombat", "Zanzibar")]
    assert {w.page for w in art} == {ref.page}, "the figure is not on the page of its reference"
    top = min(w.top for w in art)
    source = next(w for w in art if w.text == "Zanzibar")
    assert source.top > p.height - p.margin_bottom - 20, "the figure is not at the foot of the page"
    assert top > ref.top
    # text above the figure in both columns, nothing of the columns under or across it
    text = [w for w in lay.on(ref.page) if w.column and p.margin_top < w.top < top - 5]
    assert {w.column for w in text} == {1, 2}
    assert not [w for w in lay.on(ref.page) if w.top > top - 2 and w.top < source.top - 40
                and abs(w.size - theme.sizes.body) < 0.05]
    # the notes of that page sit at the foot of their columns, above the figure
    refs, starts = reference_places(lay, theme), note_places(lay, theme)
    assert refs == starts and len(refs) == 8
    here = {where[1] for where in refs.values() if where[0] == ref.page}
    assert here == {1, 2}
    for col in here:
        rule = lay.rules[(ref.page, col)]
        assert rule < top
        notes = [w for w in lay.on(ref.page, col) if w.text == "Note"]
        assert notes and all(in_notes(w, lay) and w.top < top for w in notes)


def test_page_wide_figure_without_room_goes_to_the_top_of_the_next_page(tmp_path: Path,
                                                                         theme: Theme) -> None:
    pdf, _, _ = render_yaml(_memo(420), tmp_path, theme, {"wide": _asset("wide")})
    lay = layout(pdf, theme)
    p = theme.page
    ref = next(w for w, nxt in zip(lay.words, lay.words[1:]) if (w.text, nxt.text) == ("Figure", "1"))
    art = [w for w in lay.words if w.text in ("$5", "Wombat", "Zanzibar")]
    assert {w.page for w in art} == {ref.page + 1}
    assert min(w.top for w in art) < p.margin_top + 60
