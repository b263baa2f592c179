"""Imported once by the process that forks the batch workers, so each worker starts warm.

Every import is guarded: a module that fails to import here fails later, in the
render of the memo that needs it, with a proper error in that memo's report.
"""

from __future__ import annotations

import contextlib
import importlib

HEAVY = (
    "memokit.pipeline",
    "memokit.batch.job",
    "memokit.batch.worker",
    "memokit.figures.render",
    "memokit.writers.pdf",
    "memokit.writers.docx",
    # what the figure code and the writers import only when they first draw
    "matplotlib.font_manager",
    "matplotlib.figure",
    "matplotlib.dates",
    "matplotlib.backends.backend_agg",
    "matplotlib.backends.backend_svg",
    "svglib.svglib",
    "reportlab.platypus",
    "reportlab.graphics.renderPDF",
    "fontTools.ttLib",
    "PIL.Image",
    "docx",
    "lxml.etree",
    "babel.dates",  # CLDR dates and numbers, read on a memo's first date or number
    "babel.numbers",
)


def preload() -> None:
    for name in HEAVY:
        with contextlib.suppress(Exception):  # see the module docstring
            importlib.import_module(name)


preload()
