"""Optimum-fit paragraphs: long URLs and tokens stay in their column, justified lines end at the measure."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from memokit.style.theme import Theme
from memokit.writers.pdf.para import BodyPara
from memokit.writers.pdf.styles import hyphenator
from tests.pdf.conftest import render_yaml
from tests.pdf.generate import _text, long_memo_yaml
from tests.pdf.reading import Word, body_words, in_notes, layout, note_places, pdftotext, reference_places


def _url(rng: random.Random, length: int = 150) -> str:
    parts = ["https://data.example.org/reports"]
    while len("/".join(parts)) < length - 20:
        kind = rng.choice(["annex", "table", "section", "figure"])
        parts.append(f"{kind}-{rng.randint(1, 99)}_{rng.randint(1000, 9999)}")
    url = "/".join(parts) + f"/index.html?year={rng.randint(2000, 2030)}&part={rng.randint(1, 9)}#sec"
    return url[:length] if len(url) > length else url + "x" * (length - len(url))


def _area_words_outside(pdf: Path, theme: Theme) -> list[Word]:
    """Words in the text area (between the margins) that lie in no column."""
    p = theme.page
    lay = layout(pdf, theme)
    return [w for w in lay.words if w.column == 0 and p.margin_top < w.top < p.height - p.margin_bottom]


def _memo(rng: random.Random) -> str:
    urls = [_url(rng) for _ in range(4)]
    return f"""memokit: 1
title: Long addresses
authors: [Test Author]
date: 2026-03-14
language: en-GB
lede: Short lede.
data:
  links:
    rows:
      - [what, where]
      - [report, "{urls[2]}"]
      - [annex, short]
sections:
  - heading: Body
    body:
      - {_text(rng, 60)} The data are at {urls[0]} and were read in 2025.^[See {urls[1]} for the method.]
        {_text(rng, 80)}
      - table:
          id: t
          caption: Where the data are
          data: links
          header: [What, Where]
      - {_text(rng, 40)} {urls[3]} {_text(rng, 200)}
"""



def _one_paragraph_memo(title: str, paragraph: str) -> str:
    """A memo whose only section holds one paragraph."""
    return (f"memokit: 1\ntitle: {title}\nauthors: [Test Author]\ndate: 2026-03-14\n"
            f"language: en-GB\nlede: Short lede.\nsections:\n  - heading: Body\n    body:\n"
            f"      - {paragraph}\n")

def test_urls_of_150_characters_stay_in_their_column(tmp_path: Path, theme: Theme) -> None:
    rng = random.Random(3)
    pdf, _, _ = render_yaml(_memo(rng), tmp_path, theme)
    outside = _area_words_outside(pdf, theme)
    assert not outside, [w.text for w in outside]
    flat = "".join(pdftotext(pdf, raw=True).split())
    assert flat.count("https://data.example.org/reports") == 4  # body twice, a note, a table cell


def test_a_token_longer_than_the_column_breaks_at_characters(tmp_path: Path, theme: Theme) -> None:
    rng = random.Random(5)
    token = "".join(rng.choice("bcdfgh0123456789") for _ in range(140))  # no break or hyphenation point
    text = _one_paragraph_memo("A long token", f"{_text(rng, 50)} {token} {_text(rng, 50)}")
    pdf, _, _ = render_yaml(text, tmp_path, theme)
    outside = _area_words_outside(pdf, theme)
    assert not outside, [w.text for w in outside]
    assert token in "".join(pdftotext(pdf, raw=True).split())


def _column_lines(pdf: Path, theme: Theme) -> list[tuple[float, float, list[Word]]]:
    """Body lines per column as (column left, column right, words), top to bottom."""
    p = theme.page
    lay = layout(pdf, theme)
    rows: dict[tuple[int, int, int], list[Word]] = {}
    for w in body_words(lay, theme):
        rows.setdefault((w.page, w.column, round(w.top)), []).append(w)
    for w in lay.words:  # superscript note references end lines too
        if w.column and w.size < theme.sizes.body * 0.9 and not in_notes(w, lay):
            row = next((k for k in rows if k[:2] == (w.page, w.column) and 0 < k[2] - w.top < 6), None)
            if row is not None:
                rows[row].append(w)
    out = []
    for (_page, col, _top), ws in sorted(rows.items()):
        left = p.margin_left + (col - 1) * (p.column_width + p.gutter)
        out.append((left, left + p.column_width, sorted(ws, key=lambda w: w.x0)))
    return out


def test_justified_lines_end_at_the_measure(tmp_path: Path, theme: Theme) -> None:
    """Every line of a justified paragraph but its last reaches the column's right edge."""
    assert theme.text.align == "justify"
    pdf, _, _ = render_yaml(long_memo_yaml(pages=8, seed=11), tmp_path, theme)
    lines = _column_lines(pdf, theme)
    lead = theme.sizes.leading
    bullet = re.compile(r"^(•|\d+\.)$")
    checked, short = 0, []
    for (left, right, ws), (nleft, _nright, nws) in zip(lines, lines[1:]):
        if nleft != left or abs(nws[0].top - ws[0].top - lead) > 1.0:
            continue  # the last line of a paragraph (or of a column)
        if abs(ws[0].x0 - left) > 1 or abs(nws[0].x0 - left) > 1 or bullet.match(nws[0].text):
            continue  # indented (lists, quotes) or the next line starts a list item
        checked += 1
        if ws[-1].x1 < right - 1.0:
            short.append(" ".join(w.text for w in ws))
    assert checked > 300
    assert not short, short[:5]


