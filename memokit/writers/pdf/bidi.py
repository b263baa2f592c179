"""Right-to-left phrases in the PDF: Arabic letters shaped, every line put in visual order.

reportlab draws a line's text in the order it is stored, left to right. A line is broken in
logical (reading) order; afterwards the Unicode bidirectional algorithm (python-bidi) gives
each character its embedding level, and the line's frags are cut at level changes and
reordered (rule L2): right-to-left stretches are drawn reversed, with mirrored brackets.
Text extractors (pdftotext, pdfplumber) put such stretches back in reading order.

Arabic letters change shape with their neighbours. ``shape`` replaces them, before the line
is measured, by their joined presentation forms (arabic-reshaper), which the fallback font
(DejaVu Sans) draws; lam-alef becomes its ligature. HarfBuzz shaping in reportlab maps the
glyphs it picks back to the same presentation forms (or to private-use characters where
the font has none), so it would extract no better, and it works on whole words, not the
pieces a line breaker cuts.
"""

from __future__ import annotations

from functools import lru_cache

from memokit.present.bidi import has_rtl

_ARABIC = ((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF))


def has_arabic(text: str) -> bool:
    if not text or max(text) < "\u0600":  # most text: one pass in C
        return False
    return any(lo <= ord(c) <= hi for c in text for lo, hi in _ARABIC)


@lru_cache(maxsize=1)
def _reshaper() -> object:
    import arabic_reshaper

    return arabic_reshaper.ArabicReshaper({"delete_harakat": False, "support_ligatures": True})


def shape(text: str) -> str:
    """``text`` with its Arabic letters in their joined forms (other text as it is)."""
    if not has_arabic(text):
        return text
    return _reshaper().reshape(text)  # type: ignore[attr-defined, no-any-return]


def levels(text: str) -> list[int]:
    """Each character's embedding level in a left-to-right paragraph (0: left to right)."""
    from bidi.algorithm import (
        explicit_embed_and_overrides,
        get_embedding_levels,
        get_empty_storage,
        resolve_implicit_levels,
        resolve_neutral_types,
        resolve_weak_types,
    )

    storage = get_empty_storage()
    storage["base_level"], storage["base_dir"] = 0, "L"
    get_embedding_levels(text, storage)
    explicit_embed_and_overrides(storage)
    resolve_weak_types(storage)
    resolve_neutral_types(storage, False)
    resolve_implicit_levels(storage, False)
    got = [int(c["level"]) for c in storage["chars"]]
    # rule L1: whitespace at the end of the line goes back to the paragraph's level
    for i in range(len(text) - 1, -1, -1):
        if not text[i].isspace():
            break
        got[i] = 0
    return got


def _mirror(text: str) -> str:
    from bidi.mirror import MIRRORED

    return "".join(MIRRORED.get(c, c) for c in reversed(text))


def visual_words(words: list) -> list:
    """A line's frags (each with ``.text``) in the order they are drawn, left to right."""
    text = "".join(getattr(f, "text", "") or "" for f in words)
    if not has_rtl(text):
        return words
    lv = levels(text)
    pieces: list[tuple[int, object]] = []
    pos, level = 0, 0
    for f in words:
        t = getattr(f, "text", "") or ""
        if not t:  # an image, a marker or a break: it stays with what precedes it
            pieces.append((level, f))
            continue
        start = pos
        for i in range(pos + 1, pos + len(t) + 1):
            if i == pos + len(t) or lv[i] != lv[start]:
                g = f.clone() if hasattr(f, "clone") else f
                g.text = text[start:i]
                level = lv[start]
                pieces.append((level, g))
                start = i
        pos += len(t)
    top = max(lvl for lvl, _ in pieces)
    order = list(pieces)
    for k in range(top, 0, -1):  # rule L2: reverse every run at level k or above
        i = 0
        while i < len(order):
            if order[i][0] < k:
                i += 1
                continue
            j = i
            while j < len(order) and order[j][0] >= k:
                j += 1
            order[i:j] = order[i:j][::-1]
            i = j
    out = []
    for lvl, g in order:
        if lvl % 2 and getattr(g, "text", ""):
            g.text = _mirror(g.text)  # type: ignore[attr-defined]
        out.append(g)
    return out


class _Piece:
    """A word of a simple (one-font) line, as a frag for :func:`visual_words`."""

    def __init__(self, text: str):
        self.text = text

    def clone(self) -> _Piece:
        return _Piece(self.text)


def visual_lines(bl: object) -> object:
    """reportlab's broken lines (``blPara``) of a paragraph it broke itself, in drawing order."""
    lines = getattr(bl, "lines", [])
    if getattr(bl, "kind", 0) == 1:
        for line in lines:
            line.words = visual_words(line.words)
        return bl
    for i, line in enumerate(lines):  # simple lines: (extra space, words joined by one space)
        extra, words = line[0], line[1]
        text = " ".join(words)
        if has_rtl(text):
            drawn = "".join(p.text for p in visual_words([_Piece(text)]))
            lines[i] = (extra, drawn.split(" "), *line[2:])
    return bl
