"""The memo's ``bibliography:`` and ``citation_style:``: the files read (their keys are what
citations may name), the style found, and located errors for both."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from memokit.cite.csl import DEFAULT_STYLE, SHIPPED, Style, read_style, shipped
from memokit.cite.engine import Bibliography, EngineError, merged, read_bibliography
from memokit.cite.sources import EXTENSIONS, MAX_FILES, BibProblem
from memokit.errors import Diagnostic, did_you_mean
from memokit.load.datasets import safe_path
from memokit.model import SourceSpan
from memokit.source.located import Located, PathKey, format_path


@dataclass(frozen=True)
class CiteSetup:
    """What the memo cites from and how: its bibliography, citation style and language."""

    bibliography: Bibliography
    style: Style
    language: str | None  # the memo's language as written (None: the style's own locale)
    references: bool = True  # False: 'references: false' leaves the list out
    span: SourceSpan | None = None  # where 'bibliography:' was written


def bibliography_files(raw: object) -> list[tuple[PathKey, str]]:
    """Each file ``bibliography:`` names, with its field path."""
    if isinstance(raw, str):
        return [(("bibliography",), raw)]
    if isinstance(raw, list):
        return [(("bibliography", i), v) for i, v in enumerate(raw) if isinstance(v, str)]
    return []


def load_citations(doc: Located, base: Path, data_root: Path | None, skip: frozenset[str],
                   files: list[Path]) -> tuple[CiteSetup | None, list[Diagnostic]]:
    """The memo's citation setup (None when it has no bibliography or it cannot be read) and the
    problems found; the bibliography files read are added to ``files``."""
    raw = doc.value if isinstance(doc.value, dict) else {}
    if "bibliography" not in raw or any(f == "bibliography" or f.startswith("bibliography[")
                                        for f in skip):
        return None, []
    errors: list[Diagnostic] = []
    read: list[Bibliography] = []
    named = bibliography_files(raw["bibliography"])
    if len(named) > MAX_FILES:
        return None, [doc.error(("bibliography",), f"{len(named)} bibliography files, more than the "
                                f"limit of {MAX_FILES}; merge them")]
    shown_base = os.path.dirname(doc.file)
    for path, name in named:
        resolved, why = safe_path(name, base, data_root)
        if why or resolved is None:
            errors.append(doc.error(path, why or "the path cannot be used"))
            continue
        if not resolved.is_file():
            folder = Path(name).parent
            near = [str(folder / p.name) if folder != Path(".") else p.name
                    for p in sorted(resolved.parent.glob("*"))
                    if p.suffix.lower() in EXTENSIONS] if resolved.parent.is_dir() else []
            errors.append(doc.error(path, f"bibliography file '{name}' does not exist"
                                    f"{did_you_mean(name, near)}; check the name, and write "
                                    "the path relative to the memo's folder"))
            continue
        try:
            read.append(read_bibliography([resolved]))
        except BibProblem as exc:
            shown = os.path.join(shown_base, name) if shown_base else name
            if exc.line:
                errors.append(Diagnostic(shown, exc.line, exc.column or 1, format_path(path),
                                         exc.message))
            else:
                errors.append(doc.error(path, f"bibliography file {shown}: {exc.message}"))
            continue
        except (EngineError, OSError) as exc:
            errors.append(doc.error(path, f"the bibliography file cannot be read: {exc}"))
            continue
        files.append(resolved)
    style, style_error = _style(raw, doc, base, data_root)
    if style_error is not None:
        errors.append(style_error)
    if errors or style is None:
        return None, errors
    try:
        bibliography = merged(read)
    except BibProblem as exc:
        return None, [doc.error(("bibliography",), exc.message)]
    language = raw.get("language") if isinstance(raw.get("language"), str) else None
    line, col = doc.pos(("bibliography",))
    return CiteSetup(bibliography, style, language, raw.get("references") is not False,
                     SourceSpan(doc.file, line, col, "bibliography")), []


def _style(raw: dict[str, object], doc: Located, base: Path,
           data_root: Path | None) -> tuple[Style | None, Diagnostic | None]:
    """The citation style the memo names, else its house style's, else the default."""
    name = raw.get("citation_style")
    folder = None
    if not isinstance(name, str):
        name, folder = _house_default(raw, base)
    if name in SHIPPED:
        return shipped(name), None
    if not name.lower().endswith(".csl"):
        where = ("citation_style",) if "citation_style" in raw else ("style",)
        return None, doc.error(where, f"'{name}' is not a citation style{did_you_mean(name, SHIPPED)}; "
                               f"name one of {', '.join(SHIPPED)}, or a .csl file in the memo's folder")
    path_key: PathKey = ("citation_style",) if "citation_style" in raw else ("style",)
    if folder is not None:
        resolved: Path | None = (folder / name).resolve()
        why = None if resolved is not None and resolved.is_relative_to(folder.resolve()) else \
            "the house style's citation style must be a .csl file in its folder"
    else:
        resolved, why = safe_path(name, base, data_root)
    if why or resolved is None:
        return None, doc.error(path_key, why or "the path cannot be used")
    if not resolved.is_file():
        return None, doc.error(path_key, f"citation style file '{name}' does not exist; name one of "
                               f"{', '.join(SHIPPED)}, or a .csl file in the memo's folder")
    style, problem = read_style(name, resolved)
    if problem is not None:
        return None, doc.error(path_key, problem)
    return style, None


def _house_default(raw: dict[str, object], base: Path) -> tuple[str, Path | None]:
    """The house style's ``citation_style`` and its folder (the default when it cannot be read:
    a broken house style is reported as such elsewhere)."""
    from memokit.style import builtin_styles, find_style, load_style

    name = raw.get("style") if isinstance(raw.get("style"), str) else "memo"
    try:
        folder = find_style(str(name), base)
        if folder is None:
            return DEFAULT_STYLE, None
        theme = load_style(folder, None if str(name) in builtin_styles() else base)
        return theme.citation_style, theme.folder
    except Exception:  # noqa: BLE001 - the style's own errors are reported by its check
        return DEFAULT_STYLE, None
