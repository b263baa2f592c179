"""The citation engine behind one seam: pandoc's citeproc (the pandoc binary of the
``pypandoc-binary`` wheel), one run per memo, its results cached on disk.

:func:`read_bibliography` reads a memo's bibliography files (the keys the loader needs) and
:func:`format_citations` formats its citations, in reading order with their note numbers, and its
bibliography as memokit inline nodes. Replacing the engine means replacing these two functions.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import json
import os
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from memokit import cachedir
from memokit.cite import ast
from memokit.cite.csl import Style
from memokit.cite.sources import MAX_ENTRIES, BibProblem, Entries, pandoc_problem, read_file
from memokit.model import CiteItem, Inline, Text
from memokit.version import __version__

FORMAT = 1  # bump when the cache layout changes
TIMEOUT = 60.0  # seconds one pandoc run may take
API = [1, 23, 1, 1]  # pandoc's JSON document version (pandoc 3.x)


class EngineError(Exception):
    """The engine could not format the citations (pandoc missing, failing or too slow)."""


@dataclass(frozen=True)
class CiteRequest:
    """One citation to format: its sources, its note number (notes styles; 0 in author-date
    styles) and whether it is narrative ('Smith (2020)')."""

    items: tuple[CiteItem, ...]
    note: int = 0
    in_text: bool = False


@dataclass(frozen=True)
class Formatted:
    """Each citation's formatted text (in the order asked), and the bibliography: (key, entry)."""

    citations: tuple[tuple[Inline, ...], ...]
    bibliography: tuple[tuple[str, tuple[Inline, ...]], ...]


@dataclass(frozen=True)
class Bibliography:
    """A memo's bibliography files read: every entry (CSL-JSON), by key, and the file each came from."""

    entries: tuple[dict[str, Any], ...]
    files: dict[str, Path]

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(self.files)


@lru_cache(maxsize=1)
def pandoc_path() -> str:
    """The pandoc binary of the pypandoc-binary wheel (never one on PATH: its version differs)."""
    # found, not imported: pypandoc itself (and the web modules it imports) is never used
    spec = importlib.util.find_spec("pypandoc")
    if spec is None or spec.origin is None:  # pragma: no cover - a dependency
        raise EngineError("the citation engine is not installed; install memokit's dependency "
                          "pypandoc-binary")
    path = Path(spec.origin).parent / "files" / ("pandoc.exe" if os.name == "nt" else "pandoc")
    if not path.is_file():
        raise EngineError("the citation engine (pandoc from pypandoc-binary) is missing; reinstall "
                          "the pypandoc-binary package")
    return str(path)


