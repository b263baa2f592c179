"""SVG logos, made safe to draw: parsed without entities, bounded, and with every reference
to something outside the file refused or taken in.

An SVG logo may refer to elements of its own file (``#id``) and hold small PNG or JPEG
pictures as ``data:`` URIs. A picture file beside it (``<image href="crest.png">``) is taken
in as a ``data:`` URI when it lies where the style may take files from (see
memokit.style.contain). Everything else is refused with a message saying what to change:
a DOCTYPE (entity declarations: XXE, "billion laughs"), processing instructions, scripts,
``file:``, ``http(s):`` and other URLs, references to other SVG files, CSS ``@import`` and
``url()`` pointing outside the file, large or other ``data:`` URIs. The writers draw the
checked bytes, never the file again.
"""

from __future__ import annotations

import base64
import binascii
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any
from xml.parsers import expat

from memokit.style.images import PictureProblem, check_raster
from memokit.style.limits import (
    DATA_URI_TYPES,
    MAX_DATA_URI_BYTES,
    MAX_LOGO_BYTES,
    MAX_SVG_DEPTH,
    MAX_SVG_ELEMENTS,
)

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
_FORBIDDEN = {"script", "foreignObject", "iframe", "embed", "object", "handler", "listener"}
_SCHEME = re.compile(r"^\s*([A-Za-z][A-Za-z0-9+.-]*):")
_URL = re.compile(r"url\(\s*(['\"]?)(.*?)\1\s*\)", re.I | re.S)
_DATA = re.compile(r"^data:([a-z]+/[a-z0-9.+-]+)((?:;[^;,]*)*?)(;base64)?,(.*)$", re.I | re.S)
_RASTER = {".png": ("image/png", "PNG"), ".jpg": ("image/jpeg", "JPEG"),
           ".jpeg": ("image/jpeg", "JPEG")}
_PIL_FORMAT = {"image/png": "PNG", "image/jpeg": "JPEG"}


class SvgProblem(Exception):
    """What is wrong with an SVG logo; the message is complete and says how to fix it."""


class _Refused(Exception):
    pass


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1]


def _first_pass(data: bytes) -> bool:
    """Parse once with expat, refusing entity declarations, an internal DTD and processing
    instructions before any of them can take effect; count elements and depth. True if the
    file has a DOCTYPE (an external one, which the writers are not given)."""
    parser = expat.ParserCreate()
    depth, count, seen_doctype = [0], [0], [False]

    def refuse(why: str) -> Callable[..., None]:
        def handler(*_args: object) -> None:
            raise _Refused(why)
        return handler

    def start(*_args: object) -> None:
        depth[0] += 1
        count[0] += 1
        if depth[0] > MAX_SVG_DEPTH:
            raise _Refused(f"nests elements more than {MAX_SVG_DEPTH} deep (a limit of "
                           "memokit); flatten the groups")
        if count[0] > MAX_SVG_ELEMENTS:
            raise _Refused(f"has more than {MAX_SVG_ELEMENTS:,} elements (a limit of "
                           "memokit); simplify the drawing")

    def end(*_args: object) -> None:
        depth[0] -= 1

    doctype = ("declares entities or a DTD in its DOCTYPE, which a logo may not do (they can "
               "read files or expand without end): delete the <!DOCTYPE ...> part")
    def start_doctype(_name: str, _system: str | None, _public: str | None,
                      internal_subset: int) -> None:
        if internal_subset:  # an external DTD alone is never read (expat does not fetch it)
            raise _Refused(doctype)
        seen_doctype[0] = True

    parser.StartDoctypeDeclHandler = start_doctype
    parser.EntityDeclHandler = refuse(doctype)
    parser.UnparsedEntityDeclHandler = refuse(doctype)
    parser.ExternalEntityRefHandler = refuse(doctype)
    parser.ProcessingInstructionHandler = refuse(
        "has a processing instruction (<?...?>, e.g. an xml-stylesheet); delete it")
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    try:
        parser.Parse(data, True)
    except _Refused as exc:
        raise SvgProblem(str(exc)) from None
    except expat.ExpatError as exc:
        raise SvgProblem(f"is not a well-formed SVG file ({expat.ErrorString(exc.code)} at line "
                         f"{exc.lineno}, column {exc.offset + 1}); save it again as plain SVG"
                         ) from None
    return seen_doctype[0]


