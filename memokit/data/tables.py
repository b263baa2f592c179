"""Data set transforms: filter, bin, group and aggregate, as the memo's ``data:`` says.

Problems are raised as :class:`DataProblem` with enough to locate them: the
spec field at fault, or the data file and its row.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import statistics

from memokit.data.read import DataProblem, Loaded, from_inline, parse_date, read_file
from memokit.errors import did_you_mean
from memokit.model import DataSet

__all__ = ["DataProblem", "Loaded", "from_inline", "prepare", "read_file"]

_AGG = re.compile(r"^(count|(sum|mean|min|max)\(\s*([A-Za-z0-9_ -]+?)\s*\))$")
Row = tuple[object, ...]


def _col(ds: DataSet, column: str, field: tuple[str | int, ...]) -> int:
    if column not in ds.columns:
        raise DataProblem(
            f"column '{column}' is not in the data{did_you_mean(column, ds.columns)}; "
            f"its columns are: {', '.join(ds.columns)}", field)
    return ds.columns.index(column)


def _coerce(value: object, rows: list[Row], i: int) -> object:
    """A filter value in the column's type (dates written in YAML as text)."""
    sample = next((r[i] for r in rows if r[i] is not None), None)
    if isinstance(sample, dt.date) and isinstance(value, str):
        try:
            return parse_date(value)
        except ValueError:
            return value
    return value


def apply_filter(ds: DataSet, spec: dict[str, object], places: list[int]
                 ) -> tuple[DataSet, list[int]]:
    """Keep the rows that match every ``column: value | [values] | {min, max}``."""
    rows = list(zip(ds.rows, places))
    for column, want in spec.items():
        i = _col(ds, column, ("filter", column))
        plain = [r for r, _ in rows]
        if isinstance(want, dict):
            lo, hi = (_coerce(want.get("min"), plain, i), _coerce(want.get("max"), plain, i))
            try:
                rows = [(r, p) for r, p in rows if r[i] is not None
                        and (lo is None or r[i] >= lo) and (hi is None or r[i] <= hi)]
            except TypeError:
                raise DataProblem(f"cannot compare column '{column}' with {want}; give values "
                                  "of the column's type (numbers or dates)",
                                  ("filter", column)) from None
        else:
            allowed = [_coerce(a, plain, i) for a in (want if isinstance(want, list) else [want])]
            rows = [(r, p) for r, p in rows if r[i] in allowed]
    return DataSet(ds.name, ds.columns, tuple(r for r, _ in rows)), [p for _, p in rows]


