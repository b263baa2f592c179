"""Text widths from the house fonts' metrics, the same for every output format.

A TrueType font's advance widths (as the PDF writer sets them, without kerning): the table
layout measures cells with them so that the PDF and the DOCX get the same column widths.
A character the family lacks is measured in the symbol family (where the PDF sets it).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from memokit import cachedir
from memokit.style.fonts import find_family
from memokit.style.theme import Theme

Measure = Callable[[str, bool], float]
_SPACES = (0x20, 0xA0)  # a no-break space is as wide as a space
FORMAT = 1  # bump when what the metrics cache stores changes


@lru_cache(maxsize=32)
def _advances(path: Path) -> tuple[dict[int, float], float]:
    """Advance widths per code point in ems, and the width of a missing glyph (read from the
    font once, then kept in the cache folder by the font's content)."""
    key = cachedir.content_key(cachedir.versions_key(FORMAT, "fonttools"), path.read_bytes())
    stored = cachedir.load_plain("metrics", key)
    if isinstance(stored, tuple) and len(stored) == 2 and isinstance(stored[0], dict):
        return stored[0], float(stored[1])
    found = _read_advances(path)
    cachedir.store_plain("metrics", key, found)
    return found


def _read_advances(path: Path) -> tuple[dict[int, float], float]:
    from fontTools.ttLib import TTFont

    logging.getLogger("fontTools.ttLib.tables._h_e_a_d").setLevel(logging.ERROR)  # odd dates in head
    with TTFont(str(path), lazy=True) as font:
        upem = font["head"].unitsPerEm
        hmtx = font["hmtx"]
        cmap = font.getBestCmap() or {}
        widths = {cp: hmtx[name][0] / upem for cp, name in cmap.items()}
        missing = hmtx[font.getGlyphOrder()[0]][0] / upem
    for a, b in (_SPACES, _SPACES[::-1]):
        if a in widths:
            widths[b] = widths[a]
    return widths, missing


@lru_cache(maxsize=32)
def _faces(family: str, folder: Path | None) -> tuple[Path, Path] | None:
    files = find_family(family, folder)
    return (files.regular, files.bold) if files else None


def font_measure(family: str, symbol: str, folder: Path | None, size: float) -> Measure:
    """``measure(text, bold)``: the width in points of ``text`` in ``family`` at ``size``."""
    faces, sym = _faces(family, folder), _faces(symbol, folder)
    if faces is None:
        raise LookupError(f"font family '{family}' is not available")
    tables = [_advances(p) for p in faces]
    fallback = [_advances(p) for p in sym] if sym else tables

    def measure(text: str, bold: bool) -> float:
        widths, missing = tables[bold]
        other = fallback[bold][0]
        total = 0.0
        for c in text:
            cp = ord(c)
            w = widths.get(cp)
            if w is None:
                w = other.get(cp, missing)
            total += w
        return total * size
    return measure


def table_measure(theme: Theme, size: float | None = None) -> Measure:
    """How table text is measured: the heading family at the table size (or ``size``)."""
    return font_measure(theme.fonts.heading.family, theme.fonts.symbol.family, theme.folder,
                        theme.sizes.table if size is None else size)
