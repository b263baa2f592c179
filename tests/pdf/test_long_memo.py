"""A long generated memo (20+ pages, 150+ notes, some continued): placement page by page."""

from __future__ import annotations

import re
from pathlib import Path

from memokit.model.nodes import Memo
from memokit.model.walk import notes
from memokit.style.theme import Theme
from tests.pdf.reading import (
    Layout,
    Word,
    body_words,
    in_notes,
    is_heading,
    layout,
    lines,
    note_places,
    page_texts,
    reference_places,
)

Long = tuple[Path, Memo]


def _marker(lay: Layout, prefix: str) -> dict[int, list[Word]]:
    """Words like c0042 / N0042 / E0042, by number (the superscript may be glued on)."""
    out: dict[int, list[Word]] = {}
    for w in lay.words:
        m = re.match(rf"{prefix}(\d{{4}})", w.text)
        if m:
            out.setdefault(int(m.group(1)), []).append(w)
    return out


def test_long_memo_is_long_with_many_notes(long_memo: Long) -> None:
    pdf, memo = long_memo
    assert len(notes(memo)) >= 150
    assert len(page_texts(pdf)) >= 20


def test_every_note_starts_in_the_column_of_its_reference(long_memo: Long, theme: Theme) -> None:
    pdf, memo = long_memo
    lay = layout(pdf, theme)
    cites, starts = _marker(lay, "c"), _marker(lay, "N")
    numbers = [n.number for n in notes(memo)]
    wrong = []
    for n in numbers:
        c, s = cites[n][0], starts[n][0]
        if (c.page, c.column) != (s.page, s.column):
            wrong.append(f"note {n}: cited p{c.page} c{c.column}, starts p{s.page} c{s.column}")
        assert not in_notes(c, lay) and in_notes(s, lay)
    assert not wrong, wrong
    # the numbers agree with the markers: superscripts and note numbers in the same places
    refs, places = reference_places(lay, theme), note_places(lay, theme)
    assert all(refs[n] == places[n] == (cites[n][0].page, cites[n][0].column) for n in numbers)


def test_long_notes_continue_on_the_same_or_next_page_with_a_mark(long_memo: Long, theme: Theme) -> None:
    pdf, memo = long_memo
    lay = layout(pdf, theme)
    starts, ends = _marker(lay, "N"), _marker(lay, "E")
    continued = 0
    for n in (x.number for x in notes(memo)):
        s, e = starts[n][0], ends[n][0]
        assert in_notes(e, lay), f"end of note {n} is not in a notes band"
        assert e.page in (s.page, s.page + 1), f"note {n} starts on page {s.page}, ends on {e.page}"
        if (e.page, e.column) != (s.page, s.column):
            continued += 1
            label = [w for w in lay.on(e.page, e.column) if w.text == "(continued)"]
            assert label, f"note {n} continues on page {e.page} without a continuation mark"
    assert continued >= 3


def test_notes_in_list_items_and_quotes_stay_with_their_column(long_memo: Long, theme: Theme) -> None:
    pdf, _ = long_memo
    lay = layout(pdf, theme)
    cites, starts = _marker(lay, "c"), _marker(lay, "N")
    left = {(p, c): min(w.x0 for w in lay.on(p, c)) for p in range(1, lay.pages + 1) for c in (1, 2)
            if lay.on(p, c)}
    indented = [n for n, ws in cites.items() if ws[0].x0 > left[(ws[0].page, ws[0].column)] + 5]
    assert indented  # list items and quotes are indented
    for n in indented:
        assert (cites[n][0].page, cites[n][0].column) == (starts[n][0].page, starts[n][0].column)


def test_every_body_page_has_two_columns_and_its_footer(long_memo: Long, theme: Theme) -> None:
    pdf, _ = long_memo
    lay = layout(pdf, theme)
    words = body_words(lay, theme)
    texts = page_texts(pdf)
    for page in range(1, lay.pages + 1):
        assert f"page {page} of {lay.pages}" in texts[page - 1]
        assert "March 2026" in texts[page - 1] and "Memo 9001" in texts[page - 1]
        if page < lay.pages:
            assert {w.column for w in words if w.page == page} == {1, 2}, page


def _body_lines(lay: Layout, theme: Theme, page: int, column: int) -> list[list[Word]]:
    """Lines of body text and headings (not tables, captions or notes) in one column."""
    fam = theme.fonts.body.family.replace(" ", "")
    bottom = theme.page.height - theme.page.margin_bottom
    ws = [w for w in lay.on(page, column) if not in_notes(w, lay) and w.top < bottom
          and ((fam in w.font and abs(w.size - theme.sizes.body) < 0.05) or is_heading(w, theme))]
    return lines(ws)


def test_no_heading_ends_a_column_and_no_single_line_widows_or_orphans(long_memo: Long,
                                                                        theme: Theme) -> None:
    pdf, _ = long_memo
    lay = layout(pdf, theme)
    first_lines: set[tuple[int, int, float]] = set()
    last_lines: set[tuple[int, int, float]] = set()
    for page in range(1, lay.pages + 1):
        for col in (1, 2):
            ls = _body_lines(lay, theme, page, col)
            if not ls:
                continue
            assert not all(is_heading(w, theme) for w in ls[-1]), \
                    f"page {page} column {col} ends with a heading"
            first_lines.add((page, col, ls[0][0].top))
            last_lines.add((page, col, ls[-1][0].top))
    starts, ends = _marker(lay, "P"), _marker(lay, "Q")
    split = 0
    for n, ws in starts.items():
        s, e = ws[0], ends[n][0]
        if (s.page, s.column) == (e.page, e.column):
            continue
        split += 1
        assert (s.page, s.column, s.top) not in last_lines, \
            f"paragraph {n}: one line (orphan) at a column end"
        assert (e.page, e.column, e.top) not in first_lines, \
            f"paragraph {n}: one line (widow) at a column top"
    assert split >= 20  # many paragraphs cross columns, so the check means something
