"""Both writers render every node type of the model: each node's marker is found in the output
(text in the PDF; the right element and named style in the DOCX)."""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

import pytest

from memokit.pipeline import render_memo
from tests.docx.conftest import every_table
from tests.helpers import ROOT, require_tool

FIXTURE = ROOT / "tests" / "fixtures" / "every-node.yaml"


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("every-node")
    result = render_memo(FIXTURE, out)
    return {p.suffix[1:]: p for p in result.outputs}


def pdf_text(path: Path, keep_hyphens: bool = False) -> str:
    """The PDF's text, words hyphenated at line ends joined (keeping the hyphen: URLs break after one);
    the direction marks pdftotext puts around right-to-left words read as spaces."""
    exe = require_tool("pdftotext")
    text = subprocess.run([exe, "-enc", "UTF-8", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    text = re.sub("[\u202a-\u202e]", " ", text)
    join = r"\1-\2" if keep_hyphens else r"\1\2"
    text = re.sub(r"(\w)[-\u00ad]\s*\n\s*(\w)", join, text)  # undo hyphenation at line ends
    return re.sub(r"\s+", " ", text)


MARKERS = [
    "Kitchensink title Zanzibarq", "Subtitle marker Quillmoth", "Author Marker Plovdiva",
    "Second Author Brindlecote", "Lede marker Ostravik", "Paragraph marker Velmora",
    "Korvath", "Dunmere", "Pellagos", "Saskeen", "https://example.com/autolink-marker",
    "R&D, x < y, “quoted” – en — em.", "Frostvik", "Inline note marker Amberlyn.",
    "Id note marker Pemberley", "Tidewater", "Bullet item marker Greywater",
    "Bullet note marker Hollowmere.", "Bullet item marker Thistledown",
    "Numbered item marker Oakhurst", "Numbered item marker Wrenfield", "Quote marker Elderbrook",
    "Quote note marker Northanger.", "Line caption marker Caldermoor", "Source marker Ravensholt",
    "Table caption marker Ashcombe", "Cell marker Birchmead", "Cell marker Cobblestone",
    "Table source marker Dovecote", "Level two paragraph marker Millbrook",
    "Bars caption marker Stonebridge", "Level three paragraph marker Kingsmere",
    "Data table caption marker Larkspur", "Final paragraph marker Quenby", "Level three Heading Marker",
    "LEVEL ONE HEADING MARKER", "LEVEL TWO HEADING MARKER", "CLOSING HEADING MARKER",
    "Picture paragraph marker Hartwell", "Picture caption marker Ashdown",
    "Picture source marker Brackley", "Drawing caption marker Dunsfold",
    "Svg text marker Glenrothes",  # text inside the SVG picture: drawn as vector text
    "Box reference marker Nettlebed, see Box 1.", "Box 1: Box title marker Harrowgate",
    "Box text marker Ivybridge.", "Box bullet marker Juniper", "Box bullet marker Kelmscott",
    "Span marker Seraphine", "a name in Hebrew, שלום Rosalind.",
    "Section reference marker Yarrowby", "APPENDIX A: APPENDIX HEADING MARKER",
    "Appendix paragraph marker Quillfeather", "Appendix table caption marker Fenwick",
    "Appendix cell marker Gorsemoor", "Appendix note marker Saltmarsh.",
    "See Wilhelmina Markerson, Citation Marker Bellingham (Press Marker Corvalle, 2024), 7.",
]


def test_pdf_shows_every_node(outputs: dict[str, Path]) -> None:
    text = pdf_text(outputs["pdf"])
    kept = pdf_text(outputs["pdf"], keep_hyphens=True)
    # a URL may end a line after its own hyphen, which pdftotext takes for a hyphenation
    bare = text.replace("-", "")
    missing = [m for m in MARKERS if m not in text and m not in kept and m.replace("-", "") not in bare]
    assert not missing, f"not found in the PDF text: {missing}"
    for label in ("Figure 1:", "Figure 2:", "Figure 3:", "Figure 4:", "Table 1:", "Table 2:"):
        assert label in text
    assert "see Figure 2" in text and "See Figure 1 and Table 1" in text and "and Table 2" in text
    assert "Source: Source marker Ravensholt" in text
    assert "3. Numbered item marker Oakhurst" in text or "3.Numbered item marker Oakhurst" in text
    assert "to “Level two Heading Marker” and Appendix A." in text
    assert "Table A.1: Appendix table caption marker Fenwick" in text and "see Table A.1." in text
    assert "CONTENTS" in text and "Appendix A: Appendix Heading Marker" in text
    assert re.search(r"5\s*Appendix note marker Saltmarsh", text)


def test_pdf_numbers_the_three_notes_in_reading_order(outputs: dict[str, Path]) -> None:
    text = pdf_text(outputs["pdf"])
    order = [text.find(m) for m in ("Amberlyn", "Pemberley", "Hollowmere", "Northanger")]
    assert all(i >= 0 for i in order)
    for n, marker in enumerate(["Inline note marker Amberlyn", "Id note marker Pemberley",
                                "Bullet note marker Hollowmere", "Quote note marker Northanger"],
                               start=1):
        assert re.search(rf"\b{n}\s*{re.escape(marker)}", text), f"note {n} is not '{marker}'"


def _docx_parts(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n).decode("utf-8") for n in z.namelist() if n.endswith((".xml", ".rels"))}


def test_docx_gives_every_node_its_named_style(outputs: dict[str, Path]) -> None:
    import docx

    d = docx.Document(str(outputs["docx"]))
    by_style: dict[str, list[str]] = {}
    for p in d.paragraphs:
        by_style.setdefault(p.style.name, []).append(p.text)

    def has(style: str, marker: str) -> bool:
        return any(marker in t.replace("\u00a0", " ") for t in by_style.get(style, []))

    expectations = [
        ("Title", "Kitchensink title Zanzibarq"), ("Subtitle", "Subtitle marker Quillmoth"),
        ("Lede", "Lede marker Ostravik"), ("Heading 1", "Level one Heading Marker"),
        ("Heading 2", "Level two Heading Marker"), ("Heading 3", "Level three Heading Marker"),
        ("Body Text", "Paragraph marker Velmora"), ("List Bullet", "Bullet item marker Greywater"),
        ("List Number", "Numbered item marker Oakhurst"), ("Quote", "Quote marker Elderbrook"),
        ("Caption", "Line caption marker Caldermoor"), ("Caption", "Table caption marker Ashcombe"),
        ("Source", "Source marker Ravensholt"), ("Body Text", "Final paragraph marker Quenby"),
        ("Heading 1", "Appendix A: Appendix Heading Marker"), ("TOC Heading", "Contents"),
        ("toc 1", "Appendix A: Appendix Heading Marker"), ("toc 2", "Level two Heading Marker"),
        ("Caption", "Table A.1: Appendix table caption marker Fenwick"),
    ]
    wrong = [(s, m) for s, m in expectations if not has(s, m)]
    assert not wrong, f"missing (style, text): {wrong}; styles seen: {sorted(by_style)}"
    tables = every_table(d)
    cells = [c.text for t in tables for row in t.rows for c in row.cells]
    assert "Cell marker Birchmead" in cells and "Kind" in cells
    assert len(tables) == 4  # two tables, the box, the appendix table
    assert len(d.inline_shapes) == 4  # two charts, a PNG picture and an SVG picture
    box = [p for p in tables[2].rows[0].cells[0].paragraphs]
    assert tables[2].style.name == "Box Findings"
    assert [(p.style.name, p.text) for p in box] == [
        ("Box Title Findings", "Box\u00a01: Box title marker Harrowgate"),
        ("Box Text", "Box text marker Ivybridge."), ("Box List Bullet", "Box bullet marker Juniper"),
        ("Box List Bullet", "Box bullet marker Kelmscott")]
    assert d.styles["Box Title Findings"].base_style.name == "Box Title"
    assert has("Body Text", "Box reference marker Nettlebed, see Box 1.")


def test_docx_has_real_footnotes_links_and_alt_text(outputs: dict[str, Path]) -> None:
    parts = _docx_parts(outputs["docx"])
    notes = parts["word/footnotes.xml"]
    for marker in ("Amberlyn", "Pemberley", "Hollowmere", "Northanger", "Tidewater"):
        assert marker in notes
    body = parts["word/document.xml"]
    assert body.count("<w:footnoteReference ") == 5
    assert "Appendix note marker Saltmarsh" in notes
    assert 'w:name="_Ref_sec_1_1"' in body and "REF _Ref_sec_1_1 \\h" in body
    assert "TOC \\o &quot;1-2&quot; \\h" in body or 'TOC \\o "1-2" \\h' in body
    assert "<w:hyperlink " in body and "<w:hyperlink " in notes
    rels = "".join(v for k, v in parts.items() if k.endswith(".rels"))
    for url in ("https://example.org/saskeen", "https://example.com/autolink-marker",
                "https://example.net/tide"):
        assert f'Target="{url}"' in rels
    assert 'descr="Alt text marker Fernhallow"' in body
    assert 'descr="Alt text marker Whitcombe"' in body
    assert 'descr="Picture alt marker Coldharbour"' in body
    assert 'descr="Drawing alt marker Elmstead"' in body
    assert "R&amp;D, x &lt; y, “quoted” – en — em." in body
    assert re.search(r'<w:lang w:val="fr"/></w:rPr><w:t>Span marker Seraphine</w:t>', body)
    assert re.search(r'<w:rtl/><w:lang w:bidi="he"/></w:rPr><w:t>שלום</w:t>', body)
