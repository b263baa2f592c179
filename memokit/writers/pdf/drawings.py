"""A chart's SVG converted to a reportlab Drawing once, not on every render.

svglib takes about a tenth of a second to convert a chart, the same every time. The converted
Drawing is kept in memory for the process (a build's worker renders many memos; a second
render of one memo converts nothing) and on disk beside the figure cache (a new process reads
it back in a few milliseconds). The key is the SVG itself, the fonts the SVG's text maps to,
and the versions of memokit, svglib and reportlab, so a changed chart, house font or library
converts again. A stored Drawing is read back by an unpickler that builds only reportlab's
graphics shapes, colours and attribute checks and svglib's two path kinds, nothing else.
Callers get a shallow copy, to scale as they need without touching the cached one.
"""

from __future__ import annotations

import contextlib
import copy
import hashlib
import io
import os
import pickle
import tempfile
from collections import OrderedDict
from functools import lru_cache
from importlib import metadata

from reportlab.graphics.shapes import Drawing

from memokit import cachedir
from memokit.version import __version__

FORMAT = 1  # bump when what is stored changes
MEMORY_ENTRIES = 4  # Drawings kept in memory (up to a few MB each)
MAX_STORED_BYTES = 32_000_000  # a stored Drawing larger than this is not read
_memory: OrderedDict[str, Drawing] = OrderedDict()

_ALLOWED_MODULES = {"reportlab.graphics.shapes", "reportlab.lib.colors", "reportlab.lib.attrmap",
                    "reportlab.lib.validators"}
_ALLOWED_NAMES = {("svglib.svglib", "ClippingPath"), ("svglib.svglib", "NoStrokePath")}


@lru_cache(maxsize=1)
def _versions() -> str:
    found = []
    for dist in ("svglib", "reportlab"):
        try:
            found.append(metadata.version(dist))
        except metadata.PackageNotFoundError:
            found.append("?")
    return f"{FORMAT}/{__version__}/" + "/".join(found)


def _font_map(svg: bytes) -> str:
    """The svglib font-map entries of every family the SVG names: what its text turns into."""
    from svglib import fonts as svgfonts

    fmap = svgfonts.get_global_font_map()
    table = getattr(fmap, "_map", None)
    if not isinstance(table, dict):
        return "?"
    lowered = svg.lower()
    used = sorted((name, repr(sorted(entry.items()))) for name, entry in table.items()
                  if str(entry.get("svg_family", "")).lower().encode() in lowered)
    return repr(used)


def _key(svg: bytes) -> str:
    h = hashlib.sha256()
    for part in (_versions().encode(), _font_map(svg).encode(), svg):
        h.update(len(part).to_bytes(8, "big") + part)
    return h.hexdigest()


class _Shapes(pickle.Unpickler):
    """Builds only graphics shapes, colours and their attribute checks."""

    def find_class(self, module: str, name: str) -> type:
        if module in _ALLOWED_MODULES or (module, name) in _ALLOWED_NAMES:
            found = super().find_class(module, name)
            if isinstance(found, type):
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not a graphics shape")


def _fonts_known(drawing: Drawing) -> bool:
    """Whether every font the Drawing's text names is registered in this process."""
    from reportlab.pdfbase import pdfmetrics

    known = set(pdfmetrics.getRegisteredFontNames()) | set(pdfmetrics.standardFonts)
    stack: list[object] = [drawing]
    while stack:
        node = stack.pop()
        font = getattr(node, "fontName", None)
        if font is not None and font not in known:
            return False
        stack.extend(getattr(node, "contents", ()))
    return True


def _read(key: str) -> Drawing | None:
    path = cachedir.cache_dir("drawings") / key[:2] / f"{key}.pickle"
    try:
        if path.stat().st_size > MAX_STORED_BYTES:
            return None
        found = _Shapes(io.BytesIO(path.read_bytes())).load()
    except Exception:  # noqa: BLE001  # missing, cut short or not ours: convert again
        return None
    if not isinstance(found, Drawing) or not _fonts_known(found):
        return None
    return found


def _write(key: str, drawing: Drawing) -> None:
    """Store the Drawing atomically; a cache that cannot be written is only slower."""
    base = cachedir.cache_dir("drawings") / key[:2]
    try:
        content = pickle.dumps(drawing, protocol=pickle.HIGHEST_PROTOCOL)
        base.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=base, prefix=f".{key[:8]}", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(content)
            os.replace(tmp, base / f"{key}.pickle")
        finally:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    except (OSError, pickle.PicklingError, TypeError, AttributeError, RecursionError):
        return


def chart_drawing(svg: bytes) -> Drawing | None:
    """The SVG as a Drawing at its own size (a copy the caller may scale), or None if svglib
    cannot read it."""
    key = _key(svg)
    drawing = _memory.get(key)
    if drawing is None:
        drawing = _read(key)
        if drawing is None:
            from svglib.svglib import svg2rlg

            try:
                drawing = svg2rlg(io.BytesIO(svg))
            except Exception:  # svglib raises many kinds of errors on SVG it cannot read
                return None
            if drawing is None:
                return None
            _write(key, drawing)
        _memory[key] = drawing
        while len(_memory) > MEMORY_ENTRIES:
            _memory.popitem(last=False)
    else:
        _memory.move_to_end(key)
    return copy.copy(drawing)
