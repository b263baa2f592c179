"""Optimum-fit line breaking (Knuth–Plass total fit) over reportlab frag words.

A paragraph's frag words (reportlab's ``_getFragWords``) are cut into segments
at every place a line may end: the space after a word, pyphen's hyphenation
points (a hyphen is added), after ``/ . - _ ? & = #`` inside URLs and long
tokens (nothing added), and, when a piece is too wide to sit well on a line,
between any two characters. The breaks of the whole paragraph are then chosen
together so the sum of the lines' demerits is least, in up to three passes:
the Theme's stretch limit first, then more stretch with more character breaks,
then anything that keeps every line inside its measure. At most ``limit``
consecutive lines end with a hyphen.

:func:`break_words` returns the chosen breaks; :func:`build_lines` turns them
into the ``FragLine`` structures reportlab draws and splits.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from reportlab.pdfbase.pdfmetrics import getAscentDescent, stringWidth
from reportlab.platypus.paragraph import (
    _FK_BREAK,
    _FK_IMG,
    FragLine,
    _HSFrag,
    _SplitFrag,
    _SplitFragH,
    _SplitFragHS,
    _SplitFragHY,
    imgNormV,
    imgVRange,
    sameFrag,
)

from memokit.present.breaks import is_url, url_breaks

HYPHEN_MARK = "hy"  # onDraw name around a hyphen the line breaker adds (label "1": it starts)


def _mark(f: object, label: str) -> object:
    """A zero-width draw-time marker in the style of ``f`` (see marks.hyphen_mark)."""
    from reportlab.lib.abag import ABag

    m = f.clone()  # type: ignore[attr-defined]
    m.cbDefn = ABag(kind="onDraw", name=HYPHEN_MARK, label=label)
    m.text = ""
    return m

Hyphenate = Callable[[str], Iterator[tuple[str, str]]]

# item kinds after a segment
NONE, GLUE, HYPHEN, CUT, FORCED = 0, 1, 2, 3, 4

LINE_PENALTY = 10.0
HYPHEN_PENALTY = 50.0
AUTHOR_HYPHEN_PENALTY = 50.0
URL_PENALTY = 30.0
URL_CHAR_PENALTY = 1000.0
CHAR_PENALTY = 3000.0
DOUBLE_HYPHEN_DEMERITS = 3000.0
FINAL_HYPHEN_DEMERITS = 5000.0
FITNESS_DEMERITS = 10000.0
SHRINK = 0.2  # a justified line's spaces shrink at most by this share of a space
LEFT_MIN, RIGHT_MIN, WORD_MIN = 2, 3, 5  # hyphenation: letters before, after, word length
_CORE = re.compile(r"^(\W*)([^\W\d_]+(?:['\u2019][^\W\d_]+)?)(\W*)$")
_COMPOUND = re.compile(r"(?<=[^\W\d_]{2})-(?=[^\W\d_]{2})")


@dataclass
class Segments:
    """A paragraph cut at every possible break; parallel lists, one entry a segment."""

    word: list[int]  # index of the frag word the segment belongs to
    end: list[int]  # character offset in that word where the segment ends
    width: list[float]
    kind: list[int]  # what follows: NONE, GLUE, HYPHEN, CUT, FORCED
    glue: list[float]  # width of the space after (GLUE)
    hyphen: list[float]  # width of the hyphen added when broken here (HYPHEN)
    penalty: list[float]
    chars: list[tuple[int, float]]  # (word, start) of segments that may be cut at characters


_WIDTHS: dict[tuple[str, float], dict[str, float]] = {}


def char_width(c: str, font: str, size: float) -> float:
    """stringWidth of one character, remembered per font and size."""
    d = _WIDTHS.get((font, size))
    if d is None:
        d = _WIDTHS[(font, size)] = {}
    w = d.get(c)
    if w is None:
        w = d[c] = stringWidth(c, font, size)
    return w


def text_width(t: str, font: str, size: float) -> float:
    return sum(char_width(c, font, size) for c in t)


def _raised_at(w: list) -> int | None:
    """Where a frag word's first raised text (a note number, a superscript) starts, after
    some text of the word: it stays on the line of what it follows. None: nowhere."""
    at = 0
    for f, t in w[1:]:
        if t and getattr(f, "rise", 0) > 0 and at > 0:
            return at
        at += len(t)
    return None


def _word_text(w: list) -> str | None:
    """The text of a frag word, or None when it holds an image or a wide callback."""
    out = []
    for f, t in w[1:]:
        if hasattr(f, "cbDefn") and getattr(f.cbDefn, "width", 0):
            return None
        if getattr(f, "_fkind", 0) == _FK_BREAK:
            return None
        out.append(t)
    return "".join(out)


def _char_widths(w: list) -> list[float]:
    out: list[float] = []
    for f, t in w[1:]:
        for c in t:
            out.append(char_width(c, f.fontName, f.fontSize))
    return out


def _last_font(w: list) -> tuple[str, float]:
    for f, t in reversed(w[1:]):
        if t and not hasattr(f, "cbDefn"):
            return f.fontName, f.fontSize
    f = w[-1][0]
    return f.fontName, f.fontSize


_HYPH: dict[tuple[object, str], tuple[int, ...]] = {}


def _hyph_points(hyphenate: Hyphenate, core: str) -> tuple[int, ...]:
    key = (hyphenate, core)
    got = _HYPH.get(key)
    if got is None:
        got = _HYPH[key] = tuple(len(head) for head, _tail in hyphenate(core))
        if len(_HYPH) > 200_000:
            _HYPH.clear()
    return got


def _points(text: str, hyphenate: Hyphenate | None, url_chars: bool) -> list[tuple[int, int, float]]:
    """Break points inside a token: (offset, kind, penalty), sorted."""
    n = len(text)
    if n < 2:
        return []
    pts: dict[int, tuple[int, float]] = {}
    if is_url(text):
        if url_chars:  # any character of a URL may end a line, at a price
            start = text.find("://")
            start = start + 3 if start >= 0 else 1
            pts.update({i: (CUT, URL_CHAR_PENALTY) for i in range(max(start, 1), n - 1)})
        pts.update({i: (CUT, URL_PENALTY) for i in url_breaks(text)})
        return sorted((i, k, p) for i, (k, p) in pts.items())
    for m in _COMPOUND.finditer(text):
        pts[m.end()] = (CUT, AUTHOR_HYPHEN_PENALTY)
    if hyphenate is not None and not pts:
        m = _CORE.match(text)
        if m and len(m.group(2)) >= WORD_MIN:
            pre, core = len(m.group(1)), m.group(2)
            for k in _hyph_points(hyphenate, core):
                if (k >= LEFT_MIN and len(core) - k >= RIGHT_MIN
                        and core[k - 1].isalpha() and core[k].isalpha()):
                    pts[pre + k] = (HYPHEN, HYPHEN_PENALTY)
    return sorted((i, k, p) for i, (k, p) in pts.items())


@dataclass
class _Info:
    """What segmenting needs of one frag word, worked out once per paragraph."""

    forced: bool
    after: int
    space: float
    text: str | None
    plain: list[tuple[int, int, float]]
    url: list[tuple[int, int, float]]
    widths: list[float] | None = None
    hyphen: float = 0.0


_INFO: dict[tuple[object, ...], _Info] = {}


def analyse(words: Sequence[list], hyphenate: Hyphenate | None,
            for_lang: Callable[[str], Hyphenate | None] | None = None) -> list[_Info]:
    """Each frag word's text, break points and widths (a plain word's, once per memo and font).

    A word in a span of another language (its first frag's ``mkLang``) is hyphenated by
    ``for_lang(tag)``, when given: none when pyphen has no patterns for it."""
    out = []
    default = hyphenate
    for w in words:
        f0 = w[1][0]
        lang = getattr(f0, "mkLang", None) if for_lang is not None else None
        hyphenate = for_lang(lang) if lang and for_lang is not None else default
        key = None
        if len(w) == 2 and not hasattr(f0, "cbDefn"):
            key = (hyphenate, f0.fontName, f0.fontSize, w[1][1], isinstance(w, _HSFrag),
                   getattr(f0, "_fkind", 0))
            got = _INFO.get(key)
            if got is not None:
                out.append(got)
                continue
        out.append(_analyse(w, hyphenate))
        if key is not None:
            if len(_INFO) > 100_000:
                _INFO.clear()
            _INFO[key] = out[-1]
    return out


def _analyse(w: list, hyphenate: Hyphenate | None) -> _Info:
    if getattr(w[1][0], "_fkind", 0) == _FK_BREAK:
        return _Info(True, FORCED, 0.0, None, [], [])
    after = GLUE if isinstance(w, _HSFrag) else NONE
    fn, fs = _last_font(w)
    text = _word_text(w)
    head = text[:_raised_at(w)] if text else text  # no break before a note number or inside it
    plain = _points(head, hyphenate, False) if head else []
    url = _points(head, hyphenate, True) if head and is_url(head) else plain
    return _Info(False, after, char_width(" ", fn, fs) if after == GLUE else 0.0, text, plain, url,
                 hyphen=char_width("-", fn, fs))


def segment(words: Sequence[list], info: Sequence[_Info], cut_wider: float,
            url_chars: bool | None = True) -> Segments:
    """Cut frag words at their break points; pieces wider than ``cut_wider`` (and URLs, if
    ``url_chars``) may break at any character. With ``url_chars`` None, words break only at spaces."""
    s = Segments([], [], [], [], [], [], [], [])
    wd, en, wi_, ki, gl, hy_, pe = s.width, s.end, s.word, s.kind, s.glue, s.hyphen, s.penalty
    for wi, w in enumerate(words):
        inf = info[wi]
        if inf.forced:
            _add(s, wi, 0, 0.0, FORCED, 0.0, 0.0, 0.0)
            continue
        text = inf.text
        pts = inf.url if url_chars else inf.plain if url_chars is not None else []
        if not text or (not pts and w[0] <= cut_wider):
            wi_.append(wi)
            en.append(len(text or ""))
            wd.append(float(w[0]))
            ki.append(inf.after)
            gl.append(inf.space)
            hy_.append(0.0)
            pe.append(0.0)
            continue
        if inf.widths is None:
            inf.widths = _char_widths(w)
        cw = inf.widths
        prev = 0
        for i, kind, pen in pts + [(len(text), inf.after, 0.0)]:
            width = sum(cw[prev:i])
            if width > cut_wider and i - prev > 1:  # too wide: may break between characters
                s.chars.append((wi, prev))
                for j in range(prev, i - 1):
                    _add(s, wi, j + 1, cw[j], CUT, 0.0, 0.0, CHAR_PENALTY)
                width = cw[i - 1]
            _add(s, wi, i, width, kind, inf.space if kind == GLUE else 0.0,
                 inf.hyphen if kind == HYPHEN else 0.0, pen)
            prev = i
    return s


def _add(s: Segments, wi: int, end: int, width: float, kind: int, glue: float, hy: float, pen: float) -> None:
    s.word.append(wi)
    s.end.append(end)
    s.width.append(width)
    s.kind.append(kind)
    s.glue.append(glue)
    s.hyphen.append(hy)
    s.penalty.append(pen)


def _fitness(r: float) -> int:
    if r < -0.5:
        return 3
    if r <= 0.5:
        return 2
    if r <= 1:
        return 1
    return 0


INF = float("inf")


def choose(s: Segments, widths: Sequence[float], *, stretch: float, shrink: float, ragged: float,
           slack: float, tolerance: float, limit: int) -> list[int] | None:
    """Segment indices after which lines end (the last one included), or None if no set fits.

    ``stretch`` and ``shrink`` are shares of each space; ``ragged`` is stretch every line
    has besides (a ragged margin); ``slack`` is how far a line without spaces may end short.
    ``tolerance`` bounds the adjustment ratio.
    """
    n = len(s.width)
    if n == 0:
        return []
    cw = [0.0] * (n + 1)
    cg = [0.0] * (n + 1)
    kind, pen, hyw, glue, width_ = s.kind, s.penalty, s.hyphen, s.glue, s.width
    acc = accg = 0.0
    for k in range(n):
        g = glue[k] if kind[k] == GLUE else 0.0
        acc += width_[k] + g
        accg += g
        cw[k + 1] = acc
        cg[k + 1] = accg
    last_w = len(widths) - 1
    # a node: (position, line number, fitness, hyphenated lines in a row, total demerits, previous
    # node, and for the line after it: its start's running width and glue, its measure)
    active: list[tuple] = [(-1, 0, 2, 0, 0.0, None, 0.0, 0.0, widths[0])]
    for e in range(n):
        k = kind[e]
        final = e == n - 1
        if k == NONE and not final:
            continue
        forced = k == FORCED or final
        is_hy = k == HYPHEN and not final
        p = 0.0 if forced else pen[e]
        p2 = p * p
        end_w = cw[e + 1]
        end_g = cg[e + 1]
        if k == GLUE:
            end_w -= glue[e]
            end_g -= glue[e]
        if is_hy:
            end_w += hyw[e]
        best: dict[tuple[int, int], tuple] = {}
        keep: list[tuple] = []
        dropped = None
        for a in active:
            width = a[8]
            nat = end_w - a[6]
            if nat > width + 1e-6:
                sh = (end_g - a[7]) * shrink
                r = (width - nat) / sh if sh > 0 else -2.0
                if r < -1:
                    if dropped is None or a[4] < dropped[4]:
                        dropped = a
                    continue
            elif forced:
                r = 0.0
            else:
                g_in = end_g - a[7]
                stt = g_in * stretch + ragged if g_in > 0 or ragged else slack
                gap = width - nat
                r = gap / stt if stt > 0 else (0.0 if gap < 1e-6 else INF)
            if not forced:
                keep.append(a)
            if r > tolerance:
                continue
            hcount = a[3] + 1 if is_hy else 0
            if hcount > limit:
                continue
            bad = 100.0 * (r if r >= 0 else -r) ** 3 if r != INF else 1e7
            d = (LINE_PENALTY + bad) ** 2 + p2
            if a[3]:
                if is_hy:
                    d += DOUBLE_HYPHEN_DEMERITS
                elif final:
                    d += FINAL_HYPHEN_DEMERITS
            fit = 3 if r < -0.5 else 2 if r <= 0.5 else 1 if r <= 1 else 0
            if fit - a[2] > 1 or a[2] - fit > 1:
                d += FITNESS_DEMERITS
            total = a[4] + d
            line = a[1] + 1
            key = (line if line < last_w else last_w, hcount)  # one node per class, not per fitness
            cur = best.get(key)
            if cur is None or total < cur[4]:
                best[key] = (e, line, fit, hcount, total, a, cw[e + 1], cg[e + 1],
                             widths[line if line < last_w else last_w])
        if not best and not keep:
            if dropped is None or tolerance != INF:
                return None
            # overfull rescue (only a single glyph wider than the measure gets here)
            line = dropped[1] + 1
            best[(0, 0)] = (e, line, 2, 0, dropped[4] + 1e12, dropped, cw[e + 1], cg[e + 1],
                            widths[line if line < last_w else last_w])
        if best:
            keep.extend(sorted(best.values(), key=lambda x: x[4]))
        active = keep
    ends = [a for a in active if a[0] == n - 1]
    if not ends:
        return None
    node = min(ends, key=lambda x: x[4])
    out: list[int] = []
    while node is not None and node[0] >= 0:
        out.append(node[0])
        node = node[5]
    return out[::-1]


def break_words(words: Sequence[list], widths: Sequence[float], *, info: Sequence[_Info],
                max_stretch: float, justified: bool, limit: int) -> tuple[Segments, list[int]]:
    """Cut and break a paragraph's frag words (``info`` from :func:`analyse`): the segments and the
    chosen breaks."""
    measure = min(widths)
    stretch = max(max_stretch - 1.0, 0.25)
    shrink = SHRINK if justified else 0.0
    ragged = 0.0 if justified else measure * 0.3
    slack = 0.5 * _font_size(words)
    passes = ((measure, 1.0, False), (measure / 3, 3.0, True), (measure / 4, INF, True))
    glue = {"stretch": stretch, "shrink": shrink, "ragged": ragged, "slack": slack}
    for cut_wider, tol, url_chars in passes:
        s = segment(words, info, cut_wider, url_chars)
        got = choose(s, widths, tolerance=tol, limit=limit, **glue)
        if got is not None:
            return s, got
    s = segment(words, info, 0.0)
    got = choose(s, widths, tolerance=float("inf"), limit=99, **glue)
    return s, got or [len(s.width) - 1]


def _font_size(words: Sequence[list]) -> float:
    for w in words:
        for f, t in w[1:]:
            if t and not hasattr(f, "cbDefn"):
                return float(f.fontSize)
    return 10.0


# ----------------------------------------------------------------- building lines
def _slice(w: list, a: int, b: int, last: bool) -> list:
    """(frag, text) pairs of characters a..b of frag word w (empty-text entries kept in place)."""
    out = []
    off = 0
    for f, t in w[1:]:
        lo, hi = off, off + len(t)
        if t:
            if hi > a and lo < b:
                out.append((f, t[max(a - lo, 0):min(b - lo, len(t))]))
        elif a <= off < b or (last and off == b):
            out.append((f, t))
        off = hi
    return out


def _piece_width(pairs: list) -> float:
    return sum(text_width(t, f.fontName, f.fontSize) for f, t in pairs if t and not hasattr(f, "cbDefn"))


def pieces(words: Sequence[list], s: Segments, breaks: Sequence[int]) -> tuple[list[list], list[int]]:
    """The frag words with those cut at chosen breaks split into pieces; index of each line's first piece."""
    cut_at: dict[int, list[tuple[int, int]]] = {}
    for e in breaks:
        k = s.kind[e]
        if k in (HYPHEN, CUT) and e != len(s.width) - 1:
            cut_at.setdefault(s.word[e], []).append((s.end[e], k))
    out: list[list] = []
    first_of_word: dict[int, int] = {}
    piece_at: dict[tuple[int, int], int] = {}  # (word, start offset) -> index in out
    for wi, w in enumerate(words):
        first_of_word[wi] = len(out)
        cuts = cut_at.get(wi)
        if not cuts:
            piece_at[(wi, 0)] = len(out)
            out.append(w)
            continue
        text = _word_text(w) or ""
        prev = 0
        closing = False  # the piece goes on after an added hyphen: its marker ends the hyphen's span
        for end, k in cuts:
            pairs = _slice(w, prev, end, False)
            width = _piece_width(pairs)
            if closing:
                pairs.insert(0, (_mark(pairs[0][0], ""), ""))
            closing = k == HYPHEN
            if k == HYPHEN:  # the added hyphen between markers: the tagged PDF reads through it
                f, t = pairs[-1]
                pairs += [(_mark(f, "1"), ""), (f, "-")]
                width += char_width("-", f.fontName, f.fontSize)
                cls: type = _SplitFragHY
            else:
                cls = _SplitFragH
            piece_at[(wi, prev)] = len(out)
            out.append(cls([width] + pairs))
            prev = end
        pairs = _slice(w, prev, len(text), True)
        if closing:
            pairs.insert(0, (_mark(pairs[0][0], ""), ""))
        piece_at[(wi, prev)] = len(out)
        out.append((_SplitFragHS if isinstance(w, _HSFrag) else _SplitFrag)([_piece_width(pairs)] + pairs))
    starts = [0]
    for e in breaks[:-1]:
        wi = s.word[e]
        if s.kind[e] in (HYPHEN, CUT):
            starts.append(piece_at[(wi, s.end[e])])
        else:
            starts.append(first_of_word[wi + 1] if wi + 1 in first_of_word else len(out))
    return out, starts


def _bounds(f: object, calc: bool) -> tuple[float, float]:
    if calc and getattr(f, "_fkind", 0) == _FK_IMG:
        d, a = imgVRange(imgNormV(f.cbDefn.height, f.fontSize), f.cbDefn.valign, f.fontSize)  # type: ignore[attr-defined]
        return a, d
    return getAscentDescent(f.fontName, f.fontSize)  # type: ignore[attr-defined]


def _same(memo: dict[tuple[int, int], bool], a: object, b: object) -> bool:
    """reportlab's sameFrag(a, b), remembered by the frags' identities (alive while a paragraph is built)."""
    key = (id(a), id(b))
    got = memo.get(key)
    if got is None:
        got = memo[key] = bool(sameFrag(a, b))
    return got


def build_lines(fw: Sequence[list], starts: Sequence[int], widths: Sequence[float], *,
                mark_breaks: bool, calc_bounds: bool) -> tuple[list[FragLine], float]:
    """reportlab FragLines for the pieces, a line starting at each index of ``starts``."""
    lines: list[FragLine] = []
    width_max = 0.0
    last_w = len(widths) - 1
    bounds = list(starts) + [len(fw)]
    # sameFrag reads only attributes a clone keeps, so a word's group compares as its source frag
    same: dict[tuple[int, int], bool] = {}
    extents: dict[tuple[str, float], tuple[float, float]] = {}
    for li in range(len(starts)):
        max_width = widths[min(li, last_w)]
        words: list = []
        g = src = None
        cur = 0.0
        space = 0.0
        gaps = 0
        line_break = False
        size = asc = 0.0
        desc = 0.0
        for w in fw[bounds[li]:bounds[li + 1]]:
            f = w[1][0]
            if getattr(f, "_fkind", 0) == _FK_BREAK:
                words.append(f.clone())
                line_break = mark_breaks
                if not size:
                    size = f.fontSize
                    asc, desc = _bounds(f, calc_bounds)
                continue
            if w[0] > 0 or w[1][1]:
                if words and space:
                    gaps += 1
                cur += (space if words else 0.0) + w[0]
            for i, (ff, t) in enumerate(w[1:]):
                if i == 0:
                    if not words:
                        g, src = ff.clone(), ff
                        g.text = t
                        words.append(g)
                    elif not _same(same, src, ff):
                        if space:
                            for wj in reversed(words):
                                if getattr(wj, "_fkind", 0) == 0:
                                    if not wj.text.endswith(" "):
                                        wj.text += " "
                                    break
                        g, src = ff.clone(), ff
                        g.text = t
                        words.append(g)
                    elif space:
                        g.text = g.text + t if g.text.endswith(" ") else g.text + " " + t  # type: ignore[union-attr]
                    else:
                        g.text += t  # type: ignore[union-attr]
                else:
                    g, src = ff.clone(), ff
                    g.text = t
                    words.append(g)
                if calc_bounds or "cbDefn" in ff.__dict__:
                    a, d = _bounds(ff, calc_bounds)
                else:  # a font's extents, looked up once a paragraph
                    fk = (ff.fontName, ff.fontSize)
                    ad = extents.get(fk)
                    if ad is None:
                        ad = extents[fk] = _bounds(ff, False)
                    a, d = ad
                size, asc, desc = max(size, ff.fontSize), max(asc, a), min(desc, d)
            fn, fs = _last_font(w)
            space = char_width(" ", fn, fs) if isinstance(w, _HSFrag) else 0.0
        width_max = max(width_max, cur)
        lines.append(FragLine(extraSpace=max_width - cur, wordCount=gaps + 1, lineBreak=line_break,
                              words=words, fontSize=size, ascent=asc, descent=desc, maxWidth=max_width,
                              sFW=bounds[li]))
    return lines, width_max
