"""The filters memo text may use on top of Jinja2's own: number, percent, date, count.

Numbers and dates are written in the language of the memo being rendered (CLDR, through
memokit.lang): ``{{ 1145.3 | number(1) }}`` is '1,145.3' in English, '1 145,3' in French."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable

from memokit import lang


class FilterProblem(Exception):
    """A filter was given a value it cannot format; the message says what it needs."""


def number(value: object, digits: int = 0) -> str:
    """Digit groups and fixed decimals in the memo's language: 12345.6 -> '12,346' (en),
    '12 346' (fr)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise FilterProblem(f"the 'number' filter needs a number, got {value!r}; apply it to a "
                            "numeric value, e.g. {{ data.people | sum(attribute='staff') | number }}")
    return lang.number_text(value, _digits(digits), lang.current())


def percent(value: object, digits: int = 0) -> str:
    """A share as a percentage in the memo's language: 0.256 -> '26%' (en), '26 %' (de)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise FilterProblem(f"the 'percent' filter needs a number (a share such as 0.25), got "
                            f"{value!r}")
    return lang.percent_text(value, _digits(digits), lang.current())


def count(value: object) -> int:
    """How many items (rows) a value holds."""
    try:
        return len(list(value))  # type: ignore[call-overload]
    except TypeError:
        raise FilterProblem(f"the 'count' filter needs a list (e.g. a data set), got "
                            f"{value!r}") from None


def date(value: object, fmt: str = "long") -> str:
    """A date as text in the memo's language: one of CLDR's formats (short, medium, long, full;
    default long: '14 March 2026', '14. März 2026') or a strftime pattern, its month and day
    names in the language ('%d %B %Y': '14 mars 2026')."""
    if isinstance(value, str):
        with contextlib.suppress(ValueError):
            value = dt.date.fromisoformat(value)
    if not isinstance(value, dt.date):
        raise FilterProblem(f"the 'date' filter needs a date, got {value!r}")
    if not isinstance(fmt, str) or len(fmt) > 100:
        raise FilterProblem("the 'date' filter takes a short strftime pattern, e.g. '%B %Y'")
    if fmt in lang.DATE_STYLES:
        return lang.date_text(value, lang.current(), fmt)
    return lang.strftime(value, fmt, lang.current())


def _digits(digits: object) -> int:
    if isinstance(digits, bool) or not isinstance(digits, int) or not 0 <= digits <= 10:
        raise FilterProblem(f"the number of decimals must be a whole number from 0 to 10, got "
                            f"{digits!r}")
    return digits


FILTERS: dict[str, Callable[..., object]] = {
    "number": number, "percent": percent, "count": count, "date": date,
}
