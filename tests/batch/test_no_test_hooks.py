"""Production code carries no hooks for the tests: faults come from tests/batch/faults.py,
handed to ``build`` as a renderer."""

from __future__ import annotations

import re
from pathlib import Path

import memokit

PACKAGE = Path(memokit.__file__).parent
# what a test hook in the package would look like: the old fault variable and its kinds,
# test-only environment variables, patching of module globals, imports of the test suite
HOOKS = re.compile(r"MEMOKIT_TEST_FAULTS|FAULTS|MEMOKIT_TEST|monkeypatch|^\s*(from|import) tests\b",
                   re.MULTILINE)


def package_files() -> list[Path]:
    """Every file of the package except compiled caches (which may hold older sources)."""
    return sorted(p for p in PACKAGE.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def test_the_package_sources_hold_no_test_hooks() -> None:
    files = package_files()
    assert PACKAGE / "batch" / "worker.py" in files and len(files) > 50
    found = []
    for path in files:
        text = path.read_bytes().decode("utf-8", errors="replace")
        found += [f"{path.relative_to(PACKAGE.parent)}:{text.count(chr(10), 0, m.start()) + 1}: "
                  f"{m.group(0).strip()}" for m in HOOKS.finditer(text)]
    assert found == []


def test_the_pattern_finds_what_it_looks_for() -> None:
    for line in ('os.environ.get("MEMOKIT_TEST_FAULTS")', "FAULTS = ('crash',)",
                 "monkeypatch.setattr(pipeline, 'writer', w)", "from tests.batch import faults"):
        assert HOOKS.search(line), line
    assert not HOOKS.search("set the document defaults (docDefaults)")
