"""Sandboxed Jinja2 for author text: undefined names are errors, work and output are bounded.

The environment is immutable (no ``append``, no attribute writes), blocks
internal attributes (``__class__`` ...), refuses oversized repetition and
powers, gives ``range`` a per-text budget, and stops rendering once a text
grows past ``MAX_OUTPUT`` characters.
"""

from __future__ import annotations

import re
from contextvars import ContextVar
from functools import lru_cache
from typing import Any

from jinja2 import StrictUndefined, TemplateError, TemplateSyntaxError, UndefinedError
from jinja2.runtime import Undefined
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError
from jinja2.utils import missing

from memokit.errors import did_you_mean
from memokit.template.filters import FILTERS, FilterProblem

MAX_OUTPUT = 100_000  # characters one text field may expand to
MAX_RANGE = 10_000  # items one range() may have
MAX_RANGE_TOTAL = 100_000  # items all range() calls of one text may have together
MAX_ARG = 100_000  # largest number a string method may be given (ljust, center, ...)
MAX_ROWS_READ = 1_000_000  # data rows one text may iterate over, all loops together

SCOPE = ("memo", "data")

_context: ContextVar[dict[str, object] | None] = ContextVar("memokit_template_context", default=None)
_budget: ContextVar[list[int] | None] = ContextVar("memokit_range_budget", default=None)


class TemplateFailure(Exception):
    """A Jinja2 error in author text: what is wrong and what would be right, the line
    (from 1) inside that text, and a word to find the expression by."""

    def __init__(self, message: str, line: int = 1, needle: str | None = None):
        super().__init__(message)
        self.message = message
        self.line = line
        self.needle = needle


class _Undefined(StrictUndefined):
    """Undefined names say what exists instead (with "did you mean")."""

    @property
    def _undefined_message(self) -> str:
        if self._undefined_hint:
            return self._undefined_hint
        name, obj = self._undefined_name, self._undefined_obj
        if obj is missing:
            return (f"'{name}' is undefined{did_you_mean(str(name), SCOPE)}; the names in "
                    "scope are 'memo' and 'data'")
        if isinstance(obj, dict) and name in obj:
            return (f"'{name}' is a key here, not an attribute; write .{name} or ['{name}'] "
                    "(attr() reads attributes only)")
        if isinstance(obj, dict):
            ctx = _context.get() or {}
            what = ("data has no data set" if obj is ctx.get("data") else
                    "memo has no field" if obj is ctx.get("memo") else "there is no key")
            keys = [str(k) for k in obj]
            shown = ", ".join(keys[:15]) + (", ..." if len(keys) > 15 else "")
            return (f"{what} '{name}'{did_you_mean(str(name), keys)}; "
                    + (f"use one of: {shown}" if keys else "it is empty"))
        if isinstance(obj, (list, tuple)):
            return (f"there is no item {name!r} in a list of {len(obj)}; "
                    f"use an index from 0 to {len(obj) - 1}" if len(obj) else "the list is empty")
        kind = type(obj).__name__
        return f"a value of type {kind} has no attribute or item '{name}'; check the expression"


class Rows(list):  # type: ignore[type-arg]
    """A data set's rows as templates see them: a list whose iteration is budgeted per text,
    so nested loops over large data stop with an error instead of running for hours."""

    def __iter__(self):  # type: ignore[no-untyped-def]
        budget = _budget.get()
        if budget is not None:
            budget[1] += len(self)
            if budget[1] > MAX_ROWS_READ:
                raise TemplateFailure(f"the expressions in this text read more than "
                                      f"{MAX_ROWS_READ:,} data rows; loop over less data (no "
                                      "nested loops over large data sets)")
        return super().__iter__()


def _safe_range(*args: int) -> range:
    r = range(*args)
    budget = _budget.get() or [0, 0]
    budget[0] += len(r)
    if len(r) > MAX_RANGE or budget[0] > MAX_RANGE_TOTAL:
        raise TemplateFailure(f"range() is limited to {MAX_RANGE:,} items (and {MAX_RANGE_TOTAL:,} "
                              "in one text); loop over fewer items", needle="range")
    return r


