"""Style values held to the bounds in memokit.style.limits, and the texts a style writes for
later use (date_format, header and footer snippets) tried when the style is loaded: each
problem is a located error, so ``validate`` finds what ``render`` would otherwise trip on."""

from __future__ import annotations

import re
import string
from typing import TYPE_CHECKING

from memokit.errors import Diagnostic, did_you_mean
from memokit.source.located import Located, PathKey
from memokit.style import limits as L

if TYPE_CHECKING:
    from memokit.style.inherit import Layered
    from memokit.style.theme import Theme

SNIPPETS = ("header", "footer_left", "footer_centre", "footer_right")
_LEADINGS = ("leading", "lede_leading", "footnote_leading")
_SPACES = {  # section -> the lengths in it held to 0..MAX_SPACE
    "page": ("gutter", "header_offset", "footer_offset"),
    "text": ("paragraph_space", "list_indent", "quote_indent", "list_item_space", "block_space",
             "fill_space", "fill_leading"),
    "title_block": ("rule_width", "gap", "space_after"),
    "notes": ("rule_length", "rule_width", "space_above", "space_below_rule", "space_between",
              "number_width"),
    "tables": ("padding", "rule_width"),
    "figures": ("line_width", "grid_width", "axis_width"),
}
_FACTORS: dict[PathKey, tuple[tuple[float, float], str]] = {
    ("page", "float_share"): (L.FLOAT_SHARE, "the share of a page floats may take"),
    ("text", "max_stretch"): (L.MAX_STRETCH, "the stretch of word spaces"),
    ("notes", "max_share"): (L.MAX_SHARE, "the share of a column notes may take"),
    ("figures", "aspect"): (L.ASPECT, "a figure's height / width"),
    ("figures", "bar_width"): (L.BAR_WIDTH, "the share of a category's slot a bar fills"),
}


def _pt(v: float) -> str:
    return f"{v:g}pt"


def check_values(theme: Theme, doc: Located | Layered) -> list[Diagnostic]:
    """Every length, size and factor of ``theme`` within its bounds."""
    out: list[Diagnostic] = []

    def within(path: PathKey, value: float, lo: float, hi: float, what: str,
               unit: bool = True) -> None:
        show = _pt if unit else (lambda v: f"{v:g}")
        if not lo <= value <= hi:
            out.append(doc.error(path, f"{show(value)} is out of range: {what} is from "
                                 f"{show(lo)} to {show(hi)} (a limit of memokit); use a value "
                                 "in between"))

    for name in type(theme.sizes).__dataclass_fields__:
        value = getattr(theme.sizes, name)
        if name in _LEADINGS:
            within(("sizes", name), value, L.MIN_FONT_SIZE, L.MAX_LEADING, "a line distance")
        else:
            within(("sizes", name), value, L.MIN_FONT_SIZE, L.MAX_FONT_SIZE, "a font size")
    for name in ("text_size", "tick_size"):
        within(("figures", name), getattr(theme.figures, name), L.MIN_FONT_SIZE,
               L.MAX_FONT_SIZE, "a font size")
    within(("tables", "min_size"), theme.tables.min_size, L.MIN_FONT_SIZE, L.MAX_FONT_SIZE, "a font size")
    within(("boxes", "text_size"), theme.boxes.text_size, L.MIN_FONT_SIZE, L.MAX_FONT_SIZE, "a font size")
    within(("boxes", "leading"), theme.boxes.leading, L.MIN_FONT_SIZE, L.MAX_LEADING, "a line distance")
    within(("boxes", "space"), theme.boxes.space, 0, L.MAX_SPACE, "this length")
    bib = theme.bibliography
    within(("bibliography", "size"), bib.size, L.MIN_FONT_SIZE, L.MAX_FONT_SIZE, "a font size")
    within(("bibliography", "leading"), bib.leading, L.MIN_FONT_SIZE, L.MAX_LEADING, "a line distance")
    for name in ("hanging_indent", "space"):
        within(("bibliography", name), getattr(bib, name), 0, L.MAX_SPACE, "this length")
    for kind in ("findings", "recommendations", "note"):
        for name in ("rule_width", "padding"):
            within(("boxes", kind, name), getattr(theme.boxes.look(kind), name), 0, L.MAX_BOX_EDGE,
                   "this length")
    for section, names in _SPACES.items():
        for name in names:
            within((section, name), getattr(getattr(theme, section), name), 0, L.MAX_SPACE,
                   "this length")
    for level in ("heading1", "heading2", "heading3"):
        for name in ("space_before", "space_after"):
            within(("headings", level, name), getattr(getattr(theme.headings, level), name), 0,
                   L.MAX_SPACE, "this length")
    for path, ((lo, hi), what) in _FACTORS.items():
        within(path, getattr(getattr(theme, path[0]), path[1]), lo, hi, what, unit=False)
    lo, hi = L.DPI
    if not lo <= theme.figures.dpi <= hi:
        out.append(doc.error(("figures", "dpi"), f"{theme.figures.dpi} is out of range: the "
                             f"resolution of figures is from {lo} to {hi} dpi (a limit of "
                             "memokit); 300 suits print"))
    out += _check_page(theme, doc)
    return out


