"""Style inheritance: ``extends: memo`` merges a style over another, field by field.

Mappings merge key by key, at every depth; any other value (a length, a list
such as the palette or the month names) replaces the inherited one whole. Every
error still points at the file that wrote the value: the child where it set
the value, the parent (or its own parent) where it inherited it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from memokit.errors import ContentError, Diagnostic
from memokit.source.located import Located, PathKey, load_yaml_file
from memokit.style.contain import OUTSIDE, STYLE_FILE, Confinement


def merge(base: object, own: object) -> object:
    """``own`` over ``base``: mappings deep-merged, other values replaced."""
    if isinstance(base, dict) and isinstance(own, dict):
        out = dict(base)
        for key, value in own.items():
            out[key] = merge(base[key], value) if key in base else value
        return out
    return own


@dataclass
class Layered:
    """A style file merged over the (maybe layered) style it extends."""

    own: Located
    base: Located | Layered
    folder: Path  # the folder of ``own``

    def __post_init__(self) -> None:
        own = {k: v for k, v in self.own.value.items() if k != "extends"} \
            if isinstance(self.own.value, dict) else self.own.value
        self.value = merge(self.base.value, own)

    @property
    def file(self) -> str:
        return self.own.file

    def writes(self, path: PathKey) -> bool:
        return tuple(path) in self.own.values or _writes(self.base, path)

    def writer(self, path: PathKey) -> tuple[Located | Layered, Path | None]:
        """The document (and its folder) that wrote the innermost known part of ``path``."""
        p = tuple(path)
        while p:
            if p in self.own.values:
                return self.own, self.folder
            if _writes(self.base, p):
                return self.base, self.base.folder if isinstance(self.base, Layered) else None
            p = p[:-1]
        return self.own, self.folder

    def folder_of(self, path: PathKey) -> Path:
        """The style folder whose file wrote ``path`` (for paths relative to it)."""
        doc, folder = self.writer(path)
        if isinstance(doc, Layered):
            return doc.folder_of(path)
        return folder if folder is not None else Path(doc.file).parent

    def error(self, path: PathKey, message: str, key: bool = False,
              severity: str = "error") -> Diagnostic:
        doc, _ = self.writer(path)
        return doc.error(path, message, key=key, severity=severity)


def _writes(doc: Located | Layered, path: PathKey) -> bool:
    if isinstance(doc, Layered):
        return doc.writes(path)
    return tuple(path) in doc.values


@dataclass
class StyleFile:
    """One link of an ``extends`` chain: a style folder and its style.yaml as read."""

    folder: Path
    doc: Located | None = None  # None: the file could not be read
    error: Exception | None = None  # why the chain ends here, if it ends early


Resolve = Callable[[str, Path], Path | None]
Read = Callable[[Path], Located]


def extends_chain(folder: Path, resolve: Resolve, read: Read = load_yaml_file,
                  confine: Confinement | None = None) -> list[StyleFile]:
    """``folder/style.yaml`` and every style it extends, the most specific first.

    ``resolve(name, base_folder) -> Path | None`` finds the folder an ``extends`` names;
    with ``confine``, that folder must be a built-in style or inside the memo's tree.
    The walk stops at the first problem, recorded as the last link's ``error``: a file that
    cannot be read, is outside or has problems, an ``extends`` that names no style or leads
    outside, or a cycle.
    """
    chain: list[StyleFile] = []
    seen: list[Path] = []
    while True:
        link = StyleFile(folder)
        chain.append(link)
        style_file = folder / STYLE_FILE
        if confine is not None and not confine.style_file_allowed(folder):
            link.error = ContentError([Diagnostic(str(style_file), 1, 1, None, f"{STYLE_FILE} is "
                                                  f"not a file of its style folder; {OUTSIDE}")])
            return chain
        try:
            link.doc = doc = read(style_file)
        except (OSError, ContentError) as exc:
            link.error = exc
            return chain
        if doc.problems:
            link.error = ContentError(sorted(doc.problems, key=Diagnostic.sort_key))
            return chain
        raw = doc.value
        if not isinstance(raw, dict) or "extends" not in raw:
            return chain
        name = raw["extends"]
        if not isinstance(name, str) or not name:
            link.error = ContentError([doc.error(("extends",), "extends names a built-in style or "
                                                 "a style folder")])
            return chain
        parent = resolve(name, folder)
        if confine is not None and "\x00" not in name and not (
                confine.style_allowed(parent) and confine.style_file_allowed(parent)
                if parent is not None else confine.style_allowed(folder / name)):
            link.error = ContentError([doc.error(("extends",), (
                f"'{name}' leads outside the memo's folder tree; a style may extend a built-in "
                "style or a style folder inside the memo's folder tree (links are followed); copy "
                "the style you need into the tree"))])
            return chain
        if parent is None:
            from memokit.style import unknown_style_message

            link.error = ContentError([doc.error(("extends",), unknown_style_message(name))])
            return chain
        parent = Path(parent).resolve()
        seen.append(folder.resolve())
        if parent in seen:
            link.error = ContentError([doc.error(("extends",), "a style cannot extend itself, "
                                                 "directly or through the styles it extends")])
            return chain
        folder = parent


_PARSED: dict[Path, tuple[bytes, Located]] = {}


def read_unchanged(path: Path) -> Located:
    """``load_yaml_file``, reusing this process's last parse of the file while its bytes are
    unchanged (the fonts look up a style's chain several times per memo). The result is shared:
    callers must not modify it."""
    data = path.read_bytes()
    hit = _PARSED.get(path)
    if hit is not None and hit[0] == data:
        return hit[1]
    doc = load_yaml_file(path)
    if path.read_bytes() == data:  # not edited while it was parsed
        _PARSED[path] = (data, doc)
    return doc


def load_layered(folder: Path, resolve: Resolve, confine: Confinement | None = None,
                 ) -> Located | Layered:
    """``folder/style.yaml`` with everything it extends merged under it; raise the first
    problem of the chain (see ``extends_chain``)."""
    chain = extends_chain(folder, resolve, confine=confine)
    last = chain[-1]
    if last.error is not None:
        raise last.error
    doc: Located | Layered = last.doc  # type: ignore[assignment]
    for link in reversed(chain[:-1]):
        assert link.doc is not None
        doc = Layered(link.doc, doc, link.folder)
    return doc


def folders(doc: Located | Layered) -> list[Path]:
    """The style folders of a layered style, the most specific first."""
    if isinstance(doc, Layered):
        return [doc.folder, *folders(doc.base)]
    return [Path(doc.file).parent]
