"""Property tests through both writers: every generated valid memo renders to a PDF and a DOCX
that hold its text; every mutation of a valid memo renders or fails with located errors."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from memokit.errors import ContentError
from memokit.pipeline import render_memo
from tests.load.test_properties import SENTENCE, memos, mutated

SETTINGS = settings(max_examples=20, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])

BLOCKS = st.sampled_from([
    "- first item with *emphasis*\n- second item with `code`",
    "3. third\n4. fourth^[A note in a list.]",
    "> A quoted passage with a [link](https://example.org/q).",
    "- outer\n  - inner item\n- next",
    "A hard break  \nafter it, and <https://example.org/a/very/long/address/that/goes/on>.",
])


@st.composite
def rich_memos(draw: st.DrawFn) -> dict[str, Any]:
    memo, _, _ = draw(memos())
    for section in memo["sections"]:
        for _ in range(draw(st.integers(0, 2))):
            section["body"].insert(draw(st.integers(0, len(section["body"]))), draw(BLOCKS))
        if draw(st.booleans()):
            section["sections"] = [{"heading": draw(SENTENCE), "body": [draw(SENTENCE)]}]
    for section in memo["sections"]:
        for item in section["body"]:
            if isinstance(item, dict) and draw(st.booleans()):
                next(iter(item.values()))["width"] = "page"
    memo["language"] = draw(st.sampled_from(["en-GB", "en-US", "sv", "de"]))
    memo["style"] = draw(st.sampled_from(["memo", "brief"]))
    return memo


@pytest.fixture(scope="module", autouse=True)
def figure_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    mp = pytest.MonkeyPatch()
    mp.setenv("MEMOKIT_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    yield
    mp.undo()


def _texts(pdf: Path, docx_path: Path) -> tuple[str, str]:
    import docx
    from pypdf import PdfReader

    pdf_text = " ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf.read_bytes())).pages)
    document = docx.Document(str(docx_path))
    return " ".join(pdf_text.split()), " ".join(p.text for p in document.paragraphs)


@SETTINGS
@given(rich_memos())
def test_every_generated_valid_memo_renders_in_both_formats_with_its_title(
        tmp_path_factory: pytest.TempPathFactory, memo: dict[str, Any]) -> None:
    folder = tmp_path_factory.mktemp("memo")
    src = folder / "memo.yaml"
    src.write_text(yaml.safe_dump(memo, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = render_memo(src, folder / "out")
    pdf, docx_path = (folder / "out" / "memo.pdf", folder / "out" / "memo.docx")
    assert sorted(result.outputs) == sorted([pdf, docx_path])
    pdf_text, docx_text = _texts(pdf, docx_path)
    first_word = memo["title"].split()[0]
    assert first_word in docx_text
    assert first_word.replace("-", "") in pdf_text.replace("-", "")


@SETTINGS
@given(mutated())
def test_every_mutation_renders_or_fails_with_located_errors(
        tmp_path_factory: pytest.TempPathFactory, memo: dict[str, Any]) -> None:
    folder = tmp_path_factory.mktemp("mutated")
    (folder / "data").mkdir()
    (folder / "data" / "staff.csv").write_text("year,staff\n2020,5\n2021,7\n", encoding="utf-8")
    src = folder / "memo.yaml"
    src.write_text(yaml.safe_dump(memo, allow_unicode=True, sort_keys=False), encoding="utf-8")
    try:
        result = render_memo(src, folder / "out")
    except ContentError as exc:
        assert exc.diagnostics
        for d in exc.diagnostics:
            assert d.file and d.message and d.line is not None and d.line >= 1
        assert not (folder / "out").exists() or list((folder / "out").iterdir()) == []
    else:
        assert len(result.outputs) == 2 and all(p.stat().st_size > 1000 for p in result.outputs)
