"""markdown-it's flat token stream -> a tree of model blocks and inlines."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from markdown_it.token import Token

from memokit.inline.rules import markdown
from memokit.model import (
    Block,
    BulletList,
    Code,
    Emph,
    Inline,
    LineBreak,
    Link,
    ListItem,
    OrderedList,
    Paragraph,
    Quote,
    Span,
    Strong,
    Text,
)

MAX_MARKUP_NESTING = 20  # lists, quotes, emphasis and links one inside the other
MAX_PARAGRAPH = 20_000  # characters of one paragraph (the PDF breaks it into lines at once)


def _too_deep(offset: int = 0) -> MarkupProblem:
    return MarkupProblem(f"lists, quotes, emphasis or links are nested more than "
                         f"{MAX_MARKUP_NESTING} deep here; write them with less nesting", offset)


class MarkupProblem(Exception):
    """Markdown the format does not allow here; ``offset`` into the source text."""

    def __init__(self, message: str, offset: int = 0):
        super().__init__(message)
        self.message = message
        self.offset = offset


@dataclass
class Callbacks:
    """How the builder turns notes and cross-references into numbered nodes."""

    note: Callable[[str | None, tuple[Inline, ...], int], Inline | None]
    ref: Callable[[str, str, int], Inline | None]
    forbidden_note: Callable[[int], None] | None = None  # set where notes are not allowed
    nested_note: Callable[[int], None] | None = None  # a note inside an inline note
    locate: Callable[[int], int] = lambda offset: offset  # a token's offset -> one into the text
    # a citation's items (prefix, key, suffix, '-', offset) and whether it is narrative -> a node
    cite: Callable[[list[dict[str, object]], bool, int], Inline | None] | None = None
    cite_keys: frozenset[str] | None = None  # the bibliography's keys (None: the memo has none)


def _env(cb: Callbacks) -> dict[str, object]:
    """What the inline rules see: the bibliography's keys when the memo has one."""
    return {"cite_keys": cb.cite_keys} if cb.cite_keys is not None else {}


_UNSUPPORTED = {
    "heading_open": "headings are not allowed in body text; start a new section with 'heading:'",
    "lheading_open": "headings are not allowed in body text; start a new section with 'heading:'",
    "code_block": "indented code blocks are not supported; remove the four leading spaces",
    "fence": "code blocks are not supported; write the text as a paragraph",
    "hr": "horizontal rules are not supported; remove the '---' line",
}


_NOT_HERE = {
    "image_syntax": "pictures are not written in text; show the picture file as a figure: a "
                    "'figure:' block with 'image:' naming the file (and 'id', 'caption', 'alt')",
    "citation_syntax": "citations ('[@key]') need a bibliography: name your .bib, .json or .yaml "
                       "file under 'bibliography:', or give the source in a footnote: "
                       "^[Author, Title, year.]",
}


def parse_inline(text: str, cb: Callbacks) -> tuple[Inline, ...]:
    """One run of inline Markdown (captions, lede, notes, cells)."""
    md = markdown()
    lead = len(text) - len(text.lstrip())
    tokens = md.parseInline(text.strip(), _env(cb))
    children = tokens[0].children or [] if tokens else []
    return _inlines(children, _shifted(cb, lambda offset: offset + lead))


def parse_blocks(text: str, cb: Callbacks) -> tuple[Block, ...]:
    """Paragraphs, lists and quotes from a body string."""
    tokens = markdown().parse(text, _env(cb))
    blocks, _ = _blocks(tokens, 0, None, cb, _Lines(text))
    return tuple(blocks)


class _Lines:
    """Maps offsets in a paragraph's inline content back to offsets in the body text."""

    def __init__(self, text: str):
        self.lines = text.split("\n")
        self.starts = [0]
        for line in self.lines[:-1]:
            self.starts.append(self.starts[-1] + len(line) + 1)

    def line_start(self, line: int) -> int:
        """Offset of the first non-blank character of a line (0-based)."""
        line = min(line, len(self.lines) - 1)
        src = self.lines[line]
        return self.starts[line] + len(src) - len(src.lstrip())

    def locator(self, token: Token) -> Callable[[int], int]:
        first = token.map[0] if token.map else 0
        content = token.content.split("\n")

        def locate(offset: int) -> int:
            nl = token.content.count("\n", 0, offset)
            col = offset - (sum(len(c) + 1 for c in content[:nl]))
            line = min(first + nl, len(self.lines) - 1)
            src, got = self.lines[line].rstrip(), content[min(nl, len(content) - 1)].rstrip()
            k = len(src) - len(got) if src.endswith(got) else max(src.find(got), 0)
            return self.starts[line] + k + col

        return locate


def _shifted(cb: Callbacks, locate: Callable[[int], int]) -> Callbacks:
    """The same callbacks, given offsets into the author's text instead of a token's content."""
    return Callbacks(
        lambda i, kids, offset: cb.note(i, kids, locate(offset)),
        lambda kind, target, offset: cb.ref(kind, target, locate(offset)),
        (lambda offset: cb.forbidden_note(locate(offset))) if cb.forbidden_note else None,  # type: ignore[misc]
        (lambda offset: cb.nested_note(locate(offset))) if cb.nested_note else None,  # type: ignore[misc]
        lambda offset: cb.locate(locate(offset)),
        (lambda items, in_text, offset: cb.cite(  # type: ignore[misc]
            [{**i, "offset": locate(int(i["offset"]))} for i in items], in_text, locate(offset)))
        if cb.cite else None,
        cb.cite_keys,
    )


