"""A DOCX counts as edited when its content changed (the text and inline formatting of its
paragraphs and notes, as the importer reads them), not when another editor only re-saved it and
spelled the same content in other XML."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from memokit.pipeline import render_memo
from memokit.writers.docx_stamp import edited
from tests.importer.editor import Editor


def _rewrite(path: Path, change) -> None:  # noqa: ANN001 - str -> str on word/document.xml
    with zipfile.ZipFile(path) as z:
        entries = [(i, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in entries:
            if info.filename == "word/document.xml":
                data = change(data.decode("utf-8")).encode("utf-8")
            z.writestr(info, data)


def _respelled(xml: str) -> str:
    """The same content in other XML, as another editor saves it: revision ids on every
    paragraph, each text run split in two runs of the same look, proofing marks."""
    xml = re.sub(r"<w:p(?=[ >])", '<w:p w:rsidR="00A1B2C3" w:rsidRDefault="00A1B2C3"', xml)

    def split(m: re.Match[str]) -> str:
        props, text = m.group(1) or "", m.group(3)
        if len(text) < 2:
            return m.group(0)
        half = len(text) // 2
        return (f'<w:r>{props}<w:t xml:space="preserve">{text[:half]}</w:t></w:r>'
                f'<w:proofErr w:type="spellStart"/>'
                f'<w:r>{props}<w:t xml:space="preserve">{text[half:]}</w:t></w:r>')

    return re.sub(r"<w:r>(<w:rPr>(?:(?!</w:rPr>).)*</w:rPr>)?<w:t( xml:space=\"preserve\")?>([^<]*)"
                  r"</w:t></w:r>", split, xml)


def test_the_same_content_in_other_xml_is_not_an_edit(memo: Path) -> None:
    docx_path = memo.parent / "out/memo.docx"
    before = docx_path.read_bytes()
    _rewrite(docx_path, _respelled)
    assert docx_path.read_bytes() != before
    assert not edited(docx_path)
    render_memo(memo, memo.parent / "out", ["docx"])  # replaced without --force
    assert docx_path.read_bytes() == before


@pytest.mark.parametrize("edit", [
    lambda e: e.replace("The timing, however", "poor", "unfortunate"),
    lambda e: e.replace("The timing, however", "poor", "poor."),
    lambda e: e.format("The timing, however", "poor", bold=True),
    lambda e: e.format("The drawdown has not taken", "growing calm", italic=True),
    lambda e: e.replace("The agreement passed", "112 votes", "113 votes", note=True),
    lambda e: e.add_after("The timing, however", "A new paragraph."),
    lambda e: e.delete("The timing, however"),
    lambda e: e.link("The timing, however", "poor", "https://example.org/poor"),
], ids=["word", "punctuation", "bold", "italic", "footnote", "new paragraph", "deleted paragraph",
        "link"])
def test_a_real_edit_still_counts(edit, memo: Path) -> None:  # noqa: ANN001
    docx_path = memo.parent / "out/memo.docx"
    _rewrite(docx_path, _respelled)
    ed = Editor(docx_path)
    edit(ed)
    ed.save()
    assert edited(docx_path)
    with pytest.raises(Exception, match="edited since memokit wrote it"):
        render_memo(memo, memo.parent / "out", ["docx"])
