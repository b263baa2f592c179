"""Rendered charts cached on disk by a hash of everything that shapes them.

The key covers the data points drawn, the chart spec, the house-style values
used (fonts by content), the memokit version, the figure code itself and the
matplotlib version. Reading a hit never imports matplotlib.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from memokit import cachedir
from memokit.version import __version__

FORMAT = 2  # bump when the cache layout changes


def cache_dir() -> Path:
    """The figures cache folder (see :mod:`memokit.cachedir`)."""
    return cachedir.cache_dir("figures")


@lru_cache(maxsize=1)
def _code_hash() -> str:
    """The figure code's own source (and the series code it draws from), so a changed chart
    rule never serves a stale picture."""
    h = hashlib.sha256()
    series = Path(__file__).parent.parent / "data" / "series.py"
    for p in [*sorted(Path(__file__).parent.glob("*.py")), series]:
        h.update(p.name.encode() + b"\0" + p.read_bytes())
    return h.hexdigest()


@lru_cache(maxsize=1)
def _matplotlib_version() -> str:
    try:
        return metadata.version("matplotlib")
    except metadata.PackageNotFoundError:
        return "?"


def cache_key(data_key: object, look_key: object) -> str:
    """Content hash of the chart's data and spec, the style values, and the code versions."""
    doc = {"format": FORMAT, "memokit": __version__, "code": _code_hash(),
           "matplotlib": _matplotlib_version(), "data": data_key, "look": look_key}
    text = json.dumps(doc, sort_keys=True, ensure_ascii=True, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


@dataclass(frozen=True)
class Entry:
    svg: bytes
    png: bytes
    width_pt: float
    height_pt: float


def _digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def load(key: str, folder: Path | None = None) -> Entry | None:
    """The cached entry for ``key``, or None (missing, unreadable, or not what was stored:
    each file is checked against the content hash recorded with it, and a bad entry is
    removed so it is drawn again)."""
    base = (folder or cache_dir()) / key[:2]
    try:
        meta = json.loads((base / f"{key}.json").read_text(encoding="utf-8"))
        svg, png = (base / f"{key}.svg").read_bytes(), (base / f"{key}.png").read_bytes()
        if _digest(svg) != meta["svg_sha256"] or _digest(png) != meta["png_sha256"]:
            _discard(base, key)
            return None
        return Entry(svg, png, float(meta["width_pt"]), float(meta["height_pt"]))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _discard(base: Path, key: str) -> None:
    for suffix in (".json", ".svg", ".png"):
        with contextlib.suppress(OSError):
            (base / f"{key}{suffix}").unlink()


def store(key: str, entry: Entry, folder: Path | None = None) -> str | None:
    """Write an entry atomically (the .json with the content hashes last, so a reader never
    sees half an entry). Return None, or why the cache could not be written: that is not an
    error (the chart was drawn anyway), only worth a note."""
    base = (folder or cache_dir()) / key[:2]
    meta = json.dumps({"width_pt": entry.width_pt, "height_pt": entry.height_pt,
                       "svg_sha256": _digest(entry.svg), "png_sha256": _digest(entry.png)}).encode()
    try:
        base.mkdir(parents=True, exist_ok=True)
        for suffix, content in ((".svg", entry.svg), (".png", entry.png), (".json", meta)):
            fd, tmp = tempfile.mkstemp(dir=base, prefix=f".{key[:8]}", suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(content)
                os.replace(tmp, base / f"{key}{suffix}")
            finally:
                if os.path.exists(tmp):
                    os.unlink(tmp)
    except OSError as exc:
        return f"the figure cache {folder or cache_dir()} cannot be written ({exc.strerror or exc}); " \
               "charts are drawn without it"
    return None
