"""Table column widths from content, as CSS automatic table layout, for every output format.

Per column a minimum width (the widest unbreakable word, or the widest piece of a word
between two hyphenation points, with its hyphen) and a preferred width (the widest cell
set on one line), both with the cell padding. When the preferred widths fit they are used,
the spare room shared in proportion; otherwise each column gets its minimum and the rest
is shared in proportion to preferred minus minimum. A table whose minimum widths do not
fit goes page-wide (a column table in a two-column style) or steps down to the house
style's smallest table size; only then, if still too wide, are words broken.

Text is measured by a function the writer gives, ``measure(text, bold) -> points`` at
the table's text size, so that the PDF and the DOCX share the same widths.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from memokit.model.nodes import Code, Emph, Inline, LineBreak, Link, Note, Ref, Strong, Table, Text
from memokit.present.breaks import url_breaks
from memokit.present.labels import ref_label
from memokit.present.measure import table_measure
from memokit.style.theme import Labels, Theme

Measure = Callable[[str, bool], float]
Hyphenate = Callable[[str], Iterable[int]]  # a word -> the places it may break with a hyphen

HYPHEN = "-"
MIN_HYPHENATED = 5  # shorter words are never hyphenated (as the PDF's line breaker does)
_SPACE = re.compile(r"[ \t\n]+")  # a no-break space binds: 'Table 1' is one word
_WORD = re.compile(r"^[^\W\d_]+$")  # only words of letters are hyphenated

Run = tuple[str, bool]  # text and whether it is bold


def _runs(inlines: tuple[Inline, ...], labels: Labels, bold: bool, out: list[Run | None]) -> None:
    """Text runs with their weight; None stands for a line break."""
    for node in inlines:
        if isinstance(node, (Text, Code)):
            out.append((node.text, bold))
        elif isinstance(node, Strong):
            _runs(node.children, labels, True, out)
        elif isinstance(node, (Emph, Link)):
            _runs(node.children, labels, bold, out)
        elif isinstance(node, LineBreak):
            out.append(None)
        elif isinstance(node, Ref):
            out.append((ref_label(node.kind, node.number, labels), bold))
        elif isinstance(node, Note):
            out.append((str(node.number), bold))  # the marker sticks to its word (set full size: safe)


def _lines(inlines: tuple[Inline, ...], labels: Labels, bold: bool) -> list[list[Run]]:
    lines: list[list[Run]] = [[]]
    runs: list[Run | None] = []
    _runs(inlines, labels, bold, runs)
    for r in runs:
        if r is None:
            lines.append([])
        else:
            lines[-1].append(r)
    return lines


def _words(line: list[Run]) -> list[list[Run]]:
    """The line's words, each a list of runs (a word may change weight inside)."""
    words: list[list[Run]] = [[]]
    for text, bold in line:
        parts = _SPACE.split(text)
        for k, part in enumerate(parts):
            if k:
                words.append([])
            if part:
                words[-1].append((part, bold))
    return [w for w in words if w]


def _pieces(word: str, hyphenate: Hyphenate | None) -> list[str]:
    """The pieces a word may be set in: between hyphenation points, each but the last with its
    hyphen; a URL or long token between the places it may end a line (nothing added)."""
    cuts = url_breaks(word)
    if cuts:
        bounds = [0, *cuts, len(word)]
        return [word[a:b] for a, b in zip(bounds, bounds[1:])]
    if hyphenate is None or len(word) < MIN_HYPHENATED or not _WORD.match(word):
        return [word]
    cuts = sorted({p for p in hyphenate(word) if 0 < p < len(word)})
    if not cuts:
        return [word]
    bounds = [0, *cuts, len(word)]
    return [word[a:b] + (HYPHEN if b < len(word) else "") for a, b in zip(bounds, bounds[1:])]


def _line_width(line: list[Run], measure: Measure) -> float:
    return sum(measure(text, bold) for text, bold in line)


def _word_min(word: list[Run], measure: Measure, hyphenate: Hyphenate | None) -> float:
    if len(word) == 1:
        text, bold = word[0]
        return max(measure(p, bold) for p in _pieces(text, hyphenate))
    return _line_width(word, measure)  # a word that changes weight is kept whole


@dataclass(frozen=True)
class ColumnNeeds:
    """Each column's minimum and preferred text width (padding not included), at the measured size."""

    minimum: tuple[float, ...]
    preferred: tuple[float, ...]


def cell_needs(inlines: tuple[Inline, ...], labels: Labels, measure: Measure, *, bold: bool = False,
               hyphenate: Hyphenate | None = None) -> tuple[float, float]:
    """One cell's (minimum, preferred) text width."""
    lo = hi = 0.0
    for line in _lines(inlines, labels, bold):
        hi = max(hi, _line_width(line, measure))
        for word in _words(line):
            lo = max(lo, _word_min(word, measure, hyphenate))
    return lo, max(hi, lo)


