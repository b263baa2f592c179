"""The bibliography or reference list, as both outputs show it.

It follows the last section of the main text and comes before any appendix, under a level-1
heading that reads the house style's label for its kind ('Bibliography' for a notes style,
'References' for an author-date style, localised), unnumbered even where headings are
numbered; the table of contents lists it like a level-1 heading. Each entry is one paragraph
of the formatted source, set with a hanging indent.
"""

from __future__ import annotations

from dataclasses import dataclass

from memokit.model.nodes import Inline, Memo
from memokit.style.theme import Labels

REFERENCES_KEY = "references"  # the destination name of the list's heading


@dataclass(frozen=True)
class ReferenceList:
    """What the list shows: its heading and the entries in the citation style's order."""

    heading: str  # the label, in the author's casing (the writers set the house style's case)
    entries: tuple[tuple[Inline, ...], ...]
    keys: tuple[str, ...]  # each entry's source key
    key: str = REFERENCES_KEY  # the heading's destination (table of contents, bookmarks)


def reference_list(memo: Memo, labels: Labels) -> ReferenceList | None:
    """The memo's bibliography or reference list, None when it cites nothing."""
    refs = memo.references
    if refs is None or not refs.entries:
        return None
    heading = labels.bibliography if refs.kind == "bibliography" else labels.references
    return ReferenceList(heading, refs.entries, refs.keys)
