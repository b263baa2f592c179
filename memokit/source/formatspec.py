"""Checks for the format strings an author writes (``'{:,.1f}'``, Jinja2's ``'%5d' % x``).

A format spec can ask for any width or precision (``'{:>999999999}'`` builds a string
of a billion characters), and a ``str.format`` field can reach attributes
(``'{0.__class__}'``). Every format string from a memo, a data set or a template goes
through one of these checks before it is used.
"""

from __future__ import annotations

import re
from string import Formatter

MAX_FORMAT_WIDTH = 1_000  # largest width or precision a format may ask for
MAX_FORMAT_LENGTH = 1_000  # characters of one format string

# [[fill]align][sign]["z"]["#"]["0"][width][grouping]["." precision][type]
_SPEC = re.compile(r"(?:.?[<>=^])?[-+ ]?z?#?0?(?P<width>\d*)[,_]?(?:\.(?P<precision>\d+))?"
                   r"[bcdeEfFgGnosxX%]?", re.S)
_PERCENT = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(?P<width>\*|\d*)(?:\.(?P<precision>\*|\d*))?"
                      r"[hlL]?(?P<type>.)?", re.S)


def _too_big(width: str | None, precision: str | None) -> str | None:
    for what, digits in (("width", width), ("precision", precision)):
        if digits and (len(digits) > 6 or int(digits) > MAX_FORMAT_WIDTH):
            return (f"the {what} {int(digits):,} is above the limit of {MAX_FORMAT_WIDTH:,}; "
                    f"use a smaller {what}")
    return None


def spec_problem(spec: str) -> str | None:
    """Why a format spec (the part after ':') is refused, or None when it is fine."""
    if "{" in spec or "}" in spec:
        return "a format spec cannot hold nested '{...}' fields; write the width as a number"
    m = _SPEC.fullmatch(spec)
    if m is None:
        return None  # let Python say what is wrong with it
    return _too_big(m.group("width"), m.group("precision"))


def format_problem(fmt: str, one_value: bool = True) -> str | None:
    """Why a ``str.format`` string is refused (too long, a width or precision above the
    limit, and for ``one_value`` a field that reads an attribute, index or name); None when
    fine."""
    if len(fmt) > MAX_FORMAT_LENGTH:
        return f"the format is longer than {MAX_FORMAT_LENGTH:,} characters; shorten it"
    try:
        fields = list(Formatter().parse(fmt))
    except ValueError:
        return None  # a syntax error: Python's own message says what is wrong
    for _literal, name, spec, _conversion in fields:
        if name is None:
            continue
        if one_value and name not in ("", "0"):
            return (f"the field '{{{name}}}' names something other than the value; write '{{}}' "
                    "or '{:...}' with a format spec")
        problem = spec_problem(spec or "")
        if problem:
            return problem
    return None


def percent_problem(fmt: str) -> str | None:
    """Why a printf-style ``'%...' % value`` format is refused; None when fine."""
    for m in _PERCENT.finditer(fmt):
        if m.group("type") == "%":
            continue
        width, precision = m.group("width"), m.group("precision")
        if width == "*" or precision == "*":
            return "a '*' width or precision is not allowed in a format; write the number"
        problem = _too_big(width, precision)
        if problem:
            return problem
    return None


__all__ = ["MAX_FORMAT_WIDTH", "format_problem", "percent_problem", "spec_problem"]
