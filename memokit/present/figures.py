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


CAPTION_ROOM = 72.0  # points kept below a picture for its caption and source line


def picture_size(width_px: float, height_px: float, avail: float, theme: Theme) -> tuple[float, float]:
    """The printed size (points) of a picture file ``width_px`` by ``height_px``: as wide as
    ``avail`` (the column or the page), keeping its shape; narrower when that would be taller
    than the share of a page a figure may take (the house style's ``page.float_share``) less
    room for its caption."""
    ratio = height_px / width_px if width_px else theme.figures.aspect
    page = theme.page
    tallest = max(page.float_share * (page.height - page.margin_top - page.margin_bottom)
                  - CAPTION_ROOM, CAPTION_ROOM)
    width = avail if avail * ratio <= tallest else tallest / ratio
    return width, width * ratio
