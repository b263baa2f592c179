"""Word comments: reported at the block they sit on; with --write kept as YAML comments
('# comment (Author): text') above the block's entry, at its indentation, where that is clean."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from memokit.cli import main
from memokit.pipeline import render_memo
from tests.importer.editor import Editor


def _comment(docx: Path, start: str, text: str, author: str = "Ann Editor") -> None:
    ed = Editor(docx)
    ed.doc.add_comment(ed.para(start).runs[0], text=text, author=author, initials="AE")
    ed.save()


def test_comments_are_kept_above_their_blocks_with_write(memo: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    docx = memo.parent / "out/memo.docx"
    _comment(docx, "The timing, however", "Too blunt?\nSay it gently.")
    _comment(docx, "Consent, legitimacy", "Rename this section.", author="Bo Reviewer")
    ed = Editor(docx)
    ed.replace("The timing, however", "poor", "unfortunate")
    ed.save()
    before = memo.read_text(encoding="utf-8").splitlines(keepends=True)
    assert main(["import", str(docx)]) == 4  # without --write: the text change alone
    out = capsys.readouterr()
    assert "# comment" not in out.out and "note: comment by Ann Editor: Too blunt?" in out.err
    assert main(["import", str(docx), "--write"]) == 0
    assert "(kept as a YAML comment above it)" in capsys.readouterr().err
    after = memo.read_text(encoding="utf-8").splitlines(keepends=True)
    heading = next(i for i, x in enumerate(before) if "heading: Consent, legitimacy" in x)
    expected = list(before)
    timing = next(i for i, x in enumerate(expected) if "The timing, however, is poor." in x)
    expected[timing] = expected[timing].replace("is poor.", "is unfortunate.")
    para = max(i for i in range(timing) if expected[i].lstrip().startswith("- "))
    indent = expected[para][:len(expected[para]) - len(expected[para].lstrip())]
    expected.insert(para, f"{indent}# comment (Ann Editor): Too blunt? Say it gently.\n")
    expected.insert(heading, "  # comment (Bo Reviewer): Rename this section.\n")
    assert after == expected
    render_memo(memo, memo.parent / "out", ["docx"])  # the YAML still renders, the DOCX is merged


def test_a_comment_where_a_comment_line_is_not_clean_is_reported_only(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    memo = tmp_path / "memo.yaml"
    text = ("title: T\nauthors: A. Writer\ndate: 2026-01-05\nsections:\n"
            "  - {heading: H, body: [Text in a flow sequence.]}\n")
    memo.write_text(text, encoding="utf-8")
    render_memo(memo, tmp_path / "out", ["docx"])
    _comment(tmp_path / "out/memo.docx", "Text in a flow", "Shorter?")
    assert main(["import", str(tmp_path / "out/memo.docx"), "--write", "--json"]) == 0
    said = json.loads(capsys.readouterr().out)["comments"]
    assert [(c["text"], c["kept"]) for c in said] == [("Shorter?", False)]
    assert memo.read_text(encoding="utf-8") == text
