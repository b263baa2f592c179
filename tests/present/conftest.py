"""Fixtures of the presentation tests: the built-in styles and memos built from model nodes."""

from __future__ import annotations

import datetime as dt

import pytest

from memokit.model import (
    Author,
    Figure,
    Memo,
    MemoMeta,
    Paragraph,
    Section,
    SourceSpan,
    Text,
)
from memokit.model.nodes import ChartSpec
from memokit.style import load_style, style_folder
from memokit.style.theme import Theme


@pytest.fixture(scope="session")
def memo_theme() -> Theme:
    folder = style_folder("memo")
    assert folder is not None
    return load_style(folder)


@pytest.fixture(scope="session")
def brief_theme() -> Theme:
    folder = style_folder("brief")
    assert folder is not None
    return load_style(folder)


FULL_META = MemoMeta(title="A title", authors=(Author("Ann Aro"), Author("Bo Berg")),
                     date=dt.date(2026, 3, 14), subtitle="A subtitle", number="8147",
                     series="Crisis Management", project="B26014", approved_by="R. Alsgaard")
BARE_META = MemoMeta(title="A title", authors=(), date=dt.date(2026, 3, 14))


def para(text: str, line: int = 1) -> Paragraph:
    return Paragraph((Text(text),), SourceSpan("memo.yaml", line, 9))


def figure(line: int = 20) -> Figure:
    return Figure("f", 1, (Text("Caption"),), ChartSpec("line", "d", "x", ("y",)), "alt",
                  span=SourceSpan("memo.yaml", line, 11))


def memo(meta: MemoMeta = FULL_META, lede: tuple = (Text("The lede."),),  # type: ignore[type-arg]
         blocks: tuple = (), ) -> Memo:  # type: ignore[type-arg]
    return Memo(meta, lede, (Section("One", 1, blocks or (para("Text."),)),), source_path="memo.yaml")