def _bin_date(d: dt.date, by: str) -> dt.date:
    if by == "month":
        return d.replace(day=1)
    if by == "quarter":
        return dt.date(d.year, 3 * ((d.month - 1) // 3) + 1, 1)
    return dt.date(d.year, 1, 1)


def apply_bin(ds: DataSet, spec: dict[str, str], loaded: Loaded, places: list[int]) -> DataSet:
    i = _col(ds, spec["column"], ("bin", "column"))
    out_name = spec.get("as") or spec["by"]
    binned = []
    for n, r in enumerate(ds.rows):
        v = r[i]
        if isinstance(v, str):
            with contextlib.suppress(ValueError):
                v = parse_date(v.strip())
        if not isinstance(v, dt.date):
            base_col = loaded.data.columns.index(spec["column"]) \
                if spec["column"] in loaded.data.columns else i
            row = places[n] if n < len(places) else n
            field, line, col = loaded.where(row, base_col)
            who = "it" if line is not None else loaded.row_name(row)
            raise DataProblem(f"column '{spec['column']}' is binned by {spec['by']}, but {who} "
                              f"holds {r[i]!r}, which is not a date; write dates as YYYY-MM-DD",
                              field or ("bin", "column"), loaded.file,
                              line if line is not None else (1 if loaded.file else None), col)
        binned.append(_bin_date(v, spec["by"]))
    if out_name in ds.columns:
        j = ds.columns.index(out_name)
        rows = tuple(r[:j] + (b,) + r[j + 1:] for r, b in zip(ds.rows, binned))
        return DataSet(ds.name, ds.columns, rows)
    return DataSet(ds.name, ds.columns + (out_name,),
                   tuple(r + (b,) for r, b in zip(ds.rows, binned)))


def _measures(ds: DataSet, aggregate: dict[str, str]) -> list[tuple[str, str, int | None]]:
    out = []
    for new, expr in aggregate.items():
        m = _AGG.match(expr.strip())
        if not m:
            raise DataProblem(f"'{expr}' is not an aggregate; use count, sum(column), "
                              "mean(column), min(column) or max(column)", ("aggregate", new))
        fn = m.group(2) or "count"
        col = None
        if m.group(3):
            col = _col(ds, m.group(3), ("aggregate", new))
            bad = next((r[col] for r in ds.rows if r[col] is not None
                        and (isinstance(r[col], bool) or not isinstance(r[col], (int, float)))),
                       None)
            if bad is not None and fn in ("sum", "mean"):
                raise DataProblem(f"column '{m.group(3)}' is not numeric (it holds {bad!r}); "
                                  f"{fn}() needs a column of numbers", ("aggregate", new))
        out.append((new, fn, col))
    return out


def _apply(fn: str, members: list[Row], col: int | None) -> object:
    xs = [r[col] for r in members if col is not None and r[col] is not None]
    if fn == "count":
        return len(members)
    if not xs:
        return 0 if fn == "sum" else None
    if fn == "sum":
        return sum(xs)  # type: ignore[arg-type]
    if fn == "mean":
        return statistics.fmean(xs)  # type: ignore[arg-type]
    return min(xs) if fn == "min" else max(xs)  # type: ignore[type-var]


def apply_aggregate(ds: DataSet, group_by: list[str], aggregate: dict[str, str]) -> DataSet:
    keys = [_col(ds, g, ("group_by", n)) for n, g in enumerate(group_by)]
    measures = _measures(ds, aggregate)
    groups: dict[Row, list[Row]] = {}
    for r in ds.rows:
        groups.setdefault(tuple(r[k] for k in keys), []).append(r)
    rows = [key + tuple(_apply(fn, groups[key], col) for _, fn, col in measures)
            for key in sorted(groups, key=_sort_key)]
    return DataSet(ds.name, tuple(group_by) + tuple(n for n, _, _ in measures), tuple(rows))


def _sort_key(key: Row) -> tuple[tuple[int, object], ...]:
    return tuple((0, k) if isinstance(k, (int, float)) else
                 (1, k) if isinstance(k, dt.date) else (2, str(k)) for k in key)


def complete_groups(ds: DataSet, group_by: list[str], aggregate: dict[str, str]) -> DataSet:
    """Fill missing combinations of two grouping columns with zero counts/sums,
    so a month with no events of one type is a 0 bar, not a gap."""
    if len(group_by) != 2 or not all(e.strip().startswith(("count", "sum"))
                                     for e in aggregate.values()):
        return ds
    a_vals = sorted({r[0] for r in ds.rows}, key=lambda v: _sort_key((v,)))
    b_vals = sorted({r[1] for r in ds.rows}, key=lambda v: _sort_key((v,)))
    have = {(r[0], r[1]): r for r in ds.rows}
    rows = [have.get((a, b), (a, b) + (0,) * len(aggregate)) for a in a_vals for b in b_vals]
    return DataSet(ds.name, ds.columns, tuple(rows))


def prepare(name: str, spec: dict[str, object], loaded: Loaded) -> DataSet:
    """Apply filter, bin, group_by and aggregate to a loaded data set, in that order."""
    ds = loaded.data
    places = list(range(len(ds.rows)))
    if isinstance(spec.get("filter"), dict):
        ds, places = apply_filter(ds, spec["filter"], places)  # type: ignore[arg-type]
        if not ds.rows:
            raise DataProblem("no rows are left after filtering; check the 'filter' values "
                              "against the data", ("filter",))
    if isinstance(spec.get("bin"), dict):
        ds = apply_bin(ds, spec["bin"], loaded, places)  # type: ignore[arg-type]
    group_by = spec.get("group_by")
    aggregate = spec.get("aggregate")
    if isinstance(aggregate, dict) and aggregate:
        gb = list(group_by) if isinstance(group_by, list) else []
        ds = apply_aggregate(ds, gb, aggregate)  # type: ignore[arg-type]
        ds = complete_groups(ds, gb, aggregate)  # type: ignore[arg-type]
    elif group_by:
        raise DataProblem("'group_by' needs 'aggregate' to say what to compute per group; add "
                          "e.g. aggregate: {events: count}", ("group_by",))
    if not ds.rows:
        raise DataProblem("the data set has no rows; give a header row and at least one data row",
                          ())
    return DataSet(name, ds.columns, ds.rows)
