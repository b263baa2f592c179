"""Every paragraph of the DOCX uses a named style built from the Theme; no direct formatting."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.shared import Pt
from docx.text.paragraph import Paragraph as DocxParagraph

from memokit.model.nodes import Memo
from memokit.style.theme import Theme
from memokit.writers.docx.styles import CATALOGUE
from tests.docx.conftest import NS, W, every_table, part, render_yaml

LISTS = """\
title: Lists and styles
authors: [A. Writer]
date: 2026-03-02
language: {lang}
lede: A lede.
sections:
  - heading: First part
    body:
      - |
        Intro with `code span` and [a link](https://example.org/x).

        1. one
        2. two

        Between the lists.

        3. three
        4. four

        - bullet
          - nested bullet

        > A quote.
"""


def test_every_body_paragraph_has_a_named_style(example: tuple[Path, Memo]) -> None:
    d = docx.Document(str(example[0]))
    boxed = [DocxParagraph(p, d._body) for p in d.element.body.xpath(".//w:txbxContent/w:p")]
    paragraphs = list(d.paragraphs) + [p for t in every_table(d) for r in t.rows for c in r.cells
                                       for p in c.paragraphs] + boxed
    used = {p.style.name for p in paragraphs}
    assert "Normal" not in used
    assert used == {"Series", "Title", "Subtitle", "Authors", "Colophon", "Lede", "Heading 1", "Heading 2",
                    "Body Text", "List Bullet", "List Number", "Quote", "Figure", "Caption", "Source",
                    "Table Header", "Table Text", "Block End", "Section Break", "Affiliations",
                    "Bibliography"}
    heading_texts = [p.text for p in d.paragraphs if p.style.name == "Heading 1"]
    assert heading_texts == [s.heading for s in example[1].sections] + ["Bibliography"]  # authors' casing


def test_no_direct_formatting_beyond_what_the_author_wrote(example: tuple[Path, Memo]) -> None:
    body = part(example[0], "word/document.xml").find(f"{W}body")
    for p in body.iter(f"{W}p"):
        ppr = p.find(f"{W}pPr")
        assert ppr is not None and ppr.find(f"{W}pStyle") is not None, "a paragraph without a style"
        in_cell = p.getparent().tag == f"{W}tc"
        allowed = {"pStyle", "numPr", "sectPr"} | ({"jc"} if in_cell else set())
        extra = {c.tag.removeprefix(W) for c in ppr} - allowed
        assert not extra, f"direct paragraph formatting {extra}"
        for rpr in p.iter(f"{W}rPr"):
            if rpr.getparent().tag == f"{W}pPr":
                continue
            extra = {c.tag.removeprefix(W) for c in rpr} - {"rStyle", "b", "i"}
            assert not extra, f"direct run formatting {extra}"
    strong = [r for r in body.iter(f"{W}r") if r.find(f"{W}rPr/{W}b") is not None]
    assert {"".join(t.text for t in r.iter(f"{W}t")) for r in strong} >= {"Institutional advice",
                                                                           "capability and retention"}


def test_styles_take_their_values_from_the_theme(example: tuple[Path, Memo], theme: Theme) -> None:
    styles = docx.Document(str(example[0])).styles
    accent = theme.colours.accent.lstrip("#")
    h1 = styles["Heading 1"]
    assert (h1.font.name, h1.font.size, h1.font.bold, h1.font.all_caps) == (
        theme.fonts.heading.word, Pt(theme.sizes.heading1), True, True)
    assert str(h1.font.color.rgb) == accent
    assert h1.paragraph_format.keep_with_next and h1.paragraph_format.space_before == Pt(11)
    assert styles["Heading 3"].font.all_caps is False  # case: none
    assert styles["Heading 2"].font.size == Pt(theme.sizes.heading2)
    body = styles["Body Text"]
    assert styles["Normal"].font.name == theme.fonts.body.word == "Cambria"
    assert body.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert body.paragraph_format.widow_control is True
    normal = styles["Normal"].paragraph_format  # Body Text inherits the leading
    assert normal.line_spacing == Pt(theme.sizes.leading)
    assert normal.line_spacing_rule == WD_LINE_SPACING.EXACTLY
    assert body.paragraph_format.space_after == Pt(theme.text.paragraph_space)
    assert styles["Lede"].font.bold and styles["Lede"].font.size == Pt(theme.sizes.lede)
    assert styles["Title"].font.size == Pt(theme.sizes.title)
    assert str(styles["Title"].font.color.rgb) == accent
    assert styles["footnote text"].font.size == Pt(theme.sizes.footnote)
    assert styles["Caption"].font.size == Pt(theme.sizes.caption)
    assert styles["Source"].font.size == Pt(theme.sizes.source)
    assert str(styles["Hyperlink"].font.color.rgb) == theme.colours.link.lstrip("#")
    assert styles["Verbatim Char"].font.name == theme.fonts.mono.word
    assert styles["Heading 1"].font.name == "Calibri"
    footnote_ref = styles["footnote reference"].element
    assert footnote_ref.find(f"{W}rPr/{W}vertAlign").get(f"{W}val") == "superscript"


def test_only_the_memo_styles_are_defined(example: tuple[Path, Memo]) -> None:
    styles = part(example[0], "word/styles.xml")
    assert styles.find(f"{W}latentStyles") is None
    names = [s.find(f"{W}name").get(f"{W}val") for s in styles.iter(f"{W}style")]
    assert len(names) == len(set(names))
    toc = {CATALOGUE[k][1] for k in ("toc_heading", "toc1", "toc2", "toc3")}  # only with a toc
    # 'Bibliography' only in a memo with a bibliography, as the example is
    assert set(names) == {entry[1] for entry in CATALOGUE.values()} - toc  # the memo's own
    defaults = {s.get(f"{W}type"): s.find(f"{W}name").get(f"{W}val")
                for s in styles.iter(f"{W}style") if s.get(f"{W}default") == "1"}
    assert defaults == {"paragraph": "Normal", "character": "Default Paragraph Font",
                        "table": "Normal Table", "numbering": "No List"}


def test_language_and_hyphenation(example: tuple[Path, Memo], tmp_path: Path, theme: Theme) -> None:
    styles = part(example[0], "word/styles.xml")
    lang = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert lang.get(f"{W}val") == "en-GB"
    assert part(example[0], "word/settings.xml").find(f"{W}autoHyphenation") is not None
    ragged = replace(theme, text=replace(theme.text, hyphenate=False, align="left"))
    path, _, _ = render_yaml(LISTS.format(lang="sv-SE"), tmp_path, ragged)
    assert part(path, "word/settings.xml").find(f"{W}autoHyphenation") is None
    lang = part(path, "word/styles.xml").find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert lang.get(f"{W}val") == "sv-SE"
    assert docx.Document(str(path)).styles["Body Text"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.LEFT


def test_lists_use_numbering_definitions_and_restart(tmp_path: Path, theme: Theme) -> None:
    path, _, _ = render_yaml(LISTS.format(lang="en-GB"), tmp_path, theme)
    d = docx.Document(str(path))
    items = [(p.text, p.style.name, p._p.find(f"{W}pPr/{W}numPr")) for p in d.paragraphs
             if p.style.name.startswith("List")]
    assert [(t, s) for t, s, _ in items] == [("one", "List Number"), ("two", "List Number"),
                                             ("three", "List Number"), ("four", "List Number"),
                                             ("bullet", "List Bullet"), ("nested bullet", "List Bullet")]
    assert not any(p.text.startswith(("•", "1.", "-")) for p in d.paragraphs)  # no typed bullets
    num_ids = [n.find(f"{W}numId").get(f"{W}val") for _, s, n in items[:4]]
    assert num_ids[0] == num_ids[1] != num_ids[2] == num_ids[3]  # a new list instance per list
    assert items[5][2].find(f"{W}ilvl").get(f"{W}val") == "1"
    numbering = part(path, "word/numbering.xml")
    second = numbering.xpath(f"w:num[@w:numId='{num_ids[2]}']", namespaces=NS)[0]
    assert second.find(f"{W}lvlOverride/{W}startOverride").get(f"{W}val") == "3"
    formats = {a.get(f"{W}abstractNumId"): a.find(f"{W}lvl/{W}numFmt").get(f"{W}val")
               for a in numbering.iter(f"{W}abstractNum")}
    # bullets and numbers for lists in the text, and the same for lists in boxes
    assert sorted(formats.values()) == ["bullet", "bullet", "decimal", "decimal"]
    bullet = numbering.find(f"{W}abstractNum/{W}lvl/{W}lvlText").get(f"{W}val")
    assert bullet == theme.text.bullet
    for name in ("List Bullet", "List Number"):
        assert d.styles[name].element.find(f"{W}pPr/{W}numPr/{W}numId") is not None
    quote = [p for p in d.paragraphs if p.text.startswith("A quote.")]
    assert quote and quote[0].style.name == "Quote"
    assert quote[0].text.endswith(theme.end_mark) and quote[0].runs[-1].style.name == "End Mark"
    code = [r for p in d.paragraphs for r in p.runs if r.text == "code span"]
    assert code and code[0].style.name == "Verbatim Char"


@pytest.mark.parametrize("columns", [1, 2])
def test_a_different_theme_changes_the_styles(tmp_path: Path, theme: Theme, columns: int) -> None:
    other = replace(theme, fonts=replace(theme.fonts, heading=replace(theme.fonts.heading, word="Arial")),
                    colours=replace(theme.colours, accent="#AA3300"),
                    page=replace(theme.page, columns=columns, size="LETTER"))
    path, _, _ = render_yaml(LISTS.format(lang="en-US"), tmp_path, other)
    d = docx.Document(str(path))
    assert d.styles["Heading 1"].font.name == "Arial"
    assert str(d.styles["Heading 1"].font.color.rgb) == "AA3300"
    body = part(path, "word/document.xml").find(f"{W}body")
    cols = [int(c.get(f"{W}num")) for c in body.iter(f"{W}cols")]
    assert cols == ([1, 2] if columns == 2 else [1])  # the title block's section, then the body's
    size = body.find(f"{W}sectPr/{W}pgSz")
    assert (size.get(f"{W}w"), size.get(f"{W}h")) == ("12240", "15840")  # US Letter in twips
