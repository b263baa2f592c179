"""Boxes in the PDF, read back as a reader sees them: the shaded panel in its kind's colour behind
the title and text, the 'Box 1' label and references, and a box longer than a column going on in
the next column with its panel, nothing lost, repeated or overprinted, every note under the column
that cites it (the writer's own self-check raises otherwise)."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest

from memokit.style.theme import Theme
from tests.pdf.conftest import render_yaml
from tests.pdf.reading import layout, norm, pdftotext

HEAD = """title: Boxes
authors: [A. Author]
date: 2026-03-14
sections:
  - heading: Findings
    body:
"""


def _reading(pdf: Path, theme: Theme) -> str:
    """The words in reading order: page by page, column by column, line by line."""
    words = sorted(layout(pdf, theme).words, key=lambda w: (w.page, w.column, round(w.top), w.x0))
    return " ".join(w.text for w in words).replace("\u00a0", " ")


def _rgb(hex_colour: str) -> tuple[float, float, float]:
    h = hex_colour.lstrip("#")
    return tuple(int(h[i:i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def _panels(pdf: Path, colour: str) -> list[tuple[int, dict]]:
    """(page, rect) of every filled rectangle in ``colour``."""
    want = _rgb(colour)
    out = []
    with pdfplumber.open(str(pdf)) as doc:
        for n, page in enumerate(doc.pages, start=1):
            for r in page.rects:
                got = r.get("non_stroking_color")
                if r.get("fill") and isinstance(got, (list, tuple)) and len(got) == 3 and all(
                        abs(a - b) < 0.01 for a, b in zip(got, want)):
                    out.append((n, r))
    return out


def _words_in(pdf: Path, page: int, rect: dict) -> list[dict]:
    with pdfplumber.open(str(pdf)) as doc:
        words = doc.pages[page - 1].extract_words()
    return [w for w in words if w["x0"] >= rect["x0"] - 0.5 and w["x1"] <= rect["x1"] + 0.5
            and w["top"] >= rect["top"] - 0.5 and w["bottom"] <= rect["bottom"] + 0.5]


SHORT_BOX = HEAD + """      - As @box:key shows, staff rose.
      - box:
          id: key
          title: Staff rose
          kind: recommendations
          body:
            - Hire panelword staff.
            - |
              - listword one
              - listword two
      - After the box.
"""


def test_a_short_box_is_a_panel_in_its_kind_colour_with_its_label(tmp_path: Path, theme: Theme) -> None:
    text = SHORT_BOX
    pdf, _, warnings = render_yaml(text, tmp_path, theme)
    assert not warnings
    read = _reading(pdf, theme)
    assert "As Box 1 shows, staff rose." in read
    order = [read.find(s) for s in ("As Box 1", "Box 1: Staff rose", "Hire panelword staff.",
                                    "listword one", "listword two", "After the box.")]
    assert -1 not in order and order == sorted(order), read
    panels = _panels(pdf, theme.boxes.recommendations.background)
    assert len(panels) == 1
    page, rect = panels[0]
    inside = {w["text"] for w in _words_in(pdf, page, rect)}
    assert {"Staff", "rose", "panelword", "listword"} <= inside
    assert "After" not in inside
    assert not _panels(pdf, theme.boxes.findings.background)  # the kind decides the colour
    rule = _panels(pdf, theme.colour(theme.boxes.recommendations.rule_colour))
    assert rule and abs(rule[0][1]["width"] - theme.boxes.recommendations.rule_width) < 0.01


LONG = 70  # paragraphs of the long box: longer than a column


def _long_box_yaml(width: str = "column") -> str:
    def note(i: int) -> str:
        return f"^[Boxnote{i:03d} explains it.]" if i % 9 == 0 else ""

    paras = "\n".join(
        f"            - Boxpara{i:03d} starts here and runs on for a while, with enough words to fill "
        f"two lines or three of a column.{note(i)}" for i in range(LONG))
    return HEAD + f"""      - Before the box, see @box:long.
      - box:
          id: long
          title: A long finding
          kind: findings
          width: {width}
          body:
{paras}
      - After the box comes this paragraph.
"""


@pytest.fixture(scope="module")
def long_box(tmp_path_factory: pytest.TempPathFactory, theme: Theme) -> Path:
    pdf, _, _ = render_yaml(_long_box_yaml(), tmp_path_factory.mktemp("long-box"), theme)
    return pdf


def test_a_long_box_goes_on_in_the_next_columns_with_nothing_lost(long_box: Path, theme: Theme) -> None:
    read = _reading(long_box, theme)
    places = [read.find(f"Boxpara{i:03d} starts") for i in range(LONG)]
    assert -1 not in places and places == sorted(places), "box paragraphs lost or out of order"
    assert all(read.count(f"Boxpara{i:03d} starts") == 1 for i in range(LONG))
    assert read.count("Box 1: A long finding") == 1  # the title is not repeated
    assert read.find("Before the box") < read.find("Box 1: A long finding") < places[0]
    assert places[-1] < read.find("After the box comes")
    panels = _panels(long_box, theme.boxes.findings.background)
    columns = {(page, round(r["x0"])) for page, r in panels}
    assert len(columns) >= 3, "the panel should go on in the columns the box fills"
    p = theme.page
    for _page, r in panels:  # each part of the panel within its column
        lefts = [p.margin_left + i * (p.column_width + p.gutter) for i in range(p.columns)]
        assert any(r["x0"] >= x - 0.5 and r["x1"] <= x + p.column_width + 0.5 for x in lefts)
    # every box paragraph lies on a part of the panel
    found = set()
    for page, r in panels:
        found |= {w["text"] for w in _words_in(long_box, page, r) if w["text"].startswith("Boxpara")}
    assert found == {f"Boxpara{i:03d}" for i in range(LONG)}


def test_a_long_box_overprints_nothing(long_box: Path) -> None:
    """No two words share more than a point each way (a raised note number may touch the line above)."""
    with pdfplumber.open(str(long_box)) as doc:
        for n, page in enumerate(doc.pages, start=1):
            words = page.extract_words()
            for i, a in enumerate(words):
                for b in words[i + 1:]:
                    overlap = min(a["x1"], b["x1"]) - max(a["x0"], b["x0"])
                    high = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
                    assert overlap < 1 or high < 1, f"page {n}: {a['text']!r} over {b['text']!r}"


WIDE_BOX = HEAD + """      - Before the box, see @box:wide.
      - box:
          id: wide
          title: Across the page
          kind: note
          width: page
          body:
            - Widebox text stands here.
      - After the box.
"""


def test_a_page_wide_box_spans_the_page(tmp_path: Path, theme: Theme) -> None:
    text = WIDE_BOX
    pdf, _, _ = render_yaml(text, tmp_path, theme)
    panels = _panels(pdf, theme.boxes.note.background)
    assert len(panels) == 1
    page, rect = panels[0]
    assert abs(rect["width"] - theme.page.text_width) < 0.5
    assert "Widebox" in {w["text"] for w in _words_in(pdf, page, rect)}
    assert "see Box 1." in norm(pdftotext(pdf))
