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


def note_shown(note: str, text: str) -> bool:
    """Whether a note's text appears in ``text``: whole, or split once where it continues in
    another column (its first part and the rest each appear as written)."""
    if note in text:
        return True
    words = note.split(" ")
    for cut in range(len(words) - 1, 0, -1):
        head, tail = " ".join(words[:cut]), " ".join(words[cut:])
        if head in text:
            return tail in text
    return False
