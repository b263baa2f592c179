"""The style's logo at the top of the first page: SVG as vector graphics, PNG as an image."""

from __future__ import annotations

from reportlab.platypus import Flowable, Image, Spacer

from memokit.present import spacing
from memokit.style.theme import Theme


def logo_flowables(theme: Theme, font: tuple[str, float]) -> list[Flowable]:
    """The logo scaled to the style's width, then the space below it; [] if the style has none."""
    logo = theme.logo
    if logo is None:
        return []
    if logo.path.suffix.lower() == ".svg":
        from svglib.svglib import svg2rlg

        drawing = svg2rlg(str(logo.path))
        if drawing is None or not drawing.width:
            return []
        s = logo.width / drawing.width
        drawing.scale(s, s)
        drawing.width, drawing.height = drawing.width * s, drawing.height * s
        drawing.initialFontName, drawing.initialFontSize = font
        item: Flowable = drawing
    else:
        from reportlab.lib.utils import ImageReader

        w, h = ImageReader(str(logo.path)).getSize()
        item = Image(str(logo.path), width=logo.width, height=logo.width * h / w)
    item.hAlign = "LEFT"
    return [item, Spacer(1, spacing(theme).logo_after)]
