"""What comes back beyond the text's paragraphs: boxes (title, paragraphs, list items), the
title block's fields (authors, affiliations, memo number, project, approval) and the cells of
tables written in the YAML; each edit lands where the YAML wrote it, every other line byte for byte."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from memokit.cli import main
from memokit.pipeline import render_memo
from tests.importer.editor import Editor

MEMO = """\
memokit: 1
title: Ports and harbours
authors:
  - name: Ada Quillon
    affiliation: Harbour Institute
  - name: Bo Dremmel
    affiliation: Coastal Office
  - Cy Marlow
date: 2026-05-07
number: "4711"
project: P-0042
approved_by: Dee Anwick
sections:
  - heading: Findings
    body:
      - The ports grew in 2025.
      - box:
          id: harbours
          title: What the harbours *need*
          kind: findings
          body:
            - |
              Deeper berths come first.

              Cranes come second.
            - |
              - Dredging the outer channel
              - Training the pilots
      - After the box.
      - table:
          id: tonnage
          caption: Tonnage by port
          rows:
            - [Port, Tonnes, Note]
            - [Aldmouth, 1200, grew fast]
            - [Brenford, 830, "steady, slow"]
"""


@pytest.fixture
def memo(tmp_path: Path) -> Path:
    path = tmp_path / "memo.yaml"
    path.write_text(MEMO, encoding="utf-8")
    render_memo(path, tmp_path / "out", ["docx"])
    return path


def _import(memo: Path, capsys: pytest.CaptureFixture[str], edit) -> tuple[int, str, str]:  # noqa: ANN001
    docx = memo.parent / "out/memo.docx"
    ed = Editor(docx)
    edit(ed)
    ed.save()
    code = main(["import", str(docx)])
    out = capsys.readouterr()
    return code, out.out, out.err


def _diff(out: str) -> tuple[list[str], list[str]]:
    lines = out.splitlines()
    return ([x[1:] for x in lines if x.startswith("-") and not x.startswith("---")],
            [x[1:] for x in lines if x.startswith("+") and not x.startswith("+++")])


def _cell(e: Editor, text: str):  # noqa: ANN202 - the paragraph of the table cell reading ``text``
    return e.para(text)


EDITS = {
    "box title": (
        lambda e: e.replace("Box\xa01", "need", "lack"),
        ["          title: What the harbours *need*"],
        ["          title: What the harbours *lack*"]),
    "box paragraph": (
        lambda e: e.replace("Cranes come", "second", "later"),
        ["              Cranes come second."],
        ["              Cranes come later."]),
    "box list item": (
        lambda e: e.replace("Training the", "pilots", "harbour pilots"),
        ["              - Training the pilots"],
        ["              - Training the harbour pilots"]),
    "new box paragraph": (
        lambda e: e.add_after("Cranes come", "Quays come third."),
        [],
        ["", "              Quays come third."]),
}


@pytest.mark.parametrize("kind", EDITS)
def test_edit_comes_back(kind: str, memo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit, removed, added = EDITS[kind]
    before = memo.read_text(encoding="utf-8")
    code, out, err = _import(memo, capsys, edit)
    assert (code, err) == (4, ""), err
    assert _diff(out) == (removed, added)
    assert main(["import", str(memo.parent / "out/memo.docx"), "--write"]) == 0
    after = memo.read_text(encoding="utf-8")  # what was written differs by these lines only
    assert _diff("".join(difflib.unified_diff(before.splitlines(True), after.splitlines(True)))) \
        == (removed, added)


def test_the_box_label_is_memokits(memo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _import(memo, capsys, lambda e: e.replace("Box\xa01", "Box", "Panel"))
    assert (code, out) == (1, "")
    assert "memo.yaml:19:18: error: sections[0].body[1].box.title: the label" in err
