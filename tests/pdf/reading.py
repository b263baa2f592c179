"""Reading rendered PDFs back the way a reader (or a careful proof-reader) would."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from memokit.style.theme import Theme
from tests.helpers import require_tool


def pdftotext(path: Path, page: int | None = None, raw: bool = False) -> str:
    exe = require_tool("pdftotext")
    args = [exe, "-enc", "UTF-8"]
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    if raw:
        args.append("-raw")
    return subprocess.run(args + [str(path), "-"], capture_output=True, text=True, check=True).stdout


def norm(text: str) -> str:
    """Undo hyphenation at line ends, join a URL broken after '/' or '.', collapse white space."""
    text = re.sub(r"(\w)[-\u00ad]\s*\n\s*(\w)", r"\1\2", text)
    text = re.sub(r"(\w[/.])\n(?=[0-9a-z])", r"\1", text)
    return re.sub(r"\s+", " ", text).strip()


def page_count(path: Path) -> int:
    exe = require_tool("pdfinfo")
    out = subprocess.run([exe, str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", out).group(1))  # type: ignore[union-attr]


def page_texts(path: Path) -> list[str]:
    return [norm(pdftotext(path, i)) for i in range(1, page_count(path) + 1)]


@dataclass(frozen=True)
class Word:
    text: str
    page: int
    column: int  # 1, 2 ... by x position; 0 outside the columns' span
    x0: float
    x1: float
    top: float
    size: float
    font: str


@dataclass
class Layout:
    """Words of every page with their column, and each column's note rule (if any)."""

    words: list[Word]
    rules: dict[tuple[int, int], float]  # (page, column) -> top of the note rule
    pages: int

    def on(self, page: int, column: int | None = None) -> list[Word]:
        return [w for w in self.words if w.page == page and (column is None or w.column == column)]

    def find(self, text: str) -> list[Word]:
        return [w for w in self.words if w.text == text]


def column_of(x0: float, x1: float, theme: Theme) -> int:
    p = theme.page
    for i in range(p.columns):
        left = p.margin_left + i * (p.column_width + p.gutter)
        if x0 >= left - 1 and x1 <= left + p.column_width + 1:
            return i + 1
    return 0


def layout(path: Path, theme: Theme) -> Layout:
    import pdfplumber

    words: list[Word] = []
    rules: dict[tuple[int, int], float] = {}
    with pdfplumber.open(str(path)) as pdf:
        for n, page in enumerate(pdf.pages, start=1):
            for w in page.extract_words(extra_attrs=["size", "fontname"], keep_blank_chars=False):
                words.append(Word(w["text"], n, column_of(w["x0"], w["x1"], theme), w["x0"], w["x1"],
                                  w["top"], round(w["size"], 2), w["fontname"]))
            for ln in page.lines:
                length = ln["x1"] - ln["x0"]
                if abs(length - theme.notes.rule_length) < 0.5 and abs(ln["top"] - ln["bottom"]) < 0.5:
                    rules[(n, column_of(ln["x0"], ln["x1"], theme))] = ln["top"]
        return Layout(words, rules, len(pdf.pages))


def in_notes(w: Word, lay: Layout) -> bool:
    rule = lay.rules.get((w.page, w.column))
    return rule is not None and w.top > rule


def body_words(lay: Layout, theme: Theme) -> list[Word]:
    """Words set in the body size and family, outside the notes bands."""
    fam = theme.fonts.body.family.replace(" ", "")
    return [w for w in lay.words if abs(w.size - theme.sizes.body) < 0.05 and fam in w.font
            and w.column and not in_notes(w, lay)]


def lines(words: list[Word]) -> list[list[Word]]:
    """Words grouped into lines (same top), top to bottom."""
    out: dict[float, list[Word]] = {}
    for w in sorted(words, key=lambda w: (w.top, w.x0)):
        key = next((k for k in out if abs(k - w.top) < 2.0), w.top)
        out.setdefault(key, []).append(w)
    return [out[k] for k in sorted(out)]


def note_places(lay: Layout, theme: Theme) -> dict[int, tuple[int, int]]:
    """Note number -> (page, column) where the note starts (its number at the column's edge)."""
    p = theme.page
    lefts = [p.margin_left + i * (p.column_width + p.gutter) for i in range(p.columns)]
    out: dict[int, tuple[int, int]] = {}
    for w in lay.words:
        if (w.text.isdigit() and abs(w.size - theme.sizes.footnote) < 0.05 and in_notes(w, lay)
                and any(abs(w.x0 - x) < 0.6 for x in lefts)
                and w.top < theme.page.height - theme.page.margin_bottom):  # not the footer's date
            assert int(w.text) not in out, f"note {w.text} starts twice"
            out[int(w.text)] = (w.page, w.column)
    return out


def reference_places(lay: Layout, theme: Theme) -> dict[int, tuple[int, int]]:
    """Note number -> (page, column) of its superscript reference in the text."""
    fam = theme.fonts.body.family.replace(" ", "")
    out: dict[int, tuple[int, int]] = {}
    for w in lay.words:
        if (w.text.isdigit() and w.size < theme.sizes.body * 0.9 and fam in w.font and w.column
                and not in_notes(w, lay)):
            out.setdefault(int(w.text), (w.page, w.column))
    return out


def is_heading(w: Word, theme: Theme) -> bool:
    """A word of a section heading: bold heading family at one of the heading sizes."""
    sizes = (theme.sizes.heading1, theme.sizes.heading2, theme.sizes.heading3)
    return (theme.fonts.heading.family.replace(" ", "") + "-Bold" in w.font
            and any(abs(w.size - s) < 0.05 for s in sizes))
