"""Every memo the test suite renders, to render once more and check as a tagged, archival PDF.

The memo files (the example, the regions brief, the fixtures, the German and French memos) and
the memos tests make (sections and appendices, citations and a bibliography, boxes, pictures,
right-to-left text, tables, floats, odd shapes, notes of every length...), each taken from the
test module that makes it, so a change there is checked here too. Left out: memos a test makes
only to see them refused, and the generated long memos, which test_tagged.py checks on the
27-page one (the others only vary its length and seed).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from memokit.model.nodes import Memo
from memokit.pipeline import check_memo, render_memo
from tests.helpers import EXAMPLE, ROOT

Make = Callable[[Path], Path]  # writes the memo (and what it reads) into a folder: its path


@dataclass(frozen=True)
class Case:
    name: str
    make: Make | None = None
    own: Callable[[Path], tuple[Path, Memo]] | None = None  # a test's own rendering (model made by it)
    slow: bool = False  # poppler takes about a minute to read its tree (400 notes)

    def render(self, folder: Path) -> tuple[Path, Memo]:
        """The memo's PDF, written with the default standard, and its model."""
        if self.own is not None:
            return self.own(folder)
        assert self.make is not None
        src = self.make(folder)
        result = render_memo(src, folder / "out", ("pdf",))
        return next(p for p in result.outputs if p.suffix == ".pdf"), check_memo(src).memo


def _bibliography(folder: Path) -> tuple[Path, Memo]:
    """The sections memo with citations and a bibliography set in its model."""
    from tests.references.memo import render

    out, memo, _ = render(folder)
    return out["pdf"], memo


def _file(path: Path) -> Make:
    return lambda folder: path


def _text(text: Callable[[], str], name: str = "memo") -> Make:
    def make(folder: Path) -> Path:
        out = folder / f"{name}.yaml"
        out.write_text(text(), encoding="utf-8")
        return out

    return make


def _cited(folder: Path) -> Path:
    from tests.cite.cited import memo_with
    from tests.cite.test_outputs import CITING

    memo_with(folder, CITING)
    return folder / "memo.yaml"


def _pictures(folder: Path) -> Path:
    from tests.figures.test_images import write_site

    return write_site(folder)


def _long_box() -> str:
    from tests.pdf.test_boxes import _long_box_yaml

    return _long_box_yaml()


def _box(name: str) -> Callable[[], str]:
    def text() -> str:
        from tests.pdf import test_boxes

        return str(getattr(test_boxes, name))

    return text


def _bidi() -> str:
    from tests.pdf.test_bidi import SENTENCES, _memo

    return _memo(SENTENCES)


def _bidi_spans() -> str:
    from tests.docx.test_bidi_spans import MEMO

    return MEMO


def _text_memo(name: str) -> Callable[[], str]:
    def text() -> str:
        from tests.pdf import test_text

        if name == "ODD":
            rows = "\n".join(f"      - [row{k}, {k}]" for k in range(120))
            return test_text.ODD.format(rows=rows)
        return str(getattr(test_text, name))

    return text


def _sections() -> str:
    from tests.sections.memo import memo_yaml

    return memo_yaml()


def _tables_fit() -> str:
    from tests.pdf.test_tables_fit import HEADER, LONG, memo_yaml

    return memo_yaml(HEADER, LONG)


def _decimals() -> str:
    from tests.pdf.test_tables_fit import decimal_memo

    return decimal_memo(stepped=True)


def _markers() -> str:
    from tests.docx.test_table_widths import MARKERS

    return MARKERS


def _table_breaks() -> str:
    from tests.pdf.test_table_breaks import _memo

    return _memo(200)


def _floats() -> str:
    from tests.pdf.test_floats import _memo

    return _memo(40)


def _figures_tables() -> str:
    from tests.pdf.test_figures_tables import _memo

    return _memo(2)


def _linebreak() -> str:
    from tests.pdf.test_linebreak import _memo

    return _memo(random.Random(5))


def _mixed_notes() -> str:
    from tests.pdf.test_full_columns import mixed_notes_yaml

    return mixed_notes_yaml()


def _fill() -> str:
    from tests.pdf.test_fill import sections_yaml

    return sections_yaml(1, sections=12)


CASES = [
    Case("example-memo", _file(EXAMPLE)),
    Case("regions-brief", _file(ROOT / "content" / "regions-brief.yaml")),
    Case("every-node", _file(ROOT / "tests" / "fixtures" / "every-node.yaml")),
    Case("cites-author-date", _file(ROOT / "tests" / "fixtures" / "cites-author-date.yaml")),
    Case("de-memo", _file(ROOT / "tests" / "lang" / "de-memo.yaml")),
    Case("fr-memo", _file(ROOT / "tests" / "lang" / "fr-memo.yaml")),
    Case("sections", _text(_sections)),
    Case("citation-notes", _cited),
    Case("bibliography", own=_bibliography),
    Case("pictures", _pictures),
    Case("short-box", _text(_box("SHORT_BOX"))),
    Case("page-wide-box", _text(_box("WIDE_BOX"))),
    Case("long-box", _text(_long_box)),
    Case("bidi", _text(_bidi)),
    Case("bidi-spans", _text(_bidi_spans)),
    Case("tricky-text", _text(_text_memo("TRICKY"))),
    Case("swedish", _text(_text_memo("SWEDISH"))),
    Case("odd-shapes", _text(_text_memo("ODD"))),
    Case("tables-fit", _text(_tables_fit)),
    Case("decimal-table", _text(_decimals)),
    Case("table-markers", _text(_markers)),
    Case("table-breaks", _text(_table_breaks)),
    Case("floats", _text(_floats)),
    Case("figures-tables", _text(_figures_tables)),
    Case("linebreak", _text(_linebreak)),
    Case("short-sections", _text(_fill)),
    Case("mixed-notes", _text(_mixed_notes), slow=True),
]
