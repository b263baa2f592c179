"""Small memos written in the test: escaping, typography, labels per language, one column."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from pypdf import PdfReader

from memokit.style import load_style, style_folder
from memokit.style.theme import Theme
from tests.pdf.conftest import render_yaml
from tests.pdf.reading import body_words, layout, norm, note_places, page_texts, pdftotext, reference_places

TRICKY = """\
memokit: 1
title: R&D <budgets> & “quotes”
authors: [A. Writer]
date: 2026-05-07
number: "12"
language: en-GB
lede: Costs of R&D where x < y and y > z, AT&T and P&L.
sections:
  - heading: Tom & Jerry <3 — a “case”
    body:
      - |
        R&D spending rose; x < y holds, and so does a > b. Entities stay text: &amp; is an
        ampersand, &lt; a less-than sign. Quotes “double” and ‘single’, it’s, dashes – and —,
        an ellipsis … and a non-ASCII name: Åsa Öberg.^[Note with R&D, x < y and
        <https://example.org/a?b=1&c=2>.]
      - table:
          id: t
          caption: Cells with R&D & <tags>
          rows:
            - [Item, Value]
            - ["R&D <b>", "x < y"]
"""


def test_user_text_is_shown_exactly_as_written(tmp_path: Path, theme: Theme) -> None:
    pdf, memo, _ = render_yaml(TRICKY, tmp_path, theme)
    text = norm(pdftotext(pdf))
    for s in ("R&D <budgets> & “quotes”", "Costs of R&D where x < y and y > z, AT&T and P&L.",
              "TOM & JERRY <3 — A “CASE”", "R&D spending rose; x < y holds, and so does a > b.",
              "& is an ampersand, < a less-than sign",  # CommonMark decodes the entities
              "Quotes “double” and ‘single’, it’s, dashes – and —,",
              "an ellipsis … and a non-ASCII name: Åsa Öberg.", "Note with R&D, x < y and",
              "Cells with R&D & <tags>", "R&D <b>"):
        assert s in text, s
    import pdfplumber

    with pdfplumber.open(str(pdf)) as doc:  # pdftotext drops the narrow spaces of the table cell
        chars = "".join(c["text"] for c in doc.pages[0].chars)
    assert "R&D <b>x < y" in chars
    reader = PdfReader(str(pdf))
    assert reader.metadata is not None and reader.metadata.title == "R&D <budgets> & “quotes”"
    assert [o.title for o in reader.outline] == ["Tom & Jerry <3 — a “case”"]  # type: ignore[union-attr]
    uris = [a.get_object()["/A"]["/URI"] for p in reader.pages for a in p.get("/Annots", []) or []
            if "/A" in a.get_object()]
    assert "https://example.org/a?b=1&c=2" in uris


SWEDISH = """\
memokit: 1
title: Utbildningsinsatser i förändring
authors: [Anna Skribent]
date: 2026-02-19
number: "77"
language: sv
lede: En kort sammanfattning av promemorian.
data:
  d:
    rows:
      - [år, antal]
      - [2024, 3]
      - [2025, 5]
sections:
  - heading: Bakgrund
    body:
      - Se @tbl:antal för siffrorna, som bygger på myndighetens sammanställningar.
      - table:
          id: antal
          caption: Antal insatser
          data: d
          source: Egna beräkningar
"""


def test_labels_dates_and_lang_follow_the_memo_language(tmp_path: Path, theme: Theme) -> None:
    pdf, _, _ = render_yaml(SWEDISH, tmp_path, theme)
    text = norm(pdftotext(pdf))
    for s in ("Tabell 1: Antal insatser", "Källa: Egna beräkningar", "Se Tabell 1 för siffrorna",
              "februari 2026", "sida 1 av 1", "Memo 77"):
        assert s in text, s
    assert PdfReader(str(pdf)).trailer["/Root"]["/Lang"] == "sv"


def _one_column_style(tmp_path: Path) -> Theme:
    folder = tmp_path / "onecol"
    shutil.copytree(style_folder("memo"), folder)  # type: ignore[arg-type]
    data = yaml.safe_load((folder / "style.yaml").read_text(encoding="utf-8"))
    data["page"]["columns"] = 1
    (folder / "style.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return load_style(folder)


def test_one_column_style_puts_notes_at_the_foot_of_the_page(tmp_path: Path) -> None:
    from tests.pdf.generate import long_memo_yaml

    theme = _one_column_style(tmp_path)
    pdf, memo, _ = render_yaml(long_memo_yaml(pages=4, seed=3), tmp_path / "out", theme)
    lay = layout(pdf, theme)
    assert {w.column for w in body_words(lay, theme)} == {1}
    refs, starts = reference_places(lay, theme), note_places(lay, theme)
    assert refs and refs == starts
    assert len(page_texts(pdf)) >= 3


ODD = """\
memokit: 1
title: Odd shapes
authors: [A. Writer]
date: 2026-05-07
language: en-GB
lede: ""
data:
  big:
    rows:
      - [k, v]
{rows}
sections:
  - heading: Only subsections here
    sections:
      - heading: A subsection straight after its parent
        body:
          - Text of the subsection, with a note.^[The note.]
          - table:
              id: wide
              caption: Too long to span the page
              data: big
              width: page
"""


def test_odd_shapes_render_with_a_standalone_end_mark(tmp_path: Path, theme: Theme) -> None:
    rows = "\n".join(f"      - [row{k}, {k}]" for k in range(120))
    pdf, _, warnings = render_yaml(ODD.format(rows=rows), tmp_path, theme)
    assert any("too long to span the page" in w.message for w in warnings)
    text = norm(pdftotext(pdf))
    assert "ONLY SUBSECTIONS HERE A SUBSECTION STRAIGHT AFTER ITS PARENT" in text
    lay = layout(pdf, theme)  # the memo ends with the table: the end mark comes right under it
    last, mark = lay.find("row119")[0], lay.find("■")[0]
    assert (mark.page, mark.column) == (last.page, last.column) and 0 < mark.top - last.top < 30
    assert "Table 1: Too long to span the page" in text
