"""YAML memo files -> the Memo model as written (numbered and checked by ``resolve``)."""

from memokit.load.build import Built, build_memo, sorted_errors
from memokit.load.inputs import MemoInputs, memo_inputs

__all__ = ["Built", "MemoInputs", "build_memo", "memo_inputs", "sorted_errors"]
