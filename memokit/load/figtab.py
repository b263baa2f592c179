"""Figure and table blocks: data set and column checks, then the model nodes (numbered later,
by the resolve stage)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from memokit.errors import did_you_mean
from memokit.load import tabledata
from memokit.load.chartopts import chart_options
from memokit.load.context import Context
from memokit.load.images import image_path, load_image
from memokit.model import ChartSpec, DataSet, Figure, Inline, Table, Text
from memokit.model.walk import iter_inlines
from memokit.source.located import PathKey

MAX_COLUMNS = 20  # columns of one table (a narrow column of a page holds about this many)
MAX_TABLE_ROWS = 5_000  # body rows of one table (about 120 pages)
MAX_CELL_TEXT = 1_000  # characters of one table cell (a row cannot break across pages)

_CHART_KEYS = ("chart", "data", "x", "y", "series", "series_order", "series_labels")
_ALT_SHOWN = 60  # characters of a composed alt text quoted in the warning


def dataset(b: Context, name: object, path: PathKey) -> DataSet | None:
    if not isinstance(name, str):
        return None
    if name not in b.data:
        declared = b.raw.get("data") if isinstance(b.raw.get("data"), dict) else {}
        if name in declared:
            return None  # it failed to load; that error is reported already
        names = ", ".join(declared) if declared else "none yet"
        b.err(path, f"data set '{name}' is not defined{did_you_mean(name, declared)}; "
              f"name one defined under 'data:' ({names})")
        return None
    return b.data[name]


def _not_numeric(values: tuple[object, ...]) -> tuple[int, object] | None:
    for i, v in enumerate(values):
        if v is not None and (isinstance(v, bool) or not isinstance(v, (int, float))):
            if isinstance(v, str):
                try:
                    float(v)
                    continue  # a number in a column of mixed values: not the culprit
                except ValueError:
                    pass
            return i, v
    return None


def column(b: Context, ds: DataSet, name: object, path: PathKey, numeric: bool = False) -> bool:
    if not isinstance(name, str):
        return False
    if name not in ds.columns:
        b.err(path, f"column '{name}' is not in data set '{ds.name}'"
              f"{did_you_mean(name, ds.columns)}; its columns are: {', '.join(ds.columns)}")
        return False
    if numeric:
        values = tuple(ds.column(name))
        bad = _not_numeric(values)
        if bad is not None:
            where = f"row {bad[0] + 1} holds {bad[1]!r}"
            read = b.read.get(ds.name)
            if read is not None and name in read.data.columns:
                found = _not_numeric(tuple(read.data.column(name)))
                if found is not None:
                    where = f"{read.row_name(found[0])} holds {found[1]!r}"
            b.err(path, f"column '{name}' of data set '{ds.name}' is not numeric: {where}; name a "
                  "column of numbers, or fix that value")
            return False
    return True


def figure(b: Context, spec: dict[str, Any], path: PathKey) -> Figure | None:
    if "image" in spec:
        return image_figure(b, spec, path)
    ds = dataset(b, spec.get("data"), path + ("data",))
    ys = spec.get("y")
    y = tuple([ys] if isinstance(ys, str) else ys if isinstance(ys, list) else [])
    ok = True
    if ds is not None:
        ok &= column(b, ds, spec.get("x"), path + ("x",))
        for k, col in enumerate(y):
            ok &= column(b, ds, col, path + (("y", k) if isinstance(ys, list) else ("y",)),
                         numeric=True)
        if "series" in spec:
            ok &= column(b, ds, spec.get("series"), path + ("series",))
    caption = b.inline(path + ("caption",), spec.get("caption"))
    source = b.inline(path + ("source",), spec.get("source")) if "source" in spec else ()
    alt = b.plain(path + ("alt",), spec.get("alt")) if "alt" in spec else None
    labels = {k: b.plain(path + (k,), spec.get(k)) for k in ("x_label", "y_label") if k in spec}
    options = chart_options(b, spec, path, ds, y) if ds is not None and ok else None
    if ds is None or not ok or options is None or not isinstance(spec.get("id"), str):
        return None
    chart = ChartSpec(kind=str(spec.get("chart")), data=ds.name, x=str(spec["x"]), y=y,
                      series=spec.get("series"), x_label=labels.get("x_label"),
                      y_label=labels.get("y_label"), **options)
    if not alt:
        alt = compose_alt(chart, plain_text(caption))
        shown = alt if len(alt) <= _ALT_SHOWN else alt[:_ALT_SHOWN].rstrip() + "..."
        b.warn(path, f"no 'alt' text, so one was composed from the chart (\"{shown}\"); write an "
               "'alt:' that says what the chart shows")
    width = spec.get("width") if spec.get("width") in ("page", "column") else "column"
    keys = tuple((k, b.span(path + (k,))) for k in _CHART_KEYS if k in spec)
    return Figure(spec["id"], 0, caption, chart, alt, source, width, b.span(path), b.span(path + ("id",)),
                  keys)


def image_figure(b: Context, spec: dict[str, Any], path: PathKey) -> Figure | None:
    """A figure showing a picture file: the file checked (memokit.load.images), caption and
    alt text built; an error at 'image:' when chart fields are given as well."""
    at = path + ("image",)
    chart_keys = [k for k in spec if k not in _IMAGE_KEYS]
    if chart_keys:
        listed = ", ".join(f"'{k}'" for k in chart_keys)
        b.err(at, f"a figure shows a chart or an image, not both: this one has 'image:' and the "
              f"chart field{'s' if len(chart_keys) > 1 else ''} {listed}; remove 'image:', or "
              "the chart fields")
        return None
    image, why = None, None
    if isinstance(spec.get("image"), str):
        image, why = load_image(spec["image"], b.base, b.data_root)
        if why is not None:
            b.err(at, why)
        else:
            resolved, _ = image_path(spec["image"], b.base, b.data_root)
            if resolved is not None:
                b.files.append(resolved)
    caption = b.inline(path + ("caption",), spec.get("caption"))
    source = b.inline(path + ("source",), spec.get("source")) if "source" in spec else ()
    alt = b.plain(path + ("alt",), spec.get("alt")) if "alt" in spec else None
    if image is None or not isinstance(spec.get("id"), str):
        return None
    if not alt:
        alt = plain_text(caption)
        b.warn(path, "no 'alt' text, so the caption is used; write an 'alt:' that says what the "
               "picture shows, for readers who cannot see it")
    width = spec.get("width") if spec.get("width") in ("page", "column") else "column"
    keys = (("image", b.span(at)),)
    return Figure(spec["id"], 0, caption, None, alt, source, width, b.span(path), b.span(path + ("id",)),
                  keys, image)


_IMAGE_KEYS = ("id", "caption", "image", "alt", "source", "width")


def _list(value: object) -> list[Any] | None:
    """A list field as written, or None when absent or of the wrong type (reported by the schema)."""
    return value if isinstance(value, list) and value else None


def _table_values(b: Context, spec: dict[str, Any], path: PathKey
                  ) -> tuple[list[str], list[list[object]]] | None:
    """Header names and rows of values, from a data set or from inline rows."""
    if "data" in spec:
        ds = dataset(b, spec.get("data"), path + ("data",))
        if ds is not None:
            ds = tabledata.reshaped(b, ds, spec, path)
        if ds is None:
            return None
        cols = _list(spec.get("columns")) or list(ds.columns)
        if not all([column(b, ds, c, path + ("columns", k)) for k, c in enumerate(cols)]):
            return None
        idx = [ds.columns.index(c) for c in cols]
        return list(cols), [[r[i] for i in idx] for r in ds.rows]
    rows = _list(spec.get("rows"))
    if rows is None or not all(isinstance(r, list) for r in rows):
        return None
    header = ["" if h is None else str(h) for h in rows[0]]
    values = [list(r) for r in rows[1:]]
    for k, r in enumerate(values):
        if len(r) != len(header):
            cells = f"{len(r)} cell" + ("s" if len(r) != 1 else "")
            b.err(path + ("rows", k + 1), f"row has {cells} but the header row has "
                  f"{len(header)}; make every row as long as the header row")
            return None
    return header, values


def _table_fits(b: Context, spec: dict[str, Any], path: PathKey, header: list[Any],
                values: list[list[Any]]) -> bool:
    """Within the limits a page can hold: columns, rows, and the text of one cell."""
    where = path + ("data",) if "data" in spec else path + ("rows",)
    if len(header) > MAX_COLUMNS:
        b.err(path + ("columns",) if "columns" in spec else where,
              f"the table has {len(header)} columns, more than the limit of {MAX_COLUMNS} a page "
              "can hold; choose columns with 'columns:', or split the table")
        return False
    if len(values) > MAX_TABLE_ROWS:
        b.err(where, f"the table has {len(values):,} rows, more than the limit of "
              f"{MAX_TABLE_ROWS:,}; filter or aggregate the data (a memo shows a summary)")
        return False
    for r, row in enumerate([header, *values]):
        for c, v in enumerate(row):
            if isinstance(v, str) and len(v) > MAX_CELL_TEXT:
                b.err(path + ("rows", r, c) if "data" not in spec else where,
                      f"a cell holds {len(v):,} characters, more than the limit of "
                      f"{MAX_CELL_TEXT:,} for a table cell (a row must fit on a page); "
                      "shorten it")
                return False
    return True


def table(b: Context, spec: dict[str, Any], path: PathKey) -> Table | None:
    caption = b.inline(path + ("caption",), spec.get("caption"))
    source = b.inline(path + ("source",), spec.get("source")) if "source" in spec else ()
    found = _table_values(b, spec, path)
    if found is None:
        return None
    header_raw, values = found
    if not _table_fits(b, spec, path, header_raw, values):
        return None
    given = _list(spec.get("header"))
    header = given or header_raw
    if len(header) != len(header_raw):
        b.err(path + ("header",), f"'header' names {len(header)} columns but the table has "
              f"{len(header_raw)}; give one name per column")
        return None
    cols_t = list(zip(*values)) if values else [() for _ in header_raw]
    align = _list(spec.get("align")) or [
        "right" if col and all(isinstance(v, (int, float)) and not isinstance(v, bool)
                               for v in col if v is not None) else "left" for col in cols_t]
    if len(align) != len(header_raw):
        b.err(path + ("align",), f"'align' has {len(align)} entries for {len(header_raw)} "
              "columns; give one per column")
        return None
    formats = tabledata.column_formats(b, spec, path, [str(h) for h in header_raw], values)
    if formats is None:
        return None
    head_cells = tuple(b.inline(path + ("header", k) if given else path + ("rows", 0, k), str(h))
                       for k, h in enumerate(header))
    from_rows = "data" not in spec
    body = tuple(tuple(cell(b, v, path + ("rows", r + 1, c) if from_rows else None, formats[c])
                       for c, v in enumerate(row)) for r, row in enumerate(values))
    if not isinstance(spec.get("id"), str) or align_bad(align):
        return None
    width = spec.get("width") if spec.get("width") in ("page", "column") else "column"
    return Table(spec["id"], 0, caption, head_cells, body, tuple(align), source,
                 width, b.span(path), b.span(path + ("id",)))


def align_bad(align: list[Any]) -> bool:
    return any(a not in ("left", "right", "center") for a in align)


def cell(b: Context, value: object, path: PathKey | None, fmt: Any = None) -> tuple[Inline, ...]:
    """A table cell: inline Markdown when written in the memo, plain text from a data set."""
    if value is None:
        return ()
    if isinstance(value, bool):
        return (Text("yes" if value else "no"),)
    number = tabledata.formatted(value, fmt)
    if number is not None:
        return (Text(number),)
    if isinstance(value, dt.date):
        return (Text(value.isoformat()),)
    if path is None:
        return (Text(str(value)),)
    return b.inline(path, str(value))


def plain_text(inlines: tuple[Inline, ...]) -> str:
    return "".join(i.text for i in iter_inlines(inlines) if isinstance(i, Text))


def compose_alt(chart: ChartSpec, caption: str) -> str:
    kind = chart.kind.replace("-", " ")
    by = f", by {chart.series}" if chart.series else ""
    return f"{kind.capitalize()} chart of {', '.join(chart.y)} against {chart.x}{by}: {caption}"
