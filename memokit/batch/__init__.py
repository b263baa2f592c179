"""Many memos at once: parallel, incremental, isolated, with a machine-readable report."""

from memokit.batch.discover import MemoTarget, find_memos
from memokit.batch.report import BuildReport, MemoReport
from memokit.batch.runner import build

__all__ = ["BuildReport", "MemoReport", "MemoTarget", "build", "find_memos"]
