"""Located YAML -> the resolved Memo model, or every located error at once.

The only code that sees raw dicts. Footnotes are numbered and cross-references
resolved here, in reading order, once for all writers.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from memokit.errors import ContentError, Diagnostic, did_you_mean
from memokit.inline import Callbacks, MarkupProblem, parse_blocks, parse_inline
from memokit.load.datasets import load_datasets, safe_path
from memokit.load.validate import validate_structure
from memokit.load.yaml_source import Located, PathKey, format_path, load_yaml_file
from memokit.model import (
    Author,
    Block,
    ChartSpec,
    DataSet,
    Figure,
    Inline,
    Memo,
    MemoMeta,
    Note,
    Ref,
    Section,
    SourceSpan,
    Table,
    Text,
)
from memokit.template import TemplateFailure, render_text

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass
class LoadResult:
    memo: Memo
    warnings: list[Diagnostic] = field(default_factory=list)


@dataclass
class _Figures:
    """Numbers of figures and tables, by id, in reading order."""

    numbers: dict[tuple[str, str], int] = field(default_factory=dict)


class Builder:
    def __init__(self, doc: Located, base: Path, data: dict[str, DataSet],
                 data_root: Path | None = None):
        self.doc = doc
        self.base = base
        self.data_root = data_root
        self.data = data
        self.errors: list[Diagnostic] = []
        self.warnings: list[Diagnostic] = []
        raw = doc.value if isinstance(doc.value, dict) else {}
        self.raw: dict[str, Any] = raw
        notes = raw.get("footnotes")
        self.note_defs: dict[str, Any] = notes if isinstance(notes, dict) else {}
        self.note_cited: dict[str, PathKey] = {}
        self.note_count = 0
        self.numbers: dict[tuple[str, str], int] = {}
        self.context: dict[str, object] = {}

    # ------------------------------------------------------------ helpers
    def err(self, path: PathKey, msg: str, key: bool = False) -> None:
        self.errors.append(self.doc.error(path, msg, key=key))

    def warn(self, path: PathKey, msg: str) -> None:
        self.warnings.append(self.doc.error(path, msg, severity="warning"))

    def err_at(self, path: PathKey, text: str, offset: int, msg: str) -> None:
        line, col = self.doc.text_pos(path, offset, text)

        self.errors.append(Diagnostic(self.doc.file, line, col, format_path(path), msg))

    def span(self, path: PathKey) -> SourceSpan:
        line, col = self.doc.pos(path)
        return SourceSpan(self.doc.file, line, col)

    def text(self, path: PathKey, value: object) -> str | None:
        """A text field after Jinja2, checked for control characters."""
        if not isinstance(value, str):
            return None
        m = _CONTROL.search(value)
        if m:
            self.err_at(path, value, m.start(), f"control character U+{ord(m.group()):04X} is not "
                        "allowed in text; delete it")
            return None
        try:
            return render_text(value, self.context)
        except TemplateFailure as exc:
            line, col = self.doc.text_pos(path, 0, value)
            origin = self.doc.texts.get(tuple(path))
            if origin is not None and origin.block:
                line += exc.line - 1

            self.errors.append(Diagnostic(self.doc.file, line, col if exc.line == 1 else 1,
                                          format_path(path), f"{exc.message}; check the "
                                          "expression and the names in scope (memo, data)"))
            return None

    def callbacks(self, path: PathKey, text: str, notes: bool) -> Callbacks:
        def note(note_id: str | None, kids: tuple[Inline, ...], offset: int) -> Inline | None:
            if note_id is None:
                self.note_count += 1
                return Note(self.note_count, kids)
            if note_id not in self.note_defs:
                tip = did_you_mean(note_id, self.note_defs)
                self.err_at(path, text, offset, f"footnote '[^{note_id}]' is not defined{tip}; "
                            "add it under 'footnotes:' or fix the id")
                return None
            if note_id in self.note_cited:
                self.err_at(path, text, offset, f"footnote '[^{note_id}]' is cited a second time; "
                            "each footnote is cited once: write a new footnote or cite it once")
                return None
            self.note_cited[note_id] = path
            self.note_count += 1
            number = self.note_count
            body = self.note_body(note_id)
            return Note(number, body, note_id)

        def ref(kind: str, target: str, offset: int) -> Inline | None:
            number = self.numbers.get((kind, target))
            if number is None:
                ids = [i for (k, i) in self.numbers if k == kind]
                tag = "fig" if kind == "figure" else "tbl"
                self.err_at(path, text, offset, f"cross-reference '@{tag}:{target}' names no "
                            f"{kind}{did_you_mean(target, ids)}; use the id of a {kind} in "
                            "this memo")
                return None
            return Ref(kind, target, number)  # type: ignore[arg-type]

        def forbidden(offset: int) -> None:
            self.err_at(path, text, offset, "footnotes are not allowed here; put them in "
                        "paragraphs, list items or quotes")

        def nested(offset: int) -> None:
            self.err_at(path, text, offset, "a footnote cannot contain another footnote; "
                        "move the inner note into the text")

        return Callbacks(note, ref, None if notes else forbidden, nested)

    def inline(self, path: PathKey, value: object, notes: bool = False) -> tuple[Inline, ...]:
        text = self.text(path, value)
        if text is None:
            return ()
        return parse_inline(text, self.callbacks(path, text, notes))

    def note_body(self, note_id: str) -> tuple[Inline, ...]:
        path: PathKey = ("footnotes", note_id)
        text = self.text(path, self.note_defs[note_id])
        if text is None:
            return ()
        cb = self.callbacks(path, text, notes=False)
        cb.forbidden_note = lambda offset: self.err_at(
            path, text, offset, "a footnote cannot contain another footnote; move it into the text")
        return parse_inline(text, cb)

    # ------------------------------------------------------------ the memo
    def build(self) -> Memo | None:
        raw = self.raw
        meta = self.meta()
        self.context = {"memo": _meta_context(meta, raw), "data": {
            k: v.records() for k, v in self.data.items()}}
        self.number_blocks(raw.get("sections"), ("sections",))
        lede = self.inline(("lede",), raw.get("lede")) if "lede" in raw else ()
        sections = self.sections(raw.get("sections"), ("sections",), 1)
        self.check_style(raw.get("style"))
        for note_id in self.note_defs:
            if note_id not in self.note_cited:
                self.err(("footnotes", note_id), f"footnote '{note_id}' is never cited; cite it "
                         f"as [^{note_id}] in a paragraph or remove it", key=True)
        if meta is None:
            return None
        return Memo(meta, lede, tuple(sections), dict(self.data), self.doc.file)

    def meta(self) -> MemoMeta | None:
        raw = self.raw
        title = self.text(("title",), raw.get("title"))
        date = _date(raw.get("date"))
        if isinstance(raw.get("date"), str) and date is None and re.match(
                r"^\d{4}-\d{2}-\d{2}$", raw["date"]):
            self.err(("date",), f"'{raw['date']}' is not a real date; write an ISO date, e.g. "
                     "2026-03-14")
        authors = _authors(raw.get("authors"))
        optional = {k: self.text((k,), _scalar_text(raw.get(k))) for k in
                    ("subtitle", "number", "series", "project", "approved_by")}
        if title is None or date is None or not authors:
            return None
        keywords = tuple(k for k in raw.get("keywords", []) if isinstance(k, str)) \
            if isinstance(raw.get("keywords"), list) else ()
        return MemoMeta(
            title=title, authors=authors, date=date, language=str(raw.get("language", "en-GB")),
            keywords=keywords, style=str(raw.get("style", "memo")), **optional)

    def check_style(self, name: object) -> None:
        """A style is a built-in name or a folder inside the memo's tree with a style.yaml."""
        from memokit.style import builtin_styles, unknown_style_message

        if not isinstance(name, str) or name in builtin_styles():
            return
        resolved, why = safe_path(name, self.base, self.data_root)
        if why:
            self.err(("style",), why)
        elif resolved is None or not (resolved / "style.yaml").is_file():
            self.err(("style",), unknown_style_message(name))

    def number_blocks(self, sections: object, path: PathKey) -> None:
        """Give figures and tables their numbers first, so references may point forward."""
        if not isinstance(sections, list):
            return
        for i, sec in enumerate(sections):
            if not isinstance(sec, dict):
                continue
            for j, item in enumerate(sec.get("body") or []):
                if not isinstance(item, dict):
                    continue
                for kind in ("figure", "table"):
                    spec = item.get(kind)
                    if isinstance(spec, dict) and isinstance(spec.get("id"), str):
                        key = (kind, spec["id"])
                        if key in self.numbers:
                            self.err(path + (i, "body", j, kind, "id"), f"{kind} id "
                                     f"'{spec['id']}' is used twice; give each {kind} its own id")
                            continue
                        self.numbers[key] = 1 + sum(1 for k, _ in self.numbers if k == kind)
            self.number_blocks(sec.get("sections"), path + (i, "sections"))

    def sections(self, raw: object, path: PathKey, level: int) -> list[Section]:
        out: list[Section] = []
        if not isinstance(raw, list):
            return out
        for i, sec in enumerate(raw):
            p = path + (i,)
            if not isinstance(sec, dict):
                continue
            heading = self.text(p + ("heading",), sec.get("heading")) or ""
            blocks: list[Block] = []
            body = sec.get("body")
            for j, item in enumerate(body if isinstance(body, list) else []):
                blocks.extend(self.block(item, p + ("body", j)))
            subs = self.sections(sec.get("sections"), p + ("sections",), level + 1)
            if not blocks and not subs and "body" not in sec:
                self.err(p, "section has no 'body' and no subsections; add a 'body:' list")
            out.append(Section(heading, level, tuple(blocks), tuple(subs), self.span(p)))
        return out

    def block(self, item: object, path: PathKey) -> list[Block]:
        if isinstance(item, str):
            text = self.text(path, item)
            if text is None:
                return []
            try:
                return list(parse_blocks(text, self.callbacks(path, text, notes=True)))
            except MarkupProblem as exc:
                origin = self.doc.texts.get(tuple(path))
                line, col = self.doc.pos(path)
                if origin is not None and origin.block:
                    line, col = origin.line + exc.line, origin.indent + 1

                self.errors.append(Diagnostic(self.doc.file, line, col, format_path(path),
                                              exc.message))
                return []
        if isinstance(item, dict) and isinstance(item.get("figure"), dict):
            fig = self.figure(item["figure"], path + ("figure",))
            return [fig] if fig else []
        if isinstance(item, dict) and isinstance(item.get("table"), dict):
            tbl = self.table(item["table"], path + ("table",))
            return [tbl] if tbl else []
        return []

    def dataset(self, name: object, path: PathKey) -> DataSet | None:
        if not isinstance(name, str):
            return None
        if name not in self.data:
            declared = self.raw.get("data") if isinstance(self.raw.get("data"), dict) else {}
            if name in declared:
                return None  # it failed to load; that error is reported already
            self.err(path, f"data set '{name}' is not defined{did_you_mean(name, declared)}; "
                     "add it under 'data:' or fix the name")
            return None
        return self.data[name]

    def column(self, ds: DataSet, name: object, path: PathKey, numeric: bool = False) -> bool:
        if not isinstance(name, str):
            return False
        if name not in ds.columns:
            self.err(path, f"column '{name}' is not in data set '{ds.name}'"
                     f"{did_you_mean(name, ds.columns)}; columns are: {', '.join(ds.columns)}")
            return False
        if numeric:
            bad = next((v for v in ds.column(name) if v is not None and (
                isinstance(v, bool) or not isinstance(v, (int, float)))), None)
            if bad is not None:
                self.err(path, f"column '{name}' is not numeric (it holds {bad!r}); name a "
                         "column of numbers")
                return False
        return True

    def figure(self, spec: dict[str, Any], path: PathKey) -> Figure | None:
        ds = self.dataset(spec.get("data"), path + ("data",))
        ys = spec.get("y")
        y = tuple([ys] if isinstance(ys, str) else ys if isinstance(ys, list) else [])
        ok = True
        if ds is not None:
            ok &= self.column(ds, spec.get("x"), path + ("x",))
            for k, col in enumerate(y):
                ok &= self.column(ds, col, path + (("y", k) if isinstance(ys, list) else ("y",)),
                                  numeric=True)
            if "series" in spec:
                ok &= self.column(ds, spec.get("series"), path + ("series",))
        caption = self.inline(path + ("caption",), spec.get("caption"))
        source = self.inline(path + ("source",), spec.get("source")) if "source" in spec else ()
        alt = self.text(path + ("alt",), spec.get("alt")) if "alt" in spec else None
        if ds is None or not ok or not isinstance(spec.get("id"), str):
            return None
        chart = ChartSpec(kind=str(spec.get("chart")), data=ds.name, x=str(spec["x"]), y=y,
                          series=spec.get("series"), x_label=spec.get("x_label"),
                          y_label=spec.get("y_label"))
        if not alt:
            alt = _compose_alt(chart, _plain(caption))
            self.warn(path, f"no 'alt' text; composed one from the spec (\"{alt[:60]}...\"); "
                      "write an 'alt:' that says what the chart shows")
        number = self.numbers.get(("figure", spec["id"]), 0)
        return Figure(spec["id"], number, caption, chart, alt, source,
                      spec.get("width", "column"), self.span(path))

    def table(self, spec: dict[str, Any], path: PathKey) -> Table | None:
        caption = self.inline(path + ("caption",), spec.get("caption"))
        source = self.inline(path + ("source",), spec.get("source")) if "source" in spec else ()
        if "data" in spec:
            ds = self.dataset(spec.get("data"), path + ("data",))
            if ds is None:
                return None
            cols = spec.get("columns") or list(ds.columns)
            if not all(self.column(ds, c, path + ("columns", k)) for k, c in enumerate(cols)):
                return None
            idx = [ds.columns.index(c) for c in cols]
            values = [[r[i] for i in idx] for r in ds.rows]
            header_raw = list(cols)
        elif isinstance(spec.get("rows"), list) and spec["rows"]:
            rows = spec["rows"]
            header_raw = [str(h) for h in rows[0]]
            values = [list(r) for r in rows[1:]]
            for k, r in enumerate(values):
                if len(r) != len(header_raw):
                    self.err(path + ("rows", k + 1), f"row has {len(r)} cells but the header has "
                             f"{len(header_raw)}; make every row as long as the header")
                    return None
        else:
            return None
        header = spec.get("header") or header_raw
        if len(header) != len(header_raw):
            self.err(path + ("header",), f"'header' names {len(header)} columns but the table has "
                     f"{len(header_raw)}; give one name per column")
            return None
        cols_t = list(zip(*values)) if values else [() for _ in header_raw]
        align = spec.get("align") or [
            "right" if col and all(isinstance(v, (int, float)) and not isinstance(v, bool)
                                   for v in col if v is not None) else "left" for col in cols_t]
        if len(align) != len(header_raw):
            self.err(path + ("align",), f"'align' has {len(align)} entries for {len(header_raw)} "
                     "columns; give one per column")
            return None
        head_cells = tuple(self.inline(path + ("header", k), str(h)) for k, h in enumerate(header))
        body = tuple(tuple(self.cell(v, path + ("rows",)) for v in r) for r in values)
        number = self.numbers.get(("table", str(spec.get("id"))), 0)
        return Table(str(spec["id"]), number, caption, head_cells, body, tuple(align), source,
                     spec.get("width", "column"), self.span(path))

    def cell(self, value: object, path: PathKey) -> tuple[Inline, ...]:
        if value is None:
            return ()
        if isinstance(value, bool):
            return (Text("yes" if value else "no"),)
        if isinstance(value, int):
            return (Text(f"{value:,}" if abs(value) >= 10000 else str(value)),)
        if isinstance(value, float):
            return (Text(f"{value:,.1f}" if abs(value) >= 10000 else f"{value:g}"),)
        if isinstance(value, dt.date):
            return (Text(value.isoformat()),)
        return parse_inline(str(value), self.callbacks(path, str(value), notes=False))


