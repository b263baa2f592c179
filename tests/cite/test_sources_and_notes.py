"""BibTeX and CSL-JSON give the same citations; locales; citations inside footnotes."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cite.cited import memo_with, note_texts, reference_texts

KEYS = ["smith2016", "kaldor2003", "thoreau2016", "satterfield2016", "kowalski2019", "gao2020",
        "who2023", "manjoo2017", "brown1954", "rutz2013", "ruggles2024", "habermas1989", "un2005"]
# (BibLaTeX has no blog-post type: margetts2019 is a web page there, so it is left out)


@pytest.mark.parametrize("style", ["chicago-notes-ibid", "chicago-author-date", "apa"])
def test_bibtex_with_latex_accents_and_braces_reads_as_csl_json(tmp_path: Path, style: str) -> None:
    cites = [f"A [@{k}, p. 3]." for k in KEYS] + ["Again [@smith2016, p. 4]."]
    from_json = memo_with(tmp_path, cites, style, "entries.json")
    from_bib = memo_with(tmp_path, cites, style, "entries.bib")
    assert note_texts(from_bib) == note_texts(from_json)
    assert reference_texts(from_bib) == reference_texts(from_json)
    assert any("Jürgen Habermas" in n or "Habermas" in n for n in reference_texts(from_bib))
    assert any("UN Security Council" in e and "Gödel" in e for e in reference_texts(from_bib))


@pytest.mark.parametrize("language, expected", [
    ("fr-FR", ["Zadie Smith, Swing time (Penguin Press, 2016), 315‑16.", "Ibid., 321.", "Ibid."]),
    # Chicago shows no page label; 'S.' is read as the German page label (else it would be printed)
    ("de-DE", ["Zadie Smith, Swing time (Penguin Press, 2016), 315–16.", "Ebd., 321.", "Ebd."]),
])
def test_the_memo_language_picks_the_locale(tmp_path: Path, language: str,
                                            expected: list[str]) -> None:
    page = "S." if language.startswith("de") else "p."
    memo = memo_with(tmp_path, [f"A [@smith2016, {page} 315-16]. B [@smith2016, {page} 321]. "
                                f"C [@smith2016, {page} 321]."], "chicago-notes-ibid", language=language)
    assert note_texts(memo) == expected


def test_a_citation_in_a_footnote_joins_it_and_numbers_go_on(tmp_path: Path) -> None:
    # a note that cites nothing breaks the ibid. chain (a short note in note 3), and no ibid.
    # follows a note citing two sources (note 4)
    memo = memo_with(tmp_path, [
        "First [@smith2016, p. 3]. An aside.^[Nothing cited.] Then^[See [@kaldor2003, p. 4]; also "
        "[@smith2016, p. 3].] and [@smith2016, p. 3]."])
    assert note_texts(memo) == [
        "Zadie Smith, Swing Time (Penguin Press, 2016), 3.",
        "Nothing cited.",
        "See Mary Kaldor, ed., Global Civil Society 2003 (Oxford University Press, 2003), 4; also "
        "Smith, Swing Time, 3.",
        "Smith, Swing Time, 3.",
    ]


def test_a_citation_in_a_defined_footnote_joins_it_and_loses_its_period_mid_sentence(
        tmp_path: Path) -> None:
    memo = memo_with(tmp_path, ["A defined note.[^n] Then [@smith2016, p. 5]."],
                     extra="footnotes:\n  n: See [@smith2016, p. 4] and more.\n")
    assert note_texts(memo) == ["See Zadie Smith, Swing Time (Penguin Press, 2016), 4 and more.",
                                "Ibid., 5."]


def test_no_citation_in_the_lede_with_a_notes_style(tmp_path: Path) -> None:
    from memokit.errors import ContentError

    with pytest.raises(ContentError) as info:
        memo_with(tmp_path, ["Text."], extra="lede: The lede cites [@smith2016].\n")
    (d,) = info.value.diagnostics
    assert (d.line, d.column, d.field) == (6, 22, "lede")
    assert d.message.startswith("citations are not allowed in the lede with citation style")
