"""A non-editable install carries the built-in styles and fonts."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

from tests.helpers import ROOT


def test_wheel_ships_styles_and_fonts_and_finds_them(tmp_path: Path) -> None:
    wheel_dir = tmp_path / "wheel"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "-q", "-w", str(wheel_dir), str(ROOT)], check=True, timeout=300)
    (wheel,) = wheel_dir.glob("memokit-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "memokit/templates/memo/style.yaml" in names
    for face in ("Regular", "Bold", "Italic", "BoldItalic"):
        assert f"memokit/fonts/carlito/Carlito-{face}.ttf" in names
        assert f"memokit/fonts/caladea/Caladea-{face}.ttf" in names
    assert "memokit/fonts/carlito/OFL.txt" in names
    for family in ("LiberationSans", "LiberationSerif"):
        for face in ("Regular", "Bold", "Italic", "BoldItalic"):
            assert f"memokit/fonts/{family.lower()}/{family}-{face}.ttf" in names
        assert f"memokit/fonts/{family.lower()}/LICENSE.txt" in names
    assert {"memokit/templates/brief/style.yaml", "memokit/templates/brief/logo.svg",
            "memokit/templates/brief/logo.png"} <= names
    assert "memokit/fonts/caladea/LICENSE.txt" in names

    site = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target",
                    str(site), str(wheel)], check=True, timeout=300)
    code = (
        "import memokit, memokit.style as s\n"
        "from memokit.style.fonts import find_family\n"
        "print(memokit.__file__)\n"
        "print(s.builtin_styles()['memo'])\n"
        "print(s.load_style(s.builtin_styles()['memo']).name)\n"
        "print(find_family('Carlito').regular)\n"
        "print(s.load_style(s.builtin_styles()['brief']).logo.path)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                       cwd=tmp_path, timeout=120)
    assert r.returncode == 0, r.stderr
    mod, style, name, font, logo = r.stdout.split("\n")[:5]
    assert mod.startswith(str(site)), "the installed copy must be the one imported"
    assert style.startswith(str(site)) and style.endswith("templates/memo")
    assert name == "memo"
    assert font.startswith(str(site))
    assert logo.startswith(str(site)) and logo.endswith("templates/brief/logo.svg")
