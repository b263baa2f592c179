"""The files a house style uses — its logo and its fonts — checked where they lie and what
they hold: inside the places memokit.style.contain allows, within the limits of
memokit.style.limits, readable by the writers. Each problem is a located error at the
style.yaml key that names the file."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from memokit.errors import Diagnostic, did_you_mean
from memokit.style.contain import OUTSIDE, Confinement
from memokit.style.fonts import (
    BUNDLED,
    FACES,
    FontFiles,
    available_families,
    find_family,
    font_file_problem,
    matplotlib_fonts,
    path_like,
)
from memokit.style.images import PictureProblem, check_raster
from memokit.style.inherit import Layered, folders
from memokit.style.limits import MAX_LOGO_BYTES
from memokit.style.svg import SvgProblem, drawing_problem, sanitise_svg

if TYPE_CHECKING:
    from memokit.source.located import Located
    from memokit.style.theme import Theme

ROLES = ("body", "heading", "symbol", "mono")


def _trusted(path: Path) -> bool:
    """Fonts memokit ships (and matplotlib's DejaVu): not checked again for every style."""
    resolved = path.resolve()
    roots = [BUNDLED.resolve()] + ([matplotlib_fonts().resolve()] if matplotlib_fonts() else [])
    return any(r == resolved or r in resolved.parents for r in roots)


def check_fonts(theme: Theme, doc: Located | Layered, confine: Confinement) -> list[Diagnostic]:
    """Each role's family found by name, its files inside the allowed places and readable."""
    out = []
    where = folders(doc)
    names = available_families()
    for role in ROLES:
        fam = getattr(theme.fonts, role).family
        at = ("fonts", role, "family")
        if path_like(fam):
            out.append(doc.error(at, (
                f"'{fam[:80]}' is not a font family name; a family is found by its name only "
                "(e.g. 'Carlito', 'House Sans'), never by a path: put HouseSans-Regular.ttf (and "
                "-Bold, -Italic, -BoldItalic) in the style's fonts/ folder and write 'House Sans'")))
            continue
        files = find_family(fam, theme.folder) or next(
            (f for f in (find_family(fam, w) for w in where) if f), None)
        if files is None:
            if role != "mono":  # inline code falls back to the symbol family
                out.append(doc.error(at, (
                    f"font family '{fam}' is not available{did_you_mean(fam, names)}; use one of "
                    f"{', '.join(names)} or put {fam.replace(' ', '')}-Regular.ttf (and -Bold, "
                    "-Italic, -BoldItalic) in the style's fonts/ folder")))
            continue
        problem = _font_files_problem(files, confine)
        if problem:
            out.append(doc.error(at, problem))
    return out


def _font_files_problem(files: FontFiles, confine: Confinement) -> str | None:
    for path in dict.fromkeys(files.face(f) for f in FACES):
        if _trusted(path):
            continue
        if not confine.file_allowed(path):
            return f"the font file '{path.name}' leads outside the style's folder; {OUTSIDE}"
        problem = font_file_problem(path)
        if problem:
            return (f"the font file 'fonts/{path.name}' {problem}; replace it with a working "
                    "TrueType (.ttf) file")
    return None


def load_logo(theme: Theme, doc: Located | Layered, folder: Path,
              confine: Confinement) -> tuple[Theme, list[Diagnostic]]:
    """The Theme with its logo read and checked (``Logo.data``, ``Logo.fallback``)."""
    logo = theme.logo
    if logo is None:
        return theme, []
    at = ("logo", "file")

    def error(message: str) -> tuple[Theme, list[Diagnostic]]:
        return theme, [doc.error(at, message)]

    raw = logo.file
    base = doc.folder_of(at) if isinstance(doc, Layered) else folder
    if "\x00" in raw or not raw.strip():
        return error("a logo is named by a file name; write e.g. 'logo.svg'")
    if Path(raw).is_absolute() or raw.startswith("\\") or (len(raw) > 1 and raw[1] == ":"):
        return error(f"'{raw}' is an absolute path; name the logo by its path inside the style's "
                     f"folder (e.g. 'logo.svg'); {OUTSIDE}")
    path = base / raw
    if not confine.file_allowed(path):
        return error(f"'{raw}' leads outside the style's folder; {OUTSIDE}")
    if path.suffix.lower() not in (".svg", ".png"):
        return error("a logo is an .svg or .png file")
    if not path.is_file():
        return error(f"no logo file '{raw}' next to the style.yaml that names it")
    resolved = path.resolve()
    if resolved.stat().st_size > MAX_LOGO_BYTES:
        return error(f"the logo '{raw}' is larger than the limit of {MAX_LOGO_BYTES // 1_000_000} "
                     "MB; use a smaller file")
    data = resolved.read_bytes()
    fallback = None
    try:
        if path.suffix.lower() == ".svg":
            data = sanitise_svg(data, resolved.parent, confine.file_allowed)
            problem = drawing_problem(data)
            if problem:
                return error(f"the SVG logo '{raw}' {problem}")
            fallback = _fallback(path, raw, confine)
        else:
            check_raster(data, ("PNG",), f"the logo '{raw}'")
    except SvgProblem as exc:
        return error(f"the SVG logo '{raw}' {exc}")
    except PictureProblem as exc:
        return error(str(exc))
    return replace(theme, logo=replace(logo, path=resolved, data=data, fallback=fallback)), []


def _fallback(svg: Path, raw: str, confine: Confinement) -> bytes | None:
    """The PNG beside an SVG logo (shown by editors without SVG), checked like a PNG logo."""
    png = svg.with_suffix(".png")
    if not png.is_file() and not png.is_symlink():
        return None
    what = f"the PNG beside the logo ('{Path(raw).with_suffix('.png')}', shown by older editors)"
    if not confine.file_allowed(png) or not png.is_file():
        raise PictureProblem(f"{what} leads outside the style's folder; {OUTSIDE}")
    if png.resolve().stat().st_size > MAX_LOGO_BYTES:
        raise PictureProblem(f"{what} is larger than the limit of {MAX_LOGO_BYTES // 1_000_000} MB")
    data = png.resolve().read_bytes()
    check_raster(data, ("PNG",), what)
    return data
