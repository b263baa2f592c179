"""YAML into plain Python values that remember where each value was written.

Safe loading only: the document is composed into a node tree with PyYAML's
SafeLoader and converted here, so every mapping key and value keeps its line
and column. File size and alias expansion are bounded (a "billion laughs"
file is an error, not a hang). Problems that do not stop the reading
(a duplicated key, a control character, a YAML tag) are collected in
``Located.problems`` so they are reported with everything else.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from memokit.errors import ContentError, Diagnostic
from memokit.source.textpos import Aligned, LineIndex, TextOrigin
from memokit.source.yaml_errors import syntax_error

MAX_BYTES = 8_000_000  # bytes of one YAML file (a memo, a YAML data file); a 560-page memo is 3.4 MB
MAX_NODES = 200_000  # values one YAML file may hold, aliases expanded
MAX_NESTING = 100  # lists and mappings one inside the other (YAML, JSON, Markdown quotes)

PathKey = tuple[str | int, ...]
_PLAIN_KEY = re.compile(r"[\w-]+")

_NON_PRINTABLE = yaml.reader.Reader.NON_PRINTABLE
_STANDARD_TAGS = {f"tag:yaml.org,2002:{t}" for t in
                  ("str", "int", "float", "bool", "null", "timestamp", "map", "seq", "merge")}
_NEEDS = "a memo needs at least 'title', 'authors', 'date' and 'sections'"


def format_path(path: PathKey) -> str:
    """``('sections', 1, 'body', 2)`` -> ``sections[1].body[2]``."""
    out = ""
    for p in path:
        if isinstance(p, int):
            out += f"[{p}]"
        elif not _PLAIN_KEY.fullmatch(p):
            out += f"[{p!r}]"
        else:
            out += ("." if out else "") + p
    return out


# characters no text may hold: C0 controls but tab and line ends, DEL, lone surrogates
# (half a character, e.g. from "\ud800") and the noncharacters U+FFFE and U+FFFF
BAD_CHARACTER = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def control_message(ch: str) -> str:
    if "\ud800" <= ch <= "\udfff":
        return (f"U+{ord(ch):04X} is half of a surrogate pair, not a character; delete it, or "
                "write the whole character")
    if ch in "\ufffe\uffff":
        return f"U+{ord(ch):04X} is not a character (a noncharacter); delete it"
    return f"control character U+{ord(ch):04X} is not allowed in text; delete it"


def bad_character(text: str) -> tuple[int, str] | None:
    """(index, message) of the first character no text may hold, or None."""
    m = BAD_CHARACTER.search(text)
    return (m.start(), control_message(m.group())) if m else None


@dataclass
class Located:
    """A parsed YAML document plus the position of every value and key."""

    file: str
    value: object
    source: str = ""
    values: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    keys: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    texts: dict[PathKey, TextOrigin] = field(default_factory=dict)
    # plain scalars that YAML 1.1 read as a number or true/false (0755, 1:30:00, no): the
    # text as written and where, for fields the format calls text (see keep_written)
    plain: dict[PathKey, tuple[str, TextOrigin]] = field(default_factory=dict)
    problems: list[Diagnostic] = field(default_factory=list)
    _lines: LineIndex | None = None
    _aligned: dict[PathKey, tuple[int, Aligned]] = field(default_factory=dict)
    _spans: list[tuple[int, int, PathKey]] | None = None
    _span_starts: list[int] = field(default_factory=list)

    def pos(self, path: PathKey, key: bool = False) -> tuple[int, int]:
        """Position of the value (or its key) at path; nearest known parent otherwise."""
        table = self.keys if key else self.values
        p = tuple(path)
        while p:
            if p in table:
                return table[p]
            if p in self.values:
                return self.values[p]
            p = p[:-1]
        return self.values.get((), (1, 1))

    def position_of_index(self, index: int) -> tuple[int, int]:
        if self._lines is None:
            self._lines = LineIndex(self.source)
        return self._lines.position(index)

    def text_pos(self, path: PathKey, offset: int, text: str) -> tuple[int, int]:
        """Position of character ``offset`` of ``text``, the (maybe rendered) string at ``path``."""
        key = tuple(path)
        origin = self.texts.get(key)
        if origin is None:
            return self.pos(path)
        hit = self._aligned.get(key)
        if hit is None or hit[1].text is not text:  # prepared once per text, not per look-up
            start, end = origin.body(self.source)
            hit = (start, Aligned(text, self.source[start:end]))
            self._aligned[key] = hit
        return self.position_of_index(hit[0] + hit[1].index(offset))

    def keep_written(self, path: PathKey) -> None:
        """Make the value at ``path`` the text as written, when YAML read it as a number or
        true/false (``0755`` is not 493 in a text field)."""
        found = self.plain.get(path)
        if found is None or not path:
            return
        parent: object = self.value
        for p in path[:-1]:
            parent = parent[p]  # type: ignore[index]
        parent[path[-1]] = found[0]  # type: ignore[index]
        self.texts[path] = found[1]
        self._spans = None

    def path_at_index(self, index: int) -> PathKey | None:
        """The innermost text value whose source contains ``index``."""
        if self._spans is None:  # texts are leaves and never overlap: sorted once, bisected
            self._spans = sorted((o.start, max(o.end, o.start + 1), p) for p, o in self.texts.items())
            self._span_starts = [start for start, _, _ in self._spans]
        k = bisect_right(self._span_starts, index) - 1
        if k >= 0 and index < self._spans[k][1]:
            return self._spans[k][2]
        return None

    def error(self, path: PathKey, message: str, key: bool = False,
              severity: str = "error") -> Diagnostic:
        line, col = self.pos(path, key)
        return Diagnostic(self.file, line, col, format_path(path) or None, message,
                          severity)  # type: ignore[arg-type]


class _TooBig(Exception):
    pass


class _TooDeep(Exception):
    def __init__(self, mark: yaml.Mark):
        self.mark = mark


class _Loader(yaml.SafeLoader):
    """The safe loader, refusing lists and mappings nested more than MAX_NESTING deep."""

    _depth = 0

    def compose_node(self, parent, index):  # type: ignore[no-untyped-def]
        self._depth += 1
        try:
            if self._depth > MAX_NESTING:
                raise _TooDeep(self.peek_event().start_mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


_FALLBACK = yaml.Node("", "", None, None)  # libyaml could not give the tree: PyYAML reads it


def _compose_c(text: str) -> yaml.Node | None:
    """The node tree as libyaml's composer gives it (in C, some fifty times faster than PyYAML's),
    made what PyYAML's gives (a plain scalar's style None, not ''), or _FALLBACK when libyaml
    is missing, refuses the text or the text nests deeper than MAX_NESTING: then PyYAML reads
    it again and reports the problem in its own words. The marks (index, line, column) are the
    same; libyaml stops at 1,000 levels of nesting, so it never recurses unbounded."""
    loader = getattr(yaml, "CSafeLoader", None)
    if loader is None:
        return _FALLBACK
    try:
        root = yaml.compose(text, Loader=loader)
    except Exception:  # noqa: BLE001  # any refusal: PyYAML's reading says what is wrong
        return _FALLBACK
    if root is None:
        return None
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, int]] = [(root, 1)]  # depth as PyYAML's composer counts it
    while stack:
        node, depth = stack.pop()
        if depth > MAX_NESTING:
            return _FALLBACK
        if id(node) in seen:  # an alias: PyYAML does not descend into it again
            continue
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            if node.style == "":
                node.style = None
        elif isinstance(node, yaml.MappingNode):
            stack.extend((n, depth + 1) for pair in reversed(node.value) for n in reversed(pair))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((n, depth + 1) for n in reversed(node.value))
    return root


class _Converter:
    def __init__(self, doc: Located):
        self.doc = doc
        self.loader = yaml.SafeLoader("")
        self.count = 0

    def _mark(self, mark: yaml.Mark) -> tuple[int, int]:
        return mark.line + 1, mark.column + 1

    def problem(self, mark: yaml.Mark, path: PathKey, message: str) -> None:
        line, col = self._mark(mark)
        self.doc.problems.append(Diagnostic(self.doc.file, line, col, format_path(path) or None,
                                            message))

    def convert(self, node: yaml.Node, path: PathKey) -> object:
        self.count += 1
        if self.count > MAX_NODES:
            raise _TooBig()
        self.doc.values[path] = self._mark(node.start_mark)
        if node.tag not in _STANDARD_TAGS:
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            self.problem(node.start_mark, path, f"the YAML tag '{tag}' is not allowed; "
                         "remove it and write plain values")
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(n, path + (i,)) for i, n in enumerate(node.value)]
        return self._scalar(node, path)

    def _mapping(self, node: yaml.MappingNode, path: PathKey) -> dict[str, object]:
        try:
            self.loader.flatten_mapping(node)  # resolves YAML merge keys (<<)
        except yaml.YAMLError:
            self.problem(node.start_mark, path, "a '<<' merge key must name a mapping; remove it")
        out: dict[str, object] = {}
        for knode, vnode in node.value:
            key = self._scalar(knode, path, record=False) if isinstance(knode, yaml.ScalarNode) \
                else None
            if not isinstance(key, (str, int, float)) or isinstance(key, bool):
                self.problem(knode.start_mark, path,
                             "a key must be a plain name; write it as text, e.g. 'title'")
                continue
            key = str(key)
            if key in out:
                first = self.doc.keys[path + (key,)]
                self.problem(knode.start_mark, path + (key,), f"key '{key}' is given twice "
                             f"(first on line {first[0]}); keep one of them")
                continue
            self.doc.keys[path + (key,)] = self._mark(knode.start_mark)
            out[key] = self.convert(vnode, path + (key,))
        return out

    def _scalar(self, node: yaml.ScalarNode, path: PathKey, record: bool = True) -> object:
        try:
            value = self.loader.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, TypeError, OverflowError):
            value = node.value  # e.g. 2026-13-45: keep the text, validation says what is wrong
        if isinstance(value, dt.datetime):
            value = node.value
        if isinstance(value, bytes):
            value = node.value
        if record and node.style is None and isinstance(value, (bool, int, float)):
            self.doc.plain[path] = (node.value, TextOrigin(node.start_mark.index,
                                                           node.end_mark.index, None))
        if record and isinstance(value, str) and value:
            style = node.style if node.style in ("'", '"', "|", ">") else None
            self.doc.texts[path] = TextOrigin(node.start_mark.index, node.end_mark.index, style)
        return value


def _control_characters(text: str) -> tuple[str, list[int]]:
    """Characters YAML refuses to read, replaced by spaces (so reading goes on); their indices."""
    found = [m.start() for m in _NON_PRINTABLE.finditer(text)]
    if not found:
        return text, found
    return _NON_PRINTABLE.sub(" ", text), found


def load_yaml_text(text: str, file: str) -> Located:
    """Parse YAML text; raise ContentError with located diagnostics on failure."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise ContentError([Diagnostic(
            file, 1, 1, None,
            f"file is larger than {MAX_BYTES // 1_000_000} MB; split the memo or move data "
            "into data files")])
    if not text.strip():
        raise ContentError([Diagnostic(file, 1, 1, None, f"file is empty; {_NEEDS}")])
    original = text
    text, controls = _control_characters(text)
    doc = Located(file, None, text)
    try:
        node = _compose_c(text)
        if node is _FALLBACK:
            node = yaml.compose(text, Loader=_Loader)
    except _TooDeep as exc:
        raise ContentError([Diagnostic(
            file, exc.mark.line + 1, exc.mark.column + 1, None,
            f"lists and mappings are nested more than {MAX_NESTING} levels deep here; "
            "write the content with less nesting")]) from None
    except yaml.MarkedYAMLError as exc:
        raise ContentError(_with_controls(doc, original, controls, [syntax_error(exc, file)])) from None
    except yaml.YAMLError as exc:
        raise ContentError([Diagnostic(file, 1, 1, None, f"YAML syntax error: {exc}")]) from None
    if node is None:
        raise ContentError([Diagnostic(file, 1, 1, None,
                                       f"file has no content, only comments; {_NEEDS}")])
    conv = _Converter(doc)
    try:
        doc.value = conv.convert(node, ())
    except _TooBig:
        raise ContentError([Diagnostic(
            file, 1, 1, None,
            f"the document expands to more than {MAX_NODES:,} values through YAML aliases "
            "('*name' repeating an '&name' anchor); write the content out without nested "
            "aliases")]) from None
    except RecursionError:
        raise ContentError([Diagnostic(
            file, 1, 1, None, "the document is nested too deeply (a recursive alias?); "
            "remove the alias")]) from None
    doc.problems = _with_controls(doc, original, controls, doc.problems)
    return doc


def _with_controls(doc: Located, original: str, controls: list[int],
                   diags: list[Diagnostic]) -> list[Diagnostic]:
    out = list(diags)
    for index in controls:
        line, col = doc.position_of_index(index)
        path = doc.path_at_index(index) if doc.value is not None else None
        out.append(Diagnostic(doc.file, line, col, format_path(path) if path else None,
                              control_message(original[index])))
    return sorted(out, key=Diagnostic.sort_key)


def load_yaml_file(path: Path, shown_as: str | None = None) -> Located:
    """Read and parse a YAML file; the name in messages is ``shown_as`` or the path."""
    name = shown_as or str(path)
    raw = path.read_bytes()
    if len(raw) > MAX_BYTES:
        return load_yaml_text("x" * (MAX_BYTES + 1), name)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ContentError([Diagnostic(
            name, line, 1, None, "the file is not valid UTF-8 text; save it as UTF-8")]) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    return load_yaml_text(text, name)


__all__ = ["MAX_NESTING", "Located", "PathKey", "TextOrigin", "bad_character", "control_message",
           "format_path",
           "load_yaml_file", "load_yaml_text"]
