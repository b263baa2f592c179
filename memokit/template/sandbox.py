"""Sandboxed Jinja2 for author text: undefined names are errors, work and output are bounded.

The environment is immutable (no ``append``, no attribute writes), blocks
internal attributes (``__class__`` ...), refuses oversized repetition and
powers, gives ``range`` a per-text budget, and stops rendering once a text
grows past ``MAX_OUTPUT`` characters.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from typing import Any

from jinja2 import StrictUndefined, TemplateError, TemplateSyntaxError, UndefinedError, nodes
from jinja2.runtime import Undefined
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError
from jinja2.utils import missing
from jinja2.visitor import NodeTransformer

from memokit.errors import did_you_mean
from memokit.source.formatspec import format_problem, percent_problem
from memokit.template.filters import FILTERS, FilterProblem

MAX_OUTPUT = 100_000  # characters one text field may expand to
MAX_RANGE = 10_000  # items one range() may have
MAX_RANGE_TOTAL = 100_000  # items all range() calls of one text may have together
MAX_ARG = 100_000  # largest number a filter or string method may be given (indent, center, ...)
MAX_ROWS_READ = 1_000_000  # data rows one text may iterate over, all loops together
MAX_OPERATIONS = 200_000  # steps one text may take: loop iterations, calls, filters, operators
MAX_MEMO_OPERATIONS = 2_000_000  # steps all texts of one memo may take together
MAX_DEPTH = 50  # macro and function calls one inside the other
MAX_VALUE = 1_000_000  # characters or items of any value a text builds along the way
MAX_INT_BITS = 10_000  # bits of the largest whole number a text may compute (about 3,000 digits)

SCOPE = ("memo", "data")

_context: ContextVar[dict[str, object] | None] = ContextVar("memokit_template_context", default=None)
_budget: ContextVar[_Budget | None] = ContextVar("memokit_template_budget", default=None)
_memo_steps: ContextVar[list[int] | None] = ContextVar("memokit_memo_steps", default=None)


@contextmanager
def one_memo() -> Iterator[None]:
    """Render the texts of one memo: their steps count against one budget together."""
    token = _memo_steps.set([0])
    try:
        yield
    finally:
        _memo_steps.reset(token)


class _Budget:
    """The work one text has done so far: steps, call depth, range items, data rows read,
    and the size of every list or mapping it built (so ``[a, a]`` nested 40 deep is seen
    as the billion items it prints as)."""

    __slots__ = ("depth", "memo", "ops", "range_items", "rows", "sizes")

    def __init__(self) -> None:
        self.memo = _memo_steps.get()
        self.ops = 0
        self.depth = 0
        self.range_items = 0
        self.rows = 0
        self.sizes: dict[int, tuple[object, int]] = {}

    def tick(self, n: int = 1) -> None:
        self.ops += n
        if self.ops > MAX_OPERATIONS:
            raise TemplateFailure(
                f"the expressions in this text take more than {MAX_OPERATIONS:,} steps (loop "
                "iterations, calls, filters and operators); loop over less, or compute less")
        if self.memo is not None and self.ops & 1023 == 0:
            self._spend(1024)

    def _spend(self, n: int) -> None:
        assert self.memo is not None
        self.memo[0] += n
        if self.memo[0] > MAX_MEMO_OPERATIONS:
            raise TemplateFailure(
                f"the expressions of this memo take more than {MAX_MEMO_OPERATIONS:,} steps "
                "together (loop iterations, calls, filters and operators); compute less, or "
                "move the work into the data files")

    def close(self) -> None:
        """Count what is left of this text's steps against the memo's budget."""
        if self.memo is not None:
            self.memo[0] += self.ops & 1023

    def size(self, value: object) -> int:
        """Characters or items of a value, counting what a list or mapping built here holds."""
        if isinstance(value, str):
            return len(value)
        known = self.sizes.get(id(value))
        if known is not None and known[0] is value:
            return known[1]
        if isinstance(value, (list, tuple, dict)):
            return len(value)
        if isinstance(value, int) and not isinstance(value, bool):
            return value.bit_length() // 64
        return 1

    def check(self, value: object) -> object:
        """``value``, after checking that it is not too big to keep working with."""
        if isinstance(value, int) and not isinstance(value, bool):
            if value.bit_length() > MAX_INT_BITS:
                raise TemplateFailure(
                    f"a number in this text grows past {MAX_INT_BITS:,} bits (about 3,000 "
                    "digits); compute with smaller numbers")
            return value
        if isinstance(value, str):
            if len(value) > MAX_VALUE:
                raise _too_long()
            return value
        if isinstance(value, (list, tuple, dict)) and id(value) not in self.sizes:
            items: Iterable[object] = value.values() if isinstance(value, dict) else value
            total = len(value)
            if total > MAX_VALUE:
                raise _too_long()
            for item in items:
                total += self.size(item)
                if total > MAX_VALUE:
                    raise _too_long()
            self.sizes[id(value)] = (value, total)
        return value


def _too_long() -> TemplateFailure:
    return TemplateFailure(f"a value in this text grows past {MAX_VALUE:,} characters or items "
                           "(a repetition, join, replace or '~' that doubles?); build less")


def _now() -> _Budget:
    budget = _budget.get()
    if budget is None:  # a text rendered outside render_text (tests): a budget of its own
        budget = _Budget()
        _budget.set(budget)
    return budget


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
            budget.rows += len(self)
            if budget.rows > MAX_ROWS_READ:
                raise TemplateFailure(f"the expressions in this text read more than "
                                      f"{MAX_ROWS_READ:,} data rows; loop over less data (no "
                                      "nested loops over large data sets)")
        return super().__iter__()


def _safe_range(*args: int) -> range:
    r = range(*args)
    budget = _now()
    budget.range_items += len(r)
    if len(r) > MAX_RANGE or budget.range_items > MAX_RANGE_TOTAL:
        raise TemplateFailure(f"range() is limited to {MAX_RANGE:,} items (and {MAX_RANGE_TOTAL:,} "
                              "in one text); loop over fewer items", needle="range")
    return r


def _counted(items: Any) -> Iterator[Any]:
    """A loop's items, each one a step of the budget."""
    budget = _now()
    if isinstance(items, Undefined):
        items._fail_with_undefined_error()
    for item in items:
        budget.tick()
        yield item


