"""Writer warnings, located at the node they concern."""

from __future__ import annotations

from memokit.errors import Diagnostic
from memokit.model.nodes import Memo
from memokit.model.source import SourceSpan


def located_warning(memo: Memo, node: object, message: str, field: str | None = None) -> Diagnostic:
    """A warning at ``node``'s place in the memo file (the file alone if the node has no span)."""
    span: SourceSpan | None = getattr(node, "span", None)
    if span is not None:
        return Diagnostic(span.file, span.line, span.column, field, message, "warning")
    return Diagnostic(memo.source_path or "memo", None, None, field, message, "warning")
