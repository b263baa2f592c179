"""Shared test helpers (import as `from tests.helpers import ...`): paths, and system tools
that fail loudly when missing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "content" / "example-memo.yaml"

# command -> Debian package that provides it (`make test` installs them)
TOOLS = {
    "pdftotext": "poppler-utils", "pdffonts": "poppler-utils", "pdfinfo": "poppler-utils",
    "pdftoppm": "poppler-utils", "qpdf": "qpdf", "pandoc": "pandoc",
    "soffice": "libreoffice-writer-nogui",
}


def require_tool(name: str) -> str:
    """Path of a system tool, or a failed test naming the package to install."""
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"'{name}' is not installed: install the Debian package "
                    f"'{TOOLS.get(name, name)}' (make test installs it)", pytrace=False)
    return path
