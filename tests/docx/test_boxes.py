"""Boxes in the DOCX, read back as an editor and pandoc see them: a one-cell table in the kind's
named table style (its shading and rule), the title and text in the named box styles with no
direct formatting, real footnotes, 'Box 1' in references, and the text pandoc reads in order."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from memokit.style.theme import Theme
from tests.docx.conftest import W, pandoc_json, part, render_yaml
from tests.docx.test_pandoc import stringify, walk

MEMO = """title: Boxes
authors: [A. Author]
date: 2026-03-14
sections:
  - heading: Findings
    body:
      - As @box:key shows, staff rose.
      - box:
          id: key
          title: Staff rose
          kind: findings
          body:
            - Hire boxword staff.^[Boxnote from the annual report.]
            - |
              - listword one
              - listword two
            - |
              1. stepword one
              2. stepword two
      - box:
          id: wide
          title: Across the page
          kind: note
          width: page
          body:
            - Wideword text.
      - After the boxes, see @box:wide.
"""


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory, theme: Theme) -> Path:
    out, _, warnings = render_yaml(MEMO, tmp_path_factory.mktemp("docx-boxes"), theme)
    assert warnings == []
    return out


def test_a_box_is_a_table_in_its_kind_style_with_named_paragraph_styles(rendered: Path) -> None:
    d = docx.Document(str(rendered))
    assert [t.style.name for t in d.tables] == ["Box Findings", "Box Note"]
    cell = d.tables[0].rows[0].cells[0]
    got = [(p.style.name, p.text) for p in cell.paragraphs]
    assert got == [("Box Title Findings", "Box\u00a01: Staff rose"), ("Box Text", "Hire boxword staff."),
                   ("Box List Bullet", "listword one"), ("Box List Bullet", "listword two"),
                   ("Box List Number", "stepword one"), ("Box List Number", "stepword two")]
    for p in cell.paragraphs:  # no direct formatting: the styles say it all
        ppr = p._p.pPr
        assert [c.tag.split("}")[1] for c in ppr if c.tag != f"{W}pStyle"] in ([], ["numPr"])
        assert all(r._r.rPr is None or r._r.rPr.find(f"{W}rStyle") is not None for r in p.runs)
    assert d.styles["Box Title Findings"].base_style.name == "Box Title"
    assert d.styles["Box List Bullet"].base_style.name == "Box Text"


def test_the_kind_style_shades_the_panel_and_draws_its_rule(rendered: Path, theme: Theme) -> None:
    styles = part(rendered, "word/styles.xml")
    for kind, sid in (("findings", "BoxFindings"), ("note", "BoxNote")):
        look = theme.boxes.look(kind)
        style = styles.find(f".//{W}style[@{W}styleId='{sid}']")
        assert style is not None
        fill = style.find(f"{W}tcPr/{W}shd").get(f"{W}fill")
        assert fill == look.background.lstrip("#").upper()
        borders = style.find(f"{W}tblPr/{W}tblBorders")
        drawn = {b.tag.split("}")[1] for b in borders if b.get(f"{W}val") == "single"}
        assert drawn == ({"top", "left", "bottom", "right"} if look.rule == "frame" else {"left"})
        assert borders.find(f"{W}left").get(f"{W}color") == theme.colour(look.rule_colour).lstrip("#").upper()


def test_a_note_in_a_box_is_a_real_footnote_and_references_read_box_n(rendered: Path) -> None:
    d = docx.Document(str(rendered))
    notes = part(rendered, "word/footnotes.xml")
    assert "Boxnote from the annual report." in "".join(notes.itertext())
    cell = d.tables[0].rows[0].cells[0]._tc
    assert cell.find(f".//{W}footnoteReference") is not None
    text = [p.text for p in d.paragraphs]
    assert "As Box\u00a01 shows, staff rose." in text
    assert any(t.startswith("After the boxes, see Box\u00a02.") for t in text)


def test_pandoc_reads_the_box_text_in_order(rendered: Path) -> None:
    ast = pandoc_json(rendered)
    read = " ".join(stringify(ast["blocks"]).split())
    order = [read.find(s) for s in ("As Box 1 shows", "Box 1: Staff rose", "Hire boxword staff.",
                                    "listword one", "stepword two", "Box 2: Across the page",
                                    "Wideword text.", "After the boxes, see Box 2.")]
    assert -1 not in order and order == sorted(order), read
    assert any(n["t"] == "Note" and "Boxnote" in stringify(n["c"]) for n in walk(ast["blocks"]))


def test_libreoffice_sets_a_long_box_across_columns_and_pages(tmp_path: Path, theme: Theme) -> None:
    """A box longer than a column starts under the text before it and goes on, shaded, in the
    next columns and pages; every paragraph once, in order, nothing over anything else."""
    import pdfplumber

    from tests.docx.lo_layout import across_gutter, convert, overlaps
    from tests.pdf.reading import column_of
    from tests.pdf.test_boxes import LONG, _long_box_yaml, _rgb

    out, _, _ = render_yaml(_long_box_yaml(), tmp_path, theme)
    lo = convert(out, tmp_path / "lo")
    assert overlaps(lo) == [] and across_gutter(lo, theme) == []
    words = sorted(lo.words, key=lambda w: (w.page, column_of(w.x0, w.x1, theme), round(w.top), w.x0))
    paras = [w for w in words if w.text.startswith("Boxpara")]
    assert [w.text for w in paras] == [f"Boxpara{i:03d}" for i in range(LONG)]
    before = next(w for w in words if w.text == "Before")
    title = next(w for w in words if w.text == "long" and w.page == 1)
    assert column_of(before.x0, before.x1, theme) == column_of(title.x0, title.x1, theme) == 1
    parts = {(w.page, column_of(w.x0, w.x1, theme)) for w in paras}
    assert len(parts) >= 3
    fill = _rgb(theme.boxes.findings.background)
    with pdfplumber.open(str(lo.pdf)) as pdf:
        shaded = {n for n, page in enumerate(pdf.pages, start=1) for r in page.rects
                  if r.get("fill") and isinstance(r.get("non_stroking_color"), (list, tuple))
                  and len(r["non_stroking_color"]) == 3
                  and all(abs(a - b) < 0.01 for a, b in zip(r["non_stroking_color"], fill))}
    assert {page for page, _ in parts} <= shaded
