"""What a person and a machine see of a build: lines or a bar, a summary, the JSON report."""

from __future__ import annotations

import io
import json
from pathlib import Path

from rich.console import Console

from memokit.batch import build
from memokit.batch.progress import PlainReporter, RichReporter, reporter_for
from tests.batch.memos import FORMATS, run_cli, write_memo


def two_memos(src: Path) -> None:
    write_memo(src / "good.yaml", "Good")
    (src / "bad.yaml").parent.mkdir(parents=True, exist_ok=True)
    (src / "bad.yaml").write_text("title: Bad\nauthors: [X]\ndate: 2026-01-01\nsectoins: []\n",
                                  encoding="utf-8")


def test_plain_lines_name_each_memo_and_end_with_the_summary(tmp_path: Path) -> None:
    two_memos(tmp_path / "src")
    stream = io.StringIO()
    report = build([tmp_path / "src"], tmp_path / "out", jobs=1, formats=FORMATS,
                   reporter=PlainReporter(stream))
    lines = stream.getvalue().splitlines()
    assert lines[0] == "memokit build: 2 memos, 0 up to date, 2 to build"
    assert f"failed    {tmp_path / 'src' / 'bad.yaml'} (" in "\n".join(lines)
    assert any(line.startswith(f"  {tmp_path / 'src' / 'bad.yaml'}:4:1: error: sectoins")
               for line in lines)
    assert any(line.startswith(f"built     {tmp_path / 'src' / 'good.yaml'} (") for line in lines)
    assert lines[-1] == report.summary_line()
    assert lines[-1].startswith("memokit build: 1 built, 0 skipped, 1 failed in ")


def test_a_terminal_gets_a_rich_progress_display(tmp_path: Path) -> None:
    two_memos(tmp_path / "src")
    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True, width=120, color_system="standard")
    build([tmp_path / "src"], tmp_path / "out", jobs=1, formats=FORMATS, reporter=RichReporter(console))
    text = screen.getvalue()
    assert "\x1b[" in text  # drawn with terminal control codes
    assert "bad.yaml:4:1: error: sectoins" in text
    assert "memokit build: 1 built, 0 skipped, 1 failed in " in text


def test_reporter_follows_the_stream() -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    assert isinstance(reporter_for(io.StringIO()), PlainReporter)
    assert isinstance(reporter_for(Tty()), RichReporter)


def test_json_to_stdout_and_exit_0_when_all_built(tmp_path: Path) -> None:
    write_memo(tmp_path / "content" / "m.yaml", "M")
    r = run_cli("build", "-o", "out", "--format", ",".join(FORMATS), "--json", "-", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    assert doc["summary"] == {"built": 1, "skipped": 0, "failed": 0}
    assert doc["memos"][0]["path"] == "content/m.yaml"
    assert [o["path"] for o in doc["memos"][0]["outputs"]] == [f"out/m.{f}" for f in FORMATS]
    assert r.stderr.splitlines()[-1].startswith("memokit build: 1 built, 0 skipped, 0 failed in ")
    r = run_cli("build", "-o", "out", "--format", ",".join(FORMATS), "--json", "reports/again.json",
                cwd=tmp_path)
    assert r.returncode == 0 and r.stdout == ""
    again = json.loads((tmp_path / "reports" / "again.json").read_text(encoding="utf-8"))
    assert again["summary"] == {"built": 0, "skipped": 1, "failed": 0}
    assert again["memos"][0]["outputs"] == doc["memos"][0]["outputs"]
