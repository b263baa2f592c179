"""The Theme's font families, registered with reportlab (embedded TTF) and svglib.

Each family is registered once per process under stable names
(``Family``, ``Family-Bold``, ``Family-Italic``, ``Family-BoldItalic``) with
``registerFontFamily`` so ``<b>`` and ``<i>`` in Paragraph markup pick the right
face. svglib learns the same names, including matplotlib's numeric weight
``700``, so text in SVG figures is set in the house fonts.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from memokit.style.fonts import FACES, FontFiles, find_family
from memokit.style.theme import Theme
from memokit.writers.pdf.fontcache import load_ttfont

_SUFFIX = {"regular": "", "bold": "-Bold", "italic": "-Italic", "bolditalic": "-BoldItalic"}
_SVG_KEYS = {  # (weight, style) spellings an SVG may use, per face
    "regular": [("normal", "normal"), ("400", "normal")],
    "bold": [("bold", "normal"), ("700", "normal")],
    "italic": [("normal", "italic"), ("400", "italic"), ("normal", "oblique")],
    "bolditalic": [("bold", "italic"), ("700", "italic"), ("bold", "oblique")],
}
_registered: dict[str, Path] = {}  # reportlab font name -> file


@dataclass(frozen=True)
class Family:
    """One registered family: reportlab font names per face, and its character map."""

    family: str
    regular: str
    bold: str
    italic: str
    bolditalic: str
    cmap: frozenset[int]

    def face(self, bold: bool = False, italic: bool = False) -> str:
        return {(False, False): self.regular, (True, False): self.bold,
                (False, True): self.italic, (True, True): self.bolditalic}[(bold, italic)]

    def has(self, ch: str) -> bool:
        return ord(ch) in self.cmap


@dataclass(frozen=True)
class FontSet:
    body: Family
    heading: Family
    symbol: Family
    mono: Family


def _base_name(files: FontFiles) -> str:
    """A stable reportlab name; a second family of the same name gets a suffix."""
    base = files.family.replace(" ", "")
    name, n = base, 1
    while name in _registered and _registered[name] != files.regular:
        n += 1
        name = f"{base}{n}"
    return name


@lru_cache(maxsize=32)
def register_family(family: str, folder: Path | None) -> Family:
    """Register a family's four faces (once) and return their names."""
    files = find_family(family, folder)
    if files is None:  # load_style checked body/heading/symbol; mono may be missing
        raise LookupError(f"font family '{family}' is not available")
    base = _base_name(files)
    names = {}
    for face in FACES:
        name = base + _SUFFIX[face]
        path = files.face(face)
        if name not in _registered:
            font = load_ttfont(name, path, _raw_advances)
            pdfmetrics.registerFont(font)
            _registered[name] = files.regular if face == "regular" else path
        names[face] = name
    pdfmetrics.registerFontFamily(base, normal=names["regular"], bold=names["bold"],
                                  italic=names["italic"], boldItalic=names["bolditalic"])
    _register_svg(family, names, files)
    cmap = frozenset(pdfmetrics.getFont(names["regular"]).face.charToGlyph)
    return Family(family, names["regular"], names["bold"], names["italic"], names["bolditalic"], cmap)


def _raw_advances(font: TTFont) -> None:
    """Give every glyph its advance in font units for the subsets reportlab embeds.

    reportlab reads the glyphs an 'hmtx' table lists by side bearing only (those after its last
    full metric, as monospaced fonts store them) with the advance already scaled to 1/1000 em, and
    writes that number into the subset's font program as if it were in font units, so the
    program's widths disagree with the PDF's /Widths (PDF/A-2 6.2.11.5). Those entries are the
    only ones whose advance is not a whole number; they take the last full metric's advance."""
    metrics = font.face.hmetrics
    last = 0
    for i, (aw, lsb) in enumerate(metrics):
        if isinstance(aw, int):
            last = aw
        else:
            metrics[i] = (last, lsb)


def _register_svg(family: str, names: dict[str, str], files: FontFiles) -> None:
    """Map the SVG spellings of this family to the registered reportlab fonts."""
    from svglib import fonts as svgfonts

    fmap = svgfonts.get_global_font_map()
    table = getattr(fmap, "_map", None)
    for face, keys in _SVG_KEYS.items():
        for weight, style in keys:
            internal = svgfonts.FontMap.build_internal_name(family, weight, style)
            if isinstance(table, dict):
                table[internal] = {"svg_family": family, "svg_weight": weight, "svg_style": style,
                                   "rlgFont": names[face], "exact": True}
            else:  # a future svglib without the table: let it register the file itself
                svgfonts.register_font(family, str(files.face(face)), weight, style, names[face])
    index = getattr(fmap, "_family_index", None)
    if isinstance(index, dict):
        index.setdefault(family.lower(), family)


def theme_fonts(theme: Theme) -> FontSet:
    """Register the Theme's families; inline code falls back to the symbol family."""
    folder = theme.folder
    body = register_family(theme.fonts.body.family, folder)
    heading = register_family(theme.fonts.heading.family, folder)
    symbol = register_family(theme.fonts.symbol.family, folder)
    try:
        mono = register_family(theme.fonts.mono.family, folder)
    except LookupError:
        mono = symbol
    return FontSet(body, heading, symbol, mono)
