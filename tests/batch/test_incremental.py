"""A memo is rebuilt exactly when something it is built from changed."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

import memokit
from memokit.batch import build
from memokit.batch.manifest import input_files
from memokit.style import builtin_styles
from tests.batch.memos import FORMATS, pdf_text, write_csv, write_memo


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """Four memos: two use data/a.csv, one data/b.csv, one a house style of its own."""
    src = tmp_path / "src"
    write_csv(src / "data" / "a.csv", [("Alpha", 1)])
    write_csv(src / "data" / "b.csv", [("Bravo", 2)])
    write_memo(src / "one.yaml", "One", "data/a.csv")
    write_memo(src / "two.yaml", "Two", "data/a.csv")
    write_memo(src / "three.yaml", "Three", "data/b.csv")
    shutil.copytree(builtin_styles()["memo"], src / "templates" / "house")
    styled = write_memo(src / "styled.yaml", "Styled")
    styled.write_text("style: templates/house\n" + styled.read_text(encoding="utf-8"), encoding="utf-8")
    return src


def rebuilt(src: Path, out: Path, **options: object) -> set[str]:
    report = build([src], out, jobs=2, formats=FORMATS, **options)  # type: ignore[arg-type]
    assert report.ok, [m.errors for m in report.memos]
    return {Path(m.path).stem for m in report.memos if m.status == "built"}


ALL = {"one", "two", "three", "styled"}


def test_nothing_changed_nothing_built(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert rebuilt(tree, out) == ALL
    stamps = {p: p.stat().st_mtime_ns for p in out.rglob("*")}
    assert rebuilt(tree, out) == set()
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*")} == stamps


def test_touching_files_without_changing_them_builds_nothing(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    rebuilt(tree, out)
    for p in tree.rglob("*"):
        os.utime(p)
    assert rebuilt(tree, out) == set()


def test_an_edited_memo_is_rebuilt_alone(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    rebuilt(tree, out)
    write_memo(tree / "two.yaml", "Two, revised", "data/a.csv")
    assert rebuilt(tree, out) == {"two"}
    assert "Two, revised" in pdf_text(out / "two.pdf")


def test_a_changed_data_file_rebuilds_its_users(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    rebuilt(tree, out)
    write_csv(tree / "data" / "a.csv", [("Alpha", 1), ("Zulu", 9)])
    assert rebuilt(tree, out) == {"one", "two"}
    assert "Zulu" in pdf_text(out / "one.pdf")
    write_csv(tree / "data" / "b.csv", [("Yankee", 3)])
    assert rebuilt(tree, out) == {"three"}


def test_a_changed_house_style_rebuilds_the_memos_in_it(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    rebuilt(tree, out)
    style = tree / "templates" / "house" / "style.yaml"
    text = style.read_text(encoding="utf-8")
    assert "institute: Nordic Institute for Security Analysis" in text
    style.write_text(text.replace("institute: Nordic Institute for Security Analysis",
                                  "institute: Baltic Policy Unit"), encoding="utf-8")
    assert rebuilt(tree, out) == {"styled"}
    assert "Baltic Policy Unit" in pdf_text(out / "styled.pdf")


def test_the_built_in_style_is_an_input_of_memos_that_use_it(tree: Path) -> None:
    inputs = input_files(tree / "one.yaml", None)
    assert inputs[0] == (tree / "one.yaml").resolve()
    assert (tree / "data" / "a.csv").resolve() in inputs
    assert (builtin_styles()["memo"] / "style.yaml").resolve() in inputs
    styled = input_files(tree / "styled.yaml", None)
    assert (tree / "templates" / "house" / "style.yaml").resolve() in styled
    assert (builtin_styles()["memo"] / "style.yaml").resolve() not in styled


def test_a_new_memokit_version_rebuilds_everything(tree: Path, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    rebuilt(tree, out)
    monkeypatch.setattr(memokit, "__version__", "99.0")
    report = build([tree], out, jobs=2, formats=FORMATS)
    assert report.built == 4
    assert report.as_dict()["memokit"] == "99.0"


def test_force_rebuilds_everything(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    rebuilt(tree, out)
    assert rebuilt(tree, out, force=True) == ALL


def test_other_formats_or_a_deleted_output_rebuild(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert rebuilt(tree, out) == ALL
    (out / "three.pdf").unlink()
    assert rebuilt(tree, out) == {"three"}
    report = build([tree], out, jobs=2, formats=["pdf"])
    assert report.built == 4 and all(len(m.outputs) == 1 for m in report.memos)


def test_a_damaged_manifest_means_a_full_build(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    rebuilt(tree, out)
    (out / ".memokit-build.json").write_text("{not json", encoding="utf-8")
    assert rebuilt(tree, out) == ALL
    doc = json.loads((out / ".memokit-build.json").read_text(encoding="utf-8"))
    assert set(doc["memos"]) == ALL
    entry = doc["memos"]["one"]
    assert entry["source"] == "../src/one.yaml"  # relative to the output folder
    assert "../src/data/a.csv" in entry["inputs"]


def test_moving_the_whole_project_keeps_the_build_incremental(tree: Path, tmp_path: Path) -> None:
    rebuilt(tree, tmp_path / "out")
    moved = tmp_path / "moved"
    moved.mkdir()
    shutil.move(tree, moved / "src")
    shutil.move(tmp_path / "out", moved / "out")
    assert rebuilt(moved / "src", moved / "out") == set()


def test_a_different_memo_at_the_same_place_is_built(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    rebuilt(tree, out)
    other = write_memo(tmp_path / "elsewhere" / "one.yaml", "Another one")
    assert build([other], out, jobs=1, formats=FORMATS).built == 1
    assert "Another one" in pdf_text(out / "one.pdf")
