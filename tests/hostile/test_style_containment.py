"""Hostile house styles, class 2 of the hardening issue: a style may use only files inside its
own folder, a style folder inside the memo's folder tree or a built-in style. Every other
file (by an absolute path, by ``..``, through a symbolic link, from inside an SVG logo, as
a font, as the style it extends) is a located error, and nothing of it reaches an output."""

from __future__ import annotations

from pathlib import Path

import pytest

from memokit.style.fonts import BUNDLED
from tests.style.sandbox import SVG, Link, Sandbox, assert_refused, png, svg

CARLITO = (BUNDLED / "carlito" / "Carlito-Regular.ttf").read_bytes()
OUTSIDE = "a house style may use only files inside its own folder"
EVIL_STYLE = "extends: memo\nname: evil\ncolours: {accent: '#FF0000'}\n"

# name -> (style folder files, files outside the tree, line, column, field, fragments)
CASES: dict[str, tuple[dict, dict, int, int, str, tuple[str, ...]]] = {
    "logo-absolute-path": (
        {"style.yaml": "extends: memo\nlogo: {file: %OUTSIDE%/logo.png, width: 20mm}\n"},
        {"logo.png": png(4, 4)}, 2, 14, "logo.file", ("is an absolute path", OUTSIDE)),
    "logo-dotdot": (
        {"style.yaml": "extends: memo\nlogo: {file: ../../../outside/logo.svg, width: 20mm}\n"},
        {"logo.svg": svg('<rect width="64" height="64"/>')}, 2, 14, "logo.file",
        ("'../../../outside/logo.svg' leads outside the style's folder", OUTSIDE)),
    "logo-symlink-outside": (
        {"style.yaml": "extends: memo\nlogo: {file: logo.png, width: 20mm}\n",
         "logo.png": Link("outside/logo.png")},
        {"logo.png": png(4, 4)}, 2, 14, "logo.file", ("'logo.png' leads outside", "links are followed")),
    "logo-fallback-png-symlink-outside": (
        {"style.yaml": "extends: memo\nlogo: {file: logo.svg, width: 20mm}\n",
         "logo.svg": svg('<rect width="64" height="64"/>'), "logo.png": Link("outside/logo.png")},
        {"logo.png": png(4, 4)}, 2, 14, "logo.file", ("the PNG beside the logo", "leads outside")),
    "svg-image-leaves-the-folder": (
        {"style.yaml": "extends: memo\nlogo: {file: logo.svg, width: 20mm}\n",
         "logo.svg": svg('<image xlink:href="../../../outside/secret.png" width="64" height="64"/>')},
        {"secret.png": png(4, 4)}, 2, 14, "logo.file",
        ("<image> referring to '../../../outside/secret.png', outside the style's folder",)),
    "svg-use-file-url": (
        {"style.yaml": "extends: memo\nlogo: {file: logo.svg, width: 20mm}\n",
         "logo.svg": svg('<use href="file:///etc/passwd#x"/>')},
        {}, 2, 14, "logo.file",
        ("<use> referring to 'file:///etc/passwd#x'", "file: references are refused")),
    "svg-image-http": (
        {"style.yaml": "extends: memo\nlogo: {file: logo.svg, width: 20mm}\n",
         "logo.svg": svg('<image href="http://127.0.0.1:9/x.png" width="64" height="64"/>')},
        {}, 2, 14, "logo.file", ("http: references are refused",)),
    "svg-css-url-outside": (
        {"style.yaml": "extends: memo\nlogo: {file: logo.svg, width: 20mm}\n",
         "logo.svg": svg('<rect width="9" height="9" style="fill: url(https://example.org/p.svg#p)"/>')},
        {}, 2, 14, "logo.file", ("with url() in the style attribute of <rect>",)),
    "font-family-absolute-path": (
        {"style.yaml": 'extends: memo\nfonts:\n  body: {family: "%OUTSIDE%/Evil", word: X}\n',
         "fonts/.keep": b""},  # with a fonts/ folder, the path was joined to it and loaded
        {"Evil-Regular.ttf": CARLITO}, 3, 18, "fonts.body.family",
        ("is not a font family name", "never by a path")),
    "font-family-dotdot": (
        {"style.yaml": "extends: memo\nfonts:\n  heading: {family: ../../../outside/Evil, word: X}\n",
         "fonts/.keep": b""},
        {"Evil-Regular.ttf": CARLITO}, 3, 21, "fonts.heading.family", ("is not a font family name",)),
    "font-file-symlink-outside": (
        {"style.yaml": "extends: memo\nfonts:\n  body: {family: House Sans, word: X}\n",
         "fonts/HouseSans-Regular.ttf": Link("outside/Evil-Regular.ttf")},
        {"Evil-Regular.ttf": CARLITO}, 3, 18, "fonts.body.family",
        ("the font file 'HouseSans-Regular.ttf' leads outside", OUTSIDE)),
    "extends-absolute-path": (
        {"style.yaml": "extends: %OUTSIDE%/evil\nname: x\n"},
        {"evil/style.yaml": EVIL_STYLE}, 1, 10, "extends", ("leads outside the memo's folder tree",)),
    "extends-outside-the-tree": (
        {"style.yaml": "extends: ../../../outside/evil\nname: x\n"},
        {"evil/style.yaml": EVIL_STYLE}, 1, 10, "extends",
        ("'../../../outside/evil' leads outside the memo's folder tree",)),
    "extends-symlink-outside": (
        {"style.yaml": "extends: parent\nname: x\n", "parent": Link("outside/evil")},
        {"evil/style.yaml": EVIL_STYLE}, 1, 10, "extends", ("'parent' leads outside",)),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_style_cannot_reach_outside(name: str, tmp_path: Path) -> None:
    style, outside, line, column, field, fragments = CASES[name]
    sb = Sandbox(tmp_path, style=style, outside=outside).write()
    assert_refused(sb, line, column, field, *fragments)


def test_a_style_yaml_linked_from_outside_is_refused(tmp_path: Path) -> None:
    sb = Sandbox(tmp_path, style={"style.yaml": Link("outside/style.yaml")},
                 outside={"style.yaml": EVIL_STYLE}).write()
    assert_refused(sb, 1, 1, "", "style.yaml is not a file of its style folder", OUTSIDE)


def test_files_of_another_style_folder_in_the_tree_and_pictures_beside_the_logo_are_used(
        tmp_path: Path) -> None:
    import pdfplumber

    sb = Sandbox(tmp_path, style={
        "style.yaml": "extends: ../brand\nname: house\nlogo: {file: ../brand/logo.svg, width: 20mm}\n",
        "../brand/style.yaml": "extends: memo\nname: brand\n",
        "../brand/logo.svg": SVG.format('<image href="crest.png" width="64" height="64"/>').encode(),
        "../brand/crest.png": png(8, 8)}).write()
    run, changes = sb.run()
    assert run.code == 0, run.err
    assert changes == []
    with pdfplumber.open(str(sb.out / "memo.pdf")) as pdf:
        assert len(pdf.pages[0].images) == 1  # the crest, taken into the SVG logo
