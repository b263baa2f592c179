"""Numbers for notes, figures, tables and boxes in reading order, and every cross-reference resolved."""

from __future__ import annotations

from dataclasses import replace

from memokit.errors import Diagnostic, did_you_mean
from memokit.model import Box, Figure, Memo, Note, Ref, Table
from memokit.model.walk import descendants, rewrite

KINDS: dict[type, str] = {Figure: "figure", Table: "table", Box: "box"}
TAGS = {"figure": "fig", "table": "tbl", "box": "box"}


def number(memo: Memo, declared: list[tuple[str, str]]) -> tuple[Memo, list[Diagnostic]]:
    """``memo`` with every number given; errors for reused ids and references to nothing.

    ``declared`` lists every (kind, id) the author wrote, in order, including blocks that
    failed to build: a reference to one of those is not reported again.
    """
    errors: list[Diagnostic] = []
    numbers: dict[tuple[str, str], int] = {}
    first_line: dict[tuple[str, str], int | None] = {}
    counts = dict.fromkeys(KINDS.values(), 0)
    for node in descendants(memo):
        kind = KINDS.get(type(node))
        if kind is None:
            continue
        key = (kind, node.id)  # type: ignore[attr-defined]
        span = node.id_span  # type: ignore[attr-defined]
        if key in numbers:
            errors.append(Diagnostic.at(span, f"{kind} id '{key[1]}' is used twice (first on line "
                                        f"{first_line[key]}); give each {kind} its own id"))
            continue
        counts[kind] += 1
        numbers[key] = counts[kind]
        first_line[key] = span.line if span else None
    written = set(declared)
    notes = 0

    def visit(node: object) -> object:
        nonlocal notes
        if isinstance(node, Note):
            notes += 1
            return replace(node, number=notes)
        if isinstance(node, Ref):
            found = numbers.get((node.kind, node.target))
            if found is None:
                if (node.kind, node.target) not in written:
                    errors.append(Diagnostic.at(node.span, unknown_ref(node, declared)))
                return node
            return replace(node, number=found)
        kind = KINDS.get(type(node))
        if kind is not None:
            return replace(node, number=numbers.get((kind, node.id), 0))  # type: ignore[attr-defined]
        return node

    return rewrite(memo, visit), errors


def unknown_ref(ref: Ref, declared: list[tuple[str, str]]) -> str:
    ids = list(dict.fromkeys(i for k, i in declared if k == ref.kind))
    known = f" ({', '.join(ids)})" if ids else f" (this memo has no {ref.kind}s)"
    return (f"cross-reference '@{TAGS[ref.kind]}:{ref.target}' names no {ref.kind}"
            f"{did_you_mean(ref.target, ids)}; use the id of a {ref.kind} in this memo{known}")
