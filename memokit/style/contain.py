"""What a house style may name: files inside its own style folders, inside another style
folder of the memo's folder tree, or inside a built-in style; nothing else.

Every path is resolved (symbolic links followed) before it is checked, so a link inside
a style folder that points outside is outside.

The *tree* of a style is the folder of the memo that names it. ``style_folder(name, base)``
notes the memo's folder for the style folder it finds, so ``load_style(folder)`` confines
the style to that tree even when the caller does not pass ``root``; a style given without a
memo (``--style PATH``, the Python API) is confined to the folder that holds it.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path

STYLE_FILE = "style.yaml"
_TREE: dict[Path, Path] = {}  # resolved style folder -> the memo folder that named it last


def templates_root() -> Path:
    """Folder of the built-in styles: ``memokit.templates`` when installed, else the repo's."""
    spec = importlib.util.find_spec("memokit.templates")
    if spec is not None and spec.submodule_search_locations:
        for loc in spec.submodule_search_locations:
            if (Path(loc) / "memo" / STYLE_FILE).exists():
                return Path(loc)
    return Path(__file__).resolve().parent.parent.parent / "templates"


def inside(path: Path, root: Path) -> bool:
    """Whether ``path`` is ``root`` or below it (both already resolved)."""
    return path == root or root in path.parents


def note_tree(folder: Path, memo_folder: Path) -> None:
    """Remember that the memo in ``memo_folder`` named the style ``folder``."""
    _TREE[folder.resolve()] = memo_folder.resolve()


def tree_of(folder: Path) -> Path:
    """The tree a style folder and what it names must stay in (see the module docstring)."""
    resolved = folder.resolve()
    tree = _TREE.get(resolved)
    return tree if tree is not None and inside(resolved, tree) else resolved.parent


@dataclass(frozen=True)
class Confinement:
    """The places one style may take files from."""

    root: Path  # the memo's folder tree (resolved)
    styles: tuple[Path, ...] = ()  # the style's own folder and those it extends (resolved)

    @property
    def builtin(self) -> Path:
        return templates_root().resolve()

    def style_allowed(self, folder: Path) -> bool:
        """Whether a style may extend the style in ``folder`` (built in, or in the tree)."""
        resolved = folder.resolve()
        return inside(resolved, self.builtin) or inside(resolved, self.root)

    def style_file_allowed(self, folder: Path) -> bool:
        """Whether ``folder``'s style.yaml is a regular file in that folder, the tree or a
        built-in style (not a link to a file elsewhere, nor a device or a pipe)."""
        style_file = folder / STYLE_FILE
        return style_file.is_file() and (inside(style_file.resolve(), folder.resolve())
                                         or self.style_allowed(style_file))

    def file_allowed(self, path: Path) -> bool:
        """Whether a style may use the file ``path`` (resolved here, links followed)."""
        resolved = path.resolve()
        if inside(resolved, self.builtin) or any(inside(resolved, s) for s in self.styles):
            return True
        if not inside(resolved, self.root):
            return False
        here = resolved.parent  # another style folder of the memo's tree
        while inside(here, self.root):
            if (here / STYLE_FILE).is_file():
                return True
            if here == self.root:
                break
            here = here.parent
        return False


OUTSIDE = ("a house style may use only files inside its own folder, a style folder inside the "
           "memo's folder tree or a built-in style (symbolic links are followed)")
