"""Merge an editor's block texts into the memo's YAML by text patches on the source.

Patches replace only the words the editor changed, where the YAML wrote them, so comments, key
order, quoting, block scalars and the line folding of every untouched line stay byte-for-byte
(a YAML round trip, even ruamel.yaml's, re-folds and re-indents scalars it rewrites). Each block
is merged three ways at the word level: the text the DOCX recorded when memokit wrote it (base),
the editor's text and the YAML as it is now; an edit to words the YAML does not hold as they were
shown (a Jinja expression's value, an autolink, a number memokit added) is a conflict.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt

from memokit.source.located import Located, load_yaml_text

_WORD = re.compile(r"\S+")
_PATH = re.compile(r"([^.\[\]]+)|\[(\d+)\]")
JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)


def field_path(where: str) -> tuple[str | int, ...]:
    """'sections[0].body[1]' -> ('sections', 0, 'body', 1)."""
    return tuple(int(m.group(2)) if m.group(2) else m.group(1) for m in _PATH.finditer(where))


@dataclass
class Problem:
    """A conflict: where in the YAML, which block, and why."""

    line: int
    column: int
    field: str
    message: str


@dataclass
class Patches:
    """Character ranges of the source to replace, collected before any is applied."""

    source: str
    edits: list[tuple[int, int, str]] = field(default_factory=list)

    def apply(self) -> str:
        out = self.source
        for start, end, text in sorted(self.edits, key=lambda e: (e[0], e[1]), reverse=True):
            out = out[:start] + text + out[end:]
        return out


def value_at(doc: Located, path: tuple[str | int, ...]) -> object:
    value: object = doc.value
    for p in path:
        try:
            value = value[p]  # type: ignore[index]
        except (KeyError, IndexError, TypeError):
            return None
    return value


def _line_starts(text: str) -> list[int]:
    starts = [0]
    for m in re.finditer("\n", text):
        starts.append(m.end())
    return starts


def region(doc: Located, where: str, index: int) -> tuple[int, int] | str:
    """The source slice holding block ``index`` of the field ``where`` (the whole field for -1),
    or why it cannot be found."""
    path = field_path(where)
    origin = doc.texts.get(path)
    value = value_at(doc, path)
    if origin is None or not isinstance(value, str):
        return f"'{where}' is no longer a text in the YAML"
    start, end = origin.body(doc.source)
    if index < 0:
        return start, end
    paras = [t.map for t in MarkdownIt("commonmark").parse(value) if t.type == "paragraph_open"]
    if index >= len(paras) or paras[index] is None:
        return f"'{where}' no longer has paragraph {index + 1}"
    if len(paras) == 1:
        return start, end
    if origin.style != "|":
        return f"'{where}' holds several paragraphs in a style other than '|'"
    starts = [s for s in _line_starts(doc.source) if start <= s <= end]
    a, b = paras[index]  # type: ignore[misc]
    if b > len(starts):
        return f"'{where}' paragraph {index + 1} cannot be found"
    first = starts[a] + len(doc.source[starts[a]:end]) - len(doc.source[starts[a]:end].lstrip(" \t"))
    return first, (starts[b] - 1 if b < len(starts) else end)


def _mapping(a: list[str], b: list[str]) -> dict[int, int]:
    out: dict[int, int] = {}
    for blk in difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks():
        for k in range(blk.size):
            out[blk.a + k] = blk.b + k
    return out


def _joined(source: str, at: int, words: list[str]) -> str:
    """New words as the YAML writes them: spaces between, a line break ('\\' at a line's end)
    followed by a line indented as the text around it."""
    text = " ".join(words)
    if "\\" not in words:
        return text
    line_start = source.rfind("\n", 0, at) + 1
    indent = " " * len(_LEAD.match(source, line_start).group())  # type: ignore[union-attr]
    return text.replace("\\ ", "\\\n" + indent)


def _break_at_end(source: str, edit: tuple[int, int, str], words: list[tuple[str, int, int]],
                  ) -> tuple[int, int, str]:
    """An edit ending in a line break ('\\') continues on the next line, indented as the text."""
    start, end, text = edit
    if not text.rstrip().endswith("\\"):
        return edit
    nxt = next((w for w in words if w[1] >= end), None)
    if nxt is None:
        return edit
    line_start = source.rfind("\n", 0, nxt[1]) + 1
    indent = " " * len(_LEAD.match(source, line_start).group())  # type: ignore[union-attr]
    if source.rfind("\n", end, nxt[1]) >= 0:  # the next word already starts a line
        return edit
    return start, nxt[1], text.rstrip() + "\n" + indent


def merge_block(source: str, span: tuple[int, int], base: str, edited: str,
                patches: Patches) -> str | None:
    """Add the patches that turn the YAML's words of ``span`` as ``base`` became ``edited``;
    return why they cannot be added (None when they were)."""
    text = source[span[0]:span[1]]
    words = [(m.group(), span[0] + m.start(), span[0] + m.end()) for m in _WORD.finditer(text)]
    b_words, e_words = base.split(), edited.split()
    to_src = _mapping(b_words, [w for w, _, _ in words])
    if 2 * len(to_src) < len(b_words):  # not the block the DOCX showed: moved, or rewritten
        return ("the YAML no longer holds this block as the DOCX showed it (it changed or moved "
                "since the render); make the edit in the YAML")
    local: list[tuple[int, int, str]] = []
    ops = difflib.SequenceMatcher(None, b_words, e_words, autojunk=False).get_opcodes()
    for tag, i1, i2, j1, j2 in ops:
        if tag == "equal":
            continue
        new = _joined(source, span[0], e_words[j1:j2])
        if i1 < i2:
            idx = [to_src.get(i) for i in range(i1, i2)]
            if None in idx or idx != list(range(idx[0], idx[0] + len(idx))):  # type: ignore[operator]
                return _why(source, span, b_words[i1:i2])
            first, last = words[idx[0]], words[idx[-1]]  # type: ignore[index]
            if new:
                local.append((first[1], last[2], new))
            elif idx[-1] + 1 < len(words):  # type: ignore[operator]
                local.append((first[1], words[idx[-1] + 1][1], ""))  # type: ignore[operator]
            elif idx[0] > 0:  # type: ignore[operator]
                local.append((words[idx[0] - 1][2], last[2], ""))  # type: ignore[operator]
            else:
                local.append((first[1], last[2], ""))
        elif i1 > 0 and (i1 - 1) in to_src:
            local.append((words[to_src[i1 - 1]][2], words[to_src[i1 - 1]][2], " " + new))
        elif i1 in to_src:
            local.append((words[to_src[i1]][1], words[to_src[i1]][1], new + " "))
        else:
            return _why(source, span, b_words[max(0, i1 - 1):i1 + 1])
    patches.edits.extend(_break_at_end(source, e, words) for e in local)
    return None


def _why(source: str, span: tuple[int, int], shown: list[str]) -> str:
    text = source[span[0]:span[1]]
    jinja = JINJA.search(text)
    what = " ".join(shown)[:60]
    if jinja:
        return (f"the edited words '{what}' come from a Jinja expression or are not written in the "
                f"YAML as shown (the text holds {jinja.group()[:50]!r}); edit the YAML or its data")
    return (f"the edited words '{what}' are not written in the YAML as the DOCX showed them "
            "(generated by memokit, or the YAML changed since the render); edit the YAML")


_LEAD = re.compile(r"[ \t]*(?:(?:[-*+]|\d{1,9}[.)]) +|(?:> ?)+)?")


def insert_paragraph(source: str, after: tuple[int, int], text: str, patches: Patches) -> None:
    """A new paragraph after the lines of ``after``, written as they are: indented alike, the next
    item of their list, or a paragraph of their quote."""
    line_start = source.rfind("\n", 0, after[0]) + 1
    lead = _LEAD.match(source, line_start).group()  # type: ignore[union-attr]
    marker = lead.strip()
    if marker.startswith(">"):
        gap = "\n" + lead.rstrip()
    elif marker:
        gap = ""  # the list's next item, the list staying as tight as it was
    else:
        gap = "\n"
    patches.edits.append((after[1], after[1], f"{gap}\n{lead}{text}"))


def delete_paragraph(source: str, span: tuple[int, int], patches: Patches) -> None:
    """Remove the paragraph's lines and the blank line after (or, for the last, before) them."""
    start = source.rfind("\n", 0, span[0]) + 1
    end = span[1]
    after = re.match(r"\n[ \t]*\n", source[end:])
    before = re.search(r"\n[ \t]*\n\Z", source[:start])
    if after:
        end += after.end() - 1
    elif before:
        start = before.start() + 1
    patches.edits.append((start, end + 1 if end < len(source) else end, ""))


def lines_of(source: str, span: tuple[int, int]) -> str:
    """The whole lines of ``span``, indentation included."""
    return source[source.rfind("\n", 0, span[0]) + 1:span[1]]


def movable(source: str, span: tuple[int, int], to: tuple[int, int] | str) -> str | None:
    """Why the paragraph at ``span`` cannot be moved after the one at ``to`` (None: it can)."""
    if isinstance(to, str):
        return to
    a = _LEAD.match(source, source.rfind("\n", 0, span[0]) + 1).group()  # type: ignore[union-attr]
    b = _LEAD.match(source, source.rfind("\n", 0, to[0]) + 1).group()  # type: ignore[union-attr]
    if a.strip() or b.strip():
        return ("moves of quote paragraphs, and of paragraphs into or out of lists, are not "
                "brought back; move it in the YAML")
    if a != b:
        return "it moved to text indented otherwise in the YAML; move it in the YAML"
    return None


def delete_entry(doc: Located, where: str, patches: Patches) -> str | None:
    """Remove a mapping entry (a footnote's id and text) whole, lines and all; why not, if not."""
    path = field_path(where)
    parent = value_at(doc, path[:-1])
    origin = doc.texts.get(path)
    if path not in doc.keys or origin is None or not isinstance(parent, dict):
        return f"'{where}' is not a text of its own in the YAML"
    if len(parent) < 2:
        return f"'{where}' is the only entry of its mapping; delete the mapping in the YAML"
    line, _ = doc.keys[path]
    starts = _line_starts(doc.source)
    start = starts[line - 1]
    end = doc.source.find("\n", max(origin.end - 1, start))
    patches.edits.append((start, len(doc.source) if end < 0 else end + 1, ""))
    return None


def reparse(text: str, file: str) -> Located:
    return load_yaml_text(text, file)


def inline_notes(text: str) -> list[tuple[int, int]]:
    """(start, end) of each '^[...]' note in Markdown ``text`` (brackets inside it balanced)."""
    out = []
    i = text.find("^[")
    while i >= 0:
        depth, j = 0, i + 1
        while j < len(text):
            if text[j] == "\\":
                j += 2
                continue
            depth += {"[": 1, "]": -1}.get(text[j], 0)
            if depth == 0:
                break
            j += 1
        if depth:
            break
        out.append((i, j + 1))
        i = text.find("^[", j + 1)
    return out


class FreshNotes:
    """New footnotes written with ids, as the memo's own are: '[^note-1]' in the text and an
    entry appended under 'footnotes:' (only for a memo that has such entries)."""

    def __init__(self, doc: Located):
        self.doc = doc
        notes = value_at(doc, ("footnotes",))
        self.keys = [k for k in notes] if isinstance(notes, dict) else []
        self.entries: list[tuple[str, str]] = []

    def rewrite(self, base: str, now: str) -> str:
        """``now`` with each inline note not in ``base`` turned into a reference to a new entry."""
        if not self.keys:
            return now
        old = [base[x:y] for x, y in inline_notes(base)]
        spans = inline_notes(now)
        added: set[int] = set()  # the notes of ``now`` that are new (an edited one stays inline)
        matcher = difflib.SequenceMatcher(None, old, [now[x:y] for x, y in spans], autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag in ("insert", "replace"):
                added.update(range(j1 + (i2 - i1 if tag == "replace" else 0), j2))
        out, last = [], 0
        for k, (a, b) in enumerate(spans):
            note = now[a:b]
            if k not in added:
                continue
            n = len(self.keys) + 1
            while f"note-{n}" in self.keys:
                n += 1
            self.keys.append(f"note-{n}")
            self.entries.append((f"note-{n}", note[2:-1].strip()))
            out += [now[last:a], f"[^note-{n}]"]
            last = b
        return "".join(out) + now[last:]

    def patch(self, patches: Patches) -> None:
        if not self.entries:
            return
        last = max(self.keys[:len(self.keys) - len(self.entries)],
                   key=lambda k: self.doc.keys.get(("footnotes", k), (0, 0)))
        origin = self.doc.texts.get(("footnotes", last))
        line, col = self.doc.keys.get(("footnotes", last), (1, 1))
        if origin is None:
            return
        end = origin.end
        while end > 0 and self.doc.source[end - 1] in "\n \t":
            end -= 1
        text = "".join(f"\n{' ' * (col - 1)}{k}: {_scalar(v)}" for k, v in self.entries)
        patches.edits.append((end, end, text))


def _scalar(text: str) -> str:
    """``text`` as a plain YAML scalar when it reads back as itself, else double-quoted."""
    import json

    import yaml

    try:
        if yaml.safe_load(f"k: {text}") == {"k": text}:
            return text
    except yaml.YAMLError:
        pass
    return json.dumps(text, ensure_ascii=False)
