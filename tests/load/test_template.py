"""The Jinja2 sandbox on its own: the filters authors use, and the limits that keep a memo from
escaping the sandbox or running for ever."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from memokit.template import Rows, TemplateFailure, render_text

CONTEXT = {
    "memo": {"title": "T", "date": dt.date(2026, 3, 14)},
    "data": {"people": Rows([{"year": 2020, "staff": 5}, {"year": 2021, "staff": 12345.6}]),
             "big": Rows([{"n": i} for i in range(5000)])},
}


@pytest.mark.parametrize(("text", "expected"), [
    ("{{ data.people | sum(attribute='staff') | number }}", "12,351"),
    ("{{ 0.25 | number(2) }}", "0.25"),
    ("{{ 0.256 | percent }} / {{ 0.256 | percent(1) }}", "26% / 25.6%"),
    ("{{ memo.date | date('%B %Y') }}", "March 2026"),
    ("{{ memo.date | date }}", "14 March 2026"),
    ("{{ data.people | count }} rows", "2 rows"),
    ("{{ (data.people | first).year }}", "2020"),
    ("{{ data.big | selectattr('n', 'lt', 3) | map(attribute='n') | join(', ') }}", "0, 1, 2"),
    ("R&D < {{ 1 + 1 }}", "R&D < 2"),
    ("no expressions: {not jinja}", "no expressions: {not jinja}"),
    ("{{ '{{' }}", "{{"),
])
def test_filters_and_expressions(text: str, expected: str) -> None:
    assert render_text(text, CONTEXT) == expected


@pytest.mark.parametrize(("text", "message"), [
    ("{{ ''.__class__.__mro__ }}", "'__class__' is not allowed in memo text"),
    ("{{ cycler.__init__.__globals__ }}", "'cycler' is undefined"),
    ("{{ lipsum.__globals__ }}", "'lipsum' is undefined"),
    ("{{ data.people.append(1) }}", "'append' is not allowed in memo text"),
    ("{{ '{0.__class__}'.format(1) }}", "'__class__' is not allowed in memo text"),
    ("{{ 'a' * 10**9 }}", "this repetition would make more than 100,000 characters"),
    ("{{ 2 ** 1000 }}", "powers above 100 are not allowed"),
    ("{{ ''.ljust(10**9) }}", "a number above 100,000 cannot be passed to a text method"),
    ("{% for i in range(10**9) %}x{% endfor %}", "range() is limited to 10,000 items"),
    ("{% for i in range(9000) %}{% for j in range(9000) %}{% endfor %}{% endfor %}",
     "range() is limited"),
    ("{% for i in range(9999) %}{{ 'x' * 99 }}{% endfor %}", "longer than 100,000 characters"),
    ("{% for a in data.big %}{% for b in data.big %}{% endfor %}{% endfor %}",
     "take more than 200,000 steps"),
    ("{{ 'x' | number }}", "the 'number' filter needs a number, got 'x'"),
    ("{{ data.people | nofilter }}", "there is no filter 'nofilter'"),
    ("{{ data.peple }}", "data has no data set 'peple' (did you mean 'people'?)"),
    ("{{ data.people | first | attr('staff') }}", "'staff' is a key here, not an attribute"),
])
def test_the_sandbox_refuses_quickly_with_a_clear_message(text: str, message: str) -> None:
    start = time.perf_counter()
    with pytest.raises(TemplateFailure) as caught:
        render_text(text, CONTEXT)
    assert time.perf_counter() - start < 30  # ends, not hangs (speeds are in bench/bounds_bench.py)
    assert message in caught.value.message
    assert "; " in caught.value.message  # what is wrong; what would be right


def test_the_line_of_the_failing_expression_is_reported() -> None:
    with pytest.raises(TemplateFailure) as caught:
        render_text("one\ntwo\nthree {{ nope }}", CONTEXT)
    assert (caught.value.line, caught.value.needle) == (3, "nope")
