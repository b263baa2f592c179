"""Where the end mark (the style's closing character) goes."""

from __future__ import annotations

from dataclasses import dataclass

from memokit.model.nodes import Memo, Paragraph
from memokit.model.walk import last_paragraph
from memokit.present.labels import NBSP
from memokit.style.theme import Theme


@dataclass(frozen=True)
class EndMark:
    """The mark and the paragraph that takes it; without one it is a paragraph of its own."""

    mark: str
    paragraph: Paragraph | None  # the memo's last block, when that is a paragraph
    gap: str = NBSP  # between the paragraph's last word and the mark

    def closes(self, node: object) -> bool:
        """Whether ``node`` is the paragraph the mark follows."""
        return self.paragraph is not None and node is self.paragraph

    @property
    def alone(self) -> bool:
        """Whether the mark is a paragraph of its own after the text (the memo ends with a float)."""
        return self.paragraph is None


def end_mark(memo: Memo, theme: Theme) -> EndMark | None:
    """The memo's end mark, or None when the style has none."""
    if not theme.end_mark:
        return None
    return EndMark(theme.end_mark, last_paragraph(memo))
