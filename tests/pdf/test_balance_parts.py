"""The last page of the main text before the appendices' new page, and of each appendix, is
balanced as the memo's last page is: text in both columns, about even, notes at the foot of the
column that cites them; the outline keeps every heading and the file is the same every time."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from pypdf import PdfReader

from memokit.style.theme import Theme
from tests.pdf.conftest import render_yaml
from tests.pdf.generate import _text, long_memo_yaml
from tests.pdf.pdfcheck import problems
from tests.pdf.reading import Layout, is_heading, layout, note_places, reference_places
from tests.pdf.tagging import memo_pieces, missing_in_order, normal, struct_text

APPENDICES = ("Method in detail", "Further sources")


def _memo(pages: int, seed: int, appendix_paras: tuple[int, int] = (9, 3)) -> str:
    """A generated memo of about ``pages`` pages with notes, then two appendices, each beginning
    on a new page, of ``appendix_paras`` paragraphs that cite notes."""
    rng = random.Random(seed)  # notes of a few lines: a long note cited at the end may hold a column
    text = long_memo_yaml(pages=pages, seed=seed, long_every=10_000, huge_every=10_000, page_wide=False)
    text += "appendix:\n"
    for heading, n in zip(APPENDICES, appendix_paras):
        text += f"  - heading: {heading}\n    body:\n"
        for _ in range(n):
            text += f"      - |\n        {_text(rng, 120)}^[{_text(rng, 14)}]\n"
    return text


def _opening(lay: Layout, theme: Theme, heading: str) -> int:
    """The page whose heading opens an appendix (its first word, in the heading's style)."""
    first = heading.split()[0].upper()
    pages = [w.page for w in lay.words if w.text == first and is_heading(w, theme)]
    assert pages, f"appendix '{heading}' not found"
    return pages[0]


def _assert_balanced(lay: Layout, theme: Theme, page: int) -> None:
    """The text of both columns of ``page`` (tables and captions too, not notes) ends about as
    low, unless both are full (each ends within two lines of its notes or the foot)."""
    p, lead = theme.page, theme.sizes.leading
    foot = p.height - p.margin_bottom
    bottoms, rooms = [], []
    for col in (1, 2):
        rule = lay.rules.get((page, col), foot)  # the continued mark sits on the rule: not text
        ws = [w for w in lay.on(page, col) if p.margin_top < w.top < min(rule - 6, foot)]
        assert ws, f"page {page}: column {col} holds no text"
        bottom = max(w.top for w in ws) + lead
        bottoms.append(bottom)
        rooms.append(rule - bottom)
    if max(rooms) < 2 * lead:
        return
    left, right = bottoms
    assert right - left < lead - 0.5, f"page {page}: the right column ends a line lower than the left"
    assert left - right <= 3 * lead + theme.text.paragraph_space + 1, \
        f"page {page}: the left column ends {left - right:.0f} pt lower than the right (> 3 lines)"


def _notes_with_references(lay: Layout, theme: Theme) -> None:
    notes, refs = note_places(lay, theme), reference_places(lay, theme)
    assert notes and set(notes) == set(refs)
    for n, place in notes.items():
        assert refs[n] == place, f"note {n} starts at {place}, its reference is at {refs[n]}"


@pytest.mark.parametrize(("pages", "seed"), [(3, 7), (4, 11), (5, 3), (6, 21)])
def test_the_page_before_each_appendix_is_balanced(tmp_path: Path, theme: Theme, pages: int,
                                                   seed: int) -> None:
    pdf, _, _ = render_yaml(_memo(pages, seed), tmp_path, theme)
    lay = layout(pdf, theme)
    first, second = (_opening(lay, theme, h) for h in APPENDICES)
    assert 2 < first < second - 1  # the first appendix takes more than a page: its last page is its own
    for page in (first - 1, second - 1, lay.pages):  # the main text's, the first appendix's, the memo's
        _assert_balanced(lay, theme, page)
    _notes_with_references(lay, theme)


def test_balanced_parts_keep_the_outline_and_tags_and_render_the_same_every_time(tmp_path: Path,
                                                                                 theme: Theme) -> None:
    """The pages laid out again hold their headings in the outline and their content in the
    structure tree, in order, each note once; two renders give the same bytes."""
    text = _memo(4, 11)
    pdf, memo, _ = render_yaml(text, tmp_path / "a", theme)
    again, _, _ = render_yaml(text, tmp_path / "b", theme)
    assert pdf.read_bytes() == again.read_bytes()
    reader = PdfReader(str(pdf))

    def flat(items: list[object]) -> list[object]:
        return [x for i in items for x in (flat(i) if isinstance(i, list) else [i])]  # type: ignore[arg-type]

    titles = [e.title for e in flat(reader.outline)]  # type: ignore[arg-type, attr-defined]
    main = [sec.heading for top in memo.sections for sec in (top, *top.sections)]
    assert titles[:len(main)] == main
    assert [t for t in titles[len(main):] if any(h in t for h in APPENDICES)] and len(titles) == len(main) + 2
    assert missing_in_order(memo_pieces(memo), normal(struct_text(pdf))) == []
    assert problems(pdf) == []