def _blocks(tokens: list[Token], i: int, close: str | None, cb: Callbacks, lines: _Lines,
            depth: int = 0) -> tuple[list[Block], int]:
    out: list[Block] = []
    if depth > MAX_MARKUP_NESTING:
        t = tokens[i] if i < len(tokens) else None
        raise _too_deep(lines.line_start(t.map[0] if t is not None and t.map else 0))
    while i < len(tokens):
        t = tokens[i]
        if close and t.type == close:
            return out, i + 1
        if t.type in _UNSUPPORTED:
            raise MarkupProblem(_UNSUPPORTED[t.type], lines.line_start(t.map[0] if t.map else 0))
        if t.type == "paragraph_open":
            inline = tokens[i + 1]
            if len(inline.content) > MAX_PARAGRAPH:
                raise MarkupProblem(f"a paragraph of {len(inline.content):,} characters, more than "
                                    f"the limit of {MAX_PARAGRAPH:,}; break it into paragraphs (a "
                                    "blank line between them)",
                                    lines.line_start(t.map[0] if t.map else 0))
            out.append(Paragraph(_inlines(inline.children or [], _shifted(cb, lines.locator(inline)))))
            i += 3
        elif t.type in ("bullet_list_open", "ordered_list_open"):
            items: list[ListItem] = []
            end = t.type.replace("_open", "_close")
            i += 1
            while tokens[i].type != end:
                sub, i = _blocks(tokens, i + 1, "list_item_close", cb, lines, depth + 1)
                items.append(ListItem(tuple(sub)))
            i += 1
            if t.type == "bullet_list_open":
                out.append(BulletList(tuple(items)))
            else:
                out.append(OrderedList(tuple(items), int(t.attrGet("start") or 1)))
        elif t.type == "blockquote_open":
            sub, i = _blocks(tokens, i + 1, "blockquote_close", cb, lines, depth + 1)
            out.append(Quote(tuple(sub)))
        elif t.type == "html_block":
            raise MarkupProblem("raw HTML is not allowed; write Markdown",
                                lines.line_start(t.map[0] if t.map else 0))
        else:
            i += 1
    return out, i


def _inlines(tokens: list[Token], cb: Callbacks, depth: int = 0) -> tuple[Inline, ...]:
    stack: list[tuple[str, list[Inline], str]] = [("root", [], "")]
    for t in tokens:
        if len(stack) + depth > MAX_MARKUP_NESTING:
            raise _too_deep(cb.locate(int(t.meta.get("offset", 0)) if t.meta else 0))
        cur = stack[-1][1]
        typ = t.type
        if typ == "text":
            if t.content:
                _add_text(cur, t.content)
        elif typ == "softbreak":
            _add_text(cur, " ")
        elif typ == "hardbreak":
            cur.append(LineBreak())
        elif typ == "code_inline":
            cur.append(Code(t.content))
        elif typ in ("em_open", "strong_open"):
            stack.append((typ, [], ""))
        elif typ == "link_open":
            stack.append((typ, [], str(t.attrGet("href") or "")))
        elif typ in ("em_close", "strong_close", "link_close"):
            kind, kids, href = stack.pop()
            node: Inline
            if kind == "em_open":
                node = Emph(tuple(kids))
            elif kind == "strong_open":
                node = Strong(tuple(kids))
            else:
                node = Link(href, tuple(kids))
            stack[-1][1].append(node)
        elif typ == "note_ref":
            _note(cur, cb, t.meta["id"], (), t.meta["offset"])
        elif typ == "inline_note":
            inner = Callbacks(cb.note, cb.ref, cb.forbidden_note or cb.nested_note or _ignore,
                              locate=cb.locate, cite=cb.cite, cite_keys=cb.cite_keys)
            kids = _inlines(t.children or [], inner, depth + len(stack))
            _note(cur, cb, None, kids, t.meta["offset"])
        elif typ == "xref":
            node_ = cb.ref(t.meta["kind"], t.meta["id"], t.meta["offset"])
            if node_ is not None:
                cur.append(node_)
        elif typ == "citation":
            if cb.cite is not None:
                node_ = cb.cite(t.meta["items"], bool(t.meta["in_text"]), int(t.meta["offset"]))
                if node_ is not None:
                    cur.append(node_)
        elif typ == "span":
            kids = _inlines(t.children or [], cb, depth + len(stack))
            cur.append(Span(str(t.meta["lang"]), kids))
        elif typ == "span_syntax":
            raise MarkupProblem(str(t.meta["message"]), cb.locate(int(t.meta["offset"])))
        elif typ == "html_inline":
            _add_text(cur, t.content)
        elif typ in _NOT_HERE:
            raise MarkupProblem(str(t.meta.get("message") or _NOT_HERE[typ]),
                                cb.locate(int(t.meta["offset"])))
    while len(stack) > 1:  # unbalanced (cannot happen with markdown-it); keep the text
        _, kids, _ = stack.pop()
        stack[-1][1].extend(kids)
    return tuple(stack[0][1])


def _note(cur: list[Inline], cb: Callbacks, note_id: str | None, kids: tuple[Inline, ...],
          offset: int) -> None:
    if cb.forbidden_note is not None:
        cb.forbidden_note(offset)
        return
    node = cb.note(note_id, kids, offset)
    if node is not None:
        cur.append(node)


def _ignore(offset: int) -> None:
    return None


def _add_text(cur: list[Inline], text: str) -> None:
    if cur and isinstance(cur[-1], Text):
        cur[-1] = Text(cur[-1].text + text)
    else:
        cur.append(Text(text))