class _Env(ImmutableSandboxedEnvironment):
    """Refuses oversized repetition (``'x' * 10**9``), huge powers and huge padding."""

    def call_binop(self, context, operator, left, right):  # type: ignore[no-untyped-def]
        if operator == "*":
            for a, b in ((left, right), (right, left)):
                if isinstance(a, (str, list, tuple)) and isinstance(b, int) and len(a) * b > MAX_OUTPUT:
                    raise TemplateFailure(f"this repetition would make more than {MAX_OUTPUT:,} "
                                          "characters or items; repeat less")
        if operator == "**" and isinstance(right, (int, float)) and abs(right) > 100:
            raise TemplateFailure("powers above 100 are not allowed in memo text; use a smaller "
                                  "power")
        return super().call_binop(context, operator, left, right)

    def getattr(self, obj: Any, attribute: str) -> Any:
        if isinstance(obj, Undefined):
            obj._fail_with_undefined_error()
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        if isinstance(obj, Undefined):
            obj._fail_with_undefined_error()
        return super().getitem(obj, argument)

    def call(__self, __context, __obj, *args, **kwargs):  # type: ignore[no-untyped-def]  # noqa: N805
        if isinstance(getattr(__obj, "__self__", None), str) and any(
                isinstance(a, int) and abs(a) > MAX_ARG for a in (*args, *kwargs.values())):
            raise TemplateFailure(f"a number above {MAX_ARG:,} cannot be passed to a text "
                                  "method; use a smaller number")
        return super().call(__context, __obj, *args, **kwargs)


@lru_cache(maxsize=1)
def _env() -> _Env:
    env = _Env(undefined=_Undefined, autoescape=False, keep_trailing_newline=True)
    env.intercepted_binops = frozenset({"*", "**"})
    env.filters.update(FILTERS)
    env.globals = {"range": _safe_range}
    return env


def _strip_dot(text: str) -> str:
    return text.strip().rstrip(".")


def render_text(text: str, context: dict[str, object]) -> str:
    """Render ``text`` if it contains Jinja2 syntax; raise TemplateFailure on any error."""
    if "{{" not in text and "{%" not in text and "{#" not in text:
        return text
    token_ctx, token_budget = _context.set(context), _budget.set([0, 0])
    try:
        return _render(text, context)
    finally:
        _context.reset(token_ctx)
        _budget.reset(token_budget)


def _render(text: str, context: dict[str, object]) -> str:
    env = _env()
    try:
        template = env.from_string(text)
    except TemplateSyntaxError as exc:
        m = re.match(r"No filter named '([^']+)'", exc.message or "")
        if m:
            names = sorted(_env().filters)
            raise TemplateFailure(
                f"there is no filter '{m.group(1)}'{did_you_mean(m.group(1), names)}; use e.g. "
                "number, percent, date, count, round, sum, max or min", exc.lineno or 1,
                m.group(1)) from None
        raise TemplateFailure(
            f"Jinja2 syntax error: {_strip_dot(exc.message or '')}; complete the expression "
            "between '{{' and '}}' (or '{%' and '%}')", exc.lineno or 1) from None
    parts: list[str] = []
    size = 0
    try:
        for chunk in template.generate(context):
            parts.append(chunk)
            size += len(chunk)
            if size > MAX_OUTPUT:
                raise TemplateFailure(f"the text grows longer than {MAX_OUTPUT:,} characters when "
                                      "its expressions run; make the loop or repetition smaller")
    except TemplateFailure as exc:
        if exc.line == 1:
            exc.line = _line_of(exc)
        raise
    except SecurityError as exc:
        msg = _strip_dot(str(exc))
        m = re.match(r"access to attribute '([^']+)' of '([^']+)' object is unsafe", msg)
        if m:
            raise TemplateFailure(
                f"'{m.group(1)}' is not allowed in memo text (the template sandbox blocks it); "
                "use data values and filters only", _line_of(exc),
                m.group(1)) from None
        raise TemplateFailure(f"not allowed in memo text: {msg}; use data values and filters "
                              "only", _line_of(exc)) from None
    except UndefinedError as exc:
        name = re.search(r"'([^']+)'", str(exc.message))
        raise TemplateFailure(_strip_dot(exc.message or "undefined value"), _line_of(exc),
                              name.group(1) if name else None) from None
    except FilterProblem as exc:
        raise TemplateFailure(str(exc), _line_of(exc)) from None
    except (TemplateError, TypeError, ValueError, ArithmeticError, LookupError,
            AttributeError, OverflowError, MemoryError, RecursionError) as exc:
        raise TemplateFailure(f"the expression failed ({type(exc).__name__}: {_strip_dot(str(exc))}); "
                              "check the values it uses", _line_of(exc)) from None
    return "".join(parts)


def _line_of(exc: BaseException) -> int:
    tb = exc.__traceback__
    line = 1
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line
