"""The Theme: one house style, loaded from ``templates/<style>/style.yaml``.

Every size, colour, font and label the writers and the figure code use comes
from here. Lengths are held in points.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import (
    MISSING,
    asdict,
    dataclass,
    field,
    fields,
    is_dataclass,
    make_dataclass,
    replace,
)
from pathlib import Path
from types import UnionType
from typing import Any, Optional, Union, get_args, get_origin, get_type_hints

from memokit.errors import ContentError, Diagnostic, did_you_mean, one_of
from memokit.source.located import Located, PathKey, format_path
from memokit.style.contain import Confinement
from memokit.style.inherit import folders, load_layered

PAGE_SIZES_MM = {"A4": (210.0, 297.0), "A5": (148.0, 210.0), "LETTER": (215.9, 279.4),
                 "LEGAL": (215.9, 355.6)}
_UNITS = {"pt": 1.0, "mm": 72 / 25.4, "cm": 72 / 2.54, "in": 72.0}
_LENGTH = re.compile(r"^\s*([0-9]*\.?[0-9]+)\s*(pt|mm|cm|in)\s*$")
_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")
FIGURE_ALIGNS = ("left", "center", "right")
AFFILIATIONS = ("marks", "after")  # title_block.affiliations
PAGE_WIDE_IN_WORD = ("box", "section")  # word.page_wide


class Length(float):
    """A length in points, written in the style file with a unit."""


class Colour(str):
    """A colour as ``#RRGGBB``."""


@dataclass(frozen=True)
class Page:
    size: str = "A4"
    margin_top: Length = Length(62.36)
    margin_bottom: Length = Length(56.69)
    margin_left: Length = Length(56.69)
    margin_right: Length = Length(56.69)
    columns: int = 2
    gutter: Length = Length(22.68)
    header_offset: Length = Length(34.02)  # running header baseline, from the top edge
    footer_offset: Length = Length(28.35)  # footer baseline, from the bottom edge
    float_share: float = 0.7  # page-wide figures and tables may take this share of a page's body

    @property
    def width(self) -> float:
        return PAGE_SIZES_MM[self.size.upper()][0] * _UNITS["mm"]

    @property
    def height(self) -> float:
        return PAGE_SIZES_MM[self.size.upper()][1] * _UNITS["mm"]

    @property
    def text_width(self) -> float:
        return self.width - self.margin_left - self.margin_right

    @property
    def column_width(self) -> float:
        return (self.text_width - (self.columns - 1) * self.gutter) / self.columns


@dataclass(frozen=True)
class Font:
    family: str
    word: str  # the name the DOCX gives, for editors' machines


@dataclass(frozen=True)
class Fonts:
    body: Font
    heading: Font
    symbol: Font
    mono: Font = field(default_factory=lambda: Font("DejaVu Sans Mono", "Consolas"))  # inline code


@dataclass(frozen=True)
class Sizes:
    body: Length
    leading: Length
    title: Length
    subtitle: Length
    authors: Length
    institute: Length
    lede: Length
    lede_leading: Length
    heading1: Length
    heading2: Length
    heading3: Length
    caption: Length
    source: Length
    footnote: Length
    footnote_leading: Length
    table: Length
    header: Length


@dataclass(frozen=True)
class Colours:
    accent: Colour
    text: Colour
    muted: Colour
    rule: Colour
    table_header: Colour
    link: Colour


@dataclass(frozen=True)
class TextStyle:
    align: str = "justify"  # justify | left
    hyphenate: bool = True
    paragraph_space: Length = Length(5)
    list_indent: Length = Length(12)
    quote_indent: Length = Length(12)
    list_item_space: Length = Length(4)  # between list items
    bullet: str = "•"
    block_space: Length = Length(8)  # above and below figures and tables
    fill_space: Length = Length(18)  # the most a space between blocks grows to end a column at its foot
    fill_leading: Length = Length(1.2)  # then the most a line distance grows for the same
    max_stretch: float = 2.5  # word spaces stretch this much when lines are chosen; more as a last resort


@dataclass(frozen=True)
class Heading:
    case: str = "none"  # upper | none
    colour: str = "text"  # a key of Colours, or #RRGGBB
    space_before: Length = Length(8)
    space_after: Length = Length(3)


@dataclass(frozen=True)
class Headings:
    heading1: Heading
    heading2: Heading
    heading3: Heading
    numbered: bool = False  # '2.1 Title': headings numbered in both outputs

    def level(self, n: int) -> Heading:
        return (self.heading1, self.heading2, self.heading3)[min(max(n, 1), 3) - 1]


