"""The style's logo at the top of the first page: SVG as vector graphics, PNG as an image.

Both are drawn from the bytes the style loader checked (``Logo.data``), never read again.
Text in an SVG logo is set in a house font: a family the SVG names that memokit has not
registered is replaced by the heading font (memokit.style.svg.svg_drawing), so the PDF
embeds no other font and no font file is looked up by a name the SVG gives.
"""

from __future__ import annotations

import io

from reportlab.platypus import Flowable, Image, Spacer

from memokit.present import spacing
from memokit.style.svg import svg_drawing
from memokit.style.theme import Theme


def logo_flowables(theme: Theme, font: tuple[str, float]) -> list[Flowable]:
    """The logo scaled to the style's width, then the space below it; [] if the style has none."""
    logo = theme.logo
    if logo is None:
        return []
    if logo.svg:
        drawing = svg_drawing(logo.data, font[0])
        if drawing is None or not drawing.width:
            return []
        s = logo.width / drawing.width
        drawing.scale(s, s)
        drawing.width, drawing.height = drawing.width * s, drawing.height * s
        drawing.initialFontName, drawing.initialFontSize = font
        item: Flowable = drawing
    else:
        from reportlab.lib.utils import ImageReader

        w, h = ImageReader(io.BytesIO(logo.data)).getSize()
        item = Image(io.BytesIO(logo.data), width=logo.width, height=logo.width * h / w)
    item.hAlign = "LEFT"
    return [item, Spacer(1, spacing(theme).logo_after)]
