"""Generated hostile templates and data: within the bounds, each ends in success or a located
error, never an internal error."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from memokit.template import Rows, TemplateFailure, render_text
from memokit.template.sandbox import MAX_OUTPUT

CONTEXT = {"memo": {"title": "T", "date": dt.date(2026, 3, 14)},
           "data": {"s": Rows([{"n": i, "t": "ab" * i} for i in range(50)])}}

_ATOMS = ["1", "7", "99999", "10 ** 99", "'x'", "'%0999d'", "'{:>99999}'", "data.s", "memo.title",
          "[1, 2]", "s", "a", "range(100)", "'\\x07'"]
_BINOPS = ["+", "-", "*", "**", "%", "//", "~"]
_FILTERS = ["join", "length", "list", "string", "indent(99999)", "replace('x', 'xx')",
            "center(999)", "format(1)", "sum(attribute='n')", "first", "tojson"]


@st.composite
def expressions(draw: st.DrawFn, depth: int = 3) -> str:
    if depth == 0 or draw(st.booleans()):
        return draw(st.sampled_from(_ATOMS))
    kind = draw(st.sampled_from(["binop", "filter", "list", "method"]))
    left = draw(expressions(depth - 1))
    if kind == "binop":
        return f"({left} {draw(st.sampled_from(_BINOPS))} {draw(expressions(depth - 1))})"
    if kind == "filter":
        return f"({left} | {draw(st.sampled_from(_FILTERS))})"
    if kind == "list":
        return f"[{left}, {left}]"
    return f"({left}).{draw(st.sampled_from(['upper()', 'split()', 'ljust(99)', 'format(1)']))}"


@st.composite
def templates(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        shape = draw(st.sampled_from(["out", "set", "loop", "macro"]))
        e = draw(expressions())
        if shape == "out":
            parts.append(f"{{{{ {e} }}}}")
        elif shape == "set":
            parts.append(f"{{% set s = {e} %}}{{% set a = s %}}" * draw(st.integers(1, 30)))
        elif shape == "loop":
            n = draw(st.integers(1, 6))
            parts.append("".join(f"{{% for i{k} in data.s %}}" for k in range(n)) + f"{{{{ {e} }}}}"
                         + "{% endfor %}" * n)
        else:
            parts.append("{% macro f(n) %}{% if n %}{{ f(n-1) }}{{ f(n-1) }}{% endif %}"
                         f"{{% endmacro %}}{{{{ f({draw(st.integers(0, 60))}) }}}}")
    return "{% set s = 'x' %}{% set a = 1 %}" + "".join(parts)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(templates())
def test_a_generated_template_renders_or_fails_with_a_message(text: str) -> None:
    try:
        out = render_text(text, CONTEXT)
    except TemplateFailure as exc:
        assert exc.message and "; " in exc.message
        assert exc.line >= 1
    else:
        assert len(out) <= MAX_OUTPUT
