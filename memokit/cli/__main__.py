"""``python -m memokit.cli``: the memokit command."""

from memokit.cli import run

run()