# ------------------------------------------------------------ helpers


def _scalar_text(v: object) -> object:
    return str(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else v


def _date(v: object) -> dt.date | None:
    if isinstance(v, dt.date):
        return v
    if isinstance(v, str):
        try:
            return dt.date.fromisoformat(v)
        except ValueError:
            return None
    return None


def _authors(raw: object) -> tuple[Author, ...]:
    items = [raw] if isinstance(raw, str) else raw if isinstance(raw, list) else []
    out = []
    for a in items:
        if isinstance(a, str) and a.strip():
            out.append(Author(a.strip()))
        elif isinstance(a, dict) and isinstance(a.get("name"), str):
            out.append(Author(a["name"], a.get("affiliation"), a.get("email")))
    return tuple(out)


def _meta_context(meta: MemoMeta | None, raw: dict[str, Any]) -> dict[str, object]:
    if meta is None:
        return {k: raw.get(k) for k in ("title", "number", "series", "date")}
    return {
        "title": meta.title, "subtitle": meta.subtitle, "date": meta.date, "number": meta.number,
        "series": meta.series, "project": meta.project, "approved_by": meta.approved_by,
        "language": meta.language, "keywords": list(meta.keywords),
        "authors": [a.name for a in meta.authors],
    }


def _plain(inlines: tuple[Inline, ...]) -> str:
    from memokit.model.walk import iter_inlines

    return "".join(i.text for i in iter_inlines(inlines) if isinstance(i, Text))


def _compose_alt(chart: ChartSpec, caption: str) -> str:
    kind = chart.kind.replace("-", " ")
    by = f", by {chart.series}" if chart.series else ""
    return f"{kind.capitalize()} chart of {', '.join(chart.y)} against {chart.x}{by}: {caption}"


def load_memo(path: Path, shown_as: str | None = None, data_root: Path | None = None,
              ) -> LoadResult:
    """Read, validate and build one memo; raise ContentError with every problem found."""
    doc = load_yaml_file(path, shown_as)
    if not isinstance(doc.value, dict):
        raise ContentError([Diagnostic(doc.file, 1, 1, None, "a memo is a mapping of fields "
                                       "(title:, authors:, date:, sections: ...), not "
                                       f"{type(doc.value).__name__}")])
    errors = validate_structure(doc)
    data, data_errors = load_datasets(doc, path.parent, data_root)
    builder = Builder(doc, path.parent, data, data_root)
    memo = builder.build()
    errors = errors + data_errors + builder.errors
    if errors or memo is None:
        if not errors:
            errors = [Diagnostic(doc.file, 1, 1, None, "the memo could not be built")]
        unique = {(d.file, d.line, d.column, d.field, d.message): d for d in errors}
        raise ContentError(sorted(unique.values(), key=Diagnostic.sort_key))
    return LoadResult(memo, sorted(builder.warnings, key=Diagnostic.sort_key))
