"""The last page's text is balanced over the two columns, notes at the foot of their columns."""

from __future__ import annotations

from pathlib import Path

import pytest

from memokit.model.nodes import Memo
from memokit.style.theme import Theme
from tests.pdf.conftest import render_yaml
from tests.pdf.generate import long_memo_yaml
from tests.pdf.reading import Layout, in_notes, is_heading, layout, lines, note_places, reference_places

Rendered = tuple[Path, Memo]


def _heights(lay: Layout, theme: Theme, page: int) -> list[float]:
    """Height of each column's text (body lines, headings and bibliography entries, not notes), 0
    when empty."""
    fam = theme.fonts.body.family.replace(" ", "")
    bottom = theme.page.height - theme.page.margin_bottom
    out = []
    sizes = (theme.sizes.body, theme.bibliography.size)
    for col in (1, 2):
        ws = [w for w in lay.on(page, col) if not in_notes(w, lay) and w.top < bottom
              and ((fam in w.font and any(abs(w.size - s) < 0.05 for s in sizes)) or is_heading(w, theme))]
        ls = lines(ws)
        out.append(ls[-1][0].top - ls[0][0].top + theme.sizes.leading if ls else 0.0)
    return out


def _assert_balanced(pdf: Path, theme: Theme) -> Layout:
    lay = layout(pdf, theme)
    left, right = _heights(lay, theme, lay.pages)
    lead = theme.sizes.leading
    assert left > 0 and right > 0, f"last page text in one column only ({left:.0f} / {right:.0f} pt)"
    # the right column may end lower by less than a line (spaces between paragraphs) when that is
    # more even than the alternative
    assert right - left < lead - 0.5, \
        f"right column ({right:.0f} pt) a line taller than the left ({left:.0f} pt)"
    # three lines, and a paragraph's space when no split leaves two lines on each side
    assert left - right <= 3 * lead + theme.text.paragraph_space + 1, \
        f"columns differ by {left - right:.0f} pt (> 3 lines)"
    return lay


def _end_mark_last(lay: Layout, theme: Theme) -> None:
    marks = [w for w in lay.words if theme.end_mark in w.text]
    assert len(marks) == 1
    mark = marks[0]
    assert (mark.page, mark.column) == (lay.pages, 2)
    body = [w for w in lay.on(lay.pages, 2) if not in_notes(w, lay)
            and w.top < theme.page.height - theme.page.margin_bottom]
    assert max(w.top for w in body) <= mark.top + 1, "text below the end mark"


def test_example_memo_last_page_is_balanced_with_the_bibliography_after_the_end_mark(
        example: Rendered, theme: Theme) -> None:
    pdf, _ = example
    lay = _assert_balanced(pdf, theme)
    (mark,) = [w for w in lay.words if theme.end_mark in w.text]
    assert (mark.page, mark.column) == (lay.pages, 2)
    below = [w for w in lay.on(lay.pages, 2) if not in_notes(w, lay) and w.top > mark.top + 1
             and w.top < theme.page.height - theme.page.margin_bottom]
    assert below and below[0].text == "BIBLIOGRAPHY"  # the end mark closes the text, the list follows
    assert all(abs(w.size - theme.bibliography.size) < 0.05 for w in below[1:])


def test_long_memo_last_page_is_balanced_and_notes_stay_with_their_column(long_memo: Rendered,
                                                                          theme: Theme) -> None:
    pdf, _ = long_memo
    lay = _assert_balanced(pdf, theme)
    _end_mark_last(lay, theme)
    refs, starts = reference_places(lay, theme), note_places(lay, theme)
    last = [n for n, where in refs.items() if where[0] == lay.pages]
    assert {where[1] for n, where in refs.items() if n in last} == {1, 2}, "notes cited in both columns"
    assert all(starts[n] == refs[n] for n in last)
    # the notes bands stay at the foot of the page, under the balanced text
    for col in (1, 2):
        assert lay.rules[(lay.pages, col)] > theme.page.height / 2


@pytest.mark.parametrize("seed", [0, 5, 8, 10])
def test_last_pages_with_long_notes_in_either_column_balance(tmp_path: Path, theme: Theme, seed: int) -> None:
    """Last pages where a long note continues or a paragraph citing one must move whole: the
    columns still end within three lines of each other, the notes where they are cited."""
    pdf, _, _ = render_yaml(long_memo_yaml(pages=24, seed=seed), tmp_path, theme)
    lay = _assert_balanced(pdf, theme)
    refs, starts = reference_places(lay, theme), note_places(lay, theme)
    assert all(starts[n] == where for n, where in refs.items() if where[0] == lay.pages)


@pytest.mark.parametrize("paragraphs", [3, 9])
def test_short_memos_balance_their_only_or_last_page(tmp_path: Path, theme: Theme, paragraphs: int) -> None:
    body = " ".join(["The mission trains advisers and reviews the budget of the ministry."] * 7)
    paras = "\n".join(f"      - |\n        Paragraph {i}. {body}" for i in range(paragraphs))
    text = f"""title: Balance
date: 2026-02-01
authors: [{{name: A. Author}}]
lede: A short lede.
sections:
  - heading: Only section
    body:
{paras}
"""
    pdf, _, _ = render_yaml(text, tmp_path, theme)
    _assert_balanced(pdf, theme)


def test_balancing_lays_out_only_the_last_page_again(tmp_path: Path, theme: Theme,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """The memo is laid out once; the balancing trials start again at the last page, not at page 1."""
    from memokit.writers.pdf.balance import TRIES
    from memokit.writers.pdf.doc import MemoDoc

    begun: list[int] = []
    original = MemoDoc.handle_pageBegin

    def counting(self: MemoDoc) -> None:
        original(self)
        begun.append(int(self.page))

    monkeypatch.setattr(MemoDoc, "handle_pageBegin", counting)
    body = " ".join(["The mission trains advisers and reviews the budget of the ministry."] * 7)
    paras = "\n".join(f"      - |\n        Paragraph {i}. {body}" for i in range(14))
    text = f"""title: Balance
date: 2026-02-01
authors: [{{name: A. Author}}]
lede: A short lede.
sections:
  - heading: Only section
    body:
{paras}
"""
    pdf, _, _ = render_yaml(text, tmp_path / "a", theme)
    lay = _assert_balanced(pdf, theme)
    assert lay.pages >= 2
    assert begun[:lay.pages] == list(range(1, lay.pages + 1))
    again = begun[lay.pages:]
    assert again and set(again) == {lay.pages}, f"pages begun again while balancing: {again}"
    assert len(again) <= TRIES + 2
    pdf2, _, _ = render_yaml(text, tmp_path / "b", theme)
    assert pdf.read_bytes() == pdf2.read_bytes()
