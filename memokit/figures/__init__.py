"""Charts drawn from the memo's data in the house style (matplotlib object API)."""

from memokit.figures.asset import FigureAsset

__all__ = ["FigureAsset"]
