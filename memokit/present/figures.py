"""How a figure's picture sits: its alignment and the height of a picture with no size of its own."""

from __future__ import annotations

from typing import Literal

from memokit.style.theme import Theme

Align = Literal["left", "center", "right"]


def figure_align(theme: Theme) -> Align:
    """Where the picture sits across its column (or the page) when narrower than it."""
    return theme.figures.align  # type: ignore[return-value]


def picture_ratio(width_pt: float, height_pt: float, theme: Theme) -> float:
    """Height / width of a picture drawn ``width_pt`` by ``height_pt``; the style's aspect if unknown."""
    return height_pt / width_pt if width_pt else theme.figures.aspect
