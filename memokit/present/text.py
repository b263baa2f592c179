"""The plain text of inlines, as a reader sees it."""

from __future__ import annotations

from memokit.model.nodes import Cited, Code, Emph, Inline, LineBreak, Link, Ref, Span, Strong, Text
from memokit.present.sections import ref_text
from memokit.style.theme import Labels


def plain_text(inlines: tuple[Inline, ...], labels: Labels) -> str:
    """The text a reader sees, without footnote numbers; a cross-reference shows its label."""
    out: list[str] = []
    for node in inlines:
        if isinstance(node, (Text, Code)):
            out.append(node.text)
        elif isinstance(node, (Emph, Strong, Link, Span, Cited)):
            out.append(plain_text(node.children, labels))
        elif isinstance(node, LineBreak):
            out.append(" ")
        elif isinstance(node, Ref):
            out.append(ref_text(node, labels))
    return "".join(out)
