"""Where memokit keeps what it can make again (drawn figures, formatted citations): a folder per
kind under ``$MEMOKIT_CACHE_DIR``, else under ``$XDG_CACHE_HOME`` or ``~/.cache``, ``memokit/``."""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir(kind: str) -> Path:
    """The cache folder of one kind of result ('figures', 'citations')."""
    env = os.environ.get("MEMOKIT_CACHE_DIR")
    if env:
        return Path(env) / kind
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "memokit" / kind
