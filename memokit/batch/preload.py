"""Imported once by the process that forks the batch workers, so each worker starts warm.

Every import is guarded: a module that fails to import here fails later, in the
render of the memo that needs it, with a proper error in that memo's report.
"""

from __future__ import annotations

import contextlib
import importlib

HEAVY = (
    "memokit.render",
    "memokit.batch.worker",
    "memokit.figures.render",
    "memokit.writers.pdf",
    "memokit.writers.docx",
    "matplotlib.font_manager",
)


def preload() -> None:
    for name in HEAVY:
        with contextlib.suppress(Exception):  # see the module docstring
            importlib.import_module(name)


preload()
