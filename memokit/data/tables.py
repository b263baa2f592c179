"""Data sets: read CSV/JSON/YAML files or inline rows into typed columns, then
filter, bin, group and aggregate them as the memo's ``data:`` section says.

Problems are raised as :class:`DataProblem` with enough to locate them: the
spec field at fault, or the data file and its row.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from memokit.errors import did_you_mean
from memokit.model import DataSet

_INT = re.compile(r"^[+-]?\d+$")
_FLOAT = re.compile(r"^[+-]?(\d+\.\d*|\.\d+|\d+)([eE][+-]?\d+)?$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH = re.compile(r"^\d{4}-\d{2}$")
_AGG = re.compile(r"^(count|(sum|mean|min|max)\(\s*([A-Za-z0-9_ -]+?)\s*\))$")


@dataclass
class DataProblem(Exception):
    """``field`` is a sub-path of the data set spec; ``file``/``row`` locate a data file row."""

    message: str
    field: tuple[str | int, ...] = ()
    file: str | None = None
    row: int | None = None

    def __str__(self) -> str:
        return self.message


def _typed(values: Sequence[object]) -> list[object]:
    """Give a column one type: int, float, date or text (empty cells become None)."""
    texts = [v for v in values if v is not None and v != ""]
    if all(isinstance(v, bool) for v in texts) and texts:
        return [None if v == "" else v for v in values]
    if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in texts):
        return [None if v == "" else v for v in values]
    if all(isinstance(v, dt.date) for v in texts):
        return [None if v == "" else v for v in values]
    strs = [str(v).strip() for v in texts]
    if strs and all(_INT.match(s) for s in strs):
        return [int(str(v)) if v not in (None, "") else None for v in values]
    if strs and all(_FLOAT.match(s) for s in strs):
        return [float(str(v)) if v not in (None, "") else None for v in values]
    if strs and all(_DATE.match(s) or _MONTH.match(s) for s in strs):
        try:
            return [_parse_date(str(v).strip()) if v not in (None, "") else None for v in values]
        except ValueError:
            pass
    return [None if v is None or v == "" else (v if isinstance(v, str) else str(v))
            for v in values]


def _parse_date(s: str) -> dt.date:
    if _MONTH.match(s):
        return dt.date(int(s[:4]), int(s[5:7]), 1)
    return dt.date.fromisoformat(s)


def _from_rows(name: str, rows: list[list[object]], file: str | None) -> DataSet:
    if not rows:
        raise DataProblem("has no rows; give a header row and at least one data row",
                          ("rows",) if file is None else (), file, 1 if file else None)
    header = [str(h).strip() for h in rows[0]]
    if len(set(header)) != len(header):
        dup = next(h for h in header if header.count(h) > 1)
        raise DataProblem(f"column '{dup}' appears twice in the header; rename one",
                          ("rows", 0) if file is None else (), file, 1 if file else None)
    body = rows[1:]
    for i, r in enumerate(body):
        if len(r) != len(header):
            raise DataProblem(
                f"row has {len(r)} values but the header has {len(header)} columns; "
                "make every row as long as the header",
                ("rows", i + 1) if file is None else (), file, i + 2 if file else None)
    cols = [_typed([r[c] for r in body]) for c in range(len(header))]
    return DataSet(name, tuple(header), tuple(zip(*cols)) if body else ())


def read_file(name: str, path: Path, shown: str) -> DataSet:
    """Read a CSV, JSON or YAML data file into a typed data set."""
    text = path.read_text(encoding="utf-8-sig")
    suffix = path.suffix.lower()
    if suffix == ".csv":
        rows: list[list[object]] = [list(r) for r in csv.reader(io.StringIO(text)) if r]
        return _from_rows(name, rows, shown)
    if suffix == ".json":
        try:
            doc = json.loads(text)
        except json.JSONDecodeError as exc:
            raise DataProblem(f"is not valid JSON: {exc.msg}", (), shown, exc.lineno) from None
    else:
        import yaml

        try:
            doc = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            raise DataProblem("is not valid YAML", (), shown,
                              mark.line + 1 if mark else None) from None
    if isinstance(doc, list) and doc and all(isinstance(r, dict) for r in doc):
        header = list(dict.fromkeys(k for r in doc for k in r))
        return _from_rows(name, [header] + [[r.get(h) for h in header] for r in doc], shown)
    if isinstance(doc, list) and doc and all(isinstance(r, list) for r in doc):
        return _from_rows(name, doc, shown)
    raise DataProblem("must hold a list of records (mappings) or a list of rows", (), shown, 1)


def from_inline(name: str, rows: list[list[object]]) -> DataSet:
    return _from_rows(name, rows, None)


def _col(ds: DataSet, column: str, field: tuple[str | int, ...]) -> int:
    if column not in ds.columns:
        raise DataProblem(
            f"column '{column}' is not in the data{did_you_mean(column, ds.columns)}; "
            f"columns are: {', '.join(ds.columns)}", field)
    return ds.columns.index(column)


def apply_filter(ds: DataSet, spec: dict[str, object]) -> DataSet:
    rows = list(ds.rows)
    for column, want in spec.items():
        i = _col(ds, column, ("filter", column))
        if isinstance(want, dict):
            lo, hi = want.get("min"), want.get("max")
            lo, hi = (_coerce(lo, rows, i), _coerce(hi, rows, i))
            try:
                rows = [r for r in rows if r[i] is not None
                        and (lo is None or r[i] >= lo) and (hi is None or r[i] <= hi)]
            except TypeError:
                raise DataProblem(f"cannot compare column '{column}' with {want}; give values "
                                  "of the column's type", ("filter", column)) from None
        else:
            allowed = want if isinstance(want, list) else [want]
            allowed = [_coerce(a, rows, i) for a in allowed]
            rows = [r for r in rows if r[i] in allowed]
    return DataSet(ds.name, ds.columns, tuple(rows))


def _coerce(value: object, rows: list[tuple[object, ...]], i: int) -> object:
    """A filter value in the column's type (dates written in YAML as text)."""
    sample = next((r[i] for r in rows if r[i] is not None), None)
    if isinstance(sample, dt.date) and isinstance(value, str):
        try:
            return _parse_date(value)
        except ValueError:
            return value
    return value


