"""YAML memo files -> the Memo model, or located errors."""

from memokit.load.build import LoadResult, load_memo

__all__ = ["LoadResult", "load_memo"]
