"""Picture files as figures (``figure: image:``), read back as a reader would: the PDF holds
the bitmap at its own pixels, printed as wide as the column or the page and keeping its shape,
and an SVG as vector paths and text; the DOCX holds the picture with its alt text, an SVG with
its PNG copy; pandoc finds the picture; a soft bitmap is a located warning; a changed picture
rebuilds its memo."""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from pathlib import Path

import pytest

from memokit.batch import build
from memokit.load.inputs import memo_inputs
from memokit.pipeline import check_memo, render_memo
from memokit.style import builtin_styles, load_style
from tests.helpers import require_tool

SVG = """<svg xmlns="http://www.w3.org/2000/svg" width="300" height="150" viewBox="0 0 300 150">
  <rect x="4" y="4" width="292" height="142" fill="#dde8f0" stroke="#003c6e" stroke-width="3"/>
  <circle cx="70" cy="75" r="45" fill="#c82828"/>
  <path d="M150 120 L200 30 L250 120 Z" fill="#008080"/>
  <text x="20" y="140" font-size="12">Vector text Harrowgate</text>
</svg>
"""

MEMO = """\
title: Pictures as figures
authors: A. Author
date: 2026-03-14
sections:
  - heading: One
    body:
      - See @fig:map, @fig:photo, @fig:shapes and @fig:tall.
      - figure:
          id: map
          image: pictures/map.png
          caption: Map caption Lindqvist
          alt: Map alt Ostermalm
          source: Survey office
      - figure:
          id: photo
          image: pictures/photo.jpg
          caption: Photo caption Brandholm
          alt: Photo alt Skeppsbron
          width: page
      - figure:
          id: shapes
          image: pictures/shapes.svg
          caption: Drawing caption Kvarnholm
          alt: Drawing alt Vasastan
      - figure:
          id: tall
          image: pictures/tall.png
          caption: Tall caption Grindstone
          alt: Tall alt Hornstull
"""

COLUMN = load_style(builtin_styles()["memo"]).page.column_width
TEXT = load_style(builtin_styles()["memo"]).page.text_width


def _picture(path: Path, size: tuple[int, int], fmt: str, colour: tuple[int, int, int]) -> None:
    from PIL import Image, ImageDraw

    im = Image.new("RGB", size, "white")
    ImageDraw.Draw(im).rectangle([10, 10, size[0] - 10, size[1] - 10], fill=colour)
    path.parent.mkdir(parents=True, exist_ok=True)
    im.save(path, fmt)


def write_site(folder: Path) -> Path:
    _picture(folder / "pictures" / "map.png", (700, 400), "PNG", (0, 90, 120))
    _picture(folder / "pictures" / "photo.jpg", (1200, 600), "JPEG", (200, 100, 20))
    _picture(folder / "pictures" / "tall.png", (700, 2800), "PNG", (40, 140, 40))
    (folder / "pictures" / "shapes.svg").write_text(SVG, encoding="utf-8")
    memo = folder / "memo.yaml"
    memo.write_text(MEMO, encoding="utf-8")
    return memo


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, list[str]]:
    folder = tmp_path_factory.mktemp("pictures")
    memo = write_site(folder)
    result = render_memo(memo, folder / "out")
    outs = {p.suffix: p for p in result.outputs}
    return outs[".pdf"], outs[".docx"], [w.format() for w in result.warnings]


def _images(pdf: Path) -> list[dict]:  # type: ignore[type-arg]
    import pdfplumber

    with pdfplumber.open(str(pdf)) as doc:
        return [dict(im, page=n) for n, page in enumerate(doc.pages) for im in page.images]


def test_bitmaps_are_embedded_at_their_own_pixels(rendered: tuple[Path, Path, list[str]]) -> None:
    images = _images(rendered[0])
    assert sorted(im["srcsize"] for im in images) == [(700, 400), (700, 2800), (1200, 600)]
    photo = next(im for im in images if im["srcsize"] == (1200, 600))
    assert "DCTDecode" in str(photo["stream"].get("Filter"))  # the JPEG as it is, not re-encoded


