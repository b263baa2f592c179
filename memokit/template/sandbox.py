"""Sandboxed Jinja2 for author text: undefined names are errors, output is bounded."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from jinja2 import StrictUndefined, TemplateError, TemplateSyntaxError, UndefinedError
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

MAX_OUTPUT = 100_000  # characters one text field may expand to
MAX_RANGE = 10_000


class TemplateFailure(Exception):
    """A Jinja2 error in author text, with the line (from 1) inside that text."""

    def __init__(self, message: str, line: int = 1):
        super().__init__(message)
        self.message = message
        self.line = line


def _number(value: object, digits: int = 0) -> str:
    """Thousands separators and fixed decimals: 12345.6 -> '12,346'."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TemplateFailure(f"'number' needs a number, got {value!r}")
    return f"{value:,.{digits}f}"


def _percent(value: object, digits: int = 0) -> str:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TemplateFailure(f"'percent' needs a number, got {value!r}")
    return f"{value * 100:.{digits}f}%"


def _count(value: object) -> int:
    return len(list(value))  # type: ignore[call-overload]


def _safe_range(*args: int) -> range:
    r = range(*args)
    if len(r) > MAX_RANGE:
        raise TemplateFailure(f"range() is limited to {MAX_RANGE} items")
    return r


def _date(value: object, fmt: str = "%d %B %Y") -> str:
    if not isinstance(value, dt.date):
        raise TemplateFailure(f"'date' needs a date, got {value!r}")
    return value.strftime(fmt)


class _Env(ImmutableSandboxedEnvironment):
    """Refuses oversized string/list repetition too (``'x' * 10**9``)."""

    def call_binop(self, context, operator, left, right):  # type: ignore[override]
        if operator == "*":
            for a, b in ((left, right), (right, left)):
                if isinstance(a, (str, list, tuple)) and isinstance(b, int) and len(a) * b > MAX_OUTPUT:
                    raise SecurityError("the result would be too large")
        if operator == "**" and isinstance(right, (int, float)) and right > 100:
            raise SecurityError("the power is too large")
        return super().call_binop(context, operator, left, right)


@lru_cache(maxsize=1)
def _env() -> _Env:
    env = _Env(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=True)
    env.intercepted_binops = frozenset({"*", "**"})
    env.filters.update(number=_number, percent=_percent, count=_count, date=_date)
    env.globals = {"range": _safe_range}
    return env


def render_text(text: str, context: dict[str, object]) -> str:
    """Render ``text`` if it contains Jinja2 syntax; raise TemplateFailure on any error."""
    if "{{" not in text and "{%" not in text and "{#" not in text:
        return text
    env = _env()
    try:
        out = env.from_string(text).render(context)
    except TemplateSyntaxError as exc:
        raise TemplateFailure(f"Jinja2 syntax error: {exc.message}", exc.lineno or 1) from None
    except UndefinedError as exc:
        raise TemplateFailure(f"Jinja2: {exc.message}", _line_of(exc)) from None
    except SecurityError as exc:
        raise TemplateFailure(f"Jinja2: not allowed in the sandbox: {exc}", _line_of(exc)) from None
    except TemplateFailure:
        raise
    except (TemplateError, TypeError, ValueError, ArithmeticError, LookupError,
            AttributeError, OverflowError, MemoryError, RecursionError) as exc:
        raise TemplateFailure(f"Jinja2: {type(exc).__name__}: {exc}", _line_of(exc)) from None
    if len(out) > MAX_OUTPUT:
        raise TemplateFailure(f"Jinja2 output is longer than {MAX_OUTPUT} characters")
    return out


def _line_of(exc: BaseException) -> int:
    tb = exc.__traceback__
    line = 1
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line