def _built(value: Any) -> Any:
    """A list, mapping or '~' join the text builds, checked for size."""
    budget = _now()
    budget.tick()
    return budget.check(value)


class _Budgeted(NodeTransformer):
    """Rewrites a parsed template so that loops, '~' and list or mapping literals go through
    the budget (as filters, which a template cannot redefine)."""

    def _wrap(self, node: nodes.Expr, name: str) -> nodes.Expr:
        return nodes.Filter(node, name, [], [], None, None, lineno=node.lineno)

    def visit_For(self, node: nodes.For) -> nodes.Node:
        self.generic_visit(node)
        node.iter = self._wrap(node.iter, "_memokit_loop")
        return node

    def _value(self, node: nodes.Expr) -> nodes.Node:
        self.generic_visit(node)
        return self._wrap(node, "_memokit_value")

    visit_Concat = visit_List = visit_Dict = _value

    def visit_Tuple(self, node: nodes.Tuple) -> nodes.Node:
        self.generic_visit(node)
        return node if node.ctx == "store" else self._wrap(node, "_memokit_value")


def _first_arg(f: Callable[..., Any]) -> int:
    """How many arguments Jinja2 passes before a filter's value (context, environment)."""
    return 1 if getattr(f, "jinja_pass_arg", None) is not None else 0


def _check_args(args: Iterable[Any]) -> None:
    for a in args:
        if isinstance(a, int) and not isinstance(a, bool) and abs(a) > MAX_ARG:
            raise TemplateFailure(f"a number above {MAX_ARG:,} cannot be passed to a filter or "
                                  "text method; use a smaller number")


