"""Labels the reader sees around the memo's own text: 'Figure 1', 'Source:', '(continued)'."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from memokit.model.nodes import Inline, Note, Text
from memokit.style.theme import Labels

NBSP = "\u00a0"
CAPTION_END = ":"  # after the label and number of a caption

Kind = Literal["figure", "table", "box"]


def kind_label(kind: Kind | str, labels: Labels) -> str:
    """'Figure', 'Table' or 'Box' in the memo's language."""
    if kind == "box":
        return labels.box
    return labels.figure if kind == "figure" else labels.table


@dataclass(frozen=True)
class NumberLabel:
    """A figure's or table's label: the word, a no-break space, the number ('A.1' in an appendix
    numbered on its own)."""

    word: str
    number: int
    part: str = ""  # the appendix letter

    @property
    def prefix(self) -> str:
        """What stands before the number: 'Figure' and the no-break space."""
        return f"{self.word}{NBSP}"

    @property
    def numeral(self) -> str:
        """'1', or 'A.1' in an appendix."""
        return f"{self.part}.{self.number}" if self.part else str(self.number)

    @property
    def text(self) -> str:
        """'Figure 1', as cross-references show it."""
        return f"{self.prefix}{self.numeral}"

    @property
    def caption(self) -> str:
        """'Figure 1:', as the caption begins."""
        return self.text + CAPTION_END

    @property
    def name(self) -> str:
        """'Figure 1' with a plain space, for messages and picture names."""
        return f"{self.word} {self.numeral}"


def number_label(kind: Kind | str, number: int, labels: Labels, part: str = "") -> NumberLabel:
    return NumberLabel(kind_label(kind, labels), number, part)


def ref_label(kind: Kind | str, number: int, labels: Labels, part: str = "") -> str:
    """'Figure 1' / 'Table 2' as captions and cross-references show it."""
    return number_label(kind, number, labels, part).text


def source_prefix(labels: Labels) -> str:
    """What begins a figure's or table's source line: 'Source: '."""
    return f"{labels.source}: "


def continued_mark(numbers: list[int], labels: Labels, short: bool = False) -> str:
    """The mark by a notes band whose first notes go on from the column before: '3, 4 (continued)',
    a run of three or more as a range ('3–6, 9 (continued)'); ``short``: '(continued)' alone, for a
    column too narrow to name them."""
    if short or not numbers:
        return f"({labels.continued})"
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    names = []
    for run in runs:
        names += [f"{run[0]}–{run[-1]}"] if len(run) >= 3 else [str(n) for n in run]
    return f"{', '.join(names)} ({labels.continued})"


NOTE_SEPARATOR = ","  # between two note markers that stand together: '17,18', set as the markers are


@dataclass(frozen=True)
class NoteSeparator:
    """Stands between two note references cited one right after the other."""

    text: str = NOTE_SEPARATOR


def separate_notes(inlines: tuple[Inline, ...]) -> tuple[Inline | NoteSeparator, ...]:
    """``inlines`` with a separator between adjacent note references ('text[^a][^b]'), the
    white space between them (if that is all there is) dropped; nested sequences are left to
    the writers, which call this on each sequence they write."""
    if sum(isinstance(n, Note) for n in inlines) < 2:
        return inlines
    out: list[Inline | NoteSeparator] = []
    for k, node in enumerate(inlines):
        if isinstance(node, Text) and not node.text.strip() and _between_notes(inlines, k):
            continue
        if isinstance(node, Note) and _note_before(inlines, k):
            out.append(NoteSeparator())
        out.append(node)
    return tuple(out)


def _note_before(inlines: tuple[Inline, ...], k: int) -> bool:
    """Whether a note reference stands right before position ``k`` (white space aside)."""
    j = k - 1
    while j >= 0 and isinstance(inlines[j], Text) and not inlines[j].text.strip():  # type: ignore[union-attr]
        j -= 1
    return j >= 0 and isinstance(inlines[j], Note)


def _between_notes(inlines: tuple[Inline, ...], k: int) -> bool:
    j = k + 1
    while j < len(inlines) and isinstance(inlines[j], Text) and not inlines[j].text.strip():  # type: ignore[union-attr]
        j += 1
    return j < len(inlines) and isinstance(inlines[j], Note) and _note_before(inlines, j)

