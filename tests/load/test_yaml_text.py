"""YAML 1.1 numbers in text fields keep the text as written, and positions count every line
end YAML counts (CR alone, U+2028)."""

from __future__ import annotations

from pathlib import Path

from memokit.load.build import build_memo
from memokit.source import LineIndex

BODY = "sections:\n  - heading: H\n    body: [x]\n"


def _built(tmp_path: Path, text: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "memo.yaml"
    path.write_bytes(text.encode("utf-8"))
    return build_memo(path, "memo.yaml")


def test_text_fields_keep_octal_and_sexagesimal_as_written(tmp_path: Path) -> None:
    built = _built(tmp_path, "title: T\nauthors: [A]\ndate: 2026-03-14\nnumber: 0755\n"
                   "project: 1:30:00\nseries: 1e3\nsubtitle: no\n" + BODY)
    meta = built.memo.meta
    assert built.errors == []
    assert (meta.number, meta.project, meta.series, meta.subtitle) == ("0755", "1:30:00", "1e3", "no")


def test_numbers_stay_numbers_where_the_format_wants_numbers(tmp_path: Path) -> None:
    built = _built(tmp_path, "title: T\nauthors: [A]\ndate: 2026-03-14\ndata:\n  s:\n"
                   "    rows: [[a, b], [0755, 1:30]]\n" + BODY)
    assert built.memo.data["s"].rows == ((493, 90),)


def test_line_index_counts_every_yaml_line_end() -> None:
    index = LineIndex("a\rb\r\nc\u2028d\ne\x85f")
    assert [index.position(i) for i in (0, 2, 5, 7, 9, 11)] == [
        (1, 1), (2, 1), (3, 1), (4, 1), (5, 1), (6, 1)]


def test_positions_after_cr_only_line_ends(tmp_path: Path) -> None:
    text = "title: T\rauthors: [A]\rdate: 2026-03-14\rsections:\r  - heading: H\r    body:\r" \
           "      - \"{{ nope }}\"\r"
    built = _built(tmp_path, text)
    assert [(d.line, d.column, d.field) for d in built.errors] == [(7, 13, "sections[0].body[0]")]


def test_positions_after_a_line_separator(tmp_path: Path) -> None:
    text = "title: T\nauthors: [A]\ndate: 2026-03-14\nsubtitle: \"a\u2028b\"\nsections:\n" \
           "  - heading: H\n    body:\n      - \"{{ nope }}\"\n"
    built = _built(tmp_path, text)
    # YAML counts U+2028 as a line end; the position agrees with every other YAML position
    key_line = built.errors[0].line
    assert (key_line, built.errors[0].column) == (9, 13)
