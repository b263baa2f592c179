"""Rewrite the golden model dumps from the current code: ``python -m tests.golden.update``."""

from tests.golden import MEMOS, current, golden_path

if __name__ == "__main__":
    for name in MEMOS:
        golden_path(name).write_text(current(name), encoding="utf-8")
        print(golden_path(name))
