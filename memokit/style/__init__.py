"""House styles: where they live, and loading one into a Theme."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from memokit.errors import did_you_mean
from memokit.style.contain import Confinement, note_tree, templates_root, tree_of
from memokit.style.fonts import FontFiles, find_family
from memokit.style.theme import Theme, load_theme

__all__ = ["FontFiles", "Theme", "builtin_styles", "find_family", "load_style", "style_chain",
           "style_folder", "templates_root"]


def builtin_styles() -> dict[str, Path]:
    root = templates_root()
    return {p.parent.name: p.parent for p in sorted(root.glob("*/style.yaml"))}


def style_folder(name: str, base: Path | None = None) -> Path | None:
    """A built-in style name, or a folder (relative to ``base``, the memo's folder) holding
    style.yaml. The style is then confined to ``base``'s tree (see memokit.style.contain)."""
    found = find_style(name, base)
    if found is not None and base is not None and name not in builtin_styles():
        note_tree(found, base)
    return found


def find_style(name: str, base: Path | None = None) -> Path | None:
    """:func:`style_folder` without noting the tree: for ``extends``, relative to a style."""
    builtin = builtin_styles()
    if name in builtin:
        return builtin[name]
    if "\x00" in name:
        return None
    candidate = (base / name) if base is not None else Path(name)
    if (candidate / "style.yaml").is_file():
        return candidate
    return None


def unknown_style_message(name: str) -> str:
    names = list(builtin_styles())
    return (f"style '{name}' is neither a built-in style{did_you_mean(name, names)} nor a folder "
            f"with a style.yaml; built-in styles: {', '.join(names)}")


def load_style(folder: Path, root: Path | None = None) -> Theme:
    """Load a style folder into a Theme; fonts, colours, lengths and the logo are checked.

    ``root``: the folder tree the style and every file it names must stay in (besides the
    built-in styles); by default the memo folder that named it through :func:`style_folder`,
    else the folder holding the style folder.
    """
    folder = Path(folder)
    if folder in builtin_styles().values():
        # a built-in style names only built-in files, whichever memo uses it: loaded once
        # (the memo's citations and its render both ask for it)
        root = None
    return _load(folder, (root or tree_of(folder)).resolve())


@lru_cache(maxsize=16)
def _load(folder: Path, root: Path) -> Theme:
    return load_theme(folder, root)


def style_chain(folder: Path) -> list[Path]:
    """The style folder and every folder it extends, the most specific first: the folders
    whose style.yaml the Theme loader reads (``inherit.extends_chain``). A broken style gives
    the folders up to and including the broken one; it fails when it is loaded, with located
    errors."""
    from memokit.style.inherit import extends_chain, read_unchanged

    confine = Confinement(tree_of(folder))
    chain = extends_chain(folder, find_style, read_unchanged, confine)
    # a folder whose style.yaml leads outside is not one of the style's folders
    return [link.folder for link in chain if not (link.folder / "style.yaml").exists()
            or confine.style_file_allowed(link.folder)]


def describe_styles() -> list[tuple[str, str]]:
    """(name, description) of every built-in style."""
    return [(name, load_style(folder.resolve()).description)
            for name, folder in builtin_styles().items()]
