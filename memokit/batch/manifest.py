"""What a memo's outputs were built from: content hashes kept in ``OUT/.memokit-build.json``.

A memo is up to date when its manifest entry names the same source, the same build
options and memokit version, every input file (the memo, the data files its ``data:``
section names, the files of its house style) still has the recorded content hash, and
every recorded output is still there with its recorded size.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

MANIFEST_NAME = ".memokit-build.json"
MANIFEST_FORMAT = 1
BUILTIN = "<memokit>"  # prefix of the built-in styles' files in the manifest
_CHUNK = 1 << 20


@lru_cache(maxsize=1)
def _builtin_root() -> Path:
    from memokit.style import templates_root

    return templates_root().resolve()


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(_CHUNK):
            h.update(chunk)
    return h.hexdigest()


class HashCache:
    """Content hashes of files, each file read at most once per build."""

    def __init__(self) -> None:
        self._known: dict[str, str | None] = {}

    def get(self, path: str) -> str | None:
        """The file's sha256, or None if it cannot be read."""
        if path not in self._known:
            try:
                self._known[path] = sha256_file(Path(path))
            except OSError:
                self._known[path] = None
        return self._known[path]


def input_files(source: Path, data_root: Path | None) -> list[Path]:
    """The files a memo is built from: itself, its data files, the files of its style folder
    and of the styles that one extends.

    What the memo names comes from the loader (``memokit.load.memo_inputs``); a memo that
    cannot be read gives only itself (the render reports it, and failed memos are not recorded).
    """
    from memokit.load.inputs import memo_inputs
    from memokit.style import style_chain

    named = memo_inputs(source, data_root)
    files = named.files
    for each in style_chain(named.style_folder) if named.style_folder is not None else []:
        files.extend(sorted(p.resolve() for p in each.rglob("*")
                            if p.is_file() and "__pycache__" not in p.parts))
    return list(dict.fromkeys(files))


def recipe(version: str, formats: list[str], strict: bool, data_root: str | None,
           renderer: str | None = None) -> str:
    """Everything besides the input files that decides the outputs, as one string
    (a renderer other than memokit's own is part of it)."""
    doc: dict[str, Any] = {"memokit": version, "formats": formats, "strict": strict,
                           "data_root": data_root}
    if renderer is not None:
        doc["renderer"] = renderer
    return json.dumps(doc, sort_keys=True)


@dataclass
class Manifest:
    """The manifest of one output folder; entries keyed by the memo's key (``a/memo``)."""

    path: Path
    entries: dict[str, dict[str, Any]] = field(default_factory=dict)
    _saved: str = ""  # the entries as last read or written

    def __post_init__(self) -> None:
        self._saved = self._text()

    def _text(self) -> str:
        doc = {"format": MANIFEST_FORMAT, "memos": dict(sorted(self.entries.items()))}
        return json.dumps(doc, indent=1, ensure_ascii=False) + "\n"

    @classmethod
    def load(cls, out_dir: Path) -> Manifest:
        path = out_dir / MANIFEST_NAME
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls(path)
        if not isinstance(doc, dict) or doc.get("format") != MANIFEST_FORMAT \
                or not isinstance(doc.get("memos"), dict):
            return cls(path)
        return cls(path, doc["memos"])

    def save(self) -> None:
        """Write atomically (temporary file beside it, then rename), if anything changed."""
        text = self._text()
        if text == self._saved and (self.path.exists() or not self.entries):
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        try:
            tmp.write_text(text, encoding="utf-8")
            os.replace(tmp, self.path)
        finally:
            if tmp.exists():
                tmp.unlink()
        self._saved = text

    def rel(self, path: str | Path) -> str:
        """A path as the manifest records it: the files of the built-in styles relative to
        where memokit keeps them (``<memokit>/memo/style.yaml``), others relative to OUT, so
        that moving the project (a CI checkout elsewhere, a restored cache) keeps the build
        incremental."""
        full = Path(path).resolve()
        with contextlib.suppress(ValueError):
            return f"{BUILTIN}/{full.relative_to(_builtin_root()).as_posix()}"
        try:
            return Path(os.path.relpath(full, self.path.parent.resolve())).as_posix()
        except ValueError:  # another drive
            return str(full)

    def abs(self, recorded: str) -> str:
        if recorded.startswith(BUILTIN + "/"):
            return str(_builtin_root() / recorded[len(BUILTIN) + 1:])
        return str(self.path.parent.resolve() / recorded)

    def fresh(self, key: str, source: Path, recipe_text: str, out_dir: Path,
              hashes: HashCache) -> dict[str, Any] | None:
        """The entry if the memo's outputs are up to date, else None."""
        entry = self.entries.get(key)
        if not isinstance(entry, dict) or entry.get("source") != self.rel(source) \
                or entry.get("recipe") != recipe_text:
            return None
        inputs = entry.get("inputs")
        if not isinstance(inputs, dict) or not inputs:
            return None
        if any(hashes.get(self.abs(p)) != digest for p, digest in inputs.items()):
            return None
        for out in entry.get("outputs", []):
            try:
                if (out_dir / out["path"]).stat().st_size != out["bytes"]:
                    return None
            except (OSError, KeyError, TypeError):
                return None
        return entry
