"""Hostile logos and fonts, classes 2 and 6 of the hardening issue: SVG logos are parsed
without entities and without fetching anything, pictures and fonts are decoded within
bounds when the style is loaded, and each bad file is a located error (exit 1), never an
internal error; XXE and "billion laughs" leak nothing and end at once."""

from __future__ import annotations

import base64
import os
from pathlib import Path

import pytest

from memokit.style.fonts import BUNDLED
from tests.style.sandbox import SECRET, SVG, Sandbox, assert_refused, png, svg

CARLITO = (BUNDLED / "carlito" / "Carlito-Regular.ttf").read_bytes()
LOGO_SVG = "extends: memo\nlogo: {file: logo.svg, width: 20mm}\n"
LOGO_PNG = "extends: memo\nlogo: {file: logo.png, width: 20mm}\n"
HOUSE_SANS = "extends: memo\nfonts:\n  body: {family: House Sans, word: X}\n"
XXE = (b'<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY x SYSTEM "../../../outside/secret.txt">]>\n'
       + svg('<text x="0" y="10">&x;</text>'))
LAUGHS = ('<!DOCTYPE svg [<!ENTITY a "lollollollollol">'
          + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
          + "]>" + SVG.format('<text x="0" y="10">&j;</text>')).encode()
BIG = base64.b64encode(png(300, 300) + os.urandom(300_000)).decode()

# name -> (style folder files, line, column, field, fragments of the first error)
CASES: dict[str, tuple[dict, int, int, str, tuple[str, ...]]] = {
    "svg-xxe": ({"style.yaml": LOGO_SVG, "logo.svg": XXE}, 2, 14, "logo.file",
                ("declares entities or a DTD",)),
    "svg-billion-laughs": ({"style.yaml": LOGO_SVG, "logo.svg": LAUGHS}, 2, 14, "logo.file",
                           ("declares entities or a DTD",)),
    "svg-big-data-uri": (
        {"style.yaml": LOGO_SVG, "logo.svg": svg(f'<image href="data:image/png;base64,{BIG}" '
                                                 'width="64" height="64"/>')},
        2, 14, "logo.file", ("larger than the limit of 256 KB",)),
    "svg-data-uri-of-another-type": (
        {"style.yaml": LOGO_SVG, "logo.svg": svg('<image href="data:image/svg+xml;base64,'
                                                 + base64.b64encode(svg("")).decode() + '"/>')},
        2, 14, "logo.file", ("data: URI of type image/svg+xml", "image/png or image/jpeg")),
    "svg-script": ({"style.yaml": LOGO_SVG, "logo.svg": svg("<script>alert(1)</script>")},
                   2, 14, "logo.file", ("has a <script> element",)),
    "svg-nested-too-deep": ({"style.yaml": LOGO_SVG, "logo.svg": svg("<g>" * 60 + "</g>" * 60)},
                            2, 14, "logo.file", ("more than 50 deep",)),
    "svg-not-svg": ({"style.yaml": LOGO_SVG, "logo.svg": png(4, 4)}, 2, 14, "logo.file",
                    ("is not a well-formed SVG file",)),
    "png-truncated": ({"style.yaml": LOGO_PNG, "logo.png": png(64, 64)[:120]}, 2, 14, "logo.file",
                      ("is damaged or cut short",)),
    "png-20000-by-20000": ({"style.yaml": LOGO_PNG, "logo.png": png(20000, 20000, pixels=False)},
                           2, 14, "logo.file", ("20000 x 20000 pixels", "limit of 40 megapixels")),
    "png-not-a-png": ({"style.yaml": LOGO_PNG, "logo.png": b"GIF89a\x01\x00\x01\x00 not a png"},
                      2, 14, "logo.file", ("is not a PNG picture",)),
    "font-not-a-font": ({"style.yaml": HOUSE_SANS, "fonts/HouseSans-Regular.ttf": b"not a font\n" * 99},
                        3, 18, "fonts.body.family", ("is not a TrueType font or is damaged",)),
    "font-truncated": ({"style.yaml": HOUSE_SANS, "fonts/HouseSans-Regular.ttf": CARLITO[:20_000]},
                       3, 18, "fonts.body.family", ("'fonts/HouseSans-Regular.ttf' is cut short",)),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_bad_logo_or_font_is_a_located_error(name: str, tmp_path: Path) -> None:
    style, line, column, field, fragments = CASES[name]
    sb = Sandbox(tmp_path, style=style).write()
    assert_refused(sb, line, column, field, *fragments)


def test_entity_svgs_end_at_once_and_leak_nothing(tmp_path: Path) -> None:
    for i, logo in enumerate((XXE, LAUGHS)):
        sb = Sandbox(tmp_path / str(i), style={"style.yaml": LOGO_SVG, "logo.svg": logo}).write()
        run, _ = sb.run()
        assert run.code == 1 and run.seconds < 20, (run.seconds, run.err)
        assert SECRET not in run.err and "lollol" not in run.err


def test_an_svg_logo_with_text_renders_in_a_house_font(tmp_path: Path) -> None:
    import pdfplumber

    sb = Sandbox(tmp_path, style={"style.yaml": LOGO_SVG, "logo.svg": svg(
        '<text x="2" y="30" font-size="12">NISA</text>'
        '<text x="2" y="50" font-family="../../../outside/Evil" font-size="9">Crest</text>')},
        outside={"Evil.ttf": CARLITO, "Evil-Regular.ttf": CARLITO}).write()
    run, changes = sb.run()
    assert run.code == 0, run.err
    assert changes == []
    with pdfplumber.open(str(sb.out / "memo.pdf")) as pdf:
        text = pdf.pages[0].extract_text()
        assert "NISA" in text and "Crest" in text
        logo = [c for c in pdf.pages[0].chars if 70 < c["top"] < 110]  # below the institute line
        assert "".join(c["text"] for c in logo) == "NISACrest"
        fonts = {c["fontname"].split("+")[-1] for c in logo}  # house fonts, embedded as TrueType
        assert fonts == {"Carlito"}, fonts  # the heading font; nothing named by the SVG is read
