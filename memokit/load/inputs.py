"""The files a memo is made from, found the way the loader finds them.

For whoever needs to know what a memo depends on without building it (the incremental
build's manifest, ``watch``): the memo file, the data files its ``data:`` section names,
the picture files its figures show (``figure: image:``), the bibliography files it cites
from and the house style it names,
resolved with the loader's own rules (``safe_path``, built-in styles first) from the memo
read with the loader's own reader (bounded, safe YAML).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from memokit.errors import ContentError
from memokit.load.citations import bibliography_files
from memokit.load.datasets import safe_path
from memokit.load.images import image_path
from memokit.source import load_yaml_file

DEFAULT_STYLE = "memo"


@dataclass(frozen=True)
class MemoInputs:
    """What one memo names. A memo that cannot be read names nothing but itself."""

    memo: Path  # the memo file, resolved
    data: tuple[Path, ...] = ()  # each data file its ``data:`` section names, resolved, in order
    style: str | None = None  # the style it names (DEFAULT_STYLE when none); None if unreadable
    style_folder: Path | None = None  # that style's folder, None if it names no usable style
    images: tuple[Path, ...] = ()  # each picture file a figure shows, resolved, in order
    bibliography: tuple[Path, ...] = ()  # each bibliography file it names (and its .csl style file)

    @property
    def files(self) -> list[Path]:
        """The memo and the data and picture files it names that exist (the style's files are
        the style's business: ``memokit.style.style_chain`` lists the folders it is made of)."""
        return [self.memo, *(p for p in (*self.data, *self.images, *self.bibliography)
                             if p.is_file())]


def memo_inputs(path: Path, data_root: Path | None = None) -> MemoInputs:
    """The inputs ``path`` names; never raises for a broken memo (its render reports that).

    Data paths and style folders that the loader would refuse (outside the memo's folder
    tree and the data root) are left out, like names of styles that do not exist.
    """
    path = Path(path)
    try:
        doc = load_yaml_file(path)
    except (OSError, ContentError):
        return MemoInputs(path.resolve())
    raw = doc.value
    if not isinstance(raw, dict):
        return MemoInputs(path.resolve())
    base = path.parent
    data: list[Path] = []
    specs = raw.get("data")
    if isinstance(specs, dict):
        for spec in specs.values():
            if isinstance(spec, dict) and isinstance(spec.get("file"), str):
                resolved, why = safe_path(spec["file"], base, data_root)
                if resolved is not None and why is None:
                    data.append(resolved)
    images = tuple(dict.fromkeys(_images(raw.get("sections"), base, data_root)))
    bibliography = tuple(dict.fromkeys(
        p for p, why in (safe_path(name, base, data_root)
                         for _, name in bibliography_files(raw.get("bibliography")))
        if p is not None and why is None))
    csl = raw.get("citation_style")
    if isinstance(csl, str) and csl.lower().endswith(".csl"):  # a style file beside the memo
        resolved, why = safe_path(csl, base, data_root)
        if resolved is not None and why is None:
            bibliography += (resolved,)
    style = raw.get("style", DEFAULT_STYLE)
    if not isinstance(style, str):
        return MemoInputs(path.resolve(), tuple(dict.fromkeys(data)), images=images,
                          bibliography=bibliography)
    return MemoInputs(path.resolve(), tuple(dict.fromkeys(data)), style,
                      _style_folder(style, base, data_root), images, bibliography)


def _images(value: object, base: Path, data_root: Path | None) -> list[Path]:
    """The picture files of every ``figure: image:`` inside ``value`` (sections, their bodies
    and subsections), as the loader resolves them; refused paths left out."""
    out: list[Path] = []
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            fig = item.get("figure")
            if isinstance(fig, dict) and isinstance(fig.get("image"), str):
                resolved, why = image_path(fig["image"], base, data_root)
                if resolved is not None and why is None:
                    out.append(resolved)
            stack.extend(reversed([v for k, v in item.items() if k in ("body", "sections")]))
    return out


def _style_folder(name: str, base: Path, data_root: Path | None) -> Path | None:
    """The folder of a style a memo names, as the loader checks it: a built-in name, or a
    folder inside the memo's tree (or the data root) holding a style.yaml."""
    from memokit.style import builtin_styles

    builtin = builtin_styles()
    if name in builtin:
        return builtin[name].resolve()
    resolved, why = safe_path(name, base, data_root)
    if why is None and resolved is not None and (resolved / "style.yaml").is_file():
        return resolved
    return None
