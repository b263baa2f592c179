"""ParagraphStyles made from the Theme: every size, colour and face comes from it."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from memokit import cachedir
from memokit.present import Role, spacing
from memokit.style.theme import Theme
from memokit.writers.pdf.fonts import FontSet
from memokit.writers.pdf.para import HYPHENATORS, STRETCH

ALIGN = {"left": TA_LEFT, "right": TA_RIGHT, "center": TA_CENTER, "justify": TA_JUSTIFY}
Hyphenator = Callable[[str], Iterator[tuple[str, str]]]
PATTERNS_FORMAT = 1  # bump when what the hyphenation cache stores changes


@lru_cache(maxsize=16)
def hyphenator(language: str) -> Hyphenator | None:
    """pyphen's hyphenation pairs for a language tag ('en-GB', 'sv'), or None."""
    import pyphen

    lang = pyphen.language_fallback(language.replace("-", "_"))
    if lang is None:
        return None
    _patterns(pyphen, pyphen.LANGUAGES[lang])
    return pyphen.Pyphen(lang=lang).iterate  # type: ignore[no-any-return]


def _patterns(pyphen: Any, path: Path) -> None:
    """Give pyphen the patterns of the dictionary at ``path`` from the cache folder (parsing one
    takes about 40 ms); patterns pyphen parses are kept there when they are plain numbers."""
    if path in pyphen.hdcache:
        return
    try:
        version = metadata.version("pyphen")
    except metadata.PackageNotFoundError:
        version = "?"
    key = cachedir.content_key(f"{PATTERNS_FORMAT}/{version}".encode(), path.read_bytes())
    stored = cachedir.load_plain("hyphenation", key)
    if isinstance(stored, dict) and stored:
        hd = pyphen.HyphDict.__new__(pyphen.HyphDict)
        hd.patterns, hd.cache = stored, {}
        hd.maxlen = max(len(k) for k in stored)  # as HyphDict sets it
        pyphen.hdcache[path] = hd
        return
    hd = pyphen.hdcache[path] = pyphen.HyphDict(path)
    if set(vars(hd)) == {"patterns", "cache", "maxlen"} and all(
            type(v) is int for _, values in hd.patterns.values() for v in values):
        cachedir.store_plain("hyphenation", key, hd.patterns)


@dataclass(frozen=True)
class Styles:
    """The memo's paragraph styles by role (the list roles share one style)."""

    roles: Mapping[Role, ParagraphStyle]

    def __getitem__(self, role: Role) -> ParagraphStyle:
        return self.roles[role]

    def heading(self, level: int) -> ParagraphStyle:
        return self.roles[Role.heading(level)]


