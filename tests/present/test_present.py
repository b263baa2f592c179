"""The presentation layer: what both writers show, decided once."""

from __future__ import annotations

import dataclasses

from memokit.model import (
    BulletList,
    Emph,
    LineBreak,
    ListItem,
    Note,
    Paragraph,
    Ref,
    Section,
    SourceSpan,
    Text,
)
from memokit.present import (
    NBSP,
    Field,
    Piece,
    Role,
    Where,
    continued_mark,
    end_mark,
    located_warning,
    memo_properties,
    page_text,
    pieces,
    plain_text,
    ref_label,
    role_of,
    source_prefix,
    spacing,
    title_items,
)
from memokit.style.theme import Theme
from tests.present.conftest import BARE_META, figure, memo, para

SEP = f" {NBSP}·{NBSP} "


def _summary(items: list) -> list[tuple[str, str]]:  # type: ignore[type-arg]
    return [(i.kind, i.role.value if i.role else "") for i in items]


def test_title_block_with_every_optional_field(memo_theme: Theme) -> None:
    items = title_items(memo(), memo_theme)
    assert _summary(items) == [("paragraph", "series"), ("paragraph", "title"), ("paragraph", "subtitle"),
                               ("paragraph", "authors"), ("paragraph", "colophon"), ("rule", ""),
                               ("paragraph", "lede")]
    texts = [i.text for i in items]
    assert texts[:3] == ["Crisis Management", "A title", "A subtitle"]
    assert items[3].inlines == (Text("Ann Aro"), Text(", "), Text("Bo Berg"))  # no affiliations: no line
    colophon = items[4]
    assert colophon.parts == ("Date 14 March 2026", "Memo 8147", "Project B26014", "Approved by R. Alsgaard")
    assert colophon.text == SEP.join(colophon.parts)
    assert items[-1].inlines == (Text("The lede."),)


def test_title_block_without_optional_fields(memo_theme: Theme) -> None:
    items = title_items(memo(BARE_META, lede=()), memo_theme)
    assert _summary(items) == [("paragraph", "title"), ("paragraph", "colophon"), ("rule", "")]
    assert items[1].parts == ("Date 14 March 2026",)


def test_title_block_logo_first_and_no_rule_when_the_style_has_none(brief_theme: Theme) -> None:
    theme = dataclasses.replace(brief_theme, title_block=dataclasses.replace(brief_theme.title_block,
                                                                            rule=False))
    items = title_items(memo(), theme)
    assert items[0].kind == "logo"
    assert "rule" not in [i.kind for i in items]


def test_furniture_pieces_leave_page_fields_and_properties_as_placeholders(memo_theme: Theme) -> None:
    m = memo()
    footer = pieces("{{ labels.page }}  {{ page }} {{ labels.of }} {{ pages }}", m, memo_theme)
    assert footer == [Piece("page "), Piece("1", Field.PAGE), Piece(" of "), Piece("1", Field.PAGES)]
    assert "".join(p.shown(3, 9) for p in footer) == "page 3 of 9"
    header = pieces(memo_theme.header, m, memo_theme)
    assert header == [Piece("Crisis Management", Field.PROPERTY, "Series"), Piece(" · Memo "),
                      Piece("8147", Field.PROPERTY, "Memo number")]
    assert pieces("{{ date }}", m, memo_theme) == [Piece("14 March 2026", Field.PROPERTY, "Memo date")]


def test_furniture_pieces_with_properties_as_text(memo_theme: Theme) -> None:
    m = memo()
    assert pieces(memo_theme.header, m, memo_theme, properties=False) == [
        Piece("Crisis Management · Memo 8147")]
    bare = memo(BARE_META)
    assert pieces(memo_theme.header, bare, memo_theme) == [Piece(memo_theme.institute)]
    text = page_text(m, memo_theme, properties=False)
    assert text.institute == memo_theme.institute
    assert [p.text for p in text.footer[0]] == ["14 March 2026"]
    assert memo_properties(m, memo_theme) == {"Memo number": "8147", "Series": "Crisis Management",
                                              "Project": "B26014", "Approved by": "R. Alsgaard",
                                              "Memo date": "14 March 2026"}


def test_plain_text_shows_a_reference_by_its_label_and_drops_notes(memo_theme: Theme) -> None:
    labels = memo_theme.labels_for("en")
    inlines = (Text("As "), Ref("figure", "f", 1), Text(" and "), Emph((Ref("table", "t", 2),)),
               Note(1, (Text("a note"),)), LineBreak(), Text("show."))
    assert plain_text(inlines, labels) == f"As Figure{NBSP}1 and Table{NBSP}2 show."
    assert ref_label("table", 3, labels) == f"Table{NBSP}3"
    assert source_prefix(labels) == "Source: "
    assert continued_mark([3, 4], labels) == "3, 4 (continued)"
    assert continued_mark([3, 4, 5, 6, 9, 11, 12], labels) == "3–6, 9, 11, 12 (continued)"
    assert continued_mark([3, 4], labels, short=True) == "(continued)"


