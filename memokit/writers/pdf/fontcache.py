"""TrueType faces read once, not in every process.

reportlab reads a TrueType file (its character map, metrics and tables) in pure Python: about
6 ms a face, and a house style registers sixteen. What it reads is kept on disk, keyed by the
file's content and the versions of reportlab and memokit, as plain values (numbers, strings,
bytes, lists and dicts; the unpickler builds nothing else), and a new process builds the face
from them. The font program itself is read from the file as before.
"""

from __future__ import annotations

from fnmatch import fnmatch
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

from reportlab import rl_config
from reportlab.pdfbase.ttfonts import TTEncoding, TTFNameBytes, TTFont, TTFontFace

from memokit import cachedir
from memokit.version import __version__

FORMAT = 1  # bump when what is stored changes
_NAME = "\0ttfname"  # marks a TTFNameBytes value in what is stored
_NOT_STORED = ("_ttf_data", "_pdfScale")  # the file's bytes (read again) and a function


@lru_cache(maxsize=1)
def _versions() -> bytes:
    try:
        reportlab = metadata.version("reportlab")
    except metadata.PackageNotFoundError:
        reportlab = "?"
    return f"{FORMAT}/{__version__}/{reportlab}".encode()


def _plain(value: Any) -> Any:
    return (_NAME, bytes(value)) if isinstance(value, TTFNameBytes) else value


def _restore(value: Any) -> Any:
    if isinstance(value, tuple) and len(value) == 2 and value[0] == _NAME:
        return TTFNameBytes(value[1], "utf8")  # stored as UTF-8: the same bytes and text
    return value


def _scale(units_per_em: int) -> Any:
    """reportlab's glyph-unit to 1/1000 em scale (as TTFontFile.extractInfo makes it)."""
    if units_per_em == 1000:
        return lambda x: x
    mult = 1000 / units_per_em
    return lambda x: x * mult


def _build(name: str, data: bytes, state: dict[str, Any]) -> TTFont:
    """The TTFont that ``TTFont(name, file)`` makes, from what was stored."""
    face = TTFontFace.__new__(TTFontFace)
    face.__dict__.update({k: _restore(v) for k, v in state.items()})
    face._ttf_data = data
    face._pdfScale = _scale(face.unitsPerEm)
    font = TTFont.__new__(TTFont)
    font.fontName = name
    font.face = face
    font.encoding = TTEncoding()
    font.state = WeakKeyDictionary()
    font._asciiReadable = rl_config.ttfAsciiReadable
    font.shapable = not any(fnmatch(name, glob) for glob in rl_config.unShapedFontGlob)  # as TTFont
    return font


def _fits(fresh: TTFont) -> bool:
    """Whether a face built from stored values has what reportlab's own constructor gave."""
    built = _build(fresh.fontName, fresh.face._ttf_data, {
        k: v for k, v in fresh.face.__dict__.items() if k not in _NOT_STORED})
    return (set(fresh.__dict__) == set(built.__dict__)
            and set(fresh.face.__dict__) == set(built.face.__dict__)
            and fresh._asciiReadable == built._asciiReadable and fresh._shapable == built._shapable)


def load_ttfont(name: str, path: Path, adjust: Any = None) -> TTFont:
    """``TTFont(name, path)`` after ``adjust(font)``, read from the cache when it can be."""
    data = Path(path).read_bytes()
    key = cachedir.content_key(_versions(), data)
    state = cachedir.load_plain("fonts", key)
    if isinstance(state, dict) and "unitsPerEm" in state and "filename" in state:
        state["filename"] = str(path)
        try:
            return _build(name, data, state)
        except Exception:  # noqa: BLE001  # not what this reportlab stores: read the file
            pass
    font = TTFont(name, str(path))
    if adjust is not None:
        adjust(font)
    if _fits(font):
        cachedir.store_plain("fonts", key, {k: _plain(v) for k, v in font.face.__dict__.items()
                                            if k not in _NOT_STORED})
    return font
