"""pandoc reads the DOCX back: headings as headings, footnotes as footnotes, links, lists,
the quote and the table."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from memokit.model.nodes import Memo
from memokit.model.walk import iter_sections, notes, tables
from tests.docx.conftest import pandoc_json
from tests.docx.test_notes_fields import plain


def walk(node: object) -> Iterator[dict]:
    """Every pandoc AST element (a dict with 't') below ``node``."""
    if isinstance(node, dict):
        if "t" in node:
            yield node
        for v in node.values():
            yield from walk(v)
    elif isinstance(node, list):
        for v in node:
            yield from walk(v)


def stringify(node: object) -> str:
    out = []
    for el in walk(node):
        if el["t"] == "Str":
            out.append(el["c"])
        elif el["t"] in ("Space", "SoftBreak"):
            out.append(" ")
    return "".join(out).replace("\u00a0", " ")


@pytest.fixture(scope="module")
def ast(example: tuple[Path, Memo]) -> dict:
    return pandoc_json(example[0])


def test_headings_come_back_as_headings(ast: dict, example: tuple[Path, Memo]) -> None:
    got = [(b["c"][0], stringify(b["c"][2])) for b in ast["blocks"] if b["t"] == "Header"]
    want = [(s.level, s.heading) for s in iter_sections(example[1].sections)] + [(1, "Bibliography")]
    assert got == want


def test_footnotes_come_back_as_footnotes(ast: dict, example: tuple[Path, Memo]) -> None:
    got = [" ".join(stringify(n["c"]).split()) for n in walk(ast["blocks"]) if n["t"] == "Note"]
    want = [" ".join(plain(n.children).split()) for n in notes(example[1])]
    assert got == want
    in_notes = [el for n in walk(ast["blocks"]) if n["t"] == "Note"
                for el in walk(n["c"]) if el["t"] == "Link"]
    assert [link["c"][2][0] for link in in_notes] == [
        "https://example.org/karvonia/mandates/isfk-final-extension",  # cited sources' addresses
        "https://example.org/karvonia/event-data-codebook", "https://doi.org/10.0000/jpo.2022.0142"]


def test_links_lists_quote_and_table_come_back(ast: dict, example: tuple[Path, Memo]) -> None:
    blocks = ast["blocks"]
    links = {link["c"][2][0] for link in walk(blocks) if link["t"] == "Link"}
    assert {"https://example.org/karvonia/mandates", "https://example.com/isfk/drawdown-timeline"} <= links
    kinds = [b["t"] for b in blocks]
    assert kinds.count("OrderedList") == 1 and kinds.count("BulletList") == 1
    assert kinds.count("BlockQuote") == 1
    (table,) = [b for b in blocks if b["t"] == "Table"]
    tab = tables(example[1])[0]
    text = stringify(table)
    for cell in [c for row in (tab.header, *tab.rows) for c in row]:
        assert plain(cell) in text
    ordered = next(b for b in blocks if b["t"] == "OrderedList")
    assert len(ordered["c"][1]) == 4
    images = [el for el in walk(blocks) if el["t"] == "Image"]
    assert len(images) == 1


def test_affiliations_and_e_mail_links_come_back(ast: dict, example: tuple[Path, Memo]) -> None:
    """The title block's affiliation line: the affiliation with its mark, the address as a mailto link."""
    author = example[1].meta.authors[0]
    assert author.affiliation and author.email
    text = stringify(ast["blocks"])
    assert f"{author.name}¹" in text and f"¹ {author.affiliation}" in text
    links = {link["c"][2][0] for link in walk(ast["blocks"]) if link["t"] == "Link"}
    assert f"mailto:{author.email}" in links