def test_splitting_a_long_paragraph_over_columns_keeps_notes_with_their_references(
        tmp_path: Path, theme: Theme) -> None:
    rng = random.Random(9)
    parts = []
    for i in range(40):
        parts.append(_text(rng, 30))
        parts.append(f"cite{i}^[Note {i} - {_text(rng, rng.choice((6, 25, 60)))}]")
    text = _one_paragraph_memo("One long paragraph", " ".join(parts))
    pdf, _, _ = render_yaml(text, tmp_path, theme)  # the writer's self-check raises if a note strays
    lay = layout(pdf, theme)
    refs, starts = reference_places(lay, theme), note_places(lay, theme)
    assert len(starts) == 40
    assert {n: starts[n] for n in refs} == refs
    assert len({where for where in refs.values()}) >= 3  # the paragraph ran over several columns


LONG_WORDS = ["internationalisation", "characteristically", "counterproductive", "responsibilities",
              "interdepartmental", "disproportionately", "telecommunications", "incomprehensibility",
              "institutionalisation", "uncharacteristically", "reconceptualisation"]


@pytest.mark.parametrize("limit", [1, 2])
def test_consecutive_hyphens_stay_within_the_limit(limit: int) -> None:
    from reportlab.lib.enums import TA_JUSTIFY
    from reportlab.lib.styles import ParagraphStyle

    rng = random.Random(limit)
    style = ParagraphStyle("t", fontName="Helvetica", fontSize=10, leading=12, alignment=TA_JUSTIFY,
                           hyphenationLang=hyphenator("en-GB"), mkMaxStretch=2.5, mkHyphenLimit=limit)
    hyphens = 0
    for _ in range(20):
        words = [rng.choice(LONG_WORDS) if rng.random() < 0.6 else rng.choice(("of", "and", "the", "a"))
                 for _ in range(60)]
        p = BodyPara(" ".join(words), style)
        p.wrap(130, 1e6)
        ends = ["".join(f.text for f in ln.words).rstrip().endswith("-") for ln in p.blPara.lines]
        run = 0
        for e in ends:
            run = run + 1 if e else 0
            assert run <= limit
        hyphens += sum(ends)
    assert hyphens > 20  # hyphenation was in play


def test_split_parts_keep_the_lines_of_the_whole() -> None:
    from reportlab.lib.enums import TA_JUSTIFY
    from reportlab.lib.styles import ParagraphStyle

    rng = random.Random(2)
    style = ParagraphStyle("t", fontName="Helvetica", fontSize=10, leading=12, alignment=TA_JUSTIFY,
                           hyphenationLang=hyphenator("en-GB"), mkMaxStretch=2.5)
    p = BodyPara(_text(rng, 300) + ' cite<super>1</super><onDraw name="fn" label="1"/> ' + _text(rng, 100),
                 style)
    p.wrap(200, 1e6)
    whole = ["".join(f.text for f in ln.words) for ln in p.blPara.lines]
    first, rest = p.split(200, 12 * 10)
    got = []
    for part in (first, rest):
        part.wrap(200, 1e6)
        got += ["".join(f.text for f in ln.words) for ln in part.blPara.lines]
    assert got == whole
    from memokit.writers.pdf.notes import cited_notes

    assert cited_notes(first) == [] and cited_notes(rest) == [1]


def test_note_numbers_stay_on_the_line_of_the_word_they_follow() -> None:
    """'processing.¹,²,³' is one token: no line may start with its note numbers (a long token
    with dots and commas could break like an address, leaving a line of numbers)."""
    from reportlab.lib.enums import TA_JUSTIFY
    from reportlab.lib.styles import ParagraphStyle

    from memokit.writers.pdf.inlines import note_reference

    style = ParagraphStyle("t", fontName="Helvetica", fontSize=10, leading=12, alignment=TA_JUSTIFY,
                           hyphenationLang=hyphenator("en-GB"), mkMaxStretch=2.5)
    refs = "<super>,</super>".join(note_reference(n) for n in (1, 2, 3))
    rng = random.Random(5)
    ends = 0
    for width in range(140, 260, 2):
        p = BodyPara(f"{_text(rng, 40)} for further processing.{refs} {_text(rng, 25)}", style)
        p.wrap(width, 1e6)
        lines = [[f for f in ln.words if f.text.strip()] for ln in p.blPara.lines]
        for before, line in zip(lines, lines[1:]):
            assert getattr(line[0], "rise", 0) == 0, "a line starts with note numbers"
            ends += "".join(f.text for f in before).rstrip().endswith("processing.1,2,3")  # ends a line
    assert ends >= 3  # the numbers were at a line's end, where a break could have left them
