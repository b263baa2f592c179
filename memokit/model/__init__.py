"""The format-free memo model. Imports nothing else of memokit."""

from memokit.model.nodes import (
    Author,
    Blob,
    Block,
    Box,
    BulletList,
    ChartSpec,
    Citation,
    Cited,
    CiteItem,
    Code,
    DataSet,
    Emph,
    Figure,
    ImageSpec,
    Inline,
    LineBreak,
    Link,
    ListItem,
    Memo,
    MemoMeta,
    Note,
    OrderedList,
    Paragraph,
    Quote,
    Ref,
    References,
    Section,
    Span,
    Strong,
    Table,
    Text,
)
from memokit.model.source import SourceSpan

__all__ = [
    "Author", "Blob", "Block", "Box", "BulletList", "ChartSpec", "Code", "DataSet", "Emph", "Figure",
    "ImageSpec", "Inline", "LineBreak", "Link", "ListItem", "Memo", "MemoMeta", "Note", "OrderedList",
    "Paragraph", "Quote", "Ref", "Section", "SourceSpan", "Strong", "Table", "Text",
    "Span", "Citation", "CiteItem", "Cited", "References",
]
