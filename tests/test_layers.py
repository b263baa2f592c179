"""The layering contract in pyproject.toml holds: each layer imports only the layers below it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT


def test_the_import_contracts_are_kept() -> None:
    script = Path(sys.executable).with_name("lint-imports")
    if not script.is_file():
        pytest.fail("'lint-imports' is not installed: pip install -e '.[test]' (make test does)",
                    pytrace=False)
    r = subprocess.run([str(script), "--no-cache"], cwd=ROOT, capture_output=True, text=True,
                       timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "0 broken" in r.stdout
