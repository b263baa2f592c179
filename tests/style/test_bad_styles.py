"""Style files are checked like content: each mistake is reported at its file:line:col."""

from __future__ import annotations

from pathlib import Path

import pytest

from memokit.errors import ContentError
from memokit.style import load_style

# name -> (style.yaml text, the expected first message with the folder as {d})
CASES: dict[str, tuple[str, str]] = {
    "unknown-top-key": (
        "extends: memo\nname: x\ncolour: {accent: '#123456'}\n",
        "{d}/style.yaml:3:1: error: colour: unknown key 'colour' (did you mean 'colours'?)"),
    "unknown-nested-key": (
        "extends: memo\nsizes:\n  body: 10pt\n  bodyy: 11pt\n",
        "{d}/style.yaml:4:3: error: sizes.bodyy: unknown key 'bodyy' (did you mean 'body'?)"),
    "wrong-unit": (
        "extends: memo\nsizes:\n  body: 10px\n",
        "{d}/style.yaml:3:9: error: sizes.body: '10px' is not a length; write a number with a unit: "
        "pt, mm, cm or in"),
    "no-unit": (
        "extends: memo\npage:\n  margin_top: 20\n",
        "{d}/style.yaml:3:15: error: page.margin_top: '20' is not a length"),
    "bad-colour": (
        "extends: memo\ncolours:\n  accent: '#12345G'\n",
        "{d}/style.yaml:3:11: error: colours.accent: '#12345G' is not a colour; write it as #RRGGBB"),
    "bad-colour-name": (
        "extends: memo\nheadings:\n  heading1: {colour: purple}\n",
        "{d}/style.yaml:3:22: error: headings.heading1.colour: 'purple' is not a colour name"),
    "missing-font": (
        "extends: memo\nfonts:\n  body: {family: Comic Sans, word: Comic Sans MS}\n",
        "{d}/style.yaml:3:18: error: fonts.body.family: font family 'Comic Sans' is not available"),
    "page-size": (
        "extends: memo\npage:\n  size: A3\n",
        "{d}/style.yaml:3:9: error: page.size: unknown page size 'A3'"),
    "columns": (
        "extends: memo\npage: {columns: 4}\n",
        "{d}/style.yaml:2:17: error: page.columns: columns must be 1, 2 or 3"),
    "heading-case": (
        "extends: memo\nheadings:\n  heading2: {case: title}\n",
        "{d}/style.yaml:3:20: error: headings.heading2.case: 'title' is not a case"),
    "extends-unknown": (
        "extends: memoo\nname: x\n",
        "{d}/style.yaml:1:10: error: extends: style 'memoo' is neither a built-in style "
        "(did you mean 'memo'?)"),
    "months": (
        "extends: memo\nlabels:\n  sv:\n    months: [jan, feb]\n",
        "{d}/style.yaml:4:13: error: labels.sv.months: give the 12 month names"),
    "figure-align": (
        "extends: memo\nfigures:\n  align: centre\n",
        "{d}/style.yaml:3:10: error: figures.align: 'centre' is not an alignment (did you mean 'center'?); "
        "use 'left', 'center' or 'right'"),
    "word-page-wide": (
        "extends: memo\nword:\n  page_wide: float\n",
        "{d}/style.yaml:3:14: error: word.page_wide: 'float' is not a way to set page-wide figures and "
        "tables in the DOCX; use 'box' or 'section'"),
    "reference-form": (
        "extends: memo\nreferences:\n  section: page\n",
        "{d}/style.yaml:3:12: error: references.section: 'page' is not a form of section reference; "
        "use 'number' or 'title'"),
    "appendix-numbering": (
        "extends: memo\nappendices: {numbering: lettered}\n",
        "{d}/style.yaml:2:25: error: appendices.numbering: 'lettered' is not a numbering of appendix "
        "figures and tables; use 'per-appendix' or 'continuous'"),
    "toc-depth": (
        "extends: memo\ntoc:\n  depth: 4\n",
        "{d}/style.yaml:3:10: error: toc.depth: 4 is not a heading depth; use 1, 2 or 3"),
    "pdf-standard": (
        "extends: memo\npdf_standard: ua1+a2b\n",
        "{d}/style.yaml:2:15: error: pdf_standard: 'ua1+a2b' is not a PDF standard"),
    "numbered-not-boolean": (
        "extends: memo\nheadings:\n  numbered: yes please\n",
        "{d}/style.yaml:3:13: error: headings.numbered: expected true or false"),
    "logo-missing": (
        "extends: memo\nlogo: {file: crest.svg, width: 20mm}\n",
        "{d}/style.yaml:2:14: error: logo.file: no logo file 'crest.svg'"),
    "logo-kind": (
        "extends: memo\nlogo: {file: style.yaml, width: 20mm}\n",
        "{d}/style.yaml:2:14: error: logo.file: a logo is an .svg or .png file"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_style_is_located(name: str, tmp_path: Path) -> None:
    text, expected = CASES[name]
    (tmp_path / "style.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as err:
        load_style(tmp_path)
    first = err.value.diagnostics[0].format()
    assert first.startswith(expected.format(d=tmp_path)), first


def test_error_in_the_parent_points_at_the_parent(tmp_path: Path) -> None:
    parent, child = tmp_path / "house", tmp_path / "house-brief"
    parent.mkdir()
    child.mkdir()
    (parent / "style.yaml").write_text("extends: memo\nname: house\ncolours:\n  muted: grey\n",
                                       encoding="utf-8")
    (child / "style.yaml").write_text("extends: ../house\nname: house-brief\npage: {columns: 1}\n",
                                      encoding="utf-8")
    with pytest.raises(ContentError) as err:
        load_style(child)
    assert err.value.diagnostics[0].format().startswith(
        f"{parent}/style.yaml:4:10: error: colours.muted: 'grey' is not a colour")
    # the child overriding the bad value is a working style
    (child / "style.yaml").write_text("extends: ../house\nname: house-brief\ncolours: {muted: '#777777'}\n",
                                      encoding="utf-8")
    theme = load_style(child)
    assert theme.colours.muted == "#777777" and theme.name == "house-brief"


def test_a_style_cannot_extend_itself(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "style.yaml").write_text("extends: ../b\n", encoding="utf-8")
    (tmp_path / "b" / "style.yaml").write_text("extends: ../a\n", encoding="utf-8")
    with pytest.raises(ContentError) as err:
        load_style(tmp_path / "a")
    assert "cannot extend itself" in err.value.diagnostics[0].message
