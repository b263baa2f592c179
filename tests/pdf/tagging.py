"""Reading a tagged PDF's structure back as a screen reader would, and what the memo says it holds.

``struct_text`` asks poppler (``pdfinfo -struct-text``, an independent reader) for the text of
the structure tree in its order. ``memo_pieces`` lists the memo's own text from the model in the
memo's order (a note's text right after the block that cites it); generated text (numbers,
labels, cross-references, citations) is left out, so it may appear between the pieces.
Both are compared in :func:`normal` form: letters and digits only, lower case, so white space,
inserted hyphens and punctuation do not count.
"""

from __future__ import annotations

import re
import subprocess
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from memokit.model.nodes import (
    Block,
    Box,
    BulletList,
    Code,
    Emph,
    Figure,
    Inline,
    LineBreak,
    Link,
    Memo,
    Note,
    OrderedList,
    Paragraph,
    Quote,
    Section,
    Span,
    Strong,
    Table,
    Text,
)
from tests.helpers import require_tool


def struct_text(path: Path) -> str:
    """The text poppler reads from the structure tree, in the tree's order (Figure content left out)."""
    exe = require_tool("pdfinfo")
    out = subprocess.run([exe, "-struct-text", str(path)], capture_output=True, text=True, check=True).stdout
    text: list[str] = []
    skip = None  # indentation of a Figure element whose drawn text (a chart's labels) is skipped
    for line in out.splitlines():
        indent = len(line) - len(line.lstrip())
        if skip is not None and indent > skip:
            continue
        skip = None
        body = line.strip()
        if body.startswith("Figure"):
            skip = indent
        elif body.startswith('"') and body.endswith('"'):
            text.append(body[1:-1])
    return logical("\n".join(text))


def actual_texts(path: Path) -> list[str]:
    """The /ActualText of every structure element that has one, in the tree's order (pikepdf):
    what assistive technology reads for a paragraph with right-to-left text, whose glyphs are
    drawn in visual order line by line (poppler joins its lines with nothing between them, so
    a right-to-left phrase broken over two lines cannot be put back in reading order from them)."""
    import pikepdf

    out: list[str] = []

    def visit(node: object) -> None:
        if not isinstance(node, pikepdf.Dictionary):
            return
        if "/S" in node and "/ActualText" in node:
            out.append(str(node.ActualText))
        kids = node.get("/K")
        for k in kids if isinstance(kids, pikepdf.Array) else [kids]:
            visit(k)

    with pikepdf.open(path) as pdf:
        visit(pdf.Root.get("/StructTreeRoot"))
    return out


def normal(text: str) -> str:
    """Letters and digits only, lower case; Arabic presentation forms (shaped glyphs) as letters."""
    return "".join(c for c in unicodedata.normalize("NFKC", text).lower() if c.isalnum())


def logical(text: str) -> str:
    """Drawn text in reading order: poppler reads glyphs as drawn, and a right-to-left phrase is
    drawn in visual order (the element's /ActualText holds the phrase in reading order, which
    poppler does not print): each run of right-to-left words is turned back."""
    rtl = r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]"
    return re.sub(rf"{rtl}+(?:\s+{rtl}+)*", lambda m: m.group(0)[::-1], text)


def _flat(inlines: tuple[Inline, ...], notes: list[Note], out: list[str | None]) -> None:
    """The text an author wrote, None wherever generated text goes (a label, a citation)."""
    for node in inlines:
        if isinstance(node, (Text, Code)):
            out.append(node.text)
        elif isinstance(node, (Emph, Strong, Link, Span)):
            _flat(node.children, notes, out)
        elif isinstance(node, LineBreak):
            out.append(" ")
        else:
            if isinstance(node, Note):
                notes.append(node)
            out.append(None)


def _pieces(inlines: tuple[Inline, ...], notes: list[Note]) -> list[str]:
    out: list[str | None] = []
    _flat(inlines, notes, out)
    return "".join("\x00" if x is None else x for x in out).split("\x00")


def _inline(inlines: tuple[Inline, ...]) -> Iterator[str]:
    notes: list[Note] = []
    yield from _pieces(inlines, notes)
    for n in notes:
        yield from _inline(n.children)


def _blocks(blocks: tuple[Block, ...]) -> Iterator[str]:
    for b in blocks:
        if isinstance(b, Paragraph):
            yield from _inline(b.children)
        elif isinstance(b, (BulletList, OrderedList)):
            for item in b.items:
                yield from _blocks(item.blocks)
        elif isinstance(b, Quote):
            yield from _blocks(b.blocks)
        elif isinstance(b, Figure):
            yield from _inline(b.caption)
            yield from _inline(b.source)
        elif isinstance(b, Table):
            yield from _inline(b.caption)
            for row in ((b.header,) if b.header else ()) + tuple(b.rows):
                for cell in row:
                    yield from _inline(cell)
            yield from _inline(b.source)
        elif isinstance(b, Box):
            yield from _inline(b.title)
            yield from _blocks(b.blocks)


def _section(sec: Section) -> Iterator[str]:
    yield sec.heading
    yield from _blocks(sec.blocks)
    for sub in sec.sections:
        yield from _section(sub)


def memo_pieces(memo: Memo, body_only: bool = False) -> list[str]:
    """The memo's text in reading order (normal form, empty pieces dropped).

    Page-wide figures, tables and boxes float to the top of a page; the tree keeps them where
    the memo has them, so they are in order too."""
    out: list[str] = [memo.meta.title, *_inline(memo.lede)]
    for sec in memo.sections:
        out += _section(sec)
    for app in memo.appendix:
        out += _section(app)
    return [p for p in (normal(x) for x in out) if p]


def missing_in_order(pieces: list[str], text: str) -> list[str]:
    """The pieces not found in ``text`` (normal form) in their order, each after the one before."""
    at, missing = 0, []
    for p in pieces:
        i = text.find(p, at)
        if i < 0:
            missing.append(p)
        else:
            at = i + len(p)
    return missing


def margin_text(path: Path, page: int, top: bool, height: float, page_height: float) -> str:
    """What pdftotext reads in the top (or bottom) ``height`` points of a page: header or footer."""
    exe = require_tool("pdftotext")
    y = 0 if top else int(page_height - height)
    args = [exe, "-enc", "UTF-8", "-f", str(page), "-l", str(page), "-x", "0", "-y", str(y), "-W", "1000",
            "-H", str(int(height)), str(path), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
