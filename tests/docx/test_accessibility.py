"""What Word's accessibility checker looks at, on the every-node memo's DOCX: alt text on every
picture, header rows marked, headings in order, the document title and the language."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import pytest

from memokit.model import walk
from memokit.model.nodes import Memo
from memokit.pipeline import check_memo, render_memo
from tests.helpers import ROOT

MEMO = ROOT / "tests" / "fixtures" / "every-node.yaml"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Memo]:
    out = tmp_path_factory.mktemp("a11y")
    render_memo(MEMO, out, ("docx",))
    return out / "every-node.docx", check_memo(MEMO).memo


def test_every_picture_has_alt_text(rendered: tuple[Path, Memo]) -> None:
    body = zipfile.ZipFile(rendered[0]).read("word/document.xml").decode("utf-8")
    pictures = re.findall(r"<wp:docPr\b[^>]*>", body)
    assert len(pictures) >= len(walk.figures(rendered[1]))
    for tag in pictures:
        descr = re.search(r'descr="([^"]*)"', tag)
        assert descr and descr.group(1).strip(), tag


def test_table_header_rows_are_marked(rendered: tuple[Path, Memo]) -> None:
    d = docx.Document(str(rendered[0]))
    marked = sum(1 for t in d.tables if t.rows and t.rows[0]._tr.find(f"{W}trPr/{W}tblHeader") is not None)
    assert marked >= sum(1 for t in walk.tables(rendered[1]) if t.header)


def test_headings_start_at_one_and_skip_no_level(rendered: tuple[Path, Memo]) -> None:
    d = docx.Document(str(rendered[0]))
    levels = [int(m.group(1)) for p in d.paragraphs
              if (m := re.fullmatch(r"Heading (\d)", p.style.name or ""))]
    assert levels and levels[0] == 1
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:])), levels


def test_title_and_language(rendered: tuple[Path, Memo]) -> None:
    d = docx.Document(str(rendered[0]))
    memo = rendered[1]
    assert d.core_properties.title == memo.meta.title
    styles = zipfile.ZipFile(rendered[0]).read("word/styles.xml").decode("utf-8")
    defaults = styles[styles.index("<w:docDefaults"):styles.index("</w:docDefaults>")]
    assert f'w:val="{memo.meta.language}"' in defaults