def sanitise_svg(data: bytes, folder: Path, allowed: Callable[[Path], bool]) -> bytes:
    """The SVG logo ``data`` (from a file in ``folder``) as the writers may draw it; raise
    SvgProblem when it refers to anything outside itself that cannot be taken in."""
    if len(data) > MAX_LOGO_BYTES:
        raise SvgProblem(f"is larger than the limit of {MAX_LOGO_BYTES // 1_000_000} MB for a "
                         "logo; simplify it")
    changed = _first_pass(data)  # a DOCTYPE is left out of what the writers draw
    root = ET.fromstring(data)  # safe now: no entities, no internal DTD, bounded
    if _local(root.tag) != "svg":
        raise SvgProblem(f"is not an SVG file (its root element is <{_local(root.tag)}>, not "
                         "<svg>); save the logo as SVG or PNG")
    for el in root.iter():
        name = _local(el.tag) if isinstance(el.tag, str) else ""
        if name in _FORBIDDEN:
            raise SvgProblem(f"has a <{name}> element; a logo is a drawing: delete it")
        if name == "style" and el.text:
            _check_css(el.text, "a <style> element")
        for attr, value in list(el.attrib.items()):
            local = _local(attr)
            if local == "base" and attr.startswith("{http://www.w3.org/XML/1998/namespace}"):
                raise SvgProblem("has an xml:base attribute; delete it and keep references "
                                 "inside the file")
            if local.startswith("on"):
                raise SvgProblem(f"has an event attribute '{local}' on <{name}>; delete it")
            if local == "href":
                new = _href(value, name, folder, allowed)
                if new != value:
                    el.set(attr, new)
                    changed = True
            else:
                _check_css(value, f"the {local} attribute of <{name}>")
    if not changed:
        return data
    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", XLINK_NS)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _check_css(text: str, where: str) -> None:
    if "@import" in text.lower():
        raise SvgProblem(f"has a CSS @import in {where}; delete it and keep the styles in the "
                         "file")
    for m in _URL.finditer(text):
        target = m.group(2).strip()
        if not target.startswith("#"):
            raise SvgProblem(f"refers to '{target[:80]}' with url() in {where}; only elements "
                             "of the same file may be named (url(#id))")


def _href(value: str, element: str, folder: Path, allowed: Callable[[Path], bool]) -> str:
    """The reference ``value`` as the writers may follow it; SvgProblem if it may not be."""
    ref = value.strip()
    if ref.startswith("#") or not ref:
        return ref
    if ref[:5].lower() == "data:":
        _check_data(ref, element)
        return ref
    scheme = _SCHEME.match(ref)
    if scheme and len(scheme.group(1)) > 1:  # a one-letter "scheme" is a Windows drive
        raise SvgProblem(f"has <{element}> referring to '{ref[:80]}'; a logo may not fetch anything "
                         f"({scheme.group(1).lower()}: references are refused): embed the "
                         "picture in the SVG or put it beside the logo")
    path_text = ref.split("#", 1)[0]
    target = Path(path_text)
    if "\x00" in path_text or target.is_absolute() or scheme or path_text.startswith("\\"):
        raise SvgProblem(f"has <{element}> referring to '{ref[:80]}' by an absolute path; refer to a "
                         "picture beside the logo by its name")
    full = folder / target
    if not allowed(full):
        raise SvgProblem(f"has <{element}> referring to '{ref[:80]}', outside the style's folder; "
                         "a house style may use only files inside its own folder, a style "
                         "folder inside the memo's folder tree or a built-in style (symbolic "
                         "links are followed)")
    kind = _RASTER.get(full.suffix.lower())
    if element != "image" or kind is None:
        raise SvgProblem(f"has <{element}> referring to another file ('{ref[:80]}'); a logo may take "
                         "in PNG or JPEG pictures (<image>) only: copy the shapes into the logo "
                         "and refer to them as #id")
    if not full.is_file():
        raise SvgProblem(f"has <{element}> referring to '{ref[:80]}', which is not a file beside the "
                         "logo; check the name")
    if full.stat().st_size > MAX_DATA_URI_BYTES:
        raise SvgProblem(f"takes in the picture '{ref[:80]}', larger than the limit of "
                         f"{MAX_DATA_URI_BYTES // 1024} KB for a picture inside a logo")
    raw = full.read_bytes()[: MAX_DATA_URI_BYTES + 1]
    try:
        check_raster(raw, (kind[1],), f"the picture '{ref[:80]}'")
    except PictureProblem as exc:
        raise SvgProblem(f"takes in a picture that is unusable: {exc}") from None
    return f"data:{kind[0]};base64," + base64.b64encode(raw).decode("ascii")


