"""Traversal helpers over the memo model, in reading order."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import fields, replace
from typing import TypeVar, get_args

from memokit.model.nodes import (
    Block,
    Box,
    BulletList,
    Citation,
    Cited,
    CiteItem,
    Code,
    Emph,
    Figure,
    Inline,
    LineBreak,
    Link,
    ListItem,
    Memo,
    Note,
    OrderedList,
    Paragraph,
    Quote,
    Ref,
    References,
    Section,
    Span,
    Strong,
    Table,
    Text,
)
from memokit.model.source import SourceSpan

T = TypeVar("T")
BLOCK_TYPES: tuple[type, ...] = get_args(Block)


def iter_sections(sections: tuple[Section, ...]) -> Iterator[Section]:
    """Every section and subsection, depth first."""
    for s in sections:
        yield s
        yield from iter_sections(s.sections)


def iter_blocks(blocks: tuple[Block, ...]) -> Iterator[Block]:
    """Blocks and every block nested in them (list items, quotes, ...), in reading order.

    Nested blocks are found through the fields of each block, so a new block type that
    holds blocks is walked without a change here."""
    for b in blocks:
        yield b
        yield from iter_blocks(tuple(_inner_blocks(b)))


def _inner_blocks(block: Block) -> Iterator[Block]:
    for f in fields(block):  # type: ignore[arg-type]
        value = getattr(block, f.name)
        if not isinstance(value, tuple):
            continue
        for item in value:
            if isinstance(item, ListItem):
                yield from item.blocks
            elif isinstance(item, BLOCK_TYPES):
                yield item


def memo_blocks(memo: Memo) -> Iterator[Block]:
    """Every block of the main text, then of the appendices."""
    for s in iter_sections(memo.sections + memo.appendix):
        yield from iter_blocks(s.blocks)


def iter_inlines(inlines: tuple[Inline, ...]) -> Iterator[Inline]:
    """Inlines and their descendants (not the content of notes)."""
    for i in inlines:
        yield i
        if isinstance(i, (Emph, Strong, Link, Span, Cited)):
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


def boxes(memo: Memo) -> list[Box]:
    return [b for b in memo_blocks(memo) if isinstance(b, Box)]


def last_paragraph(memo: Memo) -> Paragraph | None:
    """The main text's final paragraph (where the end mark goes, before any appendix), if it
    ends with one."""
    last = None
    for s in iter_sections(memo.sections):
        for b in iter_blocks(s.blocks):
            last = b
    outer = [b for s in iter_sections(memo.sections) for b in s.blocks]
    if outer and isinstance(outer[-1], Box):  # the end mark does not go inside a box
        return None
    return last if isinstance(last, Paragraph) else None


# ---------------------------------------------------------------- generic traversal
# Every node type that can hold other nodes or inlines. Adding a block or inline type
# to nodes.py means adding it here; tests walk every type through this list.
CONTAINERS: tuple[type, ...] = (
    Memo, Section, Paragraph, BulletList, OrderedList, ListItem, Quote, Figure, Table,
    Emph, Strong, Link, Note, Ref, Text, Code, LineBreak, Box,
    Span, Citation, CiteItem, Cited, References,
)


def _is_node(value: object) -> bool:
    return isinstance(value, CONTAINERS)


def descendants(node: object) -> Iterator[object]:
    """``node`` and every node inside it, in reading order (pre-order, fields in order)."""
    stack: list[object] = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, tuple):
            stack.extend(reversed(item))
            continue
        if not _is_node(item):
            continue
        yield item
        stack.extend(reversed([getattr(item, f.name) for f in fields(item)]))  # type: ignore[arg-type]


def rewrite(node: T, visit: Callable[[object], object]) -> T:
    """A copy of ``node`` with ``visit`` applied to it and to every node inside, in reading order.

    ``visit`` sees each node before its children and returns it or a replacement; the
    children of the replacement are visited next. Unchanged subtrees are kept as they are.
    """
    def walk(item: object) -> object:
        if isinstance(item, tuple):
            new = tuple(walk(x) for x in item)
            return item if all(a is b for a, b in zip(new, item)) else new
        if not _is_node(item):
            return item
        item = visit(item)
        changes = {}
        for f in fields(item):  # type: ignore[arg-type]
            old = getattr(item, f.name)
            if isinstance(old, (tuple, *CONTAINERS)):
                new = walk(old)
                if new is not old:
                    changes[f.name] = new
        return replace(item, **changes) if changes else item  # type: ignore[type-var]

    return walk(node)  # type: ignore[return-value]


def shown_texts(node: object, span: SourceSpan | None = None) -> Iterator[tuple[str, SourceSpan | None]]:
    """Every text a reader sees inside ``node`` (headings, and the text of every inline, notes
    included), with the span of the nearest node around it that has one, in reading order."""
    if isinstance(node, tuple):
        for item in node:
            yield from shown_texts(item, span)
        return
    if not _is_node(node):
        return
    own = None if isinstance(node, Ref) else getattr(node, "span", None)  # a Ref's span is its text's
    span = own or span
    if isinstance(node, Text):
        yield node.text, span
        return
    if isinstance(node, Section):
        yield node.heading, node.span
    for f in fields(node):  # type: ignore[arg-type]
        value = getattr(node, f.name)
        if isinstance(value, (tuple, *CONTAINERS)):
            yield from shown_texts(value, span)


def appendix_letter(index: int) -> str:
    """The letter of the appendix at ``index`` (from 0): 'A', 'B', ..."""
    return chr(ord("A") + index)


def numbered_sections(memo: Memo) -> Iterator[tuple[str, Section]]:
    """Every section with its number, in reading order: '1', '1.2', '1.2.1' in the main text,
    'A', 'A.1' in the appendices."""
    def walk(sections: tuple[Section, ...], prefix: str) -> Iterator[tuple[str, Section]]:
        for i, s in enumerate(sections, start=1):
            num = f"{prefix}.{i}" if prefix else str(i)
            yield num, s
            yield from walk(s.sections, num)

    yield from walk(memo.sections, "")
    for i, app in enumerate(memo.appendix):
        letter = appendix_letter(i)
        yield letter, app
        yield from walk(app.sections, letter)