def table_columns(table: Table) -> int:
    return max([len(table.header)] + [len(r) for r in table.rows] + [1])


def column_needs(table: Table, labels: Labels, measure: Measure,
                 hyphenate: Hyphenate | None = None) -> ColumnNeeds:
    """Minimum and preferred text widths of every column; header cells are bold and never hyphenated."""
    n = table_columns(table)
    lo, hi = [0.0] * n, [0.0] * n
    rows: list[tuple[Sequence[tuple[Inline, ...]], bool]] = [(table.header, True)] if table.header else []
    rows += [(r, False) for r in table.rows]
    for cells, head in rows:
        for i, cell in enumerate(cells[:n]):
            a, b = cell_needs(cell, labels, measure, bold=head, hyphenate=None if head else hyphenate)
            lo[i], hi[i] = max(lo[i], a), max(hi[i], b)
    return ColumnNeeds(tuple(lo), tuple(hi))


def share_widths(needs: ColumnNeeds, width: float, padding: float, scale: float = 1.0) -> list[float]:
    """Column widths filling ``width``: preferred ones with the spare room shared in proportion, or
    minimum ones with the rest shared in proportion to (preferred - minimum); the minimum widths
    scaled down to ``width`` when even they do not fit (words then break)."""
    pad = 2 * padding
    lo = [m * scale + pad for m in needs.minimum]
    hi = [p * scale + pad for p in needs.preferred]
    if sum(hi) <= width:
        k = width / sum(hi)
        return [h * k for h in hi]
    if sum(lo) <= width:
        room = width - sum(lo)
        gap = [h - m for h, m in zip(hi, lo)]
        total = sum(gap)
        return [m + room * g / total for m, g in zip(lo, gap)] if total > 0 else [m * width / sum(lo)
                                                                                  for m in lo]
    k = width / sum(lo)
    return [m * k for m in lo]


def fits(needs: ColumnNeeds, width: float, padding: float, scale: float = 1.0) -> bool:
    return sum(m * scale + 2 * padding for m in needs.minimum) <= width + 1e-6


@dataclass(frozen=True)
class TableLayout:
    """How a table is set: its column widths, text size, whether it spans the page, and why."""

    widths: tuple[float, ...]
    size: float
    wide: bool
    warning: str | None = None
    squeezed: bool = False  # even the minimum widths at the smallest size do not fit: words break


SIZE_STEP = 0.5  # smaller table sizes are tried in these steps (points)


def table_layout(table: Table, labels: Labels, measure: Measure, *, size: float, min_size: float,
                 column: float, page: float, padding: float, can_widen: bool,
                 hyphenate: Hyphenate | None = None) -> TableLayout:
    """Widths, size and placement of ``table``; ``measure`` measures at ``size``.

    ``column`` is the width the table is asked to take (the column, or the page for a page-wide
    table); ``can_widen`` says whether a column table may go page-wide (a two-column style).
    """
    needs = column_needs(table, labels, measure, hyphenate)
    if fits(needs, column, padding):
        return TableLayout(tuple(share_widths(needs, column, padding)), size, False)
    wide = can_widen and fits(needs, page, padding)
    if wide:
        return TableLayout(tuple(share_widths(needs, page, padding)), size, True,
                           f"table '{table.id}' is too wide for the column; it spans the page")
    width = page if can_widen else column
    s = size
    while s - SIZE_STEP >= min_size - 1e-6 and not fits(needs, width, padding, s / size):
        s = round(s - SIZE_STEP, 2)
    if s > min_size and not fits(needs, width, padding, s / size):
        s = min_size
    ok = fits(needs, width, padding, s / size)
    msg = (f"table '{table.id}' is too wide for the {'page' if can_widen else 'space it is given'}; "
           f"it {'spans the page and ' if can_widen else ''}is set at {s:g}pt")
    if not ok:
        msg += " (the house style's smallest table size) and some words are broken"
    return TableLayout(tuple(share_widths(needs, width, padding, s / size)), s, can_widen, msg, not ok)


@lru_cache(maxsize=16)
def hyphenation(language: str) -> Hyphenate | None:
    """pyphen's hyphenation points for a language tag ('en-GB', 'sv'), or None."""
    import pyphen

    lang = pyphen.language_fallback(language.replace("-", "_"))
    if lang is None:
        return None
    dic = pyphen.Pyphen(lang=lang)
    return dic.positions  # type: ignore[no-any-return]


def house_table_layout(table: Table, theme: Theme, labels: Labels, language: str, *, column: float,
                       page: float, can_widen: bool) -> TableLayout:
    """:func:`table_layout` in the house style: the heading family at the table size, the
    style's padding and smallest size, hyphenation as the body text has it."""
    size = theme.sizes.table
    return table_layout(table, labels, table_measure(theme, size), size=size,
                        min_size=min(theme.tables.min_size, size), column=column, page=page,
                        padding=theme.tables.padding, can_widen=can_widen,
                        hyphenate=hyphenation(language) if theme.text.hyphenate else None)
