"""Which memo files a ``build`` covers, and where each one's outputs go.

PATHS are memo files, folders or globs. In a folder (or a glob's match), every
``*.yaml`` / ``*.yml`` below is a memo except files under a folder named
``data`` or ``templates`` or a hidden folder or a folder holding a ``style.yaml`` (a
house style kept beside the memos), and files whose name starts with
``_`` or ``.``. Outputs mirror each memo's path relative to the PATH it was
found under (for a glob: its leading part without wildcards).
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from memokit.errors import UsageError

MEMO_SUFFIXES = (".yaml", ".yml")
SKIP_FOLDERS = frozenset({"data", "templates"})
STYLE_FILE = "style.yaml"  # a folder holding one is a house style, never searched for memos


@dataclass(frozen=True)
class MemoTarget:
    """One memo to build: where it is and where its outputs go."""

    source: Path  # as found (relative to the working folder if the PATH was)
    rel: Path  # path relative to the PATH it was found under, e.g. a/memo.yaml

    @property
    def key(self) -> str:
        """The memo's name in the manifest and the output tree: ``a/memo``."""
        return self.rel.with_suffix("").as_posix()

    def output(self, out_dir: Path, fmt: str) -> Path:
        return out_dir / self.rel.parent / f"{self.rel.stem}.{fmt}"


def _skipped(rel: Path) -> bool:
    folders = rel.parts[:-1]
    return (rel.name.startswith(("_", ".")) or rel.suffix.lower() not in MEMO_SUFFIXES
            or any(p in SKIP_FOLDERS or p.startswith(".") for p in folders))


def _in_style_folder(path: Path, base: Path) -> bool:
    """Whether a folder from ``base`` down to ``path``'s own holds a style.yaml."""
    folder = path.parent
    while True:
        if (folder / STYLE_FILE).is_file():
            return True
        if folder == base or folder == folder.parent or not folder.is_relative_to(base):
            return False
        folder = folder.parent


def _walk(folder: Path, base: Path, exclude: Path | None) -> Iterator[MemoTarget]:
    for root, dirs, files in os.walk(folder):
        here = Path(root)
        if (here / STYLE_FILE).is_file():  # a house style kept among the memos, not a memo
            dirs[:] = []
            continue
        rel_root = here.relative_to(base)
        dirs[:] = sorted(d for d in dirs
                         if d not in SKIP_FOLDERS and not d.startswith(".")
                         and (exclude is None or (here / d).resolve() != exclude))
        for name in sorted(files):
            rel = rel_root / name
            if not _skipped(rel):
                yield MemoTarget(here / name, rel)


def _glob_base(pattern: str) -> Path:
    """The leading folders of a glob pattern that hold no wildcard."""
    parts: list[str] = []
    for part in Path(pattern).parts[:-1]:
        if glob.has_magic(part):
            break
        parts.append(part)
    return Path(*parts) if parts else Path(".")


def find_memos(paths: Iterable[str | os.PathLike[str]], out_dir: Path | None = None) -> list[MemoTarget]:
    """The memos named by PATHS, in order, each once; UsageError for a PATH that names nothing.

    A file named directly is always a memo; the folder rules apply to what is found in folders
    and by globs. Two memos whose outputs would land on the same file are a usage error.
    """
    exclude = out_dir.resolve() if out_dir is not None else None
    found: list[MemoTarget] = []
    for raw in paths:
        text = os.fspath(raw)
        p = Path(text)
        if p.is_file():
            found.append(MemoTarget(p, Path(p.name)))
        elif p.is_dir():
            found.extend(_walk(p, p, exclude))
        elif glob.has_magic(text):
            base = _glob_base(text)
            matches = sorted(glob.glob(text, recursive=True))
            if not matches:
                raise UsageError(f"{text}: the pattern matches no file or folder")
            for m in map(Path, matches):
                if m.is_dir():
                    found.extend(_walk(m, base, exclude))
                elif not _skipped(m.relative_to(base)) and not _in_style_folder(m, base):
                    found.append(MemoTarget(m, m.relative_to(base)))
        else:
            raise UsageError(f"{text}: no such file or folder")
    return _unique(found)


def _unique(found: list[MemoTarget]) -> list[MemoTarget]:
    seen: dict[Path, MemoTarget] = {}
    by_key: dict[str, MemoTarget] = {}
    out = []
    for t in found:
        real = t.source.resolve()
        if real in seen:
            continue
        other = by_key.get(t.key)
        if other is not None:
            raise UsageError(f"{other.source} and {t.source} would both be written to "
                             f"{t.key}.*; rename one of them or build them into different folders")
        seen[real] = by_key[t.key] = t
        out.append(t)
    return out
