"""The version of memokit (one place; the package root and the figure cache read it)."""

__version__ = "0.1.0"
