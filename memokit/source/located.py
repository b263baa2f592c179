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
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from memokit.errors import ContentError, Diagnostic
from memokit.source.textpos import LineIndex, TextOrigin, source_index
from memokit.source.yaml_errors import syntax_error

MAX_BYTES = 2_000_000
MAX_NODES = 200_000

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


def control_message(ch: str) -> str:
    return f"control character U+{ord(ch):04X} is not allowed in text; delete it"


@dataclass
class Located:
    """A parsed YAML document plus the position of every value and key."""

    file: str
    value: object
    source: str = ""
    values: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    keys: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    texts: dict[PathKey, TextOrigin] = field(default_factory=dict)
    problems: list[Diagnostic] = field(default_factory=list)
    _lines: LineIndex | None = None

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
        origin = self.texts.get(tuple(path))
        if origin is None:
            return self.pos(path)
        start, end = origin.body(self.source)
        return self.position_of_index(start + source_index(text, offset, self.source[start:end]))

    def path_at_index(self, index: int) -> PathKey | None:
        """The innermost text value whose source contains ``index``."""
        best: PathKey | None = None
        for path, origin in self.texts.items():
            if origin.start <= index < max(origin.end, origin.start + 1) and (
                    best is None or len(path) > len(best)):
                best = path
        return best

    def error(self, path: PathKey, message: str, key: bool = False,
              severity: str = "error") -> Diagnostic:
        line, col = self.pos(path, key)
        return Diagnostic(self.file, line, col, format_path(path) or None, message,
                          severity)  # type: ignore[arg-type]


class _TooBig(Exception):
    pass


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
        node = yaml.compose(text, Loader=yaml.SafeLoader)
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


__all__ = ["Located", "PathKey", "TextOrigin", "control_message", "format_path",
           "load_yaml_file", "load_yaml_text"]
