"""Right-to-left phrases inside a left-to-right memo: where they are and which script they are in.

Both writers need the same split: the DOCX marks each right-to-left stretch as an RTL run
(``w:rtl``, with its bidi language), the PDF reorders and shapes it on each line.
"""

from __future__ import annotations

import unicodedata

RTL_CLASSES = frozenset({"R", "AL"})  # strong right-to-left (Hebrew, Arabic letters)
_SCRIPT_LANG = (  # code point ranges -> the language a run in that script is marked with
    (0x0590, 0x05FF, "he"), (0xFB1D, 0xFB4F, "he"),
    (0x0600, 0x06FF, "ar"), (0x0750, 0x077F, "ar"), (0x08A0, 0x08FF, "ar"),
    (0xFB50, 0xFDFF, "ar"), (0xFE70, 0xFEFF, "ar"),
)
RTL_LANGS = frozenset({"ar", "he", "iw", "fa", "ur", "yi", "ps", "sd", "ug", "dv", "ckb"})


def is_rtl_char(ch: str) -> bool:
    return unicodedata.bidirectional(ch) in RTL_CLASSES


FIRST_RTL = "\u0590"  # no code point below the Hebrew block is right to left (bidi class R or AL)


def has_rtl(text: str) -> bool:
    if not text or max(text) < FIRST_RTL:  # most text: one pass in C, no per-character look-up
        return False
    return any(is_rtl_char(c) for c in text)


def is_rtl_lang(tag: str) -> bool:
    """Whether a language tag ('ar', 'he-IL', 'fa') is written right to left."""
    return tag.split("-")[0].lower() in RTL_LANGS


def script_lang(text: str) -> str | None:
    """'ar' or 'he' for the first right-to-left letter of ``text`` (None if it has none)."""
    for ch in text:
        o = ord(ch)
        for lo, hi, lang in _SCRIPT_LANG:
            if lo <= o <= hi:
                return lang
    return None


def direction_runs(text: str) -> list[tuple[str, bool]]:
    """``text`` cut into (piece, right_to_left) runs. A right-to-left run goes from a
    right-to-left letter to the last one before a left-to-right letter, the spaces and
    punctuation between its words included; everything else is left to right."""
    if not has_rtl(text):
        return [(text, False)] if text else []
    out: list[tuple[str, bool]] = []
    i, n = 0, len(text)
    while i < n:
        j = i
        while j < n and not is_rtl_char(text[j]):
            j += 1
        if j > i:
            out.append((text[i:j], False))
        if j >= n:
            break
        end = j + 1  # one past the last right-to-left letter of this run
        k = end
        while k < n and unicodedata.bidirectional(text[k]) != "L":
            k += 1
            if is_rtl_char(text[k - 1]):
                end = k
        out.append((text[j:end], True))
        i = end
    return out
