"""The memo's language: CLDR's numbers, dates, month names and quotation marks (Babel), and
the label sets memokit ships (:mod:`memokit.lang.labels`).

Babel is imported on first use (a render's first date: about 20 ms) and each language's CLDR
data is read once per process (``lru_cache``: 5-20 ms a language).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from memokit.lang.labels import SHIPPED

__all__ = ["DATE_STYLES", "SHIPPED", "Numbers", "current", "date_text", "in_language", "known",
           "label_language", "localise", "localise_with", "months", "number_text", "numbers",
           "percent_text", "quotes", "strftime", "supported"]

FALLBACK = "en_GB"  # what a language CLDR does not know is written in

# CLDR's quotation marks (delimiters: quotationStart, quotationEnd, CLDR 44-45); Babel does not
# carry them. French sets its guillemets off with no-break spaces inside.
_QUOTES: dict[str, tuple[str, str]] = {
    "en": ("\u201c", "\u201d"), "sv": ("\u201d", "\u201d"), "fi": ("\u201d", "\u201d"),
    "nb": ("\u00ab", "\u00bb"), "da": ("\u201c", "\u201d"), "de": ("\u201e", "\u201c"),
    "fr": ("\u00ab\u00a0", "\u00a0\u00bb"), "es": ("\u201c", "\u201d"), "it": ("\u00ab", "\u00bb"),
    "nl": ("\u2018", "\u2019"), "pt": ("\u201c", "\u201d"), "pt_PT": ("\u00ab", "\u00bb"),
    "pl": ("\u201e", "\u201d"),
}


_current: ContextVar[str] = ContextVar("memokit_language", default="en-GB")


@contextmanager
def in_language(language: str) -> Iterator[None]:
    """Texts rendered inside are formatted in ``language`` (the template filters read it)."""
    token = _current.set(language)
    try:
        yield
    finally:
        _current.reset(token)


def current() -> str:
    """The language the texts being rendered are in."""
    return _current.get()


def _tag(language: str) -> str:
    """'fr-FR' -> 'fr_FR'."""
    return language.strip().replace("-", "_")


@lru_cache(maxsize=32)
def cldr(language: str) -> Any:
    """The Babel Locale of a language tag ('fr-FR', 'sv'); its language alone when CLDR does
    not know the region, British English when it does not know the language."""
    from babel import Locale, UnknownLocaleError

    tag = _tag(language)
    for candidate in (tag, tag.split("_")[0], FALLBACK):
        try:
            return Locale.parse(candidate)
        except (UnknownLocaleError, ValueError):
            continue
    return Locale.parse(FALLBACK)


def known(language: str) -> bool:
    """Whether CLDR has the language (numbers and dates are then its own)."""
    return str(cldr(language)).split("_")[0] == _tag(language).split("_")[0].lower()


def supported(extra: object = ()) -> list[str]:
    """The languages with labels: memokit's own and ``extra`` (a house style's)."""
    return sorted(set(SHIPPED) | {str(k).split("-")[0].lower() for k in extra})  # type: ignore[attr-defined]


def label_language(language: str, extra: object = ()) -> str | None:
    """The key of the label set a language tag uses ('fr-FR' -> 'fr'), None when neither memokit
    nor ``extra`` (a house style's label keys) has one."""
    lang = language.lower()
    have = set(SHIPPED) | {str(k).lower() for k in extra}  # type: ignore[attr-defined]
    for key in (lang, lang.split("-")[0]):
        if key in have:
            return key
    return None


# ------------------------------------------------------------------ numbers


@dataclass(frozen=True)
class Numbers:
    """A language's number symbols (CLDR): decimal separator, digit group, minus, and what
    surrounds a percentage ('12 %': prefix '', suffix ' %' with a no-break space)."""

    decimal: str = "."
    group: str = ","
    minus: str = "-"
    percent_prefix: str = ""
    percent_suffix: str = "%"


@lru_cache(maxsize=32)
def numbers(language: str) -> Numbers:
    """The number symbols of a language tag."""
    from babel.numbers import parse_pattern

    loc = cldr(language)
    sym = loc.number_symbols["latn"]  # Latin digits, whatever the language's default system
    pattern = parse_pattern(loc.percent_formats[None].pattern)
    return Numbers(sym["decimal"], sym["group"], sym["minusSign"], pattern.prefix[0],
                   pattern.suffix[0])


_PY_NUMBER = re.compile(r"(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?P<frac>\.\d+)?(?P<pct>%)?")


def localise(text: str, language: str) -> str:
    """Text Python formatted ('1,145.3', '12.5%', '-3') with the language's separators, percent
    sign and spacing ('1 145,3', '12,5 %'); a leading minus stays as written."""
    return localise_with(text, numbers(language))


def localise_with(text: str, sym: Numbers) -> str:
    """:func:`localise` with the number symbols given."""

    def one(m: re.Match[str]) -> str:
        out = m["int"].replace(",", sym.group) + (sym.decimal + m["frac"][1:] if m["frac"] else "")
        return sym.percent_prefix + out + sym.percent_suffix if m["pct"] else out

    return _PY_NUMBER.sub(one, text)


def _signed(text: str, negative: bool, minus: str) -> str:
    return (minus + text) if negative else text


def number_text(value: float, digits: int, language: str) -> str:
    """A number with ``digits`` decimals and digit groups in the language: 1145.3 -> '1,145.3'
    (en), '1 145,3' (fr), '1.145,3' (de); rounded as Python rounds."""
    body = f"{abs(value):,.{digits}f}"
    negative = value < 0 and any(c not in "0,." for c in body)
    return _signed(localise(body, language), negative, numbers(language).minus)


def percent_text(value: float, digits: int, language: str) -> str:
    """A share as a percentage in the language: 0.256 -> '26%' (en), '26 %' (de)."""
    body = f"{abs(value) * 100:,.{digits}f}%"
    negative = value < 0 and any(c.isdigit() and c != "0" for c in body)
    return _signed(localise(body, language), negative, numbers(language).minus)


# ------------------------------------------------------------------ dates


@lru_cache(maxsize=64)
def months(language: str, width: str = "wide", context: str = "format") -> tuple[str, ...]:
    """The 12 month names of a language (CLDR): ``width`` wide or abbreviated, ``context``
    format (inside a date: 'marca') or stand-alone ('marzec')."""
    names = cldr(language).months[context][width]
    return tuple(names[m] for m in range(1, 13))


@lru_cache(maxsize=64)
def _days(language: str, width: str) -> tuple[str, ...]:
    names = cldr(language).days["format"][width]
    return tuple(names[d] for d in range(7))  # Monday first, as date.weekday()


DATE_STYLES = ("short", "medium", "long", "full")  # CLDR's date formats


def date_text(date: dt.date, language: str, style: str = "long") -> str:
    """A date in one of CLDR's formats for the language: '14 March 2026' (en-GB, long),
    '14. März 2026' (de), '14 mars 2026' (fr)."""
    from babel.dates import format_date

    return str(format_date(date, style, locale=cldr(language)))


_STRFTIME_NAMES = re.compile(r"%[BbAa]")


def strftime(date: dt.date, fmt: str, language: str) -> str:
    """``date.strftime(fmt)`` with the month and weekday names (%B %b %A %a) in the language."""
    names = {"%B": months(language)[date.month - 1],
             "%b": months(language, "abbreviated")[date.month - 1],
             "%A": _days(language, "wide")[date.weekday()],
             "%a": _days(language, "abbreviated")[date.weekday()]}
    parts = re.split(r"(%%|%[BbAa])", fmt)
    return "".join(names[p] if p in names else date.strftime(p) if p else "" for p in parts)


# ------------------------------------------------------------------ quotation marks


def quotes(language: str) -> tuple[str, str]:
    """The opening and closing quotation marks of a language (CLDR), English's when unknown."""
    tag = str(cldr(language)) if known(language) else "en"
    return _QUOTES.get(tag) or _QUOTES.get(tag.split("_")[0]) or _QUOTES["en"]
