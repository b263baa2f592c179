"""What the block builders (figures, tables, chart options) need from the memo being built.

A protocol, so ``figtab``, ``chartopts`` and ``tabledata`` depend on this small interface
and not on the builder that implements it (no import circle).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

from memokit.data.tables import Loaded
from memokit.model import DataSet, Inline, SourceSpan
from memokit.source import PathKey


class Context(Protocol):
    raw: dict[str, Any]  # the memo as read (located values)
    data: dict[str, DataSet]  # the data sets that loaded
    read: dict[str, Loaded]  # each data set as read, to locate a bad value
    base: Path  # the memo's folder (files it names are found from here)
    data_root: Path | None  # a further folder files may lie in (--data-root)
    files: list[Path]  # the files read so far (the manifest's inputs); picture files are added

    def err(self, path: PathKey, msg: str, key: bool = False) -> None:
        """Record an error at the value (or key) at ``path``."""

    def warn(self, path: PathKey, msg: str) -> None:
        """Record a warning at the value at ``path``."""

    def span(self, path: PathKey) -> SourceSpan:
        """Where the value at ``path`` was written, with its field path."""

    def plain(self, path: PathKey, value: object) -> str | None:
        """A plain-text field after Jinja2 (no Markdown, notes or cross-references)."""

    def inline(self, path: PathKey, value: object, notes: bool = False) -> tuple[Inline, ...]:
        """An inline Markdown field after Jinja2."""
