"""The house style's 'bibliography:' keys: bad values are located errors, 'text' follows the body."""

from __future__ import annotations

from pathlib import Path

import pytest

from memokit.errors import ContentError
from memokit.style import load_style

HEAD = "extends: memo\nname: house\ndescription: a house style\n"


@pytest.mark.parametrize(("body", "expected"), [
    ("bibliography:\n  align: centre\n",
     "6:10: error: bibliography.align: 'centre' is not an alignment of the bibliography; use"),
    ("bibliography:\n  hanging_indent: 3in\n",
     "6:19: error: bibliography.hanging_indent: 216pt is out of range"),
    ("bibliography:\n  size: 2pt\n", "6:9: error: bibliography.size: 2pt is out of range"),
    ("bibliography:\n  spaces: 3pt\n", "6:3: error: bibliography.spaces: unknown key 'spaces'"),
])
def test_bad_bibliography_keys_are_located(tmp_path: Path, body: str, expected: str) -> None:
    (tmp_path / "style.yaml").write_text(HEAD + "\n" + body, encoding="utf-8")
    with pytest.raises(ContentError) as err:
        load_style(tmp_path)
    first = err.value.diagnostics[0].format()
    assert first.startswith(f"{tmp_path}/style.yaml:{expected}"), first


def test_align_text_follows_the_body_text(tmp_path: Path) -> None:
    (tmp_path / "style.yaml").write_text(HEAD + "bibliography: {align: text}\n", encoding="utf-8")
    theme = load_style(tmp_path)
    assert theme.bibliography_align() == theme.text.align == "justify"
    assert theme.bibliography.size == 9  # the rest inherited from memo
