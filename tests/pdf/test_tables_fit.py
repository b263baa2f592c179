"""Tables fit their content: column widths from the widest word and the widest line, no word
broken inside except at a hyphenation point, a year never wrapped, a table whose words do not
fit the column set across the page with a warning. Read back with pdfplumber."""

from __future__ import annotations

import re
from pathlib import Path

import pdfplumber
import pytest

from memokit.model.nodes import Memo
from memokit.model.walk import tables
from memokit.present.tables import house_table_layout, hyphenation
from memokit.style.theme import Theme
from tests.pdf.conftest import render_yaml

LONG = [  # long words in the cells, none with punctuation (so each word is its own token)
    ["Internationalisation of maritime responsibilities", "Portfolio", 2019, "FY2009/10", 1234.5,
     "Telecommunications infrastructure"],
    ["Counterintelligence", "Administrative reorganisation", 2020, "FY2010/11", 98765.25,
     "Responsibilities"],
    ["Average", "Interoperability", 2021, "FY2011/12", 12.75, "Decommissioning of installations"],
    ["Environmental", "Characterisation", 2022, "FY2012/13", 4.0, "Maritime"],
]
HEADER = ["Area of work", "Portfolio", "Year", "Budget year", "Amount", "Remarks"]


def _row(cells: list[object]) -> str:
    return "[" + ", ".join(str(c) if isinstance(c, (int, float)) else f"'{c}'" for c in cells) + "]"


def memo_yaml(header: list[str], rows: list[list[object]], width: str = "column") -> str:
    body = "\n".join(f"          - {_row(r)}" for r in [header, *rows])
    return f"""\
memokit: 1
title: Tables that fit
authors: [A. Writer]
date: 2026-05-07
language: en-GB
lede: Short lede.
sections:
  - heading: Body
    body:
      - A table of long words follows (@tbl:t).
      - table:
          id: t
          caption: Long words
          width: {width}
          source: Test data
          rows:
{body}
      - Text after the table. {"More text to fill the page after the table. " * 60}
"""


def _allowed(rows: list[list[object]], header: list[str]) -> set[str]:
    """Every word of the table, and every piece between two of its hyphenation points."""
    hy = hyphenation("en-GB")
    assert hy is not None
    out: set[str] = set()
    for cell in [*header, *(c for r in rows for c in r)]:
        for word in (f"{cell:,}" if isinstance(cell, float) else str(cell)).split():
            out.add(word)
            cuts = [0, *hy(word), len(word)]
            for i, a in enumerate(cuts):
                for b in cuts[i + 1:]:
                    out.add(word[a:b] + ("-" if b < len(word) else ""))
    return out


def table_words(pdf: Path) -> tuple[list[dict], dict, float]:
    """The words between the caption and the source line, with the caption's line and page width."""
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            words = page.extract_words(keep_blank_chars=False, use_text_flow=False)
            cap = next((w for w in words if w["text"] == "Table"), None)
            src = next((w for w in words if w["text"] == "Source:"), None)
            if cap and src:
                inside = [w for w in words if w["top"] > cap["bottom"] + 2 and w["bottom"] < src["top"] - 1
                          and w["x0"] >= cap["x0"] - 1]
                return inside, cap, float(page.width)
    raise AssertionError("no table found")


@pytest.fixture(scope="module")
def long_words(tmp_path_factory: pytest.TempPathFactory, theme: Theme) -> tuple[Path, list, Memo]:
    pdf, memo, warnings = render_yaml(memo_yaml(HEADER, LONG), tmp_path_factory.mktemp("fit"), theme)
    return pdf, warnings, memo


def test_every_word_lies_inside_its_cell(long_words: tuple[Path, list, Memo], theme: Theme) -> None:
    pdf, _, memo = long_words
    table = tables(memo)[0]
    lay = house_table_layout(table, theme, theme.labels_for("en-GB"), "en-GB",
                             column=theme.page.column_width, page=theme.page.text_width, can_widen=True)
    words, cap, _ = table_words(pdf)
    edges = [cap["x0"] + sum(lay.widths[:k]) for k in range(len(lay.widths) + 1)]
    pad = theme.tables.padding
    for w in words:
        if w["x0"] > edges[-1]:
            continue  # the other column
        k = max(i for i, e in enumerate(edges[:-1]) if w["x0"] >= e - 0.5)
        assert w["x1"] <= edges[k + 1] - pad + 0.5, f"'{w['text']}' runs out of column {k + 1}"


