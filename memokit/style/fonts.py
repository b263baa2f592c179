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

from memokit.style.limits import MAX_FONT_BYTES

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


def matplotlib_fonts() -> Path | None:
    spec = importlib.util.find_spec("matplotlib")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0]) / "mpl-data" / "fonts" / "ttf"


def _dejavu(family: str) -> FontFiles | None:
    base = matplotlib_fonts()
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
    if not paths["regular"].is_file():
        return None
    # a family without some faces uses the regular one for them
    return FontFiles(family, **{k: p if p.is_file() else paths["regular"]
                                for k, p in paths.items()})


def font_file_problem(path: Path) -> str | None:
    """Why ``path`` cannot be used as a TrueType font (None if it can): too large, not a
    font, or cut short. Read with the parsers the PDF writer and the glyph check use."""
    size = path.stat().st_size
    if size > MAX_FONT_BYTES:
        return f"is larger than the limit of {MAX_FONT_BYTES // 1_000_000} MB for a font file"
    try:
        from fontTools.ttLib import TTFont
        from reportlab.pdfbase.ttfonts import TTFontFile

        with TTFont(str(path), lazy=True) as font:
            if font.sfntVersion not in ("\x00\x01\x00\x00", "true"):
                return "is not a TrueType font (an OpenType/CFF or other font); use a .ttf file"
            for tag, entry in font.reader.tables.items():
                if entry.offset + entry.length > size:
                    return f"is cut short (its '{tag}' table ends past the end of the file)"
            font.getBestCmap()
        TTFontFile(str(path), validate=1)
    except Exception as exc:  # noqa: BLE001  # any failure to read it means the file is unusable
        reason = str(exc).strip().rstrip(".") or type(exc).__name__
        return f"is not a TrueType font or is damaged ({reason[:120]})"
    return None


def path_like(family: str) -> bool:
    """Whether a family name looks like a path (a family is found by name only)."""
    return (not family.strip() or any(c in family for c in "/\\:\x00")
            or family.strip().startswith(".") or len(family) > 100)


def find_family(family: str, style_folder: Path | None = None) -> FontFiles | None:
    """The TrueType files of a family, or None if memokit cannot find it (or the name looks
    like a path: families are found by name, in the style's fonts/ folders and memokit's)."""
    if path_like(family):
        return None
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
