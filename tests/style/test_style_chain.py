"""``style_chain`` names exactly the style folders the Theme loader reads, one walk for both."""

from __future__ import annotations

from pathlib import Path

import pytest

from memokit.errors import ContentError
from memokit.style import builtin_styles, load_style, style_chain, style_folder
from memokit.style.inherit import folders, load_layered


def write_style(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "style.yaml").write_text(text, encoding="utf-8")
    return folder


def test_the_chain_is_what_the_loader_read(tmp_path: Path) -> None:
    write_style(tmp_path / "house", "extends: memo\nname: house\n")
    child = write_style(tmp_path / "house-brief", "extends: ../house\nname: house-brief\n")
    chain = style_chain(child)
    assert chain == [child, (tmp_path / "house").resolve(), builtin_styles()["memo"].resolve()]
    assert folders(load_layered(child, style_folder)) == chain
    assert load_style(child).folder == child


def test_a_style_that_extends_nothing_is_its_own_chain(tmp_path: Path) -> None:
    memo = builtin_styles()["memo"]
    assert style_chain(memo) == [memo]
    alone = write_style(tmp_path / "alone", "name: alone\n")
    assert style_chain(alone) == [alone]


def test_a_cycle_ends_the_chain_and_fails_the_load(tmp_path: Path) -> None:
    a = write_style(tmp_path / "a", "extends: ../b\nname: a\n")
    b = write_style(tmp_path / "b", "extends: ../a\nname: b\n")
    assert style_chain(a) == [a, b.resolve()]
    with pytest.raises(ContentError, match="cannot extend itself"):
        load_layered(a, style_folder)


@pytest.mark.parametrize("parent_text", ["extends: [memo\n", "extends: ../nowhere\n", "extends: 3\n"])
def test_a_broken_parent_gives_the_folders_up_to_it(tmp_path: Path, parent_text: str) -> None:
    parent = write_style(tmp_path / "parent", parent_text)
    child = write_style(tmp_path / "child", "extends: ../parent\nname: child\n")
    assert style_chain(child) == [child, parent.resolve()]
    with pytest.raises(ContentError) as caught:
        load_layered(child, style_folder)
    assert caught.value.diagnostics[0].file == str(parent.resolve() / "style.yaml")


def test_a_missing_or_unreadable_style_file_gives_its_folder(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    assert style_chain(empty) == [empty]
    with pytest.raises(OSError):
        load_layered(empty, style_folder)
    latin = tmp_path / "latin"
    latin.mkdir()
    (latin / "style.yaml").write_bytes("name: caf\xe9\n".encode("latin-1"))
    assert style_chain(latin) == [latin]
    with pytest.raises(ContentError, match="UTF-8"):
        load_layered(latin, style_folder)


def test_an_edited_extends_changes_the_chain(tmp_path: Path) -> None:
    child = write_style(tmp_path / "child", "extends: memo\nname: child\n")
    assert style_chain(child)[1:] == [builtin_styles()["memo"].resolve()]
    write_style(child, "extends: brief\nname: child\n")
    assert style_chain(child)[1] == builtin_styles()["brief"].resolve()
    write_style(child, "name: child\n")
    assert style_chain(child) == [child]
