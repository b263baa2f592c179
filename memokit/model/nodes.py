"""The memo document model: frozen, format-free nodes.

A small closed set of block and inline types. The model holds meaning (a lede,
a level-2 heading, a note), never points, colours or format names. Numbering of
footnotes, figures and tables is done once, by the resolve stage, so every writer agrees;
the loader builds nodes with number 0.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal, Union

from memokit.model.source import SourceSpan

# ---------------------------------------------------------------- inlines


@dataclass(frozen=True, slots=True)
class Text:
    """Plain text, exactly as written (quotes, dashes, ``&`` and ``<`` included)."""

    text: str


@dataclass(frozen=True, slots=True)
class Code:
    """Inline code span."""

    text: str


@dataclass(frozen=True, slots=True)
class Emph:
    children: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class Strong:
    children: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class Link:
    url: str
    children: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class LineBreak:
    """A hard line break inside a paragraph."""


@dataclass(frozen=True, slots=True)
class Note:
    """A footnote: its number in reading order (0 until resolved) and its content."""

    number: int
    children: tuple[Inline, ...]
    id: str | None = None  # the author's id for ``[^id]`` notes; None for inline notes


@dataclass(frozen=True, slots=True)
class Ref:
    """A cross-reference to a figure, table, box or section; its number is 0 until resolved (a
    section's number is its place in the memo, see memokit.present.sections)."""

    kind: Literal["figure", "table", "box", "section"]
    target: str
    number: int = 0
    span: SourceSpan | None = field(default=None, compare=False)  # where '@fig:id' was written
    part: str = ""  # the appendix letter of a figure or table numbered per appendix ('A' of 'A.1');
    # a section's number ('2.1'; 'A', 'A.1' in an appendix)
    title: str = ""  # a section's heading as written


@dataclass(frozen=True, slots=True)
class Span:
    """A phrase in another language than the memo's: ``[texte]{lang=fr}``.

    ``lang`` is the author's BCP 47 tag ('fr', 'de-CH', 'ar'): hyphenation, the DOCX run's
    language and the tagged PDF follow it."""

    lang: str
    children: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class CiteItem:
    """One source of a citation: ``see @key, p. 12`` is prefix 'see', key, suffix 'p. 12'."""

    key: str
    prefix: str = ""
    suffix: str = ""  # the locator and anything after it, as written ('p. 12', 'chap. 2')
    suppress_author: bool = False  # '[-@key]'


@dataclass(frozen=True, slots=True)
class Citation:
    """A citation as written: ``[see @a, p. 3; @b]`` or a narrative ``@key``. The resolve stage
    replaces it by a note (notes styles) or by :class:`Cited` text (author-date styles), so the
    writers never meet one."""

    items: tuple[CiteItem, ...]
    in_text: bool = False  # narrative: '@key says' (author-date styles)
    span: SourceSpan | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Cited:
    """A citation formatted in the memo's citation style, set in the text ('(Smith 2020, 12)',
    'Smith (2020)'); ``keys`` name the sources it cites."""

    children: tuple[Inline, ...]
    keys: tuple[str, ...] = ()


Inline = Union[Text, Code, Emph, Strong, Link, LineBreak, Note, Ref, Span, Citation, Cited]

# ---------------------------------------------------------------- blocks


@dataclass(frozen=True, slots=True)
class Paragraph:
    children: tuple[Inline, ...]
    span: SourceSpan | None = None


@dataclass(frozen=True, slots=True)
class ListItem:
    blocks: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class BulletList:
    items: tuple[ListItem, ...]
    span: SourceSpan | None = None


@dataclass(frozen=True, slots=True)
class OrderedList:
    items: tuple[ListItem, ...]
    start: int = 1
    span: SourceSpan | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    blocks: tuple[Block, ...]
    span: SourceSpan | None = None


@dataclass(frozen=True, slots=True)
class Highlight:
    """A shaded stretch of the x axis (dates, numbers or categories as in the data)."""

    start: object
    end: object
    label: str | None = None


@dataclass(frozen=True, slots=True)
class Annotation:
    """A labelled point (with ``y``) or a labelled line across the chart at ``x``."""

    x: object
    text: str
    y: float | None = None


@dataclass(frozen=True, slots=True)
class ChartSpec:
    """What to draw: the data set and how to map its columns. No styling."""

    kind: str  # line, bar, barh, grouped-bar, stacked-bar, area, stacked-area, scatter
    data: str  # name of a data set in ``Memo.data``
    x: str
    y: tuple[str, ...]
    series: str | None = None
    x_label: str | None = None
    y_label: str | None = None
    y_format: str | None = None  # '{:,.0f}'-style format, or 'percent' (fractions shown as %)
    y_unit: str | None = None  # suffix after every value-axis number, e.g. ' bn'
    y_from_zero: bool | None = None  # None: bars and areas from zero, lines when near it
    legend: Literal["top", "bottom", "right", "none"] | None = None
    series_order: tuple[str, ...] = ()
    series_labels: tuple[tuple[str, str], ...] = ()  # (series value, label shown)
    highlight: tuple[Highlight, ...] = ()
    annotations: tuple[Annotation, ...] = ()
    aspect: float | None = None  # height / width; None: the Theme's


class Blob(bytes):
    """File content a node carries (a picture); shown by its size, never its bytes."""

    def __repr__(self) -> str:
        return f"<{len(self):,} bytes>"


@dataclass(frozen=True, slots=True)
class ImageSpec:
    """A picture file shown as a figure: the file as written, its kind (from its content),
    its own size and its checked content, which the writers draw (never the file again)."""

    file: str  # the path as written in the memo
    kind: Literal["png", "jpeg", "svg"]
    width: float  # pixels (PNG, JPEG) or the SVG's own size in points
    height: float
    data: Blob = Blob()  # the bytes as read; an SVG after it was made safe


@dataclass(frozen=True, slots=True)
class Figure:
    """A numbered figure: a chart drawn from a data set, or a picture file (``image``)."""

    id: str
    number: int
    caption: tuple[Inline, ...]
    chart: ChartSpec | None
    alt: str
    source: tuple[Inline, ...] = ()
    width: Literal["page", "column"] = "column"
    span: SourceSpan | None = None
    id_span: SourceSpan | None = None  # where the id was written
    # where each chart key (chart, data, x, y, series, ...) was written, for located messages
    field_spans: tuple[tuple[str, SourceSpan], ...] = field(default=(), compare=False)
    image: ImageSpec | None = None  # set instead of ``chart`` for a picture file
    part: str = ""  # the appendix letter when numbered per appendix ('Figure A.1')


@dataclass(frozen=True, slots=True)
class Table:
    id: str
    number: int
    caption: tuple[Inline, ...]
    header: tuple[tuple[Inline, ...], ...]
    rows: tuple[tuple[tuple[Inline, ...], ...], ...]
    align: tuple[Literal["left", "right", "center"], ...]
    source: tuple[Inline, ...] = ()
    width: Literal["page", "column"] = "column"
    span: SourceSpan | None = None
    id_span: SourceSpan | None = None
    part: str = ""  # the appendix letter when numbered per appendix ('Table A.1')


@dataclass(frozen=True, slots=True)
class Box:
    """A titled, shaded panel of paragraphs and lists set apart from the text (a finding, a
    recommendation, a note); numbered in reading order like figures and tables."""

    id: str
    number: int
    title: tuple[Inline, ...]
    kind: Literal["findings", "recommendations", "note"]
    blocks: tuple[Block, ...]
    width: Literal["page", "column"] = "column"
    span: SourceSpan | None = None
    id_span: SourceSpan | None = None
    part: str = ""  # the appendix letter when numbered per appendix ('Box A.1')


Block = Union[Paragraph, BulletList, OrderedList, Quote, Figure, Table, Box]


@dataclass(frozen=True, slots=True)
class Section:
    heading: str  # the author's casing; the house style decides the case shown
    level: int  # 1, 2 or 3
    blocks: tuple[Block, ...]
    sections: tuple[Section, ...] = ()
    span: SourceSpan | None = None
    id: str | None = None  # the author's id, for '@sec:id' references
    id_span: SourceSpan | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class References:
    """The sources a memo cites, formatted in its citation style, in the style's order: a notes
    style's bibliography or an author-date style's reference list. Set after the last section,
    before any appendix, under a heading the house style's labels give."""

    kind: Literal["bibliography", "references"]
    entries: tuple[tuple[Inline, ...], ...]
    keys: tuple[str, ...] = ()  # each entry's source key, in the same order


# ---------------------------------------------------------------- the memo


@dataclass(frozen=True, slots=True)
class Author:
    name: str
    affiliation: str | None = None
    email: str | None = None


@dataclass(frozen=True, slots=True)
class MemoMeta:
    title: str
    authors: tuple[Author, ...]
    date: dt.date
    subtitle: str | None = None
    number: str | None = None
    series: str | None = None
    project: str | None = None
    approved_by: str | None = None
    language: str = "en-GB"
    keywords: tuple[str, ...] = ()
    style: str = "memo"


@dataclass(frozen=True, slots=True)
class DataSet:
    """A named table of typed values (numbers, dates, strings)."""

    name: str
    columns: tuple[str, ...]
    rows: tuple[tuple[object, ...], ...]

    def records(self) -> list[dict[str, object]]:
        """The rows as plain mappings, as templates and figures see them."""
        return [dict(zip(self.columns, r)) for r in self.rows]

    def column(self, name: str) -> list[object]:
        i = self.columns.index(name)
        return [r[i] for r in self.rows]


@dataclass(frozen=True, slots=True)
class Memo:
    meta: MemoMeta
    lede: tuple[Inline, ...]
    sections: tuple[Section, ...]
    data: dict[str, DataSet] = field(default_factory=dict, hash=False, compare=False)
    source_path: str | None = None
    appendix: tuple[Section, ...] = ()  # appendices A, B, ... after the main text
    toc: bool | None = None  # a table of contents; None: as the house style says
    references: References | None = None  # the cited sources, after the last section
