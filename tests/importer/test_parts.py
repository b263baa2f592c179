"""What comes back beyond the text's paragraphs: boxes (title, paragraphs, list items), the
title block's fields (authors, affiliations, memo number, project, approval) and the cells of
tables written in the YAML; each edit lands where the YAML wrote it, every other line byte for byte."""

from __future__ import annotations

import copy
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


def _copy_row(e: Editor, text: str) -> None:
    """A copy of the table row whose first cell reads ``text``, after it (Word's Insert Row)."""
    tr = e.para(text)._p.getparent().getparent()
    tr.addnext(copy.deepcopy(tr))


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
    "author's name": (
        lambda e: e.replace("Ada Quillon", "Bo Dremmel", "Bo Dremmell"),
        ["  - name: Bo Dremmel"],
        ["  - name: Bo Dremmell"]),
    "author written as a name alone": (
        lambda e: e.replace("Ada Quillon", "Cy Marlow", "Cy Marlowe"),
        ["  - Cy Marlow"],
        ["  - Cy Marlowe"]),
    "affiliation": (
        lambda e: e.replace("\u00b9\u00a0Harbour", "Coastal Office", "Coastal Agency"),
        ["    affiliation: Coastal Office"],
        ["    affiliation: Coastal Agency"]),
    "memo number": (
        lambda e: e.replace("Date 7 May", "4711", "4712"),
        ['number: "4711"'],
        ['number: "4712"']),
    "project and approval": (
        lambda e: (e.replace("Date 7 May", "P-0042", "P-0043"),
                   e.replace("Date 7 May", "Dee Anwick", "Dee Anwick-Lowe")),
        ["project: P-0042", "approved_by: Dee Anwick"],
        ["project: P-0043", "approved_by: Dee Anwick-Lowe"]),
    "date": (
        lambda e: e.replace("Date 7 May", "7 May 2026", "12 June 2026"),
        ["date: 2026-05-07"],
        ["date: 2026-06-12"]),
    "table cell": (
        lambda e: e.replace("grew fast", "fast", "quickly"),
        ["            - [Aldmouth, 1200, grew fast]"],
        ["            - [Aldmouth, 1200, grew quickly]"]),
    "number cell shown formatted": (
        lambda e: e.replace("1,200", "1,200", "1,250"),
        ["            - [Aldmouth, 1200, grew fast]"],
        ["            - [Aldmouth, 1250, grew fast]"]),
    "quoted cell": (
        lambda e: e.replace("steady, slow", "slow", "slower"),
        ['            - [Brenford, 830, "steady, slow"]'],
        ['            - [Brenford, 830, "steady, slower"]']),
    "cell given a comma": (
        lambda e: e.replace("grew fast", "fast", "fast, then slowly"),
        ["            - [Aldmouth, 1200, grew fast]"],
        ['            - [Aldmouth, 1200, "grew fast, then slowly"]']),
    "number cell given a decimal comma": (
        lambda e: e.replace("830", "830", "830,5"),
        ['            - [Brenford, 830, "steady, slow"]'],
        ['            - [Brenford, "830,5", "steady, slow"]']),
    "header cell": (
        lambda e: e.replace("Tonnes", "Tonnes", "Tons"),
        ["            - [Port, Tonnes, Note]"],
        ["            - [Port, Tons, Note]"]),
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


CONFLICTS = {
    "not a date": (lambda e: e.replace("Date 7 May", "7 May", "Spring"),
                   "memo.yaml:9:7: error: date: 'Spring 2026' is not a date as the house style "
                   "shows dates"),
    "colophon label": (lambda e: e.replace("Date 7 May", "Memo", "Note"),
                       "memo.yaml:9:7: error: date: the colophon was edited where memokit writes it"),
    "row added": (lambda e: _copy_row(e, "Brenford"),
                  "memo.yaml:31:11: error: sections[0].body[3].table: rows or columns were added"),
}


