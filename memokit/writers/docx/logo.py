"""The style's logo at the top of the title block, as a picture described by the institute's name.

A PNG logo is embedded as it is. An SVG logo is embedded as Word's SVG picture, with
the PNG of the same name beside it (``logo.png`` for ``logo.svg``) as the fallback older
editors show; without one, the fallback is a blank image of the same size. Both are the
bytes the style loader checked (``Logo.data``, ``Logo.fallback``), never read again.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from docx.enum.text import WD_LINE_SPACING
from docx.shared import Pt

from memokit.present import Role, spacing
from memokit.writers.docx import _oxml

if TYPE_CHECKING:
    from memokit.writers.docx.blocks import Body


def _blank_png() -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGBA", (1, 1), (255, 255, 255, 0)).save(buf, format="PNG")
    return buf.getvalue()


def logo_paragraph(body: Body) -> None:
    """Add the logo in its own paragraph; nothing if the style names none."""
    logo = body.theme.logo
    if logo is None:
        return
    svg = logo.svg
    given = logo.fallback if svg else logo.data
    png = given or _blank_png()
    para = body.paragraph(Role.SERIES)
    fmt = para.paragraph_format  # the picture sets the line's height, not the style's exact leading
    fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    fmt.space_after = Pt(spacing(body.theme).logo_after)
    run = _oxml.add_run(para._p, "", para)
    shape = run.add_picture(io.BytesIO(png), width=Pt(logo.width))
    if svg and not given:
        shape.height = shape.width  # a blank fallback: the SVG's own box decides in Word
    _oxml.describe_picture(shape._inline, "Logo", logo.alt or body.theme.institute)
    if svg:
        _oxml.add_svg_alternative(shape._inline, para.part, logo.data)
