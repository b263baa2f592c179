"""Structural validation: the JSON Schema applied to a located document.

jsonschema finds what is wrong; this module says it the way an author can act
on: the key that is unknown (with "did you mean"), the field that is missing,
the value that has the wrong type, each at its line and column.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from memokit.errors import Diagnostic, did_you_mean, one_of
from memokit.load.schema import SCHEMA
from memokit.source.located import Located, PathKey

_VALIDATOR = Draft202012Validator(SCHEMA)

_TYPE_NAMES = {
    "string": "text", "integer": "a whole number", "number": "a number", "boolean": "true or false",
    "array": "a list", "object": "a mapping", "null": "nothing",
}


def json_ready(value: object) -> object:
    """Dates become ISO strings, as they are in the schema's eyes."""
    if isinstance(value, dict):
        return {k: json_ready(v) for k, v in value.items()}
    if isinstance(value, list):
        return [json_ready(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _kind(value: object) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _hint(schema: dict[str, Any]) -> str:
    return schema.get("x-hint", "")


def _with_hint(msg: str, schema: dict[str, Any]) -> str:
    hint = _hint(schema)
    return f"{msg}; {hint}" if hint else msg


def _branch_errors(err: ValidationError) -> list[ValidationError] | None:
    """For oneOf/anyOf: the errors of the one branch whose type fits the value."""
    by_branch: dict[int, list[ValidationError]] = {}
    for sub in err.context or ():
        by_branch.setdefault(sub.relative_schema_path[0], []).append(sub)  # type: ignore[index]
    fitting = [
        errs for errs in by_branch.values()
        if not any(e.validator == "type" and not e.relative_path for e in errs)
        and not any(e.validator == "required" and not e.relative_path
                    and "required" in e.schema and len(e.schema) == 1 for e in errs)
    ]
    if len(fitting) == 1:
        return fitting[0]
    return None


def _branch_types(branches: list[Any]) -> str:
    """'text or a list' for the branches of a oneOf, by their declared types."""
    names: list[str] = []
    for b in branches:
        t = b.get("type") if isinstance(b, dict) else None
        for one in [t] if isinstance(t, str) else list(t or []):
            name = _TYPE_NAMES.get(one, one)
            if name not in names:
                names.append(name)
    return " or ".join(names)


def _describe(err: ValidationError, doc: Located, base: PathKey) -> list[Diagnostic]:
    path: PathKey = base + tuple(err.relative_path)
    schema = err.schema if isinstance(err.schema, dict) else {}
    v = err.validator
    inst = err.instance
    if "propertyNames" in err.relative_schema_path:
        return [doc.error(path + (str(inst),), f"name '{inst}' is not valid; use letters, digits, "
                          "'-' and '_' only", key=True)]
    if v in ("oneOf", "anyOf"):
        sub = _branch_errors(err)
        if sub is not None:
            out: list[Diagnostic] = []
            for e in sub:
                out.extend(_describe(e, doc, path))
            return out
        if isinstance(inst, dict) and all(
            isinstance(b, dict) and set(b) == {"required"} for b in schema.get(v, [])
        ):
            names = [b["required"][0] for b in schema[v]]
            given = [n for n in names if n in inst]
            what = ("has both " + " and ".join(f"'{n}'" for n in given) if given else
                    "has neither " + " nor ".join(f"'{n}'" for n in names))
            return [doc.error(path, f"{what}; {_hint(schema) or 'give exactly one'}")]
        wants = _branch_types(schema.get(v, []))
        got = f"expected {wants}, got {_kind(inst)}" if wants else f"{_kind(inst)} is not allowed here"
        return [doc.error(path, _with_hint(got, schema))]
    if v == "additionalProperties" and isinstance(inst, dict):
        allowed = list(schema.get("properties", {}))
        out = []
        for key in inst:
            if key in allowed:
                continue
            if key == "sections" and "heading" in allowed:
                out.append(doc.error(path + (key,), "sections nest three levels deep at most; make "
                                     "these subsections part of a higher level", key=True))
                continue
            tip = did_you_mean(key, allowed)
            rest = f"; allowed keys: {', '.join(allowed)}" if allowed else ""
            out.append(doc.error(path + (key,), f"unknown key '{key}'{tip}{rest}", key=True))
        return out
    if v == "required":
        missing = [r for r in schema.get("required", []) if isinstance(inst, dict) and r not in inst]
        out = []
        for name in missing:
            sub = schema.get("properties", {}).get(name, {})
            hint = _hint(sub)
            out.append(doc.error(path + (name,), f"required field '{name}' is missing; add "
                                 f"'{name}:'" + (f" and {hint}" if hint else "")))
        return out
    if v == "type":
        want = schema.get("type")
        wants = [want] if isinstance(want, str) else list(want or [])
        names = " or ".join(_TYPE_NAMES.get(w, w) for w in wants)
        hint = _hint(schema) or f"write {names} here"
        return [doc.error(path, f"expected {names}, got {_kind(inst)}; {hint}")]
    if v == "enum":
        choices = [str(c) for c in schema.get("enum", [])]
        tip = did_you_mean(str(inst), choices)
        return [doc.error(path, f"'{inst}' is not a known value{tip}; use {one_of(choices)}")]
    if v == "const":
        return [doc.error(path, _with_hint(f"'{inst}' is not supported", schema))]
    if v == "pattern":
        what = "is blank" if schema.get("pattern") == r"\S" else f"is not {schema.get('x-is', 'valid')}"
        return [doc.error(path, _with_hint(f"'{inst}' {what}", schema))]
    if v in ("minItems", "minProperties"):
        empty = "is empty ([])" if v == "minItems" else "is empty ({})"
        fallback = "give at least one item" if v == "minItems" else "give at least one entry"
        return [doc.error(path, f"{empty}; {_hint(schema) or fallback}")]
    if v == "maxItems":
        return [doc.error(path, f"holds {len(inst)} items, more than the {schema.get('maxItems')} "
                                f"allowed; {_hint(schema) or 'shorten the list'}")]
    if v == "maxProperties":
        return [doc.error(path, _with_hint("holds more than one block in one list item; give "
                                           "each 'figure:', 'table:' or 'box:' its own '- ' item", {}))]
    if v == "minLength":
        return [doc.error(path, f"is empty text; {_hint(schema) or 'write some text'}")]
    return [doc.error(path, _with_hint(err.message, schema) if _hint(schema)
                      else f"{err.message}; check this value against the memo format")]


def _schema_at(path: tuple[str | int, ...]) -> dict[str, Any] | None:
    """The schema of the value at ``path`` (the first alternative that has one), or None."""
    nodes: list[dict[str, Any]] = [SCHEMA]
    for p in path:
        found: list[dict[str, Any]] = []
        for node in nodes:
            for alt in [node, *node.get("oneOf", [])]:
                if isinstance(p, int) and isinstance(alt.get("items"), dict):
                    found.append(alt["items"])
                elif isinstance(p, str) and p in alt.get("properties", {}):
                    found.append(alt["properties"][p])
                elif isinstance(p, str) and isinstance(alt.get("additionalProperties"), dict):
                    found.append(alt["additionalProperties"])
        if not found:
            return None
        nodes = found
    return nodes[0]


def _is_text(schema: dict[str, Any] | None) -> bool:
    """A field the format calls text (a string, or the memo number's string or integer)."""
    if schema is None or "format" in schema:
        return False
    kind = schema.get("type")
    return kind == "string" or kind == ["string", "integer"]


def keep_written_text(doc: Located) -> None:
    """Text fields keep the text as written where YAML 1.1 would read a number or true/false
    (``number: 0755`` is memo 0755, not 493; ``project: 1:30:00`` is not 5400)."""
    for path in list(doc.plain):
        if _is_text(_schema_at(path)):
            doc.keep_written(path)


def validate_structure(doc: Located) -> list[Diagnostic]:
    """All structural problems of a memo document, located, in file order, deduplicated."""
    instance = json_ready(doc.value)
    diags: list[Diagnostic] = []
    seen: set[tuple[object, ...]] = set()
    for err in _VALIDATOR.iter_errors(instance):
        for d in _describe(err, doc, ()):
            key = (d.line, d.column, d.field, d.message)
            if key not in seen:
                seen.add(key)
                diags.append(d)
    return sorted(diags, key=Diagnostic.sort_key)