def _estimate(name: str, value: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> int:
    """How long the text a string operation is about to build will be, before building it."""
    budget = _now()
    if name == "replace" and isinstance(value, str) and len(args) >= 2:
        old, new = str(args[0]), str(args[1])
        hits = value.count(old) if old else len(value) + 1
        return len(value) + hits * max(len(new) - len(old), 0)
    if name == "indent" and isinstance(value, str):
        width = args[0] if args else kwargs.get("width", 4)
        pad = len(width) if isinstance(width, str) else width if isinstance(width, int) else 0
        return len(value) + (value.count("\n") + 1) * max(pad, 0)
    if name == "join" and isinstance(value, (list, tuple, str)):
        sep = args[0] if args else kwargs.get("d", "")
        return sum(budget.size(v) for v in value) + len(value) * len(str(sep))
    if name == "wordwrap" and isinstance(value, str):
        wrap = args[3] if len(args) > 3 else kwargs.get("wrapstring", "\n")
        return len(value) * (1 + len(str(wrap or "")))
    if name in ("format", "%") and isinstance(value, str):
        problem = percent_problem(value)
        if problem:
            raise TemplateFailure(problem)
    return 0


def _budgeted_filter(name: str, f: Callable[..., Any]) -> Callable[..., Any]:
    skip = _first_arg(f)

    @functools.wraps(f)
    def run(*args: Any, **kwargs: Any) -> Any:
        budget = _now()
        budget.tick()
        value, rest = (args[skip], args[skip + 1:]) if len(args) > skip else (None, ())
        _check_args((*rest, *kwargs.values()))
        if _estimate(name, value, rest, kwargs) > MAX_VALUE:
            raise _too_long()
        return budget.check(f(*args, **kwargs))

    return run


def _str_method(obj: Any) -> str | None:
    """The name of a method of a string (possibly the sandbox's wrapped ``format``)."""
    target = getattr(obj, "__wrapped__", obj)
    return target.__name__ if isinstance(getattr(target, "__self__", None), str) else None


class _Env(ImmutableSandboxedEnvironment):
    """Counts every step a text takes and checks every value it builds (see _Budget)."""

    intercepted_binops = frozenset({"+", "-", "*", "/", "//", "%", "**"})
    intercepted_unops = frozenset({"+", "-"})

    def _parse(self, source, name, filename):  # type: ignore[no-untyped-def]
        return _Budgeted().visit(super()._parse(source, name, filename))

    def call_binop(self, context, operator, left, right):  # type: ignore[no-untyped-def]
        budget = _now()
        budget.tick()
        if operator == "*":
            for a, b in ((left, right), (right, left)):
                if isinstance(a, (str, list, tuple)) and isinstance(b, int) and \
                        budget.size(a) * b > MAX_OUTPUT:
                    raise TemplateFailure(f"this repetition would make more than {MAX_OUTPUT:,} "
                                          "characters or items; repeat less")
            if _whole(left) and _whole(right) and \
                    left.bit_length() + right.bit_length() > MAX_INT_BITS + 1:
                raise _too_big_number()
        if operator == "**" and isinstance(right, (int, float)):
            if abs(right) > 100:
                raise TemplateFailure("powers above 100 are not allowed in memo text; use a "
                                      "smaller power")
            if _whole(left) and _whole(right) and left.bit_length() * right > MAX_INT_BITS:
                raise _too_big_number()
        if operator == "%" and isinstance(left, str):
            problem = percent_problem(left)
            if problem:
                raise TemplateFailure(problem)
        if operator == "+" and isinstance(left, (str, list, tuple)) and \
                isinstance(right, (str, list, tuple)) and \
                budget.size(left) + budget.size(right) > MAX_VALUE:
            raise _too_long()
        return budget.check(super().call_binop(context, operator, left, right))

    def call_unop(self, context, operator, arg):  # type: ignore[no-untyped-def]
        _now().tick()
        return super().call_unop(context, operator, arg)

    def getattr(self, obj: Any, attribute: str) -> Any:
        _now().tick()
        if isinstance(obj, Undefined):
            obj._fail_with_undefined_error()
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        _now().tick()
        if isinstance(obj, Undefined):
            obj._fail_with_undefined_error()
        return super().getitem(obj, argument)

    def call(__self, __context, __obj, *args, **kwargs):  # type: ignore[no-untyped-def]  # noqa: N805
        budget = _now()
        budget.tick()
        method = _str_method(__obj)
        if method is not None:
            if any(isinstance(a, int) and not isinstance(a, bool) and abs(a) > MAX_ARG
                   for a in (*args, *kwargs.values())):
                raise TemplateFailure(f"a number above {MAX_ARG:,} cannot be passed to a text "
                                      "method; use a smaller number")
            target = getattr(__obj, "__wrapped__", __obj)
            if method in ("format", "format_map"):
                problem = format_problem(target.__self__, one_value=False)
                if problem:
                    raise TemplateFailure(problem)
            elif method == "join" and args and isinstance(args[0], (list, tuple)):
                if sum(budget.size(v) for v in args[0]) + \
                        len(args[0]) * len(target.__self__) > MAX_VALUE:
                    raise _too_long()
            elif _estimate(method, target.__self__, args, kwargs) > MAX_VALUE:
                raise _too_long()
        budget.depth += 1
        try:
            if budget.depth > MAX_DEPTH:
                raise TemplateFailure(f"calls go more than {MAX_DEPTH} deep (a macro that calls "
                                      "itself?); call less deeply")
            return budget.check(super().call(__context, __obj, *args, **kwargs))
        finally:
            budget.depth -= 1


def _whole(v: object) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _too_big_number() -> TemplateFailure:
    return TemplateFailure(f"a number in this text would grow past {MAX_INT_BITS:,} bits (about "
                           "3,000 digits); compute with smaller numbers")


@lru_cache(maxsize=1)
def _env() -> _Env:
    env = _Env(undefined=_Undefined, autoescape=False, keep_trailing_newline=True)
    env.filters.update(FILTERS)
    env.filters = {name: _budgeted_filter(name, f) for name, f in env.filters.items()}
    env.filters["_memokit_loop"] = _counted
    env.filters["_memokit_value"] = _built
    env.globals = {"range": _safe_range}
    return env


def _strip_dot(text: str) -> str:
    return text.strip().rstrip(".")


def render_text(text: str, context: dict[str, object]) -> str:
    """Render ``text`` if it contains Jinja2 syntax; raise TemplateFailure on any error."""
    if "{{" not in text and "{%" not in text and "{#" not in text:
        return text
    budget = _Budget()
    token_ctx, token_budget = _context.set(context), _budget.set(budget)
    try:
        return _render(text, context)
    finally:
        budget.close()
        _context.reset(token_ctx)
        _budget.reset(token_budget)


@lru_cache(maxsize=256)
def _compiled(text: str) -> Any:
    """The text compiled once (a memo rendered again, or a build's next memo with the same
    expressions, reuses it); a syntax error is raised each time, never kept."""
    return _env().from_string(text)


def _render(text: str, context: dict[str, object]) -> str:
    try:
        template = _compiled(text)
    except TemplateSyntaxError as exc:
        m = re.match(r"No filter named '([^']+)'", exc.message or "")
        if m:
            names = sorted(n for n in _env().filters if not n.startswith("_"))
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
