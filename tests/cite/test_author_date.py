"""Chicago author-date (and APA) citations in the text, narrative citations and the reference list."""

from __future__ import annotations

from pathlib import Path

from memokit.model import Note
from memokit.model.walk import descendants
from tests.cite.cited import cited_texts, memo_with, reference_texts

IN_TEXT = [  # CMOS 18 author-date: (Author Year, page)
    ("[@smith2016, p. 315-16]", "(Smith 2016, 315–16)"),
    ("[@kaldor2003, p. 45]", "(Kaldor 2003, 45)"),
    ("[@thoreau2016, p. 177-78]", "(Thoreau 2016, 177–78)"),
    ("[@satterfield2016, p. 170]", "(Satterfield 2016, 170)"),
    ("[@kowalski2019, p. 12]", "(Kowalski 2019, 12)"),
    ("[@gao2020, p. 4]", "(U.S. Government Accountability Office 2020, 4)"),
    ("[@who2023]", "(World Health Organization 2023)"),
    ("[@manjoo2017]", "(Manjoo 2017)"),
    ("[@brown1954, p. 495]", "(Brown 1954, 495)"),
    ("[@rutz2013, p. 99-100]", "(Rutz 2013, 99–100)"),
    ("[@ruggles2024]", "(Ruggles et al. 2024)"),
    ("[@margetts2019]", "(Margetts 2019)"),
    ("[see @habermas1989, chap. 2; @un2005, p. 3]", "(see Habermas 1989, chap. 2; United Nations 2005, 3)"),
    ("[-@smith2016]", "(2016)"),
]
REFERENCES = [
    "Kaldor, Mary, ed. 2003. Global Civil Society 2003. Oxford University Press.",
    "Satterfield, Susan. 2016. “Livy and the Pax Deum.” Classical Philology 111 (2): 165–76. "
    "https://doi.org/10.1086/685597.",
    "Smith, Zadie. 2016. Swing Time. Penguin Press.",
    "Thoreau, Henry David. 2016. “Walking.” In The Making of the American Essay, edited by John "
    "D’Agata. Graywolf Press.",
    "Rutz, Cynthia Lillian. 2013. “King Lear and Its Folktale Analogues.” PhD diss., University of Chicago.",
]


def test_citations_are_formatted_in_the_text_with_no_notes(tmp_path: Path) -> None:
    memo = memo_with(tmp_path, [f"Text {c}." for c, _ in IN_TEXT], "chicago-author-date")
    assert cited_texts(memo) == [e for _, e in IN_TEXT]
    assert not any(isinstance(n, Note) for n in descendants(memo))
    assert memo.references is not None and memo.references.kind == "references"
    entries = reference_texts(memo)
    for expected in REFERENCES:
        assert expected in entries


def test_narrative_citations_name_the_author_in_the_sentence(tmp_path: Path) -> None:
    memo = memo_with(tmp_path, ["As @smith2016 [p. 12] and (@kaldor2003) show, e-mail me@smith2016 "
                                "stays text, as does @nosuchkey and https://example.org/@smith2016."],
                     "chicago-author-date")
    assert cited_texts(memo) == ["Smith (2016, 12)", "Kaldor (2003)"]
    text = "".join(getattr(n, "text", "") for n in memo.sections[0].blocks[0].children)  # type: ignore[attr-defined]
    assert "me@smith2016" in text and "@nosuchkey" in text and "https://example.org/@smith2016" in text


def test_apa_and_harvard(tmp_path: Path) -> None:
    memo = memo_with(tmp_path, ["A [@smith2016, p. 315-16]."], "apa")
    assert cited_texts(memo) == ["(Smith, 2016, pp. 315–316)"]
    assert reference_texts(memo) == ["Smith, Z. (2016). Swing time. Penguin Press."]
    memo = memo_with(tmp_path, ["A [@satterfield2016]."], "harvard")
    # Cite Them Right is British: single quotes, comma outside them
    assert reference_texts(memo) == [
        "Satterfield, S. (2016) ‘Livy and the pax deum’, Classical Philology, 111(2), pp. 165–176. "
        "Available at: https://doi.org/10.1086/685597."]


def test_references_false_leaves_the_list_out(tmp_path: Path) -> None:
    memo = memo_with(tmp_path, ["A [@smith2016]."], "chicago-author-date", extra="references: false\n")
    assert memo.references is None and cited_texts(memo) == ["(Smith 2016)"]
