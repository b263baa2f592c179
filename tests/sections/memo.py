"""A memo long enough for its table of contents to point at several pages, with section ids, an
appendix with a figure and a table, and a house style folder (numbered headings) beside it."""

from __future__ import annotations

from pathlib import Path

from memokit.pipeline import render_memo

FILLER = ("Deployment figures moved slowly through the period, and the reasons for that are worth "
          "setting out at some length because they bear on every later choice. ")


def _para(n: int) -> str:
    return "      - " + FILLER * n + "\n"


def memo_yaml(style: str | None = None, toc: bool | None = True) -> str:
    """The memo; ``toc`` None: it does not say whether it has a table of contents."""
    head = f"""title: Sections and appendices
authors: A. Author
date: 2026-03-14
{'' if toc is None else f"toc: {'true' if toc else 'false'}"}
{f'style: {style}' if style else ''}
lede: What the memo finds, in brief.
data:
  counts:
    rows:
      - [year, value]
      - [2021, 3]
      - [2022, 5]
      - [2023, 4]
sections:
  - heading: Where things stand
    id: standing
    body:
      - See @sec:method, @sec:detail, @sec:data and @sec:data-sources; notes go on.^[Main note.]
{_para(6)}"""
    body = ""
    for i in range(1, 6):
        body += f"""  - heading: Part {i} of the argument
    id: part-{i}
    body:
{_para(8)}{_para(8)}"""
        if i == 2:
            body += f"""    sections:
      - heading: How we counted
        id: method
        body:
{_para(5).replace('      - ', '          - ')}          - figure:
              id: main-chart
              caption: Counts by year
              data: counts
              chart: bar
              x: year
              y: value
              alt: Bars rising then falling.
        sections:
          - heading: A detail of the count
            id: detail
            body:
{_para(3).replace('      - ', '              - ')}"""
    tail = """appendix:
  - heading: The data
    id: data
    body:
      - The appendix text, see @fig:app-chart and @tbl:app-table.^[Appendix note.]
      - figure:
          id: app-chart
          caption: Appendix counts
          data: counts
          chart: line
          x: year
          y: value
          alt: A line.
      - table:
          id: app-table
          caption: Appendix table
          rows:
            - [Year, Value]
            - ["2021", "3"]
    sections:
      - heading: Data sources
        id: data-sources
        body:
          - Where the data come from.
  - heading: Further tables
    body:
      - The second appendix, see @box:app-box.
      - box:
          id: app-box
          title: Appendix box
          body:
            - Text of the appendix box.
"""
    return head + body + tail


NUMBERED = """extends: memo
name: numbered
description: numbered headings
headings:
  numbered: true
"""


def render(folder: Path, style: str | None = None, extra_style: str = "", toc: bool | None = True
           ) -> dict[str, Path]:
    """Render the memo into ``folder``; ``style``: 'numbered' for the folder style beside it."""
    folder.mkdir(parents=True, exist_ok=True)
    if style:
        (folder / style).mkdir(exist_ok=True)
        (folder / style / "style.yaml").write_text(NUMBERED + extra_style, encoding="utf-8")
    src = folder / "memo.yaml"
    src.write_text(memo_yaml(style, toc), encoding="utf-8")
    result = render_memo(src, folder / "out")
    return {p.suffix[1:]: p for p in result.outputs}
