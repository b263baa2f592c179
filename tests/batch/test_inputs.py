"""What a memo is made from, as the loader sees it, and what the manifest records of it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from memokit.batch import build
from memokit.batch.manifest import MANIFEST_NAME, input_files
from memokit.load import MemoInputs, memo_inputs
from memokit.style import builtin_styles
from tests.batch.memos import FORMATS, memo_text, write_csv


@pytest.fixture
def styled(tmp_path: Path) -> Path:
    """content/memo.yaml: two data files, a local style extending another local style."""
    root = tmp_path / "content"
    write_csv(root / "data" / "staff.csv", [("Alpha", 1)])
    write_csv(root / "data" / "more" / "budget.csv", [("Bravo", 2)])
    (root / "styles" / "house").mkdir(parents=True)
    (root / "styles" / "house-brief").mkdir()
    (root / "styles" / "house" / "style.yaml").write_text(
        "extends: memo\nname: house\ncolours: {accent: '#7A1F3D'}\n", encoding="utf-8")
    (root / "styles" / "house" / "notes.txt").write_text("kept with the style\n", encoding="utf-8")
    (root / "styles" / "house-brief" / "style.yaml").write_text(
        "extends: ../house\nname: house-brief\n", encoding="utf-8")
    text = memo_text("Two data sets", "data/staff.csv")
    text = text.replace("data:\n", "style: styles/house-brief\ndata:\n  budget:\n"
                        "    file: data/more/budget.csv\n")
    (root / "memo.yaml").write_text(text, encoding="utf-8")
    return root


def test_the_inputs_a_memo_names(styled: Path) -> None:
    found = memo_inputs(styled / "memo.yaml", None)
    assert found == MemoInputs(
        (styled / "memo.yaml").resolve(),
        ((styled / "data" / "more" / "budget.csv").resolve(), (styled / "data" / "staff.csv").resolve()),
        "styles/house-brief", (styled / "styles" / "house-brief").resolve())
    assert found.files == [found.memo, *found.data]


def test_the_input_files_include_every_style_of_the_chain(styled: Path) -> None:
    files = input_files(styled / "memo.yaml", None)
    resolved = styled.resolve()
    assert files[:3] == [resolved / "memo.yaml", resolved / "data" / "more" / "budget.csv",
                         resolved / "data" / "staff.csv"]
    assert files[3:] == [resolved / "styles" / "house-brief" / "style.yaml",
                         resolved / "styles" / "house" / "notes.txt",
                         resolved / "styles" / "house" / "style.yaml",
                         *sorted(p.resolve() for p in builtin_styles()["memo"].rglob("*")
                                 if p.is_file() and "__pycache__" not in p.parts)]


def test_the_manifest_records_them_and_a_change_to_the_parent_style_rebuilds(
        styled: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = build([styled / "memo.yaml"], out, jobs=1, formats=FORMATS)
    assert first.built == 1, first.as_dict()
    entry = json.loads((out / MANIFEST_NAME).read_text(encoding="utf-8"))["memos"]["memo"]
    assert {p for p in entry["inputs"] if not p.startswith("<memokit>")} == {
        "../content/memo.yaml", "../content/data/staff.csv", "../content/data/more/budget.csv",
        "../content/styles/house-brief/style.yaml", "../content/styles/house/style.yaml",
        "../content/styles/house/notes.txt"}
    assert "<memokit>/memo/style.yaml" in entry["inputs"]
    assert build([styled / "memo.yaml"], out, jobs=1, formats=FORMATS).skipped == 1
    (styled / "data" / "more" / "budget.csv").write_text("mission,personnel\nBravo,3\n", encoding="utf-8")
    assert build([styled / "memo.yaml"], out, jobs=1, formats=FORMATS).built == 1
    house = styled / "styles" / "house" / "style.yaml"
    house.write_text(house.read_text(encoding="utf-8").replace("7A1F3D", "2E5E1F"), encoding="utf-8")
    assert build([styled / "memo.yaml"], out, jobs=1, formats=FORMATS).built == 1


@pytest.mark.parametrize("text", ["title: [Broken\n", "- a list\n- not a memo\n", "", "\xff\xfe"])
def test_a_broken_memo_names_only_itself(tmp_path: Path, text: str) -> None:
    memo = tmp_path / "broken.yaml"
    memo.write_bytes(text.encode("latin-1"))
    found = memo_inputs(memo, None)
    assert found == MemoInputs(memo.resolve())
    assert found.files == [memo.resolve()]
    assert input_files(memo, None) == [memo.resolve()]


def test_a_missing_memo_names_only_itself(tmp_path: Path) -> None:
    assert memo_inputs(tmp_path / "gone.yaml").files == [(tmp_path / "gone.yaml").resolve()]


def test_paths_the_loader_refuses_are_left_out(tmp_path: Path) -> None:
    outside = write_csv(tmp_path / "outside.csv", [("Alpha", 1)])
    memo = tmp_path / "memos" / "m.yaml"
    memo.parent.mkdir()
    memo.write_text("title: T\nstyle: ../styles/elsewhere\ndata:\n"
                    "  up: {file: ../outside.csv}\n"
                    f"  absolute: {{file: {outside}}}\n"
                    "  missing: {file: data/later.csv}\n"
                    "  inline: {rows: [[1]]}\n"
                    "  odd: 3\n", encoding="utf-8")
    found = memo_inputs(memo, None)
    later = (memo.parent / "data" / "later.csv").resolve()
    assert found.data == (later,)  # named, allowed, not there yet
    assert found.files == [memo.resolve()]
    assert (found.style, found.style_folder) == ("../styles/elsewhere", None)
    # a data root allows what it holds (both names of outside.csv are one input)
    assert memo_inputs(memo, tmp_path).data == (outside.resolve(), later)


def test_the_style_is_the_default_or_a_built_in_one(tmp_path: Path) -> None:
    memo = tmp_path / "m.yaml"
    memo.write_text("title: T\n", encoding="utf-8")
    assert memo_inputs(memo).style_folder == builtin_styles()["memo"].resolve()
    memo.write_text("title: T\nstyle: brief\n", encoding="utf-8")
    assert memo_inputs(memo).style_folder == builtin_styles()["brief"].resolve()
    memo.write_text("title: T\nstyle: [brief]\n", encoding="utf-8")
    assert (memo_inputs(memo).style, memo_inputs(memo).style_folder) == (None, None)
    memo.write_text("title: T\nstyle: nosuchstyle\n", encoding="utf-8")
    assert (memo_inputs(memo).style, memo_inputs(memo).style_folder) == ("nosuchstyle", None)
