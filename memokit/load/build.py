"""Located YAML -> the Memo model as written, with every located error found while building.

The only code that sees raw dicts. It only builds: notes, figures, tables and
cross-references come out with number 0, and the resolve stage numbers and
checks them once for all writers.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from memokit.data.tables import Loaded
from memokit.errors import ContentError, Diagnostic, Severity, did_you_mean
from memokit.inline import MAX_PARAGRAPH, Callbacks, MarkupProblem, parse_blocks, parse_inline
from memokit.lang import in_language
from memokit.load import boxes, figtab
from memokit.load.citations import CiteSetup, load_citations
from memokit.load.datasets import load_datasets
from memokit.load.validate import keep_written_text, validate_structure
from memokit.model import (
    Author,
    Block,
    Citation,
    CiteItem,
    DataSet,
    Inline,
    Memo,
    MemoMeta,
    Note,
    Ref,
    Section,
    SourceSpan,
)
from memokit.model.nodes import BulletList, OrderedList, Paragraph, Quote
from memokit.model.source import LazySpan
from memokit.source.located import (
    BAD_CHARACTER,
    Located,
    PathKey,
    control_message,
    format_path,
    load_yaml_file,
)
from memokit.template import Rows, TemplateFailure, one_memo, render_text

# control characters YAML lets through as escapes in double quotes ("\x07"), lone
# surrogates ("\ud800") and noncharacters ("\uFFFE")
_CONTROL = BAD_CHARACTER
MAX_YEAR = 2107  # the last year a DOCX (a zip file) can stamp
MAX_LINE_TEXT = 300  # characters of a title, subtitle, heading or memo number line
_ONE_LINE = ("title", "subtitle", "heading", "number", "series", "project", "approved_by")

# pandoc's tex_math_dollars: '$', no space after it, text, no space before the closing '$', which
# no digit follows ("$41 million to $170 million" is not math); '\$' opens nothing
_MATH = re.compile(r"(?<!\\)\$(?=[^\s$])(?:\\.|[^$\\])*?(?<=[^\s\\])\$(?!\d)")
_CODE_SPAN = re.compile(r"(`+)[^`]*?\1")
RIGHT_TO_LEFT = frozenset({"ar", "he", "fa", "ur", "yi", "ps", "sd", "ug", "dv", "ku", "syr"})
_NOTE_ID = re.compile(r"\[\^([A-Za-z0-9_-]+)\]")
_NOTE_MARK = re.compile(r"\[\^[A-Za-z0-9_-]+\]|\^\[")
_REF_MARK = re.compile(r"(?<![\w.-])@(fig|tbl|box|sec):[A-Za-z0-9_]")
_CITE_MARK = re.compile(r"\[(?:[^\[\]]*?[\s;])?-?@[A-Za-z0-9_][^\[\]]*\](?!\()")  # '[@key]', '[see @a; @b]'
_TEXT_BLOCKS = (Paragraph, BulletList, OrderedList, Quote)
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)

_PLAIN_NAMES = {"title": "the title", "subtitle": "the subtitle", "heading": "a heading",
                "alt": "alt text", "x_label": "an axis label", "y_label": "an axis label"}


# stands in for a memo whose title, authors or date could not be read (it has errors)
_UNREAD = MemoMeta(title="", authors=(), date=dt.date(1, 1, 1))


@dataclass
class Built:
    """One memo as built: its model (numbers not yet given), and what was found on the way."""

    memo: Memo
    errors: list[Diagnostic]
    warnings: list[Diagnostic]
    declared: list[tuple[str, str]]  # (kind, id) of every figure, table and section written
    base: Path  # the memo's folder
    data_root: Path | None
    style: str | None  # the style the memo names, as written (None: the default)
    style_span: SourceSpan  # where the memo names its style (or the top of the file)
    complete: bool = True  # False when the title, authors or date could not be read
    files: list[Path] = field(default_factory=list)  # the memo and the data files it read
    language_span: SourceSpan | None = None  # where the memo gives its language
    citations: CiteSetup | None = None  # its bibliography and citation style, when it has one

    @property
    def ok(self) -> bool:
        return self.complete and not self.errors


class Builder:
    def __init__(self, doc: Located, base: Path, data: dict[str, DataSet],
                 data_root: Path | None = None, skip: frozenset[str] = frozenset()):
        self.doc = doc
        self.base = base
        self.data_root = data_root
        self.data = data
        self.skip = skip  # field paths with a structural error: not built further
        self.errors: list[Diagnostic] = []
        self.warnings: list[Diagnostic] = []
        raw = doc.value if isinstance(doc.value, dict) else {}
        self.raw: dict[str, Any] = raw
        notes = raw.get("footnotes")
        self.note_defs: dict[str, Any] = notes if isinstance(notes, dict) else {}
        self.note_cited: dict[str, SourceSpan] = {}  # where each id was first cited
        self.note_unsure: set[str] = set()  # named in text that failed to build
        self.declared: list[tuple[str, str]] = []  # figure and table ids, in the order written
        self.complete = True
        self.read: dict[str, Loaded] = {}  # each data set as read, to locate a bad value
        self.files: list[Path] = []  # files read; build_memo gives the memo's list
        self.context: dict[str, object] = {}
        self._named: set[str] | None = None
        self.cites: CiteSetup | None = None  # the bibliography, read before the text is built
        self.cites_unsure = False  # the memo names a bibliography that could not be read

    # ------------------------------------------------------------ helpers
    def err(self, path: PathKey, msg: str, key: bool = False) -> None:
        self.errors.append(self.doc.error(path, msg, key=key))

    def warn(self, path: PathKey, msg: str) -> None:
        self.warnings.append(self.doc.error(path, msg, severity="warning"))

    def err_at(self, path: PathKey, text: str, offset: int, msg: str) -> None:
        self.errors.append(self._at(path, text, offset, msg))

    def _at(self, path: PathKey, text: str, offset: int, msg: str,
            severity: Severity = "error") -> Diagnostic:
        """A diagnostic at ``offset`` into the text at ``path``."""
        line, col = self.doc.text_pos(path, offset, text)
        return Diagnostic(self.doc.file, line, col, format_path(path), msg, severity)

    def warn_math(self, path: PathKey, text: str) -> None:
        """A warning at each stretch of Markdown text pandoc would read as TeX math: it prints here
        as written, dollar signs and all."""
        for m in _MATH.finditer(_CODE_SPAN.sub(lambda c: " " * len(c.group()), text)):
            shown = m.group() if len(m.group()) <= 40 else m.group()[:37] + "..."
            self.warnings.append(self._at(
                path, text, m.start(), f"math is not supported: '{shown}' prints as written, dollar "
                "signs included; write it in words, or write \\$ for a dollar sign that opens no math",
                "warning"))

    def span(self, path: PathKey) -> SourceSpan:
        line, col = self.doc.pos(path)
        return SourceSpan(self.doc.file, line, col, format_path(path) or None)

    def span_at(self, path: PathKey, text: str, offset: int) -> SourceSpan:
        """Where character ``offset`` of ``text`` (the string at ``path``) was written."""
        doc = self.doc
        return LazySpan(doc.file, field=format_path(path) or None,
                        locate=lambda: doc.text_pos(path, offset, text))

    def text(self, path: PathKey, value: object) -> str | None:
        """A text field after Jinja2, checked for control characters.

        When the field is wrong, the error is recorded and the text is still returned
        (the bad part blanked out), so the rest of it is checked in the same run.
        """
        if not isinstance(value, str):
            return None
        m = _CONTROL.search(value)
        if m:
            self.err_at(path, value, m.start(), control_message(m.group()))
            value = _CONTROL.sub(" ", value)
        try:
            out = render_text(value, self.context)
        except TemplateFailure as exc:
            self.err_at(path, value, _expression_offset(value, exc.line, exc.needle), exc.message)
            return _TAG.sub(lambda t: " " * len(t.group()), value).replace("{{", "  ").replace(
                "{%", "  ")
        m = _CONTROL.search(out)
        if m and out is not value:
            self.err_at(path, value, _expression_offset(value, 1, None),
                        "the expressions in this text produce a character no text may hold: "
                        + control_message(m.group()))
            out = _CONTROL.sub(" ", out)
        return out

    def plain(self, path: PathKey, value: object) -> str | None:
        """A plain-text field (no Markdown, no notes, no cross-references) after Jinja2."""
        text = self.text(path, value)
        if text is None:
            return None
        what = _PLAIN_NAMES.get(str(path[-1]), "this field")
        if path[-1] in _ONE_LINE and len(text) > MAX_LINE_TEXT:
            self.err_at(path, text, MAX_LINE_TEXT, f"{what if what != 'this field' else path[-1]} "
                        f"is {len(text):,} characters long, more than the limit of "
                        f"{MAX_LINE_TEXT}; shorten it")
            text = text[:MAX_LINE_TEXT]
        m = _NOTE_MARK.search(text)
        if m:
            self.err_at(path, text, m.start(), f"footnotes are not allowed in {what}; put them in "
                        "paragraphs, list items or quotes")
            self.note_unsure.update(_NOTE_ID.findall(text))
        m = _REF_MARK.search(text)
        if m:
            self.err_at(path, text, m.start(), f"cross-references are not allowed in {what}; "
                        "refer to the figure, table, box or section from a paragraph")
        m = _CITE_MARK.search(text)
        if m:
            self.err_at(path, text, m.start(), f"citations are not allowed in {what}; cite the "
                        "source in a paragraph")
        return text

    def cite(self, path: PathKey, text: str, notes: bool) -> Callable[..., Inline | None]:
        """Builds a Citation, or reports an unknown key or a citation where notes cannot go."""
        setup = self.cites

        def make(items: list[dict[str, Any]], in_text: bool, offset: int) -> Inline | None:
            if setup is None:
                return None
            ok = True
            if setup.style.notes and in_text:
                self.err_at(path, text, offset, f"'@{items[0]['key']}' is a narrative citation, which "
                            f"needs an author-date style; citation style '{setup.style.name}' puts "
                            f"citations in footnotes: write [@{items[0]['key']}]")
                ok = False
            elif setup.style.notes and not notes:
                what = {"caption": "a caption", "lede": "the lede", "source": "a source line"}.get(
                    str(path[-1]), "a table cell" if "table" in path else "this field")
                self.err_at(path, text, offset, f"citations are not allowed in {what} with citation "
                            f"style '{setup.style.name}', which puts them in footnotes; cite the "
                            "source in a paragraph, or use an author-date style")
                ok = False
            keys = setup.bibliography.keys
            for item in items:
                if item["key"] not in keys:
                    self.err_at(path, text, int(item["offset"]), f"no entry '{item['key']}' in the "
                                f"bibliography{did_you_mean(str(item['key']), keys)}; check the key, "
                                "or add the entry to the bibliography file")
                    ok = False
            if not ok:
                return None
            return Citation(tuple(CiteItem(str(i["key"]), str(i["prefix"]), str(i["suffix"]),
                                           bool(i["minus"])) for i in items),
                            in_text, self.span_at(path, text, offset))

        return make

    def callbacks(self, path: PathKey, text: str, notes: bool) -> Callbacks:
        def note(note_id: str | None, kids: tuple[Inline, ...], offset: int) -> Inline | None:
            if note_id is None:
                return Note(0, kids)
            if note_id not in self.note_defs:
                tip = did_you_mean(note_id, self.note_defs)
                self.err_at(path, text, offset, f"footnote '[^{note_id}]' is not defined{tip}; "
                            "define it under 'footnotes:' or fix the id")
                return None
            if note_id in self.note_cited:
                first = self.note_cited[note_id]
                self.err_at(path, text, offset, f"footnote '[^{note_id}]' is cited a second time "
                            f"(first on line {first.line}); cite each footnote once, or add a new "
                            "footnote")
                return None
            self.note_cited[note_id] = self.span_at(path, text, offset)
            return Note(0, self.note_body(note_id), note_id)

        def ref(kind: str, target: str, offset: int) -> Inline | None:
            return Ref(kind, target, 0, self.span_at(path, text, offset))  # type: ignore[arg-type]

        def forbidden(offset: int) -> None:
            what = {"caption": "a caption", "lede": "the lede", "source": "a source line"}.get(
                str(path[-1]), "a table cell" if "table" in path else "this field")
            self.err_at(path, text, offset, f"footnotes are not allowed in {what}; put them in "
                        "paragraphs, list items or quotes")
            self.note_unsure.update(_NOTE_ID.findall(text))

        def nested(offset: int) -> None:
            self.err_at(path, text, offset, "a footnote cannot contain another footnote; "
                        "write the inner note's text into the outer note")

        return Callbacks(note, ref, None if notes else forbidden, nested,
                         cite=self.cite(path, text, notes),
                         cite_keys=self.cites.bibliography.keys if self.cites else
                         frozenset() if self.cites_unsure else None)

    def inline(self, path: PathKey, value: object, notes: bool = False) -> tuple[Inline, ...]:
        text = self.text(path, value)
        if text is None:
            return ()
        if len(text) > MAX_PARAGRAPH:
            self.err_at(path, text, 0, f"the text is {len(text):,} characters long, more than the "
                        f"limit of {MAX_PARAGRAPH:,} for one paragraph; shorten it")
            return ()
        self.warn_math(path, text)
        try:
            return parse_inline(text, self.callbacks(path, text, notes))
        except MarkupProblem as exc:
            self.err_at(path, text, exc.offset, exc.message)
            return ()

    def note_body(self, note_id: str) -> tuple[Inline, ...]:
        path: PathKey = ("footnotes", note_id)
        text = self.text(path, self.note_defs[note_id])
        if text is None:
            return ()
        cb = self.callbacks(path, text, notes=False)
        cb.cite = self.cite(path, text, notes=True)  # a citation here joins the footnote
        cb.forbidden_note = lambda offset: self.err_at(
            path, text, offset, "a footnote cannot contain another footnote; write the inner "
            "note's text into this one")
        self.warn_math(path, text)
        try:
            return parse_inline(text, cb)
        except MarkupProblem as exc:
            self.err_at(path, text, exc.offset, exc.message)
            return ()

    # ------------------------------------------------------------ the memo
    def build(self) -> Memo:
        """The memo; its meta is a stand-in (and ``complete`` False) when the title, authors
        or date could not be read."""
        raw = self.raw
        meta = self.meta()
        self.complete = meta is not None
        self.context = {"memo": _meta_context(meta, raw), "data": {
            k: Rows(v.records()) for k, v in self.data.items()}}
        if meta is not None:
            # the title and subtitle may use data; check them now that it is in scope
            meta = _with_texts(meta, self)
        self.declare_blocks(raw.get("sections"))
        self.declare_blocks(raw.get("appendix"))
        lede = self.inline(("lede",), raw.get("lede")) if "lede" in raw else ()
        sections = self.sections(raw.get("sections"), ("sections",), 1)
        appendix = self.sections(raw.get("appendix"), ("appendix",), 1)
        toc = raw.get("toc") if isinstance(raw.get("toc"), bool) else None
        for note_id in self.note_defs:
            if note_id not in self.note_cited and not self._cited_where_unread(note_id) \
                    and _NOTE_ID.fullmatch(f"[^{note_id}]"):
                self.err(("footnotes", note_id), f"footnote '{note_id}' is never cited; cite it "
                         f"as [^{note_id}] in a paragraph, or delete it", key=True)
        return Memo(meta or _UNREAD, lede, tuple(sections), dict(self.data), self.doc.file,
                    tuple(appendix), toc)

    def _cited_where_unread(self, note_id: str) -> bool:
        """A note named in text that other errors kept from being read is not 'never cited'."""
        if note_id in self.note_unsure:
            return True
        if not (self.errors or self.skip):
            return False
        if self._named is None:  # every [^id] in the file, found once (not once per note)
            self._named = set(_NOTE_ID.findall(self.doc.source))
        return note_id in self._named

    def meta(self) -> MemoMeta | None:
        raw = self.raw
        title = raw.get("title") if isinstance(raw.get("title"), str) else None
        date = _date(raw.get("date"))
        if isinstance(raw.get("date"), str) and date is None and re.match(
                r"^\d{4}-\d{2}-\d{2}$", raw["date"]):
            self.err(("date",), f"'{raw['date']}' is not a date in the calendar; write a real "
                     "ISO date, e.g. 2026-03-14")
        if date is not None and date.year > MAX_YEAR:
            self.err(("date",), f"the year {date.year} is after {MAX_YEAR}, the last year a DOCX "
                     "file can record; write the memo's real date")
            date = None
        authors = _authors(raw.get("authors"))
        self._check_characters("authors")
        self._check_characters("keywords")
        if not authors and isinstance(raw.get("authors"), (str, list)) and raw.get("authors"):
            self.err(("authors",), "no author has a name; write at least one name")
        optional = {k: _scalar_text(raw.get(k)) for k in
                    ("subtitle", "number", "series", "project", "approved_by")}
        language = raw.get("language")
        if isinstance(language, str) and language.split("-")[0].lower() in RIGHT_TO_LEFT:
            self.err(("language",), f"memos in a right-to-left language ('{language}') are not "
                     "supported yet; write the memo in a left-to-right language")
        if title is None or date is None or not authors:
            return None
        keywords = tuple(k for k in raw.get("keywords", []) if isinstance(k, str)) \
            if isinstance(raw.get("keywords"), list) else ()
        return MemoMeta(
            title=title, authors=authors, date=date, language=str(raw.get("language", "en-GB")),
            keywords=keywords, style=str(raw.get("style", "memo")),
            **{k: v if isinstance(v, str) else None for k, v in optional.items()})

    def _check_characters(self, key: str) -> None:
        """Characters no text may hold, in a field that is not a text of its own (author
        names, keywords)."""
        def walk(value: object, path: PathKey) -> None:
            if isinstance(value, str):
                m = _CONTROL.search(value)
                if m:
                    self.err_at(path, value, m.start(), control_message(m.group()))
            elif isinstance(value, list):
                for i, v in enumerate(value):
                    walk(v, path + (i,))
            elif isinstance(value, dict):
                for k, v in value.items():
                    walk(v, path + (k,))

        walk(self.raw.get(key), (key,))

    def declare_blocks(self, sections: object) -> None:
        """Note every figure, table and section id as written, so a reference to one that fails to
        build is not reported as naming nothing."""
        if not isinstance(sections, list):
            return
        for sec in sections:
            if not isinstance(sec, dict):
                continue
            if isinstance(sec.get("id"), str):
                self.declared.append(("section", sec["id"]))
            body = sec.get("body")
            for item in body if isinstance(body, list) else []:
                for kind in ("figure", "table", "box"):
                    spec = item.get(kind) if isinstance(item, dict) else None
                    if isinstance(spec, dict) and isinstance(spec.get("id"), str):
                        self.declared.append((kind, spec["id"]))
            self.declare_blocks(sec.get("sections"))

    def sections(self, raw: object, path: PathKey, level: int) -> list[Section]:
        out: list[Section] = []
        if not isinstance(raw, list):
            return out
        for i, sec in enumerate(raw):
            p = path + (i,)
            if not isinstance(sec, dict):
                continue
            heading = self.plain(p + ("heading",), sec.get("heading")) or ""
            blocks: list[Block] = []
            body = sec.get("body")
            for j, item in enumerate(body if isinstance(body, list) else []):
                blocks.extend(self.block(item, p + ("body", j)))
            subs = self.sections(sec.get("sections"), p + ("sections",), level + 1)
            if "body" not in sec and "sections" not in sec and not any(
                    f.startswith(format_path(p) + ".") for f in self.skip):
                self.err(p, "section has no 'body' and no subsections; add a 'body:' list")
            sec_id = sec.get("id") if isinstance(sec.get("id"), str) else None
            out.append(Section(heading, level, tuple(blocks), tuple(subs), self.span(p), sec_id,
                               self.span(p + ("id",)) if sec_id is not None else None))
        return out

    def block(self, item: object, path: PathKey) -> list[Block]:
        if isinstance(item, str):
            text = self.text(path, item)
            if text is None:
                return []
            self.warn_math(path, text)
            try:
                blocks = parse_blocks(text, self.callbacks(path, text, notes=True))
                where = self.span(path)  # the entry each text block came from (import maps back)
                return [replace(b, span=where) if isinstance(b, _TEXT_BLOCKS) else b for b in blocks]
            except MarkupProblem as exc:
                self.err_at(path, text, exc.offset, exc.message)
                self.note_unsure.update(_NOTE_ID.findall(text))
                return []
        if not isinstance(item, dict):
            return []
        for kind, make in (("figure", figtab.figure), ("table", figtab.table), ("box", boxes.box)):
            spec = item.get(kind)
            if isinstance(spec, dict) and format_path(path + (kind,)) not in self.skip:
                node = make(self, spec, path + (kind,))
                return [node] if node else []
        return []


# ------------------------------------------------------------ helpers

def _expression_offset(text: str, line: int, needle: str | None) -> int:
    """Where in ``text`` the failing Jinja2 expression on ``line`` (from 1) starts."""
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    ls = starts[min(max(line, 1), len(starts)) - 1]
    le = text.find("\n", ls)
    le = len(text) if le < 0 else le
    tags = [m for m in _TAG.finditer(text) if m.start() < le and m.end() > ls] or \
        [m for m in _TAG.finditer(text)]
    if needle:
        for m in tags:
            hit = re.search(rf"(?<![\w]){re.escape(needle)}(?![\w])", m.group())
            if hit:
                return m.start() + hit.start()
    if tags:
        return tags[0].start()
    opening = [i for i in (text.find("{{", ls, le), text.find("{%", ls, le)) if i >= 0]
    if opening:
        return min(opening)
    back = max(text.rfind("{{", 0, le), text.rfind("{%", 0, le))
    return back if back >= 0 else ls


def _with_texts(meta: MemoMeta, b: Builder) -> MemoMeta:
    from dataclasses import replace

    title = b.plain(("title",), meta.title)
    changes: dict[str, Any] = {"title": title if title is not None else meta.title}
    for k in ("subtitle", "number", "series", "project", "approved_by"):
        value = getattr(meta, k)
        if value is not None:
            text = b.plain((k,), value)
            changes[k] = text if text is not None else value
    return replace(meta, **changes)


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
        elif isinstance(a, dict) and isinstance(a.get("name"), str) and a["name"].strip():
            out.append(Author(a["name"].strip(), a.get("affiliation"), a.get("email")))
    return tuple(out)


def _meta_context(meta: MemoMeta | None, raw: dict[str, Any]) -> dict[str, object]:
    if meta is None:
        return {k: raw.get(k) for k in ("title", "subtitle", "number", "series", "date")}
    return {
        "title": meta.title, "subtitle": meta.subtitle, "date": meta.date, "number": meta.number,
        "series": meta.series, "project": meta.project, "approved_by": meta.approved_by,
        "language": meta.language, "keywords": list(meta.keywords),
        "authors": [a.name for a in meta.authors],
    }


def build_memo(path: Path, shown_as: str | None = None, data_root: Path | None = None) -> Built:
    """Read, validate and build one memo, collecting every problem found.

    Raises ContentError only when the file cannot be read as a memo at all (not YAML, not
    a mapping); everything else is in ``Built.errors``.
    """
    doc = load_yaml_file(path, shown_as)
    if not isinstance(doc.value, dict):
        kind = "a list" if isinstance(doc.value, list) else "a single value"
        raise ContentError([Diagnostic(doc.file, 1, 1, None, f"the file holds {kind}; a memo is a "
                                       "mapping of fields: write 'title:', 'authors:', 'date:' "
                                       "and 'sections:' at the start of lines")])
    keep_written_text(doc)
    structural = validate_structure(doc)
    skip = frozenset(d.field for d in structural if d.field)
    files = [path.resolve()]
    data, data_errors, read = load_datasets(doc, path.parent, data_root, skip, files)
    cites, cite_errors = load_citations(doc, path.parent, data_root, skip, files)
    builder = Builder(doc, path.parent, data, data_root, skip)
    builder.read = read
    builder.files = files
    builder.cites = cites
    builder.cites_unsure = "bibliography" in doc.value and cites is None
    language = doc.value.get("language")
    with one_memo(), in_language(language if isinstance(language, str) else "en-GB"):
        memo = builder.build()
    errors = doc.problems + structural + data_errors + cite_errors + builder.errors
    line, col = doc.pos(("style",))
    style_span = SourceSpan(doc.file, line, col, "style")
    style = doc.value.get("style")
    line, col = doc.pos(("language",))
    return Built(memo, errors, sorted(builder.warnings, key=Diagnostic.sort_key), builder.declared,
                 path.parent, data_root, style if isinstance(style, str) else None, style_span,
                 builder.complete, files, SourceSpan(doc.file, line, col, "language"), cites)


def sorted_errors(errors: list[Diagnostic], memo_file: str) -> list[Diagnostic]:
    """Each distinct error once: the memo's own first, in file order; then its data files'."""
    unique = {(d.file, d.line, d.column, d.field, d.message): d for d in errors}
    return sorted(unique.values(), key=lambda d: _order(d, memo_file))


def _order(d: Diagnostic, memo_file: str) -> tuple[int, str, int, int]:
    """The memo's own messages first, in file order; then those of its data files."""
    return (0 if d.file == memo_file else 1, d.file, d.line or 0, d.column or 0)
