"""The PDF as a reader sees it: the table of contents shows the pages the headings are on and
links to them, appendices begin on a new page as 'Appendix A: ...' with 'Figure A.1', and section
references read as the house style says."""

from __future__ import annotations

import re
from pathlib import Path

import pdfplumber
import pypdf
import pytest

from memokit.style import load_style, style_folder
from tests.pdf.reading import page_texts
from tests.sections.memo import render


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return render(tmp_path_factory.mktemp("plain"))


@pytest.fixture(scope="module")
def numbered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return render(tmp_path_factory.mktemp("numbered"), "numbered")


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " "))


def toc_rows(pdf: Path) -> list[tuple[str, int, float]]:
    """(entry, page shown, top) of each line of the table of contents on page 1."""
    theme = load_style(style_folder("memo"))
    split = theme.page.margin_left + theme.page.column_width + theme.page.gutter / 2
    with pdfplumber.open(pdf) as doc:
        words = [w for w in doc.pages[0].extract_words() if w["x1"] < split]
    start = next(w["top"] for w in words if w["text"] == "CONTENTS")
    lines: dict[int, list[dict]] = {}
    for w in words:
        if w["top"] > start + 1:
            lines.setdefault(round(w["top"]), []).append(w)
    rows = []
    for top in sorted(lines):
        ws = sorted(lines[top], key=lambda w: w["x0"])
        if not ws[-1]["text"].isdigit():
            break
        rows.append((" ".join(w["text"] for w in ws[:-1]), int(ws[-1]["text"]), float(top)))
    return rows


def heading_page(pdf: Path, heading: str) -> int:
    """The page (from 1) whose text holds ``heading`` as the heading shows it (in capitals)."""
    shown = heading.upper()
    pages = [i for i, t in enumerate(page_texts(pdf), start=1) if shown in _flat(t)]
    assert pages, f"heading {shown!r} not found"
    return pages[0]


def test_the_contents_list_headings_to_depth_two_and_the_appendices(plain: dict[str, Path]) -> None:
    entries = [e for e, _, _ in toc_rows(plain["pdf"])]
    assert entries == ["Where things stand", "Part 1 of the argument", "Part 2 of the argument",
                       "How we counted", "Part 3 of the argument", "Part 4 of the argument",
                       "Part 5 of the argument", "Appendix A: The data", "Data sources",
                       "Appendix B: Further tables"]


def test_the_contents_show_the_pages_the_headings_are_on(plain: dict[str, Path]) -> None:
    rows = toc_rows(plain["pdf"])
    found = {e: heading_page(plain["pdf"], e) for e, _, _ in rows}
    assert {e: p for e, p, _ in rows} == found
    assert len(set(found.values())) >= 4  # the memo is long enough to test something


def test_the_contents_link_to_the_pages_of_the_headings(plain: dict[str, Path]) -> None:
    rows = toc_rows(plain["pdf"])
    reader = pypdf.PdfReader(plain["pdf"])
    height = float(reader.pages[0].mediabox.height)
    number = {p.indirect_reference.idnum: i for i, p in enumerate(reader.pages, start=1)}
    linked: dict[str, set[int]] = {}
    for annot in reader.pages[0].get("/Annots", []):
        a = annot.get_object()
        dest = a.get("/Dest")
        if a.get("/Subtype") != "/Link" or dest is None:
            continue
        top = height - float(a["/Rect"][3])
        row = min(rows, key=lambda r: abs(r[2] - top))
        if abs(row[2] - top) < 6:
            linked.setdefault(row[0], set()).add(number[dest[0].idnum])
    assert linked == {e: {p} for e, p, _ in rows}


