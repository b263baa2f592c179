"""The writer accepts the smallest memo and reports what it cannot render instead of failing."""

from __future__ import annotations

from pathlib import Path

import docx

from memokit.style.theme import Theme
from tests.docx.conftest import W, part, part_names, render_yaml

MINIMAL = """\
title: Only the essentials
authors: A. Writer
date: 2026-01-05
sections:
  - heading: One
    body:
      - Just one paragraph.
"""

FIGURE_LAST = """\
title: Ends with a figure
authors: A. Writer
date: 2026-01-05
lede: Lede.
data:
  d:
    rows:
      - [year, value]
      - [2021, 1]
      - [2022, 2]
sections:
  - heading: One
    body:
      - Text before.
      - figure: {id: f, caption: Last, data: d, chart: bar, x: year, y: value, alt: Bars, width: page}
"""


def test_the_smallest_memo(tmp_path: Path, theme: Theme) -> None:
    path, _, warnings = render_yaml(MINIMAL, tmp_path, theme)
    assert warnings == []
    d = docx.Document(str(path))
    assert [(p.style.name, p.text) for p in d.paragraphs] == [
        ("Title", "Only the essentials"), ("Authors", "A. Writer"), ("Colophon", "Date 5 January 2026"),
        ("Section Break", ""), ("Heading 1", "One"), ("Body Text", "Just one paragraph.\u00a0■")]
    assert "word/footnotes.xml" in part_names(path)  # ready for the editor's first footnote
    texts = {"".join(t.text for t in part(path, f"word/header{i}.xml").iter(f"{W}t")) for i in (1, 2)}
    assert texts == {theme.institute}  # no series: the institute's name, no memo number
    custom = {p.get("name") for p in part(path, "docProps/custom.xml")}
    assert {c for c in custom if not c.startswith("memokit import ")} == {"Memo date"}


def test_a_missing_chart_is_a_warning_and_the_memo_ending_in_a_figure_gets_its_end_mark(
        tmp_path: Path, theme: Theme) -> None:
    path, _, warnings = render_yaml(FIGURE_LAST, tmp_path, theme, assets={})
    assert len(warnings) == 1 and warnings[0].severity == "warning" and "alt text" in warnings[0].message
    d = docx.Document(str(path))
    assert len(d.inline_shapes) == 0
    boxed = d.element.body.xpath(".//w:txbxContent/w:p")
    assert "".join(t.text for t in boxed[0].iter(f"{W}t")) == "Bars"  # the page-wide figure's box
    last = d.paragraphs[-1]
    assert last.style.name == "Body Text" and last.text == theme.end_mark
    cols = [c.get(f"{W}num") for c in part(path, "word/document.xml").iter(f"{W}cols")]
    assert cols == ["1", "2"]