def test_end_mark_follows_the_last_paragraph_or_stands_alone(memo_theme: Theme) -> None:
    last = para("The end.")
    m = memo(blocks=(para("First."), BulletList((ListItem((last,)),))))
    end = end_mark(m, memo_theme)
    assert end is not None and end.paragraph is last and end.closes(last) and not end.alone
    assert end.mark == memo_theme.end_mark and end.gap == NBSP
    after_figure = end_mark(memo(blocks=(para("Text."), figure())), memo_theme)
    assert after_figure is not None and after_figure.alone and not after_figure.closes(para("Text."))
    assert end_mark(m, dataclasses.replace(memo_theme, end_mark="")) is None


def test_roles_of_paragraphs_headings_figures_and_notes() -> None:
    p = Paragraph((Text("x"),))
    assert role_of(p) is Role.BODY
    assert role_of(p, Where(quote=True)) is Role.QUOTE
    assert role_of(p, Where(item="bullet")) is Role.LIST_BULLET
    assert role_of(p, Where(item="number")) is Role.LIST_NUMBER
    assert role_of(p, Where(quote=True, item="number", first=False)) is Role.LIST_CONTINUE
    assert [role_of(Section("h", n, ())) for n in (1, 2, 3, 4)] == [
        Role.HEADING1, Role.HEADING2, Role.HEADING3, Role.HEADING3]
    assert role_of(figure()) is Role.FIGURE
    assert role_of(Note(1, ())) is Role.NOTE
    assert Role.CELL == "cell"  # roles are their names, so a writer's table of styles may key by either


def test_spacing_is_derived_from_the_theme(memo_theme: Theme) -> None:
    sp = spacing(memo_theme)
    gap = memo_theme.title_block.gap
    assert (sp.gap, sp.colophon_after, sp.logo_after, sp.source_before) == (gap, 2 * gap, 2 * gap, gap / 2)
    assert sp.leading(memo_theme.sizes.body) == memo_theme.sizes.leading


def test_warnings_are_located_at_their_node() -> None:
    m = memo()
    w = located_warning(m, figure(line=42), "no chart")
    assert w.format() == "memo.yaml:42:11: warning: no chart"
    unplaced = located_warning(m, Paragraph(()), "somewhere", field="x")
    assert unplaced.format() == "memo.yaml: warning: x: somewhere"
    assert located_warning(m, None, "m").line is None
    assert SourceSpan("a", 1, 2).line == 1


def _shown(inlines: tuple[object, ...]) -> str:
    return "".join(i.text if isinstance(i, Text) else f"<{i.url}>" for i in inlines)  # type: ignore[attr-defined]


def test_authors_with_different_affiliations_get_numbered_marks_and_a_line_of_them() -> None:
    from memokit.model.nodes import Author
    from memokit.present.titleblock import author_items

    authors = (Author("Ann Aro", "Inst A", "ann@a.org"), Author("Bo Berg", "Uni B"),
               Author("Cy Cole", "Inst A"), Author("Di Dahl"))
    names, line = author_items(authors, "marks")
    assert (names.role, line.role) == (Role.AUTHORS, Role.AFFILIATIONS)
    assert _shown(names.inlines) == "Ann Aro¹, Bo Berg², Cy Cole¹, Di Dahl"
    assert _shown(line.inlines) == f"¹{NBSP}Inst A{SEP}²{NBSP}Uni B{SEP}<mailto:ann@a.org>"


def test_authors_sharing_one_affiliation_get_no_marks_and_without_any_no_line() -> None:
    from memokit.model.nodes import Author
    from memokit.present.titleblock import author_items

    same = author_items((Author("Ann Aro", "Inst A"), Author("Bo Berg", "Inst A")), "marks")
    assert [_shown(i.inlines) for i in same] == ["Ann Aro, Bo Berg", "Inst A"]
    assert len(author_items((Author("Ann Aro"),), "marks")) == 1
    assert author_items((), "marks") == []


def test_affiliations_after_the_names() -> None:
    from memokit.model.nodes import Author
    from memokit.present.titleblock import author_items

    (names,) = author_items((Author("Ann Aro", "Inst A", "ann@a.org"), Author("Bo Berg"),
                             Author("Cy Cole", email="cy@c.org")), "after")
    assert _shown(names.inlines) == ("Ann Aro (Inst A, <mailto:ann@a.org>), Bo Berg, "
                                     "Cy Cole (<mailto:cy@c.org>)")


def test_the_built_in_styles_show_the_full_date_and_affiliations_as_they_say(memo_theme: Theme,
                                                                             brief_theme: Theme) -> None:
    import datetime as dt

    day = dt.date(2026, 3, 14)
    assert memo_theme.format_date(day, "en-GB") == "14 March 2026"
    assert memo_theme.format_date(day, "en-US") == memo_theme.format_date(day, "en") == "March 14, 2026"
    assert memo_theme.format_date(day, "de") == "14. März 2026"
    assert brief_theme.format_date(day, "fr-FR") == "14 mars 2026"
    assert (memo_theme.title_block.affiliations, brief_theme.title_block.affiliations) == ("marks", "after")
