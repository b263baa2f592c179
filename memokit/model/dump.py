"""A stable, readable text form of a memo model: one node a line, indented by depth.

Used for golden files (reviewed in diffs) and inline fixtures. Reads every node
generically, so a new node type shows up without changes here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import fields, is_dataclass

from memokit.model.nodes import DataSet, Memo, MemoMeta
from memokit.model.source import SourceSpan
from memokit.model.walk import CONTAINERS

_INDENT = "  "


def dump(node: object, spans: bool = True) -> str:
    """``node`` (a memo, a block, an inline or a tuple of them) as indented text."""
    out: list[str] = []
    _node(node, 0, out, spans)
    return "\n".join(out) + "\n"


def _value(v: object) -> str:
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, float):
        return repr(v)
    if isinstance(v, tuple):
        return "[" + ", ".join(_value(x) for x in v) + "]"
    if is_dataclass(v) and not isinstance(v, type):
        inner = ", ".join(f"{f.name}={_value(getattr(v, f.name))}" for f in fields(v)
                          if getattr(v, f.name) not in (None, (), ""))
        return f"{type(v).__name__}({inner})"
    return repr(v)


def _span(span: object) -> str:
    if not isinstance(span, SourceSpan):
        return ""
    return f"  @{span.line}:{span.column}" + (f" {span.field}" if span.field else "")


def _node(node: object, depth: int, out: list[str], spans: bool) -> None:
    pad = _INDENT * depth
    if isinstance(node, tuple):
        for item in node:
            if isinstance(item, tuple):  # a table row, or a cell: one '-' each
                out.append(f"{pad}-")
                _node(item, depth + 1, out, spans)
            else:
                _node(item, depth, out, spans)
        return
    if isinstance(node, Memo):
        out.append(f"{pad}Memo")
        _meta(node.meta, depth + 1, out)
        for name in sorted(node.data):
            _data(node.data[name], depth + 1, out)
        if node.toc is not None:
            out.append(f"{pad}{_INDENT}toc: {node.toc}")
        for label, value in (("lede", node.lede), ("sections", node.sections), ("appendix", node.appendix)):
            if label != "appendix" or value:
                out.append(f"{pad}{_INDENT}{label}:")
                _node(value, depth + 2, out, spans)
        if node.references is not None:
            out.append(f"{pad}{_INDENT}references:")
            _node(node.references, depth + 2, out, spans)
        return
    if not isinstance(node, CONTAINERS):
        out.append(f"{pad}{_value(node)}")
        return
    attrs: list[str] = []
    children: list[tuple[str, object]] = []
    where = ""
    nested = _nested_fields(type(node))
    for f in fields(node):  # type: ignore[arg-type]
        value = getattr(node, f.name)
        if f.name == "span":
            where = _span(value) if spans else ""
        elif f.name in ("id_span", "field_spans") or (f.name in ("part", "title") and not value):
            continue
        elif f.name in nested:
            if value:
                children.append((f.name, value))
        elif value is not None and value != ():
            attrs.append(f"{f.name}={_value(value)}")
    if len(attrs) == 1 and attrs[0].split("=", 1)[1][:1] in "'\"":  # Text 'words': a text needs no name
        attrs = [attrs[0].split("=", 1)[1]]
    out.append(f"{pad}{type(node).__name__}{' ' if attrs else ''}{' '.join(attrs)}{where}")
    named = len(nested) > 1
    for name, value in children:
        if named:
            out.append(f"{pad}{_INDENT}{name}:")
        _node(value, depth + (2 if named else 1), out, spans)


def _nested_fields(kind: type) -> tuple[str, ...]:
    """The fields of a node type that hold other nodes (by their annotation)."""
    return tuple(f.name for f in fields(kind) if "Inline" in str(f.type) or "Block" in str(f.type)
                 or "Section" in str(f.type) or "ListItem" in str(f.type))


def _meta(meta: MemoMeta, depth: int, out: list[str]) -> None:
    pad = _INDENT * depth
    for f in fields(meta):
        value = getattr(meta, f.name)
        if value not in (None, (), ""):
            out.append(f"{pad}{f.name}: {_value(value)}")


def _data(ds: DataSet, depth: int, out: list[str]) -> None:
    pad = _INDENT * depth
    out.append(f"{pad}data {ds.name}: {len(ds.rows)} rows of {', '.join(ds.columns)}")
    for row in ds.rows[:3]:
        out.append(f"{pad}{_INDENT}{_value(row)}")
