"""Tables from data: the data set reshaped for one table (filter, bin, group_by, aggregate)
and each column's number format (``format:``), with year-like columns left unseparated."""

from __future__ import annotations

import datetime as dt
from typing import Any

from memokit import lang
from memokit.data.tables import DataProblem, Loaded, prepare
from memokit.errors import did_you_mean
from memokit.load.context import Context
from memokit.model import DataSet
from memokit.source.formatspec import format_problem
from memokit.source.located import PathKey

TRANSFORMS = ("filter", "bin", "group_by", "aggregate")


def reshaped(b: Context, ds: DataSet, spec: dict[str, Any], path: PathKey) -> DataSet | None:
    """``ds`` with the table's own filter/bin/group_by/aggregate applied (None after an error)."""
    own = {k: spec[k] for k in TRANSFORMS if k in spec}
    if not own:
        return ds
    try:
        return prepare(ds.name, own, Loaded(ds))
    except DataProblem as exc:
        field = exc.field if exc.field and exc.field[0] in TRANSFORMS else (
            ("bin", "column") if "bin" in own else ())
        b.err(path + field, exc.message)
        return None


def _number(v: object) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def year_like(name: str, values: list[object]) -> bool:
    """A column of years: named 'year', or whole numbers all between 1800 and 2100."""
    present = [v for v in values if v is not None]
    if name.strip().lower() == "year":
        return True
    return bool(present) and all(isinstance(v, int) and not isinstance(v, bool) and 1800 <= v <= 2100
                                 for v in present)


def apply_format(fmt: str, value: float) -> str:
    """A value by a column's ``format``: 'percent' (0.25 -> '25%') or a Python format, written
    with the memo language's separators ('{:,.1f}': '1,145.3', '1 145,3' in French)."""
    text = f"{value:.0%}" if fmt == "percent" else fmt.format(value)
    return _minus(lang.localise(text, lang.current()))


def default_text(value: float, years: bool) -> str:
    """Integers with digit groups (years as written); other numbers as written; in the memo
    language's separators."""
    if isinstance(value, int):
        text = str(value) if years else f"{value:,}"
    else:
        text = f"{value:,.1f}" if abs(value) >= 10000 else f"{value:g}"
    return _minus(text if years else lang.localise(text, lang.current()))


def _minus(text: str) -> str:
    """A leading minus as the typographic one."""
    return "\u2212" + text[1:] if text.startswith("-") else text


def column_formats(b: Context, spec: dict[str, Any], path: PathKey, names: list[str],
                   values: list[list[object]]) -> list[Any] | None:
    """Per column: a format string, True (year-like: no separators) or None (default)."""
    given = spec.get("format") if isinstance(spec.get("format"), dict) else {}
    ok = True
    cols = list(zip(*values)) if values else [() for _ in names]
    for col, fmt in given.items():
        if col not in names:
            b.err(path + ("format", col), f"'{col}' is not a column of this table"
                  f"{did_you_mean(str(col), names)}; its columns are: {', '.join(names)}", key=True)
            ok = False
            continue
        sample = next((v for v in cols[names.index(col)] if _number(v)), 1234.5)
        problem = format_problem(fmt) if isinstance(fmt, str) and fmt != "percent" else None
        if problem:
            b.err(path + ("format", col), f"'{_short(fmt)}' is refused: {problem}")
            ok = False
            continue
        try:
            valid = isinstance(fmt, str) and (fmt == "percent" or "{" in fmt)
            if valid:
                apply_format(fmt, sample)  # type: ignore[arg-type]
        except (ValueError, KeyError, IndexError, AttributeError, TypeError):
            valid = False
        if not valid:
            b.err(path + ("format", col), f"'{fmt}' is not a number format; write 'percent' or a "
                  "format such as '{:,}' or '{:.1f}'")
            ok = False
    if not ok:
        return None
    return [given.get(n) or date_style(list(c)) or year_like(n, list(c)) or None
            for n, c in zip(names, cols)]


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "..."


def date_style(values: list[object]) -> str | None:
    """'year' for a column of year starts (as binned by year), 'month' for month starts."""
    present = [v for v in values if v is not None]
    if not present or not all(isinstance(v, dt.date) for v in present):
        return None
    if all((v.month, v.day) == (1, 1) for v in present):  # type: ignore[attr-defined]
        return "year"
    return "month" if all(v.day == 1 for v in present) else None  # type: ignore[attr-defined]


def formatted(value: object, fmt: Any) -> str | None:
    """The text of a numeric cell (or a binned date), or None for other values."""
    if isinstance(value, dt.date) and fmt in ("year", "month"):
        return str(value.year) if fmt == "year" else f"{value.year}-{value.month:02d}"
    if not _number(value):
        return None
    if isinstance(fmt, str):
        return apply_format(fmt, value)  # type: ignore[arg-type]
    return default_text(value, years=fmt is True)  # type: ignore[arg-type]
