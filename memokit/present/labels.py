"""Labels the reader sees around the memo's own text: 'Figure 1', 'Source:', '(continued)'."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from memokit.style.theme import Labels

NBSP = "\u00a0"
CAPTION_END = ":"  # after the label and number of a caption

Kind = Literal["figure", "table"]


def kind_label(kind: Kind | str, labels: Labels) -> str:
    """'Figure' or 'Table' in the memo's language."""
    return labels.figure if kind == "figure" else labels.table


@dataclass(frozen=True)
class NumberLabel:
    """A figure's or table's label: the word, a no-break space, the number."""

    word: str
    number: int

    @property
    def prefix(self) -> str:
        """What stands before the number: 'Figure' and the no-break space."""
        return f"{self.word}{NBSP}"

    @property
    def text(self) -> str:
        """'Figure 1', as cross-references show it."""
        return f"{self.prefix}{self.number}"

    @property
    def caption(self) -> str:
        """'Figure 1:', as the caption begins."""
        return self.text + CAPTION_END

    @property
    def name(self) -> str:
        """'Figure 1' with a plain space, for messages and picture names."""
        return f"{self.word} {self.number}"


def number_label(kind: Kind | str, number: int, labels: Labels) -> NumberLabel:
    return NumberLabel(kind_label(kind, labels), number)


def ref_label(kind: Kind | str, number: int, labels: Labels) -> str:
    """'Figure 1' / 'Table 2' as captions and cross-references show it."""
    return number_label(kind, number, labels).text


def source_prefix(labels: Labels) -> str:
    """What begins a figure's or table's source line: 'Source: '."""
    return f"{labels.source}: "


def continued_mark(numbers: list[int], labels: Labels) -> str:
    """The mark by a notes band whose first notes go on from the column before: '3, 4 (continued)'."""
    return f"{', '.join(str(n) for n in numbers)} ({labels.continued})"
