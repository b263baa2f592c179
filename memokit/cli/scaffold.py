"""``memokit new PATH``: a memo folder that renders as it is, every field explained."""

from __future__ import annotations

import json
import os
from pathlib import Path

from memokit.errors import UsageError

SCHEMA_NAME = "memo.schema.json"

_MEMO = """\
# yaml-language-server: $schema=./{schema}
# A new memo. Render it with:  memokit render memo.yaml -o output
# Every key is explained in the comment beside it; delete what you do not need.
memokit: 1                          # format version (optional)
title: A title that states the finding   # required; plain text
subtitle: One line that adds the context # optional
authors:                            # required: a name, or a list of names or {{name, affiliation, email}}
  - name: A. N. Author
    affiliation: {institute}
date: {date}                        # required, ISO date; the house style decides how it is shown
number: "0001"                      # optional memo number (quoted: it is text)
series: Working memos               # optional series name, shown above the title
project: P00001                     # optional project code
approved_by: C. Editor              # optional
language: en-GB                     # labels, dates, numbers, hyphenation: en-GB, sv, fr, de, ...
keywords: [example]                 # optional, stored in the document properties
style: {style}                      # a built-in house style ({styles}) or a style folder
toc: false                          # true: a table of contents after the lede
# Citations: name a bibliography file beside this memo (BibTeX .bib, CSL-JSON .json or CSL-YAML
# .yaml, as Zotero exports them), then cite in text: [@key], [@key, p. 12], [see @a; @b].
# bibliography: sources.bib
# citation_style: chicago-notes     # chicago-notes(-ibid), chicago-author-date, apa, harvard, or a .csl file
# references: true                  # false: no bibliography after the last section

lede: >                             # the bold standfirst under the title: what the memo says, in brief
  One paragraph that tells a busy reader what this memo finds and why it matters.

data:                               # named data sets; paths are relative to this file
  events:
    file: data/events.csv           # csv, json or yaml
    group_by: [year, region]        # optional: group rows ...
    aggregate: {{events: sum(events)}}  # ... and add them up: count | sum(col) | mean(col)

sections:                           # required: at least one
  - heading: What the data show     # plain text
    body:                           # paragraphs in Markdown, figures, tables and boxes
      - |
        Paragraphs are Markdown: *emphasis*, **strong**, [links](https://example.org) and
        footnotes.^[Like this one.] Cross-references such as @fig:events become "Figure 1".
        The data hold {{{{ data.events | sum(attribute='events') }}}} events in all.
      - figure:
          id: events                # the name @fig:events refers to
          caption: Events by region and year   # inline Markdown
          data: events              # a named data set above
          chart: grouped-bar        # line, bar, barh, grouped-bar, stacked-bar, area, stacked-area, scatter
          x: year
          y: events
          series: region            # one bar per region
          source: Invented example data   # printed as "Source: ..."
          alt: Bars per year for the north and the south; both regions see more events each year.
      # A picture file is a figure too (numbered, referred to as @fig:id): put the file
      # beside this memo and uncomment these lines. PNG or JPEG (200 dpi at its printed
      # width: about 640 pixels wide for a column) or SVG.
      # - figure:
      #     id: region-map
      #     image: maps/region.png    # .png, .jpg or .svg, relative to this file
      #     caption: The two regions
      #     alt: Map of the north and the south, the border between them in red
      #     width: column             # or page
  - heading: What follows
    id: next-steps                  # optional: the name @sec:next-steps refers to
    body:
      - |
        - a bullet list,
        - and another point, with the data described in @sec:about-data.
      - box:                        # a shaded panel set apart from the text
          id: advice                # the name @box:advice refers to ("Box 1")
          title: What we advise     # inline Markdown
          kind: recommendations     # findings, recommendations or note
          body:                     # Markdown paragraphs and lists (no figures or tables)
            - Act on the northern trend first.

appendix:                           # optional: appendices after the main text ("Appendix A: ...")
  - heading: About the data
    id: about-data
    body:
      - The events were counted by hand; figures and tables here are numbered A.1, A.2, ...
"""

_CSV = """year,region,events
2023,North,12
2023,South,7
2024,North,15
2024,South,9
2025,North,19
2025,South,13
"""


def new_memo(folder: Path, style: str = "memo") -> list[Path]:
    """Write ``folder/memo.yaml``, its schema and ``data/events.csv``; return the files written.

    Refuses (UsageError) when ``folder/memo.yaml`` exists, and for an unknown style.
    """
    import datetime as dt

    from memokit.load.schema import json_schema
    from memokit.style import builtin_styles, load_style, style_folder, unknown_style_message

    memo = folder / "memo.yaml"
    if memo.exists():
        raise UsageError(f"{memo} exists; memokit new does not overwrite a memo")
    found = style_folder(style)  # a built-in name, or a folder as given on the command line
    if found is None:
        raise UsageError(unknown_style_message(style))
    theme = load_style(found.resolve())
    if style not in builtin_styles():  # the memo names its style folder relative to itself
        style = Path(os.path.relpath(found.resolve(), folder.resolve())).as_posix()
        if style.startswith(".."):  # the loader accepts only style folders inside the memo's tree
            raise UsageError(f"the style folder {found} is outside {folder}; a memo names a built-in "
                             "style or a style folder inside its own folder (or render it with --style)")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "data").mkdir(exist_ok=True)
    schema = folder / SCHEMA_NAME
    schema.write_text(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    csv = folder / "data" / "events.csv"
    if not csv.exists():
        csv.write_text(_CSV, encoding="utf-8")
    memo.write_text(_MEMO.format(schema=SCHEMA_NAME, institute=theme.institute, style=style,
                                 styles=", ".join(builtin_styles()), date=dt.date.today().isoformat()),
                    encoding="utf-8")
    return [memo, schema, csv]
