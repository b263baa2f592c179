"""The author guide stays true: its whole-memo example validates, its Jinja example works,
every message it quotes is one the catalogue pins, and it names every field of the schema."""

from __future__ import annotations

import re
from pathlib import Path

from memokit.load.schema import SCHEMA
from memokit.model import Figure, Ref, Table, Text
from memokit.model.walk import iter_inlines
from memokit.resolve import load_memo
from tests.helpers import ROOT
from tests.load.test_catalogue import ALT_WARNING, CASES

GUIDE = ROOT / "docs" / "content-format.md"


def _blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.S)


def test_the_whole_memo_example_validates_without_warnings(tmp_path: Path) -> None:
    example = next(b for b in _blocks("yaml") if b.startswith("memokit: 1"))
    path = tmp_path / "memo.yaml"
    path.write_text(example, encoding="utf-8")
    result = load_memo(path, "memo.yaml")
    assert result.warnings == []
    memo = result.memo
    lede = "".join(i.text for i in iter_inlines(memo.lede) if isinstance(i, Text))
    assert "fell to 2,500 in 2021" in lede
    blocks = memo.sections[0].blocks
    assert [type(b) for b in blocks if isinstance(b, (Figure, Table))] == [Figure, Table]
    refs = [i for s in (memo.sections[0], *memo.sections[0].sections) for b in s.blocks
            if hasattr(b, "children") for i in iter_inlines(b.children) if isinstance(i, Ref)]
    assert [(r.kind, r.number) for r in refs] == [("figure", 1), ("table", 1)]


def test_the_jinja_example_gives_the_promised_text(tmp_path: Path) -> None:
    snippet = next(b for b in _blocks("yaml") if b.startswith("lede: >\n  Training"))
    memo = snippet + (
        "title: T\nauthors: A\ndate: 2026-01-01\nsections: [{heading: H, body: [x]}]\n"
        "data:\n  training:\n    rows: [[year, trainees], [2024, 1870], [2025, 4310]]\n")
    path = tmp_path / "memo.yaml"
    path.write_text(memo, encoding="utf-8")
    lede = "".join(i.text for i in iter_inlines(load_memo(path).memo.lede) if isinstance(i, Text))
    assert lede == "Training reached 6,180 people, 130% more in the last year than in the first."


def test_every_quoted_message_is_pinned_by_the_catalogue() -> None:
    pinned = {line for lines in CASES.values() for line in lines}
    pinned |= {ALT_WARNING.format("warning"), ALT_WARNING.format("error")}
    quoted = [line for block in _blocks("text") for line in block.splitlines()
              if re.match(r"^\S+:\d+:\d+: (error|warning): ", line)]
    assert len(quoted) >= 25
    assert [q for q in quoted if q not in pinned] == []


def _names(schema: object) -> set[str]:
    out: set[str] = set()
    if isinstance(schema, dict):
        for key, value in schema.items():
            if key == "properties" and isinstance(value, dict):
                out |= set(value)
            out |= _names(value)
    elif isinstance(schema, list):
        for item in schema:
            out |= _names(item)
    return out


def test_the_guide_names_every_field_of_the_schema() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    missing = [n for n in sorted(_names(SCHEMA)) if f"`{n}" not in text and f"{n}:" not in text]
    assert missing == []
