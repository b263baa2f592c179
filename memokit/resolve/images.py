"""Pictures checked against the page they print on: a PNG or JPEG with too few pixels for
its printed width is a located warning (at its 'image:' key)."""

from __future__ import annotations

import math

from memokit.errors import Diagnostic
from memokit.model import Memo
from memokit.model.walk import figures
from memokit.style.theme import Theme

MIN_DPI = 200  # below this a bitmap looks soft in print


def printed_width(width: str, theme: Theme) -> float:
    """The width in points a figure prints at: the column, or the page's text width."""
    page = theme.page
    return page.text_width if width == "page" or page.columns == 1 else page.column_width


def image_warnings(memo: Memo, theme: Theme | None) -> list[Diagnostic]:
    """A warning for each bitmap that prints at less than MIN_DPI at its width."""
    if theme is None:
        return []
    out: list[Diagnostic] = []
    for fig in figures(memo):
        image = fig.image
        if image is None or image.kind == "svg":
            continue
        inches = printed_width(fig.width, theme) / 72
        dpi = image.width / inches
        if dpi >= MIN_DPI:
            continue
        span = dict(fig.field_spans).get("image") or fig.span
        if span is None:
            continue
        where = "the page width" if fig.width == "page" and theme.page.columns > 1 else "the column width"
        need = math.ceil(MIN_DPI * inches)
        out.append(Diagnostic.at(span, (
            f"the picture '{image.file}' is {image.width:.0f} pixels wide, so it prints at "
            f"{dpi:.0f} dpi at {where} ({inches * 25.4:.0f} mm) and looks soft; use a picture at "
            f"least {need:,} pixels wide (for {MIN_DPI} dpi)"), severity="warning"))
    return out