def make_styles(theme: Theme, fonts: FontSet, language: str) -> Styles:
    """All paragraph styles of one memo (hyphenation follows the memo's language)."""
    sz, col = theme.sizes, theme.colours
    sp = spacing(theme)
    text = HexColor(col.text)
    hyph = hyphenator(language) if theme.text.hyphenate else None
    # no one-line widows or orphans; words break only at pyphen's points, never inside a URL
    # or after a hyphen the author wrote, so copied text (and links read back) stays intact
    flow = {"allowWidows": 0, "allowOrphans": 0, "embeddedHyphenation": 0, "uriWasteReduce": 0,
            STRETCH: theme.text.max_stretch, HYPHENATORS: hyphenator if theme.text.hyphenate else None}

    def ps(name: str, font: str, size: float, leading: float | None = None, **kw: object) -> ParagraphStyle:
        kw.setdefault("textColor", text)
        return ParagraphStyle(name, fontName=font, fontSize=size,
                              leading=leading if leading is not None else sp.leading(size), **kw)

    body = ps("Body", fonts.body.regular, sz.body, sz.leading, alignment=ALIGN[theme.text.align],
              spaceAfter=theme.text.paragraph_space, hyphenationLang=hyph or "",
              **flow)
    quote = ParagraphStyle("Quote", parent=body, leftIndent=theme.text.quote_indent,
                           rightIndent=theme.text.quote_indent, spaceBefore=theme.text.paragraph_space)
    list_item = ParagraphStyle("ListItem", parent=body, spaceAfter=theme.text.list_item_space,
                               bulletFontName=fonts.body.regular, bulletFontSize=sz.body)

    def heading(level: int, size: float) -> ParagraphStyle:
        h = theme.headings.level(level)
        return ps(f"Heading{level}", fonts.heading.bold, size, textColor=HexColor(theme.colour(h.colour)),
                  spaceBefore=h.space_before, spaceAfter=h.space_after)

    accent = HexColor(theme.colour(theme.title_block.colour))
    muted = HexColor(col.muted)
    gap = sp.gap
    note = ps("Note", fonts.body.regular, sz.footnote, sz.footnote_leading,
              alignment=ALIGN[theme.text.align], leftIndent=theme.notes.number_width, bulletIndent=0,
              bulletFontName=fonts.body.regular, bulletFontSize=sz.footnote,
              hyphenationLang=hyph or "", **flow)
    bx = theme.boxes
    box_text = ps("BoxText", fonts.heading.regular, bx.text_size, bx.leading,
                  alignment=ALIGN[theme.text.align], spaceAfter=theme.text.paragraph_space,
                  hyphenationLang=hyph or "", **flow)
    box_item = ParagraphStyle("ListItemBox", parent=box_text, spaceAfter=theme.text.list_item_space,
                              bulletFontName=fonts.heading.regular, bulletFontSize=bx.text_size)
    box_title = ps("BoxTitle", fonts.heading.bold, bx.text_size, bx.leading, alignment=TA_LEFT,
                   textColor=accent, spaceAfter=gap)
    bib = theme.bibliography
    entry = ps("Bibliography", fonts.body.regular, bib.size, bib.leading,
               alignment=ALIGN[theme.bibliography_align()], leftIndent=bib.hanging_indent,
               firstLineIndent=-bib.hanging_indent, spaceAfter=bib.space,
               hyphenationLang=hyph or "", **flow)
    return Styles({
        Role.BIBLIOGRAPHY: entry,
        Role.BOX_TITLE: box_title, Role.BOX_TEXT: box_text, Role.BOX_BULLET: box_item,
        Role.BOX_NUMBER: box_item,
        Role.BODY: body, Role.QUOTE: quote,
        Role.LIST_BULLET: list_item, Role.LIST_NUMBER: list_item, Role.LIST_CONTINUE: list_item,
        Role.HEADING1: heading(1, sz.heading1), Role.HEADING2: heading(2, sz.heading2),
        Role.HEADING3: heading(3, sz.heading3),
        Role.INSTITUTE: ps("Institute", fonts.heading.bold, sz.institute, textColor=accent),
        Role.SERIES: ps("Series", fonts.heading.regular, sz.institute, textColor=muted, spaceAfter=gap),
        Role.TITLE: ps("Title", fonts.heading.bold, sz.title, textColor=accent, spaceAfter=gap),
        Role.SUBTITLE: ps("Subtitle", fonts.heading.regular, sz.subtitle, spaceAfter=gap),
        Role.AUTHORS: ps("Authors", fonts.heading.regular, sz.authors, spaceBefore=gap, spaceAfter=gap),
        Role.AFFILIATIONS: ps("Affiliations", fonts.heading.regular, sz.header, textColor=muted,
                              spaceAfter=gap),
        Role.COLOPHON: ps("Colophon", fonts.heading.regular, sz.header, textColor=muted,
                          spaceAfter=sp.colophon_after),
        Role.LEDE: ps("Lede", fonts.body.bold, sz.lede, sz.lede_leading, alignment=ALIGN[theme.text.align],
                      spaceBefore=gap, hyphenationLang=hyph or ""),
        Role.CAPTION: ps("Caption", fonts.heading.regular, sz.caption, alignment=TA_LEFT,
                         spaceBefore=gap, spaceAfter=0),
        Role.SOURCE: ps("Source", fonts.heading.regular, sz.source, textColor=muted,
                        spaceBefore=sp.source_before),
        Role.NOTE: note,
        Role.CELL: ps("Cell", fonts.heading.regular, sz.table),
        Role.CELL_HEAD: ps("CellHead", fonts.heading.bold, sz.table),
        Role.HEADER: ps("Header", fonts.heading.regular, sz.header, textColor=muted),
    })
