"""Section headings, section references and the table of contents, as both outputs show them.

Sections are numbered by their place ('2.1'; 'A', 'A.1' in the appendices, see
memokit.model.walk.numbered_sections); the house style says whether headings show their numbers
(``headings.numbered``) and how a reference to a section reads (``references.section``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from memokit.model.nodes import Memo, Ref, Section
from memokit.model.walk import numbered_sections
from memokit.present.bibliography import reference_list
from memokit.present.labels import NBSP, ref_label
from memokit.present.quotes import quoted
from memokit.style.theme import Labels, Theme

Form = Literal["number", "title"]
APPENDIX_SEPARATOR = ": "  # between 'Appendix A' and the appendix's title


def reference_form(theme: Theme) -> Form:
    """How a section reference reads: its number (numbered headings, references.section
    'number') or its title in quotation marks."""
    return "number" if theme.headings.numbered and theme.references.section == "number" else "title"


def _appendix(number: str) -> str | None:
    """The appendix letter of a section number ('A' of 'A.1'), None in the main text."""
    return number.split(".")[0] if number[:1].isalpha() else None


def ref_text(ref: Ref, labels: Labels, form: Form = "title", language: str = "en") -> str:
    """What a cross-reference reads: 'Figure A.1', '2.1', '“Method”', or 'Appendix A' for an
    appendix and every section inside one."""
    if ref.kind != "section":
        return ref_label(ref.kind, ref.number, labels, ref.part)
    letter = _appendix(ref.part)
    if letter is not None:
        return f"{labels.appendix}{NBSP}{letter}"
    return ref.part if form == "number" else quoted(ref.title, language)


@dataclass(frozen=True)
class Heading:
    """A section's heading as shown: the part a reference repeats (``label``: the appendix label,
    the number or nothing), what follows it, and the title."""

    section: Section
    number: str
    label: str  # 'Appendix A', '2.1' (numbered headings) or ''
    separator: str  # between the label and the title
    title: str  # as written (the writers set the house style's case)
    key: str  # a name for the heading unique in the memo (destinations, bookmarks)

    @property
    def text(self) -> str:
        return f"{self.label}{self.separator}{self.title}"

    @property
    def ref_part(self) -> Literal["label", "title"]:
        """Which part of the heading a reference to it repeats (the label when there is one)."""
        return "label" if self.label else "title"


def headings(memo: Memo, theme: Theme, labels: Labels) -> dict[int, Heading]:
    """Every section's heading, by the section's ``id()``."""
    out: dict[int, Heading] = {}
    for number, sec in numbered_sections(memo):
        title = sec.heading
        if number.isalpha():
            label, sep = f"{labels.appendix}{NBSP}{number}", APPENDIX_SEPARATOR
        elif theme.headings.numbered:
            label, sep = number, " "
        else:
            label, sep = "", ""
        out[id(sec)] = Heading(sec, number, label, sep, title, section_key(number))
    return out


def section_key(number: str) -> str:
    """The destination name of the section numbered ``number`` (a reference's ``part``)."""
    return "section-" + re.sub(r"\W", "-", number)


@dataclass(frozen=True)
class TocEntry:
    level: int  # 1-3; an appendix is 1
    number: str  # the section's number ('2.1', 'A'); '' for the bibliography
    text: str  # the number or appendix label and the title, in the author's casing
    key: str  # the heading's destination


def toc_shown(memo: Memo, theme: Theme) -> bool:
    """Whether the memo has a table of contents (its 'toc:', else the house style's default)."""
    return theme.toc.default if memo.toc is None else memo.toc


def toc_entries(memo: Memo, theme: Theme, labels: Labels) -> list[TocEntry]:
    """The headings a table of contents lists: down to the house style's depth, the bibliography
    (unnumbered, level 1, before the appendices) and appendices too."""
    out = []
    refs = reference_list(memo, labels)
    for h in headings(memo, theme, labels).values():
        if refs is not None and h.number.isalpha():  # the first appendix: the list comes first
            out.append(TocEntry(1, "", refs.heading, refs.key))
            refs = None
        if h.section.level > theme.toc.depth:
            continue
        out.append(TocEntry(h.section.level, h.number, h.text.replace(NBSP, " "), h.key))
    if refs is not None:
        out.append(TocEntry(1, "", refs.heading, refs.key))
    return out
