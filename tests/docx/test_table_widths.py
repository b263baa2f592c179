"""The DOCX gets the PDF's table column widths (points -> twips), and adjacent note markers
separated by a superscript comma that pandoc reads past."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import docx
import pytest

from memokit.model.walk import tables
from memokit.style.theme import Theme
from memokit.writers.pdf.tables import layout
from tests.docx.conftest import NS, W, every_table, pandoc_json, part, render_yaml
from tests.docx.test_pandoc import walk
from tests.pdf.test_tables_fit import DECIMALS, HEADER, LONG, decimal_memo, decimal_points, memo_yaml

MARKERS = """\
memokit: 1
title: Markers
authors: [A. Writer]
date: 2026-05-07
language: en-GB
lede: Short lede.
footnotes:
  a: First note.
  b: Second note.
sections:
  - heading: Body
    body:
      - Cited twice.[^a][^b] Inline ones^[Third.] ^[Fourth.] and one alone.^[Fifth.]
"""


def _grid(docx: Path) -> list[list[int]]:
    doc = part(docx, "word/document.xml")
    return [[int(g.get(f"{W}w")) for g in tbl.findall("w:tblGrid/w:gridCol", NS)]
            for tbl in doc.iterfind(".//w:tbl", NS)]


@pytest.mark.parametrize("header,rows", [(HEADER, LONG),
                                         (["A", "B", "C", "D", "E"],
                                          [[f"FY2009/10-FY2010/1{k}" for k in range(5)]])])
def test_docx_column_widths_are_the_pdfs(tmp_path: Path, theme: Theme, header: list[str],
                                         rows: list[list[object]]) -> None:
    docx, memo, _ = render_yaml(memo_yaml(header, rows), tmp_path, theme)
    table = tables(memo)[0]
    mk = SimpleNamespace(labels=theme.labels_for("en-GB"))
    lay = layout(table, theme.page.column_width, theme.page.text_width, True, theme, mk, "en-GB")  # type: ignore[arg-type]
    assert _grid(docx) == [[round(w * 20) for w in lay.widths]]
    assert sum(lay.widths) == pytest.approx(theme.page.text_width if lay.wide else theme.page.column_width)


def _right_indents(path: Path) -> list[list[float]]:
    """The right indent (points) of each body cell's paragraph of the document's first table."""
    rows = every_table(docx.Document(str(path)))[0].rows[1:]
    indents = [[c.paragraphs[0].paragraph_format.right_indent for c in r.cells] for r in rows]
    return [[0.0 if i is None else i.pt for i in r] for r in indents]


@pytest.mark.parametrize("stepped", [False, True], ids=["column", "stepped-down"])
def test_docx_numbers_carry_the_pdfs_decimal_pads(tmp_path: Path, theme: Theme, stepped: bool) -> None:
    from tests.pdf.conftest import render_yaml as render_pdf

    docx_path, memo, _ = render_yaml(decimal_memo(stepped), tmp_path, theme)
    mk = SimpleNamespace(labels=theme.labels_for("en-GB"))
    lay = layout(tables(memo)[0], theme.page.column_width, theme.page.text_width, True, theme, mk, "en-GB")  # type: ignore[arg-type]
    indents = _right_indents(docx_path)
    assert [r[:-1] for r in indents] == [[0.0] * (len(r) - 1) for r in indents]  # words: no indent
    pads = [lay.pad(k, len(r) - 1) for k, r in enumerate(indents)]
    assert pads[2] > pads[0] > pads[1] > pads[3] == 0  # '100', '1.5', '12.25', '3.125'
    assert [r[-1] for r in indents] == pytest.approx(pads, abs=0.05)  # twips
    pdf, _, _ = render_pdf(decimal_memo(stepped), tmp_path / "pdf", theme)
    points = decimal_points(pdf)
    right = max(x1 for _, x1, _ in points.values())  # '3.125' has no pad
    pdf_pads = [right - points[f"{v:g}"][1] for v in DECIMALS]
    assert pdf_pads == pytest.approx([r[-1] for r in indents], abs=0.1)


def test_adjacent_footnote_references_have_a_comma_run_between(tmp_path: Path, theme: Theme) -> None:
    docx, _, _ = render_yaml(MARKERS, tmp_path, theme)
    runs = part(docx, "word/document.xml").findall(".//w:body//w:r", NS)
    shown = []
    for r in runs:
        ref = r.find("w:footnoteReference", NS)
        style = r.find("w:rPr/w:rStyle", NS)
        if ref is not None:
            shown.append(f"[{ref.get(f'{W}id')}]")
        elif style is not None and style.get(f"{W}val") == "FootnoteReference":
            shown.append(r.findtext("w:t", namespaces=NS))
        else:
            shown.append("_")
    assert "".join(shown).count("[1],[2]") == 1 and "[3],[4]" in "".join(shown)
    assert "[4]_" in "".join(shown) and "],[5]" not in "".join(shown)
    notes = [e for e in walk(pandoc_json(docx)) if e.get("t") == "Note"]
    assert len(notes) == 5
