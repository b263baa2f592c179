"""What the figure code hands to the writers."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class FigureAsset:
    """One rendered chart: vector SVG (text kept as text, in the house font) and a PNG."""

    id: str
    svg: bytes
    png: bytes
    width_pt: float  # the size it was drawn at; writers scale to fit the column or page
    height_pt: float
    alt: str