@dataclass(frozen=True)
class TitleBlock:
    colour: str = "accent"
    rule: bool = True
    rule_width: Length = Length(0.75)
    gap: Length = Length(4)  # between the lines of the title block
    affiliations: str = "marks"  # marks: numbered, on a line of their own | after: after each name
    space_after: Length = Length(12)  # between the lede and the body columns


@dataclass(frozen=True)
class Notes:
    """Footnotes at the foot of the column (page) that cites them."""

    rule_length: Length = Length(42.52)
    rule_width: Length = Length(0.5)
    space_above: Length = Length(6)  # between the text and the rule
    space_below_rule: Length = Length(3)
    space_between: Length = Length(1.5)
    number_width: Length = Length(9)  # hanging indent for the note number
    max_share: float = 0.5  # of a column the notes may take before one continues


@dataclass(frozen=True)
class Tables:
    padding: Length = Length(2.5)
    rule_width: Length = Length(0.5)
    min_size: Length = Length(6.5)  # a table too wide for its width steps its text down to this size


@dataclass(frozen=True)
class WordOutput:
    """What only the DOCX decides."""

    # how a page-wide figure or table sits among the columns: 'box' (a text box floating at the top
    # or foot of the page, as in the PDF) or 'section' (a one-column section between continuous breaks)
    page_wide: str = "box"


@dataclass(frozen=True)
class BoxLook:
    """How one kind of box looks: its panel, its rule and its title."""

    background: Colour = Colour("#EEF2F7")
    rule_colour: str = "accent"  # a key of Colours, or #RRGGBB
    rule_width: Length = Length(2)
    rule: str = "left"  # left: a bar down the left side | frame: a rule all round
    padding: Length = Length(6)  # between the panel's edge (or rule) and its text
    title_colour: str = "accent"  # a key of Colours, or #RRGGBB


@dataclass(frozen=True)
class Boxes:
    """Boxes set apart from the text: one look per kind, and their text."""

    findings: BoxLook = field(default_factory=BoxLook)
    recommendations: BoxLook = field(default_factory=lambda: BoxLook(background=Colour("#EEF5EE"),
                                                                     rule_colour="#3A7D44"))
    note: BoxLook = field(default_factory=lambda: BoxLook(background=Colour("#F3F3F3"),
                                                          rule_colour="muted", rule="frame",
                                                          rule_width=Length(0.75),
                                                          title_colour="text"))
    text_size: Length = Length(9)  # the box's text (its title is this size, bold)
    leading: Length = Length(11.5)
    space: Length = Length(8)  # above and below a box

    def look(self, kind: str) -> BoxLook:
        return getattr(self, kind, self.note)  # type: ignore[no-any-return]


@dataclass(frozen=True)
class References:
    """How cross-references read."""

    section: str = "number"  # number: '2.1' (with numbered headings) | title: the heading in quotes


@dataclass(frozen=True)
class Bibliography:
    """The bibliography or reference list after the last section: each entry a paragraph whose
    lines after the first are indented (a hanging indent)."""

    size: Length = Length(9)  # the entries' text size
    leading: Length = Length(11.5)  # their line distance
    hanging_indent: Length = Length(14)  # how far the lines after an entry's first are indented
    space: Length = Length(3)  # between entries
    align: str = "left"  # left: ragged right | justify | text: as the body text (text.align)


@dataclass(frozen=True)
class Appendices:
    """How appendices are set."""

    new_page: bool = True  # each appendix begins on a new page
    numbering: str = "per-appendix"  # per-appendix: 'Figure A.1' | continuous: the main numbers go on


@dataclass(frozen=True)
class Toc:
    """The table of contents."""

    default: bool = False  # whether a memo that does not say 'toc:' has one
    depth: int = 2  # heading levels listed (1-3); appendices are always listed


@dataclass(frozen=True)
class FigureStyle:
    aspect: float = 0.62  # height / width
    dpi: int = 300  # of the PNG
    grid: bool = True
    font: str = "heading"  # which of fonts.body / fonts.heading the charts use
    text_size: Length = Length(8)  # axis labels and legend
    tick_size: Length = Length(7.5)
    line_width: Length = Length(1.5)
    grid_colour: Colour = Colour("#E2E2E2")
    grid_width: Length = Length(0.5)
    axis_width: Length = Length(0.6)
    axis_colour: str = "rule"  # axis line and ticks: a key of Colours, or #RRGGBB
    label_colour: str = "text"  # tick labels, axis labels, legend
    bar_width: float = 0.8  # share of each category's slot the bars fill
    align: str = "left"  # left | center | right: the picture across its column or the page


