"""pandoc's formatted inlines mapped once to memokit nodes."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from memokit.cite.ast import inlines
from memokit.model import Emph, Link, Strong, Text
from tests.cite.cited import HERE, memo_with, note_texts, reference_texts


def _s(text: str) -> dict[str, object]:
    return {"t": "Str", "c": text}


def test_italics_inside_italics_turn_roman_and_small_caps_keep_their_text() -> None:
    got = inlines([{"t": "Emph", "c": [_s("On"), {"t": "Space"}, {"t": "Emph", "c": [_s("Walden")]}]},
                   {"t": "Space"}, {"t": "SmallCaps", "c": [_s("Smith")]},
                   {"t": "Superscript", "c": [_s("2")]}], "en-GB")
    assert got == (Emph((Text("On Walden"),)), Text(" Smith2"))


def test_quoted_takes_the_memo_languages_marks_and_links_and_bold_are_kept() -> None:
    quoted = {"t": "Quoted", "c": [{"t": "DoubleQuote"}, [_s("Walking")]]}
    assert inlines([quoted], "de-DE") == (Text("„Walking“"),)
    assert inlines([quoted], "en-GB") == (Text("“Walking”"),)
    link = {"t": "Link", "c": [["", [], []], [_s("doi")], ["https://doi.org/1", ""]]}
    assert inlines([link, {"t": "Strong", "c": [_s("b")]}], "en") == (
        Link("https://doi.org/1", (Text("doi"),)), Strong((Text("b"),)))


def test_csl_yaml_reads_as_csl_json(tmp_path: Path) -> None:
    entries = json.loads((HERE / "entries.json").read_text(encoding="utf-8"))
    cites = ["A [@smith2016, p. 3].", "B [@satterfield2016, p. 170].", "C [@ruggles2024]."]
    from_json = memo_with(tmp_path, cites)
    (tmp_path / "sources.yaml").write_text(yaml.safe_dump({"references": entries}, allow_unicode=True),
                                           encoding="utf-8")
    text = (tmp_path / "memo.yaml").read_text(encoding="utf-8").replace("entries.json", "sources.yaml")
    (tmp_path / "memo.yaml").write_text(text, encoding="utf-8")
    from memokit.resolve import load_memo

    from_yaml = load_memo(tmp_path / "memo.yaml").memo
    assert note_texts(from_yaml) == note_texts(from_json)
    assert reference_texts(from_yaml) == reference_texts(from_json)
