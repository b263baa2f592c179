"""Document properties, nothing left of python-docx's template, and byte-identical output."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import docx

from memokit.figures.render import render_figures
from memokit.model.nodes import Memo
from memokit.style.theme import Theme
from memokit.writers.docx import write
from memokit.writers.docx.properties import fit
from tests.docx.conftest import part, part_names, render_yaml

LONG_LEDE = """\
title: A memo with a long lede
authors: [A. Writer, B. Writer]
date: 2025-12-31
lede: {lede}
sections:
  - heading: Part
    body:
      - Words.
"""


def test_core_properties_come_from_the_memo(example: tuple[Path, Memo]) -> None:
    path, memo = example
    core = docx.Document(str(path)).core_properties
    meta = memo.meta
    assert core.title == meta.title
    assert core.author == "Ingrid Solvang-Aro; Teodor Malkinen"
    assert core.subject.startswith("The international military presence in Karvonia")
    assert len(core.subject) <= 255 and core.subject.endswith("\u2026")
    assert core.keywords == ", ".join(meta.keywords)
    assert core.language == "en-GB"
    when = dt.datetime(2026, 2, 19, 0, 0, tzinfo=dt.timezone.utc)
    assert core.created == when and core.modified == when
    assert core.last_modified_by == "memokit" and core.revision == 1
    assert core.comments == ""
    raw = zipfile.ZipFile(path).read("docProps/core.xml").decode()
    assert "python-docx" not in raw and "2013" not in raw and "description" not in raw


def test_custom_properties_hold_number_series_and_project(example: tuple[Path, Memo]) -> None:
    props = {p.get("name"): p[0].text for p in part(example[0], "docProps/custom.xml")
             if not p.get("name").startswith("memokit import ")}  # the record for 'memokit import'
    assert props == {"Memo number": "8147", "Series": "International Crisis Management",
                     "Project": "B26014", "Approved by": "R. Alsgaard", "Memo date": "19 February 2026"}
    rels = part(example[0], "_rels/.rels")
    assert any(r.get("Target") == "docProps/custom.xml" for r in rels)


def test_nothing_of_the_default_template_is_left(example: tuple[Path, Memo]) -> None:
    names = part_names(example[0])
    for leftover in ("docProps/thumbnail.jpeg", "word/stylesWithEffects.xml", "word/theme/theme1.xml",
                     "word/webSettings.xml", "word/fontTable.xml", "customXml/item1.xml"):
        assert leftover not in names
    app = zipfile.ZipFile(example[0]).read("docProps/app.xml").decode()
    assert "Microsoft" not in app and "Normal.dotm" not in app
    settings = zipfile.ZipFile(example[0]).read("word/settings.xml").decode()
    assert "rsid" not in settings and "docId" not in settings
    content_types = zipfile.ZipFile(example[0]).read("[Content_Types].xml").decode()
    assert "jpeg" not in content_types and "stylesWithEffects" not in content_types


def test_a_long_lede_is_cut_for_the_subject_property(tmp_path: Path, theme: Theme) -> None:
    lede = " ".join(["Word"] * 80)
    path, _, _ = render_yaml(LONG_LEDE.format(lede=lede), tmp_path, theme)
    subject = docx.Document(str(path)).core_properties.subject
    assert len(subject) <= 255 and subject.endswith("Word\u2026")
    assert fit("short  text\n here") == "short text here"


def test_two_renders_are_byte_identical(example: tuple[Path, Memo], tmp_path: Path, theme: Theme) -> None:
    path, memo = example
    again = tmp_path / "again.docx"
    write(memo, theme, render_figures(memo, theme), again)
    assert again.read_bytes() == path.read_bytes()
    with zipfile.ZipFile(again) as z:
        infos = z.infolist()
    assert infos[0].filename == "[Content_Types].xml"
    assert {i.date_time for i in infos} == {(2026, 2, 19, 0, 0, 0)}
    assert [i.filename for i in infos[1:]] == sorted(i.filename for i in infos[1:])