@dataclass(frozen=True)
class Labels:
    """The words a memo's language prints around its text: memokit's set for the language
    (memokit.lang.labels), month names from CLDR, then the house style's own."""

    figure: str
    table: str
    source: str
    page: str
    of: str
    memo: str
    project: str
    approved_by: str
    date: str
    continued: str
    months: list[str]
    months_short: list[str] = field(default_factory=list)  # for chart date ticks; else 3 letters
    document: str = ""  # what the style calls its documents ('Policy brief'), for header/footer
    box: str = "Box"  # 'Box 1' before a box's title and in references to it
    appendix: str = "Appendix"  # 'Appendix A' before an appendix's heading
    contents: str = "Contents"  # the table of contents' title
    notes: str = "Notes"  # a list of notes set apart from the text
    references: str = "References"  # an author-date style's reference list
    bibliography: str = "Bibliography"  # a notes style's bibliography

    def month_short(self, month: int) -> str:
        """Abbreviated month name (1-12) for chart ticks."""
        if len(self.months_short) == 12:
            return self.months_short[month - 1]
        return self.months[month - 1][:3]


# What a house style writes under labels.<language>: any of the Labels' keys, each optional.
LabelOverrides = make_dataclass(
    "LabelOverrides",
    [(f.name, Optional[t], field(default=None))  # noqa: UP045 (a runtime type for the reader)
     for f in fields(Labels) for t in [get_type_hints(Labels)[f.name]]],
    frozen=True)
LabelOverrides.__module__ = __name__  # so a Theme pickles (batch workers)


def house_labels(overrides: dict[str, Any], language: str) -> Labels:
    """The Labels of a language tag: memokit's set (the tag, its language, else English) with
    CLDR's month names for the tag, then the house style's ``overrides`` key by key (its set for
    the language, then for the exact tag)."""
    from memokit import lang

    tag = language.lower()
    chain = list(dict.fromkeys((tag.split("-")[0], tag)))  # 'fr' then 'fr-ca'
    shipped = next((lang.SHIPPED[k] for k in reversed(chain) if k in lang.SHIPPED), lang.SHIPPED["en"])
    base: dict[str, Any] = dict(shipped)
    base["months"] = list(lang.months(language))
    base["months_short"] = list(lang.months(language, "abbreviated", "stand-alone"))
    lowered = {str(k).lower(): v for k, v in overrides.items()}
    words_only = lang.label_language(language, overrides) is None
    if words_only:  # neither has the language: English words (the style's), CLDR's month names
        chain = ["en"]
    for name in chain:
        given = lowered.get(name)
        if given is not None:
            base.update({k: v for k, v in asdict(given).items()
                         if v is not None and not (words_only and k.startswith("months"))})
    return Labels(**base)


_LOADED = {"loaded": True}  # a field the loader fills in, not a key of style.yaml


@dataclass(frozen=True)
class Logo:
    """An SVG or PNG on the first page; ``file`` is relative to the style folder that names it.

    ``data`` holds what the writers draw, checked when the style is loaded (an SVG made safe
    by memokit.style.svg, a PNG decoded once); ``fallback`` the PNG beside an SVG logo."""

    file: str
    width: Length
    alt: str = ""  # the picture's description; the institute name when empty
    path: Path = field(default=Path("."), compare=False, metadata=_LOADED)
    data: bytes = field(default=b"", compare=False, repr=False, metadata=_LOADED)
    fallback: bytes | None = field(default=None, compare=False, repr=False, metadata=_LOADED)

    @property
    def svg(self) -> bool:
        return self.path.suffix.lower() == ".svg"


