"""Right-aligned columns of numbers line up on the decimal separator: each body cell's extra
right padding, decided in memokit.present with a stand-in measure (five points a character,
six in bold), and the column widths that include it."""

from __future__ import annotations

import pytest

from memokit.model import Text
from memokit.model.nodes import Inline, Strong, Table
from memokit.present.measure import table_measure
from memokit.present.tables import (
    column_needs,
    decimal_pads,
    decimal_separator,
    house_table_layout,
    table_layout,
)
from memokit.style.theme import Theme

LABELS = None  # the stand-in cells hold no cross-references


def measure(text: str, bold: bool) -> float:
    return (6.0 if bold else 5.0) * len(text)


def cells(*texts: str) -> tuple[tuple[Inline, ...], ...]:
    return tuple((Text(c),) if c else () for c in texts)


def column(*texts: str, align: str = "right", header: str | None = "Value") -> Table:
    """A table of one column holding ``texts``."""
    head = ((Text(header),),) if header else ()
    return Table("t", 1, (Text("A table"),), head, tuple((c,) for c in cells(*texts)), (align,))  # type: ignore[arg-type]


def pads(table: Table, decimal: str = ".") -> list[float]:
    """The pads of the table's first column, one per body row."""
    return [row[0] for row in decimal_pads(table, measure, decimal)]


def test_mixed_precision_pads_up_to_the_widest_fraction() -> None:
    # fractions '.5', '.25', none, '.125': the widest is 4 characters (20 pt)
    assert pads(column("1.5", "12.25", "100", "3.125")) == [10, 5, 20, 0]


def test_whole_numbers_only_get_no_pads() -> None:
    assert pads(column("1", "12", "1,250", "\u221240")) == [0, 0, 0, 0]


def test_a_cell_that_is_not_a_number_leaves_the_column_unpadded() -> None:
    assert pads(column("1.5", "12.25", "n/a")) == [0, 0, 0]
    assert pads(column("1.5", "12.25", "1.5 bn")) == [0, 0, 0]


def test_left_and_centred_columns_get_no_pads() -> None:
    assert pads(column("1.5", "12.25", align="left")) == [0, 0]
    assert pads(column("1.5", "12.25", align="center")) == [0, 0]


def test_german_numbers_line_up_on_the_comma() -> None:
    assert decimal_separator("de") == ","
    table = column("1,5", "1.234,25", "100", "\u22123,125")
    assert pads(table, ",") == [10, 5, 20, 0]
    assert pads(table, ".") == [0, 0, 0, 0]  # '1,5' is not an English number


def test_percentages_line_up_on_the_point_and_the_per_cent_sign() -> None:
    # the part right of the integer digits: '.5%', '%', '.25%'
    assert pads(column("12.5%", "100%", "7.25%")) == [5, 15, 0]
    assert pads(column("25%", "100%")) == [0, 0]


def test_empty_cells_are_left_out() -> None:
    assert pads(column("1.5", "", "12.25")) == [5, 0, 0]


def test_a_bold_cell_is_measured_bold() -> None:
    table = Table("t", 1, (Text("A table"),), (), (((Text("1.25"),),), ((Strong((Text("10.5"),)),),)),
                  ("right",))
    assert pads(table) == [0, 3 * 5 - 2 * 6]


@pytest.mark.parametrize("language,separator", [
    ("de", ","), ("fr-FR", ","), ("sv", ","), ("pt_BR", ","), ("nb-NO", ","), ("ru", ","),
    ("en-GB", "."), ("en", "."), ("ja", "."), ("de-CH", "."), ("es-MX", "."),
])
def test_the_decimal_separator_of_a_language(language: str, separator: str) -> None:
    assert decimal_separator(language) == separator


def test_header_cells_are_not_padded_and_widths_include_the_pads() -> None:
    table = Table("t", 1, (Text("A table"),), ((Text("Name"),), (Text("Amt"),)),
                  tuple(((Text(n),), (Text(v),)) for n, v in [("a", "1.5"), ("b", "12.25"), ("c", "1000")]),
                  ("left", "right"))
    got = decimal_pads(table, measure)
    assert got == ((0, 5), (0, 0), (0, 15))
    needs = column_needs(table, LABELS, measure, pads=got)  # type: ignore[arg-type]
    # '1000' (20 pt) and its pad (15 pt) outgrow '12.25' (25 pt) and the bold header (18 pt)
    assert needs.minimum[1] == needs.preferred[1] == 35
    assert column_needs(table, LABELS, measure).preferred[1] == 25  # type: ignore[arg-type]


def test_the_layout_carries_the_pads_scaled_to_the_size_it_sets() -> None:
    table = column("1.5", "12.25", "100", "3.125", header=None)
    args = dict(min_size=6.5, page=500, padding=2.5, can_widen=False)
    roomy = table_layout(table, LABELS, measure, size=8.5, column=200, **args)  # type: ignore[arg-type]
    assert roomy.size == 8.5 and roomy.pads == ((10,), (5,), (20,), (0,))
    assert [roomy.pad(k, 0) for k in range(5)] == [10, 5, 20, 0, 0]  # past the last row: none
    tight = table_layout(table, LABELS, measure, size=8.5, column=24, **args)  # type: ignore[arg-type]
    assert tight.size < 8.5
    scale = tight.size / 8.5
    assert [row[0] for row in tight.pads] == pytest.approx([10 * scale, 5 * scale, 20 * scale, 0])


def test_house_pads_are_measured_at_the_size_the_table_is_set(memo_theme: Theme) -> None:
    words = [f"FY2009Q10FY2010Q1{k}" for k in range(7)]  # no break point: the table steps down
    rows = [[*words, "1.5"], [*words, "12.25"], [*words, "100"]]
    table = Table("t", 1, (Text("A table"),), (), tuple(tuple((Text(c),) for c in r) for r in rows),
                  ("left",) * 7 + ("right",))  # type: ignore[arg-type]
    page = memo_theme.page
    lay = house_table_layout(table, memo_theme, memo_theme.labels_for("en-GB"), "en-GB",
                             column=page.column_width, page=page.text_width, can_widen=True)
    assert lay.size < memo_theme.sizes.table
    at_size = decimal_pads(table, table_measure(memo_theme, lay.size))
    assert [p for row in lay.pads for p in row] == pytest.approx([p for row in at_size for p in row])
    assert lay.pad(2, 7) > lay.pad(0, 7) > 0 == lay.pad(1, 7)
