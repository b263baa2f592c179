"""The tagged PDF read back as assistive technology and archives read it.

Every test memo is rendered once with the default standard (tagged, PDF/UA-1 and PDF/A-2a).
poppler reads the structure tree: the memo's text in the memo's order (notes after the
paragraph that cites them, page-wide floats where the memo has them), no header or footer, the
figures' alt text. The checker (pdfcheck.py) tests the Matterhorn and PDF/A-2 conditions that
apply; qpdf checks the file; pikepdf's PDF/A-2b validator reads the archival side.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pikepdf
import pytest

from memokit.model import walk
from memokit.model.nodes import Memo, Span
from memokit.pipeline import check_memo, render_memo
from tests.helpers import EXAMPLE, ROOT, require_tool
from tests.pdf.pdfcheck import pdfa_findings, problems
from tests.pdf.tagging import margin_text, memo_pieces, missing_in_order, normal, struct_text

MEMOS = [EXAMPLE, ROOT / "tests" / "fixtures" / "every-node.yaml", ROOT / "content" / "regions-brief.yaml",
         ROOT / "tests" / "lang" / "de-memo.yaml", ROOT / "tests" / "lang" / "fr-memo.yaml"]


@pytest.fixture(scope="module", params=MEMOS, ids=lambda p: p.stem)
def rendered(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Memo]:
    path: Path = request.param
    out = tmp_path_factory.mktemp(path.stem)
    render_memo(path, out, ("pdf",))
    return out / f"{path.stem}.pdf", check_memo(path).memo


def test_struct_text_is_the_memo_in_reading_order(rendered: tuple[Path, Memo]) -> None:
    pdf, memo = rendered
    text = normal(struct_text(pdf))
    pieces = memo_pieces(memo)
    assert len(pieces) > 5
    assert missing_in_order(pieces, text) == []


def test_no_header_or_footer_in_the_tree(rendered: tuple[Path, Memo]) -> None:
    pdf, _ = rendered
    text = normal(struct_text(pdf))
    with pikepdf.open(pdf) as doc:
        height = float(doc.pages[0].mediabox[3])
        pages = len(doc.pages)
    footer = normal(margin_text(pdf, 1, False, 40, height))
    assert footer and footer not in text
    if pages > 1:
        header = normal(margin_text(pdf, 2, True, 40, height))
        assert header and header not in text


def test_figures_carry_their_alt_text(rendered: tuple[Path, Memo]) -> None:
    pdf, memo = rendered
    with pikepdf.open(pdf) as doc:
        alts = [str(e.Alt) for e in _elements(doc.Root.StructTreeRoot) if pikepdf.Name.Figure == e.S]
    figures = [f for f in walk.figures(memo)]
    assert len(alts) == len(figures)
    for alt, fig in zip(alts, figures):  # the author's, else the one composed from the chart
        assert alt == fig.alt if fig.alt else alt.strip()


def test_phrases_in_another_language_carry_it(rendered: tuple[Path, Memo]) -> None:
    pdf, memo = rendered
    wanted = {n.lang for n in walk.descendants(memo) if isinstance(n, Span)}
    with pikepdf.open(pdf) as doc:
        got = {str(e.Lang) for e in _elements(doc.Root.StructTreeRoot)
               if pikepdf.Name.Span == e.S and "/Lang" in e}
    assert got == wanted


def test_checker_finds_nothing(rendered: tuple[Path, Memo]) -> None:
    assert problems(rendered[0]) == []


def test_qpdf_check_passes(rendered: tuple[Path, Memo]) -> None:
    exe = require_tool("qpdf")
    run = subprocess.run([exe, "--check", str(rendered[0])], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_archival_side_passes_a_pdfa_validator(rendered: tuple[Path, Memo]) -> None:
    assert pdfa_findings(rendered[0]) == []


def test_a2b_is_archival_and_untagged(tmp_path: Path) -> None:
    from pikepdf.pdfa import validate_written

    render_memo(EXAMPLE, tmp_path, ("pdf",), pdf_standard="a2b")
    pdf = tmp_path / "example-memo.pdf"
    assert validate_written(pdf, "2b").passed
    with pikepdf.open(pdf) as doc:
        assert "/StructTreeRoot" not in doc.Root
        assert b"<pdfaid:conformance>B</pdfaid:conformance>" in doc.Root.Metadata.read_bytes()


def test_none_is_a_plain_pdf(tmp_path: Path) -> None:
    render_memo(EXAMPLE, tmp_path, ("pdf",), pdf_standard="none")
    with pikepdf.open(tmp_path / "example-memo.pdf") as doc:
        assert "/StructTreeRoot" not in doc.Root and "/Metadata" not in doc.Root


def test_tagged_render_is_byte_identical(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    memo = ROOT / "tests" / "fixtures" / "every-node.yaml"
    render_memo(memo, a, ("pdf",))
    render_memo(memo, b, ("pdf",))
    assert (a / "every-node.pdf").read_bytes() == (b / "every-node.pdf").read_bytes()


def _elements(node: object) -> list[pikepdf.Dictionary]:
    out = []
    if isinstance(node, pikepdf.Dictionary) and "/S" in node:
        out.append(node)
    kids = node.get("/K") if isinstance(node, pikepdf.Dictionary) else None
    for k in kids if isinstance(kids, pikepdf.Array) else ([kids] if kids is not None else []):
        if isinstance(k, pikepdf.Dictionary):
            out += _elements(k)
    return out


def test_long_memo_reads_in_order_with_every_note_once(long_memo: tuple[Path, Memo]) -> None:
    """27 pages, 180 notes, paragraphs and notes continued across columns and pages, broken tables:
    one element per paragraph and note, and a broken table's repeated header is not read again."""
    pdf, memo = long_memo
    assert missing_in_order(memo_pieces(memo), normal(struct_text(pdf))) == []
    assert problems(pdf) == []
    with pikepdf.open(pdf) as doc:
        roles = [str(e.S)[1:] for e in _elements(doc.Root.StructTreeRoot)]
    assert roles.count("Note") == len(walk.notes(memo))
    assert roles.count("TH") == sum(len(t.header) for t in walk.tables(memo))


