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

import copy
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


def _marker(f: object) -> tuple[str, bool] | None:
    """A draw-time marker's name and whether it opens (a label) or closes (none) what it marks."""
    cb = getattr(f, "cbDefn", None)
    if cb is None or getattr(cb, "kind", None) != "onDraw" or getattr(f, "text", ""):
        return None
    return str(cb.name), bool(getattr(cb, "label", ""))


def visual_words(words: list) -> list:
    """A line's frags (each with ``.text``) in the order they are drawn, left to right.

    Markers that open and close a phrase (a language, an added hyphen) stay around their text:
    an opening marker goes with what follows it, a closing one with what precedes it, and in a
    run drawn reversed each such pair swaps roles, so the phrase is still what lies between."""
    text = "".join(getattr(f, "text", "") or "" for f in words)
    if not has_rtl(text):
        return words
    lv = levels(text)
    paired = {m[0] for m in map(_marker, words) if m is not None and not m[1]}  # names that close
    pieces: list[tuple[int, object]] = []
    waiting: list[object] = []  # opening markers: the level of the text after them
    pos, level = 0, 0
    for f in words:
        t = getattr(f, "text", "") or ""
        if not t:  # an image, a marker or a break: it stays with what precedes it
            m = _marker(f)
            if m is not None and m[1] and m[0] in paired:
                waiting.append(f)
            else:
                pieces.append((level, f))
            continue
        start = pos
        for i in range(pos + 1, pos + len(t) + 1):
            if i == pos + len(t) or lv[i] != lv[start]:
                g = f.clone() if hasattr(f, "clone") else f
                g.text = text[start:i]
                level = lv[start]
                pieces += [(level, w) for w in waiting]
                waiting = []
                pieces.append((level, g))
                start = i
        pos += len(t)
    pieces += [(level, w) for w in waiting]
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
            order[i:j] = _swap_pairs(order[i:j])[::-1]
            i = j
    out = []
    for lvl, g in order:
        if lvl % 2 and getattr(g, "text", ""):
            g.text = _mirror(g.text)  # type: ignore[attr-defined]
        out.append(g)
    return out


def _swap_pairs(run: list[tuple[int, object]]) -> list[tuple[int, object]]:
    """``run`` with each opening marker and the closing one that matches it trading labels
    (copies: the paragraph's own frags are drawn again), before the run is reversed."""
    out = list(run)
    open_: dict[str, list[int]] = {}
    for i, (_, f) in enumerate(run):
        m = _marker(f)
        if m is None:
            continue
        if m[1]:
            open_.setdefault(m[0], []).append(i)
        elif open_.get(m[0]):
            j = open_[m[0]].pop()
            a, b = run[j][1], run[i][1]
            out[j] = (run[j][0], _relabel(a, b.cbDefn.label))  # type: ignore[attr-defined]
            out[i] = (run[i][0], _relabel(b, a.cbDefn.label))  # type: ignore[attr-defined]
    return out


def _relabel(f: object, label: str) -> object:
    g = f.clone() if hasattr(f, "clone") else copy.copy(f)
    g.cbDefn = copy.copy(f.cbDefn)  # type: ignore[attr-defined]
    g.cbDefn.label = label
    return g


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
