"""Inline Markdown fixtures: author text in, model nodes out.

Notes are numbered and references resolved by callbacks here (in the memo the
builder does that); the fixtures pin what the parser hands them.
"""

from __future__ import annotations

import pytest

from memokit.inline import Callbacks, MarkupProblem, parse_blocks, parse_inline
from memokit.model import (
    BulletList,
    Code,
    Emph,
    LineBreak,
    Link,
    ListItem,
    Note,
    OrderedList,
    Paragraph,
    Quote,
    Ref,
    Span,
    Strong,
    Text,
)

FIGURES = {("figure", "a-b"): 1, ("figure", "x_y"): 2, ("table", "t1"): 1}


class Recorder:
    """Callbacks that number notes 1, 2, ... and resolve refs from FIGURES, recording offsets."""

    def __init__(self) -> None:
        self.count = 0
        self.offsets: list[tuple[str, int]] = []

    def callbacks(self) -> Callbacks:
        def note(note_id: str | None, kids: tuple, offset: int) -> Note:  # type: ignore[type-arg]
            self.count += 1
            self.offsets.append(("note", offset))
            return Note(self.count, kids, note_id)

        def ref(kind: str, target: str, offset: int) -> Ref | None:
            self.offsets.append(("ref", offset))
            number = FIGURES.get((kind, target))
            return Ref(kind, target, number) if number else None  # type: ignore[arg-type]

        def nested(offset: int) -> None:
            self.offsets.append(("nested", offset))

        return Callbacks(note, ref, None, nested)


def inline(text: str) -> tuple:  # type: ignore[type-arg]
    return parse_inline(text, Recorder().callbacks())


T = Text

INLINE = [
    # text passes through exactly: &, <, quotes, dashes, ellipses
    ("R&D", (T("R&D"),)),
    ("x < y and y > z", (T("x < y and y > z"),)),
    ("AT&T's \"quoted\" 'single' – en — em ...", (T("AT&T's \"quoted\" 'single' – en — em ..."),)),
    ("<b>not html</b>", (T("<b>not html</b>"),)),
    # standard entities decode as CommonMark says
    ("&amp; &copy; &#x2014; &nbsp;", (T("& © — \u00a0"),)),
    ("&notanentity;", (T("&notanentity;"),)),
    # emphasis, strong, code
    ("*a* and _b_ and **c**", (Emph((T("a"),)), T(" and "), Emph((T("b"),)), T(" and "),
                               Strong((T("c"),)))),
    ("snake_case_name", (T("snake_case_name"),)),
    ("`x < 1 & *y*`", (Code("x < 1 & *y*"),)),
    # links and autolinks
    ("[the registry](https://example.org/r)", (Link("https://example.org/r", (T("the registry"),)),)),
    ("<https://example.org/a?b=1&c=2>",
     (Link("https://example.org/a?b=1&c=2", (T("https://example.org/a?b=1&c=2"),)),)),
    ("a bare https://example.org stays text", (T("a bare https://example.org stays text"),)),
    ("[*em* and **strong**](https://x.org)",
     (Link("https://x.org", (Emph((T("em"),)), T(" and "), Strong((T("strong"),)))),)),
    # footnotes by id and inline
    ("as shown[^src].", (T("as shown"), Note(1, (), "src"), T("."))),
    ("text^[An *inline* note.] goes on",
     (T("text"), Note(1, (T("An "), Emph((T("inline"),)), T(" note.")), None), T(" goes on"))),
    ("one[^a] two^[b]", (T("one"), Note(1, (), "a"), T(" two"), Note(2, (T("b"),), None))),
    ("^[see <https://x.org>]", (Note(1, (T("see "), Link("https://x.org", (T("https://x.org"),)),), None),)),
    # cross-references, trailing punctuation kept
    ("as @fig:a-b. shows", (T("as "), Ref("figure", "a-b", 1), T(". shows"))),
    ("@tbl:t1, and @fig:x_y;", (Ref("table", "t1", 1), T(", and "), Ref("figure", "x_y", 2), T(";"))),
    ("(@fig:a-b)", (T("("), Ref("figure", "a-b", 1), T(")"))),
    ("see @fig:a-b-", (T("see "), Ref("figure", "a-b", 1), T("-"))),
    ("@fig:a-b's shape", (Ref("figure", "a-b", 1), T("'s shape"))),
    # e-mail addresses and bare words are not references
    ("write to office@fig:a-b or me@tbl:t1", (T("write to office@fig:a-b or me@tbl:t1"),)),
    ("an @fig: alone, @tbl:-x", (T("an @fig: alone, @tbl:-x"),)),
    ("user@example.org", (T("user@example.org"),)),
    # line breaks: two spaces or a backslash make a hard break; a newline is a space
    ("line one  \nline two", (T("line one"), LineBreak(), T("line two"))),
    ("line one\\\nline two", (T("line one"), LineBreak(), T("line two"))),
    ("soft\nbreak", (T("soft break"),)),
    # leading and trailing blanks are not text
    ("  padded  ", (T("padded"),)),
    # spans in another language (pandoc's bracketed spans), with markup and notes inside
    ("an [idée fixe]{lang=fr}.", (T("an "), Span("fr", (T("idée fixe"),)), T("."))),
    ('[*so*]{lang="de-CH"}', (Span("de-CH", (Emph((T("so"),)),)),)),
    ("[sa^[n]]{lang=sv}", (Span("sv", (T("sa"), Note(1, (T("n"),), None))),)),
    ("[x]{ lang='zh-Hant-TW' }", (Span("zh-Hant-TW", (T("x"),)),)),
    # brackets without attributes, and a link, stay what they were
    ("[a] {b} [c](https://x.org)", (T("[a] {b} "), Link("https://x.org", (T("c"),)))),
]


