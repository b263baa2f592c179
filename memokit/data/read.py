"""Reading data: CSV/JSON/YAML files or inline rows into typed columns, keeping
the file line of every row so a bad value can be shown where it was written.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from memokit.errors import ContentError
from memokit.model import DataSet
from memokit.source.located import MAX_NESTING, bad_character, load_yaml_text

MAX_DATA_BYTES = 20_000_000  # bytes of one data file
MAX_CELL = 131_072  # characters of one cell (the CSV reader's own field limit)
MAX_DIGITS = 300  # digits of a whole number; larger numbers (and inf, nan) are refused
MAX_MAGNITUDE = 1e300  # largest size of any number in data

_INT = re.compile(r"^[+-]?\d+$")
_FLOAT = re.compile(r"^[+-]?(\d+\.\d*|\.\d+|\d+)([eE][+-]?\d+)?$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH = re.compile(r"^\d{4}-\d{2}$")


@dataclass
class DataProblem(Exception):
    """``field`` is a sub-path of the data set spec; ``file``/``row``/``col`` locate a data file cell."""

    message: str
    field: tuple[str | int, ...] = ()
    file: str | None = None
    row: int | None = None
    col: int | None = None

    def __str__(self) -> str:
        return self.message


@dataclass
class Loaded:
    """A data set as read, with where each row came from."""

    data: DataSet
    file: str | None = None  # the data file as shown in messages; None for inline rows
    lines: list[int] = field(default_factory=list)  # file line (CSV) or list index of each row
    texts: list[str] = field(default_factory=list)  # raw CSV line of each row, for columns

    def where(self, row: int, column: int) -> tuple[tuple[str | int, ...], int | None, int | None]:
        """(spec field, file line, file column) of a cell of the data as read."""
        if self.file is None:
            return ("rows", row + 1, column), None, None
        if row >= len(self.texts):  # JSON or YAML records: no line to show
            return (), None, None
        return (), self.lines[row], _cell_column(self.texts[row], column)

    def row_name(self, row: int) -> str:
        """How to name a row to an author: a file line, or a place in 'rows:'."""
        if self.file is None:
            return f"rows[{row + 1}]"
        if self.texts:
            return f"{self.file} line {self.lines[row]}"
        return f"{self.file} record {row + 1}"


def _cell_column(line: str, k: int) -> int:
    """Column (from 1) where cell ``k`` of a CSV line starts."""
    quoted, cell = False, 0
    for i, ch in enumerate(line):
        if cell == k:
            return i + 1
        if ch == '"':
            quoted = not quoted
        elif ch == "," and not quoted:
            cell += 1
    return len(line) + 1 if cell == k else 1


class _BadDate(Exception):
    def __init__(self, index: int, value: object):
        self.index, self.value = index, value


class _BadCell(Exception):
    def __init__(self, index: int, message: str):
        self.index, self.message = index, message


def cell_problem(v: object) -> str | None:
    """Why a value cannot be a cell of a data set (too big, not finite, a character that
    is not text); None when it is fine."""
    if isinstance(v, bool):
        return None
    if isinstance(v, int):
        if v.bit_length() > 996:  # 2**996 is about 10**300
            return f"a whole number has more than {MAX_DIGITS} digits; write a smaller number"
        return None
    if isinstance(v, float):
        if v != v or v in (float("inf"), float("-inf")):
            return f"{v!r} is not a finite number; write a number, or leave the cell empty"
        if abs(v) >= MAX_MAGNITUDE:
            return f"{v!r} is larger than {MAX_MAGNITUDE:g}; write a smaller number"
        return None
    if isinstance(v, str):
        if len(v) > MAX_CELL:
            return (f"a cell holds {len(v):,} characters, more than the limit of {MAX_CELL:,}; "
                    "shorten it")
        bad = bad_character(v)
        if bad is not None:
            return bad[1]
    return None


_PLAIN = (type(None), bool, dt.date, dt.datetime)  # cell types cell_problem always accepts


def _cells_fine(values: Sequence[object]) -> bool:
    """True when no value has a :func:`cell_problem` (checked a column at a time: the texts
    joined, the numbers by type); False means look cell by cell."""
    texts: list[str] = []
    for v in values:
        t = type(v)
        if t is str:
            texts.append(v)  # type: ignore[arg-type]
        elif t is int:
            if v.bit_length() > 996:  # type: ignore[attr-defined]
                return False
        elif t is float:
            if not abs(v) < MAX_MAGNITUDE:  # type: ignore[arg-type]  # also NaN
                return False
        elif t not in _PLAIN:
            return False
    if not texts:
        return True
    return max(map(len, texts)) <= MAX_CELL and bad_character("".join(texts)) is None


def _number_text(s: str) -> object:
    """A number written as text (checked for size first: int() refuses 4,300 digits)."""
    digits = len(s.lstrip("+-"))
    if _INT.match(s):
        if digits > MAX_DIGITS:
            raise ValueError(f"a whole number has {digits:,} digits, more than {MAX_DIGITS}; "
                             "write a smaller number")
        return int(s)
    value = float(s)
    if not abs(value) < MAX_MAGNITUDE:
        raise ValueError(f"'{s}' is larger than {MAX_MAGNITUDE:g}; write a smaller number")
    return value


def column_kind(values: Sequence[object]) -> str:
    """How a column reads on an axis: 'date', 'number' or 'category' (None values ignored)."""
    present = [v for v in values if v is not None]
    if present and all(isinstance(v, dt.date) for v in present):
        return "date"
    if present and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in present):
        return "number"
    return "category"


def parse_date(s: str) -> dt.date:
    if _MONTH.match(s):
        return dt.date(int(s[:4]), int(s[5:7]), 1)
    return dt.date.fromisoformat(s)


def _typed(values: Sequence[object]) -> list[object]:
    """Give a column one type: number, date or text (empty cells become None).

    A column whose values mostly look like ISO dates must hold real dates only.
    """
    present = [v for v in values if v is not None and v != ""]
    if not _cells_fine(values):
        for i, v in enumerate(values):
            problem = cell_problem(v)
            if problem:
                raise _BadCell(i, problem)
    if present and all(isinstance(v, bool) for v in present):
        return [None if v == "" else v for v in values]
    if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in present):
        return [None if v == "" else v for v in values]
    if all(isinstance(v, dt.date) for v in present):
        return [None if v == "" else v for v in values]
    strs = [str(v).strip() for v in present]
    if strs and all(_FLOAT.match(s) for s in strs):
        out_n: list[object] = []
        for i, v in enumerate(values):
            try:
                n = None if v in (None, "") else _number_text(str(v).strip())
            except ValueError as exc:
                raise _BadCell(i, str(exc)) from None
            problem = cell_problem(n)
            if problem:
                raise _BadCell(i, problem)
            out_n.append(n)
        if all(isinstance(n, int) for n in out_n if n is not None):
            return out_n
        return [float(n) if n is not None else None for n in out_n]  # type: ignore[arg-type]
    datelike = sum(1 for v in present if isinstance(v, dt.date) or _DATE.match(str(v).strip())
                   or _MONTH.match(str(v).strip()))
    if strs and datelike * 2 > len(strs):
        out: list[object] = []
        for i, v in enumerate(values):
            if v is None or v == "" or isinstance(v, dt.date):
                out.append(None if v == "" else v)
                continue
            try:
                out.append(parse_date(str(v).strip()))
            except ValueError:
                raise _BadDate(i, v) from None
        return out
    return [None if v is None or v == "" else (v if isinstance(v, str) else str(v))
            for v in values]


def _from_rows(name: str, rows: list[list[object]], loaded: Loaded) -> Loaded:
    file = loaded.file
    if not rows:
        raise DataProblem("has no rows; give a header row and at least one data row",
                          ("rows",) if file is None else (), file, 1 if file else None)
    header = [str(h).strip() for h in rows[0]]
    head_line = loaded.lines[0] if loaded.lines else 1
    if len(set(header)) != len(header):
        dup = next(h for h in header if header.count(h) > 1)
        raise DataProblem(f"column '{dup}' appears twice in the header; rename one",
                          ("rows", 0) if file is None else (), file, head_line if file else None)
    body = rows[1:]
    loaded.lines, loaded.texts = loaded.lines[1:], loaded.texts[1:]
    for i, r in enumerate(body):
        if len(r) != len(header):
            spec, line, _ = loaded.where(i, 0)
            at = f"record {i + 1}: " if file is not None and line is None else ""
            raise DataProblem(
                f"{at}row has {len(r)} values but the header has {len(header)} columns; "
                "make every row as long as the header", spec, file, line,
                1 if line else None)
    cols = []
    for c in range(len(header)):
        try:
            cols.append(_typed([r[c] for r in body]))
        except _BadCell as bad:
            spec, line, col = loaded.where(bad.index, c)
            at = "" if file is None or loaded.texts else f"record {bad.index + 1}: "
            raise DataProblem(f"{at}column '{header[c]}': {bad.message}", spec, file,
                              line if line is not None else (1 if file else None), col) from None
        except _BadDate as bad:
            spec, line, col = loaded.where(bad.index, c)
            at = "" if file is None or loaded.texts else f"record {bad.index + 1}: "
            raise DataProblem(f"{at}column '{header[c]}' holds dates, but {bad.value!r} is not a "
                              "date in the calendar; write it as YYYY-MM-DD (or YYYY-MM)",
                              spec, file, line if line is not None else (1 if file else None),
                              col) from None
    loaded.data = DataSet(name, tuple(header), tuple(zip(*cols)) if body else ())
    return loaded


# data files read lately, by (name, path, name shown), with their bytes: a process rendering
# a memo again (a preview, a build's worker) types an unchanged file once
_read: dict[tuple[str, str, str], tuple[bytes, Loaded]] = {}
_READ_KEPT = 16  # files


def read_file(name: str, path: Path, shown: str) -> Loaded:
    """Read a CSV, JSON or YAML data file into a typed data set (the same as the last time
    when the file has not changed since; the data set is not to be changed)."""
    with path.open("rb") as f:
        raw = f.read(MAX_DATA_BYTES + 1)
    if len(raw) > MAX_DATA_BYTES:
        raise DataProblem(f"the file is larger than {MAX_DATA_BYTES // 1_000_000} MB (the limit "
                          "for one data file); aggregate the data first, or split it", (), shown, 1, 1)
    key = (name, str(path), shown)
    kept = _read.get(key)
    if kept is not None and kept[0] == raw:
        return kept[1]
    loaded = _typed_file(name, path, shown, raw)
    _read.pop(key, None)
    _read[key] = (raw, loaded)
    while len(_read) > _READ_KEPT:
        del _read[next(iter(_read))]
    return loaded


def _typed_file(name: str, path: Path, shown: str, raw: bytes) -> Loaded:
    text = raw.decode("utf-8-sig")
    suffix = path.suffix.lower()
    loaded = Loaded(DataSet(name, (), ()), shown)
    if suffix == ".csv":
        return _from_rows(name, _csv_rows(text, shown, loaded), loaded)
    if suffix == ".json":
        _json_depth(text, shown)
        try:
            doc = json.loads(text)
        except json.JSONDecodeError as exc:
            raise DataProblem(f"the file is not valid JSON ({exc.msg.lower()}); fix it here", (), shown,
                              exc.lineno, exc.colno) from None
        except (RecursionError, ValueError) as exc:
            raise DataProblem(f"the file cannot be read as JSON ({exc}); fix it", (), shown,
                              1, 1) from None
    else:
        doc = _yaml_doc(text, shown)
    if isinstance(doc, list) and doc and all(isinstance(r, dict) for r in doc):
        header = list(dict.fromkeys(k for r in doc for k in r))
        loaded.lines = list(range(len(doc) + 1))
        return _from_rows(name, [header] + [[r.get(h) for h in header] for r in doc], loaded)
    if isinstance(doc, list) and doc and all(isinstance(r, list) for r in doc):
        loaded.lines = list(range(len(doc)))
        return _from_rows(name, doc, loaded)
    raise DataProblem("the file must hold a list of records (mappings) or a list of rows, the "
                      "first being the header", (), shown, 1, 1)


def _csv_rows(text: str, shown: str, loaded: Loaded) -> list[list[object]]:
    reader = csv.reader(io.StringIO(text))
    raw_lines = text.splitlines()
    rows: list[list[object]] = []
    start = 1
    try:
        for r in reader:
            line = start
            start = reader.line_num + 1
            if r:
                rows.append(list(r))
                loaded.lines.append(line)
                loaded.texts.append(raw_lines[line - 1] if line - 1 < len(raw_lines) else "")
    except csv.Error as exc:
        why = str(exc)
        if "field larger than field limit" in why:
            why = (f"a cell is longer than {MAX_CELL:,} characters (the limit for one cell); "
                   "shorten it, or close the quote that starts it")
        else:
            why = f"the file is not valid CSV ({why}); fix it here"
        raise DataProblem(why, (), shown, start, 1) from None
    return rows


_JSON_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def _json_depth(text: str, shown: str) -> None:
    """Refuse JSON nested deeper than MAX_NESTING, at the bracket that goes too deep."""
    depth = 0
    for m in _JSON_TOKENS.finditer(text):
        ch = m.group()[0]
        if ch in "[{":
            depth += 1
            if depth > MAX_NESTING:
                line = text.count("\n", 0, m.start()) + 1
                col = m.start() - (text.rfind("\n", 0, m.start()) + 1) + 1
                raise DataProblem(f"the data is nested more than {MAX_NESTING} levels deep; "
                                  "write records (mappings) or rows (lists) of plain values",
                                  (), shown, line, col)
        elif ch in "]}":
            depth -= 1


def _yaml_doc(text: str, shown: str) -> object:
    """A YAML data file, read as memos are read (aliases, nesting and size bounded)."""
    if not text.strip():
        raise DataProblem("the file is empty; write a list of records or of rows", (), shown, 1, 1)
    try:
        doc = load_yaml_text(text, shown)
    except ContentError as exc:
        d = exc.diagnostics[0]
        raise DataProblem(f"the file cannot be read as data: {d.message}", (), shown,
                          d.line or 1, d.column or 1) from None
    if doc.problems:
        d = doc.problems[0]
        raise DataProblem(d.message, (), shown, d.line or 1, d.column or 1)
    return doc.value


def from_inline(name: str, rows: list[list[object]]) -> Loaded:
    return _from_rows(name, rows, Loaded(DataSet(name, (), ())))
