"""Hostile style values, classes 6 and 7 of the hardening issue: sizes, margins, figure
settings, date formats and header/footer snippets out of their documented bounds are
located errors when the style is loaded (exit 1, nothing written), never an internal error."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.style.sandbox import Sandbox, assert_refused

# name -> (style.yaml, line, column, field, fragments of the first error)
CASES: dict[str, tuple[str, int, int, str, tuple[str, ...]]] = {
    "margins-wider-than-the-page": (
        "extends: memo\npage: {margin_left: 110mm, margin_right: 110mm}\n", 2, 21, "page.margin_left",
        ("leave a text width of", "at least 144pt")),
    "columns-too-narrow": (
        "extends: memo\npage: {columns: 3, gutter: 140pt}\n", 2, 28, "page.gutter",
        ("leave columns", "at least 72pt")),
    "margins-taller-than-the-page": (
        "extends: memo\npage: {margin_top: 150mm, margin_bottom: 120mm}\n", 2, 20, "page.margin_top",
        ("leave a text height of", "at least 144pt")),
    "body-size-0": ("extends: memo\nsizes: {body: 0pt}\n", 2, 15, "sizes.body",
                    ("0pt is out of range", "from 4pt to 72pt")),
    "body-size-1000": ("extends: memo\nsizes: {body: 1000pt}\n", 2, 15, "sizes.body",
                       ("1000pt is out of range", "from 4pt to 72pt")),
    "leading-0": ("extends: memo\nsizes: {leading: 0pt}\n", 2, 18, "sizes.leading",
                  ("0pt is out of range", "from 4pt to 144pt")),
    "leading-negative": ("extends: memo\nsizes: {leading: -2pt}\n", 2, 18, "sizes.leading",
                         ("'-2pt' is not a length",)),
    "dpi-0": ("extends: memo\nfigures: {dpi: 0}\n", 2, 16, "figures.dpi", ("from 72 to 1200 dpi",)),
    "aspect-0": ("extends: memo\nfigures: {aspect: 0}\n", 2, 19, "figures.aspect",
                 ("0 is out of range", "from 0.1 to 3")),
    "aspect-negative": ("extends: memo\nfigures: {aspect: -1}\n", 2, 19, "figures.aspect",
                        ("-1 is out of range",)),
    "bar-width-negative": ("extends: memo\nfigures: {bar_width: -5}\n", 2, 22, "figures.bar_width",
                           ("-5 is out of range", "from 0.05 to 1")),
    "float-share-nan": ("extends: memo\npage: {float_share: .nan}\n", 2, 21, "page.float_share",
                        ("nan is out of range",)),
    "space-huge": ("extends: memo\ntext: {paragraph_space: 5000pt}\n", 2, 25, "text.paragraph_space",
                   ("from 0pt to 144pt",)),
    "date-format-unknown-field": ('extends: memo\ndate_format: "{month} {yeer}"\n', 2, 14, "date_format",
                                  ("unknown field '{yeer}' (did you mean 'year'?)",)),
    "date-format-huge-width": ('extends: memo\ndate_format: "{day:>99999999} {month}"\n', 2, 14,
                               "date_format", ("go up to 32",)),
    "header-jinja-syntax-error": ('extends: memo\nheader: "{{ memo.title "\n', 2, 9, "header",
                                  ("Jinja2 syntax error",)),
    "footer-jinja-unknown-tag": ('extends: memo\nfooter_left: "{% frobnicate %}"\n', 2, 14,
                                 "footer_left", ("Jinja2 syntax error",)),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_an_out_of_range_value_is_a_located_error(name: str, tmp_path: Path) -> None:
    style, line, column, field, fragments = CASES[name]
    sb = Sandbox(tmp_path, style={"style.yaml": style}).write()
    assert_refused(sb, line, column, field, *fragments)


@pytest.mark.parametrize("snippet", ["{{ memo.title | nosuch }}", "{{ memo.title.nosuch.deeper }}"])
def test_a_snippet_failing_for_the_memo_is_located_at_its_key(snippet: str, tmp_path: Path) -> None:
    sb = Sandbox(tmp_path, style={"style.yaml": f'extends: memo\nheader: "{snippet}"\n'}).write()
    for command in ("validate", "render"):
        run, changes = sb.run(command)
        assert run.code == 1, run.err
        assert run.errors[0].startswith(f"{sb.style_file}:2:9: error: header: "), run.err
        assert "header/footer snippet" in run.errors[0]
        assert changes == [] and not sb.out.exists()
