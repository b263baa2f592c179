"""Date ticks and number labels, chosen without matplotlib."""

from __future__ import annotations

import datetime as dt

from memokit.figures.ticks import date_ticks, decimals_for, fits, format_number

SHORT = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def short(m: int) -> str:
    return SHORT[m - 1]


def test_three_years_of_months_get_year_labels_and_month_minor_ticks() -> None:
    t = date_ticks(dt.date(2023, 1, 1), dt.date(2025, 12, 1), 440, 7.5, short)
    assert t.labels == ("2023", "2024", "2025")
    assert t.major == (dt.date(2023, 1, 1), dt.date(2024, 1, 1), dt.date(2025, 1, 1))
    assert len(t.minor) == 36


def test_eighteen_months_get_month_labels_with_the_year_at_january() -> None:
    t = date_ticks(dt.date(2024, 1, 1), dt.date(2025, 6, 1), 440, 7.5, short)
    assert t.labels == ("Jan 2024", "Apr", "Jul", "Oct", "Jan 2025", "Apr")
    narrow = date_ticks(dt.date(2024, 1, 1), dt.date(2025, 6, 1), 180, 7.5, short)
    assert narrow.labels == ("Jan 2024", "Jul", "Jan 2025")
    assert fits(narrow.labels, 180, 7.5)


def test_a_series_starting_mid_year_names_its_first_year() -> None:
    t = date_ticks(dt.date(2024, 5, 1), dt.date(2024, 12, 1), 400, 7.5, short)
    assert t.labels[0] == "May 2024" and "Jun" in t.labels


def test_decades_step_whole_years() -> None:
    t = date_ticks(dt.date(1950, 1, 1), dt.date(2020, 1, 1), 200, 7.5, short)
    assert all(int(x) % 10 == 0 for x in t.labels) and len(t.labels) >= 4


def test_numbers_group_thousands_and_use_a_true_minus() -> None:
    assert format_number(12500, 0) == "12,500"
    assert format_number(-1000, 0) == "\u22121,000"
    assert format_number(0.25, decimals_for([0, 0.25, 0.5])) == "0.25"
    assert format_number(2024, 0, yearish=True) == "2024"
    assert format_number(-0.0, 0) == "0"
