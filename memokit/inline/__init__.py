"""Author Markdown -> model nodes (markdown-it-py, raw HTML off, plus note and ref rules)."""

from memokit.inline.convert import (
    MAX_MARKUP_NESTING,
    MAX_PARAGRAPH,
    Callbacks,
    MarkupProblem,
    parse_blocks,
    parse_inline,
)

__all__ = ["MAX_MARKUP_NESTING", "MAX_PARAGRAPH", "Callbacks", "MarkupProblem", "parse_blocks",
           "parse_inline"]
