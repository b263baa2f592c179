"""The DOCX as an editor opens it: headings bookmarked, section references as REF fields with
their text filled in, appendices with 'page break before', and a TOC field in Word's TOC styles
already showing the PDF's entries and pages; pandoc reads it all."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import docx
import pytest
from lxml import etree

from tests.docx.conftest import NS, W, part
from tests.helpers import require_tool
from tests.sections.memo import render
from tests.sections.test_pdf import toc_rows


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return render(tmp_path_factory.mktemp("plain-docx"))


@pytest.fixture(scope="module")
def numbered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return render(tmp_path_factory.mktemp("numbered-docx"), "numbered")


def _text(el: etree._Element) -> str:
    return "".join(t.text or "" for t in el.iter(f"{W}t")).replace("\u00a0", " ")


def _fields(body: etree._Element) -> list[tuple[str, str]]:
    """(instruction, result text) of every complex field in the body, outermost first."""
    out = []
    runs = list(body.iter(f"{W}r"))
    stack: list[list] = []
    for r in runs:
        ch = r.find(f"{W}fldChar")
        if ch is not None and ch.get(f"{W}fldCharType") == "begin":
            stack.append(["", "", False])
        elif ch is not None and ch.get(f"{W}fldCharType") == "separate":
            stack[-1][2] = True
        elif ch is not None and ch.get(f"{W}fldCharType") == "end":
            instr, result, _ = stack.pop()
            out.append((instr.strip(), result))
            if stack:
                stack[-1][1] += result
        elif stack:
            instr = r.find(f"{W}instrText")
            if instr is not None and not stack[-1][2]:
                stack[-1][0] += instr.text or ""
            elif stack[-1][2]:
                stack[-1][1] += "".join(t.text or "" for t in r.iter(f"{W}t"))
                if r.find(f"{W}tab") is not None:
                    stack[-1][1] += "\t"
    return out


def _headings(body: etree._Element) -> list[etree._Element]:
    return body.xpath("w:p[starts-with(w:pPr/w:pStyle/@w:val, 'Heading')]", namespaces=NS)


def test_the_toc_field_shows_the_pdf_entries_and_pages(plain: dict[str, Path]) -> None:
    body = part(plain["docx"], "word/document.xml").find(f"{W}body")
    toc = [f for f in _fields(body) if f[0].startswith("TOC ")]
    assert len(toc) == 1 and toc[0][0] == 'TOC \\o "1-2" \\h \\z'
    shown = [tuple(line.split("\t")) for line in re.findall(r"[^\t]+\t\d+", toc[0][1])]
    assert [(e, int(p)) for e, p in shown] == [(e, p) for e, p, _ in toc_rows(plain["pdf"])]


def test_toc_entries_are_in_word_styles_and_link_to_bookmarked_headings(plain: dict[str, Path]) -> None:
    d = docx.Document(str(plain["docx"]))
    styles = {p.style.name for p in d.paragraphs}
    assert {"TOC Heading", "toc 1", "toc 2"} <= styles
    assert [p.text for p in d.paragraphs if p.style.name == "TOC Heading"] == ["Contents"]
    body = part(plain["docx"], "word/document.xml").find(f"{W}body")
    marks = {b.get(f"{W}name"): _text(h) for h in _headings(body)
             for b in h.iter(f"{W}bookmarkStart")}
    anchors = body.xpath("w:p[starts-with(w:pPr/w:pStyle/@w:val, 'TOC')]/w:hyperlink/@w:anchor",
                         namespaces=NS)
    assert len(anchors) == 10
    for a in anchors:
        assert a in marks, f"the table of contents links to {a}, which no heading has"
    pagerefs = [f for f in _fields(body) if f[0].startswith("PAGEREF ")]
    assert [f[0].split()[1] for f in pagerefs] == anchors


def test_section_references_are_ref_fields_to_heading_bookmarks(plain: dict[str, Path],
                                                                numbered: dict[str, Path]) -> None:
    for out, shown in ((plain, ["How we counted", "A detail of the count", "Appendix A", "Appendix A"]),
                       (numbered, ["3.1", "3.1.1", "Appendix A", "Appendix A"])):
        body = part(out["docx"], "word/document.xml").find(f"{W}body")
        marks: dict[str, str] = {}
        for h in _headings(body):  # the text each bookmark holds
            for b in h.iter(f"{W}bookmarkStart"):
                bid, inside, text = b.get(f"{W}id"), False, ""
                for el in h.iter():
                    if el is b:
                        inside = True
                    elif el.tag == f"{W}bookmarkEnd" and el.get(f"{W}id") == bid:
                        break
                    elif inside and el.tag == f"{W}t":
                        text += el.text or ""
                marks[b.get(f"{W}name")] = text.replace("\u00a0", " ")
        refs = [f for f in _fields(body) if f[0].startswith("REF _Ref_sec")]
        assert [r[1].replace("\u00a0", " ") for r in refs] == shown
        for instr, result in refs:
            assert marks[instr.split()[1]] == result.replace("\u00a0", " ")  # an update keeps the text


def test_appendix_headings_break_the_page_and_captions_read_a_1(plain: dict[str, Path]) -> None:
    d = docx.Document(str(plain["docx"]))
    heads = [p for p in d.paragraphs if p.style.name == "heading 1" or p.style.name == "Heading 1"]
    apps = [p for p in heads if p.text.replace("\u00a0", " ").startswith("Appendix")]
    assert [p.text.replace("\u00a0", " ") for p in apps] == ["Appendix A: The data",
                                                              "Appendix B: Further tables"]
    assert all(p.paragraph_format.page_break_before for p in apps)
    assert not any(p.paragraph_format.page_break_before for p in heads if p not in apps)
    captions = [p.text.replace("\u00a0", " ") for p in d.paragraphs if p.style.name == "Caption"]
    assert "Figure A.1: Appendix counts" in captions and "Table A.1: Appendix table" in captions


def test_pandoc_reads_the_contents_and_the_appendices(plain: dict[str, Path]) -> None:
    exe = require_tool("pandoc")
    text = subprocess.run([exe, "-f", "docx", "-t", "plain", "--wrap=none", str(plain["docx"])],
                          capture_output=True, text=True, check=True).stdout.replace("\u00a0", " ")
    for expected in ("Contents", "Appendix A: The data 5", "Appendix A: The data\n",
                     "See “How we counted”, “A detail of the count”, Appendix A and Appendix A;",
                     "Figure A.1: Appendix counts"):
        assert expected in text


def test_libreoffice_shows_the_references_contents_and_appendix_pages_as_the_pdf(
        plain: dict[str, Path], tmp_path: Path) -> None:
    from tests.docx.conftest import page_texts, to_pdf

    pages = [re.sub(r"\s+", " ", t) for t in page_texts(to_pdf(plain["docx"], tmp_path))]
    text = " ".join(pages)
    assert "“How we counted”, “A detail of the count”, Appendix A and Appendix A;" in text
    rows = {e: p for e, p, _ in toc_rows(plain["pdf"])}
    assert re.search(rf"Appendix A: The data\.*\s*{rows['Appendix A: The data']}\b", pages[0])
    for heading in ("APPENDIX A: THE DATA", "APPENDIX B: FURTHER TABLES"):
        opening = [i for i, t in enumerate(pages) if t.split("Analysis", 1)[-1].strip().startswith(heading)]
        assert opening, f"{heading} does not open a page in LibreOffice"


def test_a_box_in_an_appendix_is_numbered_in_it(tmp_path: Path) -> None:
    d = docx.Document(str(render(tmp_path)["docx"]))
    texts = [p.text.replace("\u00a0", " ") for p in d.paragraphs]
    texts += [p.text.replace("\u00a0", " ") for t in d.tables for c in t._cells for p in c.paragraphs]
    assert "The second appendix, see Box B.1." in texts
    assert "Box B.1: Appendix box" in texts
