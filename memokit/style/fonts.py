"""Font families the house styles may name, resolved to TrueType files.

Built in: Carlito, Caladea, Liberation Sans and Liberation Serif (shipped in
``memokit/fonts`` with their licences) and DejaVu Sans (shipped with matplotlib).
A style folder may add families in its own ``fonts/`` folder as ``Family-Regular.ttf``,
``-Bold``, ``-Italic``, ``-BoldItalic``.
"""

from __future__ import annotations

import importlib.util
import re
from dataclasses import dataclass
from pathlib import Path

FACES = ("regular", "bold", "italic", "bolditalic")
_SUFFIX = {"regular": "Regular", "bold": "Bold", "italic": "Italic", "bolditalic": "BoldItalic"}
BUNDLED = Path(__file__).resolve().parent.parent / "fonts"


@dataclass(frozen=True)
class FontFiles:
    family: str
    regular: Path
    bold: Path
    italic: Path
    bolditalic: Path

    def face(self, name: str) -> Path:
        return getattr(self, name)


def _matplotlib_fonts() -> Path | None:
    spec = importlib.util.find_spec("matplotlib")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0]) / "mpl-data" / "fonts" / "ttf"


def _dejavu(family: str) -> FontFiles | None:
    base = _matplotlib_fonts()
    if base is None:
        return None
    stem = family.replace(" ", "")
    names = {"regular": f"{stem}.ttf", "bold": f"{stem}-Bold.ttf",
             "italic": f"{stem}-Oblique.ttf", "bolditalic": f"{stem}-BoldOblique.ttf"}
    if family == "DejaVu Serif":
        names.update(italic="DejaVuSerif-Italic.ttf", bolditalic="DejaVuSerif-BoldItalic.ttf")
    paths = {k: base / v for k, v in names.items()}
    if not all(p.exists() for p in paths.values()):
        return None
    return FontFiles(family, **paths)


def _in_folder(folder: Path, family: str) -> FontFiles | None:
    stem = family.replace(" ", "")
    paths = {k: folder / f"{stem}-{_SUFFIX[k]}.ttf" for k in FACES}
    if not paths["regular"].exists():
        return None
    # a family without some faces uses the regular one for them
    return FontFiles(family, **{k: p if p.exists() else paths["regular"]
                                for k, p in paths.items()})


def find_family(family: str, style_folder: Path | None = None) -> FontFiles | None:
    """The TrueType files of a family, or None if memokit cannot find it."""
    if style_folder is not None:
        from memokit.style import style_chain

        for folder in style_chain(style_folder):  # the style, then the styles it extends
            found = _in_folder(folder / "fonts", family) if (folder / "fonts").is_dir() else None
            if found:
                return found
    sub = BUNDLED / family.lower().replace(" ", "")
    if sub.is_dir():
        found = _in_folder(sub, family)
        if found:
            return found
    if family.startswith("DejaVu"):
        return _dejavu(family)
    return None


def available_families() -> list[str]:
    """Bundled families, named as a style writes them ('Liberation Sans')."""
    regular = sorted(BUNDLED.glob("*/*-Regular.ttf")) if BUNDLED.is_dir() else []
    names = {re.sub(r"(?<=[a-z])(?=[A-Z])", " ", p.name.removesuffix("-Regular.ttf"))
             for p in regular}
    return sorted(names | {"DejaVu Sans", "DejaVu Serif"})
