"""Figures: the FigureAsset's SVG as vector graphics (svglib, converted once: see drawings.py),
caption and source below; a picture file as vector graphics (SVG) or as the bitmap itself (PNG,
JPEG)."""

from __future__ import annotations

import io

from reportlab.graphics.shapes import Drawing
from reportlab.platypus import Flowable, Image

from memokit.figures.asset import FigureAsset
from memokit.model.nodes import Figure, ImageSpec
from memokit.present import Role, figure_align, picture_ratio, picture_size
from memokit.style.svg import svg_drawing
from memokit.style.theme import Theme
from memokit.writers.pdf.captions import numbered_caption, source_line
from memokit.writers.pdf.drawings import chart_drawing
from memokit.writers.pdf.floats import Stack
from memokit.writers.pdf.inlines import Markup, anchor
from memokit.writers.pdf.marks import Tagged
from memokit.writers.pdf.styles import Styles

H_ALIGN = {"left": "LEFT", "center": "CENTER", "right": "RIGHT"}
PICTURE_RETRIES = 4  # columns a tall picture may pass over before it is an error


def vector(asset: FigureAsset, width: float, font: tuple[str, float]) -> Drawing | None:
    """The SVG as a reportlab Drawing scaled to ``width``, or None if svglib fails."""
    drawing = chart_drawing(asset.svg)
    if drawing is None or not drawing.width:
        return None
    s = width / drawing.width
    drawing.scale(s, s)
    drawing.width, drawing.height = drawing.width * s, drawing.height * s
    drawing.initialFontName, drawing.initialFontSize = font  # not Helvetica, which is never embedded
    return drawing


def picture(asset: FigureAsset, width: float, font: tuple[str, float], theme: Theme) -> tuple[Flowable, bool]:
    """The figure graphic, aligned as the style says, and whether it is vector (PNG only if svglib failed)."""
    graphic: Flowable | None = vector(asset, width, font)
    is_vector = graphic is not None
    if graphic is None:
        ratio = picture_ratio(asset.width_pt, asset.height_pt, theme)
        graphic = Image(io.BytesIO(asset.png), width=width, height=width * ratio)
    graphic.hAlign = H_ALIGN[figure_align(theme)]
    return graphic, is_vector


def image_picture(image: ImageSpec, asset: FigureAsset, width: float, font: tuple[str, float],
                  theme: Theme) -> Flowable | None:
    """A picture file as wide as ``width`` (narrower if it would be too tall), keeping its shape:
    an SVG as vector graphics (text in the house fonts), a bitmap embedded as it is."""
    w, h = picture_size(image.width, image.height, width, theme)
    graphic: Flowable
    if image.kind == "svg":
        drawing = svg_drawing(asset.svg, font[0])
        if drawing is None or not drawing.width:
            return None
        s = w / drawing.width
        drawing.scale(s, s)
        drawing.width, drawing.height = w, drawing.height * s
        drawing.initialFontName, drawing.initialFontSize = font  # not Helvetica, never embedded
        graphic = drawing
    else:
        graphic = Image(io.BytesIO(asset.png), width=w, height=h)
    graphic.hAlign = H_ALIGN[figure_align(theme)]
    return graphic


def figure_block(fig: Figure, asset: FigureAsset | None, width: float, styles: Styles, mk: Markup,
                 theme: Theme, floated: bool) -> tuple[Flowable, list[str]]:
    """The figure with its caption: a Stack for a page float, else kept together in the column."""
    notes: list[str] = []
    items: list[Flowable] = []
    if asset is None:
        notes.append(f"figure '{fig.id}' has no rendered chart; only its caption is shown")
    else:
        font = (mk.fonts.heading.regular, styles[Role.CAPTION].fontSize)
        shown = image_picture(fig.image, asset, width, font, theme) if fig.image else None
        if fig.image is None or shown is None:
            shown, is_vector = picture(asset, width, font, theme)
            if not is_vector:
                notes.append(f"figure '{fig.id}': the SVG could not be converted; the PNG is used")
        items.append(Tagged(shown))  # the Figure element: the story builder gives it its alt text
    items.append(numbered_caption("figure", fig.number, fig.caption, styles, mk, part=fig.part))
    src = source_line(fig.source, styles, mk)
    if src is not None:
        items.append(src)
    name = anchor("figure", fig.id)
    if floated:
        return Stack(items, anchor=name), notes
    space = theme.text.block_space
    stack = Stack(items, anchor=name, space_before=space, space_after=space)
    if fig.image is not None:  # as tall as a page allows: may need a column with no float in it
        stack.retries = PICTURE_RETRIES
    return stack, notes
