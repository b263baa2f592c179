"""Characters the house fonts cannot draw: found before writing, reported as warnings."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from itertools import chain
from pathlib import Path

from memokit import cachedir, lang
from memokit.errors import Diagnostic
from memokit.model import Memo, SourceSpan
from memokit.model.walk import shown_texts
from memokit.style.fonts import find_family
from memokit.style.theme import Theme

FORMAT = 1  # bump when what the character-map cache stores changes


@lru_cache(maxsize=32)
def _cmap(path: Path) -> frozenset[int]:
    """The code points the font maps (read once, then kept in the cache folder by its content)."""
    key = cachedir.content_key(cachedir.versions_key(FORMAT, "fonttools"), path.read_bytes())
    stored = cachedir.load_plain("charmaps", key)
    if isinstance(stored, frozenset):
        return stored
    from fontTools.ttLib import TTFont

    with TTFont(str(path), lazy=True) as font:
        found = frozenset(font.getBestCmap())
    cachedir.store_plain("charmaps", key, found)
    return found


def _memo_texts(memo: Memo) -> Iterator[tuple[str, SourceSpan | None]]:
    m = memo.meta
    for t in (m.title, m.subtitle, m.series, m.number, m.project, m.approved_by):
        if t:
            yield t, None
    for a in m.authors:
        yield a.name, None
    yield from shown_texts((memo.lede, memo.sections))


def _language_texts(memo: Memo, theme: Theme) -> Iterator[tuple[str, SourceSpan | None]]:
    """What memokit itself prints in the memo's language: labels, the date, number symbols."""
    language = memo.meta.language
    labels = theme.labels_for(language)
    for value in vars(labels).values():
        for text in value if isinstance(value, list) else [value]:
            yield str(text), None
    yield theme.format_date(memo.meta.date, language), None
    sym = lang.numbers(language)
    yield sym.decimal + sym.group + sym.minus + sym.percent_prefix + sym.percent_suffix, None


def missing_glyphs(memo: Memo, theme: Theme) -> list[Diagnostic]:
    """One warning per character that neither the body font nor the symbol font has, in the
    memo's text or in what memokit prints in its language."""
    body = find_family(theme.fonts.body.family, theme.folder)
    symbol = find_family(theme.fonts.symbol.family, theme.folder)
    if body is None:
        return []
    have = _cmap(body.regular) | (_cmap(symbol.regular) if symbol else frozenset())
    seen: set[str] = set()
    out = []
    file = memo.source_path or "memo"
    for text, span in chain(_memo_texts(memo), _language_texts(memo, theme)):
        for ch in text:
            if ch in seen or ord(ch) in have or ch in "\n\t\r":
                continue
            seen.add(ch)
            out.append(Diagnostic(
                span.file if span else file, span.line if span else 1, span.column if span else 1,
                None, f"character '{ch}' (U+{ord(ch):04X}) is not in the house fonts "
                f"({theme.fonts.body.family}, {theme.fonts.symbol.family}) and may show as a "
                "blank box; replace it or use a style whose fonts have it", "warning"))
    return out
