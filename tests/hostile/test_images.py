"""Hostile picture files (``figure: image:``): decompression bombs, huge files, links and
paths out of the memo's folder, SVG with entities, scripts or outside references. Each is
a located error at the 'image:' key (exit 1, nothing written, nothing outside read or
changed), within the time and memory bounds of the harness, never an internal error."""

from __future__ import annotations

import io
import os
import struct
import zlib
from pathlib import Path

import pytest

from tests.hostile.harness import changed, memokit, snapshot
from tests.style.sandbox import SECRET, png, svg

MEMO = """\
title: Hostile pictures
authors: A. Author
date: 2026-03-14
sections:
  - heading: One
    body:
      - See @fig:pic.
      - figure:
          id: pic
          image: {image}
          caption: A picture
          alt: A picture
"""


def _chunk(tag: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))


def deflate_bomb(side: int) -> bytes:
    """A real PNG of ``side`` x ``side`` black pixels: a few hundred KB that decode to side² x 3 bytes."""
    packer = zlib.compressobj(9)
    row = b"\x00" * (1 + 3 * side)
    body = b"".join(packer.compress(row) for _ in range(side)) + packer.flush()
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0))
            + _chunk(b"IDAT", body) + _chunk(b"IEND", b""))


def jpeg_claiming(width: int, height: int) -> bytes:
    """A small JPEG whose frame header claims ``width`` x ``height`` pixels."""
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (16, 16), (10, 20, 30)).save(buf, "JPEG")
    data = bytearray(buf.getvalue())
    at = data.index(b"\xff\xc0") + 5  # SOF0: length (2), precision (1), then height, width
    data[at:at + 4] = struct.pack(">HH", height, width)
    return bytes(data)


def site(tmp_path: Path, image: str, files: dict[str, bytes]) -> Path:
    """``tmp_path`` holding src/memo.yaml showing ``image``, the ``files`` under src/, and a
    secret outside src/ (in secret.txt and secret.png)."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "memo.yaml").write_text(MEMO.format(image=image), encoding="utf-8")
    for rel, data in files.items():
        p = src / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data)
    (tmp_path / "secret.txt").write_text(SECRET, encoding="utf-8")
    (tmp_path / "secret.png").write_bytes(png(700, 400))
    return src


def refused(tmp_path: Path, src: Path, *fragments: str) -> None:
    before = snapshot(tmp_path)
    run = memokit(["render", "memo.yaml", "-o", "out"], src)
    assert run.code == 1, run.err
    assert run.seconds < 30, run.seconds
    first = run.errors[0]
    assert first.startswith("memo.yaml:10:18: error: sections[0].body[1].figure.image: "), run.err
    for fragment in fragments:
        assert fragment in first, (fragment, first)
    assert SECRET not in run.out + run.err
    assert not (src / "out").exists() or not any((src / "out").iterdir())
    assert changed(before, snapshot(tmp_path), allowed=["src/out"]) == []


XXE = (b'<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY x SYSTEM "../secret.txt">]>\n'
       + svg('<text x="0" y="10">&x;</text>'))
LAUGHS = ('<!DOCTYPE svg [<!ENTITY a "lollollollollol">'
          + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
          + "]>" + svg('<text x="0" y="10">&j;</text>').decode()).encode()

# name -> (image as written, files under src/, fragments of the error)
CASES: dict[str, tuple[str, dict[str, bytes], tuple[str, ...]]] = {
    "png-header-20000-by-20000": ("big.png", {"big.png": png(20000, 20000, pixels=False)},
                                  ("20000 x 20000 pixels", "limit of 40 megapixels")),
    "png-deflate-bomb-8000-by-8000": ("bomb.png", {"bomb.png": deflate_bomb(8000)},
                                      ("8000 x 8000 pixels", "limit of 40 megapixels")),
    "jpeg-claiming-60000-by-60000": ("big.jpg", {"big.jpg": jpeg_claiming(60000, 60000)},
                                     ("more than the limit of 40 megapixels",)),
    "svg-xxe": ("x.svg", {"x.svg": XXE}, ("declares entities or a DTD",)),
    "svg-billion-laughs": ("x.svg", {"x.svg": LAUGHS}, ("declares entities or a DTD",)),
    "svg-script": ("x.svg", {"x.svg": svg("<script>alert(1)</script>")},
                   ("has a <script> element", "an SVG picture is a drawing")),
    "svg-onload": ("x.svg", {"x.svg": svg('<rect width="5" height="5" onload="alert(1)"/>')},
                   ("event attribute 'onload'",)),
    "svg-fetches-a-url": ("x.svg", {"x.svg": svg('<image href="https://example.org/x.png" '
                                                 'width="9" height="9"/>')},
                          ("may not fetch anything",)),
    "svg-takes-in-a-file-outside": ("x.svg", {"x.svg": svg('<image href="../secret.png" '
                                                           'width="9" height="9"/>')},
                                    ("outside the memo's folder",)),
    "svg-too-many-elements": ("x.svg", {"x.svg": svg("<g/>" * 10_050)}, ("more than 10,000 elements",)),
    "path-out-of-the-folder": ("../secret.png", {}, ("leads outside the memo's folder",)),
    "absolute-path": ("/etc/hostname.png", {}, ("absolute paths are not allowed",)),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_hostile_picture_is_a_located_error(name: str, tmp_path: Path) -> None:
    image, files, fragments = CASES[name]
    src = site(tmp_path, image, files)
    refused(tmp_path, src, *fragments)


def test_a_huge_file_is_refused_by_its_size_without_reading_it(tmp_path: Path) -> None:
    src = site(tmp_path, "huge.png", {})
    with (src / "huge.png").open("wb") as f:  # sparse: 3 GB on paper, a PNG header in fact
        f.write(png(700, 400))
        f.truncate(3_000_000_000)
    refused(tmp_path, src, "3000.0 MB, more than the limit of 20 MB")


def test_a_large_svg_is_refused_by_its_size(tmp_path: Path) -> None:
    src = site(tmp_path, "big.svg", {"big.svg": svg("<!--" + "x" * 8_100_000 + "-->")})
    refused(tmp_path, src, "more than the limit of 8 MB")


def test_a_link_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    src = site(tmp_path, "pictures/map.png", {})
    (src / "pictures").mkdir()
    os.symlink(tmp_path / "secret.png", src / "pictures" / "map.png")
    refused(tmp_path, src, "leads outside the memo's folder")


def test_a_link_out_of_the_folder_is_taken_inside_the_data_root(tmp_path: Path) -> None:
    src = site(tmp_path, "pictures/map.png", {})
    (src / "pictures").mkdir()
    os.symlink(tmp_path / "secret.png", src / "pictures" / "map.png")
    run = memokit(["render", "memo.yaml", "-o", "out", "--data-root", str(tmp_path)], src)
    assert run.code == 0, run.err
    assert (src / "out" / "memo.pdf").is_file()
