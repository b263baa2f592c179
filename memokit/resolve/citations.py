"""Citations formatted once for every writer: in a notes style each citation becomes a footnote
(numbered with the others in reading order) or joins the footnote it stands in; in an author-date
style it becomes :class:`Cited` text. The cited sources become ``Memo.references``.

The formatting itself is the engine's (:func:`memokit.cite.engine.format_citations`)."""

from __future__ import annotations

import re
from dataclasses import replace

from memokit.cite.engine import CiteRequest, EngineError, format_citations
from memokit.errors import Diagnostic
from memokit.load.citations import CiteSetup
from memokit.model import Citation, Cited, Inline, Memo, Note, References, Text
from memokit.model.walk import descendants, rewrite

# the words a style's 'ibid.' term starts with (en, fr, de, ...), lower case inside a sentence
_IBID = re.compile(r"^(Ibid|Ebd|Id|Idem|Ead|Eid|Ibíd|Ivi)\b")
# a citation ending in one of these keeps its period inside a sentence ('ibid., 4' / 'ibid. and')
_ABBREVIATION = re.compile(r"(?:^|[\s(])(?:ibid|ebd|id|ed|eds|trans|al|n\.d|hg|hrsg|éd|dir|coord|ibíd)\.$",
                           re.I)


def wrap_notes(memo: Memo, setup: CiteSetup) -> Memo:
    """In a notes style, each citation outside a footnote wrapped in a footnote of its own (so the
    numbering counts it); the memo as it is in an author-date style."""
    if not setup.style.notes:
        return memo
    inside = {id(c) for n in descendants(memo) if isinstance(n, Note)
              for c in descendants(n.children) if isinstance(c, Citation)}

    def visit(node: object) -> object:
        if isinstance(node, Citation) and id(node) not in inside:
            inside.add(id(node))
            return Note(0, (node,))
        return node

    return rewrite(memo, visit)


def format_memo(memo: Memo, setup: CiteSetup) -> tuple[Memo, list[Diagnostic]]:
    """Every Citation of the numbered ``memo`` replaced by its formatted text, and the references
    set; a located error when the engine fails."""
    note_of: dict[int, int] = {}
    for n in descendants(memo):
        if isinstance(n, Note):
            for c in descendants(n.children):
                if isinstance(c, Citation):
                    note_of[id(c)] = n.number
    cites = [c for c in descendants(memo) if isinstance(c, Citation)]
    if not cites:
        return memo, []
    requests = [CiteRequest(c.items, note_of.get(id(c), 0), c.in_text) for c in cites]
    try:
        done = format_citations(requests, setup.bibliography, setup.style, setup.language)
    except EngineError as exc:
        return memo, [Diagnostic.at(setup.span, f"{exc}; the citations could not be formatted")]
    text = {id(c): f for c, f in zip(cites, done.citations)}

    def visit(node: object) -> object:
        if isinstance(node, Note) and any(isinstance(c, Citation) for c in node.children):
            return replace(node, children=_joined(node.children, text))
        if isinstance(node, Citation):  # author-date: in the text
            return Cited(text.get(id(node), ()), tuple(i.key for i in node.items))
        return node

    memo = rewrite(memo, visit)
    if setup.references:
        memo = replace(memo, references=References(
            "bibliography" if setup.style.notes else "references",
            tuple(e for _, e in done.bibliography), tuple(k for k, _ in done.bibliography)))
    return memo, []


def _joined(children: tuple[Inline, ...], text: dict[int, tuple[Inline, ...]]) -> tuple[Inline, ...]:
    """A footnote's inlines with each citation's text in its place: 'ibid.' lower case inside a
    sentence, and the citation's closing period dropped before the note's own punctuation."""
    out: list[Inline] = []
    for i, child in enumerate(children):
        if not isinstance(child, Citation):
            _add(out, child)
            continue
        got = list(text.get(id(child), ()))
        before = "".join(x.text for x in out if isinstance(x, Text)).rstrip()
        if before and not before.endswith((".", "!", "?")) and got and isinstance(got[0], Text) \
                and _IBID.match(got[0].text):
            got[0] = Text(got[0].text[0].lower() + got[0].text[1:])
        rest = children[i + 1:]
        follows = "".join(x.text for x in rest if isinstance(x, Text)).strip() or bool(rest)
        if follows and got and isinstance(got[-1], Text) and got[-1].text.endswith(".") and (
                str(follows).startswith(".") or not _ABBREVIATION.search(got[-1].text)):
            got[-1] = Text(got[-1].text[:-1])  # the note goes on: not the period of 'ibid.'
        for x in got:
            _add(out, x)
    return tuple(out)


def _add(out: list[Inline], node: Inline) -> None:
    if isinstance(node, Text) and out and isinstance(out[-1], Text):
        out[-1] = Text(out[-1].text + node.text)
    else:
        out.append(node)
