"""The style's logo at the top of the first page: SVG as vector graphics, PNG as an image.

Both are drawn from the bytes the style loader checked (``Logo.data``), never read again.
Text in an SVG logo is set in a house font: a family the SVG names that memokit has not
registered is replaced by the heading font (the PDF embeds every font it uses).
"""

from __future__ import annotations

import io

from reportlab.platypus import Flowable, Image, Spacer

from memokit.present import spacing
from memokit.style.theme import Theme


def _house_fonts(node: object, font: str) -> None:
    """Every string of a drawing set in a registered TrueType font (``font`` if not)."""
    from reportlab.graphics.shapes import String
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, String):
            try:
                registered = isinstance(pdfmetrics.getFont(item.fontName), TTFont)
            except (KeyError, ValueError):
                registered = False
            if not registered:
                item.fontName = font
        stack.extend(getattr(item, "contents", []) or [])


def logo_flowables(theme: Theme, font: tuple[str, float]) -> list[Flowable]:
    """The logo scaled to the style's width, then the space below it; [] if the style has none."""
    logo = theme.logo
    if logo is None:
        return []
    if logo.svg:
        from svglib.svglib import svg2rlg

        drawing = svg2rlg(io.BytesIO(logo.data))
        if drawing is None or not drawing.width:
            return []
        _house_fonts(drawing, font[0])
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