def test_appendices_begin_on_new_pages(plain: dict[str, Path]) -> None:
    texts = [_flat(t) for t in page_texts(plain["pdf"])]
    for heading in ("APPENDIX A: THE DATA", "APPENDIX B: FURTHER TABLES"):
        page = heading_page(plain["pdf"], heading)
        body = texts[page - 1].split("Nordic Institute for Security Analysis", 1)[-1].strip()
        assert body.startswith(heading), f"{heading} does not open page {page}: {body[:80]!r}"
    main_end = next(i for i, t in enumerate(texts, start=1) if "■" in t)
    assert main_end < heading_page(plain["pdf"], "APPENDIX A: THE DATA")  # the end mark closes the main text


def test_appendix_figures_and_tables_are_numbered_per_appendix(plain: dict[str, Path]) -> None:
    text = _flat(" ".join(page_texts(plain["pdf"])))
    assert "Figure A.1: Appendix counts" in text and "Table A.1: Appendix table" in text
    assert "see Figure A.1 and Table A.1." in text
    assert "Figure 1: Counts by year" in text
    assert re.search(r"2\s*Appendix note\.", text)  # notes go on from the main text


def test_section_references_read_as_quoted_titles_or_appendices(plain: dict[str, Path]) -> None:
    text = _flat(" ".join(page_texts(plain["pdf"])))
    assert "See “How we counted”, “A detail of the count”, Appendix A and Appendix A;" in text


def test_numbered_headings_and_references_read_as_numbers(numbered: dict[str, Path]) -> None:
    text = _flat(" ".join(page_texts(numbered["pdf"])))
    assert "See 3.1, 3.1.1, Appendix A and Appendix A;" in text
    for heading in ("1 WHERE THINGS STAND", "3.1 HOW WE COUNTED", "3.1.1 A detail of the count",
                    "APPENDIX A: THE DATA", "A.1 DATA SOURCES"):
        assert heading in text
    assert [e for e, _, _ in toc_rows(numbered["pdf"])][:4] == [
        "1 Where things stand", "2 Part 1 of the argument", "3 Part 2 of the argument",
        "3.1 How we counted"]


def test_continuous_numbering_and_appendices_without_a_new_page(tmp_path: Path) -> None:
    out = render(tmp_path, "numbered", "appendices:\n  numbering: continuous\n  new_page: false\n",
                 toc=False)
    texts = [_flat(t) for t in page_texts(out["pdf"])]
    text = " ".join(texts)
    assert "Figure 2: Appendix counts" in text and "Table 1: Appendix table" in text
    assert "CONTENTS" not in text
    end = next(i for i, t in enumerate(texts, start=1) if "■" in t)
    assert "APPENDIX A: THE DATA" in texts[end - 1]


@pytest.mark.parametrize(("toc", "shown"), [(None, True), (False, False)])
def test_the_house_style_default_gives_a_table_unless_the_memo_says_no(
        tmp_path: Path, toc: bool | None, shown: bool) -> None:
    out = render(tmp_path, "numbered", "toc:\n  default: true\n  depth: 1\n", toc=toc)
    assert ("CONTENTS" in page_texts(out["pdf"])[0]) is shown
    if shown:  # depth 1: no subsections listed, the appendices still are
        assert [e for e, _, _ in toc_rows(out["pdf"])][-3:] == [
            "6 Part 5 of the argument", "Appendix A: The data", "Appendix B: Further tables"]


def test_a_box_in_an_appendix_is_numbered_in_it(plain: dict[str, Path]) -> None:
    text = _flat(" ".join(page_texts(plain["pdf"])))
    assert "Box B.1: Appendix box" in text
    assert "The second appendix, see Box B.1." in text


def test_the_page_before_the_appendices_is_balanced(plain: dict[str, Path]) -> None:
    """The main text's last page, before the appendices' new page, is balanced as a last page is:
    text in both columns, ending about as low."""
    from tests.pdf.reading import layout
    from tests.pdf.test_balance_parts import _assert_balanced

    theme = load_style(style_folder("memo"))
    page = heading_page(plain["pdf"], "APPENDIX A: THE DATA") - 1
    _assert_balanced(layout(plain["pdf"], theme), theme, page)
