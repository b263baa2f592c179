"""Phrases in another language and right-to-left phrases, read back from the PDF.

Arabic and Hebrew names in English sentences must come back from pdftotext in reading
(logical) order, be drawn in the order the Unicode bidirectional algorithm gives (what
pdfplumber reads, left to right), with Arabic letters joined; a span's language decides
where its words are hyphenated."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pdfplumber
import pyphen
from bidi import get_display

from memokit.style.theme import Theme
from tests.pdf.conftest import render_yaml
from tests.pdf.reading import pdftotext

SENTENCES = [
    "The minister محمد بن سلمان met the mayor of Haifa, שלום עליכם, in the morning.",
    "Later the delegation from دار السلام and the envoy דוד בן גוריון left with 12 members.",
    "The motto was لا إله and the choir sang הללויה twice.",
]

MEMO = """\
memokit: 1
title: Names in other scripts
authors: [A. Writer]
date: 2026-05-07
language: en-GB
sections:
  - heading: Meeting
    body:
{body}
"""


def _memo(paragraphs: list[str]) -> str:
    return MEMO.format(body="\n".join(f"      - |\n        {p}" for p in paragraphs))


def _words(text: str) -> list[str]:
    """Words as a reader compares them: Arabic presentation forms as their letters (NFKC), the
    direction marks pdftotext puts around right-to-left words as spaces."""
    text = unicodedata.normalize("NFKC", text)
    return re.sub("[\u200e\u200f\u202a-\u202e]", " ", text).split()


def _letters(text: str) -> str:
    """The characters in order, without spaces and direction marks (pdftotext moves a space
    between a right-to-left and a left-to-right word inside its marks)."""
    return re.sub("[\\s\u200e\u200f\u202a-\u202e]", "", unicodedata.normalize("NFKC", text))


def test_pdftotext_reads_arabic_and_hebrew_names_in_reading_order(tmp_path: Path, theme: Theme) -> None:
    pdf, _, _ = render_yaml(_memo(SENTENCES), tmp_path, theme)
    text = pdftotext(pdf)
    got = _letters(text)
    for sentence in SENTENCES:
        assert _letters(sentence) in got, sentence
    for name in ("محمد بن سلمان", "שלום עליכם", "דוד בן גוריון", "دار السلام"):  # words kept apart
        assert name in " ".join(re.sub("[\u202a-\u202e]", "", unicodedata.normalize("NFKC", text)).split())


def test_lines_are_drawn_in_the_bidirectional_algorithms_order(tmp_path: Path, theme: Theme) -> None:
    """pdfplumber reads characters left to right as drawn: each line is the visual order
    python-bidi gives for that line's text, and the RTL letters are not in logical order."""
    pdf, _, _ = render_yaml(_memo(SENTENCES), tmp_path, theme)
    drawn = _visual_letters(_column_lines(pdf, theme))
    sources = [" ".join(_words(s)) for s in SENTENCES]
    checked = 0
    for line in drawn.splitlines():
        if not any(unicodedata.bidirectional(c) in ("R", "AL") for c in line):
            continue
        checked += 1
        assert any(_drawn_from(line, src) for src in sources), line
    assert checked >= 3


def _visual_letters(text: str) -> str:
    """Drawn (visual) text with presentation forms as letters: a right-to-left ligature
    (lam-alef) spells its letters right to left too."""
    out = []
    for c in text:
        base = unicodedata.normalize("NFKC", c)
        out.append(base[::-1] if len(base) > 1 and "\ufb50" <= c <= "\ufeff" else base)
    return "".join(out)


def _drawn_from(line: str, source: str) -> bool:
    """Whether ``line`` is python-bidi's display order of a stretch of ``source`` (in reading
    order), the stretch ending with a hyphen when the line does."""
    hyphen = line.endswith("-")
    n = len(line) - hyphen
    for a in range(len(source) - n + 1):
        stretch = source[a:a + n] + ("-" if hyphen else "")
        if get_display(stretch, base_dir="L") == line:
            return True
    return False


