"""TrueType faces read back from the cache are the faces reportlab reads from the file; a stored
entry that is not plain values is never used."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from memokit.style.fonts import find_family
from memokit.writers.pdf.fontcache import load_ttfont


def _faces(family: str) -> list[Path]:
    files = find_family(family)
    assert files is not None
    return [files.regular, files.bold]


@pytest.mark.parametrize("family", ["Carlito", "DejaVu Sans Mono"])
def test_a_face_read_back_is_the_face_read_from_the_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, family: str) -> None:
    monkeypatch.setenv("MEMOKIT_CACHE_DIR", str(tmp_path))
    for path in _faces(family):
        fresh = load_ttfont("Fresh", path)
        assert list((tmp_path / "fonts").glob("*/*.pickle")), "the face was not stored"
        back = load_ttfont("Back", path)
        assert back.face.__dict__.keys() - {"_pdfScale"} == fresh.face.__dict__.keys() - {"_pdfScale"}
        for key, value in fresh.face.__dict__.items():
            if key != "_pdfScale":
                assert back.face.__dict__[key] == value, key
        assert back.face._pdfScale(2048) == fresh.face._pdfScale(2048)
        assert back.face.name.ustr == fresh.face.name.ustr
        text = "Wombat 12,5 % — naïve"
        assert back.stringWidth(text, 10) == fresh.stringWidth(text, 10)
        assert back.face.makeSubset(list(range(32, 127))) == fresh.face.makeSubset(list(range(32, 127)))


class _Planted:
    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return os.system, (f"touch {self.marker}",)


def test_a_stored_entry_that_is_not_plain_values_is_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEMOKIT_CACHE_DIR", str(tmp_path))
    path = _faces("Carlito")[0]
    fresh = load_ttfont("Fresh", path)
    marker = tmp_path / "ran"
    for entry in (tmp_path / "fonts").glob("*/*.pickle"):
        entry.write_bytes(pickle.dumps({"unitsPerEm": 2048, "filename": "x", "x": _Planted(marker)}))
    again = load_ttfont("Again", path)
    assert not marker.exists()
    assert again.face.charWidths == fresh.face.charWidths


def test_hyphenation_patterns_read_back_hyphenate_as_pyphen_does(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pyphen

    from memokit.writers.pdf import styles

    monkeypatch.setenv("MEMOKIT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(pyphen, "hdcache", {})
    styles.hyphenator.cache_clear()
    words = ["stabilisation", "international", "hyphenation", "Karvonia", "reconstruction",
             "responsibilities", "peacekeeping", "a", "UNDERSTANDING"]
    parsed = styles.hyphenator("en-GB")
    assert parsed is not None
    expected = {w: list(parsed(w)) for w in words}
    assert list((tmp_path / "hyphenation").glob("*/*.pickle")), "the patterns were not stored"
    monkeypatch.setattr(pyphen, "hdcache", {})
    styles.hyphenator.cache_clear()

    def not_parsed(self: object, path: object) -> None:
        raise AssertionError("the dictionary was parsed again")

    monkeypatch.setattr(pyphen.HyphDict, "__init__", not_parsed)
    back = styles.hyphenator("en-GB")
    assert back is not None
    assert {w: list(back(w)) for w in words} == expected
    styles.hyphenator.cache_clear()
