"""What a memo's outputs were built from: content hashes kept in ``OUT/.memokit-build.json``.

A memo is up to date when its manifest entry names the same source, the same build
options and memokit version, every input file (the memo, the data files its ``data:``
section names, the files of its house style) still has the recorded content hash, and
every output is still on disk with its recorded content hash. Outputs are compared by
size, modification time and inode first (recorded beside the hash) and hashed only when
those differ, so a build with nothing to do reads no output.

Only regular files are read, each up to a bound: a manifest entry naming ``/dev/zero``, a
FIFO or a folder counts as changed instead of hanging the build. The manifest is written
atomically (an exclusive temporary with an unpredictable name, then a rename) after each
finished memo, so a killed build keeps what it finished.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import tempfile
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

MANIFEST_NAME = ".memokit-build.json"
MANIFEST_FORMAT = 1
BUILTIN = "<memokit>"  # prefix of the built-in styles' files in the manifest
_CHUNK = 1 << 20
MAX_HASHED_BYTES = 1 << 30  # a larger input or output counts as changed (it is not read)
MAX_MANIFEST_BYTES = 256 << 20  # a larger manifest is ignored (a full build)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_READ = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)


@lru_cache(maxsize=1)
def _builtin_root() -> Path:
    from memokit.style import templates_root

    return templates_root().resolve()


def _open_regular(path: str | os.PathLike[str], follow: bool, limit: int) -> int | None:
    """A read descriptor of ``path`` if it is a regular file of at most ``limit`` bytes, else
    None (never blocks: a FIFO or a device is not opened for reading, or only without
    waiting, and refused)."""
    try:
        if follow and not stat.S_ISREG(os.stat(path).st_mode):
            return None  # a device is not even opened
        fd = os.open(path, _READ | (0 if follow else _NOFOLLOW))
    except (OSError, ValueError):
        return None
    try:
        st = os.fstat(fd)
        if stat.S_ISREG(st.st_mode) and st.st_size <= limit:
            return fd
    except OSError:
        pass
    os.close(fd)
    return None


def _chunks(fd: int, limit: int) -> Any:
    """The file's content in chunks; raises OverflowError past ``limit`` bytes."""
    left = limit
    while chunk := os.read(fd, min(_CHUNK, left + 1)):
        left -= len(chunk)
        if left < 0:
            raise OverflowError
        yield chunk


def sha256_file(path: str | os.PathLike[str], *, follow: bool = True,
                limit: int = MAX_HASHED_BYTES) -> str | None:
    """The sha256 of a regular file of at most ``limit`` bytes; None for anything else
    (missing, unreadable, not a regular file, too large, or a link when ``follow`` is False)."""
    fd = _open_regular(path, follow, limit)
    if fd is None:
        return None
    h = hashlib.sha256()
    try:
        for chunk in _chunks(fd, limit):
            h.update(chunk)
    except (OSError, OverflowError):
        return None
    finally:
        os.close(fd)
    return h.hexdigest()


def read_regular(path: str | os.PathLike[str], limit: int) -> bytes | None:
    """The content of a regular file (never through a link) of at most ``limit`` bytes, or None."""
    fd = _open_regular(path, False, limit)
    if fd is None:
        return None
    try:
        return b"".join(_chunks(fd, limit))
    except (OSError, OverflowError):
        return None
    finally:
        os.close(fd)


def output_stamp(path: str | os.PathLike[str]) -> dict[str, int] | None:
    """What tells an output file apart without reading it: size, modification time, inode
    (None if it is not a regular file; a link is not followed)."""
    try:
        st = os.lstat(path)
    except (OSError, ValueError):
        return None
    if not stat.S_ISREG(st.st_mode):
        return None
    return {"bytes": st.st_size, "mtime_ns": st.st_mtime_ns, "inode": st.st_ino}


class HashCache:
    """Content hashes of files, each file read at most once per build."""

    def __init__(self) -> None:
        self._known: dict[str, str | None] = {}

    def get(self, path: str) -> str | None:
        """The file's sha256, or None if it cannot be read."""
        if path not in self._known:
            self._known[path] = sha256_file(path)
        return self._known[path]


def input_files(source: Path, data_root: Path | None, named: Any = None) -> list[Path]:
    """The files a memo is built from: itself, its data files, the files of its style folder
    and of the styles that one extends.

    What the memo names comes from the loader (``memokit.load.memo_inputs``, or ``named``
    when the caller has it already); a memo that cannot be read gives only itself (the
    render reports it, and failed memos are not recorded).
    """
    from memokit.load.inputs import memo_inputs
    from memokit.style import style_chain

    named = named if named is not None else memo_inputs(source, data_root)
    files = named.files
    for each in style_chain(named.style_folder) if named.style_folder is not None else []:
        files.extend(sorted(p.resolve() for p in each.rglob("*")
                            if p.is_file() and "__pycache__" not in p.parts))
    return list(dict.fromkeys(files))


