"""Quotation marks around a text, as the memo's language sets them."""

from __future__ import annotations

# (opening, closing) by language; other languages take English marks for now
_MARKS: dict[str, tuple[str, str]] = {"en": ("\u201c", "\u201d")}


def quoted(text: str, language: str) -> str:
    """``text`` in the language's quotation marks: '“Method”' in English."""
    opening, closing = _MARKS.get(language.lower().split("-")[0], _MARKS["en"])
    return f"{opening}{text}{closing}"
