"""Model inlines -> reportlab Paragraph markup, with every piece of user text escaped.

reportlab parses Paragraph text as XML-ish markup: ``R&D`` silently turns into
``R&D;`` and ``x<y`` raises, so text from the memo only ever enters markup
through :func:`esc`. Characters the current family lacks are set in the symbol
family. Footnote references carry an ``onDraw`` marker (``fn``) so the page
machinery knows which notes a (possibly split) paragraph part cites; figure and
table references carry one (``ref``) so the writer can check float distances.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from memokit.model.nodes import Cited, Code, Emph, Inline, LineBreak, Link, Note, Ref, Span, Strong, Text
from memokit.present import NBSP, EndMark, NoteSeparator, ref_text, section_key, separate_notes
from memokit.present.sections import Form
from memokit.style.theme import Labels
from memokit.writers.pdf.bidi import shape
from memokit.writers.pdf.fonts import Family, FontSet

NOTE_MARK = "fn"  # onDraw name of a footnote reference
NNBSP = "\u202f"  # narrow no-break space
LANG_MARK = "lang"  # onDraw name of the start (label: the language) and end (no label) of a phrase
REF_MARK = "ref"  # onDraw name of a figure/table cross-reference


def esc(text: str) -> str:
    """Text -> markup that shows exactly ``text``."""
    return escape(text)


def esc_label(text: str) -> str:
    """Markup of a label ('Figure 1'): its no-break spaces as entities, which reportlab sets apart."""
    return esc(text).replace(NBSP, "&nbsp;")


def esc_attr(text: str) -> str:
    return escape(text, {'"': "&quot;"})


def anchor(kind: str, target: str) -> str:
    """The PDF destination name of a figure or table."""
    return f"{kind}-{target}"


class Markup:
    """Turns inlines into markup for one memo (fonts, link colour, labels)."""

    def __init__(self, fonts: FontSet, labels: Labels, link_colour: str, form: Form = "title",
                 language: str = "en"):
        self.fonts = fonts
        self.labels = labels
        self.link = link_colour
        self.form = form  # how a section reference reads
        self.language = language

    def text(self, text: str, family: Family) -> str:
        """Escaped text; runs of characters ``family`` lacks go to the symbol family. Arabic
        letters are set in their joined forms (the line breaker then reorders right-to-left text).
        A narrow no-break space (CLDR's digit group in French: '1 145,3') is set as a no-break
        space: reportlab would break a line at it and stretch it."""
        text = shape(text).replace(NNBSP, NBSP)
        if all(family.has(c) or c in "\n\t " for c in set(text)):
            return esc(text)
        out: list[str] = []
        run: list[str] = []
        fallback = False
        for c in text:
            missing = not family.has(c) and c not in "\n\t " and self.fonts.symbol.has(c)
            if missing != fallback and run:
                out.append(self._run("".join(run), fallback))
                run = []
            fallback = missing
            run.append(c)
        if run:
            out.append(self._run("".join(run), fallback))
        return "".join(out)

    def _run(self, text: str, symbol: bool) -> str:
        if symbol:
            return f'<font name="{self.fonts.symbol.regular}">{esc(text)}</font>'
        return esc(text)

    def inlines(self, inlines: tuple[Inline, ...], family: Family | None = None) -> str:
        fam = family or self.fonts.body
        return "".join(self.inline(i, fam) for i in separate_notes(inlines))

    def inline(self, node: Inline | NoteSeparator, family: Family) -> str:
        if isinstance(node, NoteSeparator):
            return f"<super>{esc(node.text)}</super>"
        if isinstance(node, Text):
            return self.text(node.text, family)
        if isinstance(node, Emph):
            return f"<i>{self.inlines(node.children, family)}</i>"
        if isinstance(node, Strong):
            return f"<b>{self.inlines(node.children, family)}</b>"
        if isinstance(node, Code):
            return f'<font name="{self.fonts.mono.regular}">{esc(node.text)}</font>'
        if isinstance(node, Link):
            return (f'<a href="{esc_attr(node.url)}" color="{self.link}">'
                    f"{self.inlines(node.children, family)}</a>")
        if isinstance(node, Span):  # the line breaker hyphenates it in its language (para.LANG)
            # the markers around it give the tagged PDF its language (marks.lang_mark)
            lang = esc_attr(node.lang)
            return (f'<onDraw name="{LANG_MARK}" label="{lang}"/><span lang="{lang}">'
                    f'{self.inlines(node.children, family)}</span><onDraw name="{LANG_MARK}" label=""/>')
        if isinstance(node, Cited):  # a formatted citation reads as the text around it
            return self.inlines(node.children, family)
        if isinstance(node, LineBreak):
            return "<br/>"
        if isinstance(node, Note):
            return note_reference(node.number)
        if isinstance(node, Ref) and node.kind == "section":
            shown = self.text(ref_text(node, self.labels, self.form, self.language), family)
            return (f'<a href="#{esc_attr(section_key(node.part))}" color="{self.link}">'
                    f'{shown.replace(NBSP, "&nbsp;")}</a>')
        if isinstance(node, Ref):
            label = ref_text(node, self.labels)
            name = anchor(node.kind, node.target)
            return (f'<a href="#{esc_attr(name)}" color="{self.link}">{esc_label(label)}</a>'
                    f'<onDraw name="{REF_MARK}" label="{esc_attr(name)}"/>')
        raise TypeError(f"no PDF markup for inline {type(node).__name__}")

    def end_mark(self, end: EndMark, family: Family | None = None) -> str:
        """The end mark (after its gap when it closes a paragraph), in the symbol family if need be."""
        mark = self.text(end.mark, family or self.fonts.body)
        return mark if end.alone else esc_label(end.gap) + mark


def note_destination(number: int) -> str:
    """The PDF destination name of note ``number`` (at its first line, under the citing column)."""
    return f"note-{number}"


def reference_destination(number: int) -> str:
    """The PDF destination name of the reference to note ``number`` (its line in the text)."""
    return f"note-{number}-ref"


def destination_text(name: str) -> str:
    """A link's description (its /Contents) from its destination's name: where a note link goes."""
    m = re.fullmatch(r"note-(\d+)(-ref)?", name)
    if m is None:
        return ""
    return f"Back to the reference to note {m.group(1)}" if m.group(2) else f"Go to note {m.group(1)}"


def note_reference(number: int) -> str:
    """A note's number in the text: a link to the note, and the place the note's number links back to."""
    return (f'<a name="{reference_destination(number)}"/><a href="#{note_destination(number)}">'
            f'<super>{number}</super></a><onDraw name="{NOTE_MARK}" label="{number}"/>')
