"""The house style a memo names: a built-in name, or a folder inside the memo's tree."""

from __future__ import annotations

from memokit.errors import Diagnostic
from memokit.load import Built
from memokit.load.datasets import safe_path
from memokit.style import builtin_styles, unknown_style_message


def check_style(built: Built) -> list[Diagnostic]:
    """A located error when the memo's ``style:`` names no built-in style and no style folder."""
    name = built.style
    if name is None or name in builtin_styles():
        return []
    resolved, why = safe_path(name, built.base, built.data_root)
    if why:
        return [Diagnostic.at(built.style_span, why)]
    if resolved is None or not (resolved / "style.yaml").is_file():
        return [Diagnostic.at(built.style_span, unknown_style_message(name))]
    return []
