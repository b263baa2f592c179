"""Picture files shown as figures (``figure: image:``): found with the data files' path rules,
bounded, and checked for what their content is, not what their name says.

A PNG or JPEG is decoded once (bounded in pixels, so a decompression bomb is refused before
it is drawn); an SVG is made safe by the house style's SVG sanitiser (no DOCTYPE or
entities, scripts, or references outside the file) and tried with the converter the PDF
writer uses. The model carries the checked bytes; the writers never read the file again.
"""

from __future__ import annotations

from pathlib import Path

from memokit.load.datasets import safe_path
from memokit.model import Blob, ImageSpec
from memokit.style.images import PictureProblem, check_raster
from memokit.style.svg import SvgProblem, drawing_problem, sanitise_svg, svg_drawing

MAX_IMAGE_BYTES = 20_000_000  # one PNG or JPEG file
MAX_SVG_BYTES = 8_000_000  # one SVG file (the sanitiser's own bound)
MAX_IMAGE_PIXELS = 40_000_000  # decoded pixels of one PNG or JPEG (a full A4 page at 600 dpi)
KINDS = {".png": "png", ".jpg": "jpeg", ".jpeg": "jpeg", ".svg": "svg"}
_SHOWN = {"png": "PNG", "jpeg": "JPEG", "svg": "SVG"}

# The sanitiser speaks of logos; a figure's picture is told the same in its own words.
_WORDS = (
    ("outside the style's folder; a house style may use only files inside its own folder, a "
     "style folder inside the memo's folder tree or a built-in style (symbolic links are "
     "followed)", "outside the memo's folder; keep pictures in the memo's folder tree (or allow "
     "a data root with --data-root)"),
    ("save the logo as SVG or PNG", "save the picture as SVG, PNG or JPEG"),
    ("for a logo", "for an SVG picture"), ("inside a logo", "inside an SVG picture"),
    ("beside the logo", "beside the SVG file"), ("the logo", "the SVG file"),
    ("a logo", "an SVG picture"),
)


def _words(message: str) -> str:
    for old, new in _WORDS:
        message = message.replace(old, new)
    return message


def sniff(head: bytes) -> str | None:
    """The kind of picture the content is ('png', 'jpeg', 'svg'), or None."""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    text = head.lstrip(b"\xef\xbb\xbf").lstrip()
    if text.startswith(b"<") and b"<svg" in head:
        return "svg"
    return None


def image_path(raw: str, base: Path, data_root: Path | None) -> tuple[Path | None, str | None]:
    """The picture file ``raw`` names (resolved), or why it may not be used."""
    resolved, why = safe_path(raw, base, data_root)
    if why is not None:
        return None, why.replace("keep data files", "keep pictures")
    return resolved, None


def load_image(raw: str, base: Path, data_root: Path | None) -> tuple[ImageSpec | None, str | None]:
    """The checked picture ``raw`` names, or the complete message saying what is wrong with it."""
    resolved, why = image_path(raw, base, data_root)
    if why is not None or resolved is None:
        return None, why
    suffix = Path(raw).suffix.lower()
    if suffix not in KINDS:
        return None, (f"'{raw}' is not a picture memokit shows; an image is a PNG (.png), JPEG "
                      "(.jpg, .jpeg) or SVG (.svg) file: save it as one of those")
    if not resolved.is_file():
        return None, (f"picture file '{raw}' does not exist; check the name, and write the path "
                      "relative to the memo's folder")
    named = KINDS[suffix]
    limit = MAX_SVG_BYTES if named == "svg" else MAX_IMAGE_BYTES
    try:
        size = resolved.stat().st_size
        if size > limit:
            return None, (f"the picture '{raw}' is {size / 1_000_000:.1f} MB, more than the limit of "
                          f"{limit // 1_000_000} MB; use a smaller file (fewer pixels, or JPEG for a "
                          "photograph)")
        with resolved.open("rb") as f:
            data = f.read(limit + 1)
    except OSError as exc:
        return None, f"cannot read the picture '{raw}' ({exc.strerror or exc}); check that it is readable"
    if len(data) > limit:  # grew while being read
        return None, f"the picture '{raw}' is more than the limit of {limit // 1_000_000} MB"
    kind = sniff(data[:512])
    if kind is None:
        return None, (f"'{raw}' is not a {_SHOWN[named]} picture (its content is not a PNG, JPEG "
                      f"or SVG file); save it again as {_SHOWN[named]}")
    if kind != named:
        return None, (f"'{raw}' is named as {_SHOWN[named]} but holds a {_SHOWN[kind]} picture; "
                      f"rename it to end in .{'jpg' if kind == 'jpeg' else kind}")
    return _checked(raw, kind, data, resolved.parent, base, data_root)


def _checked(raw: str, kind: str, data: bytes, folder: Path, base: Path,
             data_root: Path | None) -> tuple[ImageSpec | None, str | None]:
    if kind == "svg":
        roots = [base.resolve()] + ([data_root.resolve()] if data_root else [])

        def allowed(p: Path) -> bool:
            target = p.resolve()
            return any(target == r or r in target.parents for r in roots)

        try:
            data = sanitise_svg(data, folder, allowed)
        except SvgProblem as exc:
            return None, f"the SVG picture '{raw}' {_words(str(exc))}"
        problem = drawing_problem(data)
        if problem:
            return None, f"the SVG picture '{raw}' {_words(problem)}"
        drawing = svg_drawing(data)
        return ImageSpec(raw, "svg", round(float(drawing.width), 3), round(float(drawing.height), 3),
                         Blob(data)), None
    try:
        width, height = check_raster(data, (_SHOWN[kind],), f"the picture '{raw}'", MAX_IMAGE_PIXELS)
    except PictureProblem as exc:
        return None, str(exc)
    return ImageSpec(raw, kind, width, height, Blob(data)), None  # type: ignore[arg-type]
