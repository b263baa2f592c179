"""A memo in a house style that extends another custom style: rendered with both layers, rebuilt when
either changes, and the style folders are not taken for memos."""

from __future__ import annotations

from pathlib import Path

import memokit
from tests.style.outputs import docx_style, has_colour

MEMO = """\
title: Layered styles
authors: [A. N. Author]
date: 2026-03-14
style: styles/house-brief
sections:
  - heading: Where things stand
    body:
      - A short memo in the house's brief style.
"""


def test_a_change_to_the_extended_style_rebuilds_the_memo(tmp_path: Path) -> None:
    root = tmp_path / "content"
    (root / "styles" / "house").mkdir(parents=True)
    (root / "styles" / "house-brief").mkdir()
    (root / "memo.yaml").write_text(MEMO, encoding="utf-8")
    house = root / "styles" / "house" / "style.yaml"
    house.write_text("extends: memo\nname: house\ncolours: {accent: '#7A1F3D'}\n", encoding="utf-8")
    (root / "styles" / "house-brief" / "style.yaml").write_text(
        "extends: ../house\nname: house-brief\npage: {size: Letter, columns: 1}\n", encoding="utf-8")
    out = tmp_path / "out"
    first = memokit.build([root], out, formats=("pdf", "docx"))
    assert (first.built, first.failed) == (1, 0), first.as_dict()
    assert [m.path for m in first.memos] == [str(root / "memo.yaml")]  # style folders are no memos
    assert has_colour(out / "memo.pdf", "#7A1F3D")
    assert 'w:val="7A1F3D"' in docx_style(out / "memo.docx", "Heading1")

    house.write_text("extends: memo\nname: house\ncolours: {accent: '#2E5E1F'}\n", encoding="utf-8")
    second = memokit.build([root], out, formats=("pdf", "docx"))
    assert (second.built, second.skipped) == (1, 0)
    assert has_colour(out / "memo.pdf", "#2E5E1F") and not has_colour(out / "memo.pdf", "#7A1F3D")


def test_fonts_of_an_extended_style_folder_are_found(tmp_path: Path) -> None:
    import shutil

    from memokit.style import load_style
    from memokit.style.fonts import BUNDLED, find_family

    parent, child = tmp_path / "house", tmp_path / "house-brief"
    (parent / "fonts").mkdir(parents=True)
    child.mkdir()
    for face in ("Regular", "Bold"):  # a family only this house has, under its own name
        shutil.copy(BUNDLED / "carlito" / f"Carlito-{face}.ttf", parent / "fonts" / f"HouseSans-{face}.ttf")
    (parent / "style.yaml").write_text("extends: memo\nname: house\nfonts:\n  heading: {family: House Sans, "
                                       "word: Calibri}\n", encoding="utf-8")
    (child / "style.yaml").write_text("extends: ../house\nname: house-brief\n", encoding="utf-8")
    theme = load_style(child)
    files = find_family("House Sans", theme.folder)
    assert files is not None and files.regular == parent / "fonts" / "HouseSans-Regular.ttf"
    assert files.italic == files.regular  # a missing face falls back to the regular one