def _check_data(ref: str, element: str) -> None:
    m = _DATA.match(ref)
    mime = m.group(1).lower() if m else "?"
    if element != "image" or not m or mime not in DATA_URI_TYPES or not m.group(3) \
            or not ref.startswith(f"data:{mime};base64,"):
        raise SvgProblem(f"has <{element}> holding a data: URI of type {mime}; a logo may hold only "
                         f"{' or '.join(DATA_URI_TYPES)} pictures, written as "
                         "'data:image/png;base64,...' in an <image>")
    payload = re.sub(r"\s+", "", m.group(4))
    if len(payload) * 3 // 4 > MAX_DATA_URI_BYTES:
        raise SvgProblem(f"has <{element}> holding a data: picture larger than the limit of "
                         f"{MAX_DATA_URI_BYTES // 1024} KB; use a smaller picture")
    try:
        raw = base64.b64decode(payload, validate=True)
    except (binascii.Error, ValueError):
        raise SvgProblem(f"has <{element}> holding a data: URI that is not valid base64; save the "
                         "logo again") from None
    try:
        check_raster(raw, (_PIL_FORMAT[mime],), f"the data: picture in <{element}>")
    except PictureProblem as exc:
        raise SvgProblem(f"holds a picture that is unusable: {exc}") from None


class _HouseFonts:
    """A font map for svglib that knows only fonts already registered as TrueType (the house
    families memokit registers); any other family an SVG names, or none, gets ``fallback``.
    svglib's own map would open a file named after the family (``/abs/Evil`` -> /abs/Evil.ttf)
    or ask fontconfig for a system font."""

    def __init__(self, fallback: str):
        self.fallback = fallback

    def find_font(self, font_name: str, weight: str = "normal",
                  style: str = "normal") -> tuple[str, bool]:
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont
        from svglib import fonts as svgfonts

        fmap = svgfonts.get_global_font_map()
        family = getattr(fmap, "_family_index", {}).get(font_name.lower(), font_name)
        entry = getattr(fmap, "_map", {}).get(
            svgfonts.FontMap.build_internal_name(family, weight, style))
        name = str(entry["rlgFont"]) if isinstance(entry, dict) else ""
        try:
            if name and isinstance(pdfmetrics.getFont(name), TTFont):
                return name, True
        except (KeyError, ValueError):
            pass
        return self.fallback, False


def svg_drawing(data: bytes, fallback_font: str = "Helvetica") -> Any:
    """The checked SVG ``data`` as a reportlab Drawing (None if svglib cannot read it), its
    text in registered TrueType fonts, others replaced by ``fallback_font``."""
    import io

    from reportlab.graphics.shapes import String
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from svglib.svglib import svg2rlg

    drawing = svg2rlg(io.BytesIO(data), font_map=_HouseFonts(fallback_font))
    stack = [drawing] if drawing is not None else []
    while stack:
        item = stack.pop()
        if isinstance(item, String):
            try:
                registered = isinstance(pdfmetrics.getFont(item.fontName), TTFont)
            except (KeyError, ValueError):
                registered = False
            if not registered:
                item.fontName = fallback_font
        stack.extend(getattr(item, "contents", None) or [])
    return drawing


def drawing_problem(data: bytes) -> str | None:
    """Why the checked SVG ``data`` cannot be drawn as a logo (None if it can): tried once
    with the converter the PDF writer uses, so the render does not fail on it later."""
    import logging
    import math

    log = logging.getLogger("svglib")
    level = log.level
    log.setLevel(logging.CRITICAL)  # what it cannot draw it leaves out; the check says why not
    try:
        drawing = svg_drawing(data)
    except Exception as exc:  # noqa: BLE001  # any failure of the converter: the file is at fault
        reason = str(exc).strip().rstrip(".") or type(exc).__name__
        return f"cannot be drawn ({reason[:120]}); save it again as plain SVG"
    finally:
        log.setLevel(level)
    if drawing is None:
        return "cannot be read as SVG; save it again as plain SVG"
    w, h = drawing.width, drawing.height
    if not (isinstance(w, (int, float)) and isinstance(h, (int, float)) and math.isfinite(w)
            and math.isfinite(h) and w > 0 and h > 0):
        return ("has no size; give the <svg> element a width and height (or a viewBox) greater "
                "than 0")
    return None
