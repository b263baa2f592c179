"""Inline nodes -> Word runs: nested emphasis flattens onto run properties as the writer descends."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.text.paragraph import Paragraph

from memokit.model.nodes import Cited, Code, Emph, Inline, LineBreak, Link, Note, Ref, Span, Strong, Text
from memokit.present import NBSP, REFERENCES_KEY, NoteSeparator, Role, ref_text, role_of, separate_notes
from memokit.present.bidi import direction_runs, is_rtl_lang, script_lang
from memokit.present.sections import Form
from memokit.style.theme import Labels
from memokit.writers.docx import _oxml
from memokit.writers.docx.record import Identities
from memokit.writers.docx.styles import Styles

_XREF_TAG = {"figure": "fig", "table": "tbl", "box": "box", "section": "sec"}


@dataclass(frozen=True)
class RunFormat:
    """What the enclosing inline nodes ask of a run."""

    bold: bool = False
    italic: bool = False
    style: str | None = None
    lang: str | None = None  # a span's language tag


def bookmark_name(kind: str, number: int, target: str) -> str:
    """The hidden bookmark around a caption's label and number (Word's ``_Ref`` convention)."""
    safe = re.sub(r"[^A-Za-z0-9_]", "_", target)
    return f"_Ref_{kind[:3]}{number}_{safe}"[:40]


def section_bookmarks(number: str) -> tuple[str, str]:
    """The bookmarks of the section numbered ``number``: around its whole heading (the table of
    contents links to it) and around the part a reference repeats (REF fields show it)."""
    safe = re.sub(r"\W", "_", number)
    return f"_Toc_sec_{safe}", f"_Ref_sec_{safe}"


REFERENCES_BOOKMARK = "_Toc_references"  # around the bibliography's heading


def toc_bookmark(number: str, key: str) -> str:
    """The bookmark a table of contents entry links to: the section's, or the bibliography's."""
    return REFERENCES_BOOKMARK if key == REFERENCES_KEY else section_bookmarks(number)[0]


def referred_section(ref: Ref) -> str:
    """The number of the heading a section reference repeats: the appendix's for a section in one."""
    return ref.part.split(".")[0] if ref.part[:1].isalpha() else ref.part


class Notes:
    """Writes footnotes into the document's footnotes part as references are met."""

    def __init__(self, document_part: Part, styles: Styles, labels: Labels, form: Form = "title",
                 language: str = "en"):
        self.part = _oxml.footnotes_part(document_part)
        self.styles = styles
        self.labels = labels
        self.form, self.language = form, language
        self.ids: Identities | None = None  # identities for import, when recorded

    def add(self, container: BaseOxmlElement, note: Note) -> None:
        if self.ids is not None:
            self.ids.notes[note.number] = note.id
            if note.id:
                self.ids.mark(container, "footnote", f"footnotes.{note.id}", whole=True, here=True)
        _oxml.add_footnote_reference(container, note.number, self.styles[Role.NOTE_REF])
        para = _oxml.new_footnote(self.part, note.number, self.styles[role_of(note)],
                                  self.styles[Role.NOTE_REF])
        _oxml.add_run(para._p, "\t", para)
        inlines = Inlines(self.part, self.styles, self.labels, None, self.form, self.language)
        inlines.ids = self.ids
        inlines.write(para, note.children)


