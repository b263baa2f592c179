"""Inline rules markdown-it lacks: ``^[inline notes]``, ``[^id]`` and ``@fig:id`` / ``@tbl:id`` /
``@box:id`` / ``@sec:id``; ``[text]{lang=fr}`` spans; and two that only find syntax the format does
not take (``![image](file)``, ``[@citation]``), so it is an error where it was written instead of
text printed as written."""

from __future__ import annotations

import re
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.helpers import parseLinkLabel
from markdown_it.rules_inline import StateInline

_NOTE_REF = re.compile(r"\[\^([A-Za-z0-9_-]+)\]")
XREF_KINDS = {"fig": "figure", "tbl": "table", "box": "box", "sec": "section"}  # '@tag:id' -> Ref.kind
_XREF = re.compile(r"@(fig|tbl|box|sec):([A-Za-z0-9_]+(?:-[A-Za-z0-9_]+)*)")
# pandoc's citation: '[' then anything, a key after the start, a space or ';', '@' and a letter,
# digit or '_' (so an e-mail address in brackets is not one), then anything, ']'
_CITATION = re.compile(r"\[(?:[^\[\]]*?[\s;])?-?@[A-Za-z0-9_][^\[\]]*\]")


def note_ref(state: StateInline, silent: bool) -> bool:
    """``[^id]``: a reference to a note defined under ``footnotes:``."""
    if not state.src.startswith("[^", state.pos):
        return False
    m = _NOTE_REF.match(state.src, state.pos)
    if not m:
        return False
    if not silent:
        tok = state.push("note_ref", "", 0)
        tok.meta = {"id": m.group(1), "offset": state.pos}
    state.pos = m.end()
    return True


def inline_note(state: StateInline, silent: bool) -> bool:
    """``^[text]``: a footnote written in place."""
    start = state.pos
    if not state.src.startswith("^[", start):
        return False
    end = parseLinkLabel(state, start + 1)
    if end < 0:
        return False
    if not silent:
        children: list = []
        state.md.inline.parse(state.src[start + 2: end], state.md, state.env, children)
        _shift(children, start + 2)
        tok = state.push("inline_note", "", 0)
        tok.children = children
        tok.meta = {"offset": start}
    state.pos = end + 1
    return True


def _shift(tokens: list, by: int) -> None:
    """Offsets of tokens parsed from a substring, made relative to the whole text."""
    for tok in tokens:
        if tok.meta and "offset" in tok.meta:
            tok.meta["offset"] += by
            for item in tok.meta.get("items", ()):
                item["offset"] += by
        if tok.children:
            _shift(tok.children, by)


MAX_LANG_TAG = 35  # characters of a span's language tag (BCP 47 allows this much in practice)
_LANG_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")
_ATTRS = re.compile(r"\{([^{}\n]{0,200})\}")
_LANG_ATTR = re.compile(r"""\s*lang=(?:"([^"]*)"|'([^']*)'|([^\s"']*))\s*""")
SPAN_ACCEPTS = ("a span takes one attribute, lang=TAG, with a language tag such as fr, de-CH, "
                f"sv or ar (letters, digits and hyphens, at most {MAX_LANG_TAG} characters): "
                "[texte]{lang=fr}")


def span_problem(attrs: str) -> tuple[str | None, str | None]:
    """The language tag of a span's ``{...}``, or why it cannot be one."""
    m = _LANG_ATTR.fullmatch(attrs)
    if not m:
        return None, f"'{{{attrs}}}' is not a span's attributes; {SPAN_ACCEPTS}"
    tag = next(g for g in m.groups() if g is not None)
    if len(tag) > MAX_LANG_TAG or not _LANG_TAG.fullmatch(tag):
        return None, f"'{tag[:MAX_LANG_TAG + 5]}' is not a language tag; {SPAN_ACCEPTS}"
    return tag, None


def span(state: StateInline, silent: bool) -> bool:
    """``[text]{lang=fr}``: a phrase in another language (pandoc's bracketed span)."""
    start = state.pos
    if state.src[start] != "[" or state.src.startswith("[^", start):
        return False
    end = parseLinkLabel(state, start)
    if end < 0:
        return False
    m = _ATTRS.match(state.src, end + 1)
    if not m:
        return False
    if not silent:
        tag, problem = span_problem(m.group(1))
        if problem is not None:
            tok = state.push("span_syntax", "", 0)
            tok.meta = {"offset": end + 1, "message": problem}
        else:
            children: list = []
            state.md.inline.parse(state.src[start + 1: end], state.md, state.env, children)
            _shift(children, start + 1)
            tok = state.push("span", "", 0)
            tok.children = children
            tok.meta = {"offset": start, "lang": tag}
    state.pos = m.end()
    return True


def image(state: StateInline, silent: bool) -> bool:
    """``![text](target)``: found only to be reported (pictures are figures)."""
    pos = state.pos
    if not state.src.startswith("![", pos):
        return False
    end = parseLinkLabel(state, pos + 1)
    if end < 0 or not state.src.startswith("(", end + 1):
        return False
    if not silent:
        tok = state.push("image_syntax", "", 0)
        tok.meta = {"offset": pos}
    state.pos = end + 1
    return True


