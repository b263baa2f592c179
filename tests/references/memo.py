"""A memo with citations and a bibliography, its model made directly: the sections memo (table
of contents, appendices) loaded, then formatted citations (Cited) put into its text and a
bibliography or reference list (References) set on it, as the citation stage leaves them."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from memokit.figures.render import render_figures
from memokit.model import walk
from memokit.model.nodes import (
    Cited,
    Emph,
    Inline,
    Link,
    Memo,
    Note,
    Paragraph,
    References,
    Table,
    Text,
)
from memokit.pipeline import check_memo
from memokit.style.theme import Theme
from memokit.writers import writer
from tests.sections.memo import memo_yaml

DOI = "https://doi.org/10.1017/S0020818320000405"
URL = "https://www.example.org/reports/2021/very-long-path/defence-spending-in-the-nordic-states.html"

# (key, inlines) in the style's order; the first words of each are what the tests look for
ENTRIES: list[tuple[str, tuple[Inline, ...]]] = [
    ("andersson2019", (Text("Andersson, Karin, and Lars Berg. "),
                       Emph((Text("Deterrence on the Northern Flank: Strategy, Forces and Alliances "
                                  "in the Baltic Sea Region"),)),
                       Text(". Stockholm: Nordic Academic Press, 2019."))),
    ("hansen2020", (Text("Hansen, Mette. “Small States and the Politics of Burden Sharing.” "),
                    Emph((Text("International Organization"),)),
                    Text(" 74, no. 3 (2020): 512–545. "), Link(DOI, (Text(DOI),)))),
    ("nato2021", (Text("North Atlantic Treaty Organization. "),
                  Emph((Text("Defence Expenditure of NATO Countries (2014–2021)"),)),
                  Text(". Brussels: NATO Public Diplomacy Division, 2021. "), Link(URL, (Text(URL),)))),
    ("virtanen2022", (Text("Virtanen, Aino. “Finland’s Road to Membership.” Blog post, 12 May 2022."),)),
]

CITED = "(Hansen 2020, 515)"
CAPTION_CITED = "(NATO 2021)"
CELL_CITED = "(Virtanen 2022)"
LEDE_CITED = "(Andersson and Berg 2019)"
NOTE_CITED = "(Hansen 2020)"


def long_list(n: int) -> tuple[tuple[str, tuple[Inline, ...]], ...]:
    """``n`` entries, the four above over and over, each starting with its own number ('E007')."""
    return tuple((f"{key}-{i}", (Text(f"E{i:03d} "), *body))
                 for i, (key, body) in enumerate((ENTRIES * (n // len(ENTRIES) + 1))[:n], start=1))


def _with_citations(memo: Memo, kind: str, entries: tuple[tuple[str, tuple[Inline, ...]], ...]) -> Memo:
    """``memo`` with formatted citations after its first paragraph's text, in the lede, a table's
    caption and cell and a footnote, and its list of the four sources."""
    first = memo.sections[0].blocks[0]
    assert isinstance(first, Paragraph)
    cited = replace(first, children=(*first.children, Text(" As argued "),
                                     Cited((Text(CITED),), ("hansen2020",)), Text(".")))

    def visit(node: object) -> object:
        if node is first:
            return cited
        if isinstance(node, Table) and node.caption:
            last = node.rows[-1]
            return replace(node, caption=(*node.caption, Text(" "),
                                          Cited((Text(CAPTION_CITED),), ("nato2021",))),
                           rows=(*node.rows[:-1], (*last[:-1], (*last[-1], Text(" "),
                                                               Cited((Text(CELL_CITED),), ())))))
        if isinstance(node, Note) and node.number == 1:
            return replace(node, children=(*node.children, Text(" See "),
                                           Cited((Text(NOTE_CITED),), ("hansen2020",)), Text(".")))
        return node

    memo = walk.rewrite(memo, visit)
    memo = replace(memo, lede=(*memo.lede, Text(" "), Cited((Text(LEDE_CITED),), ("andersson2019",))))
    refs = References(kind, tuple(e for _, e in entries), tuple(k for k, _ in entries))  # type: ignore[arg-type]
    return replace(memo, references=refs)


def render(folder: Path, kind: str = "bibliography", language: str | None = None,
           style: str | None = None, appendix: bool = True, toc: bool = True,
           references: bool = True, entries: tuple[tuple[str, tuple[Inline, ...]], ...] = tuple(ENTRIES),
           ) -> tuple[dict[str, Path], Memo, Theme]:
    """Render the memo with citations into ``folder``: its PDF and DOCX, the model and theme."""
    folder.mkdir(parents=True, exist_ok=True)
    text = memo_yaml(None, toc)
    if language:
        text = text.replace("lede:", f"language: {language}\nlede:", 1)
    if style:
        text = text.replace("lede:", f"style: {style}\nlede:", 1)
    if not appendix:
        text = text[:text.index("appendix:")].replace(", @sec:data and @sec:data-sources", "")
    src = folder / "memo.yaml"
    src.write_text(text, encoding="utf-8")
    checked = check_memo(src)
    memo = _with_citations(checked.memo, kind, entries) if references else checked.memo
    assets = render_figures(memo, checked.theme, [])
    out = {}
    for fmt in ("pdf", "docx"):
        out[fmt] = folder / f"memo.{fmt}"
        writer(fmt)(memo, checked.theme, assets, out[fmt])
    return out, memo, checked.theme
