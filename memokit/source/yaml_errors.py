"""PyYAML's syntax errors, said the way an author can act on them."""

from __future__ import annotations

import yaml

from memokit.errors import Diagnostic

_GENERIC_HINT = ("check the indentation, and quote text that contains ': ' or starts with a "
                 "special character")


def _at(mark: yaml.Mark | None) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1) if mark else (1, 1)


def syntax_error(exc: yaml.MarkedYAMLError, file: str) -> Diagnostic:
    """One located diagnostic (no field path) for a YAML syntax error."""
    context = (exc.context or "").strip()
    problem = (exc.problem or "invalid YAML").strip()
    where = exc.problem_mark or exc.context_mark
    message = f"{context + ', ' if context else ''}{problem}; {_GENERIC_HINT}"
    if "'\\t'" in problem:
        message = "a tab is used for indentation; indent with spaces only"
    elif "quoted scalar" in context and "end of stream" in problem:
        where = exc.context_mark
        message = "the quoted text that starts here is never closed; add the closing quote"
    elif "quoted scalar" in context:
        message = f"{problem} inside quoted text; close the quote, or write a '\\\\' as '\\\\\\\\'"
    elif "simple key" in context and "expected ':'" in problem:
        where = exc.context_mark
        message = "this line has no ':' after its key; write 'key: value'"
    elif problem.startswith("mapping values are not allowed"):
        message = ("a ':' here starts a new key where none is allowed; put text that contains "
                   "': ' in quotes, or line the key up with the keys above it")
    elif problem.startswith("expected <block end>"):
        message = ("this line is indented differently from the lines above it; line it up with "
                   "the other entries at its level")
    elif "flow sequence" in context:
        where = exc.context_mark
        message = ("the list opened here with '[' is not closed; add ']' at its end, and quote "
                   "items that contain ',', '[', ']' or ': '")
    elif "flow mapping" in context:
        where = exc.context_mark
        message = ("the mapping opened here with '{' is not closed; add '}' at its end, and quote "
                   "values that contain ',', '{', '}' or ': '")
    elif "undefined alias" in problem:
        message = f"{problem}; define the anchor ('&name') before using it, or remove the '*'"
    elif "cannot start any token" in problem:
        ch = problem.split("'")[1] if "'" in problem else "this character"
        message = f"'{ch}' cannot start a value; put the text in quotes"
    line, col = _at(where)
    return Diagnostic(file, line, col, None, f"YAML syntax error: {message}")
