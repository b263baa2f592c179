"""Build a memo that cites the test bibliography and read back what the resolve stage made."""

from __future__ import annotations

import shutil
from pathlib import Path

from memokit.cite.ast import plain
from memokit.model import Cited, Memo
from memokit.model.walk import descendants, notes
from memokit.resolve import load_memo

HERE = Path(__file__).resolve().parent


def memo_with(tmp: Path, paragraphs: list[str], style: str = "chicago-notes-ibid",
              bib: str = "entries.json", language: str | None = None, extra: str = "") -> Memo:
    """A memo in ``tmp`` citing ``bib`` (copied from tests/cite) in ``paragraphs``; resolved."""
    for name in ("entries.json", "entries.bib"):
        shutil.copy(HERE / name, tmp / name)
    body = "\n".join(f"      - {p!r}" for p in paragraphs)
    lang = f"language: {language}\n" if language else ""
    (tmp / "memo.yaml").write_text(
        f"title: Citing\nauthors: A. Author\ndate: 2026-03-01\n{lang}bibliography: {bib}\n"
        f"citation_style: {style}\n{extra}sections:\n  - heading: One\n    body:\n{body}\n",
        encoding="utf-8")
    return load_memo(tmp / "memo.yaml").memo


def note_texts(memo: Memo) -> list[str]:
    return [plain(n.children) for n in notes(memo)]


def cited_texts(memo: Memo) -> list[str]:
    return [plain(c.children) for c in descendants(memo) if isinstance(c, Cited)]


def reference_texts(memo: Memo) -> list[str]:
    assert memo.references is not None
    return [plain(e) for e in memo.references.entries]
