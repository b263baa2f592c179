"""Hostile inputs for the bounds: each a memo (and its data files) that must end in seconds
with one located error, exit 1, and no output. Generated here, never read from elsewhere."""

from __future__ import annotations

HEAD = "title: T\nauthors: [A]\ndate: 2026-03-14\n"
DATA_CSV = "data:\n  s: {file: s.csv}\n"
SMALL_CSV = "year,n\n2020,1\n2021,2\n"


def memo(body: str, extra: str = "") -> str:
    """A memo whose first section's body is ``body`` (list items, indented six spaces)."""
    return HEAD + extra + "sections:\n  - heading: H\n    body:\n" + body


def para(text: str) -> str:
    return memo(f"      - \"{text}\"\n")


def _nested_loops(n: int) -> str:
    return para("".join(f"{{% for i{k} in 'abcdefghij' %}}" for k in range(n))
                + "{% endfor %}" * n + "x")


def _yaml_bomb() -> str:
    lines = ["- &a [x, x, x, x, x, x, x, x, x]"]
    for k in range(1, 9):
        prev = chr(ord("a") + k - 1)
        lines.append(f"- &{chr(ord('a') + k)} [" + ", ".join(f"*{prev}" for _ in range(9)) + "]")
    return "\n".join(lines) + "\n"