@pytest.mark.parametrize("kind", CONFLICTS)
def test_what_cannot_come_back_is_a_located_conflict(kind: str, memo: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    edit, message = CONFLICTS[kind]
    before = memo.read_bytes()
    code, out, err = _import(memo, capsys, edit)
    assert (code, out) == (1, "")
    assert message is None or message in err, err
    assert memo.read_bytes() == before


def test_authors_with_affiliations_after_their_names(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """The brief style writes 'Name (Affiliation, e-mail), Name': names and affiliations come
    back, the e-mail link is memokit's."""
    text = MEMO.replace("    affiliation: Harbour Institute\n",
                        "    affiliation: Harbour Institute\n    email: ada@example.org\n")
    memo = tmp_path / "memo.yaml"
    memo.write_text(text, encoding="utf-8")
    render_memo(memo, tmp_path / "out", ["docx"], style="brief")

    def edit(e: Editor) -> None:
        e.replace("Ada Quillon", "Harbour Institute", "Harbour Board")
        e.replace("Ada Quillon", "Bo Dremmel", "Bo Dremmell")

    code, out, err = _import(memo, capsys, edit)
    assert (code, err) == (4, ""), err
    assert _diff(out) == (["    affiliation: Harbour Institute", "  - name: Bo Dremmel"],
                          ["    affiliation: Harbour Board", "  - name: Bo Dremmell"])


def test_an_author_written_as_the_authors_field(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    memo = tmp_path / "memo.yaml"
    memo.write_text("title: T\nauthors: A. Writer\ndate: 2026-01-05\nsections:\n  - heading: H\n"
                    "    body:\n      - Text.\n", encoding="utf-8")
    render_memo(memo, tmp_path / "out", ["docx"])
    code, out, err = _import(memo, capsys, lambda e: e.replace("A. Writer", "Writer", "Wright"))
    assert (code, err) == (4, ""), err
    assert _diff(out) == (["authors: A. Writer"], ["authors: A. Wright"])


@pytest.mark.slow
def test_the_edits_come_back_after_libreoffice_saved_them(memo: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    from tests.helpers import require_tool
    from tests.importer.test_roundtrip import _resave

    docx = memo.parent / "out/memo.docx"
    ed = Editor(docx)
    for edit, _, _ in (EDITS["box title"], EDITS["box list item"], EDITS["author's name"],
                       EDITS["affiliation"], EDITS["memo number"], EDITS["table cell"],
                       EDITS["number cell shown formatted"]):
        edit(ed)
    ed.save()
    lo = _resave(require_tool("soffice"), docx, memo.parent)
    code = main(["import", str(lo), str(memo)])
    out = capsys.readouterr()
    assert (code, out.err) == (4, "")
    removed, added = _diff(out.out)
    assert sorted(added) == sorted([
        "          title: What the harbours *lack*", "              - Training the harbour pilots",
        "  - name: Bo Dremmell", "    affiliation: Coastal Agency", 'number: "4712"',
        "            - [Aldmouth, 1250, grew quickly]"])
    assert len(removed) == len(added)


def test_a_date_in_the_memos_language_comes_back(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    import shutil

    shutil.copy(Path(__file__).resolve().parents[1] / "lang/de-memo.yaml", tmp_path / "memo.yaml")
    memo = tmp_path / "memo.yaml"
    render_memo(memo, tmp_path / "out", ["docx"])
    code, out, err = _import(memo, capsys, lambda e: e.replace("Datum", "14. März", "2. Mai"))
    assert (code, err) == (4, ""), err
    assert _diff(out) == (["date: 2026-03-14"], ["date: 2026-05-02"])


def test_a_name_holding_a_separator_is_a_conflict_not_a_guess(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    memo = tmp_path / "memo.yaml"
    memo.write_text("title: T\nauthors: ['Quillon, Ada', Bo Dremmel]\ndate: 2026-01-05\n"
                    "sections:\n  - heading: H\n    body:\n      - Text.\n", encoding="utf-8")
    render_memo(memo, tmp_path / "out", ["docx"])
    code, out, err = _import(memo, capsys, lambda e: e.replace("Quillon", "Dremmel", "Dremmell"))
    assert (code, out) == (1, "")
    assert "memo.yaml:2:10: error: authors: the authors line was edited where memokit writes it" in err