def _run(args: list[str], stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run([pandoc_path(), *args], input=stdin, capture_output=True, text=True,
                              encoding="utf-8", timeout=TIMEOUT)
    except subprocess.TimeoutExpired as exc:
        raise EngineError(f"the citation engine took more than {TIMEOUT:.0f} seconds; cite from a "
                          "smaller bibliography") from exc
    except OSError as exc:
        raise EngineError(f"the citation engine could not run ({exc.strerror or exc})") from exc


def _convert_bib(path: Path, reader: str) -> str:
    """A BibTeX/BibLaTeX file as CSL-JSON text (pandoc's reader: accents, braces, title case)."""
    key = _key({"bib": hashlib.sha256(path.read_bytes()).hexdigest(), "reader": reader})
    hit = _load(key)
    if hit is not None:
        return hit
    p = _run(["-f", reader, "-t", "csljson", str(path)])
    if p.returncode != 0:
        raise pandoc_problem(p.stderr)
    _store(key, p.stdout)
    return p.stdout


def read_one(path: Path) -> Entries:
    """One bibliography file's entries; raises BibProblem (located) or EngineError."""
    return read_file(path, _convert_bib)


def read_bibliography(files: Sequence[Path]) -> Bibliography:
    """Every entry of ``files`` (read with :func:`read_one`). Raises BibProblem (located in the
    file) or EngineError."""
    return merged([Bibliography(e.items, dict.fromkeys((x["id"] for x in e.items), path))
                   for path in files for e in [read_one(path)]])


def merged(parts: Sequence[Bibliography]) -> Bibliography:
    """Several files' entries as one bibliography (a key given twice keeps the first); raises
    BibProblem for more than MAX_ENTRIES entries."""
    entries: list[dict[str, Any]] = []
    where: dict[str, Path] = {}
    for part in parts:
        for entry in part.entries:
            if entry["id"] not in where:
                where[entry["id"]] = part.files[entry["id"]]
                entries.append(entry)
    if len(entries) > MAX_ENTRIES:
        raise BibProblem(f"the bibliography files hold {len(entries):,} entries, more than the limit "
                         f"of {MAX_ENTRIES:,}")
    return Bibliography(tuple(entries), where)


def _words(text: str) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for i, word in enumerate(text.split(" ")):
        if i:
            out.append({"t": "Space"})
        if word:
            out.append({"t": "Str", "c": word})
    return out


def _cite(req: CiteRequest) -> dict[str, Any]:
    mode = "AuthorInText" if req.in_text else "NormalCitation"
    return {"t": "Cite", "c": [[{
        "citationId": item.key,
        "citationPrefix": _words(item.prefix),
        # pandoc finds the locator ('p. 12', 'S. 12') at the start of the suffix, after a comma
        "citationSuffix": ([{"t": "Str", "c": ","}, {"t": "Space"}] + _words(item.suffix))
        if item.suffix else [],
        "citationMode": {"t": "SuppressAuthor" if item.suppress_author else mode},
        "citationNoteNum": req.note, "citationHash": 0} for item in req.items], []]}


def format_citations(requests: Sequence[CiteRequest], bibliography: Bibliography, style: Style,
                     language: str | None) -> Formatted:
    """The citations and the bibliography of the cited sources, formatted in ``style`` for
    ``language`` (a BCP 47 tag; None: the style's own locale). One pandoc run, or none when the
    same citations were formatted before (cached on disk)."""
    language = language or style.locale
    cited = {item.key for req in requests for item in req.items}
    entries = [e for e in bibliography.entries if e["id"] in cited]
    doc = {"pandoc-api-version": API,
           "meta": {"lang": {"t": "MetaInlines", "c": [{"t": "Str", "c": language}]}} if language else {},
           "blocks": [{"t": "Para", "c": [_cite(req)]} for req in requests]}
    text = json.dumps(doc, ensure_ascii=False)
    csl = style.path.read_bytes()
    key = _key({"entries": entries, "style": hashlib.sha256(csl).hexdigest(), "doc": text})
    out = _load(key)
    if out is None:
        with tempfile.TemporaryDirectory(prefix="memokit-cite-") as tmp:
            bib = Path(tmp) / "entries.json"
            bib.write_text(json.dumps(entries, ensure_ascii=False, default=str), encoding="utf-8")
            p = _run(["-f", "json", "-t", "json", "--citeproc", "--csl", str(style.path),
                      "--bibliography", str(bib)], text)
        if p.returncode != 0:
            raise EngineError("the citation engine failed: " + " ".join(p.stderr.split())[:300])
        out = p.stdout
        _store(key, out)
    return _parse(out, language or "en-US", style.notes)


def _parse(out: str, language: str, notes: bool) -> Formatted:
    try:
        doc = json.loads(out)
        citations: list[tuple[Inline, ...]] = []
        bib: list[tuple[str, tuple[Inline, ...]]] = []
        for block in doc["blocks"]:
            if block["t"] == "Para" and block["c"] and block["c"][0]["t"] == "Cite":
                citations.append(_strip(ast.inlines(block["c"][0]["c"][1], language)))
            elif block["t"] == "Div" and block["c"][0][0] == "refs":
                for entry in block["c"][1]:
                    key = entry["c"][0][0].removeprefix("ref-")
                    paras = [b for b in entry["c"][1] if b["t"] in ("Para", "Plain")]
                    bib.append((key, _strip(tuple(x for b in paras
                                                  for x in ast.inlines(b["c"], language)))))
    except (ValueError, KeyError, IndexError, TypeError, AttributeError) as exc:
        raise EngineError(f"the citation engine gave output memokit cannot read ({exc})") from exc
    return Formatted(tuple(citations), tuple(bib))


def _strip(items: tuple[Inline, ...]) -> tuple[Inline, ...]:
    """Without leading and trailing spaces."""
    if items and isinstance(items[0], Text):
        items = (Text(items[0].text.lstrip()),) + items[1:]
    if items and isinstance(items[-1], Text):
        items = items[:-1] + (Text(items[-1].text.rstrip()),)
    return tuple(i for i in items if not (isinstance(i, Text) and not i.text))


# ------------------------------------------------------------ the cache

def cache_dir() -> Path:
    """The citations cache folder (see :mod:`memokit.cachedir`)."""
    return cachedir.cache_dir("citations")


@lru_cache(maxsize=1)
def _engine_id() -> str:
    """The engine binary (its size and time), so a new pandoc never serves old results."""
    try:
        st = os.stat(pandoc_path())
        return f"{st.st_size}:{st.st_mtime_ns}"
    except (OSError, EngineError):
        return "?"


def _key(what: dict[str, Any]) -> str:
    doc = {"format": FORMAT, "memokit": __version__, "engine": _engine_id(), **what}
    text = json.dumps(doc, sort_keys=True, ensure_ascii=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def _load(key: str) -> str | None:
    try:
        raw = (cache_dir() / key[:2] / f"{key}.json").read_bytes()
    except OSError:
        return None
    digest, _, body = raw.partition(b"\n")
    if hashlib.sha256(body).hexdigest().encode() != digest:
        return None
    return body.decode("utf-8")


def _store(key: str, text: str) -> None:
    """Write a result atomically; a cache that cannot be written only costs time."""
    body = text.encode("utf-8")
    base = cache_dir() / key[:2]
    with contextlib.suppress(OSError):
        base.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=base, prefix=f".{key[:8]}", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(hashlib.sha256(body).hexdigest().encode() + b"\n" + body)
            os.replace(tmp, base / f"{key}.json")
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
