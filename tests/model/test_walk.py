"""The generic walk over the model reaches every node type, so a new type is never skipped."""

from __future__ import annotations

import dataclasses
import typing
from pathlib import Path

from memokit.model import nodes
from memokit.model.walk import CONTAINERS, descendants, rewrite, shown_texts
from memokit.pipeline import check_memo
from memokit.resolve import load_memo

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "every-node.yaml"
AUTHOR_DATE = FIXTURE.parent / "cites-author-date.yaml"


def test_every_block_and_inline_type_is_walked() -> None:
    types = set(typing.get_args(nodes.Inline)) | set(typing.get_args(nodes.Block))
    types |= {nodes.Memo, nodes.Section, nodes.ListItem}
    assert types <= set(CONTAINERS), f"add to walk.CONTAINERS: {types - set(CONTAINERS)}"


def test_descendants_meets_every_type_of_the_every_node_memo_in_reading_order() -> None:
    memo = load_memo(FIXTURE).memo
    seen = {type(n) for n in descendants(memo)}
    assert set(typing.get_args(nodes.Block)) <= seen
    # a Citation never outlives the resolve stage; the every-node memo cites in a notes style, so
    # its citation is a note: Cited (author-date styles) is met in the memo below
    seen |= {type(n) for n in descendants(load_memo(AUTHOR_DATE).memo)}
    assert set(typing.get_args(nodes.Inline)) - {nodes.Citation} <= seen
    assert nodes.Citation not in seen
    numbers = [n.number for n in descendants(memo) if isinstance(n, nodes.Note)]
    assert numbers == list(range(1, len(numbers) + 1))


def test_rewrite_keeps_unchanged_subtrees_and_replaces_in_order() -> None:
    memo = load_memo(FIXTURE).memo
    assert rewrite(memo, lambda n: n) is memo
    count = 0

    def upper(node: object) -> object:
        nonlocal count
        if isinstance(node, nodes.Text):
            count += 1
            return dataclasses.replace(node, text=node.text.upper())
        return node

    shouted = rewrite(memo, upper)
    assert count > 10
    assert all(t.isupper() or not t.strip() or not any(c.isalpha() for c in t)
               for n in descendants(shouted) if isinstance(n, nodes.Text) for t in [n.text])
    assert shouted.meta is memo.meta


def test_shown_texts_carry_the_span_of_the_nearest_located_node() -> None:
    memo = load_memo(FIXTURE).memo
    texts = list(shown_texts(memo.sections))
    assert texts and all(span is not None for _, span in texts)
    figure = next(n for n in descendants(memo) if isinstance(n, nodes.Figure))
    caption_text = next(n.text for n in descendants(figure.caption) if isinstance(n, nodes.Text))
    assert (caption_text, figure.span) in texts


def test_characters_no_house_font_has_are_reported_where_they_are_written(tmp_path: Path) -> None:
    memo = tmp_path / "memo.yaml"
    memo.write_text(
        "title: Glyphs\nauthors: A. Author\ndate: 2026-03-14\n"
        "sections:\n"
        "  - heading: Heading \ua500\n"
        "    body:\n"
        "      - Text with a note.^[Note \ua501.]\n"
        "      - table:\n"
        "          id: t\n"
        "          caption: Caption \ua502\n"
        "          rows:\n"
        "            - [a, b]\n"
        "            - [cell \ua503, 1]\n"
        "      - |\n"
        "        - a list\n"
        "          > with a quote \ua504\n", encoding="utf-8")
    warnings = check_memo(memo).warnings
    found = {w.message.split("'")[1]: (w.line, w.severity) for w in warnings}
    # at the nearest node with a place: the heading's section, the paragraph, the table, the list
    assert found == {"\ua500": (5, "warning"), "\ua501": (7, "warning"), "\ua502": (9, "warning"),
                     "\ua503": (9, "warning"), "\ua504": (14, "warning")}
