"""Theme -> the values a chart uses, and those values -> matplotlib settings.

:class:`Look` gathers every house-style value the figure code reads, so the
cache key can hold exactly those. :func:`rc_params` turns it into settings for a
``matplotlib.rc_context`` around one figure, so nothing leaks into global state.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

from memokit.lang import Numbers, numbers
from memokit.style.fonts import find_family
from memokit.style.theme import Theme

HASHSALT = "memokit"  # fixed, so SVG clip-path ids are the same on every run


@dataclass(frozen=True)
class Look:
    """The house-style values one chart is drawn with (sizes in points)."""

    width: float
    height: float
    dpi: int
    font_file: str  # regular face of the chart family
    fallback_file: str | None  # the symbol family, for characters the chart family lacks
    text_size: float
    tick_size: float
    line_width: float
    axis_width: float
    grid: bool
    grid_colour: str
    grid_width: float
    axis_colour: str
    label_colour: str
    palette: tuple[str, ...]
    bar_width: float
    months_short: tuple[str, ...]
    numbers: Numbers = field(default_factory=Numbers)  # the language's decimal point, groups, '%'

    def key(self) -> dict[str, object]:
        """JSON-able values for the cache key, fonts by content rather than path."""
        out = asdict(self)
        out["font_file"] = _file_hash(self.font_file)
        out["fallback_file"] = _file_hash(self.fallback_file) if self.fallback_file else None
        return out

    def month_short(self, month: int) -> str:
        return self.months_short[month - 1]


@lru_cache(maxsize=32)
def _file_hash(path: str) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def look_for(theme: Theme, width: str, language: str) -> Look:
    """The Look of a figure ``width`` ('page' or 'column') in ``theme``, labels in ``language``."""
    fs = theme.figures
    role = theme.fonts.heading if fs.font == "heading" else theme.fonts.body
    files = find_family(role.family, theme.folder)
    if files is None:
        raise ValueError(f"font family '{role.family}' is not available for charts")
    symbol = find_family(theme.fonts.symbol.family, theme.folder)
    w = float(theme.page.text_width if width == "page" else theme.page.column_width)
    labels = theme.labels_for(language)
    return Look(
        width=round(w, 3), height=round(w * fs.aspect, 3), dpi=fs.dpi,
        font_file=str(files.regular),
        fallback_file=str(symbol.regular) if symbol and symbol.regular != files.regular else None,
        text_size=float(fs.text_size), tick_size=float(fs.tick_size),
        line_width=float(fs.line_width), axis_width=float(fs.axis_width), grid=fs.grid,
        grid_colour=str(fs.grid_colour), grid_width=float(fs.grid_width),
        axis_colour=theme.colour(fs.axis_colour), label_colour=theme.colour(fs.label_colour),
        palette=tuple(str(c) for c in theme.palette), bar_width=fs.bar_width,
        months_short=tuple(labels.month_short(m) for m in range(1, 13)),
        numbers=numbers(language),
    )


_registered: dict[str, str] = {}


def font_name(path: str) -> str:
    """Register a TrueType file with matplotlib's font manager once; its family name."""
    if path not in _registered:
        from matplotlib import font_manager

        font_manager.fontManager.addfont(path)
        _registered[path] = font_manager.get_font(path).family_name
    return _registered[path]


def rc_params(look: Look) -> dict[str, object]:
    """matplotlib settings for one figure in ``look`` (use inside ``rc_context``)."""
    from cycler import cycler

    families = [font_name(look.font_file)]
    if look.fallback_file:
        families.append(font_name(look.fallback_file))
    tick_major = look.tick_size * 0.45
    return {
        "font.family": families,
        "font.size": look.text_size,
        "text.parse_math": False,  # '$5 & 10%' is text, never mathtext
        "text.usetex": False,
        "text.color": look.label_colour,
        "svg.fonttype": "none",  # text stays text (selectable in the PDF)
        "svg.hashsalt": HASHSALT,
        "svg.id": "memokit-figure",
        "figure.dpi": 72,
        "figure.facecolor": "white",
        "figure.constrained_layout.w_pad": 2 / 72,
        "figure.constrained_layout.h_pad": 2 / 72,
        "axes.facecolor": "none",
        "axes.edgecolor": look.axis_colour,
        "axes.linewidth": look.axis_width,
        "axes.labelcolor": look.label_colour,
        "axes.labelsize": look.text_size,
        "axes.labelpad": look.tick_size * 0.5,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.grid": False,
        "axes.axisbelow": True,
        "axes.unicode_minus": True,
        "axes.formatter.use_mathtext": False,
        "axes.prop_cycle": cycler(color=list(look.palette)),
        "grid.color": look.grid_colour,
        "grid.linewidth": look.grid_width,
        "lines.linewidth": look.line_width,
        "lines.solid_capstyle": "round",
        "patch.linewidth": 0,
        **{f"{ax}.{k}": v for ax in ("xtick", "ytick") for k, v in {
            "labelsize": look.tick_size, "color": look.axis_colour,
            "labelcolor": look.label_colour, "major.width": look.axis_width,
            "minor.width": look.axis_width * 0.8, "major.size": tick_major,
            "minor.size": tick_major * 0.55, "major.pad": look.tick_size * 0.35,
            "direction": "out"}.items()},
        "legend.frameon": False,
        "legend.fontsize": look.text_size,
        "legend.handlelength": 1.4,
        "legend.handleheight": 0.7,
        "legend.handletextpad": 0.5,
        "legend.columnspacing": 1.4,
        "legend.borderpad": 0.2,
        "legend.borderaxespad": 0,
    }
