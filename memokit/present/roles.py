"""The roles a paragraph (or a run) plays; every writer keys its styles by them."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Literal

from memokit.model.nodes import Figure, Note, Paragraph, References, Section


class Role(str, Enum):
    """What a piece of the memo is, whatever format sets it."""

    # body text
    BODY = "body"
    QUOTE = "quote"
    LIST_BULLET = "list_bullet"  # first paragraph of a bullet list item
    LIST_NUMBER = "list_number"  # first paragraph of a numbered list item
    LIST_CONTINUE = "list_continue"  # later paragraphs of a list item
    HEADING1 = "heading1"
    HEADING2 = "heading2"
    HEADING3 = "heading3"
    # title block and page furniture
    SERIES = "series"
    TITLE = "title"
    SUBTITLE = "subtitle"
    AUTHORS = "authors"
    AFFILIATIONS = "affiliations"
    COLOPHON = "colophon"
    LEDE = "lede"
    INSTITUTE = "institute"
    HEADER = "header"
    FOOTER = "footer"
    # figures, tables, notes
    FIGURE = "figure"
    CAPTION = "caption"
    SOURCE = "source"
    CELL = "cell"
    CELL_HEAD = "cell_head"
    NOTE = "note"
    # the bibliography or reference list (its heading is a level-1 heading)
    BIBLIOGRAPHY = "bibliography"  # one entry, with a hanging indent
    # boxes
    BOX_TITLE = "box_title"
    BOX_TEXT = "box_text"
    BOX_BULLET = "box_bullet"  # first paragraph of a bullet list item in a box
    BOX_NUMBER = "box_number"  # first paragraph of a numbered list item in a box
    # runs inside paragraphs
    NOTE_REF = "note_ref"
    LINK = "link"
    CODE = "code"
    CAPTION_LABEL = "caption_label"
    END_MARK = "end_mark"

    @classmethod
    def heading(cls, level: int) -> Role:
        """The heading role of a section level (levels past 3 are set as 3)."""
        return (cls.HEADING1, cls.HEADING2, cls.HEADING3)[min(max(level, 1), 3) - 1]


REFERENCES_HEADING = Role.HEADING1  # the bibliography's heading: a level-1 heading


@dataclass(frozen=True)
class Where:
    """Where a paragraph stands: in a quote, in a list item (and whether it opens it), in a box."""

    quote: bool = False
    item: Literal["bullet", "number"] | None = None
    first: bool = True  # the item's first block (the one with the bullet or number)
    box: bool = False  # in a box


def role_of(node: Paragraph | Section | Figure | Note | References, where: Where = Where()) -> Role:
    """The role of a paragraph where it stands, of a section's heading, a figure, a note or an
    entry of the bibliography (whose heading is a level-1 heading: :data:`REFERENCES_HEADING`)."""
    if isinstance(node, References):
        return Role.BIBLIOGRAPHY
    if isinstance(node, Section):
        return Role.heading(node.level)
    if isinstance(node, Figure):
        return Role.FIGURE
    if isinstance(node, Note):
        return Role.NOTE
    if isinstance(node, Paragraph) and where.box:
        if where.item is not None and where.first:
            return Role.BOX_BULLET if where.item == "bullet" else Role.BOX_NUMBER
        return Role.BOX_TEXT
    if isinstance(node, Paragraph):
        if where.item is not None:
            if not where.first:
                return Role.LIST_CONTINUE
            return Role.LIST_BULLET if where.item == "bullet" else Role.LIST_NUMBER
        return Role.QUOTE if where.quote else Role.BODY
    raise TypeError(f"no role for {type(node).__name__}")
