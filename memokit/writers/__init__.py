"""One writer per output format, each a package with a single ``write`` entry point.

``write(memo, theme, assets, dest) -> list[Diagnostic]`` renders the resolved memo
to ``dest`` and returns warnings (what it could not render as asked).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

FORMATS = ("pdf", "docx")

Writer = Callable[[Any, Any, Mapping[str, Any], Path], list[Any]]


def writer(fmt: str) -> Writer:
    """The entry point of a format's writer, imported only when needed."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    return importlib.import_module(f"memokit.writers.{fmt}").write  # type: ignore[no-any-return]
