"""YAML into plain Python values that remember where each value was written.

Safe loading only: the document is composed into a node tree with PyYAML's
SafeLoader and converted here, so every mapping key and value keeps its line
and column. File size and alias expansion are bounded (a "billion laughs"
file is an error, not a hang).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from memokit.errors import ContentError, Diagnostic

MAX_BYTES = 2_000_000
MAX_NODES = 200_000

PathKey = tuple[str | int, ...]


def format_path(path: PathKey) -> str:
    """``('sections', 1, 'body', 2)`` -> ``sections[1].body[2]``."""
    out = ""
    for p in path:
        if isinstance(p, int):
            out += f"[{p}]"
        else:
            out += ("." if out else "") + p
    return out


@dataclass(frozen=True, slots=True)
class TextOrigin:
    """Where a string scalar's text starts, to locate errors inside it."""

    line: int
    column: int
    block: bool  # literal/folded block: text lines map 1:1 to file lines
    indent: int


@dataclass
class Located:
    """A parsed YAML document plus the position of every value and key."""

    file: str
    value: object
    values: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    keys: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    texts: dict[PathKey, TextOrigin] = field(default_factory=dict)

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

    def text_pos(self, path: PathKey, offset: int, text: str) -> tuple[int, int]:
        """Position of character ``offset`` of the string at ``path``."""
        origin = self.texts.get(tuple(path))
        if origin is None:
            return self.pos(path)
        before = text[:offset]
        nl = before.count("\n")
        col_in_line = offset - (before.rfind("\n") + 1)
        if origin.block:
            return origin.line + nl, origin.indent + col_in_line + 1
        if nl == 0:
            return origin.line, origin.column + col_in_line + (1 if origin.indent < 0 else 0)
        return origin.line + nl, 1

    def error(self, path: PathKey, message: str, key: bool = False,
              severity: str = "error") -> Diagnostic:
        line, col = self.pos(path, key)
        return Diagnostic(self.file, line, col, format_path(path) or None, message,
                          severity)  # type: ignore[arg-type]


class _Converter:
    def __init__(self, file: str, text: str):
        self.doc = Located(file, None)
        self.text = text
        self.loader = yaml.SafeLoader("")
        self.count = 0
        self.errors: list[Diagnostic] = []

    def _mark(self, mark: yaml.Mark) -> tuple[int, int]:
        return mark.line + 1, mark.column + 1

    def convert(self, node: yaml.Node, path: PathKey) -> object:
        self.count += 1
        if self.count > MAX_NODES:
            raise _TooBig()
        self.doc.values[path] = self._mark(node.start_mark)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(n, path + (i,)) for i, n in enumerate(node.value)]
        return self._scalar(node, path)

    def _mapping(self, node: yaml.MappingNode, path: PathKey) -> dict[str, object]:
        self.loader.flatten_mapping(node)  # resolves YAML merge keys (<<)
        out: dict[str, object] = {}
        for knode, vnode in node.value:
            key = self._scalar(knode, path) if isinstance(knode, yaml.ScalarNode) else None
            line, col = self._mark(knode.start_mark)
            if not isinstance(key, (str, int, float, bool)) or isinstance(key, bool):
                self.errors.append(Diagnostic(
                    self.doc.file, line, col, format_path(path) or None,
                    "a key must be a plain name; write it as text, e.g. 'title'"))
                continue
            key = str(key)
            if key in out:
                self.errors.append(Diagnostic(
                    self.doc.file, line, col, format_path(path + (key,)),
                    f"key '{key}' is given twice; keep one of them"))
                continue
            self.doc.keys[path + (key,)] = (line, col)
            out[key] = self.convert(vnode, path + (key,))
        return out

    def _scalar(self, node: yaml.ScalarNode, path: PathKey) -> object:
        try:
            value = self.loader.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, TypeError):
            value = node.value  # e.g. 2026-13-45: keep the text, validation says what is wrong
        if isinstance(value, dt.datetime):
            value = node.value
        if isinstance(value, str) and value:
            self._record_text(node, path)
        return value

    def _record_text(self, node: yaml.ScalarNode, path: PathKey) -> None:
        line, col = self._mark(node.start_mark)
        if node.style in ("|", ">"):
            # content starts on the line after the indicator; find its indent
            start = self.text.find("\n", node.start_mark.index) + 1
            j = start
            while j < len(self.text) and self.text[j] == "\n":
                j += 1
            k = j
            while k < len(self.text) and self.text[k] == " ":
                k += 1
            first_line = line + 1 + self.text.count("\n", start, j)
            self.doc.texts[path] = TextOrigin(first_line, k - j + 1, True, k - j)
        else:
            quoted = node.style in ("'", '"')
            self.doc.texts[path] = TextOrigin(line, col + (1 if quoted else 0), False, 0)


class _TooBig(Exception):
    pass


def load_yaml_text(text: str, file: str) -> Located:
    """Parse YAML text; raise ContentError with located diagnostics on failure."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise ContentError([Diagnostic(
            file, 1, 1, None,
            f"file is larger than {MAX_BYTES // 1_000_000} MB; split the memo or move data "
            "into data files")])
    if not text.strip():
        raise ContentError([Diagnostic(
            file, 1, 1, None,
            "file is empty; a memo needs at least 'title', 'authors', 'date' and 'sections'")])
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = (exc.problem or "invalid YAML").strip()
        if exc.context:
            problem = f"{exc.context.strip()}, {problem}"
        raise ContentError([Diagnostic(
            file, line, col, None,
            f"YAML syntax error: {problem}; check the indentation, and quote text that "
            "contains ': ' or starts with a special character")]) from None
    except yaml.YAMLError as exc:
        raise ContentError([Diagnostic(file, 1, 1, None, f"YAML syntax error: {exc}")]) from None
    if node is None:
        raise ContentError([Diagnostic(
            file, 1, 1, None,
            "file has no content; a memo needs at least 'title', 'authors', 'date' and "
            "'sections'")])
    conv = _Converter(file, text)
    try:
        conv.doc.value = conv.convert(node, ())
    except _TooBig:
        raise ContentError([Diagnostic(
            file, 1, 1, None,
            f"the document expands to more than {MAX_NODES} values (YAML aliases '*' "
            "repeating anchors '&'?); write the content out without nested aliases")]) from None
    except RecursionError:
        raise ContentError([Diagnostic(
            file, 1, 1, None, "the document is nested too deeply (a recursive alias?); "
            "remove the alias")]) from None
    if conv.errors:
        raise ContentError(conv.errors)
    return conv.doc


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
