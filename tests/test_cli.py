"""The command line as a user meets it: help, version, schema, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import memokit
from memokit.cli import main
from tests.helpers import EXAMPLE


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "memokit.cli", *args], capture_output=True,
                          text=True, timeout=300)


def test_version_prints_the_package_version() -> None:
    r = run("--version")
    assert r.returncode == 0
    assert r.stdout.strip() == f"memokit {memokit.__version__}"


def test_help_names_every_command_and_the_exit_codes() -> None:
    r = run("--help")
    assert r.returncode == 0
    for word in ("render", "validate", "schema", "exit codes"):
        assert word in r.stdout


def test_no_command_prints_help_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "usage: memokit" in capsys.readouterr().out


def test_unknown_option_is_a_usage_error() -> None:
    r = run("render", "--frobnicate", str(EXAMPLE))
    assert r.returncode == 2
    assert "unrecognized arguments: --frobnicate" in r.stderr


def test_missing_file_is_a_usage_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    r = run("render", str(tmp_path / "nope.yaml"), "-o", str(tmp_path / "out"))
    assert r.returncode == 2
    assert r.stderr.strip() == f"memokit: error: {tmp_path / 'nope.yaml'}: no such file"
    assert not (tmp_path / "out").exists()


def test_unknown_format_is_a_usage_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    r = run("render", str(EXAMPLE), "-o", str(tmp_path), "--format", "pdf,odt")
    assert r.returncode == 2
    assert "unknown format 'odt'; use pdf or docx" in r.stderr
    assert list(tmp_path.iterdir()) == []


def test_pdf_standard_chooses_what_the_pdf_claims(tmp_path) -> None:  # type: ignore[no-untyped-def]
    r = run("render", str(EXAMPLE), "-o", str(tmp_path), "--format", "pdf", "--pdf-standard", "a2b")
    assert r.returncode == 0, r.stderr
    import pikepdf

    with pikepdf.open(tmp_path / "example-memo.pdf") as pdf:
        assert b"<pdfaid:conformance>B</pdfaid:conformance>" in pdf.Root.Metadata.read_bytes()
        assert "/StructTreeRoot" not in pdf.Root
    r = run("render", str(EXAMPLE), "-o", str(tmp_path), "--pdf-standard", "ua2")
    assert r.returncode == 2 and "--pdf-standard" in r.stderr


def test_unknown_style_on_the_command_line_is_a_usage_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    r = run("render", str(EXAMPLE), "-o", str(tmp_path), "--style", "mmeo")
    assert r.returncode == 2
    assert "style 'mmeo' is neither a built-in style (did you mean 'memo'?)" in r.stderr
    assert list(tmp_path.iterdir()) == []


def test_schema_is_json_and_a_valid_2020_12_schema() -> None:
    from jsonschema import Draft202012Validator

    r = run("schema")
    assert r.returncode == 0
    schema = json.loads(r.stdout)
    Draft202012Validator.check_schema(schema)
    assert set(schema["required"]) == {"title", "authors", "date", "sections"}


def test_validate_accepts_the_example_memo() -> None:
    r = run("validate", str(EXAMPLE))
    assert r.returncode == 0, r.stderr
    assert r.stderr == ""


def test_validate_json_reports_per_file() -> None:
    r = run("validate", "--json", str(EXAMPLE))
    assert r.returncode == 0
    report = json.loads(r.stdout)
    assert report == [{"file": str(EXAMPLE), "ok": True, "diagnostics": []}]


def test_internal_error_exits_3_without_traceback(monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str],
                                                   tmp_path) -> None:  # type: ignore[no-untyped-def]
    import memokit.pipeline as render_mod

    def boom(*a: object, **k: object) -> None:
        raise RuntimeError("simulated failure")

    monkeypatch.setattr(render_mod, "render_memo", boom)
    assert main(["render", str(EXAMPLE), "-o", str(tmp_path)]) == 3
    err = capsys.readouterr().err
    assert "internal error: RuntimeError: simulated failure" in err
    assert "please report it" in err
    assert "Traceback" not in err
    assert main(["render", str(EXAMPLE), "-o", str(tmp_path), "--debug"]) == 3
    assert "Traceback" in capsys.readouterr().err


def test_help_and_validate_do_not_import_heavy_libraries() -> None:
    code = (
        "import sys\n"
        "from memokit.cli import main\n"
        "import contextlib, io\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try:\n"
        "        main(['--help'])\n"
        "    except SystemExit:\n"
        "        pass\n"
        f"    main(['validate', {str(EXAMPLE)!r}])\n"
        "heavy = sorted({m.split('.')[0] for m in sys.modules} & "
        "{'matplotlib', 'reportlab', 'docx', 'svglib', 'numpy'})\n"
        "print(','.join(heavy))\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == ""


def test_validate_checks_the_memos_house_style_too(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "style.yaml").write_text(
        'extends: memo\nname: house\ndescription: x\ncolours: {accent: "#12345"}\n')
    memo = tmp_path / "memo.yaml"
    memo.write_text("title: T\nauthors: A\ndate: 2026-01-02\nstyle: house\nsections:\n"
                    "  - heading: H\n    body: [Text.]\n")
    r = run("validate", str(memo))
    assert r.returncode == 1
    assert r.stderr.strip() == (f"{tmp_path / 'house' / 'style.yaml'}:4:19: error: colours.accent: "
                                "'#12345' is not a colour; write it as #RRGGBB (e.g. #1F4E79)")


def test_the_command_exits_with_mains_code_and_skips_the_last_full_collection(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """``memokit`` (memokit.cli.run) exits with main's code; what the render left is frozen, so
    the interpreter's last collection does not walk it; main() itself freezes nothing."""
    args = ["render", str(EXAMPLE), "-o", str(tmp_path / "out"), "--format", "pdf"]

    def command(call: str) -> subprocess.CompletedProcess[str]:
        code = ("import atexit, gc, sys\n"
                "import memokit.cli as cli\n"
                "atexit.register(lambda: print('frozen', gc.get_freeze_count()))\n"
                f"sys.argv = ['memokit', *{args!r}]\n" + call)
        return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)

    r = command("cli.run()\n")
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "out" / "example-memo.pdf").is_file()
    assert int(r.stdout.split("frozen")[1]) > 10_000
    r = command("sys.exit(cli.main(sys.argv[1:]))\n")
    assert r.returncode == 0, r.stderr
    assert int(r.stdout.split("frozen")[1]) == 0
    bad = tmp_path / "bad.yaml"
    bad.write_text("memokit: 1\ntitle: [\n", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "memokit.cli", "render", str(bad), "-o", str(tmp_path)],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 1, (r.returncode, r.stderr)
    assert "bad.yaml" in r.stderr and "Traceback" not in r.stderr
