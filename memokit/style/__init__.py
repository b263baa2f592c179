"""House styles: where they live, and loading one into a Theme."""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path

from memokit.errors import did_you_mean
from memokit.style.fonts import FontFiles, find_family
from memokit.style.theme import Theme, load_theme

__all__ = ["FontFiles", "Theme", "builtin_styles", "find_family", "load_style", "style_chain",
           "style_folder"]


def templates_root() -> Path:
    """Folder of the built-in styles: ``memokit.templates`` when installed, else the repo's."""
    spec = importlib.util.find_spec("memokit.templates")
    if spec is not None and spec.submodule_search_locations:
        for loc in spec.submodule_search_locations:
            if (Path(loc) / "memo" / "style.yaml").exists():
                return Path(loc)
    return Path(__file__).resolve().parent.parent.parent / "templates"


def builtin_styles() -> dict[str, Path]:
    root = templates_root()
    return {p.parent.name: p.parent for p in sorted(root.glob("*/style.yaml"))}


def style_folder(name: str, base: Path | None = None) -> Path | None:
    """A built-in style name, or a folder (relative to ``base``) holding style.yaml."""
    builtin = builtin_styles()
    if name in builtin:
        return builtin[name]
    candidate = (base / name) if base is not None else Path(name)
    if (candidate / "style.yaml").is_file():
        return candidate
    return None


def unknown_style_message(name: str) -> str:
    names = list(builtin_styles())
    return (f"style '{name}' is neither a built-in style{did_you_mean(name, names)} nor a folder "
            f"with a style.yaml; built-in styles: {', '.join(names)}")


@lru_cache(maxsize=16)
def load_style(folder: Path) -> Theme:
    """Load a style folder into a Theme; fonts, colours, lengths and the logo are checked."""
    return load_theme(folder)


def style_chain(folder: Path) -> list[Path]:
    """The style folder and every folder it extends, the most specific first: the folders
    whose style.yaml the Theme loader reads (``inherit.extends_chain``). A broken style gives
    the folders up to and including the broken one; it fails when it is loaded, with located
    errors."""
    from memokit.style.inherit import extends_chain, read_unchanged

    return [link.folder for link in extends_chain(folder, style_folder, read_unchanged)]


def describe_styles() -> list[tuple[str, str]]:
    """(name, description) of every built-in style."""
    return [(name, load_style(folder.resolve()).description)
            for name, folder in builtin_styles().items()]