def test_no_word_is_broken_except_at_a_hyphenation_point(long_words: tuple[Path, list, Memo],
                                                         theme: Theme) -> None:
    pdf, _, _ = long_words
    words, cap, _ = table_words(pdf)
    right = cap["x0"] + theme.page.column_width + 1  # the table stays in its column
    allowed = _allowed(LONG, HEADER)
    found = [w["text"] for w in words if w["x1"] <= right]
    assert found
    broken = [w for w in found if w not in allowed and not re.fullmatch(r"[\d.,]+", w)]
    assert broken == [], f"words broken without a hyphen: {broken}"
    for year in ("2019", "2020", "2021", "2022", "FY2009/10", "FY2012/13"):
        assert year in found, f"{year} is not on one line"


def test_a_table_too_wide_for_the_column_spans_the_page_with_a_warning(tmp_path: Path,
                                                                        theme: Theme) -> None:
    header = ["Code one", "Code two", "Code three", "Code four", "Code five"]
    # tokens with no break point: no space, no hyphenation (digits), no URL character
    rows = [[f"FY2009Q10FY2010Q1{k}" for k in range(5)], ["a", "b", "c", "d", "e"]]
    pdf, _, warnings = render_yaml(memo_yaml(header, rows), tmp_path, theme)
    assert any("spans the page" in w.message and "'t'" in w.message for w in warnings), warnings
    words, cap, _ = table_words(pdf)
    codes = [w for w in words if w["text"].startswith("FY2009Q10")]
    assert len(codes) == 5, [w["text"] for w in words]
    assert max(w["x1"] for w in codes) - cap["x0"] > theme.page.column_width + theme.page.gutter


def test_a_table_that_fits_its_column_stays_there_without_warning(long_words: tuple[Path, list, Memo],
                                                                   theme: Theme) -> None:
    pdf, warnings, _ = long_words
    words, cap, _ = table_words(pdf)
    assert not [w for w in warnings if "table" in w.message]
    inside = [w for w in words if w["x0"] < cap["x0"] + theme.page.column_width]
    assert max(w["x1"] for w in inside) <= cap["x0"] + theme.page.column_width + 1


def test_adjacent_note_markers_print_with_a_comma(tmp_path: Path, theme: Theme) -> None:
    from tests.docx.test_table_widths import MARKERS

    pdf, _, _ = render_yaml(MARKERS, tmp_path, theme)
    with pdfplumber.open(pdf) as doc:
        small = [w["text"] for w in doc.pages[0].extract_words(extra_attrs=["size"])
                 if w["size"] < theme.sizes.body - 1 and w["top"] < doc.pages[0].height / 2]
    assert "1,2" in small and "3,4" in small, small
    assert "4,5" not in small


DECIMALS = [1.5, 12.25, 100, 3.125]  # printed as written: '1.5', '12.25', '100', '3.125'
CODES = [f"FY2009Q10FY2010Q1{k}" for k in range(6)]  # no break point: the page-wide table steps down


def decimal_memo(stepped: bool = False) -> str:
    """A memo whose table has a column of numbers of mixed precision (right-aligned by default);
    ``stepped``: with six unbreakable columns before it, so that the table is set smaller."""
    lead = CODES if stepped else ["a"]
    header = [f"C{k}" for k in range(len(lead))] + ["Value"]
    return memo_yaml(header, [[*lead, v] for v in DECIMALS])


def decimal_points(pdf: Path) -> dict[str, tuple[float, float, float]]:
    """Per number of DECIMALS as printed: the x of its decimal point (of its right edge when it has
    none), its right edge and its text size."""
    texts = [f"{v:g}" for v in DECIMALS]
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            found = {w["text"]: w for w in page.extract_words(return_chars=True) if w["text"] in texts}
            if len(found) == len(texts):
                return {t: (next((c["x0"] for c in w["chars"] if c["text"] == "."), w["x1"]), w["x1"],
                            w["chars"][0]["size"]) for t, w in found.items()}
    raise AssertionError("the numbers are not found on one page")


@pytest.mark.parametrize("stepped", [False, True], ids=["column", "stepped-down"])
def test_numbers_line_up_on_their_decimal_point(tmp_path: Path, theme: Theme, stepped: bool) -> None:
    pdf, _, warnings = render_yaml(decimal_memo(stepped), tmp_path, theme)
    assert any("is set at" in w.message for w in warnings) == stepped, warnings
    points = decimal_points(pdf)
    xs = [x for x, _, _ in points.values()]
    assert max(xs) - min(xs) <= 0.3, points
    assert points["100"][1] == pytest.approx(points["12.25"][0], abs=0.3)  # no point: its right edge
    assert (points["1.5"][2] < theme.sizes.table) == stepped
