"""Reading a PDF's note links: a note's number in the text links to the note under the column,
and the note's number links back (test_note_links.py, test_every_memo_tagged.py).

Read the way a reader's viewer reads them: pypdf gives each link annotation's rectangle and
destination (page, left, top); pdfplumber gives the characters drawn inside a rectangle and on
the destination's line; pikepdf gives the structure element that holds each link.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pikepdf
import pypdf

from memokit.model import walk
from memokit.model.nodes import Memo

Rect = tuple[float, float, float, float]  # x0, y0, x1, y1 in PDF space (y upwards)


@dataclass(frozen=True)
class GoTo:
    page: int  # from 1
    rect: Rect
    text: str  # the characters drawn inside the rectangle
    to_page: int
    left: float
    top: float
    index: int  # the annotation's index on its page


def _chars_in(chars: list[dict], rect: Rect, height: float) -> list[dict]:
    x0, y0, x1, y1 = rect
    return [c for c in chars if x0 - 0.5 <= (c["x0"] + c["x1"]) / 2 <= x1 + 0.5
            and y0 - 0.5 <= height - (c["top"] + c["bottom"]) / 2 <= y1 + 0.5]


def internal_links(path: Path) -> tuple[list[GoTo], list[list[dict]], float]:
    """Every link that goes to a place in the file, the characters of each page, the page height."""
    reader = pypdf.PdfReader(path)
    index = {p.indirect_reference.idnum: i + 1 for i, p in enumerate(reader.pages)}
    with pdfplumber.open(path) as doc:
        chars = [p.chars for p in doc.pages]
        height = float(doc.pages[0].height)
    out = []
    for n, page in enumerate(reader.pages, 1):
        for i, ref in enumerate(page.get("/Annots") or []):
            a = ref.get_object()
            dest = a.get("/Dest")
            if a.get("/Subtype") != "/Link" or dest is None:
                continue
            xs, ys = sorted(float(v) for v in a["/Rect"][0::2]), sorted(float(v) for v in a["/Rect"][1::2])
            rect = (xs[0], ys[0], xs[1], ys[1])
            text = "".join(c["text"] for c in _chars_in(chars[n - 1], rect, height))
            out.append(GoTo(n, rect, text, index[dest[0].idnum], float(dest[2]), float(dest[3]), i))
    return out, chars, height


def _label_at(chars: list[dict], height: float, left: float, top: float, label: str) -> list[dict]:
    """The characters of ``label``, a word of its own, set just left of ``left`` on the line whose
    top is ``top`` (where a note's number stands before its text)."""
    line = sorted((c for c in chars if 0.5 * c["size"] <= top - (height - c["bottom"]) <= 2 * c["size"]),
                  key=lambda c: c["x0"])  # the line under ``top``, not the one above it
    got = [c for c in line if left - 24 <= c["x0"] and c["x1"] <= left + 1]
    if not got or "".join(c["text"] for c in got) != label:
        return []
    before = [c for c in line if c["x0"] < got[0]["x0"] - 0.1]
    if before and before[-1]["x1"] > got[0]["x0"] - 1.5:
        return []  # the end of a longer word
    return got


def check_note_links(path: Path, memo: Memo, first_words: dict[int, str] | None = None) -> None:
    links, chars, height = internal_links(path)
    numbers = [n.number for n in walk.notes(memo)]
    assert numbers, "the memo has notes"
    for n in numbers:
        label = str(n)
        cands = [g for g in links if g.text == label]
        forward = [g for g in cands if _label_at(chars[g.to_page - 1], height, g.left, g.top, label)]
        assert len(forward) == 1, f"note {n}: {len(forward)} links from its reference to it"
        ref = forward[0]
        # the link covers the number as drawn, on a justified line too
        drawn = sorted(_chars_in(chars[ref.page - 1], ref.rect, height), key=lambda c: c["x0"])
        assert abs(ref.rect[0] - drawn[0]["x0"]) < 0.5 and abs(ref.rect[2] - drawn[-1]["x1"]) < 0.5, \
            f"note {n}: the link spans {ref.rect[0]:.1f}-{ref.rect[2]:.1f}, the number " \
            f"{drawn[0]['x0']:.1f}-{drawn[-1]['x1']:.1f}"
        # the destination: the note's own first line, in the column of its reference's page or later
        at = _label_at(chars[ref.to_page - 1], height, ref.left, ref.top, label)
        assert ref.to_page >= ref.page
        line = sorted((c for c in chars[ref.to_page - 1]
                       if abs(c["top"] - at[0]["top"]) < 2 and ref.left - 1 <= c["x0"] <= ref.left + 80),
                      key=lambda c: c["x0"])
        if first_words is not None:
            assert "".join(c["text"] for c in line).startswith(first_words[n]), f"note {n}"
        # the note's number links back to the line of its reference
        back = [g for g in links if g.page == ref.to_page and g.text == label
                and _chars_in(at, g.rect, height)]
        assert len(back) == 1, f"note {n}: its number does not link back"
        b = back[0]
        assert b.to_page == ref.page and abs(b.left - ref.rect[0]) < 1.5, f"note {n}"
        assert 0 <= b.top - ref.rect[1] < 16, f"note {n}: goes back {b.top - ref.rect[1]:.1f}pt over it"


def _tree(path: Path) -> dict[tuple[int, int], list[str]]:
    """For each link annotation (page, index): the roles from its Link element up to the document
    (a Note's with its ID: ``Note#note-3``)."""
    out: dict[tuple[int, int], list[str]] = {}
    with pikepdf.open(path) as pdf:
        annots = {a.objgen: (n + 1, i) for n, p in enumerate(pdf.pages)
                  for i, a in enumerate(p.obj.get("/Annots", []))}

        def walk_(node: pikepdf.Dictionary, path_: list[str]) -> None:
            kids = node.get("/K")
            kids = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
            for k in kids:
                if not isinstance(k, pikepdf.Dictionary):
                    continue
                if k.get("/Type") == pikepdf.Name.OBJR:
                    out[annots[k.Obj.objgen]] = path_
                elif "/S" in k:
                    role = str(k.S)[1:] + (f"#{k.ID}" if "/ID" in k else "")
                    walk_(k, [role, *path_])

        walk_(pdf.Root.StructTreeRoot, [])
    return out


def check_link_elements(path: Path, memo: Memo) -> None:
    """Each reference's link is a Link element inside the element that cites the note (not the
    Note), each note's back link is inside the Note's Lbl, and each Note has an ID."""
    links, _, _ = internal_links(path)
    where = _tree(path)
    with pikepdf.open(path) as pdf:
        ids = set()
        stack = [pdf.Root.StructTreeRoot.K]
        while stack:
            e = stack.pop()
            for k in (list(e.K) if isinstance(e.get("/K"), pikepdf.Array) else []):
                if isinstance(k, pikepdf.Dictionary) and "/S" in k:
                    stack.append(k)
            if e.get("/S") == pikepdf.Name.Note:
                ids.add(str(e.ID))
                assert pikepdf.Name.Lbl == e.K[0].S
    assert ids == {f"note-{n.number}" for n in walk.notes(memo)}
    notes = {str(n.number) for n in walk.notes(memo)}
    for g in links:
        if g.text not in notes:
            continue
        roles = where[(g.page, g.index)]
        assert roles[0] == "Link"
        if roles[1] == "Lbl":  # the back link: in the label of its own note
            assert roles[2] == f"Note#note-{g.text}"
        else:  # the reference: in the text that cites it, never in a note of its own number
            assert f"Note#note-{g.text}" not in roles
