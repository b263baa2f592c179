"""Picture files shown as figures -> FigureAsset: a bitmap as it is; an SVG kept as vector for
the PDF and the DOCX, with a PNG drawn from it for programs that do not show SVG.

The PNG is drawn from the same reportlab drawing the PDF writer draws (svglib), rendered by
PDFium, so the fallback looks as the PDF does.
"""

from __future__ import annotations

import io
import math

from memokit.figures.asset import FigureAsset
from memokit.model.nodes import Figure, ImageSpec
from memokit.resolve.images import printed_width
from memokit.style.theme import Theme

FALLBACK_DPI = 300  # of the PNG drawn from an SVG, at the width it prints at
MAX_FALLBACK_PIXELS = 12_000_000  # of that PNG (a tall drawing is drawn at a lower dpi)


def image_asset(figure: Figure, theme: Theme) -> FigureAsset:
    """The asset of a figure that shows a picture file (``figure.image`` is set)."""
    image = figure.image
    assert image is not None
    if image.kind != "svg":
        return FigureAsset(figure.id, b"", bytes(image.data), float(image.width), float(image.height),
                           figure.alt)
    png = svg_fallback(image, printed_width(figure.width, theme))
    return FigureAsset(figure.id, bytes(image.data), png, image.width, image.height, figure.alt)


def svg_fallback(image: ImageSpec, width_pt: float) -> bytes:
    """A PNG of the checked SVG at FALLBACK_DPI when printed ``width_pt`` wide."""
    import pypdfium2 as pdfium
    from reportlab.graphics import renderPDF

    from memokit.style.svg import svg_drawing

    drawing = svg_drawing(bytes(image.data))
    scale = width_pt / drawing.width * FALLBACK_DPI / 72
    pixels = drawing.width * drawing.height * scale * scale
    if pixels > MAX_FALLBACK_PIXELS:
        scale *= math.sqrt(MAX_FALLBACK_PIXELS / pixels)
    doc = pdfium.PdfDocument(renderPDF.drawToString(drawing))
    try:
        bitmap = doc[0].render(scale=scale)
        out = io.BytesIO()
        bitmap.to_pil().save(out, "PNG", optimize=True)
    finally:
        doc.close()
    return out.getvalue()
