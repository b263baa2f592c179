"""Tables from data: the table's own filter/bin/group_by/aggregate, number formats, alignment."""

from __future__ import annotations

import datetime as dt
import textwrap
from collections import Counter
from pathlib import Path

import pytest

from memokit.errors import ContentError
from memokit.model.nodes import Table
from memokit.model.walk import iter_inlines, tables
from memokit.resolve import load_memo

REGIONS = ("North", "Delta", "Capital")


def events_csv(path: Path) -> list[tuple[dt.date, str, int]]:
    rows = [(dt.date(2023 + i % 3, 1 + i % 12, 1 + i % 28), REGIONS[i % 3 if i % 7 else 0], (i * 37) % 900)
            for i in range(3000)]
    path.write_text("event_date,region,fatalities\n" + "".join(f"{d},{r},{f}\n" for d, r, f in rows),
                    encoding="utf-8")
    return rows


def memo(tmp_path: Path, table: str) -> Path:
    events_csv(tmp_path / "events.csv")
    body = textwrap.indent(textwrap.dedent(table).strip(), " " * 10)
    p = tmp_path / "memo.yaml"
    p.write_text(f"""\
title: Tables
authors: A. Author
date: 2026-01-01
data:
  events:
    file: events.csv
sections:
  - heading: One
    body:
      - table:
          id: t
          caption: A table
{body}
""", encoding="utf-8")
    return p


def text(cells: tuple) -> str:  # type: ignore[type-arg]
    return "".join(i.text for i in iter_inlines(cells) if hasattr(i, "text"))


def load_table(tmp_path: Path, table: str) -> tuple[list[str], list[list[str]], Table]:
    t = tables(load_memo(memo(tmp_path, table)).memo)[0]
    return [text(h) for h in t.header], [[text(c) for c in r] for r in t.rows], t


def test_table_aggregates_its_data_set_with_separators_and_years_as_written(tmp_path: Path) -> None:
    header, rows, t = load_table(tmp_path, """\
        data: events
        filter: {region: [North, Delta]}
        bin: {column: event_date, by: year, as: year}
        group_by: [region, year]
        aggregate: {events: count, deaths: sum(fatalities)}
        columns: [year, region, events, deaths]
        """)
    raw = events_csv(tmp_path / "again.csv")
    counts = Counter((r, d.year) for d, r, _ in raw if r in ("North", "Delta"))
    deaths = Counter()
    for d, r, f in raw:
        if r in ("North", "Delta"):
            deaths[(r, d.year)] += f
    assert header == ["year", "region", "events", "deaths"]
    want = sorted([[str(y), r, f"{counts[(r, y)]:,}", f"{deaths[(r, y)]:,}"]
                   for r in ("North", "Delta") for y in (2023, 2024, 2025)],  # no events: 0
                  key=lambda row: (row[1], row[0]))
    assert sorted(rows, key=lambda row: (row[1], row[0])) == want
    assert any("," in row[3] for row in rows)  # thousands separated
    assert all("," not in row[0] for row in rows)  # years are not
    assert t.align == ("left", "left", "right", "right")  # binned years are dates


def test_the_data_set_itself_is_unchanged_for_other_uses(tmp_path: Path) -> None:
    p = memo(tmp_path, "data: events\naggregate: {n: count}")
    m = load_memo(p).memo
    assert len(m.data["events"].rows) == 3000
    assert [[text(c) for c in r] for r in tables(m)[0].rows] == [["3,000"]]


def test_format_per_column(tmp_path: Path) -> None:
    header, rows, _ = load_table(tmp_path, """\
        data: events
        group_by: [region]
        aggregate: {events: count, mean: mean(fatalities), share: mean(fatalities)}
        format: {mean: "{:.1f}", share: percent, events: "{:,} events"}
        """)
    raw = events_csv(tmp_path / "again.csv")
    north = [f for _, r, f in raw if r == "North"]
    row = next(r for r in rows if r[0] == "North")
    assert row == ["North", f"{len(north):,} events", f"{sum(north) / len(north):.1f}",
                   f"{sum(north) / len(north):.0%}"]


def test_year_like_integers_are_not_separated_even_without_the_name(tmp_path: Path) -> None:
    _, rows, _ = load_table(tmp_path, """\
        rows:
          - [Launched, Staff, Code]
          - [1999, 12500, 1234]
          - [2024, 800, 5]
        """)
    assert rows == [["1999", "12,500", "1,234"], ["2024", "800", "5"]]


@pytest.mark.parametrize(("table", "where", "says"), [
    ("data: events\nformat: {fatalites: '{:,}'}", "table.format.fatalites",
     "'fatalites' is not a column of this table (did you mean 'fatalities'?)"),
    ("data: events\nformat: {fatalities: '{:,.q}'}", "table.format.fatalities", "is not a number format"),
    ("data: events\ngroup_by: [regon]\naggregate: {n: count}", "table.group_by[0]",
     "column 'regon' is not in the data (did you mean 'region'?)"),
    ("data: events\nfilter: {region: Nowhere}", "table.filter", "no rows are left after filtering"),
    ("data: events\nbin: {column: region, by: year}", "table.bin.column", "which is not a date"),
])
def test_table_errors_are_located_at_the_table_option(tmp_path: Path, table: str, where: str,
                                                      says: str) -> None:
    with pytest.raises(ContentError) as info:
        load_memo(memo(tmp_path, table))
    (msg,) = [d.format() for d in info.value.diagnostics]
    assert f"sections[0].body[0].{where}:" in msg and says in msg, msg
