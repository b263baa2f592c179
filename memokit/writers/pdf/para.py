"""Paragraphs broken into lines as a whole (Knuth–Plass, see :mod:`.linebreak`).

Every paragraph memokit sets is a :class:`BodyPara`. Its lines are chosen for the
whole paragraph at once, with hyphenation, breaks inside URLs and long tokens,
and characters breaks for a token wider than the measure, so a justified line
never ends short and nothing runs past its column. The parts of a paragraph
split across columns keep the lines chosen for the whole.

Paragraphs reportlab breaks itself (right-to-left, CJK, end dots) keep the old
guard: a line that would need its word spaces stretched more than the Theme
allows (``text.max_stretch`` times the normal space) is set ragged.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.enums import TA_JUSTIFY
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, paraparser
from reportlab.platypus.paragraph import (
    ParaLines,
    _getFragWords,
    _handleBulletWidth,
    _InjectedFrag,
    _SHYWord,
    _SHYWordHS,
    _SplitFragHY,
    _SplitFragLL,
)

from memokit.writers.pdf.bidi import visual_words
from memokit.writers.pdf.linebreak import analyse, break_words, build_lines, pieces
from memokit.writers.pdf.marks import Marked

STRETCH = "mkMaxStretch"  # ParagraphStyle attribute holding the Theme's limit
HYPHEN_LIMIT = "mkHyphenLimit"  # ParagraphStyle attribute: most consecutive lines ending in a hyphen
HYPHENATORS = "mkHyphenFor"  # ParagraphStyle attribute: a language tag -> its hyphenator, or None
LANG = "mkLang"  # the frag attribute ``<span lang="...">`` sets (a phrase in another language)
DEFAULT_STRETCH = 2.0


def _accept_lang() -> None:
    """Let reportlab's ``<span>`` carry ``lang``: the frags inside get it as ``mkLang``, so the
    line breaker hyphenates them in their own language."""
    table = getattr(paraparser, "_spanAttrMap", None)
    if isinstance(table, dict) and "lang" not in table:
        table["lang"] = (LANG, None)


_accept_lang()
DEFAULT_HYPHEN_LIMIT = 2


def _has_text(words: list) -> bool:
    return any(w[0] > 0 or any(t for _, t in w[1:]) for w in words)


class BodyPara(Marked, Paragraph):
    _mk_kp = False

    def breakLines(self, width: Any) -> Any:  # noqa: N802 (reportlab's name)
        style = self.style
        if style.wordWrap or getattr(style, "endDots", None) or not self.frags:
            self._mk_kp = False
            return super().breakLines(width)
        widths = [float(x) for x in width] if isinstance(width, (list, tuple)) else [float(width)]
        key = tuple(widths)
        fixed = getattr(self, "_mk_fixed", None)
        if fixed is not None and fixed[0] == widths[-1]:
            self._mk_kp = True
            self._mk_key = key
            return ParaLines(kind=1, lines=fixed[1])
        words = getattr(self, "_mk_words", None)
        if words is None:
            words = _getFragWords(self.frags, widths[0])
            if not _has_text(words):
                self._mk_kp = False
                return super().breakLines(width)
            self._mk_words = words
        cache: dict = self.__dict__.setdefault("_mk_breaks", {})
        got = cache.get(key)
        if got is None:
            measure = list(widths)
            _handleBulletWidth(self.bulletText, style, measure)
            info = getattr(self, "_mk_info", None)
            if info is None:
                hyph = getattr(style, "hyphenationLang", None)
                info = self._mk_info = analyse(words, hyph if callable(hyph) else None,
                                               getattr(style, HYPHENATORS, None))
            segs, breaks = break_words(words, measure, info=info,
                                       max_stretch=float(getattr(style, STRETCH, None) or DEFAULT_STRETCH),
                                       justified=style.alignment == TA_JUSTIFY,
                                       limit=int(getattr(style, HYPHEN_LIMIT, DEFAULT_HYPHEN_LIMIT)))
            fw, starts = pieces(words, segs, breaks)
            auto = getattr(self, "autoLeading", getattr(style, "autoLeading", ""))
            lines, wmax = build_lines(fw, starts, measure, mark_breaks=not style.justifyBreaks,
                                      calc_bounds=auto not in ("", "off"))
            for line in lines:  # right-to-left phrases: each line in the order it is drawn
                line.words = visual_words(line.words)
            got = cache[key] = (fw, lines, wmax)
        fw, lines, wmax = got
        self.frags = fw
        self._width_max = wmax
        self._hyphenations = self._splitLongWordCount = 0
        self._mk_kp = True
        self._mk_key = key
        return ParaLines(kind=1, lines=list(lines))

    def split(self, availWidth: float, availHeight: float) -> list[Any]:  # noqa: N803
        parts = super().split(availWidth, availHeight)
        if len(parts) == 2 and self._mk_kp:
            lines = self.blPara.lines
            s = len(parts[0].blPara.lines)
            later = self._mk_key[-1]
            parts[0]._mk_fixed = (later, list(lines[:s]))
            base = lines[s].sFW
            parts[1]._mk_fixed = (later, [ln.clone(sFW=ln.sFW - base) for ln in lines[s:]])
        box = getattr(self, "_mk_box", None)
        for part in parts if box is not None else ():  # a paragraph of a box: both parts are
            part._mk_box = box
        for name in ("_mk_tag", "_mk_label", "_mk_back"):  # every part is content of the paragraph's element
            # (a note's first part draws its number, which links back to the reference)
            if name in self.__dict__:
                for part in parts:
                    setattr(part, name, self.__dict__[name])
        if len(parts) == 2:  # should both parts stay in one column, they read as one paragraph
            parts[0]._mk_node = getattr(self, "_mk_node", None)  # the paragraph starts with the first
            parts[0]._mk_open = True
            parts[1]._mk_joined = True
        return parts

    def getSpaceAfter(self) -> float:
        return 0.0 if getattr(self, "_mk_open", False) else float(super().getSpaceAfter())

    def _split_blParaProcessed(self, blPara: Any, start: int, stop: int) -> list[Any]:  # noqa: N802
        """reportlab's, without changing the class of a piece the paragraph keeps."""
        if not stop:
            return []
        lines = blPara.lines
        first = lines[start].sFW
        upto = lines[stop].sFW if stop != len(lines) else len(self.frags)
        frags = list(self.frags[first:upto])
        while frags and isinstance(frags[-1], _InjectedFrag):
            del frags[-1]
        if isinstance(frags[-1], _SplitFragHY):  # the part ends with a hyphen: keep it when joined again
            frags[-1] = (_SHYWordHS if isinstance(frags[-1], _SHYWord) else _SplitFragLL)(frags[-1])
        return frags

    def draw(self) -> None:
        limit = getattr(self.style, STRETCH, None)
        bl = getattr(self, "blPara", None)
        if limit and bl is not None and not self._mk_kp:
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