def recipe(version: str, formats: list[str], strict: bool, data_root: str | None,
           renderer: str | None = None, pdf_standard: str | None = None) -> str:
    """Everything besides the input files that decides the outputs, as one string
    (a renderer other than memokit's own is part of it, and so is a PDF standard chosen
    for the build instead of the house style's)."""
    doc: dict[str, Any] = {"memokit": version, "formats": formats, "strict": strict,
                           "data_root": data_root}
    if renderer is not None:
        doc["renderer"] = renderer
    if pdf_standard is not None:
        doc["pdf_standard"] = pdf_standard
    return json.dumps(doc, sort_keys=True)


@dataclass
class Manifest:
    """The manifest of one output folder; entries keyed by the memo's key (``a/memo``)."""

    path: Path
    entries: dict[str, dict[str, Any]] = field(default_factory=dict)
    _saved: str = ""  # the entries as last read or written
    _next_save: float = 0.0  # monotonic time before which ``save(soon=True)`` waits
    _cost: float = 0.0  # seconds the last save took

    def __post_init__(self) -> None:
        self._saved = self._text()

    def _text(self) -> str:
        # ASCII: a path that is not valid UTF-8 (kept by Python as lone surrogates) is
        # written as a \u escape and read back as the same path
        doc = {"format": MANIFEST_FORMAT, "memos": dict(sorted(self.entries.items()))}
        return json.dumps(doc, indent=1, ensure_ascii=True) + "\n"

    @classmethod
    def load(cls, out_dir: Path) -> Manifest:
        """The manifest in ``out_dir``; an empty one if it is missing, damaged, not a regular
        file or over MAX_MANIFEST_BYTES (the build then renders everything)."""
        path = out_dir / MANIFEST_NAME
        raw = read_regular(path, MAX_MANIFEST_BYTES)
        try:
            doc = json.loads(raw.decode("utf-8")) if raw is not None else None
        except (ValueError, RecursionError):
            doc = None
        if not isinstance(doc, dict) or doc.get("format") != MANIFEST_FORMAT \
                or not isinstance(doc.get("memos"), dict):
            return cls(path)
        return cls(path, {k: v for k, v in doc["memos"].items() if isinstance(v, dict)})

    def save(self, soon: bool = False) -> None:
        """Write atomically, if anything changed: an exclusive temporary file with an
        unpredictable name beside it, then a rename (which replaces a link at the name,
        never follows it).

        ``soon``: after one memo of a build; skipped while the last save is recent compared
        with what it cost (at most a tenth of the time goes to saving a large manifest).
        """
        if soon and time.monotonic() < self._next_save:
            return
        text = self._text()
        if text == self._saved and (os.path.lexists(self.path) or not self.entries):
            return
        start = time.monotonic()
        folder = self.path.parent
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f"{self.path.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(text)
            os.replace(tmp, self.path)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
        self._saved = text
        self._cost = time.monotonic() - start
        self._next_save = time.monotonic() + 10 * self._cost

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
              hashes: HashCache, expected: list[str] | None = None) -> dict[str, Any] | None:
        """The entry if the memo's outputs are up to date, else None.

        ``expected``: the output paths (relative to OUT) the build would write; an entry
        that records others is not up to date. An output whose size, modification time or
        inode differ from the recorded ones is hashed: the same content is up to date (and
        its new stamp recorded), other content is not.
        """
        entry = self.entries.get(key)
        if not isinstance(entry, dict) or entry.get("source") != self.rel(source) \
                or entry.get("recipe") != recipe_text:
            return None
        inputs = entry.get("inputs")
        outputs = entry.get("outputs")
        if not isinstance(inputs, dict) or not inputs or not isinstance(outputs, list) \
                or not all(isinstance(o, dict) for o in outputs):
            return None
        if expected is not None and sorted(str(o.get("path")) for o in outputs) != sorted(expected):
            return None
        if any(not isinstance(p, str) or hashes.get(self.abs(p)) != digest
               for p, digest in inputs.items()):
            return None
        return entry if all(_output_ok(out_dir, o) for o in outputs) else None


def _output_ok(out_dir: Path, recorded: dict[str, Any]) -> bool:
    """Whether the output on disk has the recorded content; refreshes its recorded stamp."""
    path = recorded.get("path")
    if not isinstance(path, str):
        return False
    full = out_dir / path
    now = output_stamp(full)
    if now is None or now["bytes"] != recorded.get("bytes"):
        return False
    if all(recorded.get(k) == v for k, v in now.items()):
        return True
    if sha256_file(full, follow=False) != recorded.get("sha256"):
        return False
    recorded.update(now)
    return True
