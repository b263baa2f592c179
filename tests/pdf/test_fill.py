"""Full columns in a memo of many short sections: headings kept with their text, lists, and
paragraphs whose last lines cite several notes, so columns often end where the next piece
cannot follow. The spaces between blocks (then the line distances) grow to bring each
column's last line to its foot, within the house style's bounds; the last page stays balanced.
"""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, Spacer

from memokit.model.nodes import Memo
from memokit.model.walk import notes
from memokit.style.theme import Theme
from memokit.writers.pdf import fill
from tests.pdf.conftest import render_yaml
from tests.pdf.generate import _Notes, _text
from tests.pdf.reading import Layout, body_words, layout, lines, note_places, reference_places
from tests.pdf.test_full_columns import short_columns


def sections_yaml(seed: int, sections: int = 36) -> str:
    """Short sections under level 1 and 2 headings; paragraphs citing up to three notes, often in
    their last sentence; a bullet list of one-line items in every third section."""
    rng = random.Random(seed)
    cite = _Notes(rng, long_every=5, huge_every=0)
    out = ["memokit: 1", "title: Many short sections", "authors: [Test Author]", "date: 2026-03-14",
           "lede: Sections of one to three paragraphs, notes cited at their ends.", "sections:"]
    for s in range(sections):
        out += [f"  - heading: Section {s + 1} on capacity", "    body:"]
        for _ in range(rng.randint(1, 3)):
            text = _text(rng, rng.randint(25, 110))
            refs = "".join(cite.cite() for _ in range(rng.choice((0, 1, 2, 3))))
            out += ["      - |", "        " + text[:-1] + refs + "."]
        if s % 3 == 2:
            out += ["      - |"] + [f"        - {_text(rng, 4)[:-1]};" for _ in range(rng.randint(2, 5))]
        if s % 4 == 3:
            out += ["    sections:", f"      - heading: Part {s + 1}.1 in detail", "        body:",
                    "          - |", "            " + _text(rng, rng.randint(40, 90))]
    return "\n".join(out) + "\n"


Rendered = tuple[Path, Memo, Layout]


@pytest.fixture(scope="module", params=[3, 8])
def sectioned(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
              theme: Theme) -> Rendered:
    pdf, memo, _ = render_yaml(sections_yaml(request.param), tmp_path_factory.mktemp("sections"), theme,
                               assets={})
    return pdf, memo, layout(pdf, theme)


def test_sectioned_memo_is_long_and_cites_notes(sectioned: Rendered) -> None:
    _, memo, lay = sectioned
    assert lay.pages >= 6
    assert len(notes(memo)) >= 40


def test_no_column_of_short_sections_ends_more_than_two_lines_short(sectioned: Rendered,
                                                                     theme: Theme) -> None:
    _, _, lay = sectioned
    assert short_columns(lay, theme) == []


def test_notes_still_start_in_their_citing_column(sectioned: Rendered, theme: Theme) -> None:
    _, memo, lay = sectioned
    refs, places = reference_places(lay, theme), note_places(lay, theme)
    wrong = [n.number for n in notes(memo) if refs.get(n.number) != places.get(n.number)]
    assert wrong == []


def test_lines_of_a_paragraph_spread_no_more_than_the_style_allows(sectioned: Rendered,
                                                                    theme: Theme) -> None:
    """Within a column, no two body lines are closer than the leading, and none of the
    distances between lines of one paragraph (the common ones) passes leading + fill_leading."""
    _, _, lay = sectioned
    lead, most = theme.sizes.leading, theme.text.fill_leading
    body = body_words(lay, theme)
    spread = []
    for page in range(1, lay.pages + 1):
        for col in (1, 2):
            tops = [ln[0].top for ln in lines([w for w in body if w.page == page and w.column == col])]
            steps = [b - a for a, b in zip(tops, tops[1:])]
            assert all(s > lead - 0.6 for s in steps), (page, col, min(steps))
            within = [s for s in steps if s < lead + most + 0.6]
            spread += within
    assert spread and max(spread) <= lead + most + 0.6


def test_without_growing_spaces_the_same_memos_leave_columns_short(tmp_path: Path, theme: Theme) -> None:
    """The memos above test something: laid out with nothing allowed to grow, columns end short."""
    rigid = replace(theme, text=replace(theme.text, fill_space=0.0, fill_leading=0.0))
    for seed in (3, 8):
        pdf, _, _ = render_yaml(sections_yaml(seed), tmp_path / str(seed), rigid, assets={})
        assert short_columns(layout(pdf, rigid), rigid), seed


# ---------------------------------------------------------------- the sharing rule itself