def test_bitmaps_print_at_the_column_or_page_width_keeping_their_shape(
        rendered: tuple[Path, Path, list[str]]) -> None:
    by_size = {im["srcsize"]: im for im in _images(rendered[0])}
    for size, width in (((700, 400), COLUMN), ((1200, 600), TEXT)):
        im = by_size[size]
        assert im["width"] == pytest.approx(width, abs=0.5), (size, im["width"])
        assert im["height"] / im["width"] == pytest.approx(size[1] / size[0], rel=0.01)


def test_a_tall_picture_is_narrowed_to_fit_a_page_with_its_caption(
        rendered: tuple[Path, Path, list[str]]) -> None:
    theme = load_style(builtin_styles()["memo"])
    body = theme.page.height - theme.page.margin_top - theme.page.margin_bottom
    tall = next(im for im in _images(rendered[0]) if im["srcsize"] == (700, 2800))
    assert tall["height"] <= theme.page.float_share * body
    assert tall["width"] < COLUMN - 10
    assert tall["height"] / tall["width"] == pytest.approx(4.0, rel=0.01)


def test_an_svg_is_drawn_as_vector_paths_and_text(rendered: tuple[Path, Path, list[str]]) -> None:
    import pdfplumber

    with pdfplumber.open(str(rendered[0])) as doc:
        for page in doc.pages:
            words = page.extract_words()
            hit = [w for w in words if w["text"] == "Harrowgate"]
            if hit:
                break
        assert hit, "the SVG's text is not in the PDF"
        top = hit[0]["top"]
        shapes = [o for o in page.rects + page.curves if abs(o["bottom"] - top) < 200]
        frame = max(shapes, key=lambda o: o["width"])  # the drawing's border rectangle
        assert frame["width"] == pytest.approx(COLUMN * 292 / 300, abs=1.5)
        circle = COLUMN * 90 / 300
        assert any(c["width"] == pytest.approx(circle, abs=1.5)
                   and c["height"] == pytest.approx(circle, abs=1.5)
                   for c in page.curves), "the circle is not drawn as a curve"
        assert not any(im["srcsize"] == (300, 150) for im in page.images)  # not a bitmap


def test_the_soft_bitmap_is_a_located_warning_and_sharp_ones_are_not(
        rendered: tuple[Path, Path, list[str]]) -> None:
    warnings = rendered[2]
    soft = [w for w in warnings if "dpi" in w]
    assert len(soft) == 1, warnings  # the map (700 px in an 81 mm column) prints at 219 dpi
    assert soft[0].endswith(
        "memo.yaml:16:18: warning: sections[0].body[2].figure.image: the picture "
        "'pictures/photo.jpg' is 1200 pixels wide, so it prints at 179 dpi at the page width "
        "(170 mm) and looks soft; use a picture at least 1,339 pixels wide (for 200 dpi)"), soft[0]


def test_the_docx_holds_each_picture_with_its_alt_text(rendered: tuple[Path, Path, list[str]]) -> None:
    import docx

    d = docx.Document(str(rendered[1]))
    assert len(d.inline_shapes) == 4
    with zipfile.ZipFile(rendered[1]) as z:
        body = z.read("word/document.xml").decode("utf-8")
        media = {n: z.read(n) for n in z.namelist() if n.startswith("word/media/")}
    for alt in ("Map alt Ostermalm", "Photo alt Skeppsbron", "Drawing alt Vasastan", "Tall alt Hornstull"):
        assert f'descr="{alt}"' in body
    jpegs = [n for n in media if n.endswith((".jpg", ".jpeg"))]
    assert len(jpegs) == 1 and media[jpegs[0]].startswith(b"\xff\xd8\xff")
    svgs = [n for n in media if n.endswith(".svg")]
    assert len(svgs) == 1 and b"Vector text Harrowgate" in media[svgs[0]]
    # the SVG picture: an svgBlip extension inside the blip whose own picture is a PNG copy
    blip = re.search(r'<a:blip r:embed="(rId\d+)"><a:extLst><a:ext uri="\{96DAC541[^"]*\}">'
                     r'<asvg:svgBlip [^>]*r:embed="(rId\d+)"', body)
    assert blip, "no SVG picture with a PNG fallback"
    with zipfile.ZipFile(rendered[1]) as z:
        rels = z.read("word/_rels/document.xml.rels").decode("utf-8")
    png_target = re.search(rf'Id="{blip.group(1)}"[^>]*Target="([^"]+)"', rels) or \
        re.search(rf'Target="([^"]+)"[^>]*Id="{blip.group(1)}"', rels)
    assert png_target and png_target.group(1).endswith(".png")
    from PIL import Image

    fallback = Image.open(io.BytesIO(media["word/" + png_target.group(1)]))
    assert fallback.size[0] >= COLUMN / 72 * 200  # sharp enough to print
    assert fallback.size[1] / fallback.size[0] == pytest.approx(0.5, abs=0.01)


