"""Table column widths from content (CSS automatic table layout) and adjacent note markers,
decided in memokit.present with a stand-in measure: five points a character, bold or not."""

from __future__ import annotations

import pytest

from memokit.model import Emph, Note, Paragraph, Text
from memokit.model.nodes import Table
from memokit.present import NoteSeparator, separate_notes
from memokit.present.measure import table_measure
from memokit.present.tables import (
    cell_needs,
    column_needs,
    house_table_layout,
    hyphenation,
    share_widths,
    table_layout,
)
from memokit.style.theme import Theme

LABELS = None  # the stand-in cells hold no cross-references


def measure(text: str, bold: bool) -> float:
    return 5.0 * len(text)


def t(*rows: list[str], header: list[str] | None = None, tid: str = "t") -> Table:
    cells = tuple(tuple((Text(c),) for c in r) for r in rows)
    head = tuple((Text(c),) for c in header) if header else ()
    return Table(tid, 1, (Text("A table"),), head, cells, ())


def layout(table: Table, column: float, page: float = 500, can_widen: bool = True, **kw: object):
    args = dict(size=8.5, min_size=6.5, column=column, page=page, padding=2.5, can_widen=can_widen)
    args.update(kw)
    return table_layout(table, LABELS, measure, **args)  # type: ignore[arg-type]


def test_needs_are_the_widest_word_and_the_widest_line() -> None:
    lo, hi = cell_needs((Text("a bb cccc"),), LABELS, measure)  # type: ignore[arg-type]
    assert (lo, hi) == (20, 45)


def test_hyphenation_points_shrink_the_minimum_and_short_words_stay_whole() -> None:
    hy = hyphenation("en-GB")
    assert hy is not None
    lo, _ = cell_needs((Text("maritime"),), LABELS, measure, hyphenate=hy)  # type: ignore[arg-type]
    assert lo < 5 * len("maritime")
    lo, _ = cell_needs((Text("2019"),), LABELS, measure, hyphenate=hy)  # type: ignore[arg-type]
    assert lo == 20
    lo, _ = cell_needs((Text("FY2009/10"),), LABELS, measure, hyphenate=hy)  # type: ignore[arg-type]
    assert lo == 5 * len("FY2009/10")  # no hyphenation point: never broken


def test_preferred_widths_that_fit_are_used_and_the_spare_room_shared() -> None:
    lay = layout(t(["ab", "abcd"]), column=200)
    assert not lay.wide and lay.warning is None and lay.size == 8.5
    assert sum(lay.widths) == pytest.approx(200)
    assert lay.widths[1] / lay.widths[0] == pytest.approx((20 + 5) / (10 + 5))


def test_minimum_widths_plus_a_share_of_what_is_left() -> None:
    table = t(["short", "a much longer cell of many words here"])
    needs = column_needs(table, LABELS, measure)  # type: ignore[arg-type]
    widths = share_widths(needs, 120, 2.5)
    assert sum(widths) == pytest.approx(120)
    assert widths[0] >= 25 + 5 and widths[1] >= 30 + 5  # 'short', 'longer'
    assert widths[0] == pytest.approx(30)  # preferred == minimum: no share of the rest


def test_headers_wrap_between_words_only() -> None:
    hy = hyphenation("en-GB")
    table = t(["x"], header=["Responsibilities"])
    needs = column_needs(table, LABELS, measure, hy)  # type: ignore[arg-type]
    assert needs.minimum[0] == 5 * len("Responsibilities")


def test_a_table_too_wide_for_the_column_spans_the_page_with_a_warning() -> None:
    table = t(["Internationalisation"] * 4)
    lay = layout(table, column=230, page=480)
    assert lay.wide and lay.size == 8.5
    assert sum(lay.widths) == pytest.approx(480)
    assert lay.warning and "'t'" in lay.warning and "spans the page" in lay.warning


def test_a_table_too_wide_for_the_page_steps_down_its_size() -> None:
    table = t(["Internationalisation"] * 5)  # 5 * (100 + 5) = 525 at 8.5pt
    lay = layout(table, column=480, page=480, can_widen=False)
    assert not lay.wide and 6.5 <= lay.size < 8.5
    assert lay.warning and f"{lay.size:g}pt" in lay.warning
    assert all(w >= 100 * lay.size / 8.5 + 5 - 1e-6 for w in lay.widths)


def test_never_below_the_smallest_size_and_never_a_negative_width() -> None:
    table = t(["Internationalisation"] * 60)
    lay = layout(table, column=480, page=480, can_widen=False)
    assert lay.size == 6.5 and "smallest" in (lay.warning or "")
    assert all(w > 0 for w in lay.widths) and sum(lay.widths) == pytest.approx(480)


def test_the_house_measure_matches_reportlab(memo_theme: Theme) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from memokit.writers.pdf.fonts import theme_fonts

    fonts = theme_fonts(memo_theme)
    m = table_measure(memo_theme)
    for word in ("Internationalisation", "FY2009/10", "Average\u00a0cost", "£1,234.5"):
        for bold, face in ((False, fonts.heading.regular), (True, fonts.heading.bold)):
            assert m(word, bold) == pytest.approx(stringWidth(word, face, memo_theme.sizes.table))


def test_house_layout_uses_the_style(memo_theme: Theme) -> None:
    lay = house_table_layout(t(["Year", "2019"]), memo_theme, LABELS, "en-GB",  # type: ignore[arg-type]
                             column=memo_theme.page.column_width, page=memo_theme.page.text_width,
                             can_widen=True)
    assert sum(lay.widths) == pytest.approx(memo_theme.page.column_width)
    assert lay.size == memo_theme.sizes.table


def test_adjacent_notes_get_a_separator_and_lose_the_space_between() -> None:
    a, b, c = (Note(k, (Text(f"n{k}"),)) for k in (1, 2, 3))
    seq = (Text("x"), a, b, Text(" "), c, Text(" y"))
    out = separate_notes(seq)
    assert [type(n).__name__ for n in out] == ["Text", "Note", "NoteSeparator", "Note", "NoteSeparator",
                                               "Note", "Text"]
    assert isinstance(out[2], NoteSeparator) and out[2].text == ","


def test_notes_apart_or_alone_are_left_as_they_are() -> None:
    a, b = Note(1, (Text("a"),)), Note(2, (Text("b"),))
    seq = (Text("x"), a, Text(" and "), b)
    assert separate_notes(seq) == seq
    nested = (Emph((Text("x"), a)), b)
    assert separate_notes(nested) == nested
    assert separate_notes(Paragraph((Text("x"),)).children) == (Text("x"),)