@dataclass(frozen=True)
class Theme:
    name: str
    description: str
    institute: str
    page: Page
    fonts: Fonts
    sizes: Sizes
    colours: Colours
    palette: list[Colour]
    text: TextStyle
    headings: Headings
    title_block: TitleBlock
    figures: FigureStyle
    end_mark: str
    header: str
    footer_left: str
    footer_centre: str
    footer_right: str
    date_format: str
    labels: dict[str, LabelOverrides]  # type: ignore[valid-type]  # the house style's, by language
    notes: Notes = field(default_factory=Notes)
    tables: Tables = field(default_factory=Tables)
    word: WordOutput = field(default_factory=WordOutput)
    boxes: Boxes = field(default_factory=Boxes)
    logo: Logo | None = None
    references: References = field(default_factory=References)
    appendices: Appendices = field(default_factory=Appendices)
    toc: Toc = field(default_factory=Toc)
    bibliography: Bibliography = field(default_factory=Bibliography)
    citation_style: str = "chicago-notes"  # a memo's citation style when it names none
    pdf_standard: str = "ua1+a2a"  # what the PDF is and claims (PDF_STANDARDS)
    folder: Path = field(default=Path("."), compare=False, metadata=_LOADED)
    # where each header/footer snippet and date_format was written: key -> (file, line, column)
    origins: dict[str, tuple[str, int, int]] = field(default_factory=dict, compare=False,
                                                     repr=False, metadata=_LOADED)

    def colour(self, name_or_hex: str) -> str:
        """A colour by role name ('accent') or as written ('#123456')."""
        if name_or_hex.startswith("#"):
            return name_or_hex
        return str(getattr(self.colours, name_or_hex))

    def labels_for(self, language: str) -> Labels:
        """Labels for a language tag ('fr-FR' -> memokit's French set with the house style's
        French labels over it); English for a language neither has."""
        return house_labels(self.labels, language)

    def format_date(self, date: dt.date, language: str) -> str:
        """The memo's date as ``date_format`` says: one of CLDR's formats for the language
        ('long': '14 March 2026', '14. März 2026'), or a pattern of {day} {month} {year}."""
        from memokit import lang

        if self.date_format in lang.DATE_STYLES:
            return lang.date_text(date, language, self.date_format)
        months = self.labels_for(language).months
        return self.date_format.format(month=months[date.month - 1], year=date.year,
                                       day=date.day)

    def located(self, key: str, message: str) -> Diagnostic:
        """An error at the style.yaml key ``key`` (a snippet, date_format) of this Theme."""
        file, line, column = self.origins.get(key, (str(self.folder / "style.yaml"), 1, 1))
        return Diagnostic(file, line, column, key, message)

    def bibliography_align(self) -> str:
        """How the bibliography's entries are set: 'left' (ragged right) or 'justify'."""
        align = self.bibliography.align
        return self.text.align if align == "text" else align

    def heading_text(self, text: str, level: int) -> str:
        """The heading as the style shows it (the author's casing is kept elsewhere)."""
        return text.upper() if self.headings.level(level).case == "upper" else text


# ------------------------------------------------------------------ loading


class _Reader:
    """Turns a located mapping into dataclasses, collecting located errors."""

    def __init__(self, doc: Located):
        self.doc = doc
        self.errors: list[Diagnostic] = []

    def err(self, path: PathKey, msg: str, key: bool = False) -> None:
        self.errors.append(self.doc.error(path, msg, key=key))

    def build(self, cls: type, raw: object, path: PathKey) -> Any:
        if not isinstance(raw, dict):
            self.err(path, "expected a mapping of keys to values")
            return None
        hints = get_type_hints(cls)
        names = [f.name for f in fields(cls) if not f.metadata.get("loaded")]
        for key in raw:
            if key not in names:
                self.err(path + (key,), f"unknown key '{key}'{did_you_mean(key, names)}; "
                         f"allowed keys: {', '.join(names)}", key=True)
        values: dict[str, Any] = {}
        for f in fields(cls):
            if f.metadata.get("loaded"):
                continue
            if f.name not in raw:
                if f.default is MISSING and f.default_factory is MISSING:
                    self.err(path + (f.name,), f"required field '{f.name}' is missing")
                continue
            values[f.name] = self.value(hints[f.name], raw[f.name], path + (f.name,))
        try:
            return cls(**values)
        except TypeError:
            return None

    def value(self, tp: Any, raw: object, path: PathKey) -> Any:
        origin = get_origin(tp)
        if origin in (Union, UnionType):  # X | None: the style may leave it out
            tp = next(a for a in get_args(tp) if a is not type(None))
            origin = get_origin(tp)
        if tp is Length:
            if isinstance(raw, (int, float)) and not isinstance(raw, bool) and raw == 0:
                return Length(0)
            m = _LENGTH.match(str(raw)) if isinstance(raw, str) else None
            if not m:
                self.err(path, f"'{raw}' is not a length; write a number with a unit: "
                         "pt, mm, cm or in (e.g. 10pt, 20mm)")
                return Length(0)
            return Length(float(m.group(1)) * _UNITS[m.group(2)])
        if tp is Colour:
            if not isinstance(raw, str) or not _COLOUR.match(raw):
                self.err(path, f"'{raw}' is not a colour; write it as #RRGGBB (e.g. #1F4E79)")
                return Colour("#000000")
            return Colour(raw.upper())
        if is_dataclass(tp):
            return self.build(tp, raw, path)
        if origin is list:
            (item,) = get_args(tp)
            if not isinstance(raw, list):
                self.err(path, "expected a list")
                return []
            return [self.value(item, v, path + (i,)) for i, v in enumerate(raw)]
        if origin is dict:
            _, item = get_args(tp)
            if not isinstance(raw, dict):
                self.err(path, "expected a mapping")
                return {}
            return {k: self.value(item, v, path + (k,)) for k, v in raw.items()}
        if tp is bool:
            if not isinstance(raw, bool):
                self.err(path, "expected true or false")
            return bool(raw)
        if tp is int:
            if isinstance(raw, bool) or not isinstance(raw, int):
                self.err(path, "expected a whole number")
                return 0
            return raw
        if tp is float:
            if isinstance(raw, bool) or not isinstance(raw, (int, float)):
                self.err(path, "expected a number")
                return 0.0
            return float(raw)
        if tp is str:
            if not isinstance(raw, str):
                self.err(path, "expected text")
                return str(raw)
            return raw
        return raw


