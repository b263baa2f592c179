"""Text in the quotation marks of the memo's language (CLDR): “text” in English, „Text“ in
German, « texte » in French (no-break spaces inside, so the marks never end or start a line)."""

from __future__ import annotations

from memokit import lang


def quoted(text: str, language: str) -> str:
    """``text`` between the opening and closing quotation marks of ``language`` (a tag such as
    'fr-FR'); English marks for a language CLDR does not know."""
    opening, closing = lang.quotes(language)
    return f"{opening}{text}{closing}"