def _bin_date(d: dt.date, by: str) -> dt.date:
    if by == "month":
        return d.replace(day=1)
    if by == "quarter":
        return dt.date(d.year, 3 * ((d.month - 1) // 3) + 1, 1)
    return dt.date(d.year, 1, 1)


def apply_bin(ds: DataSet, spec: dict[str, str], file: str | None) -> DataSet:
    i = _col(ds, spec["column"], ("bin", "column"))
    out_name = spec.get("as") or spec["by"]
    binned = []
    for n, r in enumerate(ds.rows):
        v = r[i]
        if isinstance(v, str):
            try:
                v = _parse_date(v.strip())
            except ValueError:
                raise DataProblem(f"{spec['column']}: '{r[i]}' is not a date; write dates as "
                                  "YYYY-MM-DD", ("bin", "column"), file,
                                  n + 2 if file else None) from None
        if not isinstance(v, dt.date):
            raise DataProblem(f"{spec['column']}: {r[i]!r} is not a date; write dates as "
                              "YYYY-MM-DD", ("bin", "column"), file, n + 2 if file else None)
        binned.append(_bin_date(v, spec["by"]))
    if out_name in ds.columns:
        j = ds.columns.index(out_name)
        rows = tuple(r[:j] + (b,) + r[j + 1:] for r, b in zip(ds.rows, binned))
        return DataSet(ds.name, ds.columns, rows)
    return DataSet(ds.name, ds.columns + (out_name,),
                   tuple(r + (b,) for r, b in zip(ds.rows, binned)))


def apply_aggregate(ds: DataSet, group_by: list[str], aggregate: dict[str, str]) -> DataSet:
    keys = [_col(ds, g, ("group_by", n)) for n, g in enumerate(group_by)]
    measures = []
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
                                  f"{fn}() needs numbers", ("aggregate", new))
        measures.append((new, fn, col))
    groups: dict[tuple[object, ...], list[tuple[object, ...]]] = {}
    for r in ds.rows:
        groups.setdefault(tuple(r[k] for k in keys), []).append(r)
    rows = []
    for key in sorted(groups, key=_sort_key):
        members = groups[key]
        vals: list[object] = []
        for _, fn, col in measures:
            xs = [r[col] for r in members if col is not None and r[col] is not None]
            if fn == "count":
                vals.append(len(members))
            elif fn == "sum":
                vals.append(sum(xs))  # type: ignore[arg-type]
            elif fn == "mean":
                vals.append(statistics.fmean(xs) if xs else None)  # type: ignore[arg-type]
            elif fn == "min":
                vals.append(min(xs) if xs else None)  # type: ignore[type-var]
            else:
                vals.append(max(xs) if xs else None)  # type: ignore[type-var]
        rows.append(key + tuple(vals))
    return DataSet(ds.name, tuple(group_by) + tuple(n for n, _, _ in measures), tuple(rows))


def _sort_key(key: tuple[object, ...]) -> tuple[tuple[int, object], ...]:
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


def prepare(name: str, spec: dict[str, object], base: DataSet, file: str | None) -> DataSet:
    """Apply filter, bin, group_by and aggregate to a loaded data set, in that order."""
    ds = base
    if isinstance(spec.get("filter"), dict):
        ds = apply_filter(ds, spec["filter"])  # type: ignore[arg-type]
    if isinstance(spec.get("bin"), dict):
        ds = apply_bin(ds, spec["bin"], file)  # type: ignore[arg-type]
    group_by = spec.get("group_by")
    aggregate = spec.get("aggregate")
    if isinstance(aggregate, dict) and aggregate:
        gb = list(group_by) if isinstance(group_by, list) else []
        ds = apply_aggregate(ds, gb, aggregate)  # type: ignore[arg-type]
        ds = complete_groups(ds, gb, aggregate)  # type: ignore[arg-type]
    elif group_by:
        raise DataProblem("'group_by' needs 'aggregate' (e.g. aggregate: {events: count})",
                          ("group_by",))
    if not ds.rows:
        raise DataProblem("no rows are left after filtering; check the 'filter' values",
                          ("filter",) if spec.get("filter") else ())
    return DataSet(name, ds.columns, ds.rows)