def test_inserted_hyphens_read_through(tmp_path: Path) -> None:
    """A hyphen the line breaker adds is a Span with an empty /ActualText: the tree holds the word
    unbroken (poppler, which prints drawn text, shows each such Span as the hyphen alone)."""
    render_memo(EXAMPLE, tmp_path, ("pdf",))
    pdf = tmp_path / "example-memo.pdf"
    shown = re.findall(r'Span \(inline\)\n\s+"([^"]*)"', subprocess.run(
        [require_tool("pdfinfo"), "-struct-text", str(pdf)], capture_output=True, text=True).stdout)
    with pikepdf.open(pdf) as doc:
        spans = [e for e in _elements(doc.Root.StructTreeRoot)
                 if pikepdf.Name.Span == e.S and "/ActualText" in e]
    assert spans and all(str(e.ActualText) == "" for e in spans)
    assert shown.count("-") == len(spans)


def test_a_phrase_in_another_language_among_right_to_left_words_keeps_its_words(tmp_path: Path) -> None:
    """The line is drawn in visual order: the phrase's Span (with its /Lang) holds the phrase's own
    letters, not the right-to-left word next to it (poppler's text of each Span, pikepdf's /Lang)."""
    from tests.docx.test_bidi_spans import MEMO

    src = tmp_path / "memo.yaml"
    src.write_text(MEMO, encoding="utf-8")
    render_memo(src, tmp_path, ("pdf",))
    pdf = tmp_path / "memo.pdf"
    out = subprocess.run([require_tool("pdfinfo"), "-struct-text", str(pdf)], capture_output=True,
                         text=True, check=True).stdout
    texts = [normal(m) for m in re.findall(r'\n\s*Span \(inline\)\n\s*"([^"]*)"', out)]
    with pikepdf.open(pdf) as doc:
        langs = [str(e.get("/Lang", "")) for e in _elements(doc.Root.StructTreeRoot)
                 if pikepdf.Name.Span == e.S]
    assert len(texts) == len(langs)
    got = dict(zip(langs, texts))
    assert got["ar-EG"] == normal("مرحبا"[::-1])  # drawn in visual order: the letters reversed
    assert got["fr"] == "idéefixe"
