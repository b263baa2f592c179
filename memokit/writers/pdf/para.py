"""Paragraphs whose justified lines never gape.

A line that would need its word spaces stretched more than the Theme allows
(``text.max_stretch`` times the normal space, e.g. before a long URL that cannot
be broken) is set ragged instead of justified.
"""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph

STRETCH = "mkMaxStretch"  # ParagraphStyle attribute holding the Theme's limit


class BodyPara(Paragraph):
    def draw(self) -> None:
        limit = getattr(self.style, STRETCH, None)
        bl = getattr(self, "blPara", None)
        if limit and bl is not None:
            _limit_stretch(bl, self.style, float(limit))
        super().draw()


def _limit_stretch(bl: object, style: object, limit: float) -> None:
    lines = bl.lines  # type: ignore[attr-defined]
    if getattr(bl, "kind", 0) == 0:  # simple paragraphs: (extra space, words) pairs
        space = stringWidth(" ", style.fontName, style.fontSize)  # type: ignore[attr-defined]
        for i, (extra, words) in enumerate(lines):
            if len(words) > 1 and extra / (len(words) - 1) > (limit - 1) * space:
                lines[i] = (0, words)
        return
    for line in lines:
        extra = getattr(line, "extraSpace", 0)
        gaps = getattr(line, "wordCount", 0) - 1
        if gaps < 1 or extra <= 0:
            continue
        frag = next((w for w in line.words if hasattr(w, "fontName")), style)
        space = stringWidth(" ", frag.fontName, frag.fontSize)
        if extra / gaps > (limit - 1) * space:
            line.extraSpace = 0