class Inlines:
    """Writes inline nodes into paragraphs of one part (hyperlinks are related from it)."""

    def __init__(self, part: Part, styles: Styles, labels: Labels, notes: Notes | None,
                 form: Form = "title", language: str = "en"):
        self.part = part
        self.styles = styles
        self.labels = labels
        self.notes = notes
        self.form = form  # how a section reference reads
        self.language = language
        self.ids: Identities | None = notes.ids if notes is not None else None

    def write(self, paragraph: Paragraph, inlines: tuple[Inline, ...], fmt: RunFormat = RunFormat(),
              ) -> None:
        self._write(paragraph, paragraph._p, inlines, fmt)

    def text(self, paragraph: Paragraph, text: str, style: str | None = None) -> None:
        """Plain text, optionally in a character style."""
        self._run(paragraph, paragraph._p, text, RunFormat(style=style))

    def _run(self, paragraph: Paragraph, container: BaseOxmlElement, text: str, fmt: RunFormat) -> None:
        """One run per direction: right-to-left stretches are RTL runs (Word orders them)."""
        for piece, rtl in direction_runs(text) or [(text, False)]:
            run = _oxml.add_run(container, piece, paragraph)
            if fmt.style:
                _oxml.set_run_style(run, fmt.style)
            if fmt.bold:
                run.bold = True
            if fmt.italic:
                run.italic = True
            bidi = None
            if rtl:
                bidi = fmt.lang if fmt.lang and is_rtl_lang(fmt.lang) else script_lang(piece)
            lang = fmt.lang if fmt.lang and not is_rtl_lang(fmt.lang) else None
            if lang or rtl:
                _oxml.set_run_language(run, lang, rtl, bidi)

    def _write(self, paragraph: Paragraph, container: BaseOxmlElement, inlines: tuple[Inline, ...],
               fmt: RunFormat) -> None:
        for node in separate_notes(inlines):
            if isinstance(node, NoteSeparator):  # '17,18': a comma in the note reference style
                self._run(paragraph, container, node.text, RunFormat(style=self.styles[Role.NOTE_REF]))
            elif isinstance(node, Text):
                self._run(paragraph, container, node.text, fmt)
            elif isinstance(node, Emph):
                self._write(paragraph, container, node.children, replace(fmt, italic=True))
            elif isinstance(node, Strong):
                self._write(paragraph, container, node.children, replace(fmt, bold=True))
            elif isinstance(node, Cited):  # a formatted citation: ordinary runs in the text
                self._write(paragraph, container, node.children, fmt)
            elif isinstance(node, Span):
                self._write(paragraph, container, node.children, replace(fmt, lang=node.lang))
            elif isinstance(node, Code):
                self._run(paragraph, container, node.text, replace(fmt, style=self.styles[Role.CODE]))
            elif isinstance(node, Link):
                r_id = self.part.relate_to(node.url, RT.HYPERLINK, is_external=True)
                link = _oxml.add_hyperlink(container, r_id)
                self._write(paragraph, link, node.children, replace(fmt, style=self.styles[Role.LINK]))
            elif isinstance(node, LineBreak):
                _oxml.add_run(container, "", paragraph).add_break()
            elif isinstance(node, Note):
                if self.notes is None:
                    raise ValueError(f"footnote {node.number} where no footnote may stand")
                self.notes.add(container, node)
            elif isinstance(node, Ref) and node.kind == "section":
                self._section_ref(paragraph, container, node)
            elif isinstance(node, Ref):
                name = bookmark_name(node.kind, node.number, node.target)
                if self.ids is not None:
                    self.ids.refs[name] = f"@{_XREF_TAG[node.kind]}:{node.target}"
                # CHARFORMAT: an updated result keeps the link look of the field code, not the caption's bold
                _oxml.add_field(container, f"REF {name} \\h \\* CHARFORMAT",
                                ref_text(node, self.labels), self.styles[Role.LINK])
            else:
                raise TypeError(f"no DOCX rendering for inline {type(node).__name__}")

    def _section_ref(self, paragraph: Paragraph, container: BaseOxmlElement, ref: Ref) -> None:
        """A REF field to the bookmarked part of the heading (its result filled in); a title
        reference has its quotation marks around the field."""
        shown = ref_text(ref, self.labels, self.form, self.language).replace(NBSP, " ")  # as the heading
        name = section_bookmarks(referred_section(ref))[1]
        if self.ids is not None:
            self.ids.refs[name] = f"@sec:{ref.target}"
        link = RunFormat(style=self.styles[Role.LINK])
        quoted = self.form == "title" and not ref.part[:1].isalpha()
        if quoted:
            self._run(paragraph, container, shown[0], link)
            shown = shown[1:-1]
        _oxml.add_field(container, f"REF {name} \\h \\* CHARFORMAT", shown, self.styles[Role.LINK])
        if quoted:
            self._run(paragraph, container, ref_text(ref, self.labels, self.form, self.language)[-1], link)