def _check(theme: Theme, doc: Located) -> list[Diagnostic]:
    out = []
    if theme.page.size.upper() not in PAGE_SIZES_MM:
        out.append(doc.error(("page", "size"), f"unknown page size '{theme.page.size}'"
                             f"{did_you_mean(theme.page.size.upper(), PAGE_SIZES_MM)}; use "
                             + ", ".join(PAGE_SIZES_MM)))
    if theme.page.columns not in (1, 2, 3):
        out.append(doc.error(("page", "columns"), "columns must be 1, 2 or 3"))
    for lvl in ("heading1", "heading2", "heading3"):
        h = getattr(theme.headings, lvl)
        if h.case not in ("upper", "none"):
            out.append(doc.error(("headings", lvl, "case"), f"'{h.case}' is not a case; use "
                                 "'upper' or 'none'"))
        if not h.colour.startswith("#") and not hasattr(theme.colours, h.colour):
            out.append(doc.error(("headings", lvl, "colour"), f"'{h.colour}' is not a colour "
                                 "name; use accent, text, muted or #RRGGBB"))
    for lang, lab in theme.labels.items():
        if lab.months is not None and len(lab.months) != 12:
            out.append(doc.error(("labels", lang, "months"), "give the 12 month names"))
    for lang, lab in theme.labels.items():
        if lab.months_short and len(lab.months_short) != 12:
            out.append(doc.error(("labels", lang, "months_short"), "give the 12 short month names"))
    if theme.figures.font not in ("body", "heading"):
        out.append(doc.error(("figures", "font"), f"'{theme.figures.font}' is not a font role; "
                             "use 'body' or 'heading'"))
    for key in ("axis_colour", "label_colour"):
        val = getattr(theme.figures, key)
        if not (_COLOUR.match(val) or (not val.startswith("#") and hasattr(theme.colours, val))):
            out.append(doc.error(("figures", key), f"'{val}' is not a colour; use a colour name "
                                 "(accent, text, muted, rule) or #RRGGBB"))
    align = theme.figures.align
    if align not in FIGURE_ALIGNS:
        out.append(doc.error(("figures", "align"), f"'{align}' is not an alignment"
                             f"{did_you_mean(align, FIGURE_ALIGNS)}; use {one_of(FIGURE_ALIGNS)}"))
    if theme.tables.min_size > theme.sizes.table:
        out.append(doc.error(("tables", "min_size"), f"{theme.tables.min_size:g}pt is larger than "
                             f"sizes.table ({theme.sizes.table:g}pt); the smallest table size is at most "
                             "the table size"))
    for kind in ("findings", "recommendations", "note"):
        look = getattr(theme.boxes, kind)
        if look.rule not in ("left", "frame"):
            out.append(doc.error(("boxes", kind, "rule"), f"'{look.rule}' is not a box rule; use "
                                 "'left' (a bar down the left side) or 'frame' (a rule all round)"))
        for key in ("rule_colour", "title_colour"):
            val = getattr(look, key)
            if not (_COLOUR.match(val) or (not val.startswith("#") and hasattr(theme.colours, val))):
                out.append(doc.error(("boxes", kind, key), f"'{val}' is not a colour; use a colour "
                                     "name (accent, text, muted, rule) or #RRGGBB"))
    if theme.text.align not in ("justify", "left"):
        out.append(doc.error(("text", "align"), "use 'justify' or 'left'"))
    if theme.title_block.affiliations not in AFFILIATIONS:
        out.append(doc.error(("title_block", "affiliations"), f"'{theme.title_block.affiliations}' is not a "
                             f"way to show affiliations; use {one_of(AFFILIATIONS)}"))
    if theme.word.page_wide not in PAGE_WIDE_IN_WORD:
        out.append(doc.error(("word", "page_wide"), f"'{theme.word.page_wide}' is not a way to set "
                             f"page-wide figures and tables in the DOCX; use {one_of(PAGE_WIDE_IN_WORD)}"))
    return out + _check_sections(theme, doc)


