"""Traversal helpers over the memo model, in reading order."""

from __future__ import annotations

from collections.abc import Iterator

from memokit.model.nodes import (
    Block,
    BulletList,
    Emph,
    Figure,
    Inline,
    Link,
    Memo,
    Note,
    OrderedList,
    Paragraph,
    Quote,
    Section,
    Strong,
    Table,
)


def iter_sections(sections: tuple[Section, ...]) -> Iterator[Section]:
    """Every section and subsection, depth first."""
    for s in sections:
        yield s
        yield from iter_sections(s.sections)


def iter_blocks(blocks: tuple[Block, ...]) -> Iterator[Block]:
    """Blocks and the blocks nested in lists and quotes, in reading order."""
    for b in blocks:
        yield b
        if isinstance(b, (BulletList, OrderedList)):
            for item in b.items:
                yield from iter_blocks(item.blocks)
        elif isinstance(b, Quote):
            yield from iter_blocks(b.blocks)


def memo_blocks(memo: Memo) -> Iterator[Block]:
    for s in iter_sections(memo.sections):
        yield from iter_blocks(s.blocks)


def iter_inlines(inlines: tuple[Inline, ...]) -> Iterator[Inline]:
    """Inlines and their descendants (not the content of notes)."""
    for i in inlines:
        yield i
        if isinstance(i, (Emph, Strong, Link)):
            yield from iter_inlines(i.children)


def notes(memo: Memo) -> list[Note]:
    """All footnotes in number order."""
    found: list[Note] = []
    for b in memo_blocks(memo):
        if isinstance(b, Paragraph):
            found.extend(i for i in iter_inlines(b.children) if isinstance(i, Note))
    return sorted(found, key=lambda n: n.number)


def figures(memo: Memo) -> list[Figure]:
    return [b for b in memo_blocks(memo) if isinstance(b, Figure)]


def tables(memo: Memo) -> list[Table]:
    return [b for b in memo_blocks(memo) if isinstance(b, Table)]


def last_paragraph(memo: Memo) -> Paragraph | None:
    """The memo's final paragraph (where the end mark goes), if it ends with one."""
    last = None
    for b in memo_blocks(memo):
        last = b
    return last if isinstance(last, Paragraph) else None
