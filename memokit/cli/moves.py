"""Blocks the editor moved: paragraphs moved after another paragraph (their YAML lines move)
and list items moved within their list (the items change places)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from memokit.cli import merge, merge_parts
from memokit.source.located import Located

if TYPE_CHECKING:
    from memokit.cli.docx_import import Outcome
    from memokit.cli.importing import Edited


def move(doc: Located, source: str, edited: Edited, patches: merge.Patches, out: Outcome,
          conflict: Callable[[tuple[int, int] | None, str, str], None]) -> None:
    """Paragraphs the editor moved: their YAML lines go after the paragraph they now follow;
    list items moved within their list change places there."""
    blocks = {b[0]: b for b in edited.blocks}
    groups: dict[int, list[int]] = {}
    reordered = reorder(doc, source, edited, patches, out, conflict)
    for n, after in edited.moved.items():
        _, kind, where, index, base = blocks[n]
        if where in reordered:
            continue
        target = blocks.get(after) if after is not None else None
        if kind != "paragraph" or target is None or target[1] != "paragraph":
            conflict(None, where, f"the {kind} was moved in the DOCX to where memokit cannot place "
                     "it in the YAML (only a paragraph after another paragraph); move it in the YAML")
        elif edited.texts.get(n) != base or n in edited.added:
            conflict(None, where, "the paragraph was moved and edited in the DOCX; import the move "
                     "or the edit first, or make one of them in the YAML")
        else:
            groups.setdefault(after, []).append(n)  # type: ignore[arg-type]
    for after, moved in groups.items():
        target = blocks[after]
        to = merge.region(doc, target[2], target[3])
        texts = []
        for n in moved:
            _, kind, where, index, base = blocks[n]
            span = merge.region(doc, where, index)
            why = span if isinstance(span, str) else merge.movable(source, span, to)
            if why:
                conflict(None, where, f"the paragraph was moved in the DOCX, but {why}")
                return
            merge.delete_paragraph(source, span, patches)  # type: ignore[arg-type]
            texts.append(merge.lines_of(source, span))  # type: ignore[arg-type]
            line, col = doc.position_of_index(span[0])  # type: ignore[index]
            out.changes.append({"field": where, "kind": "moved paragraph", "line": line,
                                "column": col, "before": base, "after": f"after {target[2]}"})
        patches.edits.append((to[1], to[1], "".join("\n\n" + t for t in texts)))  # type: ignore[index]


def reorder(doc: Located, source: str, edited: Edited, patches: merge.Patches, out: Outcome,
             conflict: Callable[[tuple[int, int] | None, str, str], None]) -> set[str]:
    """The texts in which the editor moved list items (and nothing else): the items change
    places in the YAML (a conflict where they cannot); the texts handled."""
    blocks = {b[0]: b for b in edited.blocks}
    handled: set[str] = set()
    for n in edited.moved:
        where = blocks[n][2]
        span = merge.region(doc, where, blocks[n][3])
        if where in handled or isinstance(span, str) or blocks[n][1] != "paragraph":
            continue
        lead = merge._LEAD.match(source, source.rfind("\n", 0, span[0]) + 1).group()  # type: ignore[union-attr]
        if not lead.strip() or lead.strip().startswith(">"):
            continue  # a paragraph: moved as one
        handled.add(where)
        mine = sorted((b for b in edited.blocks if b[2] == where and b[1] == "paragraph"),
                      key=lambda b: b[3])
        if any(edited.texts.get(b[0]) != b[4] or b[0] in edited.added for b in mine):
            conflict(span, where, "a list item was moved and the list edited in the DOCX; import "
                     "the move or the edit first, or make one of them in the YAML")
            continue
        ids = {b[0]: b[3] for b in mine}
        now = [ids[m] for m in edited.order if m in ids]
        why = merge_parts.reorder_items(doc, where, [b[3] for b in mine], now, patches)
        if why:
            conflict(span, where, f"a list item was moved in the DOCX, but {why}")
            continue
        line, col = doc.position_of_index(span[0])
        out.changes.append({"field": where, "kind": "moved list item", "line": line,
                            "column": col, "before": blocks[n][4], "after": "moved in its list"})
    return handled
