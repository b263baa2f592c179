"""Jinja2 in an immutable sandbox, run on author text before inline parsing."""

from memokit.template.sandbox import (
    MAX_OUTPUT,
    SCOPE,
    Rows,
    TemplateFailure,
    one_memo,
    render_text,
)

__all__ = ["MAX_OUTPUT", "SCOPE", "Rows", "TemplateFailure", "one_memo", "render_text"]