def _check_page(theme: Theme, doc: Located | Layered) -> list[Diagnostic]:
    from memokit.style.theme import PAGE_SIZES_MM

    page = theme.page
    if page.size.upper() not in PAGE_SIZES_MM or page.columns not in (1, 2, 3):
        return []  # reported by the theme's own checks
    out = []
    if page.text_width < L.MIN_TEXT_WIDTH:
        key = "margin_left" if page.margin_left >= page.margin_right else "margin_right"
        out.append(doc.error(("page", key), (
            f"the side margins ({_pt(page.margin_left)} and {_pt(page.margin_right)}) leave a text "
            f"width of {_pt(page.text_width)} on a {page.size} page ({_pt(page.width)} wide); the "
            f"text needs at least {_pt(L.MIN_TEXT_WIDTH)} (a limit of memokit): make the "
            "margins smaller")))
    elif page.column_width < L.MIN_COLUMN_WIDTH:
        key = "gutter" if doc_writes(doc, ("page", "gutter")) else "columns"
        out.append(doc.error(("page", key), (
            f"{page.columns} columns with a gutter of {_pt(page.gutter)} leave columns "
            f"{_pt(page.column_width)} wide; a column needs at least {_pt(L.MIN_COLUMN_WIDTH)} "
            "(a limit of memokit): use fewer columns, a smaller gutter or smaller margins")))
    height = page.height - page.margin_top - page.margin_bottom
    if height < L.MIN_TEXT_HEIGHT:
        key = "margin_top" if page.margin_top >= page.margin_bottom else "margin_bottom"
        out.append(doc.error(("page", key), (
            f"the top and bottom margins ({_pt(page.margin_top)} and {_pt(page.margin_bottom)}) "
            f"leave a text height of {_pt(height)} on a {page.size} page ({_pt(page.height)} "
            f"high); the text needs at least {_pt(L.MIN_TEXT_HEIGHT)} (a limit of memokit): "
            "make the margins smaller")))
    if theme.logo is not None and not L.MIN_LOGO_WIDTH <= theme.logo.width <= page.text_width:
        out.append(doc.error(("logo", "width"), (
            f"{_pt(theme.logo.width)} is out of range: a logo is from {_pt(L.MIN_LOGO_WIDTH)} "
            f"wide to the text width ({_pt(max(page.text_width, 0))})")))
    return out


def doc_writes(doc: Located | Layered, path: PathKey) -> bool:
    if isinstance(doc, Located):
        return tuple(path) in doc.values
    return doc.writes(path)


def date_format_problem(fmt: str, months: list[list[str]]) -> str | None:
    """Why ``fmt`` cannot format a memo's date (None if it can): one of CLDR's date formats
    (short, medium, long, full) or a pattern of {day}, {month} and {year}."""
    from memokit.lang import DATE_STYLES

    if fmt in DATE_STYLES:
        return None
    fields = ", ".join("{" + f + "}" for f in L.DATE_FIELDS)
    try:
        parts = list(string.Formatter().parse(fmt))
    except ValueError as exc:
        return (f"'{fmt}' is not a date format ({exc}); write the fields as {fields} and a "
                "brace as {{ or }}")
    for _, name, spec, conversion in parts:
        if name is None:
            continue
        if name not in L.DATE_FIELDS:
            shown = "{" + name + "}" if name else "{}"
            return (f"unknown field '{shown}'{did_you_mean(name, L.DATE_FIELDS)} in '{fmt}'; "
                    f"use {fields}")
        if conversion:
            return f"'!{conversion}' is not allowed in date_format; write the fields as {fields}"
        if spec and ("{" in spec or any(int(n) > L.MAX_FORMAT_WIDTH
                                        for n in re.findall(r"\d+", spec))):
            return (f"the format '{spec}' of {{{name}}} is not allowed: widths and precisions "
                    f"go up to {L.MAX_FORMAT_WIDTH} (a limit of memokit)")
    try:
        for names in months or [["January"] * 12]:
            for month in names:
                fmt.format(day=31, month=month, year=2026)
    except (ValueError, TypeError, KeyError, IndexError) as exc:
        return (f"'{fmt}' cannot format a date ({exc}); the day and year are whole numbers "
                "(e.g. {day:02}) and the month is a name")
    return None


def check_texts(theme: Theme, doc: Located | Layered) -> list[Diagnostic]:
    """date_format formats every month of every language; each snippet is Jinja2 that parses."""
    from jinja2 import TemplateSyntaxError
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    out = []
    problem = date_format_problem(theme.date_format,
                                  [lab.months for lab in theme.labels.values() if lab.months])
    if problem:
        out.append(doc.error(("date_format",), problem))
    env = ImmutableSandboxedEnvironment()
    for key in SNIPPETS:
        snippet = getattr(theme, key)
        if len(snippet) > L.MAX_SNIPPET:
            out.append(doc.error((key,), f"the snippet is {len(snippet):,} characters long; "
                                 f"a header or footer snippet has at most {L.MAX_SNIPPET:,} "
                                 "(a limit of memokit)"))
            continue
        try:
            env.parse(snippet)
        except TemplateSyntaxError as exc:
            msg = (exc.message or "").strip().rstrip(".")
            out.append(doc.error((key,), f"Jinja2 syntax error: {msg}; complete the expression "
                                 "between '{{' and '}}' (or '{%' and '%}')"))
    return out


def origins(doc: Located | Layered) -> dict[str, tuple[str, int, int]]:
    """Where each snippet and date_format was written, for errors found when rendering."""
    out = {}
    for key in (*SNIPPETS, "date_format"):
        d = doc.error((key,), "")
        out[key] = (d.file, d.line or 1, d.column or 1)
    return out
