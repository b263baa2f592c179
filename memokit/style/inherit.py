"""Style inheritance: ``extends: memo`` merges a style over another, field by field.

Mappings merge key by key, at every depth; any other value (a length, a list
such as the palette or the month names) replaces the inherited one whole. Every
error still points at the file that wrote the value: the child where it set
the value, the parent (or its own parent) where it inherited it.
"""

from __future__ import annotations

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


def load_layered(folder: Path, resolve: object, seen: tuple[Path, ...] = (),
                 confine: Confinement | None = None) -> Located | Layered:
    """``folder/style.yaml`` with everything it extends merged under it.

    ``resolve(name, base_folder) -> Path | None`` finds the folder an ``extends`` names;
    with ``confine``, that folder must be a built-in style or inside the memo's tree.
    """
    style_file = folder / STYLE_FILE
    if confine is not None and not confine.style_file_allowed(folder):
        raise ContentError([Diagnostic(str(style_file), 1, 1, None, f"{STYLE_FILE} is not a "
                                       f"file of its style folder; {OUTSIDE}")])
    doc = load_yaml_file(style_file)
    if doc.problems:
        raise ContentError(sorted(doc.problems, key=Diagnostic.sort_key))
    raw = doc.value
    if not isinstance(raw, dict) or "extends" not in raw:
        return doc
    name = raw["extends"]
    if not isinstance(name, str) or not name:
        raise ContentError([doc.error(("extends",), "extends names a built-in style or a style folder")])
    parent = resolve(name, folder)  # type: ignore[operator]
    if confine is not None and "\x00" not in name and not (
            confine.style_allowed(parent) and confine.style_file_allowed(parent)
            if parent is not None else confine.style_allowed(folder / name)):
        raise ContentError([doc.error(("extends",), (
            f"'{name}' leads outside the memo's folder tree; a style may extend a built-in style "
            "or a style folder inside the memo's folder tree (links are followed); copy the "
            "style you need into the tree"))])
    if parent is None:
        from memokit.style import unknown_style_message

        raise ContentError([doc.error(("extends",), unknown_style_message(name))])
    parent = Path(parent).resolve()
    chain = seen + (folder.resolve(),)
    if parent in chain:
        raise ContentError([doc.error(("extends",), "a style cannot extend itself, directly or "
                                      "through the styles it extends")])
    return Layered(doc, load_layered(parent, resolve, chain, confine), folder)


def folders(doc: Located | Layered) -> list[Path]:
    """The style folders of a layered style, the most specific first."""
    if isinstance(doc, Layered):
        return [doc.folder, *folders(doc.base)]
    return [Path(doc.file).parent]