def test_the_docx_pictures_are_as_wide_as_the_pdf_ones(rendered: tuple[Path, Path, list[str]]) -> None:
    import docx

    widths = sorted(round(s.width.pt, 1) for s in docx.Document(str(rendered[1])).inline_shapes)
    pdf = sorted(round(im["width"], 1) for im in _images(rendered[0]))
    assert pytest.approx(COLUMN, abs=0.5) in widths and pytest.approx(TEXT, abs=0.5) in widths
    tall = min(widths)
    assert tall == pytest.approx(min(pdf), abs=0.5)


def test_pandoc_reads_the_pictures_of_the_docx(rendered: tuple[Path, Path, list[str]],
                                               tmp_path: Path) -> None:
    exe = require_tool("pandoc")
    out = subprocess.run([exe, str(rendered[1]), "-t", "markdown", "--wrap=none",
                          "--extract-media", str(tmp_path)],
                         capture_output=True, text=True, check=True).stdout
    pictures = re.findall(r"!\[[^\]]*\]\(([^)\s]+)", out)
    assert len(pictures) >= 4, out[:2000]
    for alt in ("Map alt Ostermalm", "Drawing alt Vasastan", "Tall alt Hornstull"):  # column figures
        assert f"![{alt}](" in out, out[:2000]
    assert len(list((tmp_path / "media").iterdir())) == 4


def test_a_changed_picture_rebuilds_its_memo(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    memo = write_site(src)
    assert (src / "pictures" / "map.png").resolve() in memo_inputs(memo).files
    assert (src / "pictures" / "shapes.svg").resolve() in memo_inputs(memo).files
    out = tmp_path / "out"
    assert build([src], out, jobs=1, formats=["pdf"]).built == 1
    assert build([src], out, jobs=1, formats=["pdf"]).built == 0
    _picture(src / "pictures" / "map.png", (700, 400), "PNG", (250, 10, 10))
    assert build([src], out, jobs=1, formats=["pdf"]).built == 1


def test_validate_reads_the_pictures_the_render_would(tmp_path: Path) -> None:
    memo = write_site(tmp_path)
    checked = check_memo(memo)
    assert (tmp_path / "pictures" / "photo.jpg").resolve() in checked.files


def test_the_regions_example_shows_its_map_as_vector_graphics(tmp_path: Path) -> None:
    import pdfplumber

    from tests.helpers import ROOT

    result = render_memo(ROOT / "content" / "regions-brief.yaml", tmp_path)
    assert result.warnings == []
    outs = {p.suffix: p for p in result.outputs}
    with pdfplumber.open(str(outs[".pdf"])) as doc:
        text = " ".join(page.extract_text() for page in doc.pages)
        assert not any(page.images for page in doc.pages)  # the map is not a bitmap
    for label in ("Northern Reach", "256 events", "Lower Delta", "87 events", "Figure 1:", "Figure 2:"):
        assert label in text
    with zipfile.ZipFile(outs[".docx"]) as z:
        assert any(n.endswith(".svg") for n in z.namelist())
        assert "Schematic map of Karvonia" in z.read("word/document.xml").decode("utf-8")
