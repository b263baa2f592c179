"""Bibliography files read into CSL-JSON entries: BibTeX/BibLaTeX (through pandoc's reader),
CSL-JSON and CSL-YAML, with a located problem (file, line, entry) for a malformed one."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from memokit.errors import ContentError
from memokit.source.located import load_yaml_text

MAX_BIB_BYTES = 10_000_000  # one bibliography file
MAX_ENTRIES = 10_000  # entries in all of a memo's bibliography files
MAX_FILES = 20  # bibliography files one memo names
MAX_BRACES = 50  # nesting of braces in a BibTeX file
EXTENSIONS = {".bib": "biblatex", ".bibtex": "bibtex", ".json": "csljson", ".yaml": "yaml",
              ".yml": "yaml"}
_BIB_ENTRY = re.compile(r"@\s*([A-Za-z]+)\s*[{(]\s*([^,\s{}()]*)")
_PANDOC_ERROR = re.compile(r"\(line (\d+), column (\d+)\):\s*(.*)", re.S)


class BibProblem(Exception):
    """A bibliography file that cannot be used; where (line from 1, or 0: the whole file) and why."""

    def __init__(self, message: str, line: int = 0, column: int = 0):
        super().__init__(message)
        self.message, self.line, self.column = message, line, column


@dataclass(frozen=True)
class Entries:
    """The entries of one file, as CSL-JSON, and the line each one starts on (when known)."""

    items: tuple[dict[str, Any], ...]
    lines: dict[str, int]


def read_file(path: Path, convert_bib: Any) -> Entries:
    """One bibliography file's entries; ``convert_bib(path, reader)`` turns BibTeX into CSL-JSON
    text or raises BibProblem (the engine's reader)."""
    kind = EXTENSIONS.get(path.suffix.lower())
    if kind is None:
        raise BibProblem(f"'{path.suffix or path.name}' is not a bibliography file type; use .bib "
                         "(BibTeX/BibLaTeX), .json (CSL-JSON) or .yaml (CSL-YAML), as Zotero exports them")
    size = path.stat().st_size
    if size > MAX_BIB_BYTES:
        raise BibProblem(f"the file is {size:,} bytes, more than the limit of {MAX_BIB_BYTES:,}; cite "
                         "from a smaller file (export only the collection this memo cites)")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[:exc.start].count(b"\n") + 1
        raise BibProblem("the file is not UTF-8 text; export it as UTF-8", line) from exc
    if kind in ("biblatex", "bibtex"):
        _check_braces(text)
        lines = {m.group(2): text.count("\n", 0, m.start()) + 1 for m in _BIB_ENTRY.finditer(text)
                 if m.group(1).lower() not in ("comment", "string", "preamble")}
        try:
            data = json.loads(convert_bib(path, kind))
        except BibProblem as exc:
            raise BibProblem(exc.message.replace("malformed entry", "malformed entry"
                                                 + _entry_at(text, exc.line), 1),
                             exc.line, exc.column) from exc
        return Entries(_checked(data, lines, text), lines)
    if kind == "csljson":
        try:
            data = json.loads(text)
        except RecursionError as exc:
            raise BibProblem("the JSON is nested too deeply; a CSL-JSON file is a list of entries", 1) \
                from exc
        except json.JSONDecodeError as exc:
            raise BibProblem(f"not valid JSON: {exc.msg}; check the commas, quotes and brackets",
                             exc.lineno, exc.colno) from exc
    else:
        try:  # the memo's own YAML reader: safe, its aliases and size bounded
            data = load_yaml_text(text, str(path)).value
        except ContentError as exc:
            d = exc.diagnostics[0]
            raise BibProblem(f"not valid YAML: {d.message}", d.line or 0, d.column or 0) from exc
        if isinstance(data, dict) and "references" in data:
            data = data["references"]
    lines = {str(m.group(1)): text.count("\n", 0, m.start()) + 1
             for m in re.finditer(r"""["']?id["']?\s*:\s*["']?([^"',}\s]+)""", text)}
    return Entries(_checked(data, lines, text), lines)


def _check_braces(text: str) -> None:
    """BibTeX braces nested at most MAX_BRACES deep (pandoc's reader slows down on deep nesting)."""
    depth, line = 0, 1
    for ch in re.sub(r"[^{}\n]+", "", text):
        if ch == "\n":
            line += 1
        elif ch == "{":
            depth += 1
            if depth > MAX_BRACES:
                raise BibProblem(f"braces are nested more than {MAX_BRACES} deep; close the braces "
                                 "you opened", line)
        elif depth:
            depth -= 1


def _checked(data: object, lines: dict[str, int], text: str) -> tuple[dict[str, Any], ...]:
    if not isinstance(data, list):
        raise BibProblem("the file holds no list of entries; a CSL-JSON file is a list [ {...}, ... ] "
                         "and a CSL-YAML file a list of entries (or 'references:' with one)", 1)
    if len(data) > MAX_ENTRIES:
        raise BibProblem(f"the file has {len(data):,} entries, more than the limit of {MAX_ENTRIES:,}")
    seen: dict[str, int] = {}
    for i, entry in enumerate(data):
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), (str, int)) \
                or not str(entry.get("id")).strip():
            raise BibProblem(f"entry {i + 1} has no 'id' (the key citations use); give it one", 0)
        key = str(entry["id"])
        entry["id"] = key
        if not isinstance(entry.get("type", "document"), str):
            raise BibProblem(f"entry '{key}': 'type' must be a CSL type such as book or "
                             "article-journal", lines.get(key, 0))
        if key in seen:
            raise BibProblem(f"entry '{key}' is in the file twice; give each entry its own key",
                             lines.get(key, 0))
        seen[key] = i
    return tuple(data)


def _entry_at(text: str, line: int) -> str:
    """" 'KEY'" for the BibTeX entry around ``line``, when there is one."""
    if line <= 0:
        return ""
    upto = "\n".join(text.split("\n")[:line])
    found = list(_BIB_ENTRY.finditer(upto))
    return f" '{found[-1].group(2)}'" if found and found[-1].group(2) else ""


def pandoc_problem(stderr: str) -> BibProblem:
    """pandoc's message for a file it could not read, as a located problem."""
    m = _PANDOC_ERROR.search(stderr)
    if m is None:
        return BibProblem(" ".join(stderr.split())[:300] or "the file could not be read")
    detail = " ".join(m.group(3).split("\n")[0].split())
    return BibProblem(f"malformed entry: {detail}; check the braces, commas and '=' signs",
                      int(m.group(1)), int(m.group(2)))
