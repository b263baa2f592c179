"""memokit import: an edited DOCX merged back into the YAML, untouched lines byte-for-byte."""

from __future__ import annotations

from pathlib import Path

import pytest

from memokit.cli import main
from memokit.pipeline import render_memo
from tests.importer.editor import Editor


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["import", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def changed(diff: str) -> tuple[list[str], list[str]]:
    """The removed and added lines of a unified diff."""
    lines = diff.splitlines()
    return ([x[1:] for x in lines if x.startswith("-") and not x.startswith("---")],
            [x[1:] for x in lines if x.startswith("+") and not x.startswith("+++")])


def edit_and_import(memo: Path, capsys: pytest.CaptureFixture[str], edit) -> tuple[list[str], list[str]]:  # noqa: ANN001
    docx_path = memo.parent / "out/memo.docx"
    ed = Editor(docx_path)
    edit(ed)
    ed.save()
    before = memo.read_bytes()
    code, out, err = run(capsys, str(docx_path))
    assert (code, err) == (4, ""), err
    assert memo.read_bytes() == before  # nothing written without --write
    return changed(out)


def test_untouched_docx_gives_no_diff(memo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, str(memo.parent / "out/memo.docx")) == (0, "", "")


EDITS = {
    "word in a paragraph": (
        lambda e: e.replace("The timing, however", "poor", "unfortunate"),
        ["        The timing, however, is poor. The drawdown of ISFK has coincided with"],
        ["        The timing, however, is unfortunate. The drawdown of ISFK has coincided with"]),
    "italic added": (
        lambda e: e.format("The drawdown has not taken", "growing calm", italic=True),
        ["        The drawdown has not taken place against a backdrop of growing calm. As"],
        ["        The drawdown has not taken place against a backdrop of *growing calm*. As"]),
    "bold added": (
        lambda e: e.format("The timing, however", "poor", bold=True),
        ["        The timing, however, is poor. The drawdown of ISFK has coincided with"],
        ["        The timing, however, is **poor**. The drawdown of ISFK has coincided with"]),
    "heading": (
        lambda e: e.replace("Consent, legitimacy", "the street", "the streets"),
        ["  - heading: Consent, legitimacy and the street"],
        ["  - heading: Consent, legitimacy and the streets"]),
    "lede (folded scalar)": (
        lambda e: e.replace("The international military presence", "rather than fighting",
                            "rather than combat"),
        ["  training rather than fighting. The International Stabilisation Force in"],
        ["  training rather than combat. The International Stabilisation Force in"]),
    "caption": (
        lambda e: e.replace("Figure", "monthly,", "per month,"),
        ["          caption: Recorded events in Karvonia by type of event, monthly, January 2023 – "
         "December 2025"],
        ["          caption: Recorded events in Karvonia by type of event, per month, January 2023 – "
         "December 2025"]),
    "footnote with an id": (
        lambda e: e.replace("The agreement passed", "112 votes", "113 votes", note=True),
        ["    The agreement passed its final reading on 14 November 2024 by 112 votes to"],
        ["    The agreement passed its final reading on 14 November 2024 by 113 votes to"]),
    "inline footnote": (
        lambda e: e.replace("A joint gap assessment", "not been published", "never been published",
                            note=True),
        ["            has not been published.] What is new is that they are opening at"],
        ["            has never been published.] What is new is that they are opening at"]),
    "ordered list item": (
        lambda e: e.replace("Training of trainers", "by the end", "before the end"),
        ["               instructors teach the basic and specialist courses by the end"],
        ["               instructors teach the basic and specialist courses before the end"]),
    "bullet list item": (
        lambda e: e.replace("Counter-IED capacity", "coincides with", "matches"),
        ["            - **Counter-IED capacity.** The rise in remote violence coincides",
         "              with the departure of ISFK’s route-clearance teams."],
        ["            - **Counter-IED capacity.** The rise in remote violence matches the departure"
         " of ISFK’s route-clearance teams."]),
    "quote paragraph": (
        lambda e: e.replace("“The Republic asks", "instruction", "teaching"),
        ["        > “The Republic asks its partners for instruction, not for protection."],
        ["        > “The Republic asks its partners for teaching, not for protection."]),
    "words deleted": (
        lambda e: e.replace("The timing, however", "The timing, however, is poor. ", ""),
        ["        The timing, however, is poor. The drawdown of ISFK has coincided with"],
        ["        The drawdown of ISFK has coincided with"]),

    "title": (
        lambda e: e.replace("From stabilisation to training", "training", "teaching"),
        ["title: From stabilisation to training in Karvonia"],
        ["title: From stabilisation to teaching in Karvonia"]),
    "subtitle": (
        lambda e: e.replace("What the end of the international", "fragile", "delicate"),
        ["subtitle: What the end of the international stabilisation force means for a fragile transition"],
        ["subtitle: What the end of the international stabilisation force means for a delicate transition"]),
    "words beside a Jinja value": (
        lambda e: e.replace("By KTAM’s own figures", "respectable", "creditable"),
        ["            of them in 2025. These are respectable numbers for a new mission,"],
        ["            of them in 2025. These are creditable numbers for a new mission,"]),
    "words added at the start": (
        lambda e: e.replace("The timing, however", "The timing, however,", "Still, the timing,"),
        ["        The timing, however, is poor. The drawdown of ISFK has coincided with"],
        ["        Still, the timing, is poor. The drawdown of ISFK has coincided with"]),
    "sentence added at the end": (
        lambda e: e.replace("Violence against civilians", "depends.", "depends. So does the rest."),
        ["        any training mission ultimately depends."],
        ["        any training mission ultimately depends. So does the rest."]),
    "strong removed": (
        lambda e: e.unformat("For contributing states", "capability and retention"),
        ["        should be judged by measures of **capability and retention**, not by"],
        ["        should be judged by measures of capability and retention, not by"]),
    "link added": (
        lambda e: e.link("Karvonia has lived", "Ashen Front", "https://example.org/af"),
        ["        coalesced around the Ashen Front, a movement that combines a separatist"],
        ["        coalesced around the [Ashen Front](https://example.org/af), a movement that combines a "
         "separatist"]),
    "link text edited": (
        lambda e: e.replace("That mission, the Karvonia", "mission registry", "register of missions"),
        ["        collected in [the Compact’s mission registry](https://example.org/karvonia/mandates),"],
        ["        collected in [the Compact’s register of missions](https://example.org/karvonia/mandates),"]),
    "line break added": (
        lambda e: e.line_break("The agreement was approved", "That clause"),
        ["        presence to an annual review. That clause gives the government leverage"],
        ["        presence to an annual review. \\", "        That clause gives the government leverage"]),
    "subsection heading": (
        lambda e: e.replace("What the training mission", "meant to do", "for"),
        ["      - heading: What the training mission is meant to do"],
        ["      - heading: What the training mission is for"]),
    "table caption": (
        lambda e: e.replace("Table\u00a01:", "at year end", "at the end of each year"),
        ["          caption: Personnel of the international missions in Karvonia at year end, 2021–2025"],
        ["          caption: Personnel of the international missions in Karvonia at the end of each year, "
         "2021–2025"]),
    "new footnote": (
        lambda e: e.new_footnote("The timing, however", "Northern Reach", "Where most deaths occur."),
        ["        in the Northern Reach. Training takes years to show results, while the"],
        ["        in the Northern Reach[^note-4]. Training takes years to show results, while the",
         "  note-4: Where most deaths occur."]),
    "new list item": (
        lambda e: e.add_after("Counter-IED capacity", "**Engineers.** Route clearance is gone."),
        [], ["            - **Engineers.** Route clearance is gone."]),
    "new quote paragraph": (
        lambda e: e.add_after("“The Republic asks", "A second quoted paragraph."),
        [], ["        >", "        > A second quoted paragraph."]),}


@pytest.mark.parametrize("kind", EDITS)
def test_edit_comes_back(kind: str, memo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit, removed, added = EDITS[kind]
    assert edit_and_import(memo, capsys, edit) == (removed, added)


def test_new_and_deleted_paragraphs(memo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def edit(e: Editor) -> None:
        e.delete("The timing, however")
        e.add_after("The composition of events", "A new paragraph from the editor.")
    removed, added = edit_and_import(memo, capsys, edit)
    assert removed[0] == "        The timing, however, is poor. The drawdown of ISFK has coincided with"
    assert len(removed) == 8 and removed[-1] == ""
    assert added == ["", "        A new paragraph from the editor."]


def test_write_keeps_a_backup_and_the_next_render_replaces_the_docx(
        memo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docx_path = memo.parent / "out/memo.docx"
    ed = Editor(docx_path)
    ed.replace("The timing, however", "poor", "unfortunate")
    ed.save()
    original = memo.read_bytes()
    with pytest.raises(Exception, match="edited since memokit wrote it"):
        render_memo(memo, memo.parent / "out", ["docx"])
    assert main(["render", str(memo), "-o", str(memo.parent / "out"), "--format", "docx"]) == 1
    assert "memokit import" in capsys.readouterr().err
    assert run(capsys, str(docx_path), "--write")[0] == 0
    assert (memo.parent / "memo.yaml.bak").read_bytes() == original
    text = memo.read_text(encoding="utf-8")
    assert "The timing, however, is unfortunate." in text
    assert text.replace("unfortunate", "poor", 1).encode() == original  # the rest byte-for-byte
    render_memo(memo, memo.parent / "out", ["docx"])  # merged: replaced without --force
    assert run(capsys, str(docx_path)) == (0, "", "")  # the fresh DOCX reads as the YAML


def test_render_force_replaces_an_edited_docx(memo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docx_path = memo.parent / "out/memo.docx"
    ed = Editor(docx_path)
    ed.replace("The timing, however", "poor", "unfortunate")
    ed.save()
    assert main(["render", str(memo), "-o", str(memo.parent / "out"), "--format", "docx",
                 "--force"]) == 0
    assert run(capsys, str(docx_path))[0] == 0


def test_build_refuses_to_replace_an_edited_docx(memo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = memo.parent / "out"
    (out / "memo.docx").rename(memo.parent / "keep.docx")
    assert main(["build", str(memo), "-o", str(out), "--format", "docx", "-j", "1"]) == 0
    ed = Editor(out / "memo.docx")
    ed.replace("The timing, however", "poor", "unfortunate")
    ed.save()
    assert main(["build", str(memo), "-o", str(out), "--format", "docx", "-j", "1", "--force"]) == 1
    assert "memokit import" in capsys.readouterr().err + (out / "memo.docx").name


def _line_of(memo: Path, text: str) -> int:
    """The number of the memo's first line that holds ``text``."""
    return next(n for n, line in enumerate(memo.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def _timing(memo: Path) -> int:
    """The line of the conclusion's second paragraph, which several tests edit."""
    return _line_of(memo, "The timing, however,")


def test_an_edit_to_a_jinja_value_is_a_located_conflict(memo: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    docx_path = memo.parent / "out/memo.docx"
    ed = Editor(docx_path)
    ed.replace("By KTAM’s own figures", "6,180", "6,200")
    ed.save()
    before = memo.read_bytes()
    code, out, err = run(capsys, str(docx_path), "--write")
    assert code == 1 and out == ""
    line = _line_of(memo, "{{ data.training | sum(attribute='trainees')") - 1  # the paragraph's
    assert f"{memo}:{line}:" in err and "Jinja expression" in err and "sections[2].sections[0].body[0]" in err
    assert memo.read_bytes() == before and not (memo.parent / "memo.yaml.bak").exists()


def test_an_edit_where_the_yaml_changed_since_the_render_is_a_conflict(
        memo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docx_path = memo.parent / "out/memo.docx"
    ed = Editor(docx_path)
    ed.replace("The timing, however", "poor", "unfortunate")
    ed.save()
    memo.write_text(memo.read_text(encoding="utf-8").replace("is poor.", "is bad."), encoding="utf-8")
    before = memo.read_bytes()
    code, _, err = run(capsys, str(docx_path))
    assert code == 1 and "sections[4].body[0]" in err and f":{_timing(memo)}:" in err
    assert memo.read_bytes() == before


def test_tracked_changes_are_refused_unless_accepted_or_rejected(
        memo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docx_path = memo.parent / "out/memo.docx"
    ed = Editor(docx_path)
    ed.track_insert("The timing, however", " Added later.")
    ed.save()
    code, _, err = run(capsys, str(docx_path))
    assert code == 1 and "tracked insertion by Editor in sections[4].body[0]" in err
    assert "Added later." in err
    assert run(capsys, str(docx_path), "--changes", "reject") == (0, "", "")
    code, out, _ = run(capsys, str(docx_path), "--changes", "accept")
    assert code == 4 and "meant to strengthen it. Added later." in out


def test_a_docx_memokit_did_not_write(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import docx

    d = docx.Document()
    d.add_paragraph("hello")
    d.save(str(tmp_path / "other.docx"))
    code, _, err = run(capsys, str(tmp_path / "other.docx"), str(tmp_path / "x.yaml"))
    assert code == 1 and "cannot import it: it holds no memokit record" in err
    (tmp_path / "broken.docx").write_bytes(b"not a zip")
    code, _, err = run(capsys, str(tmp_path / "broken.docx"))
    assert code == 1 and "not a DOCX" in err


def test_json_output(memo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    docx_path = memo.parent / "out/memo.docx"
    ed = Editor(docx_path)
    ed.replace("The timing, however", "poor", "unfortunate")
    ed.save()
    code, out, _ = run(capsys, str(docx_path), "--json")
    report = json.loads(out)
    assert code == 4 and report["conflicts"] == []
    assert [(c["field"], c["kind"], c["line"]) for c in report["changes"]] == [
        ("sections[4].body[0]", "paragraph", _timing(memo))]



def test_a_deleted_footnote_goes_with_its_definition(memo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from docx.oxml.ns import qn

    def edit(e: Editor) -> None:
        p = e.para("The international missions in Karvonia")._p
        ref = next(r for r in p.iter(qn("w:r")) if r.find(qn("w:footnoteReference")) is not None)
        ref.getparent().remove(ref)
    removed, added = edit_and_import(memo, capsys, edit)
    assert removed == ["        KTAM.[^sofa-vote] Most of these protests took place in the Capital",
                       "  sofa-vote: >",
                       "    The agreement passed its final reading on 14 November 2024 by 112 votes to",
                       "    87, with the main opposition bloc voting against."]
    assert added == ["        KTAM. Most of these protests took place in the Capital"]


def test_word_comments_are_reported_with_author_and_place(memo: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    import json

    docx_path = memo.parent / "out/memo.docx"
    ed = Editor(docx_path)
    runs = ed.para("The timing, however").runs
    ed.doc.add_comment(runs[0], text="Too blunt?", author="Ann Editor", initials="AE")
    ed.save()
    code, out, err = run(capsys, str(docx_path), "--json")
    assert code == 0  # a comment changes nothing
    assert json.loads(out)["comments"] == [{"author": "Ann Editor", "text": "Too blunt?",
                                            "field": "sections[4].body[0]", "line": _timing(memo),
                                            "column": 9, "kept": False}]
    assert "sections[4].body[0]: note: comment by Ann Editor: Too blunt?" in err


def test_bad_content_typed_by_the_editor_is_a_located_error(memo: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    docx_path = memo.parent / "out/memo.docx"
    ed = Editor(docx_path)
    ed.replace("The timing, however", "is poor.", "is poor[^nowhere].")
    ed.save()
    before = memo.read_bytes()
    code, out, err = run(capsys, str(docx_path), "--write")
    assert code == 1 and out == ""
    assert f"{memo}:{_timing(memo)}:" in err and "'[^nowhere]' is not defined" in err
    assert memo.read_bytes() == before
    assert sorted(p.name for p in memo.parent.iterdir()) == ["data", "memo.yaml", "out", "sources.bib"]


def test_an_edit_to_a_table_drawn_from_data_is_a_located_conflict(
        memo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docx_path = memo.parent / "out/memo.docx"
    ed = Editor(docx_path)
    cell = ed.doc.tables[0].rows[1].cells[2]
    cell.paragraphs[0].runs[0].text = "9,999"
    ed.save()
    before = memo.read_bytes()
    code, out, err = run(capsys, str(docx_path))
    assert code == 1 and out == ""
    line = _line_of(memo, "id: deployments")
    assert f"{memo}:{line}:11:" in err and "sections[2].body[1].table" in err
    assert "data set 'deployments'" in err
    assert memo.read_bytes() == before


def test_a_new_paragraph_that_cannot_be_placed_is_a_located_conflict(
        memo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import copy

    docx_path = memo.parent / "out/memo.docx"
    ed = Editor(docx_path)
    body = ed.para("The timing, however")._p
    heading = ed.para("Conclusion")._p
    new = copy.deepcopy(body)
    heading.addnext(new)  # a body paragraph right under the heading
    for t in new.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}bookmarkStart"):
        t.getparent().remove(t)
    before = memo.read_bytes()
    ed.save()
    code, _, err = run(capsys, str(docx_path))
    assert code == 1 and "sections[4].heading" in err and "cannot be placed" in err
    assert memo.read_bytes() == before


def test_a_block_moved_in_the_yaml_since_the_render_is_a_conflict(
        memo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docx_path = memo.parent / "out/memo.docx"
    ed = Editor(docx_path)
    ed.replace("The timing, however", "poor", "unfortunate")
    ed.save()
    text = memo.read_text(encoding="utf-8")
    first = text.index("        The international presence in Karvonia is undergoing")
    second = text.index("        The timing, however")
    third = text.index("        For contributing states")
    memo.write_text(text[:first] + text[second:third] + text[first:second] + text[third:],
                    encoding="utf-8")  # the author swapped two paragraphs in the YAML
    before = memo.read_bytes()
    code, _, err = run(capsys, str(docx_path), "--write")
    assert code == 1 and "sections[4].body[0]" in err and "changed or moved" in err
    assert memo.read_bytes() == before


def test_a_paragraph_moved_within_its_section_moves_in_the_yaml(
        memo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docx_path = memo.parent / "out/memo.docx"
    ed = Editor(docx_path)
    last = ed.para("For contributing states")._p
    ed.para("The timing, however")._p.addprevious(last)  # the last paragraph moved up one
    ed.save()
    text = memo.read_text(encoding="utf-8")
    a = text.index("        The timing, however")
    b = text.index("        For contributing states")
    c = text.index("\nfootnotes:")
    swapped = text[:a] + text[b:c] + "\n" + text[a:b - 1] + text[c:]
    assert run(capsys, str(docx_path), "--write")[0] == 0
    assert memo.read_text(encoding="utf-8") == swapped
    code, out, err = run(capsys, str(docx_path))  # merged already: nothing more to bring back
    assert (code, out) == (0, "") and "already merged" in err
    ed = Editor(docx_path)  # an edit after the merge
    ed.replace("The timing, however", "poor", "weak")
    ed.save()
    code, out, err = run(capsys, str(docx_path))
    assert (code, out) == (1, "") and "edited again after" in err


def test_a_moved_heading_is_a_located_conflict(memo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docx_path = memo.parent / "out/memo.docx"
    ed = Editor(docx_path)
    ed.para("The timing, however")._p.addnext(ed.para("Conclusion")._p)
    ed.save()
    code, _, err = run(capsys, str(docx_path))
    assert code == 1 and "was moved in the DOCX" in err


def test_a_docx_too_big_to_read_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    import docx

    from memokit.writers import docx_stamp

    d = docx.Document()
    d.add_paragraph("x" * 5000)
    d.save(str(tmp_path / "big.docx"))
    monkeypatch.setattr(docx_stamp, "MAX_UNPACKED", 1000)
    code, _, err = run(capsys, str(tmp_path / "big.docx"))
    assert code == 1 and "more than the limit of 1,000" in err


def test_a_paragraph_retyped_whole_keeps_its_jinja_by_a_conflict(
        memo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docx_path = memo.parent / "out/memo.docx"
    ed = Editor(docx_path)
    p = ed.para("By KTAM’s own figures")
    p.text = "By KTAM’s own figures, many personnel completed a course."  # python-docx drops the mark
    ed.save()
    before = memo.read_bytes()
    code, _, err = run(capsys, str(docx_path), "--write")
    assert code == 1 and "retyped whole" in err and "{{ data.training" in err
    assert memo.read_bytes() == before


def test_a_paragraph_retyped_whole_comes_back(memo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    removed, added = edit_and_import(memo, capsys, lambda e: setattr(
        e.para("The timing, however"), "text", "The timing is poor."))
    assert removed[0] == "        The timing, however, is poor. The drawdown of ISFK has coincided with"
    assert added == ["        The timing is poor."]  # in place of the old lines
