"""Golden files: the resolved model of each example memo as stable text (``memokit.model.dump``).

After a change that is meant to alter the model, rewrite them with
``python -m tests.golden.update`` and review the diff.
"""

from __future__ import annotations

from pathlib import Path

from tests.helpers import EXAMPLE, ROOT

HERE = Path(__file__).resolve().parent
MEMOS = {
    "example-memo": EXAMPLE,
    "every-node": ROOT / "tests" / "fixtures" / "every-node.yaml",
}


def golden_path(name: str) -> Path:
    return HERE / f"{name}.model.txt"


def current(name: str) -> str:
    from memokit.model.dump import dump
    from memokit.resolve import load_memo

    return dump(load_memo(MEMOS[name]).memo)
