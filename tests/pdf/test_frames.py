"""Nothing outside its frame: the check of every drawn line against its column, band, cell or page."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.enums import TA_JUSTIFY, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, Table

from memokit.cli import main
from memokit.model.nodes import Memo
from memokit.style.theme import Theme
from memokit.writers.pdf import FrameOverflowError, frame, frame_problems, write
from tests.helpers import EXAMPLE

TOKEN = "https://example.org/" + "a-very-long-path-segment/" * 8


def _style(**kw: object) -> ParagraphStyle:
    return ParagraphStyle("t", fontName="Helvetica", fontSize=10, leading=12, splitLongWords=0, **kw)


def _found(flowable: object, room: float, left: float = 0.0) -> list[tuple[str, float]]:
    out: list[tuple[str, float]] = []
    frame.check(flowable, left, room, lambda text, by, inside="": out.append((text + inside, by)))  # type: ignore[arg-type]
    return out


def test_a_line_wider_than_its_column_is_found_with_its_text_and_overhang() -> None:
    p = Paragraph(f"See {TOKEN} for more.", _style(alignment=TA_JUSTIFY))
    p.wrap(150, 1000)
    found = _found(p, 150)
    assert len(found) == 1
    text, by = found[0]
    assert text.startswith("https://example.org/")
    assert by == pytest.approx(stringWidth(TOKEN, "Helvetica", 10) - 150, abs=0.01)


def test_lines_inside_their_box_pass_in_every_alignment_and_with_a_bullet() -> None:
    words = " ".join(["word"] * 60)
    for style in (_style(), _style(alignment=TA_JUSTIFY), _style(alignment=TA_RIGHT),
                  _style(leftIndent=14, bulletIndent=0, firstLineIndent=0)):
        p = Paragraph(words, style, bulletText="17" if style.leftIndent else None)
        p.wrap(160, 1000)
        assert _found(p, 160) == []
        if style.alignment == TA_RIGHT:  # lines that reach the edge: a point further passes it
            assert _found(p, 160, left=1.0)


def test_a_table_cell_and_a_table_wider_than_the_column_are_found() -> None:
    cell = Paragraph(TOKEN, _style())
    t = Table([["Head", "Other"], [cell, "x"]], colWidths=[80, 80])
    t.wrap(160, 1000)
    found = _found(t, 160)
    assert [text for text, _ in found] == [TOKEN + ", table cell 2.1"]
    assert _found(t, 150)[0][0] == "Head"  # the whole table is 10 pt wider than the box


def test_write_raises_naming_the_page_and_the_text(tmp_path: Path, theme: Theme, example: tuple[Path, Memo],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    _, memo = example
    monkeypatch.setattr(frame, "TOLERANCE", -1e6)  # every line "outside": the wiring, page and text
    with pytest.raises(FrameOverflowError, match=r"page 1, title: '.+' lies .* pt outside"):
        write(memo, theme, {}, tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


def test_cli_exits_3_with_page_and_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(frame, "TOLERANCE", -1e6)
    assert main(["render", str(EXAMPLE), "-o", str(tmp_path), "--format", "pdf"]) == 3
    err = capsys.readouterr().err
    assert "FrameOverflowError" in err and "page 1, title: '" in err


def test_the_example_has_nothing_outside_its_frames(theme: Theme, example: tuple[Path, Memo]) -> None:
    from memokit.figures.render import render_figures

    _, memo = example
    assert frame_problems(memo, theme, render_figures(memo, theme)) == []
