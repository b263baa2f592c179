"""Spacing derived from the Theme, computed once for every writer."""

from __future__ import annotations

from dataclasses import dataclass

from memokit.style.theme import Theme


@dataclass(frozen=True)
class Spacing:
    """Vertical space in points that the style file does not give directly."""

    gap: float  # between the lines of the title block
    colophon_after: float  # below the colophon (above the rule)
    logo_after: float  # below the logo
    source_before: float  # between a caption (or table) and its source line
    leading_ratio: float  # the body's leading / size, for sizes without a leading of their own

    def leading(self, size: float) -> float:
        """The leading of text set at ``size`` that has no leading of its own."""
        return size * self.leading_ratio


def spacing(theme: Theme) -> Spacing:
    gap = float(theme.title_block.gap)
    return Spacing(gap=gap, colophon_after=2 * gap, logo_after=2 * gap, source_before=gap / 2,
                   leading_ratio=theme.sizes.leading / theme.sizes.body)
