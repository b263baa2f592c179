"""YAML memo files -> the Memo model as written (numbered and checked by ``resolve``)."""

from memokit.load.build import Built, build_memo, sorted_errors

__all__ = ["Built", "build_memo", "sorted_errors"]
