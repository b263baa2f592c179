"""Jinja2 in an immutable sandbox, run on author text before inline parsing."""

from memokit.template.sandbox import TemplateFailure, render_text

__all__ = ["TemplateFailure", "render_text"]
