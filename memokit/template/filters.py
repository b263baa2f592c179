"""The filters memo text may use on top of Jinja2's own: number, percent, date, count."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable


class FilterProblem(Exception):
    """A filter was given a value it cannot format; the message says what it needs."""


def number(value: object, digits: int = 0) -> str:
    """Thousands separators and fixed decimals: 12345.6 -> '12,346'."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise FilterProblem(f"the 'number' filter needs a number, got {value!r}; apply it to a "
                            "numeric value, e.g. {{ data.people | sum(attribute='staff') | number }}")
    return f"{value:,.{_digits(digits)}f}"


def percent(value: object, digits: int = 0) -> str:
    """A share as a percentage: 0.256 -> '26%'."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise FilterProblem(f"the 'percent' filter needs a number (a share such as 0.25), got "
                            f"{value!r}")
    return f"{value * 100:.{_digits(digits)}f}%"


def count(value: object) -> int:
    """How many items (rows) a value holds."""
    try:
        return len(list(value))  # type: ignore[call-overload]
    except TypeError:
        raise FilterProblem(f"the 'count' filter needs a list (e.g. a data set), got "
                            f"{value!r}") from None


def date(value: object, fmt: str = "%d %B %Y") -> str:
    """A date as text, by a strftime pattern (default '14 March 2026')."""
    if isinstance(value, str):
        with contextlib.suppress(ValueError):
            value = dt.date.fromisoformat(value)
    if not isinstance(value, dt.date):
        raise FilterProblem(f"the 'date' filter needs a date, got {value!r}")
    if not isinstance(fmt, str) or len(fmt) > 100:
        raise FilterProblem("the 'date' filter takes a short strftime pattern, e.g. '%B %Y'")
    return value.strftime(fmt)


def _digits(digits: object) -> int:
    if isinstance(digits, bool) or not isinstance(digits, int) or not 0 <= digits <= 10:
        raise FilterProblem(f"the number of decimals must be a whole number from 0 to 10, got "
                            f"{digits!r}")
    return digits


FILTERS: dict[str, Callable[..., object]] = {
    "number": number, "percent": percent, "count": count, "date": date,
}
