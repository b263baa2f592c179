"""The memo's ``data:`` section: safe paths, loading, and located data errors."""

from __future__ import annotations

import os
from pathlib import Path

from memokit.data.tables import DataProblem, Loaded, from_inline, prepare, read_file
from memokit.errors import Diagnostic, did_you_mean
from memokit.model import DataSet
from memokit.source.located import Located, PathKey, bad_character

MAX_PATH = 1_000  # characters of a path written in a memo


def safe_path(raw: str, base: Path, data_root: Path | None) -> tuple[Path | None, str | None]:
    """Resolve a path written in a memo; (path, None) or (None, why it is refused)."""
    bad = bad_character(raw)
    if bad is not None:
        return None, f"the path holds a character no file name may hold ({bad[1]})"
    if len(raw) > MAX_PATH:
        return None, f"the path is longer than {MAX_PATH:,} characters; use a shorter path"
    p = Path(raw)
    if p.is_absolute() or raw.startswith(("/", "\\")) or (len(raw) > 1 and raw[1] == ":"):
        if data_root is None:
            return None, ("absolute paths are not allowed; write the path relative to the memo's "
                          "folder (or allow a data root with --data-root)")
        resolved = p.resolve()
    else:
        resolved = (base / p).resolve()
    roots = [base.resolve()] + ([data_root.resolve()] if data_root else [])
    if not any(_inside(resolved, r) for r in roots):
        return None, ("the path leads outside the memo's folder; keep data files in the memo's "
                      "folder tree (or allow a data root with --data-root)")
    return resolved, None


def _inside(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root)
    except ValueError:
        return False
    return True


def _missing(raw: str, base: Path) -> str:
    """'does not exist', with the nearest existing data file if there is one."""
    folder = (base / raw).parent
    near = [str(Path(raw).parent / p.name) if Path(raw).parent != Path(".") else p.name
            for p in sorted(folder.glob("*")) if p.suffix.lower() in (".csv", ".json", ".yaml", ".yml")
            ] if folder.is_dir() else []
    return (f"data file '{raw}' does not exist{did_you_mean(raw, near)}; check the name, and "
            "write the path relative to the memo's folder")


def load_datasets(doc: Located, base: Path, data_root: Path | None,
                  skip: frozenset[str] = frozenset(), files: list[Path] | None = None,
                  ) -> tuple[dict[str, DataSet], list[Diagnostic], dict[str, Loaded]]:
    """Load every well-formed data set; return them, the problems found, and each one as read.
    The data files read are added to ``files``.

    A data set with a structural error (a field path in ``skip``) is not loaded: that
    error says what to fix, and reading it anyway would only repeat it.
    """
    raw = doc.value.get("data") if isinstance(doc.value, dict) else None
    out: dict[str, DataSet] = {}
    read: dict[str, Loaded] = {}
    errors: list[Diagnostic] = []
    if not isinstance(raw, dict):
        return out, errors, read
    shown_base = os.path.dirname(doc.file)
    for name, spec in raw.items():
        path: PathKey = ("data", name)
        prefix = f"data.{name}"
        if not isinstance(spec, dict) or any(f == prefix or f.startswith((prefix + ".", prefix + "["))
                                             for f in skip):
            continue  # structural error already reported
        shown: str | None = None
        try:
            if isinstance(spec.get("file"), str):
                resolved, why = safe_path(spec["file"], base, data_root)
                if why:
                    errors.append(doc.error(path + ("file",), why))
                    continue
                assert resolved is not None
                shown = os.path.join(shown_base, spec["file"]) if shown_base else spec["file"]
                if not resolved.is_file():
                    errors.append(doc.error(path + ("file",), _missing(spec["file"], base)))
                    continue
                if files is not None:
                    files.append(resolved)
                loaded = read_file(name, resolved, shown)
            elif isinstance(spec.get("rows"), list) and all(isinstance(r, list) for r in spec["rows"]):
                loaded = from_inline(name, spec["rows"])
            else:
                continue
            read[name] = loaded
            out[name] = prepare(name, spec, loaded)
        except DataProblem as exc:
            if exc.file and exc.row:
                errors.append(Diagnostic(exc.file, exc.row, exc.col or 1, prefix, exc.message))
            elif exc.file:
                errors.append(doc.error(path + ("file",), f"data file {exc.file}: {exc.message}"))
            else:
                errors.append(doc.error(path + exc.field, exc.message))
        except (OSError, UnicodeDecodeError) as exc:
            errors.append(doc.error(path + ("file",), f"cannot read the data file ({exc}); check "
                                    "that it is UTF-8 text and readable"))
    return out, errors, read
