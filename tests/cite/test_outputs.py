"""Citation notes are ordinary footnotes in both outputs: read back from the PDF's text and the
DOCX's footnotes part, as a reader sees them."""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

from memokit.pipeline import render_memo
from tests.cite.cited import memo_with
from tests.helpers import note_shown, require_tool

NOTES = ["Zadie Smith, Swing Time (Penguin Press, 2016), 315–16.",
         "Susan Satterfield, “Livy and the Pax Deum,” Classical Philology 111, no. 2 (2016): 170, "
         "https://doi.org/10.1086/685597.",
         "Ibid., 172."]


CITING = ["One [@smith2016, p. 315-16]. Two [@satterfield2016, p. 170]. Three [@satterfield2016, p. 172]."]


def test_pdf_and_docx_show_the_citation_notes(tmp_path: Path) -> None:
    memo_with(tmp_path, CITING)
    outputs = {p.suffix: p for p in render_memo(tmp_path / "memo.yaml", tmp_path / "out").outputs}
    pdf = subprocess.run([require_tool("pdftotext"), "-enc", "UTF-8", str(outputs[".pdf"]), "-"],
                         capture_output=True, text=True, check=True).stdout
    pdf = re.sub(r"\s+", " ", re.sub(r"(\w)-\s*\n\s*(\w)", r"\1-\2", pdf))
    for n, note in enumerate(NOTES, start=1):
        assert note_shown(note, pdf) or note_shown(note.replace("https://", ""), pdf), note
        assert re.search(rf"\b{n}\s*{re.escape(note.split(',')[0])}", pdf)
    with zipfile.ZipFile(outputs[".docx"]) as z:
        xml = z.read("word/footnotes.xml").decode("utf-8")
        rels = z.read("word/_rels/footnotes.xml.rels").decode("utf-8")
    words = re.sub(r"<[^>]+>", "", xml)
    for note in NOTES:
        assert note in words, note
    assert 'Target="https://doi.org/10.1086/685597"' in rels  # the DOI is a link
