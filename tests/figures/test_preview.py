"""``memokit figure``: one figure rendered alone, as PNG, SVG or PDF, with the usual exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from memokit.cli import main
from tests.helpers import EXAMPLE


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_png_svg_and_pdf_of_one_figure(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("f.png", "f.svg", "f.pdf"):
        code, out, err = run(capsys, "figure", str(EXAMPLE), "--id", "incidents", "-o",
                             str(tmp_path / name))
        assert (code, out.strip(), err) == (0, str(tmp_path / name), "")
    assert (tmp_path / "f.png").read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    svg = (tmp_path / "f.svg").read_text(encoding="utf-8")
    assert "Armed clash" in svg and "<text" in svg  # labels stay text
    reader = PdfReader(tmp_path / "f.pdf")
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "Armed clash" in text and "Protest" in text
    fonts = {str(f["/BaseFont"]) for f in reader.pages[0]["/Resources"]["/Font"].values()
             for f in [f.get_object()]}
    assert any("Carlito" in f for f in fonts), fonts


def test_the_same_figure_gives_the_same_bytes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for n in ("a", "b"):
        for ext in ("pdf", "svg"):
            assert run(capsys, "figure", str(EXAMPLE), "--id", "incidents", "-o",
                       str(tmp_path / f"{n}.{ext}"))[0] == 0
    for ext in ("pdf", "svg"):
        assert (tmp_path / f"a.{ext}").read_bytes() == (tmp_path / f"b.{ext}").read_bytes()


def test_default_output_is_the_id_as_png(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "figure", str(EXAMPLE), "--id", "incidents")[:2] == (0, "incidents.png\n")
    assert (tmp_path / "incidents.png").stat().st_size > 1000


def test_unknown_id_is_a_usage_error_with_did_you_mean(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "figure", str(EXAMPLE), "--id", "incident", "-o", str(tmp_path / "x.png"))
    assert code == 2 and out == ""
    assert err == (f"memokit: error: {EXAMPLE} has no figure 'incident' (did you mean 'incidents'?); "
                   "its figures are: incidents\n")
    assert not (tmp_path / "x.png").exists()


def test_bad_suffix_missing_file_and_bad_memo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "figure", str(EXAMPLE), "--id", "incidents", "-o", str(tmp_path / "x.jpg"))
    assert code == 2 and "write the figure as .png, .svg or .pdf" in err
    code, _, err = run(capsys, "figure", str(tmp_path / "nope.yaml"), "--id", "x")
    assert code == 2 and "no such file" in err
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: T\nauthors: A\ndate: 2026-01-01\nsections: [{heading: H, body: [{figure: "
                   "{id: f, caption: C, data: nope, chart: line, x: a, y: b}}]}]\n", encoding="utf-8")
    code, _, err = run(capsys, "figure", str(bad), "--id", "f")
    assert code == 1 and "bad.yaml:4:" in err and "data set 'nope' is not defined" in err
