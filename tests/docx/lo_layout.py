"""Layout checks on the PDF LibreOffice makes of our DOCX, read with pdfplumber: the same
questions the PDF tests ask of our own PDF (every note on the page that cites it, no text over
other text, nothing across the gutter), so the two outputs are held to one standard.

The generated memos (tests/pdf/generate.py) mark each reference with the word ``c0001`` just
before it and start each note with ``N0001``, so notes and references are found by those words.
"""

from __future__ import annotations

import collections
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pypdf

from memokit.style.theme import Theme
from tests.helpers import require_tool

TIMEOUT = 60  # seconds LibreOffice may take for one memo


@dataclass(frozen=True)
class Word:
    text: str
    page: int  # from 1
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    font: str


@dataclass
class Converted:
    pdf: Path
    seconds: float
    words: list[Word]
    pages: int
    width: float


def convert(docx_path: Path, out_dir: Path, timeout: int = TIMEOUT) -> Converted:
    """Convert with LibreOffice headless in a profile of its own, within ``timeout`` seconds."""
    exe = require_tool("soffice")
    out_dir.mkdir(parents=True, exist_ok=True)
    profile = out_dir / "lo-profile"
    start = time.perf_counter()
    try:
        r = subprocess.run([exe, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
                            "pdf", "--outdir", str(out_dir), str(docx_path)],
                           capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise AssertionError(f"LibreOffice took more than {timeout} s for {docx_path.name}") from None
    seconds = time.perf_counter() - start
    pdf = out_dir / f"{docx_path.stem}.pdf"
    assert r.returncode == 0 and pdf.exists(), f"LibreOffice failed: {r.stdout} {r.stderr}"
    words: list[Word] = []
    with pdfplumber.open(str(pdf)) as doc:
        for n, page in enumerate(doc.pages, start=1):
            for w in page.extract_words(extra_attrs=["size", "fontname"]):
                words.append(Word(w["text"], n, w["x0"], w["x1"], w["top"], w["bottom"], round(w["size"], 2),
                                  w["fontname"]))
        width = float(doc.pages[0].width)
        pages = len(doc.pages)
    return Converted(pdf, seconds, words, pages, width)


def misplaced_notes(lo: Converted, numbers: list[int]) -> list[str]:
    """Notes of a generated memo that are missing, start twice, or start on another page than
    the one citing them."""
    refs: dict[int, list[int]] = collections.defaultdict(list)
    starts: dict[int, list[int]] = collections.defaultdict(list)
    for w in lo.words:
        if len(w.text) >= 5 and w.text[0] in "cN" and w.text[1:5].isdigit():
            (refs if w.text[0] == "c" else starts)[int(w.text[1:5])].append(w.page)
    out = []
    for n in numbers:
        if len(starts[n]) != 1:
            out.append(f"note {n}: starts on pages {starts[n]}")
        elif not refs[n]:
            out.append(f"note {n}: its reference is not shown")
        elif starts[n][0] != refs[n][0]:
            out.append(f"note {n}: cited on page {refs[n][0]}, starts on page {starts[n][0]}")
    return out


@dataclass(frozen=True)
class NoteLink:
    """A note as LibreOffice's PDF links it: the reference's place and the note's."""
    ref_page: int
    ref_x: float
    note_page: int
    note_x: float


def note_links(lo: Converted) -> list[NoteLink]:
    """Every footnote of the converted memo, found by the pair of links LibreOffice writes for it
    (reference to note and note back to reference), so any memo can be checked, not only
    generated ones."""
    reader = pypdf.PdfReader(str(lo.pdf))
    page_of = {p.indirect_reference.idnum: n for n, p in enumerate(reader.pages, start=1)}
    links = []  # (page, rect, target page, target x, target y)
    for n, page in enumerate(reader.pages, start=1):
        for annot in page.get("/Annots") or []:
            a = annot.get_object()
            dest = a.get("/Dest")
            if a.get("/Subtype") != "/Link" or dest is None or isinstance(dest, str) or len(dest) < 4:
                continue
            rect = tuple(float(v) for v in a["/Rect"])
            links.append((n, rect, page_of.get(dest[0].idnum, 0), float(dest[2] or 0), float(dest[3] or 0)))
    def points_at(i: int, j: int) -> bool:
        page, _rect, to_page, x, y = links[i]
        page2, rect2, _to_page2, _x2, _y2 = links[j]
        return page2 == to_page and rect2[0] - 2 <= x <= rect2[2] + 2 and rect2[1] - 4 <= y <= rect2[3] + 14

    # each note gives two links pointing at each other. The reference is the one higher up (or
    # earlier); its target is the note's number (a note's own link rectangle may start at the
    # page's margin)
    out = []
    for i in range(len(links)):
        for j in range(len(links)):
            if i != j and points_at(i, j) and points_at(j, i):
                (page, rect, to_page, x, _y), (page2, rect2, *_rest) = links[i], links[j]
                if (page, -rect[3]) < (page2, -rect2[3]):
                    out.append(NoteLink(page, (rect[0] + rect[2]) / 2, to_page, x))
                break
    return out


def notes_off_their_page(lo: Converted) -> list[str]:
    """Notes that do not start on the page that cites them."""
    return [f"a note cited on page {n.ref_page} starts on page {n.note_page}"
            for n in note_links(lo) if n.note_page != n.ref_page]


def notes_in_the_other_column(lo: Converted, theme: Theme) -> int:
    """How many notes start at the foot of another column of their page than the one citing them
    (LibreOffice runs a column's notes on into the next column when its notes area is full)."""
    middle = theme.page.margin_left + theme.page.column_width + theme.page.gutter / 2
    return sum(1 for n in note_links(lo) if n.note_page == n.ref_page and theme.page.columns > 1
               and (n.ref_x < middle) != (n.note_x < middle))


def overlaps(lo: Converted) -> list[str]:
    """Words drawn over other words (boxes overlapping by more than a third of the smaller one)."""
    out = []
    by_page: dict[int, list[Word]] = collections.defaultdict(list)
    for w in lo.words:
        by_page[w.page].append(w)
    for page, ws in by_page.items():
        grid: dict[tuple[int, int], list[int]] = collections.defaultdict(list)
        for i, w in enumerate(ws):
            for gx in range(int(w.x0 // 40), int(w.x1 // 40) + 1):
                for gy in range(int(w.top // 40), int(w.bottom // 40) + 1):
                    grid[gx, gy].append(i)
        seen = set()
        for cell in grid.values():
            for a in range(len(cell)):
                for b in range(a + 1, len(cell)):
                    i, j = cell[a], cell[b]
                    if (i, j) in seen:
                        continue
                    seen.add((i, j))
                    u, v = ws[i], ws[j]
                    dx = min(u.x1, v.x1) - max(u.x0, v.x0)
                    dy = min(u.bottom, v.bottom) - max(u.top, v.top)
                    small = min((u.x1 - u.x0) * (u.bottom - u.top), (v.x1 - v.x0) * (v.bottom - v.top))
                    if dx > 0 and dy > 0 and small > 0 and dx * dy > small / 3:
                        out.append(f"page {page}: '{u.text}' over '{v.text}'")
    return out


def across_gutter(lo: Converted, theme: Theme) -> list[str]:
    """Body-size text words that reach into the gutter between two columns (page-wide parts of
    the memo are set at other sizes: the title block, captions, tables)."""
    p = theme.page
    if p.columns < 2:
        return []
    left_edge = p.margin_left + p.column_width
    right_edge = left_edge + p.gutter
    out = []
    for w in lo.words:
        body = abs(w.size - theme.sizes.body) < 0.3 and "Bold" not in w.font and w.top > p.margin_top + 40
        if body and w.x1 > left_edge + 1.5 and w.x0 < right_edge - 1.5:
            out.append(f"page {w.page}: '{w.text}' ({w.x0:.0f}-{w.x1:.0f})")
    return out
