"""pandoc's JSON inlines -> memokit inline nodes, once, so both writers show the same citation.

Italics, bold and links are kept; small caps, underlines, superscripts, subscripts and spans keep
their text only; an italic phrase inside italics turns roman (a book title inside an italic title);
quotation marks ``Quoted`` would carry are the memo language's (pandoc's citeproc normally gives
them as characters already)."""

from __future__ import annotations

from typing import Any

from memokit import lang
from memokit.model import Code, Emph, Inline, LineBreak, Link, Strong, Text

MAX_DEPTH = 40  # nesting in one formatted citation (styles nest a few levels)


def inlines(items: list[Any], language: str, italic: bool = False, depth: int = 0) -> tuple[Inline, ...]:
    """The memokit inlines for a list of pandoc inlines."""
    out: list[Inline] = []
    for item in items:
        for node in _one(item, language, italic, depth):
            if isinstance(node, Text) and out and isinstance(out[-1], Text):
                out[-1] = Text(out[-1].text + node.text)
            elif not (isinstance(node, Text) and not node.text):
                out.append(node)
    return tuple(out)


def _one(item: Any, language: str, italic: bool, depth: int) -> tuple[Inline, ...]:
    if not isinstance(item, dict) or depth > MAX_DEPTH:
        return ()
    t, c = item.get("t"), item.get("c")
    if t == "Str":
        return (Text(str(c)),)
    if t in ("Space", "SoftBreak"):
        return (Text(" "),)
    if t == "LineBreak":
        return (LineBreak(),)
    if t == "Code":
        return (Code(str(c[1])),)
    kids = lambda xs, it=italic: inlines(xs, language, it, depth + 1)  # noqa: E731
    if t == "Emph":
        # an italic phrase inside italics is set roman
        return kids(c, False) if italic else (Emph(kids(c, True)),)
    if t == "Strong":
        return (Strong(kids(c)),)
    if t in ("SmallCaps", "Underline", "Superscript", "Subscript", "Strikeout"):
        return kids(c)
    if t == "Span":
        return kids(c[1])
    if t == "Link":
        return (Link(str(c[2][0]), kids(c[1])),)
    if t == "Quoted":
        double = isinstance(c[0], dict) and c[0].get("t") == "DoubleQuote"
        start, end = lang.quotes(language) if double else ("\u2018", "\u2019")
        return (Text(start), *kids(c[1]), Text(end))
    if t == "Cite":
        return kids(c[1])
    if t == "Note":  # a note pandoc made around a citation: its first paragraph's text
        return tuple(x for block in c if block.get("t") in ("Para", "Plain") for x in kids(block["c"]))
    return ()


def plain(items: tuple[Inline, ...]) -> str:
    """The text of formatted inlines (for tests and messages)."""
    out: list[str] = []
    for node in items:
        if isinstance(node, (Text, Code)):
            out.append(node.text)
        elif isinstance(node, LineBreak):
            out.append(" ")
        elif hasattr(node, "children"):
            out.append(plain(node.children))  # type: ignore[attr-defined]
    return "".join(out)
