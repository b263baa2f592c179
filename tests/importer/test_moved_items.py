"""A list item the editor moved within its list changes places in the YAML: each item's text
goes where the item now stands, every marker (an ordered list's numbers) stays in place."""

from __future__ import annotations

from pathlib import Path

import pytest

from memokit.cli import main
from tests.importer.editor import Editor


def _lines(text: str, first: str, count: int) -> tuple[int, list[str]]:
    lines = text.splitlines(keepends=True)
    at = next(i for i, x in enumerate(lines) if first in x)
    return at, lines[at:at + count]


def test_a_bullet_moved_up_in_its_list(memo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docx = memo.parent / "out/memo.docx"
    ed = Editor(docx)
    ed.para("Air mobility")._p.addprevious(ed.para("Counter-IED capacity")._p)
    ed.save()
    text = memo.read_text(encoding="utf-8")
    at, old = _lines(text, "**Air mobility", 10)
    air, surveillance, counter = old[:4], old[4:7], old[7:9]
    lines = text.splitlines(keepends=True)
    lines[at:at + 9] = counter + air + surveillance
    assert main(["import", str(docx), "--write"]) == 0, capsys.readouterr().err
    assert memo.read_text(encoding="utf-8") == "".join(lines)


def test_an_ordered_item_moved_down_keeps_the_numbers(memo: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    docx = memo.parent / "out/memo.docx"
    ed = Editor(docx)
    ed.para("Specialist courses")._p.addnext(ed.para("Training of trainers")._p)
    ed.save()
    text = memo.read_text(encoding="utf-8")
    at, old = _lines(text, "2. **Training of trainers**", 6)
    two, three = old[:3], old[3:]
    lead = "            2. "
    lines = text.splitlines(keepends=True)
    lines[at:at + 6] = ([lead + three[0][len(lead):]] + three[1:]
                        + ["            3. " + two[0][len(lead):]] + two[1:])
    assert main(["import", str(docx)]) == 4  # the diff, then the same written
    assert main(["import", str(docx), "--write"]) == 0, capsys.readouterr().err
    assert memo.read_text(encoding="utf-8") == "".join(lines)
    assert "".join(lines).count("3. **Training of trainers**") == 1


def test_an_item_moved_out_of_its_list_is_a_located_conflict(
        memo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docx = memo.parent / "out/memo.docx"
    ed = Editor(docx)
    ed.para("Institutional advice")._p.addprevious(ed.para("Counter-IED capacity")._p)
    ed.save()
    code, out, err = (main(["import", str(docx)]), *capsys.readouterr())
    assert (code, out) == (1, "")
    assert (":224:13: error: sections[2].sections[1].body[0]: a list item was moved in the DOCX, "
            "but the moved item and the items it passed are not all items of one list") in err
