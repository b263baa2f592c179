"""The citation styles memokit ships (unmodified CSL files) and what the engine needs to know of a
style: its file, whether it is a notes style, and its default locale."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

STYLES_DIR = Path(__file__).parent / "styles"
SHIPPED: dict[str, str] = {
    "chicago-notes": "chicago-notes-bibliography.csl",
    "chicago-notes-ibid": "chicago-notes-bibliography-subsequent-ibid.csl",
    "chicago-author-date": "chicago-author-date.csl",
    "apa": "apa.csl",
    "harvard": "harvard-cite-them-right.csl",
}
DEFAULT_STYLE = "chicago-notes"
# a style with no default locale of its own, and the one it is written for (Cite Them Right is British)
LOCALE_FOR: dict[str, str] = {"harvard": "en-GB"}
MAX_STYLE_BYTES = 2_000_000  # a CSL file; the largest in the CSL repository is about 300 kB
_CLASS = re.compile(r"<style\b[^>]*\bclass=\"(note|in-text)\"", re.S)
_LOCALE = re.compile(r"<style\b[^>]*\bdefault-locale=\"([^\"]+)\"", re.S)


@dataclass(frozen=True)
class Style:
    """A citation style: its name as written, its CSL file and its class."""

    name: str
    path: Path
    notes: bool  # a notes style (citations become footnotes); else author-date (in the text)
    locale: str | None = None  # the locale to use when the memo gives no language of its own


def shipped(name: str) -> Style:
    """One of the shipped styles (``name`` must be in SHIPPED)."""
    path = STYLES_DIR / SHIPPED[name]
    return Style(name, path, "-notes" in name, LOCALE_FOR.get(name))


def read_style(name: str, path: Path) -> tuple[Style | None, str | None]:
    """A ``.csl`` file as a Style, or why it is not one."""
    try:
        size = path.stat().st_size
        if size > MAX_STYLE_BYTES:
            return None, (f"the style file is {size:,} bytes, more than the limit of "
                          f"{MAX_STYLE_BYTES:,}; use a CSL style file")
        head = path.read_text(encoding="utf-8", errors="replace")[:20_000]
    except OSError as exc:
        return None, f"cannot read the style file ({exc.strerror or exc})"
    m = _CLASS.search(head)
    if m is None:
        return None, ("the file is not a CSL style (no <style class=\"note\"> or class=\"in-text\"); "
                      "use a .csl file from https://github.com/citation-style-language/styles")
    loc = _LOCALE.search(head)
    return Style(name, path, m.group(1) == "note", loc.group(1) if loc else None), None
