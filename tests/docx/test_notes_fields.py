"""Real footnotes, and the fields Word updates: SEQ captions, REF cross-references, PAGE,
NUMPAGES and document properties, each with the right value already cached."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from memokit.model.nodes import Emph, Inline, Link, Memo, Ref, Strong, Text
from memokit.model.walk import figures, memo_blocks, notes, tables
from tests.docx.conftest import NS, W, part, part_names

R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def plain(inlines: tuple[Inline, ...]) -> str:
    out = []
    for i in inlines:
        if isinstance(i, Text):
            out.append(i.text)
        elif isinstance(i, (Emph, Strong, Link)):
            out.append(plain(i.children))
    return "".join(out)


def fields(root: etree._Element) -> list[tuple[str, str]]:
    """(instruction, cached result) of every complex field, in document order."""
    out: list[tuple[str, str]] = []
    state, instr, result = None, "", ""
    for el in root.iter(f"{W}fldChar", f"{W}instrText", f"{W}t"):
        if el.tag == f"{W}fldChar":
            kind = el.get(f"{W}fldCharType")
            if kind == "begin":
                state, instr, result = "instr", "", ""
            elif kind == "separate":
                state = "result"
            else:
                out.append((" ".join(instr.split()), result))
                state = None
        elif el.tag == f"{W}instrText" and state == "instr":
            instr += el.text or ""
        elif el.tag == f"{W}t" and state == "result":
            result += el.text or ""
    return out


def test_footnotes_are_real_and_hold_the_note_texts(example: tuple[Path, Memo]) -> None:
    path, memo = example
    root = part(path, "word/footnotes.xml")
    real = [f for f in root.iter(f"{W}footnote") if int(f.get(f"{W}id")) > 0]
    want = notes(memo)
    assert len(real) == len(want) == 9  # five written, four citations
    for fn, note in zip(real, want):
        assert int(fn.get(f"{W}id")) == note.number
        text = "".join(t.text for t in fn.iter(f"{W}t")).strip()
        assert text == " ".join(plain(note.children).split())
        assert fn.find(f"{W}p/{W}pPr/{W}pStyle").get(f"{W}val") == "FootnoteText"
        assert fn.find(f".//{W}footnoteRef") is not None
    refs = list(part(path, "word/document.xml").iter(f"{W}footnoteReference"))
    assert [int(r.get(f"{W}id")) for r in refs] == [n.number for n in want]
    for r in refs:
        assert r.getparent().find(f"{W}rPr/{W}rStyle").get(f"{W}val") == "FootnoteReference"
    settings = part(path, "word/settings.xml")
    assert settings.find(f"{W}footnotePr") is not None


def test_links_in_footnotes_are_hyperlinks_of_the_footnotes_part(example: tuple[Path, Memo]) -> None:
    path, _ = example
    root = part(path, "word/footnotes.xml")
    links = list(root.iter(f"{W}hyperlink"))
    rels = part(path, "word/_rels/footnotes.xml.rels")
    targets = {r.get("Id"): (r.get("Target"), r.get("TargetMode")) for r in rels}
    assert [targets[link.get(f"{R}id")] for link in links] == [
        ("https://example.org/karvonia/mandates/isfk-final-extension", "External"),  # a cited source
        ("https://example.org/karvonia/event-data-codebook", "External"),
        ("https://doi.org/10.0000/jpo.2022.0142", "External")]  # a cited source
    for link in links:
        assert link.find(f"{W}r/{W}rPr/{W}rStyle").get(f"{W}val") == "Hyperlink"


def test_body_hyperlinks_point_at_their_urls(example: tuple[Path, Memo]) -> None:
    path, _ = example
    rels = {r.get("Id"): r.get("Target") for r in part(path, "word/_rels/document.xml.rels")}
    doc = part(path, "word/document.xml")
    links = {rels[h.get(f"{R}id")]: "".join(t.text for t in h.iter(f"{W}t"))
             for h in doc.iter(f"{W}hyperlink")}
    assert links == {"https://example.org/karvonia/mandates": "the Compact’s mission registry",
                     "https://example.com/isfk/drawdown-timeline": "https://example.com/isfk/drawdown-timeline",
                     "mailto:i.solvang-aro@example.org": "i.solvang-aro@example.org",  # the author's address
                     # the bibliography's
                     "https://doi.org/10.0000/jpo.2022.0142": "https://doi.org/10.0000/jpo.2022.0142",
                     "https://example.org/karvonia/mandates/isfk-final-extension":
                         "https://example.org/karvonia/mandates/isfk-final-extension"}


def test_captions_are_seq_fields_inside_bookmarks(example: tuple[Path, Memo]) -> None:
    path, memo = example
    doc = part(path, "word/document.xml")
    caps = [p for p in doc.iter(f"{W}p") if p.find(f"{W}pPr/{W}pStyle").get(f"{W}val") == "Caption"]
    assert len(caps) == len(figures(memo)) + len(tables(memo)) == 2
    texts = ["".join(t.text for t in p.iter(f"{W}t")) for p in caps]
    fig, tab = figures(memo)[0], tables(memo)[0]
    assert texts == [f"Figure\u00a01: {plain(fig.caption)}", f"Table\u00a01: {plain(tab.caption)}"]
    seqs = [f for p in caps for f in fields(p)]
    assert seqs == [("SEQ Figure \\* ARABIC", "1"), ("SEQ Table \\* ARABIC", "1")]
    for p in caps:
        start = p.find(f"{W}bookmarkStart")
        end = p.find(f"{W}bookmarkEnd")
        assert start.get(f"{W}id") == end.get(f"{W}id")
        inside = start.itersiblings()
        between = []
        for el in inside:
            if el is end:
                break
            between.append(el)
        marked = "".join(t.text for el in between for t in el.iter(f"{W}t"))
        assert marked in ("Figure\u00a01", "Table\u00a01")


def test_references_are_ref_fields_with_the_number_cached(example: tuple[Path, Memo]) -> None:
    path, memo = example
    doc = part(path, "word/document.xml")
    bookmarks = {b.get(f"{W}name"): b for b in doc.iter(f"{W}bookmarkStart")}
    refs = [(instr, res) for instr, res in fields(doc) if instr.startswith("REF ")]
    want = [i for b in memo_blocks(memo) for i in getattr(b, "children", ()) if isinstance(i, Ref)]
    assert len(refs) == len(want) == 2
    for (instr, result), ref in zip(refs, want):
        name = instr.split()[1]
        assert name in bookmarks and "\\h" in instr
        label = "Figure" if ref.kind == "figure" else "Table"
        assert result == f"{label}\u00a0{ref.number}"
        field_runs = [r for r in doc.iter(f"{W}r") if r.find(f"{W}instrText") is not None
                      and r.find(f"{W}instrText").text.strip().startswith(f"REF {name}")]
        assert field_runs[0].find(f"{W}rPr/{W}rStyle").get(f"{W}val") == "Hyperlink"
        caption = bookmarks[name].getparent()
        assert f"SEQ {label}" in " ".join(i for i, _ in fields(caption))


def test_footer_and_header_fields(example: tuple[Path, Memo]) -> None:
    path, _ = example
    names = part_names(path)
    footers = [n for n in names if n.startswith("word/footer")]
    headers = [n for n in names if n.startswith("word/header")]
    assert len(footers) == 2 and len(headers) == 2  # first page, and every later page
    custom = {p.get("name"): p[0].text for p in part(path, "docProps/custom.xml")}
    for name in footers:
        root = part(path, name)
        got = fields(root)
        assert ("PAGE", "1") in got and ("NUMPAGES", "1") in got
        assert ('DOCPROPERTY "Memo date"', "19 February 2026") in got
        assert ('DOCPROPERTY "Memo number"', "8147") in got
        for instr, cached in got:
            if instr.startswith("DOCPROPERTY"):
                assert custom[instr.split('"')[1]] == cached
        text = "".join(t.text or "" for t in root.iter(f"{W}t"))
        assert text == "19 February 2026Memo 8147page 1 of 1"
        assert len(list(root.iter(f"{W}tab"))) == 2  # left, centre and right parts, by tab stops
    texts = sorted("".join(t.text for t in part(path, n).iter(f"{W}t")) for n in headers)
    assert texts == ["International Crisis Management · Memo 8147", "Nordic Institute for Security Analysis"]
    doc = part(path, "word/document.xml")
    first = doc.find(f"{W}body").xpath(".//w:sectPr", namespaces=NS)[0]
    assert first.find(f"{W}titlePg") is not None
    kinds = {r.get(f"{W}type") for r in first.iter(f"{W}headerReference", f"{W}footerReference")}
    assert kinds == {"default", "first"}
