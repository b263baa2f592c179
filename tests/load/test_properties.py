"""Property tests: every generated valid memo loads, with its text intact; every mutation of a
valid memo either loads or fails with located ContentError diagnostics, never anything else."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from memokit.errors import ContentError
from memokit.model import Note, Paragraph, Text
from memokit.model.walk import iter_inlines
from memokit.resolve import load_memo

SETTINGS = settings(max_examples=80, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])

# Text an author writes that must come out exactly as written: words, &, <, >, quotes, dashes.
WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyzÅÄÖåäöé", min_size=1, max_size=8)
SIGNS = st.sampled_from(["&", "R&D", "x < y", "a > b", '"quoted"', "'single'", "it's", "–", "—",
                         "-", "...", "(aside)", "50%", "3.5", "AT&T", "<>", "&&"])
TOKEN = st.one_of(WORDS, WORDS, SIGNS)
SENTENCE = st.builds(lambda first, rest: " ".join([first, *rest]), WORDS,
                     st.lists(TOKEN, max_size=12))
IDS = st.from_regex(r"[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,4})?", fullmatch=True)


@st.composite
def memos(draw: st.DrawFn) -> tuple[dict[str, Any], list[str], int]:
    """A valid memo as plain data, the paragraph texts in reading order, and its note count."""
    n_sections = draw(st.integers(1, 3))
    note_ids = draw(st.lists(IDS, unique=True, max_size=3))
    fig_ids = draw(st.lists(IDS, unique=True, max_size=2))
    paragraphs: list[str] = []
    sections = []
    notes_left = list(note_ids)
    inline_notes = 0
    for s in range(n_sections):
        body: list[Any] = []
        for _ in range(draw(st.integers(1, 3))):
            text = draw(SENTENCE)
            extra = ""
            if notes_left and draw(st.booleans()):
                extra += f"[^{notes_left.pop()}]"
            if draw(st.booleans()):
                extra += f"^[{draw(SENTENCE)}]"
                inline_notes += 1
            shown = text
            if fig_ids and draw(st.booleans()):
                extra += f" see @fig:{draw(st.sampled_from(fig_ids))}."
                shown += " see ."
            paragraphs.append(shown)
            body.append(text + extra)
        if s == 0:
            for fid in fig_ids:
                body.append({"figure": {"id": fid, "caption": draw(SENTENCE), "data": "counts",
                                        "chart": draw(st.sampled_from(["line", "bar", "area"])),
                                        "x": "year", "y": "n", "alt": draw(SENTENCE)}})
            if draw(st.booleans()):
                body.append({"table": {"id": "t", "caption": draw(SENTENCE),
                                       "rows": [["name", "value"], [draw(SENTENCE), 3]]}})
        sections.append({"heading": draw(SENTENCE), "body": body})
    # a note not yet cited goes into the last paragraph of the last section
    for note_id in notes_left:
        sections[-1]["body"][0] += f"[^{note_id}]"
    memo = {
        "title": draw(SENTENCE),
        "authors": draw(st.one_of(WORDS, st.lists(WORDS, min_size=1, max_size=3))),
        "date": draw(st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31))),
        "data": {"counts": {"rows": [["year", "n"], [2020, 4], [2021, 6]]}},
        "sections": sections,
    }
    if draw(st.booleans()):
        memo["lede"] = draw(SENTENCE)
    if note_ids:
        memo["footnotes"] = {i: draw(SENTENCE) for i in note_ids}
    return memo, paragraphs, len(note_ids) + inline_notes


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "staff.csv").write_text("year,staff\n2020,5\n2021,7\n", encoding="utf-8")
    return tmp_path


def _write(folder: Path, text: str) -> Path:
    path = folder / "memo.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _plain(inlines: tuple) -> str:  # type: ignore[type-arg]
    """The text of a paragraph outside its notes and references."""
    return "".join(n.text for n in inlines if isinstance(n, Text))


@SETTINGS
@given(memos())
def test_generated_valid_memos_load_with_their_text_exact(
        folder: Path, generated: tuple[dict[str, Any], list[str], int]) -> None:
    memo, paragraphs, notes = generated
    path = _write(folder, yaml.safe_dump(memo, allow_unicode=True, sort_keys=False))
    result = load_memo(path, "memo.yaml")
    loaded = result.memo
    assert loaded.meta.title == memo["title"]
    texts = [_plain(b.children) for s in _walk(loaded.sections) for b in s.blocks
             if isinstance(b, Paragraph)]
    assert texts == paragraphs
    numbers = sorted(n.number for s in _walk(loaded.sections) for b in s.blocks
                     if isinstance(b, Paragraph) for n in iter_inlines(b.children)
                     if isinstance(n, Note))
    assert numbers == list(range(1, notes + 1))
    assert result.warnings == []


def _walk(sections: tuple) -> list:  # type: ignore[type-arg]
    out = []
    for s in sections:
        out.append(s)
        out.extend(_walk(s.sections))
    return out


BASE: dict[str, Any] = {
    "title": "Staffing the mission",
    "subtitle": "A first look",
    "authors": [{"name": "A. Author", "affiliation": "Institute"}, "B. Author"],
    "date": "2026-03-14",
    "number": "8123",
    "language": "en-GB",
    "keywords": ["staff", "missions"],
    "lede": "Staff rose from {{ (data.staff | first).staff }} & more.",
    "data": {
        "staff": {"file": "data/staff.csv", "filter": {"year": {"min": 2020}}},
        "counts": {"rows": [["year", "n"], [2020, 4], [2021, 6]]},
    },
    "sections": [
        {"heading": "Where things stand", "body": [
            "Staff numbers rose[^rise] as @fig:staff shows.^[An inline note.]\n\n- a list\n- of items",
            {"figure": {"id": "staff", "caption": "Staff by year", "data": "staff", "chart": "line",
                        "x": "year", "y": "staff", "alt": "A line.", "width": "page"}},
            {"table": {"id": "n", "caption": "Counts", "data": "counts", "columns": ["year", "n"],
                       "header": ["Year", "Count"], "align": ["left", "right"]}},
        ], "sections": [{"heading": "More", "body": ["> A quote, see @tbl:n."]}]},
    ],
    "footnotes": {"rise": "From the [annual report](https://example.org)."},
}

ODD_VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(-10**12, 10**12), st.floats(allow_nan=False),
    st.text(max_size=30), st.lists(st.text(max_size=5), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
    st.sampled_from(["", "{{ nope }}", "{{ ''.__class__ }}", "[^zz]", "^[a ^[b]]", "@fig:none",
                     "# heading", "    code", "\x07bell", "../../etc/passwd", "/abs.csv",
                     "2026-02-30", "lines", "full", "sum(", "{% for %}", "<https://x>"]),
)


def _paths(value: Any, path: tuple = ()) -> list[tuple]:  # type: ignore[type-arg]
    out = [path]
    if isinstance(value, dict):
        for k, v in value.items():
            out.extend(_paths(v, path + (k,)))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out.extend(_paths(v, path + (i,)))
    return out


def _get(value: Any, path: tuple) -> Any:  # type: ignore[type-arg]
    for p in path:
        value = value[p]
    return value


@st.composite
def mutated(draw: st.DrawFn) -> dict[str, Any]:
    memo = copy.deepcopy(BASE)
    for _ in range(draw(st.integers(1, 3))):
        paths = [p for p in _paths(memo) if p]
        path = draw(st.sampled_from(paths))
        parent = _get(memo, path[:-1])
        kind = draw(st.sampled_from(["delete", "replace", "unknown-key", "text"]))
        if kind == "delete":
            del parent[path[-1]]
        elif kind == "replace":
            parent[path[-1]] = draw(ODD_VALUES)
        elif kind == "unknown-key" and isinstance(parent, dict):
            parent[draw(st.sampled_from(["titel", "bodyy", "colour", "x-label", "extra"]))] = 1
        elif isinstance(parent[path[-1]], str):
            parent[path[-1]] = draw(st.text(max_size=40))
    return memo


def _assert_located(exc: ContentError) -> None:
    assert exc.diagnostics
    for d in exc.diagnostics:
        assert d.file in ("memo.yaml", "data/staff.csv")
        assert d.line is not None and d.line >= 1
        assert d.column is not None and d.column >= 1
        assert d.severity == "error"
        assert d.message and "; " in d.message, d.message
        assert "Traceback" not in d.message
        line = d.format()
        assert line.startswith(f"{d.file}:{d.line}:{d.column}: error: ")


@SETTINGS
@given(mutated())
def test_mutated_memos_load_or_fail_with_located_errors(folder: Path, memo: dict[str, Any]) -> None:
    path = _write(folder, yaml.safe_dump(memo, allow_unicode=True, sort_keys=False))
    try:
        load_memo(path, "memo.yaml")
    except ContentError as exc:
        _assert_located(exc)


@SETTINGS
@given(st.data())
def test_edited_yaml_text_loads_or_fails_with_located_errors(folder: Path, data: st.DataObject) -> None:
    text = yaml.safe_dump(BASE, allow_unicode=True, sort_keys=False)
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(text)))
        cut = data.draw(st.integers(0, 6))
        insert = data.draw(st.one_of(st.text(max_size=6), st.sampled_from(
            [":", "- ", "\t", "'", '"', "[", "{", "&a ", "*a", "!!python/name:os.system ", "\n  ",
             "\x00", "\ufeff", "{{", "%"])))
        text = text[:at] + insert + text[at + cut:]
    path = _write(folder, text)
    try:
        load_memo(path, "memo.yaml")
    except ContentError as exc:
        _assert_located(exc)


def test_the_mutation_base_is_itself_valid(folder: Path) -> None:
    path = _write(folder, yaml.safe_dump(BASE, allow_unicode=True, sort_keys=False))
    memo = load_memo(path, "memo.yaml").memo
    assert memo.meta.title == "Staffing the mission"
    assert [t.text for t in memo.lede if isinstance(t, Text)] == ["Staff rose from 5 & more."]