# a citation key as pandoc reads it: a letter, digit or '_', then word characters, with single
# inner punctuation ('smith:2020', 'un.2005'); a trailing '.' or ':' ends the sentence, not the key
CITE_KEY = r"[A-Za-z0-9_]\w*(?:[:.#$%&+?<>~/-]\w+)*"
_ITEM = re.compile(rf"^(?P<prefix>.*?)(?:(?<=\s)|^)(?P<minus>-?)@(?P<key>{CITE_KEY})(?P<suffix>.*)$", re.S)


def cite_items(body: str, offset: int) -> list[dict[str, object]] | None:
    """The items of a bracketed citation's text (``see @a, p. 3; @b``), each with its prefix, key,
    suffix (the locator after the comma), '-' and the key's offset; None when a part has no key."""
    items: list[dict[str, object]] = []
    start = 0
    for part in body.split(";"):
        m = _ITEM.match(part)
        if m is None:
            return None
        suffix = m.group("suffix").strip()
        items.append({"prefix": m.group("prefix").strip(), "key": m.group("key"),
                      "suffix": suffix[1:].strip() if suffix.startswith(",") else suffix,
                      "minus": bool(m.group("minus")), "offset": offset + start + m.start("key") - 1})
        start += len(part) + 1
    return items


def citation(state: StateInline, silent: bool) -> bool:
    """``[@key]``, ``[see @key, p. 3; @other]``, ``[-@key]``: a citation when the memo has a
    bibliography (``env['cite_keys']``), else found only to be reported."""
    if state.src[state.pos] != "[" or state.src.startswith("[^", state.pos):
        return False
    m = _CITATION.match(state.src, state.pos)
    if not m or state.src.startswith("(", m.end()):  # a link whose text holds an '@'
        return False
    cites = isinstance(state.env, dict) and state.env.get("cite_keys") is not None
    items = cite_items(m.group()[1:-1], state.pos + 1) if cites else None
    if not silent:
        if items is None:
            tok = state.push("citation_syntax", "", 0)
            tok.meta = {"offset": state.pos}
            if cites:
                tok.meta["message"] = ("each part of a citation (between ';') needs a key after a "
                                       "space: [see @smith2020, p. 3; @doe2019]")
        else:
            tok = state.push("citation", "", 0)
            tok.meta = {"offset": state.pos, "items": items, "in_text": False}
    state.pos = m.end()
    return True


_NARRATIVE = re.compile(rf"@({CITE_KEY})")
_NARRATIVE_SUFFIX = re.compile(r" ?\[([^\[\]@^]*)\](?![(\[{])")  # '@key [p. 12]', not a link


def narrative(state: StateInline, silent: bool) -> bool:
    """``@key`` in running text ('@smith2020 shows', '@smith2020 [p. 3] shows'), only after a space,
    '(' or the start, and only for a key of the memo's bibliography (so e-mail addresses and handles
    stay text)."""
    pos = state.pos
    keys = state.env.get("cite_keys") if isinstance(state.env, dict) else None
    if state.src[pos] != "@" or not keys:
        return False
    if pos > 0 and not (state.src[pos - 1].isspace() or state.src[pos - 1] == "("):
        return False
    m = _NARRATIVE.match(state.src, pos)
    if not m or m.group(1) not in keys:
        return False
    end, suffix = m.end(), ""
    after = _NARRATIVE_SUFFIX.match(state.src, end)
    if after is not None:
        end, suffix = after.end(), after.group(1).strip()
    if not silent:
        tok = state.push("citation", "", 0)
        tok.meta = {"offset": pos, "in_text": True, "items": [
            {"prefix": "", "key": m.group(1), "suffix": suffix, "minus": False, "offset": pos}]}
    state.pos = end
    return True


def xref(state: StateInline, silent: bool) -> bool:
    """``@fig:id``, ``@tbl:id``, ``@box:id`` or ``@sec:id``, not inside a word or an e-mail address."""
    pos = state.pos
    if state.src[pos] != "@":
        return False
    if pos > 0 and (state.src[pos - 1].isalnum() or state.src[pos - 1] in "._-"):
        return False
    m = _XREF.match(state.src, pos)
    if not m:
        return False
    if not silent:
        tok = state.push("xref", "", 0)
        tok.meta = {"kind": XREF_KINDS[m.group(1)], "id": m.group(2), "offset": pos}
    state.pos = m.end()
    return True


@lru_cache(maxsize=1)
def markdown() -> MarkdownIt:
    """CommonMark, raw HTML off, typographer off (text passes as written), plus our rules."""
    md = MarkdownIt("commonmark", {"html": False, "typographer": False, "linkify": False})
    md.inline.ruler.before("link", "note_ref", note_ref)
    md.inline.ruler.before("link", "inline_note", inline_note)
    md.inline.ruler.before("link", "xref", xref)
    md.inline.ruler.before("link", "citation", citation)
    md.inline.ruler.before("link", "narrative", narrative)
    md.inline.ruler.before("link", "span", span)
    md.inline.ruler.before("image", "image_syntax", image)
    md.disable(["image"])
    return md
