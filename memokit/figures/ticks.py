"""Tick choices that read well: calendar ticks for dates, grouped digits for numbers.

Pure Python (no matplotlib), so the choices can be tested directly. Label widths
are estimated from the character count at the tick size, which is close enough
for the proportional house fonts to keep labels apart.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from memokit.lang import Numbers, localise_with

ENGLISH = Numbers()  # '1,234.5', '25%'

CHAR_EM = 0.55  # average advance of a tick label character, in ems (digits are about 0.5)
GAP_EM = 1.5  # minimum white space between neighbouring labels, in ems


@dataclass(frozen=True)
class DateTicks:
    major: tuple[dt.date, ...]
    labels: tuple[str, ...]
    minor: tuple[dt.date, ...]


def label_width(text: str, size: float) -> float:
    """Estimated width of one line of tick label text, in points."""
    return max((len(line) for line in text.split("\n")), default=0) * CHAR_EM * size


def fits(labels: Sequence[str], span_pt: float, size: float) -> bool:
    """Whether evenly spread labels over ``span_pt`` points stay apart."""
    if len(labels) <= 1:
        return True
    slot = span_pt / len(labels)
    return max(label_width(t, size) for t in labels) + GAP_EM * size <= slot


def _month_starts(start: dt.date, end: dt.date, step: int) -> list[dt.date]:
    """First days of months in [start, end] whose month index is a multiple of ``step``."""
    out = []
    y, m = start.year, start.month
    if start.day != 1:
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    while dt.date(y, m, 1) <= end:
        if (m - 1) % step == 0:
            out.append(dt.date(y, m, 1))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _year_starts(start: dt.date, end: dt.date, step: int) -> list[dt.date]:
    first = start.year if (start.month, start.day) == (1, 1) else start.year + 1
    return [dt.date(y, 1, 1) for y in range(first, end.year + 1) if y % step == 0]


def date_ticks(start: dt.date, end: dt.date, span_pt: float, size: float,
               month_short: Callable[[int], str]) -> DateTicks:
    """Major ticks with labels and minor ticks for a date axis from ``start`` to ``end``.

    Whole years ("2024") when at least three year starts fit, minor ticks on the
    months between them; otherwise every month, quarter or half year labelled
    with the short month name, with the year added at January and at the first tick
    ("Jan 2024", "Apr", "Jul", ...); very long spans step 2, 5, 10... years.
    """
    months = (end.year - start.year) * 12 + end.month - start.month
    year1 = _year_starts(start, end, 1)
    minor_months = tuple(_month_starts(start, end, 1)) if months <= 96 else tuple(year1)
    if len(year1) >= 3 and fits([str(d.year) for d in year1], span_pt, size):
        return DateTicks(tuple(year1), tuple(str(d.year) for d in year1), minor_months)
    for step in (1, 3, 6):
        ticks = _month_starts(start, end, step)
        if len(ticks) < 2 and step > 1:
            continue
        labels = [month_short(d.month) + (f" {d.year}" if i == 0 or d.month == 1 else "")
                  for i, d in enumerate(ticks)]
        if ticks and fits(labels, span_pt, size):
            minor = tuple(_month_starts(start, end, 1)) if step > 1 else ()
            return DateTicks(tuple(ticks), tuple(labels), minor)
    if months < 1:  # within one month: day ticks
        days = (end - start).days
        step = next(s for s in (1, 2, 7, 14, 31) if days / s <= max(2.0, span_pt / (5 * size)))
        ticks = [start + dt.timedelta(days=i) for i in range(0, days + 1, step)]
        return DateTicks(tuple(ticks), tuple(f"{d.day} {month_short(d.month)}" for d in ticks), ())
    for step in (1, 2, 5, 10, 20, 25, 50, 100):
        ticks = _year_starts(start, end, step)
        labels = [str(d.year) for d in ticks]
        if fits(labels, span_pt, size) or step == 100:
            minor = minor_months if step == 1 else tuple(_year_starts(start, end, 1))
            if len(minor) * 2.5 > span_pt:  # minor ticks closer than 2.5 pt are noise
                minor = ()
            return DateTicks(tuple(ticks), tuple(labels), minor)
    raise AssertionError("unreachable")


def date_label(d: dt.date, month_short: Callable[[int], str], monthly: bool) -> str:
    """A date as a category label: '2024' for yearly data, 'Jan 2024' for monthly."""
    if not monthly:
        return str(d.year)
    return f"{month_short(d.month)} {d.year}" if d.day == 1 else \
        f"{d.day} {month_short(d.month)} {d.year}"


def is_yearish(values: Sequence[float]) -> bool:
    """Whole numbers that look like years (printed without a thousands separator)."""
    return bool(values) and all(float(v).is_integer() and 1000 <= v <= 2999 for v in values)


def decimals_for(ticks: Sequence[float]) -> int:
    """Fewest decimals (up to 6) that print every tick exactly: 0, 0.25, 0.5 -> 2."""
    vals = [float(t) for t in ticks]
    scale = max((abs(v) for v in vals), default=1.0) or 1.0
    for d in range(7):
        if all(abs(round(v, d) - v) <= 1e-9 * scale for v in vals):
            return d
    return 6


def format_number(v: float, decimals: int, minus: str = "\u2212", group: str = ",",
                  yearish: bool = False, decimal: str = ".") -> str:
    """'12,500', '0.25', '−1,000' (typographic minus); years stay '2024'; ``group`` and
    ``decimal`` are the language's ('12 500', '0,25')."""
    if yearish:
        return f"{v:.0f}"
    plain = f"{abs(v):,.{decimals}f}"
    text = plain.translate({ord(","): group, ord("."): decimal})
    return (minus if v < 0 and float(plain.replace(",", "") or 0) != 0 else "") + text


def format_value(v: float, decimals: int, fmt: str | None, unit: str | None,
                 sym: Numbers = ENGLISH) -> str:
    """A value-axis number as the author asked: ``fmt`` is 'percent' (fractions: 0.25 -> '25%')
    or a Python format such as '{:,.1f}'; ``unit`` is appended ('12 bn'); in the language's
    number symbols ``sym``."""
    if fmt == "percent":
        text = sym.percent_prefix + format_number(v * 100, max(decimals - 2, 0), group=sym.group,
                                                  decimal=sym.decimal) + sym.percent_suffix
    elif fmt:
        text = localise_with(fmt.format(v), sym)
        if text.startswith("-"):
            text = "\u2212" + text[1:]
    else:
        text = format_number(v, decimals, group=sym.group, decimal=sym.decimal)
    return text + (unit or "")