# name -> (memo text, data files, expected located prefix, a fragment of the message)
CASES: dict[str, tuple[str, dict[str, str], str, str]] = {
    # Jinja work budget
    "jinja-double-recursive-macro": (
        para("{% macro f(n) %}{% if n %}{{ f(n-1) }}{{ f(n-1) }}{% endif %}{% endmacro %}"
             "{{ f(40) }}"), {}, "memo.yaml:7:10: error: sections[0].body[0]:",
        "more than 200,000 steps"),
    "jinja-deep-recursion": (
        para("{% macro f(n) %}{{ f(n+1) }}{% endmacro %}{{ f(0) }}"), {},
        "memo.yaml:7:10: error: sections[0].body[0]:", "more than 50 deep"),
    "jinja-ten-nested-loops": (
        _nested_loops(10), {}, "memo.yaml:7:10: error: sections[0].body[0]:",
        "more than 200,000 steps"),
    "jinja-squaring-chain": (
        para("{% set a = 3 %}" + "{% set a = a*a %}" * 40 + "{{ a }}"), {},
        "memo.yaml:7:10: error: sections[0].body[0]:", "past 10,000 bits"),
    "jinja-power-of-big-number": (
        para("{% set a = 10 ** 99 %}{% set a = a ** 99 %}{{ a }}"), {},
        "memo.yaml:7:10: error: sections[0].body[0]:", "past 10,000 bits"),
    "jinja-percent-width": (
        para("{{ '%0999999999d' % 1 }}"), {}, "memo.yaml:7:10: error: sections[0].body[0]:",
        "the width 999,999,999 is above the limit of 1,000"),
    "jinja-percent-star": (
        para("{{ '%*d' % (999999999, 1) }}"), {}, "memo.yaml:7:10: error: sections[0].body[0]:",
        "'*' width or precision is not allowed"),
    "jinja-format-method-width": (
        para("{{ '{:>999999999}'.format(1) }}"), {},
        "memo.yaml:7:10: error: sections[0].body[0]:",
        "the width 999,999,999 is above the limit of 1,000"),
    "jinja-format-filter-precision": (
        para("{{ '%.999999999f' | format(1) }}"), {},
        "memo.yaml:7:10: error: sections[0].body[0]:",
        "the precision 999,999,999 is above the limit of 1,000"),
    "jinja-indent-huge": (
        para("{{ 'a\\\\nb' | indent(999999999) }}"), {},
        "memo.yaml:7:10: error: sections[0].body[0]:", "a number above 100,000"),
    "jinja-center-huge": (
        para("{{ 'a' | center(999999999) }}"), {}, "memo.yaml:7:10: error: sections[0].body[0]:",
        "a number above 100,000"),
    "jinja-join-doubling": (
        para("{% set s = ['x'] %}" + "{% set s = [s|join, s|join] %}" * 40 + "{{ s|length }}"),
        {}, "memo.yaml:7:10: error: sections[0].body[0]:", "grows past 1,000,000 characters"),
    "jinja-tilde-doubling": (
        para("{% set s = 'x' %}" + "{% set s = s ~ s %}" * 40 + "{{ s|length }}"), {},
        "memo.yaml:7:10: error: sections[0].body[0]:", "grows past 1,000,000 characters"),
    "jinja-plus-doubling": (
        para("{% set s = 'x' %}" + "{% set s = s + s %}" * 40 + "{{ s|length }}"), {},
        "memo.yaml:7:10: error: sections[0].body[0]:", "grows past 1,000,000 characters"),
    "jinja-replace-doubling": (
        para("{% set s = 'xx' %}" + "{% set s = s|replace('x', s) %}" * 30 + "{{ s|length }}"),
        {}, "memo.yaml:7:10: error: sections[0].body[0]:", "grows past 1,000,000 characters"),
    "jinja-replace-method-doubling": (
        para("{% set s = 'xx' %}" + "{% set s = s.replace('x', s) %}" * 30 + "{{ s|length }}"),
        {}, "memo.yaml:7:10: error: sections[0].body[0]:", "grows past 1,000,000 characters"),
    "jinja-nested-list-doubling": (
        para("{% set a = [1] %}" + "{% set a = [a, a] %}" * 40 + "{{ a }}"), {},
        "memo.yaml:7:10: error: sections[0].body[0]:", "grows past 1,000,000 characters"),
    "jinja-control-character": (
        para("{{ '\\\\x07' }}"), {}, "memo.yaml:7:10: error: sections[0].body[0]:",
        "produce a character no text may hold: control character U+0007"),
    "jinja-percent-c-control": (
        para("{{ '%c' % 7 }}"), {}, "memo.yaml:7:10: error: sections[0].body[0]:",
        "control character U+0007"),
    "jinja-lone-surrogate": (
        para("{{ '\\\\ud800' }}"), {}, "memo.yaml:7:10: error: sections[0].body[0]:",
        "U+D800 is half of a surrogate pair"),
    # format widths
    "table-format-width": (
        memo("      - table: {id: t, caption: C, data: s, format: {n: '{:>99999999}'}}\n",
             DATA_CSV), {"s.csv": SMALL_CSV},
        "memo.yaml:9:57: error: sections[0].body[0].table.format.n:",
        "the width 99,999,999 is above the limit of 1,000"),
    "table-format-attribute": (
        memo("      - table: {id: t, caption: C, data: s, format: {n: '{0.__class__}'}}\n",
             DATA_CSV), {"s.csv": SMALL_CSV},
        "memo.yaml:9:57: error: sections[0].body[0].table.format.n:",
        "names something other than the value"),
    "figure-y-format-precision": (
        memo("      - figure: {id: f, caption: C, data: s, chart: line, x: year, y: n, "
             "y_format: '{:.99999999f}'}\n", DATA_CSV), {"s.csv": SMALL_CSV},
        "memo.yaml:9:84: error: sections[0].body[0].figure.y_format:",
        "the precision 99,999,999 is above the limit of 1,000"),
    # data
    "data-yaml-alias-bomb": (
        memo("      - x\n", "data:\n  s: {file: s.yaml}\n"), {"s.yaml": _yaml_bomb()},
        "s.yaml:1:1: error: data.s:", "more than 200,000 values through YAML aliases"),
    "data-json-nested-5000": (
        memo("      - x\n", "data:\n  s: {file: s.json}\n"), {"s.json": "[" * 5000 + "]" * 5000},
        "s.json:1:101: error: data.s:", "nested more than 100 levels deep"),
    "data-yaml-nested-5000": (
        memo("      - x\n", "data:\n  s: {file: s.yaml}\n"), {"s.yaml": "[" * 5000 + "]" * 5000},
        "s.yaml:1:101: error: data.s:", "nested more than 100 levels deep"),
    "data-csv-cell-over-field-limit": (
        memo("      - x\n", DATA_CSV), {"s.csv": "year,n\n2020,\"" + "a" * 140_000 + "\"\n"},
        "s.csv:2:1: error: data.s:", "a cell is longer than 131,072 characters"),
    "data-number-1e309": (
        memo("      - x\n", DATA_CSV), {"s.csv": "year,n\n2020,1e309\n"},
        "s.csv:2:6: error: data.s:", "'1e309' is larger than 1e+300"),
    "data-json-nan": (
        memo("      - x\n", "data:\n  s: {file: s.json}\n"),
        {"s.json": '[{"year": 2020, "n": NaN}]'}, "s.json:1:1: error: data.s:",
        "nan is not a finite number"),
    "data-5000-digit-integer": (
        memo("      - x\n", DATA_CSV), {"s.csv": "year,n\n2020," + "9" * 5000 + "\n"},
        "s.csv:2:6: error: data.s:", "has 5,000 digits, more than 300"),
    "data-path-with-nul": (
        memo("      - x\n", "data:\n  s: {file: \"a\\0.csv\"}\n"), {},
        "memo.yaml:5:13: error: data.s.file:", "control character U+0000"),
    # memo content
    "memo-nested-5000": (
        HEAD + "x: " + "[" * 5000 + "]" * 5000 + "\nsections: []\n", {},
        "memo.yaml:4:103: error:", "nested more than 100 levels deep"),
    "markdown-emphasis-5000": (
        para("*" * 5000 + "x" + "*" * 5000), {}, "memo.yaml:7:10: error: sections[0].body[0]:",
        "nested more than 20 deep"),
    "lede-emphasis-5000": (
        HEAD + 'lede: "' + "_" * 5000 + "x" + "_" * 5000 + '"\n' + "sections:\n  - heading: H\n"
        "    body: [x]\n", {}, "memo.yaml:4:8: error: lede:", "nested more than 20 deep"),
    "paragraph-1mb": (
        para(" ".join(["lorem ipsum dolor sit amet"] * 40_000)), {},
        "memo.yaml:7:10: error: sections[0].body[0]:",
        "a paragraph of 1,079,999 characters, more than the limit of 20,000"),
    "table-100000-rows": (
        memo("      - table: {id: t, caption: C, data: s}\n", DATA_CSV),
        {"s.csv": "year,n\n" + "".join(f"{2000 + i % 50},{i}\n" for i in range(100_000))},
        "memo.yaml:9:42: error: sections[0].body[0].table.data:",
        "100,000 rows, more than the limit of 5,000"),
    "table-60-columns": (
        memo("      - table: {id: t, caption: C, data: s}\n", DATA_CSV),
        {"s.csv": ",".join(f"c{i}" for i in range(60)) + "\n" + ",".join("1" * 60) + "\n"},
        "memo.yaml:9:42: error: sections[0].body[0].table.data:",
        "60 columns, more than the limit of 20"),
    "table-cell-2000-character-word": (
        memo("      - table: {id: t, caption: C, rows: [[a, b], [x, " + "W" * 2000 + "]]}\n"), {},
        "memo.yaml:7:55: error: sections[0].body[0].table.rows[1][1]:",
        "2,000 characters, more than the limit of 1,000"),
    "heading-2000-character-word": (
        HEAD + "sections:\n  - heading: " + "W" * 2000 + "\n    body: [x]\n", {},
        "memo.yaml:5:314: error: sections[0].heading:", "more than the limit of 300"),
    "title-2000-character-word": (
        HEAD.replace("title: T", "title: " + "W" * 2000) + "sections:\n  - heading: H\n"
        "    body: [x]\n", {}, "memo.yaml:1:308: error: title:", "more than the limit of 300"),
    "escaped-noncharacter": (
        para("a\\uFFFEb"), {}, "memo.yaml:7:11: error: sections[0].body[0]:",
        "U+FFFE is not a character"),
    "escaped-surrogate-in-author": (
        HEAD.replace("authors: [A]", 'authors: ["A\\ud800"]') + "sections:\n  - heading: H\n"
        "    body: [x]\n", {}, "memo.yaml:2:13: error: authors[0]:", "U+D800"),
    "date-2108": (
        HEAD.replace("2026-03-14", "2108-01-01") + "sections:\n  - heading: H\n    body: [x]\n",
        {}, "memo.yaml:3:7: error: date:", "the year 2108 is after 2107"),
    # a bibliography: its entries, its nesting and its YAML are bounded
    "bibliography-10001-entries": (
        memo("      - See [@k1].\n", "bibliography: refs.json\n"),
        {"refs.json": "[" + ",".join(f'{{"id": "k{i}", "type": "book"}}' for i in range(10_001)) + "]"},
        "memo.yaml:4:15: error: bibliography:", "more than the limit of 10,000"),
    "bibliography-deep-braces": (
        memo("      - See [@a].\n", "bibliography: refs.bib\n"),
        {"refs.bib": "@book{a, title = " + "{" * 5000 + "x" + "}" * 5000 + "}\n"},
        "refs.bib:1:1: error: bibliography:", "nested more than 50 deep"),
    "bibliography-deep-json": (
        memo("      - See [@a].\n", "bibliography: refs.json\n"),
        {"refs.json": "[" * 100_000 + "]" * 100_000}, "refs.json:1:1: error: bibliography:",
        "nested too deeply"),
    "bibliography-yaml-bomb": (
        memo("      - See [@a].\n", "bibliography: refs.yaml\n"), {"refs.yaml": _yaml_bomb()},
        "refs.yaml:", "YAML aliases"),
}
