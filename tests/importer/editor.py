"""A scripted editor: changes a DOCX the way Word does (python-docx and raw XML)."""

from __future__ import annotations

import copy
from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn


class Editor:
    def __init__(self, path: Path):
        self.path = path
        self.doc = docx.Document(str(path))

    def save(self) -> None:
        self.doc.save(str(self.path))

    def para(self, start: str):  # noqa: ANN201 - a python-docx paragraph
        for el in self.doc.element.body.iter(qn("w:p")):  # text boxes too (page-wide floats)
            p = docx.text.paragraph.Paragraph(el, self.doc._body)
            if p.text.startswith(start):
                return p
        raise AssertionError(f"no paragraph starts with {start!r}")

    def footnote(self, start: str):  # noqa: ANN201 - a footnote's paragraph element
        part = next(r.target_part for r in self.doc.part.rels.values() if r.reltype.endswith("/footnotes"))
        for p in part.element.iter(qn("w:p")):
            if "".join(t.text or "" for t in p.iter(qn("w:t"))).strip().startswith(start):
                return p
        raise AssertionError(f"no footnote starts with {start!r}")

    def replace(self, start: str, old: str, new: str, note: bool = False) -> None:
        """Replace text inside one run of the paragraph (or footnote) starting with ``start``."""
        p = self.footnote(start) if note else self.para(start)._p
        for t in p.iter(qn("w:t")):
            if old in (t.text or ""):
                t.text = t.text.replace(old, new, 1)
                return
        raise AssertionError(f"{old!r} not in one run")

    def format(self, start: str, word: str, bold: bool = False, italic: bool = False) -> None:
        """Split the run holding ``word`` and set the word bold or italic."""
        p = self.para(start)
        for run in p.runs:
            if word in run.text:
                before, after = run.text.split(word, 1)
                mid, tail = copy.deepcopy(run._r), copy.deepcopy(run._r)
                run.text = before
                run._r.addnext(mid)
                mid.addnext(tail)
                mr = docx.text.run.Run(mid, p)
                mr.text = word
                if bold:
                    mr.bold = True
                if italic:
                    mr.italic = True
                docx.text.run.Run(tail, p).text = after
                return
        raise AssertionError(f"{word!r} not in one run")

    def delete(self, start: str) -> None:
        p = self.para(start)._p
        p.getparent().remove(p)

    def add_after(self, start: str, text: str) -> None:
        p = self.para(start)._p
        new = copy.deepcopy(p)
        for child in list(new):
            if child.tag != qn("w:pPr"):
                new.remove(child)
        new.append(parse_xml(f'<w:r {nsdecls("w")}><w:t xml:space="preserve">{text}</w:t></w:r>'))
        p.addnext(new)

    def track_insert(self, start: str, text: str) -> None:
        """A tracked insertion at the end of the paragraph."""
        self.para(start)._p.append(parse_xml(
            f'<w:ins {nsdecls("w")} w:id="9001" w:author="Editor" w:date="2026-03-01T10:00:00Z">'
            f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:ins>'))

    def link(self, start: str, word: str, url: str) -> None:
        """Make ``word`` (inside one run) a hyperlink to ``url``."""
        from docx.opc.constants import RELATIONSHIP_TYPE as RT

        self.format(start, word)
        p = self.para(start)
        run = next(r for r in p.runs if r.text == word)
        rid = self.doc.part.relate_to(url, RT.HYPERLINK, is_external=True)
        link = parse_xml(f'<w:hyperlink {nsdecls("w", "r")} r:id="{rid}"/>')
        run._r.addprevious(link)
        link.append(run._r)

    def line_break(self, start: str, before: str) -> None:
        """A line break (Shift+Enter) just before the text ``before``."""
        self.format(start, before)
        p = self.para(start)
        run = next(r for r in p.runs if r.text == before)
        run._r.insert(run._r.index(run._r.find(qn("w:t"))), parse_xml(f'<w:br {nsdecls("w")}/>'))

    def unformat(self, start: str, word: str) -> None:
        """Remove bold and italic from the run that reads ``word``."""
        p = self.para(start)
        run = next(r for r in p.runs if r.text.strip() == word)
        run.bold = None
        run.italic = None

    def new_footnote(self, start: str, after: str, text: str) -> None:
        """A footnote the editor inserts after the text ``after`` (Word's Insert Footnote)."""
        part = next(r.target_part for r in self.doc.part.rels.values()
                    if r.reltype.endswith("/footnotes"))
        fid = max(int(f.get(qn("w:id"))) for f in part.element.findall(qn("w:footnote"))) + 1
        part.element.append(parse_xml(
            f'<w:footnote {nsdecls("w")} w:id="{fid}"><w:p><w:r><w:footnoteRef/></w:r>'
            f'<w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:footnote>'))
        self.format(start, after)
        p = self.para(start)
        run = next(r for r in p.runs if r.text == after)
        run._r.addnext(parse_xml(f'<w:r {nsdecls("w")}><w:footnoteReference w:id="{fid}"/></w:r>'))
