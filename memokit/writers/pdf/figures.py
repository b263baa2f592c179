"""Figures: the FigureAsset's SVG as vector graphics (svglib), caption and source below."""

from __future__ import annotations

import io

from reportlab.graphics.shapes import Drawing
from reportlab.platypus import Flowable, Image, Paragraph

from memokit.figures.asset import FigureAsset
from memokit.model.nodes import Figure
from memokit.writers.pdf.floats import Stack
from memokit.writers.pdf.inlines import Markup, anchor, esc
from memokit.writers.pdf.styles import Styles


def vector(asset: FigureAsset, width: float, font: tuple[str, float]) -> Drawing | None:
    """The SVG as a reportlab Drawing scaled to ``width``, or None if svglib fails."""
    from svglib.svglib import svg2rlg

    try:
        drawing = svg2rlg(io.BytesIO(asset.svg))
    except Exception:  # svglib raises many kinds of errors on SVG it cannot read
        return None
    if drawing is None or not drawing.width:
        return None
    s = width / drawing.width
    drawing.scale(s, s)
    drawing.width, drawing.height = drawing.width * s, drawing.height * s
    drawing.hAlign = "LEFT"
    drawing.initialFontName, drawing.initialFontSize = font  # not Helvetica, which is never embedded
    return drawing


def picture(asset: FigureAsset, width: float, font: tuple[str, float]) -> tuple[Flowable, bool]:
    """The figure graphic and whether it is vector (PNG only if svglib failed)."""
    d = vector(asset, width, font)
    if d is not None:
        return d, True
    ratio = asset.height_pt / asset.width_pt if asset.width_pt else 0.62
    img = Image(io.BytesIO(asset.png), width=width, height=width * ratio)
    img.hAlign = "LEFT"
    return img, False


def caption_parts(fig: Figure, styles: Styles, mk: Markup) -> list[Flowable]:
    """'Figure N: caption' (label bold) and the 'Source: ...' line."""
    fam = mk.fonts.heading
    out: list[Flowable] = [Paragraph(
        f"<b>{esc(mk.labels.figure)}&nbsp;{fig.number}:</b> {mk.inlines(fig.caption, fam)}", styles.caption)]
    if fig.source:
        out.append(Paragraph(f"{esc(mk.labels.source)}: {mk.inlines(fig.source, fam)}", styles.source))
    return out


def figure_block(fig: Figure, asset: FigureAsset | None, width: float, styles: Styles, mk: Markup,
                 space: float, floated: bool) -> tuple[Flowable, list[str]]:
    """The figure with its caption: a Stack for a page float, else kept together in the column."""
    notes: list[str] = []
    items: list[Flowable] = []
    if asset is None:
        notes.append(f"figure '{fig.id}' has no rendered chart; only its caption is shown")
    else:
        graphic, is_vector = picture(asset, width, (mk.fonts.heading.regular, styles.caption.fontSize))
        if not is_vector:
            notes.append(f"figure '{fig.id}': the SVG could not be converted; the PNG is used")
        items.append(graphic)
    items += caption_parts(fig, styles, mk)
    name = anchor("figure", fig.id)
    if floated:
        return Stack(items, anchor=name), notes
    return Stack(items, anchor=name, space_before=space, space_after=space), notes