def test_arabic_letters_are_joined(tmp_path: Path, theme: Theme) -> None:
    """The PDF draws Arabic in its joined (presentation) forms, never as isolated base letters."""
    pdf, _, _ = render_yaml(_memo(SENTENCES[:1]), tmp_path, theme)
    raw = pdftotext(pdf)
    arabic = [c for c in raw if "\u0600" <= c <= "\u06ff" or "\ufb50" <= c <= "\ufeff"]
    assert arabic and all(c >= "\ufb50" for c in arabic)
    names = {unicodedata.name(c) for c in arabic}
    assert any("INITIAL" in n for n in names) and any("FINAL" in n for n in names)


GERMAN = ("Donaudampfschifffahrtsgesellschaftskapitänsmütze Rindfleischetikettierungsüberwachung "
          "Kraftfahrzeughaftpflichtversicherung Arbeiterunfallversicherungsgesetz "
          "Grundstücksverkehrsgenehmigungszuständigkeitsübertragungsverordnung "
          "Haftpflichtversicherungsbedingungen Wirtschaftsprüfungsgesellschaft")


def _column_lines(pdf: Path, theme: Theme) -> str:
    """The page's text column by column, its lines as drawn (pdftotext would join some
    hyphenated words)."""
    p = theme.page
    with pdfplumber.open(pdf) as doc:
        page = doc.pages[0]
        return "\n".join(page.crop((left - 1, 0, left + p.column_width + 1, page.height)).extract_text()
                         for left in (p.margin_left + i * (p.column_width + p.gutter)
                                      for i in range(p.columns)))


def _breaks(pdf: Path, theme: Theme, words: list[str]) -> list[tuple[str, int]]:
    """(word, letters before the hyphen) for every word of ``words`` broken at a line end."""
    text = _column_lines(pdf, theme)
    out = []
    for m in re.finditer(r"(\w+)-\n\s*(\w+)", text):
        word = m.group(1) + m.group(2)
        if word in words:
            out.append((word, len(m.group(1))))
    return out


def _points(lang: str, word: str) -> set[int]:
    return {len(head) for head, _ in pyphen.Pyphen(lang=lang).iterate(word)}


def test_a_spans_language_decides_its_hyphenation(tmp_path: Path, theme: Theme) -> None:
    words = GERMAN.split()
    text = "Some words: " + GERMAN + " end here."
    german = render_yaml(_memo([f"Some words: [{GERMAN}]{{lang=de}} end here."]), tmp_path / "de", theme)[0]
    english = render_yaml(_memo([text]), tmp_path / "en", theme)[0]
    de, en = _breaks(german, theme, words), _breaks(english, theme, words)
    assert len(de) >= 2 and len(en) >= 2
    assert all(k in _points("de_DE", w) for w, k in de), de
    assert all(k in _points("en_GB", w) for w, k in en), en
    # the German breaks are not all ones English patterns would give, and the other way round
    assert any(k not in _points("en_GB", w) for w, k in de), de
    assert any(k not in _points("de_DE", w) for w, k in en), en


EVERYWHERE = """\
memokit: 1
title: Talks with محمد بن سلمان and שלום עליכם
authors: [A. Writer]
date: 2026-05-07
lede: The envoy met دار السلام officials.
sections:
  - heading: Meeting in دار السلام
    body:
      - Text with a note.^[Note about שלום עליכם and محمد.]
      - table:
          id: t
          caption: Delegates of دار السلام
          rows:
            - [Name, Seats]
            - [جامعة القاهرة, 12]
"""


def test_titles_headings_captions_cells_and_notes_read_in_reading_order(tmp_path: Path,
                                                                       theme: Theme) -> None:
    pdf, _, _ = render_yaml(EVERYWHERE, tmp_path, theme)
    got = _letters(pdftotext(pdf))
    for shown in ("Talks with محمد بن سلمان and שלום עליכם", "The envoy met دار السلام officials.",
                  "MEETING IN دار السلام", "Table 1: Delegates of دار السلام", "جامعة القاهرة",
                  "Note about שלום עליכם and محمد."):
        assert _letters(shown) in got, shown
