"""Chicago 18 notes-bibliography: first notes, short notes and ibid. for twelve kinds of source,
compared with strings checked by hand against CMOS rules (headline capitalisation, full given names,
no place of publication, punctuation inside closing quotation marks, 'Ibid.' capitalised)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cite.cited import memo_with, note_texts, reference_texts

# (citation as written, expected first note); italics are not shown in the text
FIRST = [
    ("[@smith2016, p. 315-16]", "Zadie Smith, Swing Time (Penguin Press, 2016), 315–16."),  # book
    ("[@kaldor2003, p. 45]",  # edited book
     "Mary Kaldor, ed., Global Civil Society 2003 (Oxford University Press, 2003), 45."),
    ("[@thoreau2016, p. 177-78]",  # chapter
     "Henry David Thoreau, “Walking,” in The Making of the American Essay, ed. John D’Agata "
     "(Graywolf Press, 2016), 177–78."),
    ("[@satterfield2016, p. 170]",  # journal article
     "Susan Satterfield, “Livy and the Pax Deum,” Classical Philology 111, no. 2 (2016): 170, "
     "https://doi.org/10.1086/685597."),
    ("[@kowalski2019, p. 12]",  # report
     "Anna Kowalski, Energy Security in the Baltic States, RR-2947 (RAND Corporation, 2019), 12."),
    ("[@gao2020, p. 4]",  # government document
     "U.S. Government Accountability Office, Climate Change: A Climate Migration Pilot Program Could "
     "Enhance the Nation’s Resilience, GAO-20-127 (U.S. Government Accountability Office, 2020), 4, "
     "https://www.gao.gov/products/gao-20-127."),
    ("[@who2023]",  # web page
     "World Health Organization, “Climate Change,” World Health Organization, October 12, 2023, "
     "https://www.who.int/news-room/fact-sheets/detail/climate-change-and-health."),
    ("[@manjoo2017]",  # newspaper article
     "Farhad Manjoo, “Snap Makes a Bet on the Cultural Supremacy of the Camera,” New York Times, "
     "March 8, 2017, https://www.nytimes.com/2017/03/08/technology/"
     "snap-makes-a-bet-on-the-cultural-supremacy-of-the-camera.html."),
    # legal case: the CSL style sets the pinpoint last ('at 495'); CMOS/Bluebook would write
    # '347 U.S. 483, 495 (1954)', which CSL cannot express
    ("[@brown1954, p. 495]", "Brown v. Board of Education, 347 U.S. 483 (1954), at 495."),
    ("[@rutz2013, p. 99-100]",  # thesis
     "Cynthia Lillian Rutz, “King Lear and Its Folktale Analogues” (PhD diss., University of "
     "Chicago, 2013), 99–100."),
    ("[@ruggles2024]",  # dataset
     "Steven Ruggles et al., “IPUMS USA,” version 15.0, IPUMS, 2024, https://doi.org/10.18128/D010.V15.0."),
    ("[@margetts2019]",  # blog post
     "Helen Margetts, “Why the Internet Matters for Democracy,” LSE British Politics and Policy, "
     "May 14, 2019, https://blogs.lse.ac.uk/politicsandpolicy/why-the-internet-matters/."),
    ("[@habermas1989, p. 27]",  # translated book
     "Jürgen Habermas, The Structural Transformation of the Public Sphere, trans. Thomas Burger "
     "(MIT Press, 1989), 27."),
    ("[@un2005, p. 3]",  # institution as author, braces keep 'UN', a hyphenated compound
     "United Nations, Reforming the UN Security Council: Options for Gödel-Proof Governance "
     "(UN Publications, 2005), 3."),
]
# later citations: short notes, and ibid. (same source as the note before)
LATER = [
    ("[@smith2016, p. 320]", "Smith, Swing Time, 320.", "Smith, Swing Time, 320."),
    ("[@smith2016, p. 321]", "Ibid., 321.", "Smith, Swing Time, 321."),
    ("[@smith2016, p. 321]", "Ibid.", "Smith, Swing Time, 321."),
    ("[@satterfield2016, p. 172]", "Satterfield, “Livy,” 172.", "Satterfield, “Livy,” 172."),
    ("[@thoreau2016, p. 182]", "Thoreau, “Walking,” 182.", "Thoreau, “Walking,” 182."),
    ("[@kaldor2003; @smith2016]", "Kaldor, Global Civil Society 2003; Smith, Swing Time.",
     "Kaldor, Global Civil Society 2003; Smith, Swing Time."),
    # ibid. never follows a note citing two sources (CMOS 13.37)
    ("[@kaldor2003, p. 4]", "Kaldor, Global Civil Society 2003, 4.", "Kaldor, Global Civil Society 2003, 4."),
]
BIBLIOGRAPHY = [
    "Satterfield, Susan. “Livy and the Pax Deum.” Classical Philology 111, no. 2 (2016): 165–76. "
    "https://doi.org/10.1086/685597.",
    "Rutz, Cynthia Lillian. “King Lear and Its Folktale Analogues.” PhD diss., University of Chicago, 2013.",
    "Ruggles, Steven, Sarah Flood, Matthew Sobek, and Daniel Backman. “IPUMS USA.” Version 15.0. "
    "IPUMS, 2024. https://doi.org/10.18128/D010.V15.0.",
    "Smith, Zadie. Swing Time. Penguin Press, 2016.",
    "Kaldor, Mary, ed. Global Civil Society 2003. Oxford University Press, 2003.",
]


@pytest.mark.parametrize("style, column", [("chicago-notes-ibid", 1), ("chicago-notes", 2)])
def test_first_short_and_ibid_notes_read_as_cmos_gives_them(tmp_path: Path, style: str,
                                                            column: int) -> None:
    written = [f"Text {c}." for c, _ in FIRST] + [f"Text {c[0]}." for c in LATER]
    got = note_texts(memo_with(tmp_path, written, style))
    assert got == [e for _, e in FIRST] + [c[column] for c in LATER]


def test_the_bibliography_is_sorted_and_lists_every_author(tmp_path: Path) -> None:
    memo = memo_with(tmp_path, [f"Text {c}." for c, _ in FIRST])
    entries = reference_texts(memo)
    assert memo.references is not None and memo.references.kind == "bibliography"
    assert len(entries) == len(FIRST)
    for expected in BIBLIOGRAPHY:
        assert expected in entries
    # alphabetical by the first word; 'United Nations' before 'U.S.' as CMOS's letter-by-letter order
    assert [e.split(",")[0].split(".")[0] for e in entries] == [
        "Brown v", "Habermas", "Kaldor", "Kowalski", "Manjoo", "Margetts", "Ruggles", "Rutz",
        "Satterfield", "Smith", "Thoreau", "United Nations", "U", "World Health Organization"]
    assert set(memo.references.keys) == {c[2:].split(",")[0].rstrip("]") for c, _ in FIRST}


def test_titles_are_italic_and_dois_are_links(tmp_path: Path) -> None:
    from memokit.model import Emph, Link
    from memokit.model.walk import descendants, notes

    memo = memo_with(tmp_path, ["A [@satterfield2016, p. 170]."])
    note = notes(memo)[0]
    found = list(descendants(note.children))
    assert any(isinstance(n, Emph) and n.children[0].text == "Classical Philology" for n in found)
    assert any(isinstance(n, Link) and n.url == "https://doi.org/10.1086/685597" for n in found)


def test_an_italic_title_inside_an_italic_title_turns_roman(tmp_path: Path) -> None:
    from memokit.model import Emph
    from memokit.model.walk import descendants

    memo = memo_with(tmp_path, ["A [@satterfield2016]."], style="apa")
    # APA italicises the journal; the article title 'Livy and the \\emph{Pax Deum}' is roman with
    # an italic phrase: no italic is ever nested inside another
    for node in descendants(memo):
        if isinstance(node, Emph):
            assert not any(isinstance(k, Emph) for k in descendants(node.children))
