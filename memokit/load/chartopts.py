"""A figure's drawing options (formats, legend, series order and labels, highlights,
annotations, aspect): checked against the data set and located at the option at fault."""

from __future__ import annotations

import datetime as dt
from typing import Any

from memokit.data.read import column_kind, parse_date
from memokit.errors import did_you_mean
from memokit.load.context import Context
from memokit.model import DataSet
from memokit.model.nodes import Annotation, Highlight
from memokit.source.formatspec import format_problem
from memokit.source.located import PathKey

BAR_KINDS = ("bar", "barh", "grouped-bar", "stacked-bar")
_BAD = object()


def _x_value(b: Context, raw: object, path: PathKey, xs: list[object], kind: str, x: str,
             slots: bool) -> object:
    """An x position written in an option, in the x column's type; _BAD after reporting why not."""
    xtype = column_kind(xs)
    if xtype == "date":
        if isinstance(raw, dt.date):
            return raw
        try:
            return parse_date(str(raw).strip())
        except ValueError:
            b.err(path, f"'{raw}' is not a date, but '{x}' holds dates; write it like 2024-03 or "
                  "2024-03-15")
            return _BAD
    if xtype == "number":
        try:
            value = float(raw) if not isinstance(raw, bool) else None  # type: ignore[arg-type]
        except (TypeError, ValueError):
            value = None
        if value is None:
            b.err(path, f"'{raw}' is not a number, but '{x}' holds numbers; write one of its values")
            return _BAD
        if slots and value not in xs:
            b.err(path, f"{raw} is not a value of '{x}'; a {kind} chart marks its bars, so name one "
                  f"of: {', '.join(str(v) for v in dict.fromkeys(xs))}")
            return _BAD
        return value
    names = [str(v) for v in dict.fromkeys(xs) if v is not None]
    if str(raw) not in names:
        shown = ", ".join(names[:12]) + (", ..." if len(names) > 12 else "")
        b.err(path, f"'{raw}' is not a category of '{x}'{did_you_mean(str(raw), names)}; name one "
              f"of: {shown}")
        return _BAD
    return str(raw)


def _series_names(ds: DataSet, spec: dict[str, Any], y: tuple[str, ...]) -> list[str]:
    if isinstance(spec.get("series"), str) and spec["series"] in ds.columns:
        return [str(v) if v is not None else "" for v in dict.fromkeys(ds.column(spec["series"]))]
    return list(y)


def _series_name(b: Context, raw: object, path: PathKey, names: list[str], key: bool = False) -> bool:
    if str(raw) in names:
        return True
    b.err(path, f"there is no series '{raw}'{did_you_mean(str(raw), names)}; the series are: "
          f"{', '.join(names)}", key=key)
    return False


def chart_options(b: Context, spec: dict[str, Any], path: PathKey, ds: DataSet,
                  y: tuple[str, ...]) -> dict[str, Any] | None:
    """Keyword arguments for :class:`ChartSpec` beyond the column mapping; None after an error."""
    out: dict[str, Any] = {}
    ok = True
    fmt = spec.get("y_format")
    if isinstance(fmt, str):
        problem = format_problem(fmt) if fmt != "percent" else None
        if problem:
            short = fmt if len(fmt) <= 40 else fmt[:37] + "..."
            b.err(path + ("y_format",), f"'{short}' is refused: {problem}")
            ok = False
        elif fmt != "percent":
            try:
                fmt.format(-1234.5)
                valid = "{" in fmt
            except (ValueError, KeyError, IndexError, AttributeError, TypeError):
                valid = False
            if not valid:
                b.err(path + ("y_format",), f"'{fmt}' is not a number format; write 'percent' or a "
                      "format such as '{:,.0f}' or '{:.1f}' (a unit goes in 'y_unit')")
                ok = False
        out["y_format"] = fmt
    if isinstance(spec.get("y_unit"), str):
        out["y_unit"] = spec["y_unit"]
    if isinstance(spec.get("y_from_zero"), bool):
        out["y_from_zero"] = spec["y_from_zero"]
    if spec.get("legend") in ("top", "bottom", "right", "none"):
        out["legend"] = spec["legend"]
    aspect = spec.get("aspect")
    if isinstance(aspect, (int, float)) and not isinstance(aspect, bool) and 0.1 < aspect <= 3:
        out["aspect"] = float(aspect)
    names = _series_names(ds, spec, y)
    order = spec.get("series_order")
    if isinstance(order, list):
        good = [_series_name(b, v, path + ("series_order", k), names) for k, v in enumerate(order)]
        ok &= all(good)
        out["series_order"] = tuple(str(v) for v in order)
    labels = spec.get("series_labels")
    if isinstance(labels, dict):
        good = [_series_name(b, k, path + ("series_labels", k), names, key=True) for k in labels]
        ok &= all(good)
        out["series_labels"] = tuple((str(k), str(v)) for k, v in labels.items())
    x = spec.get("x")
    if not isinstance(x, str) or x not in ds.columns:
        return out if ok else None
    xs = ds.column(x)
    kind = str(spec.get("chart"))
    slots = kind in BAR_KINDS
    marks: list[Highlight] = []
    for k, h in enumerate(spec.get("highlight") or []):
        if not isinstance(h, dict) or "from" not in h or "to" not in h:
            ok = False
            continue
        where = path + ("highlight", k)
        start = _x_value(b, h["from"], where + ("from",), xs, kind, x, slots)
        end = _x_value(b, h["to"], where + ("to",), xs, kind, x, slots)
        label = b.plain(where + ("label",), h["label"]) if "label" in h else None
        if start is _BAD or end is _BAD:
            ok = False
            continue
        marks.append(Highlight(start, end, label))
    notes: list[Annotation] = []
    for k, a in enumerate(spec.get("annotations") or []):
        if not isinstance(a, dict) or "x" not in a or "text" not in a:
            ok = False
            continue
        where = path + ("annotations", k)
        at = _x_value(b, a["x"], where + ("x",), xs, kind, x, slots)
        text = b.plain(where + ("text",), a["text"]) or ""
        yv = a.get("y")
        if at is _BAD or (yv is not None and (isinstance(yv, bool) or not isinstance(yv, (int, float)))):
            ok = False
            continue
        notes.append(Annotation(at, text, float(yv) if yv is not None else None))
    out["highlight"], out["annotations"] = tuple(marks), tuple(notes)
    return out if ok else None
