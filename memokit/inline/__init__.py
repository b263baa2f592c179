"""Author Markdown -> model nodes (markdown-it-py, raw HTML off, plus note and ref rules)."""

from memokit.inline.convert import Callbacks, MarkupProblem, parse_blocks, parse_inline

__all__ = ["Callbacks", "MarkupProblem", "parse_blocks", "parse_inline"]
