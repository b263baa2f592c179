"""The memo's language: the filters, quotation marks, labels and their overrides, the warning
for a language without labels."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from memokit import lang
from memokit.errors import ContentError
from memokit.pipeline import check_memo
from memokit.present.quotes import quoted
from memokit.style import builtin_styles
from memokit.style.theme import load_theme
from memokit.template.filters import date, number, percent


def _in(language: str, f, *args):  # type: ignore[no-untyped-def]
    with lang.in_language(language):
        return f(*args)


@pytest.mark.parametrize("language,expected", [
    ("fr-FR", "1\u202f145,3"), ("de-DE", "1.145,3"), ("en-GB", "1,145.3"), ("en", "1,145.3"),
    ("sv", "1\u00a0145,3"), ("de-CH", "1\u2019145.3"), ("xx", "1,145.3"),
])
def test_the_number_filter_writes_the_language(language: str, expected: str) -> None:
    got = _in(language, number, 1145.3, 1)
    if language == "de-CH":  # Babel's CLDR writes the Swiss group as an apostrophe of its own
        assert got.replace("'", "\u2019") == expected
    else:
        assert got == expected


def test_the_number_filter_rounds_as_before_and_signs_in_the_language() -> None:
    assert _in("en-GB", number, 12345.6) == "12,346" == f"{12345.6:,.0f}"
    assert _in("en-GB", number, 2.675, 2) == f"{2.675:.2f}"  # Python's rounding, kept
    assert _in("sv", number, -1500) == "\u22121\u00a0500"  # CLDR's Swedish minus
    assert _in("de", number, -0.001, 1) == "0,0"  # no minus before a zero


def test_the_percent_filter_writes_the_language() -> None:
    assert _in("en-GB", percent, 0.256) == "26%"
    assert _in("en-GB", percent, 0.256, 1) == "25.6%"
    assert _in("de", percent, 0.256, 1) == "25,6\u00a0%"
    assert _in("fr", percent, 0.5) == "50\u00a0%"


def test_the_date_filter_writes_the_language() -> None:
    day = dt.date(2026, 3, 14)
    assert _in("en-GB", date, day) == "14 March 2026"
    assert _in("fr-FR", date, day) == "14 mars 2026"
    assert _in("de", date, day) == "14. März 2026"
    assert _in("fr-FR", date, "2026-03-04", "%d %B %Y") == "04 mars 2026"
    assert _in("de", date, day, "%a %d %b") == "Sa. 14 März"
    assert _in("pl", date, day, "long") == "14 marca 2026"


def test_quoted_uses_cldr_quotation_marks() -> None:
    assert quoted("Texte", "fr-FR") == "\u00ab\u00a0Texte\u00a0\u00bb"
    assert quoted("Text", "de") == "\u201eText\u201c"
    assert quoted("Text", "en-GB") == "\u201cText\u201d"
    assert quoted("Text", "sv") == "\u201dText\u201d"
    assert quoted("Text", "xx") == "\u201cText\u201d"


@pytest.fixture(scope="module")
def memo_style():  # type: ignore[no-untyped-def]
    return load_theme(builtin_styles()["memo"].resolve())


@pytest.mark.parametrize("language,figure,table,box,appendix,page,of", [
    ("fr-FR", "Figure", "Tableau", "Encadré", "Annexe", "page", "sur"),
    ("de", "Abbildung", "Tabelle", "Kasten", "Anhang", "Seite", "von"),
    ("sv-SE", "Figur", "Tabell", "Ruta", "Bilaga", "sida", "av"),
    ("es", "Figura", "Tabla", "Recuadro", "Anexo", "página", "de"),
    ("en-GB", "Figure", "Table", "Box", "Appendix", "page", "of"),
])
def test_memokit_ships_label_sets(memo_style, language, figure, table, box, appendix, page, of) -> None:  # type: ignore[no-untyped-def]
    lab = memo_style.labels_for(language)
    assert (lab.figure, lab.table, lab.box, lab.appendix, lab.page, lab.of) == \
        (figure, table, box, appendix, page, of)


def test_every_shipped_language_has_every_label() -> None:
    assert {"en", "sv", "nb", "da", "fi", "de", "fr", "es", "it", "nl", "pt", "pl"} <= set(lang.SHIPPED)
    for code, words in lang.SHIPPED.items():
        assert all(v for k, v in words.items() if k != "document"), code


def test_month_names_come_from_cldr_unless_the_style_overrides_them(memo_style) -> None:  # type: ignore[no-untyped-def]
    assert memo_style.labels_for("fr").months[2] == "mars"
    assert memo_style.labels_for("fr").months_short[0] == "janv."
    assert memo_style.labels_for("en-GB").months_short[8] == "Sep"  # the memo style's own


def _style(tmp_path: Path, labels: str) -> Path:
    folder = tmp_path / "house"
    folder.mkdir()
    (folder / "style.yaml").write_text(f"extends: memo\nname: house\nlabels:\n{labels}")
    return folder


def test_a_house_style_overrides_one_label_key_by_key(tmp_path: Path) -> None:
    theme = load_theme(_style(tmp_path, "  fr: {table: Tab., months: [a, b, c, d, e, f, g, h, i, j, k, l]}\n"
                                        "  fr-CA: {figure: Fig.}\n"))
    fr = theme.labels_for("fr-FR")
    assert (fr.table, fr.figure, fr.box, fr.months[0]) == ("Tab.", "Figure", "Encadré", "a")
    ca = theme.labels_for("fr-CA")
    assert (ca.table, ca.figure) == ("Tab.", "Fig.")
    assert theme.labels_for("de").table == "Tabelle"


def test_a_bad_label_override_is_a_located_error(tmp_path: Path) -> None:
    with pytest.raises(ContentError) as err:
        load_theme(_style(tmp_path, "  fr: {tabel: Tab.}\n"))
    assert "unknown key 'tabel'" in str(err.value) and "style.yaml:4" in str(err.value)


def _memo(tmp_path: Path, language: str, style: str = "memo") -> Path:
    path = tmp_path / "m.yaml"
    path.write_text(f"title: T\nauthors: [A]\ndate: 2026-03-14\nlanguage: {language}\nstyle: {style}\n"
                    "sections:\n  - heading: H\n    body:\n      - Text.\n")
    return path


def test_an_unsupported_language_is_a_located_warning_naming_the_supported(tmp_path: Path) -> None:
    warnings = check_memo(_memo(tmp_path, "tr-TR")).warnings
    found = [w for w in warnings if w.field == "language"]
    assert len(found) == 1 and (found[0].line, found[0].column) == (4, 11)
    assert "'tr-TR'" in found[0].message and "da, de, en, es, fi, fr, it, nb, nl, pl, pt, sv" in \
        found[0].message
    unknown = [w for w in check_memo(_memo(tmp_path, "xx")).warnings if w.field == "language"]
    assert "numbers and dates are in English too" in unknown[0].message


def test_a_supported_language_or_one_the_style_adds_is_no_warning(tmp_path: Path) -> None:
    for language in ("fr-FR", "de", "pl", "pt-BR"):
        assert not [w for w in check_memo(_memo(tmp_path, language)).warnings if w.field == "language"]
    _style(tmp_path, "  tr: {figure: Şekil}\n")
    assert not [w for w in check_memo(_memo(tmp_path, "tr-TR", "house")).warnings if w.field == "language"]


@pytest.mark.parametrize("language,marks", [
    ("nl", "\u2018\u2019"), ("da", "\u201c\u201d"), ("es", "\u201c\u201d"), ("it", "\u00ab\u00bb"),
    ("nb-NO", "\u00ab\u00bb"), ("fi", "\u201d\u201d"), ("pl", "\u201e\u201d"), ("pt-BR", "\u201c\u201d"),
    ("pt-PT", "\u00ab\u00bb"),
])
def test_quoted_follows_cldr_for_every_shipped_language(language: str, marks: str) -> None:
    assert quoted("x", language) == f"{marks[0]}x{marks[1]}"


def test_table_numbers_line_up_on_the_languages_separator() -> None:
    from memokit.model import Text
    from memokit.model.nodes import Table
    from memokit.present.tables import decimal_pads, decimal_separator

    def pads(language: str, *texts: str) -> list[float]:
        table = Table("t", 1, (Text("A table"),), (), tuple(((Text(t),),) for t in texts), ("right",))
        got = decimal_pads(table, lambda text, bold: 5.0 * len(text), decimal_separator(language))
        return [row[0] for row in got]

    # French digit groups (U+202F) and a per cent sign after a no-break space
    assert pads("fr-FR", "1\u202f145,3", "12\u202f500,25", "987") == [5, 0, 15]
    assert pads("fr-FR", "25,6\u00a0%", "100\u00a0%") == [0, 10]  # tails ",6 %" and " %"
    assert pads("de-CH", "1'145.3", "2.25") == [5, 0]  # Swiss apostrophe groups, a point
    assert pads("en-GB", "1\u202f145,3", "2.5") == [0, 0]  # not English numbers: no pads


def test_a_theme_with_label_overrides_pickles(memo_style) -> None:  # type: ignore[no-untyped-def]
    import pickle

    again = pickle.loads(pickle.dumps(memo_style))
    assert again.labels_for("fr").table == "Tableau" and again.labels == memo_style.labels