def _para(name: str = "Body", keep: bool = False, level: int | None = None) -> Paragraph:
    p = Paragraph("word " * 40, ParagraphStyle(name, fontSize=10, leading=12))
    p.wrap(200, 1000)
    if keep:
        p._mk_keep = True  # type: ignore[attr-defined]
    if level is not None:
        p._mk_level = level  # type: ignore[attr-defined]
    return p


def _placed(*flowables: object) -> list[fill.Placed]:
    return [fill.Placed(f, 0.0, 0.0, 0.0) for f in flowables]  # type: ignore[arg-type]


def test_space_grows_above_headings_most_and_never_under_them() -> None:
    heading = _para("Heading1", keep=True, level=1)
    placed = _placed(_para(), _para(), heading, _para())
    how = fill.spread(placed, slack=12.0, space_most=100.0, line_most=0.0)
    grow = [b - a for a, b in zip(how.moves, how.moves[1:])]
    assert grow == pytest.approx([4.0, 8.0, 0.0])  # paragraph 1, heading 2, under the heading 0
    assert how.lead == 0.0


def test_each_space_grows_at_most_its_share_then_lines_spread() -> None:
    placed = _placed(_para(), _para())
    first = len(placed[0].flowable.blPara.lines) - 1  # type: ignore[attr-defined]
    assert first > 0
    how = fill.spread(placed, slack=100.0, space_most=10.0, line_most=1.0)
    assert how.moves[1] - how.moves[0] == pytest.approx(10.0 + 1.0 * first)
    assert how.lead == pytest.approx(1.0)  # capped: the rest of the slack stays under the text


def test_list_items_and_markers() -> None:
    item = ParagraphStyle("ListItem-3", fontSize=10, leading=12)
    a, b = Paragraph("one", item), Paragraph("two", item)
    marker = Spacer(0, 0)
    marker._ZEROSIZE = True  # type: ignore[attr-defined]
    for p in (a, b):
        p.wrap(200, 100)
    how = fill.spread(_placed(_para(), a, marker, b), slack=5.0, space_most=100.0, line_most=0.0)
    grow = [y - x for x, y in zip(how.moves, how.moves[1:])]
    assert grow == pytest.approx([1.0 / 1.5 * 5.0, 0.0, 0.5 / 1.5 * 5.0])


def test_every_heading_is_in_the_outline_those_of_the_last_page_too(sectioned: Rendered) -> None:
    """Headings are drawn when their column ends, the last page after it is balanced: the
    outline still lists every one of them, in order, each pointing at its page."""
    from pypdf import PdfReader

    pdf, memo, lay = sectioned
    reader = PdfReader(str(pdf))

    def flat(items: list[object]) -> list[object]:
        return [x for i in items for x in (flat(i) if isinstance(i, list) else [i])]  # type: ignore[arg-type]

    entries = flat(reader.outline)  # type: ignore[arg-type]
    expected = [sec.heading for top in memo.sections for sec in (top, *top.sections)]
    assert [e.title for e in entries] == expected  # type: ignore[attr-defined]
    last = [e for e in entries if reader.get_destination_page_number(e) == lay.pages - 1]  # type: ignore[arg-type]
    assert last, "no heading on the last page: the memo does not test it"


class _Frame:
    """What KeepWithNext asks of a column: its state and whether text can start in a height."""

    _atTop, _oASpace, _prevASpace, _aW = 0, 1, 5.0, 200.0

    def __init__(self, needs: float):
        self.needs = needs

    def can_start(self, flowable: object, avail: float) -> bool:
        return avail >= self.needs


def test_space_above_a_heading_shrinks_by_a_third_at_most_to_keep_it_with_its_text() -> None:
    from reportlab.platypus.doctemplate import FrameBreak

    from memokit.writers.pdf.keep import SHRINK, KeepWithNext

    heading = Paragraph("Heading", ParagraphStyle("Heading1", fontSize=10, leading=12, spaceBefore=12))
    rest = _para()
    kw = KeepWithNext(heading, rest)
    h = kw._first_height(200, 1000)
    gain = 12 * SHRINK  # the space applied is 12 - 5 (the paragraph above gives 5): 4 of it may go
    for short, shrunk in ((0.0, None), (gain - 0.1, 12 - gain), (gain + 0.1, "break")):
        kw._frame = _Frame(needs=20.0)  # type: ignore[attr-defined]
        parts = kw.split(200, h + 20.0 - short)
        if shrunk == "break":
            assert isinstance(parts[0], type(FrameBreak))
            assert heading.getSpaceBefore() == 12  # the shrink of an earlier try is undone
        else:
            assert parts == [heading, rest]
            assert heading.getSpaceBefore() == pytest.approx(12 if shrunk is None else shrunk)