REFERENCE_FORMS = ("number", "title")
# tagged for assistive technology and archival (PDF/UA-1 with PDF/A-2a), archival only
# (PDF/A-2b, untagged), or a plain PDF
PDF_STANDARDS = ("ua1+a2a", "a2b", "none")
BIBLIOGRAPHY_ALIGNS = ("left", "justify", "text")
APPENDIX_NUMBERING = ("per-appendix", "continuous")


def _check_sections(theme: Theme, doc: Located) -> list[Diagnostic]:
    """The keys of section references, appendices and the table of contents."""
    out = []
    if theme.references.section not in REFERENCE_FORMS:
        out.append(doc.error(("references", "section"), f"'{theme.references.section}' is not a "
                             f"form of section reference; use {one_of(REFERENCE_FORMS)}"))
    if theme.appendices.numbering not in APPENDIX_NUMBERING:
        out.append(doc.error(("appendices", "numbering"), f"'{theme.appendices.numbering}' is not a "
                             f"numbering of appendix figures and tables; use {one_of(APPENDIX_NUMBERING)}"))
    if theme.bibliography.align not in BIBLIOGRAPHY_ALIGNS:
        out.append(doc.error(("bibliography", "align"), f"'{theme.bibliography.align}' is not an "
                             f"alignment of the bibliography; use {one_of(BIBLIOGRAPHY_ALIGNS)}"))
    if theme.pdf_standard not in PDF_STANDARDS:
        std = theme.pdf_standard
        out.append(doc.error(("pdf_standard",), f"'{std}' is not a PDF standard"
                             f"{did_you_mean(std, PDF_STANDARDS)}; use {one_of(PDF_STANDARDS)}"))
    if not 1 <= theme.toc.depth <= 3:
        out.append(doc.error(("toc", "depth"), f"{theme.toc.depth} is not a heading depth; use 1, 2 or 3"))
    return out


def _builtin_or_folder(name: str, base: Path) -> Path | None:
    from memokit.style import find_style

    return find_style(name, base)


def load_theme(folder: Path, root: Path | None = None) -> Theme:
    """Load and check ``folder/style.yaml`` (merged over what it extends); raise ContentError
    with problems located in the file that wrote each value.

    ``root`` is the memo's folder tree: what the style extends and every file it uses must
    lie there (or in the style's own folders, or a built-in style); see memokit.style.contain.
    """
    from memokit.style.bounds import check_texts, check_values, origins
    from memokit.style.files import check_fonts, load_logo

    confine = Confinement((root or Path(folder).resolve().parent).resolve())
    doc = load_layered(folder, _builtin_or_folder, confine=confine)
    confine = replace(confine, styles=tuple(f.resolve() for f in folders(doc)))
    reader = _Reader(doc)  # type: ignore[arg-type]
    theme = reader.build(Theme, doc.value, ())
    errors = reader.errors
    if theme is not None and not errors:
        theme = replace(theme, folder=folder, origins=origins(doc))
        errors = _check(theme, doc) + check_values(theme, doc) + check_texts(theme, doc)
        errors += check_fonts(theme, doc, confine)
        theme, logo_errors = load_logo(theme, doc, folder, confine)
        errors += logo_errors
    if errors or theme is None:
        raise ContentError(sorted(errors, key=Diagnostic.sort_key))
    return theme


__all__ = ["PDF_STANDARDS", "Theme", "load_theme", "format_path"]
