"""One writer per output format, each a package with a single ``write`` entry point.

``write(memo, theme, assets, dest) -> list[Diagnostic]`` renders the resolved memo
to ``dest`` and returns warnings (what it could not render as asked). The PDF writer also takes
keywords: ``standard`` (what the PDF claims) and ``laid_out`` (told when the layout is done).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

FORMATS = ("pdf", "docx")

def check_formats(formats: Iterable[str]) -> list[str]:
    """Normalise a list of format names (order kept, duplicates dropped); UsageError if unknown."""
    from memokit.errors import UsageError

    out: list[str] = []
    for f in formats:
        f = f.strip().lower()
        if f not in FORMATS:
            raise UsageError(f"unknown format '{f}'; use {' or '.join(FORMATS)}")
        if f not in out:
            out.append(f)
    return out


Writer = Callable[[Any, Any, Mapping[str, Any], Path], list[Any]]


def writer(fmt: str) -> Writer:
    """The entry point of a format's writer, imported only when needed."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    return importlib.import_module(f"memokit.writers.{fmt}").write  # type: ignore[no-any-return]