@pytest.mark.parametrize(("text", "expected"), INLINE, ids=[t for t, _ in INLINE])
def test_inline_markdown_gives_these_nodes(text: str, expected: tuple) -> None:  # type: ignore[type-arg]
    assert inline(text) == expected


def _para(*kids: object) -> Paragraph:
    return Paragraph(tuple(kids))  # type: ignore[arg-type]


BLOCKS = [
    ("One.\n\nTwo *x*.", (_para(T("One.")), _para(T("Two "), Emph((T("x"),)), T(".")))),
    ("- a\n- b[^n]\n", (BulletList((ListItem((_para(T("a")),)),
                                    ListItem((_para(T("b"), Note(1, (), "n")),)))),)),
    ("3. c\n4. d\n", (OrderedList((ListItem((_para(T("c")),)), ListItem((_para(T("d")),))), 3),)),
    ("> quoted\n> more^[q]\n", (Quote((_para(T("quoted more"), Note(1, (T("q"),), None)),)),)),
    ("- a\n  - nested\n", (BulletList((ListItem((_para(T("a")), BulletList((
        ListItem((_para(T("nested")),)),)))),)),)),
    ("Para\n- list right after",
     (_para(T("Para")), BulletList((ListItem((_para(T("list right after")),)),)))),
    ("R&D < 5 -- \"ok\"", (_para(T("R&D < 5 -- \"ok\"")),)),
]


@pytest.mark.parametrize(("text", "expected"), BLOCKS, ids=[t for t, _ in BLOCKS])
def test_body_markdown_gives_these_blocks(text: str, expected: tuple) -> None:  # type: ignore[type-arg]
    assert parse_blocks(text, Recorder().callbacks()) == expected


BODY = """\
First paragraph with a note[^a].

Second paragraph, see @fig:a-b and
a second line with ^[an inline note with @tbl:t1 inside].

- a list item citing [^b]
  over two lines @fig:x_y

> a quote[^c]
"""


def test_offsets_point_at_the_marker_in_the_original_text() -> None:
    rec = Recorder()
    parse_blocks(BODY, rec.callbacks())
    markers = [BODY[offset:offset + 2] for _, offset in rec.offsets]
    # the inline note is reported after its contents were parsed
    assert markers == ["[^", "@f", "@t", "^[", "[^", "@f", "[^"]


def test_offsets_in_inline_text_count_the_leading_blanks() -> None:
    rec = Recorder()
    text = "   a caption with @fig:a-b"
    parse_inline(text, rec.callbacks())
    assert [text[o:o + 5] for _, o in rec.offsets] == ["@fig:"]


def test_a_note_inside_an_inline_note_is_reported_at_its_own_marker() -> None:
    rec = Recorder()
    text = "x^[outer ^[inner] text]"
    nodes = parse_inline(text, rec.callbacks())
    assert ("nested", text.index("^[inner")) in rec.offsets
    assert nodes == (T("x"), Note(1, (T("outer  text"),), None))


SPAN_PROBLEMS = [
    ("a [b]{lang=e}", 5, "'e' is not a language tag"),
    ("a [b]{lang=en_GB}", 5, "'en_GB' is not a language tag"),
    ("a [b]{lang=" + "x" * 40 + "}", 5, "is not a language tag"),
    ("a [b]{.smallcaps}", 5, "'{.smallcaps}' is not a span's attributes"),
    ("a [b]{lang=fr dir=rtl}", 5, "'{lang=fr dir=rtl}' is not a span's attributes"),
]


@pytest.mark.parametrize(("text", "offset", "message"), SPAN_PROBLEMS, ids=[t for t, _, _ in SPAN_PROBLEMS])
def test_a_bad_span_says_what_a_span_accepts(text: str, offset: int, message: str) -> None:
    with pytest.raises(MarkupProblem) as got:
        inline(text)
    assert got.value.offset == offset
    assert message in got.value.message and "lang=TAG" in got.value.message
