"""The house style sets the default citation style; a .csl file in its folder may be it; the
manifest's inputs include the bibliography files."""

from __future__ import annotations

import shutil
from pathlib import Path

from memokit.cite.csl import STYLES_DIR
from memokit.load.inputs import memo_inputs
from memokit.resolve import load_memo
from tests.cite.cited import HERE, cited_texts, note_texts


def _memo(tmp: Path, extra: str) -> Path:
    shutil.copy(HERE / "entries.json", tmp / "entries.json")
    (tmp / "memo.yaml").write_text(
        f"title: T\nauthors: A\ndate: 2026-03-01\nbibliography: entries.json\n{extra}"
        "sections:\n  - heading: H\n    body:\n      - See [@smith2016, p. 3].\n", encoding="utf-8")
    return tmp / "memo.yaml"


def _house(tmp: Path, citation_style: str) -> None:
    (tmp / "house").mkdir()
    (tmp / "house" / "style.yaml").write_text(
        f"extends: memo\nname: house\ncitation_style: {citation_style}\n", encoding="utf-8")


def test_without_a_house_setting_the_default_is_chicago_notes(tmp_path: Path) -> None:
    memo = load_memo(_memo(tmp_path, "")).memo
    assert note_texts(memo) == ["Zadie Smith, Swing Time (Penguin Press, 2016), 3."]


def test_the_house_style_sets_the_default_and_may_name_its_own_csl_file(tmp_path: Path) -> None:
    _house(tmp_path, "house.csl")
    shutil.copy(STYLES_DIR / "chicago-author-date.csl", tmp_path / "house" / "house.csl")
    memo = load_memo(_memo(tmp_path, "style: house\n")).memo
    assert cited_texts(memo) == ["(Smith 2016, 3)"]
    # the memo's own citation_style wins
    memo = load_memo(_memo(tmp_path, "style: house\ncitation_style: apa\n")).memo
    assert cited_texts(memo) == ["(Smith, 2016, p. 3)"]


def test_the_manifest_inputs_include_the_bibliography(tmp_path: Path) -> None:
    path = _memo(tmp_path, "")
    assert (tmp_path / "entries.json").resolve() in memo_inputs(path).files


def test_a_csl_file_beside_the_memo_is_its_style_and_an_input(tmp_path: Path) -> None:
    shutil.copy(STYLES_DIR / "apa.csl", tmp_path / "ours.csl")
    path = _memo(tmp_path, "citation_style: ours.csl\n")
    assert cited_texts(load_memo(path).memo) == ["(Smith, 2016, p. 3)"]
    assert (tmp_path / "ours.csl").resolve() in memo_inputs(path).files


def test_a_citation_part_without_a_key_says_so(tmp_path: Path) -> None:
    import pytest

    from memokit.errors import ContentError

    path = _memo(tmp_path, "")
    path.write_text(path.read_text().replace("[@smith2016, p. 3]", "[@smith2016; see above]"))
    with pytest.raises(ContentError) as info:
        load_memo(path)
    assert info.value.diagnostics[0].message.startswith("each part of a citation")
