"""Phrases in another language and right-to-left phrases in the DOCX: the run carries the
span's language (w:lang), right-to-left stretches are RTL runs with their bidi language, and
pandoc reads the text back as written."""

from __future__ import annotations

from pathlib import Path

from memokit.style.theme import Theme
from tests.docx.conftest import NS, W, pandoc_json, part, render_yaml
from tests.docx.test_pandoc import stringify

MEMO = """\
memokit: 1
title: Names in other scripts
authors: [A. Writer]
date: 2026-05-07
language: en-GB
sections:
  - heading: Meeting
    body:
      - |
        The minister محمد بن سلمان met the mayor שלום עליכם, and the word
        [Donaudampfschifffahrtsgesellschaft]{lang=de-AT} came up with **[idée fixe]{lang=fr}**
        and [مرحبا]{lang=ar-EG}, **عالم** in bold.
"""


def _runs(path: Path) -> list[tuple[str, dict[str, str], bool, bool]]:
    """(text, w:lang attributes, w:rtl, w:bCs) of every run of the body."""
    out = []
    for r in part(path, "word/document.xml").iter(f"{W}r"):
        text = "".join(t.text or "" for t in r.iter(f"{W}t"))
        lang = r.find("w:rPr/w:lang", NS)
        attrs = {k.replace(W, ""): v for k, v in lang.attrib.items()} if lang is not None else {}
        out.append((text, attrs, r.find("w:rPr/w:rtl", NS) is not None,
                    r.find("w:rPr/w:bCs", NS) is not None))
    return out


def test_right_to_left_names_are_rtl_runs_with_their_language(tmp_path: Path, theme: Theme) -> None:
    path, _, _ = render_yaml(MEMO, tmp_path, theme)
    runs = {text: (lang, rtl) for text, lang, rtl, _ in _runs(path)}
    assert runs["محمد بن سلمان"] == ({"bidi": "ar"}, True)
    assert runs["שלום עליכם"] == ({"bidi": "he"}, True)
    assert runs["مرحبا"] == ({"bidi": "ar-EG"}, True)  # the span's own tag
    bold = [(lang, rtl, bcs) for text, lang, rtl, bcs in _runs(path) if text == "عالم"]
    assert bold == [({"bidi": "ar"}, True, True)]  # complex-script bold: Word shows it bold
    assert not any(rtl for text, (_, rtl) in runs.items() if "minister" in text or "mayor" in text)


def test_a_spans_language_reaches_its_run(tmp_path: Path, theme: Theme) -> None:
    path, _, _ = render_yaml(MEMO, tmp_path, theme)
    runs = {text: (lang, rtl, bcs) for text, lang, rtl, bcs in _runs(path)}
    assert runs["Donaudampfschifffahrtsgesellschaft"] == ({"val": "de-AT"}, False, False)
    assert runs["idée fixe"] == ({"val": "fr"}, False, False)
    assert runs[" came up with "] == ({}, False, False)


def test_pandoc_reads_spans_and_rtl_phrases_as_text(tmp_path: Path, theme: Theme) -> None:
    path, _, _ = render_yaml(MEMO, tmp_path, theme)
    text = " ".join(stringify(pandoc_json(path)["blocks"]).split())
    assert ("The minister محمد بن سلمان met the mayor שלום עליכם, and the word "
            "Donaudampfschifffahrtsgesellschaft came up with idée fixe and مرحبا, عالم in bold.") in text
