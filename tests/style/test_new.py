"""`memokit new` starts a memo that renders as it is; `memokit styles` lists the built-in styles."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

from pypdf import PdfReader

from memokit.cli import main


def _memokit(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "memokit.cli", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=300)


def test_new_then_render_works(tmp_path: Path) -> None:
    made = _memokit("new", str(tmp_path / "x"), cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    memo = tmp_path / "x" / "memo.yaml"
    text = memo.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=./memo.schema.json")
    schema = json.loads((tmp_path / "x" / "memo.schema.json").read_text(encoding="utf-8"))
    assert "title" in schema["properties"]
    assert (tmp_path / "x" / "data" / "events.csv").is_file()
    # every top-level field has a comment
    for line in text.splitlines():
        if line and not line.startswith((" ", "#", "-")) and ":" in line and not line.endswith(":"):
            assert "#" in line or line.startswith("lede"), line
    rendered = _memokit("render", str(memo), "-o", str(tmp_path / "out"), "--strict", cwd=tmp_path)
    assert rendered.returncode == 0, rendered.stderr
    pdf = tmp_path / "out" / "memo.pdf"
    assert (tmp_path / "out" / "memo.docx").is_file()
    assert "Figure 1" in "".join(p.extract_text() for p in PdfReader(str(pdf)).pages)


def test_new_with_brief_style_and_refuses_to_overwrite(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["new", str(tmp_path / "b"), "--style", "brief"]) == 0
    memo = tmp_path / "b" / "memo.yaml"
    assert "\nstyle: brief " in memo.read_text(encoding="utf-8")
    assert main(["render", str(memo), "-o", str(tmp_path / "out")]) == 0  # the memo's own style: brief
    box = PdfReader(str(tmp_path / "out" / "memo.pdf")).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    memo.write_text("mine", encoding="utf-8")
    assert main(["new", str(tmp_path / "b")]) == 2
    assert "exists" in capsys.readouterr().err
    assert memo.read_text(encoding="utf-8") == "mine"
    assert main(["new", str(tmp_path / "c"), "--style", "nope"]) == 2
    assert not (tmp_path / "c").exists()


def test_styles_lists_builtin_styles_one_line_each(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["styles"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == ["brief", "memo"]
    assert "Letter" in lines[0] and "A4" in lines[1]


def test_brief_in_swedish_uses_the_inherited_swedish_labels(tmp_path: Path) -> None:
    assert main(["new", str(tmp_path / "sv"), "--style", "brief"]) == 0
    memo = tmp_path / "sv" / "memo.yaml"
    memo.write_text(memo.read_text(encoding="utf-8").replace("language: en-GB", "language: sv-SE"),
                    encoding="utf-8")
    assert main(["render", str(memo), "-o", str(tmp_path / "out")]) == 0
    text = "".join(p.extract_text() for p in PdfReader(str(tmp_path / "out" / "memo.pdf")).pages)
    assert "Figur 1:" in text and "Källa:" in text  # the caption and source labels
    assert "Figure 1:" not in text and "Source:" not in text
    with zipfile.ZipFile(tmp_path / "out" / "memo.docx") as z:  # the running header of later pages
        headers = " ".join(z.read(n).decode() for n in z.namelist() if n.startswith("word/header"))
    assert "Policyunderlag" in headers


def test_new_with_a_style_folder_inside_the_memo_folder(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    house = tmp_path / "memo" / "house"
    house.mkdir(parents=True)
    (house / "style.yaml").write_text("extends: brief\nname: house\ncolours: {accent: '#7A1F3D'}\n",
                                      encoding="utf-8")
    assert main(["new", str(tmp_path / "memo"), "--style", str(house)]) == 0
    memo = tmp_path / "memo" / "memo.yaml"
    assert "\nstyle: house " in memo.read_text(encoding="utf-8")
    assert main(["render", str(memo), "-o", str(tmp_path / "out")]) == 0
    assert main(["new", str(tmp_path / "elsewhere"), "--style", str(house)]) == 2
    assert "outside" in capsys.readouterr().err
    assert not (tmp_path / "elsewhere" / "memo.yaml").exists()
