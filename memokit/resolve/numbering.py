"""Numbers for notes, figures, tables and boxes in reading order, and every cross-reference
resolved.

Figures, tables and boxes in an appendix are numbered per appendix ('Figure A.1') or go on with the
main numbers, as the house style says; notes are numbered through the whole memo."""

from __future__ import annotations

from dataclasses import replace

from memokit.errors import Diagnostic, did_you_mean
from memokit.model import Box, Figure, Memo, Note, Ref, Table
from memokit.model.walk import appendix_letter, descendants, numbered_sections, rewrite

KINDS: dict[type, str] = {Figure: "figure", Table: "table", Box: "box"}
TAGS = {"figure": "fig", "table": "tbl", "box": "box", "section": "sec"}


def number(memo: Memo, declared: list[tuple[str, str]],
           per_appendix: bool = True) -> tuple[Memo, list[Diagnostic]]:
    """``memo`` with every number given; errors for reused ids and references to nothing.

    ``declared`` lists every (kind, id) the author wrote, in order, including blocks that
    failed to build: a reference to one of those is not reported again. ``per_appendix``:
    figures and tables of an appendix are numbered A.1, A.2, ... (else the main numbers go on).
    """
    errors: list[Diagnostic] = []
    numbers: dict[tuple[str, str], tuple[str, int]] = {}
    first_line: dict[tuple[str, str], int | None] = {}
    counts = dict.fromkeys(KINDS.values(), 0)
    parts: list[tuple[str, object]] = [("", memo.sections)]
    parts += [(appendix_letter(i) if per_appendix else "", a) for i, a in enumerate(memo.appendix)]
    for part, root in parts:
        if part:
            counts = dict.fromkeys(KINDS.values(), 0)
        for node in descendants(root):
            kind = KINDS.get(type(node))
            if kind is None:
                continue
            key = (kind, node.id)  # type: ignore[attr-defined]
            span = node.id_span  # type: ignore[attr-defined]
            if key in numbers:
                errors.append(_twice(kind, key[1], span, first_line[key]))
                continue
            counts[kind] += 1
            numbers[key] = (part, counts[kind])
            first_line[key] = span.line if span else None
    sections: dict[str, tuple[str, str]] = {}  # id -> (number, heading)
    for num, sec in numbered_sections(memo):
        if sec.id is None:
            continue
        key = ("section", sec.id)
        if key in first_line:
            errors.append(_twice("section", sec.id, sec.id_span, first_line[key]))
            continue
        sections[sec.id] = (num, sec.heading)
        first_line[key] = sec.id_span.line if sec.id_span else None
    written = set(declared)
    notes = 0

    def visit(node: object) -> object:
        nonlocal notes
        if isinstance(node, Note):
            notes += 1
            return replace(node, number=notes)
        if isinstance(node, Ref) and node.kind == "section":
            if node.target in sections:
                num, heading = sections[node.target]
                return replace(node, part=num, title=heading)
            if (node.kind, node.target) not in written:
                errors.append(Diagnostic.at(node.span, unknown_ref(node, declared)))
            return node
        if isinstance(node, Ref):
            found = numbers.get((node.kind, node.target))
            if found is None:
                if (node.kind, node.target) not in written:
                    errors.append(Diagnostic.at(node.span, unknown_ref(node, declared)))
                return node
            return replace(node, part=found[0], number=found[1])
        kind = KINDS.get(type(node))
        if kind is not None:
            part, n = numbers.get((kind, node.id), ("", 0))  # type: ignore[attr-defined]
            return replace(node, part=part, number=n)  # type: ignore[call-arg]
        return node

    return rewrite(memo, visit), errors


def _twice(kind: str, ident: str, span: object, first: int | None) -> Diagnostic:
    return Diagnostic.at(span, f"{kind} id '{ident}' is used twice (first on line {first}); "  # type: ignore[arg-type]
                         f"give each {kind} its own id")


def unknown_ref(ref: Ref, declared: list[tuple[str, str]]) -> str:
    ids = list(dict.fromkeys(i for k, i in declared if k == ref.kind))
    known = f" ({', '.join(ids)})" if ids else f" (this memo has no {ref.kind}s with an id)" \
        if ref.kind == "section" else f" (this memo has no {ref.kind}s)"
    return (f"cross-reference '@{TAGS[ref.kind]}:{ref.target}' names no {ref.kind}"
            f"{did_you_mean(ref.target, ids)}; use the id of a {ref.kind} in this memo{known}")
