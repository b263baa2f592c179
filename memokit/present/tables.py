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

A right-aligned column of numbers lines up on the decimal separator (the memo language's):
each body cell is set with an extra right padding, the widest part right of the integer
digits in its column less its own, and the column's widths include it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from memokit import lang
from memokit.model.nodes import (
    Cited,
    Code,
    Emph,
    Inline,
    LineBreak,
    Link,
    Note,
    Ref,
    Span,
    Strong,
    Table,
    Text,
)
from memokit.present.breaks import url_breaks
from memokit.present.measure import table_measure
from memokit.present.sections import ref_text
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
        elif isinstance(node, (Emph, Link, Span, Cited)):
            _runs(node.children, labels, bold, out)
        elif isinstance(node, LineBreak):
            out.append(None)
        elif isinstance(node, Ref):
            out.append((ref_text(node, labels), bold))
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


def decimal_separator(language: str) -> str:
    """The decimal separator of a language tag (CLDR): ',' for 'de', 'fr-FR', 'sv'...; '.' for
    'en', 'de-CH'..."""
    return lang.numbers(language).decimal


_NO_BREAK = "\u00a0\u202f"  # spaces that group digits or set off a per cent sign
_APOSTROPHES = "'\u2019"  # Swiss digit groups


@lru_cache(maxsize=4)
def _number(decimal: str) -> re.Pattern[str]:
    """A number written with ``decimal``: sign, digits (grouped in threes or not), decimals, '%'."""
    group = re.escape("," if decimal == "." else ".") + _NO_BREAK + _APOSTROPHES
    return re.compile(rf"(?P<whole>[+\-\u2212]?(?:[0-9]{{1,3}}(?:[{group}][0-9]{{3}})+|[0-9]*))"
                      rf"(?P<tail>(?:{re.escape(decimal)}[0-9]+)?(?:[{_NO_BREAK}]?%)?)")


def _plain_runs(inlines: tuple[Inline, ...], bold: bool = False) -> list[Run] | None:
    """The cell's text runs when it holds plain or bold text only, else None."""
    out: list[Run] = []
    for node in inlines:
        if isinstance(node, Text):
            out.append((node.text, bold))
        elif isinstance(node, Strong):
            inner = _plain_runs(node.children, True)
            if inner is None:
                return None
            out += inner
        else:
            return None
    return out


def _tail_width(runs: list[Run], count: int, measure: Measure) -> float:
    """The width of the last ``count`` characters of ``runs``."""
    total = 0.0
    for text, bold in reversed(runs):
        if count <= 0:
            break
        part = text[-count:]
        total += measure(part, bold)
        count -= len(part)
    return total


def number_tail(cell: tuple[Inline, ...], measure: Measure, decimal: str) -> float | None:
    """The width of a number's part right of its integer digits (separator, decimals, '%'),
    or None when the cell is not a number."""
    runs = _plain_runs(cell)
    text = "".join(t for t, _ in runs) if runs is not None else ""
    found = _number(decimal).fullmatch(text)
    if found is None or not any(c.isdigit() for c in text):
        return None
    return _tail_width(runs or [], len(found["tail"]), measure)


def _column_pads(cells: list[tuple[Inline, ...]], measure: Measure, decimal: str) -> list[float]:
    """Each cell's extra right padding lining the column up on its decimal separator; all zero
    when a cell is not a number (empty cells are left out and get none)."""
    tails = [number_tail(c, measure, decimal) if c else 0.0 for c in cells]
    if any(t is None for t in tails):
        return [0.0] * len(cells)
    widest = max(t or 0.0 for t in tails)
    return [widest - (t or 0.0) if c else 0.0 for c, t in zip(cells, tails)]


Pads = tuple[tuple[float, ...], ...]  # per body row, per column: extra right padding (points)


def decimal_pads(table: Table, measure: Measure, decimal: str = ".") -> Pads:
    """Per body cell the extra right padding that lines each right-aligned column of numbers up
    on its decimal separator; zero in the header (not included), other columns and empty cells."""
    n = table_columns(table)
    rows = [tuple(r[:n]) + ((),) * (n - len(r)) for r in table.rows]
    cols = [_column_pads([r[i] for r in rows], measure, decimal)
            if i < len(table.align) and table.align[i] == "right" else [0.0] * len(rows)
            for i in range(n)]
    return tuple(tuple(row) for row in zip(*cols))


def column_needs(table: Table, labels: Labels, measure: Measure,
                 hyphenate: Hyphenate | None = None, pads: Pads = ()) -> ColumnNeeds:
    """Minimum and preferred text widths of every column; header cells are bold and never hyphenated.
    In a column with ``pads`` a body cell needs its whole width and its pad (a number never breaks)."""
    n = table_columns(table)
    lo, hi = [0.0] * n, [0.0] * n
    for i, cell in enumerate(table.header[:n]):
        a, b = cell_needs(cell, labels, measure, bold=True)
        lo[i], hi[i] = max(lo[i], a), max(hi[i], b)
    padded = {i for row in pads for i, p in enumerate(row) if p}
    for k, cells in enumerate(table.rows):
        for i, cell in enumerate(cells[:n]):
            a, b = cell_needs(cell, labels, measure, hyphenate=hyphenate)
            if i in padded:
                a = b = b + pads[k][i]
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
    """How a table is set: its column widths, text size, whether it spans the page, and why; the
    pads that line its numbers up."""

    widths: tuple[float, ...]
    size: float
    wide: bool
    warning: str | None = None
    squeezed: bool = False  # even the minimum widths at the smallest size do not fit: words break
    pads: Pads = ()  # per body cell, the extra right padding that lines numbers up (:func:`decimal_pads`)

    def pad(self, row: int, col: int) -> float:
        """The extra right padding of body cell (``row``, ``col``), 0 when it has none."""
        return self.pads[row][col] if row < len(self.pads) and col < len(self.pads[row]) else 0.0


SIZE_STEP = 0.5  # smaller table sizes are tried in these steps (points)


def _scaled(pads: Pads, scale: float) -> Pads:
    return pads if scale == 1.0 else tuple(tuple(p * scale for p in row) for row in pads)


def table_layout(table: Table, labels: Labels, measure: Measure, *, size: float, min_size: float,
                 column: float, page: float, padding: float, can_widen: bool,
                 hyphenate: Hyphenate | None = None, decimal: str = ".") -> TableLayout:
    """Widths, size, placement and decimal pads of ``table``; ``measure`` measures at ``size``
    (text widths are proportional to the size: a table set smaller has its pads scaled with it).

    ``column`` is the width the table is asked to take (the column, or the page for a page-wide
    table); ``can_widen`` says whether a column table may go page-wide (a two-column style);
    ``decimal`` is the separator numbers line up on.
    """
    pads = decimal_pads(table, measure, decimal)
    needs = column_needs(table, labels, measure, hyphenate, pads)
    if fits(needs, column, padding):
        return TableLayout(tuple(share_widths(needs, column, padding)), size, False, pads=pads)
    wide = can_widen and fits(needs, page, padding)
    if wide:
        return TableLayout(tuple(share_widths(needs, page, padding)), size, True,
                           f"table '{table.id}' is too wide for the column; it spans the page", pads=pads)
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
    return TableLayout(tuple(share_widths(needs, width, padding, s / size)), s, can_widen, msg, not ok,
                       _scaled(pads, s / size))


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
    style's padding and smallest size, hyphenation as the body text has it, numbers lined up
    on the language's decimal separator."""
    size = theme.sizes.table
    return table_layout(table, labels, table_measure(theme, size), size=size,
                        min_size=min(theme.tables.min_size, size), column=column, page=page,
                        padding=theme.tables.padding, can_widen=can_widen,
                        hyphenate=hyphenation(language) if theme.text.hyphenate else None,
                        decimal=decimal_separator(language))
