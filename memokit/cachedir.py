"""Where memokit keeps what it can make again (drawn figures, formatted citations): a folder per
kind under ``$MEMOKIT_CACHE_DIR``, else under ``$XDG_CACHE_HOME`` or ``~/.cache``, ``memokit/``;
and a store of plain values (what a font's tables give, for one) read back without building any
object but numbers, strings, bytes and containers."""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import pickle
import tempfile
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any


def cache_dir(kind: str) -> Path:
    """The cache folder of one kind of result ('figures', 'citations')."""
    env = os.environ.get("MEMOKIT_CACHE_DIR")
    if env:
        return Path(env) / kind
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "memokit" / kind


class _Plain(pickle.Unpickler):
    """Builds plain values only (numbers, strings, bytes, tuples, lists, dicts, sets)."""

    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"{module}.{name} is not a plain value")


@lru_cache(maxsize=8)
def versions_key(fmt: int, package: str) -> bytes:
    """What a cache entry made with ``package`` depends on besides its input: the entry's format
    number and the package's version."""
    try:
        return f"{fmt}/{metadata.version(package)}".encode()
    except metadata.PackageNotFoundError:
        return f"{fmt}/?".encode()


def content_key(*parts: bytes) -> str:
    """A cache key for what ``parts`` (versions, file contents) determine."""
    h = hashlib.sha256()
    for part in parts:
        h.update(len(part).to_bytes(8, "big") + part)
    return h.hexdigest()


def load_plain(kind: str, key: str) -> Any:
    """The plain value stored under ``key`` in the ``kind`` cache, or None (missing, cut short,
    or holding anything but plain values: nothing else is ever built from a cache file)."""
    try:
        return _Plain(io.BytesIO((cache_dir(kind) / key[:2] / f"{key}.pickle").read_bytes())).load()
    except Exception:  # noqa: BLE001  # any unreadable entry is a miss
        return None


def store_plain(kind: str, key: str, value: Any) -> None:
    """Store a plain value atomically; a cache that cannot be written is only slower."""
    path = cache_dir(kind) / key[:2] / f"{key}.pickle"
    try:
        content = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{key[:8]}", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(content)
            os.replace(tmp, path)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    except (OSError, pickle.PicklingError, TypeError, AttributeError, RecursionError):
        return
