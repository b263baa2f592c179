"""The resolve stage: the built memo numbered, cross-referenced and checked against its data,
once for every writer. What ``validate`` reports is what ``render`` would."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from memokit import lang
from memokit.errors import ContentError, Diagnostic
from memokit.load import Built, build_memo, sorted_errors
from memokit.model import Memo
from memokit.resolve.charts import check_charts
from memokit.resolve.citations import format_memo, wrap_notes
from memokit.resolve.images import image_warnings
from memokit.resolve.numbering import number
from memokit.resolve.style import check_style
from memokit.style.theme import Theme

__all__ = ["Resolved", "load_memo", "resolve"]


@dataclass
class Resolved:
    """A memo ready for the writers, its warnings, and its Theme when one was asked for."""

    memo: Memo
    warnings: list[Diagnostic]
    theme: Theme | None = None
    files: list[Path] = field(default_factory=list)  # the memo and the data files it read


def resolve(built: Built, max_series: int | None = None,
            per_appendix: bool = True) -> tuple[Memo, list[Diagnostic]]:
    """Number and cross-reference ``built.memo``, then check its charts against their data
    (``max_series``: the house palette's size, when known; ``per_appendix``: appendix figures
    and tables numbered A.1, ...); return the resolved memo and the errors found. Charts are
    checked only in a memo that built and numbered cleanly."""
    memo = wrap_notes(built.memo, built.citations) if built.citations else built.memo
    memo, errors = number(memo, built.declared, per_appendix)
    if errors or built.errors or not built.complete:
        return memo, errors
    if built.citations is not None:
        memo, errors = format_memo(memo, built.citations)
        if errors:
            return memo, errors
    return memo, check_charts(memo, max_series)


def load_memo(path: str | os.PathLike[str], shown_as: str | None = None,
              data_root: Path | None = None,
              theme_for: Callable[[Memo], Theme] | None = None) -> Resolved:
    """Build and resolve one memo; raise ContentError with every problem found.

    ``theme_for`` gives the memo's Theme once the memo built cleanly (its palette bounds
    the series a chart may have).
    """
    built = build_memo(Path(path), shown_as, data_root)
    errors = built.errors + check_style(built)
    theme = theme_for(built.memo) if theme_for is not None and built.complete and not errors \
        else None
    memo, found = resolve(built, len(theme.palette) if theme is not None else None,
                          theme is None or theme.appendices.numbering == "per-appendix")
    errors += found
    if errors or not built.complete:
        if not errors:
            errors = [Diagnostic(memo.source_path or str(path), 1, 1, None, "the memo could not "
                                 "be built; please report this with the memo")]
        raise ContentError(sorted_errors(errors, memo.source_path or str(path)))
    warnings = built.warnings + _language_warnings(memo, theme, built) + image_warnings(memo, theme)
    return Resolved(memo, warnings, theme, built.files)


def _language_warnings(memo: Memo, theme: Theme | None, built: Built) -> list[Diagnostic]:
    """A warning when neither memokit nor the house style has labels for the memo's language
    (they fall back to English; numbers and dates follow CLDR when it knows the language)."""
    if theme is None:
        return []
    language = memo.meta.language
    if lang.label_language(language, theme.labels) is not None:
        return []
    have = ", ".join(lang.supported(theme.labels))
    numbers = ("numbers and dates follow the language" if lang.known(language)
               else "numbers and dates are in English too")
    return [Diagnostic.at(built.language_span, f"memokit and house style '{theme.name}' have no labels "
                          f"for language '{language}', so labels (Figure, Table, page ... of ...) "
                          f"are in English and {numbers}; labels exist for: {have} (a house style "
                          "can add a language under 'labels:')", severity="warning")]
