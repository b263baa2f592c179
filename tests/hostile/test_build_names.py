"""A memo whose file name is not valid UTF-8 is reported (with escapes) and the rest is built:
the manifest and the JSON report are written, valid and readable."""

from __future__ import annotations

import json
import os
from pathlib import Path

from tests.hostile.harness import changed, memokit, small_memo, snapshot

MEMO = small_memo("Names")


def test_a_memo_with_a_file_name_that_is_not_utf8_is_reported_and_the_rest_built(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "good.yaml").write_text(MEMO, encoding="utf-8")
    (src / "caf\u00e9.yaml").write_text(MEMO, encoding="utf-8")  # UTF-8 names are fine
    bad = os.fsencode(src) + b"/bad-\xff\xfe.yaml"
    with open(bad, "w", encoding="utf-8") as f:
        f.write(MEMO)
    before = snapshot(src)
    run = memokit(["build", "src", "-o", "out", "-j", "2", "--json", "report.json"], tmp_path)
    assert run.code == 1, run.err
    assert "src/bad-\\xff\\xfe.yaml: error: the file name is not valid UTF-8 (shown with \\x escapes); " \
           "rename the file to build it" in run.err
    assert "memokit build: 2 built, 0 skipped, 1 failed" in run.err
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    statuses = {m["path"]: m["status"] for m in report["memos"]}
    assert statuses == {"src/bad-\\xff\\xfe.yaml": "failed", "src/caf\u00e9.yaml": "built",
                        "src/good.yaml": "built"}
    manifest = json.loads((tmp_path / "out" / ".memokit-build.json").read_text(encoding="utf-8"))
    assert set(manifest["memos"]) == {"caf\u00e9", "good"}
    assert changed(before, snapshot(src)) == []
    assert sorted(os.listdir(tmp_path / "out")) == [".memokit-build.json", "caf\u00e9.docx", "caf\u00e9.pdf",
                                                    "good.docx", "good.pdf"]
    again = memokit(["build", "src", "-o", "out", "--json", "-"], tmp_path)
    assert again.code == 1
    assert json.loads(again.out)["summary"] == {"built": 0, "skipped": 2, "failed": 1}
