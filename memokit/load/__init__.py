"""YAML memo files -> the Memo model, or located errors."""

from memokit.load.build import LoadResult, load_memo
from memokit.load.inputs import MemoInputs, memo_inputs

__all__ = ["LoadResult", "MemoInputs", "load_memo", "memo_inputs"]
