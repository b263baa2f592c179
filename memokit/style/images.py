"""Raster pictures a house style uses (a PNG logo, images inside an SVG logo): read with a
bound on their size and pixel count, decoded once to find damage before anything is drawn."""

from __future__ import annotations

import io
import struct
import warnings

from memokit.style.limits import MAX_LOGO_PIXELS


class PictureProblem(Exception):
    """What is wrong with a picture a style names; the message is complete and says how to fix it."""


def check_raster(data: bytes, formats: tuple[str, ...], what: str,
                 limit: int = MAX_LOGO_PIXELS) -> tuple[int, int]:
    """The (width, height) of a PNG or JPEG held in ``data``; PictureProblem if it is another
    kind of file, damaged or cut short, or has more than ``limit`` pixels."""
    from PIL import Image

    kinds = " or ".join(formats)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=list(formats)) as img:
                width, height = img.size
                if width < 1 or height < 1 or width * height > limit:
                    raise PictureProblem(
                        f"{what} is {width} x {height} pixels, more than the limit of "
                        f"{limit // 1_000_000} megapixels; use a smaller picture")
                img.load()
    except PictureProblem:
        raise
    except Image.UnidentifiedImageError:
        raise PictureProblem(f"{what} is not a {kinds} picture; save it as {kinds}") from None
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        size = _png_size(data)
        shown = f"is {size[0]} x {size[1]} pixels, " if size else "has "
        raise PictureProblem(f"{what} {shown}more than the limit of "
                             f"{limit // 1_000_000} megapixels; use a smaller picture"
                             ) from None
    except (OSError, SyntaxError, ValueError, EOFError, MemoryError, struct.error) as exc:
        reason = str(exc).strip().rstrip(".") or type(exc).__name__
        raise PictureProblem(f"{what} is damaged or cut short ({reason[:100]}); save it again as "
                             f"{kinds}") from None
    return width, height



def _png_size(data: bytes) -> tuple[int, int] | None:
    """Width and height from a PNG's header (PIL refuses to open very large ones)."""
    if data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR" and len(data) >= 24:
        return struct.unpack(">II", data[16:24])
    return None
