"""Every memo the test suite renders comes back from its untouched DOCX with no change: the
shipped examples, the fixtures, the memos other tests write (boxes, lists, tables, pictures,
languages, citations, sections, right-to-left names, new memos from each style) and generated
ones (the property tests' memos)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings

from memokit.cli import main
from memokit.pipeline import render_memo

ROOT = Path(__file__).resolve().parents[2]


def _files(memo: str, *extra: str) -> Callable[[Path], Path]:
    """A memo file of the repository with the files it reads, copied into a folder."""
    def make(home: Path) -> Path:
        src = ROOT / memo
        shutil.copy(src, home / "memo.yaml")
        for name in extra:
            (shutil.copytree if (src.parent / name).is_dir() else shutil.copy)(
                src.parent / name, home / name)
        return home / "memo.yaml"
    return make


def _text(module: str, name: str, **fill: str) -> Callable[[Path], Path]:
    """A memo another test module writes (a constant of it, formatted with ``fill``)."""
    def make(home: Path) -> Path:
        import importlib

        text = getattr(importlib.import_module(module), name)
        (home / "memo.yaml").write_text(text.format(**fill) if fill else text, encoding="utf-8")
        return home / "memo.yaml"
    return make


def _sections(home: Path) -> Path:
    from tests.sections.memo import memo_yaml

    (home / "memo.yaml").write_text(memo_yaml(), encoding="utf-8")
    return home / "memo.yaml"


def _new(style: str) -> Callable[[Path], Path]:
    def make(home: Path) -> Path:
        from memokit.cli.scaffold import new_memo

        new_memo(home / "new", style)
        return home / "new/memo.yaml"
    return make


def _cited(home: Path) -> Path:
    from tests.cite.cited import memo_with

    memo_with(home, ["One [@smith2016, p. 315-16]. Two [@satterfield2016, p. 170]. "
                     "Three [@satterfield2016, p. 172].", "A note^[With a citation "
                     "[@smith2016].] and more."])
    return home / "memo.yaml"


def _pictures(home: Path) -> Path:
    from tests.figures.test_images import write_site

    return write_site(home)


SHORT = """\
title: Short words before notes
authors: A. Writer
date: 2026-01-05
sections:
  - heading: One
    body:
      - n^[A note after one letter.]
      - a^[a] and more.
      - ab[^id] then text.
footnotes:
  id: A note with an id.
"""


def _short(home: Path) -> Path:
    """Paragraphs whose note follows a word of a letter or two, as LibreOffice moves a note's
    mark: the paragraph's own mark stays the paragraph's."""
    (home / "memo.yaml").write_text(SHORT, encoding="utf-8")
    return home / "memo.yaml"


MEMOS: dict[str, Callable[[Path], Path]] = {
    "example": _files("content/example-memo.yaml", "data", "pictures", "sources.bib"),
    "regions-brief": _files("content/regions-brief.yaml", "data", "pictures", "sources.bib"),
    "every-node": _files("tests/fixtures/every-node.yaml", "pictures", "every-node.bib"),
    "cites-author-date": _files("tests/fixtures/cites-author-date.yaml", "every-node.bib"),
    "french": _files("tests/lang/fr-memo.yaml"),
    "german": _files("tests/lang/de-memo.yaml"),
    "sections": _sections,
    "boxes": _text("tests.docx.test_boxes", "MEMO"),
    "minimal": _text("tests.docx.test_minimal", "MINIMAL"),
    "ends with a figure": _text("tests.docx.test_minimal", "FIGURE_LAST"),
    "right-to-left names": _text("tests.docx.test_bidi_spans", "MEMO"),
    "long lede": _text("tests.docx.test_properties", "LONG_LEDE",
                       lede=" ".join(["A lede *with* words"] * 40) + " Word"),
    "table markers": _text("tests.docx.test_table_widths", "MARKERS"),
    "lists in Swedish": _text("tests.docx.test_styles", "LISTS", lang="sv"),
    "page-wide floats": _text("tests.docx.test_layout", "WIDE"),
    "pictures": _pictures,
    "citation notes": _cited,
    "new memo": _new("memo"),
    "new brief": _new("brief"),
    "short words before notes": _short,
}


def _round_trip(memo: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    render_memo(memo, memo.parent / "out", ["docx"])
    code = main(["import", str(memo.parent / "out" / (memo.stem + ".docx")), str(memo)])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize("name", MEMOS)
def test_an_untouched_docx_comes_back_unchanged(name: str, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    memo = MEMOS[name](tmp_path)
    assert _round_trip(memo, capsys) == (0, "", "")
    from memokit.writers.docx_stamp import content_hash, read_record

    record, parts = read_record(memo.parent / "out" / (memo.stem + ".docx"))
    assert record is not None  # the content as read from the file is the content as written
    assert content_hash(record, parts) == record["editable_content_sha256"]


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cache")


from tests.test_properties_writers import rich_memos  # noqa: E402 - after the fixtures it shares


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(memo=rich_memos())
def test_generated_memos_come_back_unchanged(memo: dict, tmp_path_factory: pytest.TempPathFactory,  # type: ignore[type-arg]
                                             capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch, cache: Path) -> None:
    monkeypatch.setenv("MEMOKIT_CACHE_DIR", str(cache))
    home = tmp_path_factory.mktemp("generated")
    (home / "memo.yaml").write_text(yaml.safe_dump(memo, allow_unicode=True, sort_keys=False),
                                    encoding="utf-8")
    assert _round_trip(home / "memo.yaml", capsys) == (0, "", "")


@pytest.mark.slow
@pytest.mark.parametrize("name", MEMOS)
def test_a_docx_libreoffice_saved_unchanged_is_no_edit(name: str, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    from memokit.writers.docx_stamp import edited
    from tests.helpers import require_tool
    from tests.importer.test_roundtrip import _resave

    memo = MEMOS[name](tmp_path)
    render_memo(memo, memo.parent / "out", ["docx"])
    lo = _resave(require_tool("soffice"), memo.parent / "out" / (memo.stem + ".docx"), tmp_path)
    assert not edited(lo)
    assert main(["import", str(lo), str(memo)]) == 0
    assert capsys.readouterr().out == ""
