"""The example memo end to end, read back the way a user sees it."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from memokit.model import Code, Emph, Inline, Link, Strong, Text
from memokit.model.walk import iter_sections, notes
from memokit.resolve import load_memo
from tests.helpers import EXAMPLE, note_shown, require_tool


def plain(inlines: tuple[Inline, ...]) -> str:
    out = []
    for i in inlines:
        if isinstance(i, (Text, Code)):
            out.append(i.text)
        elif isinstance(i, (Emph, Strong, Link)):
            out.append(plain(i.children))
    return "".join(out)


def norm(text: str) -> str:
    text = re.sub(r"(\w)[-\u00ad]\s*\n\s*(\w)", r"\1\2", text)
    text = re.sub(r"(\w[/.])\n(?=[0-9a-z])", r"\1", text)  # a URL broken after '/' or '.'
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("example")
    r = subprocess.run([sys.executable, "-m", "memokit.cli", "render", str(EXAMPLE), "-o", str(out)],
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == [str(out / "example-memo.pdf"), str(out / "example-memo.docx")]
    return out


@pytest.fixture(scope="module")
def memo():  # type: ignore[no-untyped-def]
    return load_memo(EXAMPLE).memo


def test_render_writes_pdf_and_docx_and_nothing_else(rendered: Path) -> None:
    assert sorted(p.name for p in rendered.iterdir()) == ["example-memo.docx", "example-memo.pdf"]
    assert (rendered / "example-memo.pdf").read_bytes().startswith(b"%PDF-")
    assert (rendered / "example-memo.docx").read_bytes().startswith(b"PK")


def test_pdf_text_has_title_headings_notes_and_figure(rendered: Path, memo) -> None:  # type: ignore[no-untyped-def]
    exe = require_tool("pdftotext")
    text = norm(subprocess.run([exe, "-enc", "UTF-8", str(rendered / "example-memo.pdf"), "-"],
                               capture_output=True, text=True, check=True).stdout)
    assert norm(memo.meta.title) in text
    from memokit.style import load_style, style_folder

    theme = load_style(style_folder("memo"))
    for sec in iter_sections(memo.sections):
        assert norm(theme.heading_text(sec.heading, sec.level)) in text, sec.heading
    bare = text.replace("-", "")  # a URL may break after its own hyphen, which norm() takes away
    for note in notes(memo):
        shown = norm(plain(note.children)).replace("-", "")
        assert note_shown(shown, bare), f"footnote {note.number} missing"
    assert "Figure 1:" in text and "Table 1:" in text


def test_docx_opens_in_python_docx_with_its_footnotes(rendered: Path, memo) -> None:  # type: ignore[no-untyped-def]
    import docx

    d = docx.Document(str(rendered / "example-memo.docx"))
    assert d.core_properties.title == memo.meta.title
    assert any(p.style.name == "Title" and p.text == memo.meta.title for p in d.paragraphs)


def test_libreoffice_converts_the_docx(rendered: Path, tmp_path: Path, memo) -> None:  # type: ignore[no-untyped-def]
    exe = require_tool("soffice")
    profile = tmp_path / "lo-profile"
    r = subprocess.run([exe, f"-env:UserInstallation=file://{profile}", "--headless",
                        "--convert-to", "pdf", "--outdir", str(tmp_path),
                        str(rendered / "example-memo.docx")], capture_output=True, text=True,
                       timeout=300)
    pdf = tmp_path / "example-memo.pdf"
    assert pdf.exists(), r.stderr
    text = norm(subprocess.run([require_tool("pdftotext"), "-enc", "UTF-8", str(pdf), "-"],
                               capture_output=True, text=True, check=True).stdout)
    assert norm(memo.meta.title) in text
    assert "Figure 1" in text
    for note in notes(memo):
        assert norm(plain(note.children))[:40] in text


def test_pandoc_reads_the_docx_with_its_footnotes(rendered: Path, memo) -> None:  # type: ignore[no-untyped-def]
    exe = require_tool("pandoc")
    r = subprocess.run([exe, "-f", "docx", "-t", "json", str(rendered / "example-memo.docx")],
                       capture_output=True, text=True, check=True, timeout=120)
    ast = json.loads(r.stdout)

    found: list[dict] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if node.get("t") == "Note":
                found.append(node)
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(ast["blocks"])
    assert len(found) == len(notes(memo))
    headers = [b for b in ast["blocks"] if b.get("t") == "Header"]
    assert len(headers) >= len(list(iter_sections(memo.sections)))


def test_two_renders_are_byte_identical(tmp_path: Path) -> None:
    from memokit.pipeline import render_memo

    a = render_memo(EXAMPLE, tmp_path / "a").outputs
    b = render_memo(EXAMPLE, tmp_path / "b").outputs
    for x, y in zip(a, b, strict=True):
        assert x.read_bytes() == y.read_bytes(), f"{x.name} differs between two renders"


def test_failed_render_leaves_earlier_outputs_untouched(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    import memokit.pipeline as render_mod
    from memokit.pipeline import render_memo

    first = render_memo(EXAMPLE, tmp_path).outputs
    before = {p: p.read_bytes() for p in first}
    real = render_mod.writer

    def failing(fmt: str):  # type: ignore[no-untyped-def]
        if fmt == "docx":
            def boom(*a: object) -> list:
                Path(a[3]).write_bytes(b"half")  # a writer that dies mid-file
                raise RuntimeError("writer crashed")
            return boom
        return real(fmt)

    monkeypatch.setattr(render_mod, "writer", failing)
    with pytest.raises(RuntimeError):
        render_memo(EXAMPLE, tmp_path)
    assert {p: p.read_bytes() for p in first} == before
    assert sorted(os.listdir(tmp_path)) == ["example-memo.docx", "example-memo.pdf"]
