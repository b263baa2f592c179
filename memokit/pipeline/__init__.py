"""One memo file -> its outputs: build, resolve, style, figures, writers, atomic replace."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from memokit.errors import ContentError, Diagnostic, UsageError
from memokit.model import Memo
from memokit.pipeline.forked import Forked, can_fork
from memokit.pipeline.outputs import Outputs, environment_problem
from memokit.present import check_page_text
from memokit.resolve import load_memo
from memokit.style import load_style, style_chain, style_folder, unknown_style_message
from memokit.style.coverage import missing_glyphs
from memokit.style.theme import PDF_STANDARDS, Theme
from memokit.writers import FORMATS, check_formats, writer
from memokit.writers.docx_stamp import output_home


@dataclass
class RenderResult:
    outputs: list[Path] = field(default_factory=list)
    warnings: list[Diagnostic] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # about the machine, not the content


def resolve_theme(name: str, memo_dir: Path, from_cli: bool) -> Theme:
    """The Theme for a built-in style name or a style folder.

    A memo's own ``style:`` was checked by the loader (inside the memo's tree,
    holding a style.yaml); one given on the command line is taken as written.
    """
    folder = style_folder(name, None if from_cli else memo_dir)
    if folder is None:
        raise UsageError(unknown_style_message(name))
    return load_style(folder.resolve(), root=None if from_cli else memo_dir.resolve())


@dataclass
class Checked:
    """A memo that loaded, with its Theme and every warning found before writing."""

    memo: Memo
    theme: Theme
    warnings: list[Diagnostic]
    files: list[Path] = field(default_factory=list)  # the memo and the data files it read


def check_memo(path: str | os.PathLike[str], *, style: str | None = None, strict: bool = False,
               data_root: str | os.PathLike[str] | None = None) -> Checked:
    """Load a memo and its house style; raise ContentError for bad content (and, with
    ``strict``, for warnings). What ``validate`` reports is what ``render`` would."""
    src = Path(path)
    if not src.is_file():
        raise UsageError(f"{src}: no such file")
    root = Path(data_root) if data_root else None
    loaded = load_memo(src, str(path), root, lambda memo: resolve_theme(
        style or memo.meta.style, src.parent, from_cli=style is not None))
    memo, theme = loaded.memo, loaded.theme
    assert theme is not None  # asked for above
    if style is not None:
        memo = replace(memo, meta=replace(memo.meta, style=style))
    page_errors = check_page_text(memo, theme)  # header and footer snippets, for this memo
    if page_errors:
        raise ContentError(page_errors)
    warnings = loaded.warnings + missing_glyphs(memo, theme)
    if strict and warnings:
        raise ContentError([replace(w, severity="error") for w in warnings])
    return Checked(memo, theme, warnings, loaded.files)


def render_inputs(checked: Checked) -> list[Path]:
    """Every file a render reads: the memo and the data files the loader read, and the files
    of its house style."""
    files = list(checked.files)
    for folder in style_chain(checked.theme.folder):
        files += [p for p in folder.rglob("*") if p.is_file()]
    return files


@contextmanager
def young_collections_only() -> Iterator[None]:
    """No full garbage collection while a memo renders (young objects are still collected).

    A render keeps about a million objects alive at once for a long memo (its laid-out
    paragraphs, notes and PDF objects); each full collection walks all of them, and
    their number triggers one every few pages, which took a fifth of a 370-page render.
    What a render leaves is freed by reference counting as before; cycles that outlive the
    young collections wait for the first full collection after the render.
    """
    before = gc.get_threshold()
    gc.set_threshold(before[0], before[1], 1 << 30)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def render_memo(path: str | os.PathLike[str], out_dir: str | os.PathLike[str] = "output",
                formats: Iterable[str] = FORMATS, *, style: str | None = None,
                strict: bool = False, data_root: str | os.PathLike[str] | None = None,
                pdf_standard: str | None = None, force: bool = False,
                home: str | os.PathLike[str] | None = None, parallel: bool = False) -> RenderResult:
    """Render one memo to ``out_dir/<stem>.<fmt>``; raise ContentError for bad content and
    UsageError (naming the file) for an output that cannot or must not be written.

    Outputs are written into a private folder and renamed into place only when every
    format succeeded, so a failed render leaves earlier outputs untouched; no output
    ever replaces an input of the render (see :mod:`memokit.pipeline.outputs`), nor, unless
    ``force``, a DOCX a person edited since memokit wrote it. ``home``: the folder the outputs
    end up in when it is not ``out_dir`` (a build's staging); the DOCX records the memo's path
    relative to it. ``pdf_standard`` overrides the house style's ``pdf_standard`` (see
    PDF_STANDARDS). ``parallel``: a long memo's DOCX may be written by a forked copy of this
    process while the PDF is tagged and saved (:mod:`memokit.pipeline.forked`: only in a
    process with one thread and a spare core); the outputs are the same.
    """
    with young_collections_only():
        return _render(Path(path), out_dir, formats, style, strict, data_root, pdf_standard, force, home,
                       parallel)


def _render(src: Path, out_dir: str | os.PathLike[str], formats: Iterable[str], style: str | None,
            strict: bool, data_root: str | os.PathLike[str] | None, pdf_standard: str | None, force: bool,
            home: str | os.PathLike[str] | None, parallel: bool = False) -> RenderResult:
    fmts = check_formats(formats)
    if pdf_standard is not None and pdf_standard not in PDF_STANDARDS:
        raise UsageError(f"'{pdf_standard}' is not a PDF standard; use one of {', '.join(PDF_STANDARDS)}")
    checked = check_memo(src, style=style, strict=strict, data_root=data_root)
    memo, theme, warnings = checked.memo, checked.theme, checked.warnings
    outputs = Outputs(Path(out_dir), src.stem, fmts, force)
    inputs = render_inputs(checked)
    outputs.check(inputs)

    from memokit.figures.render import render_figures

    notes: list[str] = []
    assets = render_figures(memo, theme, notes)
    side = parallel and "pdf" in fmts and "docx" in fmts and can_fork()
    found: dict[str, list[Diagnostic]] = {}
    child: Forked | None = None

    def docx_beside(pages: int) -> None:
        """Once the PDF is laid out, a long memo's DOCX is written in a forked child while this
        process tags and saves the PDF (the DOCX reads the layout; a short memo does not pay)."""
        nonlocal child
        if pages >= PARALLEL_PAGES:
            child = Forked(writer("docx"), memo, theme, assets, outputs.path("docx"))

    # the DOCX records the memo's path relative to the folder it ends up in
    with outputs, output_home(Path(home) if home is not None else outputs.out):
        try:
            for fmt in sorted(fmts, key=lambda f: f != "pdf") if side else fmts:
                with _located(outputs):
                    if fmt == "docx" and child is not None:
                        found[fmt] = child.result()
                        child = None
                        continue
                    extra: dict[str, object] = {}
                    if fmt == "pdf" and pdf_standard:
                        extra["standard"] = pdf_standard
                    if fmt == "pdf" and side:
                        extra["laid_out"] = docx_beside
                    found[fmt] = writer(fmt)(memo, theme, assets, outputs.path(fmt), **extra)
        except BaseException:
            if child is not None:
                child.abandon()
            raise
        for fmt in fmts:
            warnings += found[fmt]
        written = outputs.commit(inputs)
    return RenderResult(written, warnings, notes)


PARALLEL_PAGES = 12  # pages from which a parallel render writes the DOCX beside the PDF


@contextmanager
def _located(outputs: Outputs) -> Iterator[None]:
    """An OSError of a writer as a UsageError naming the output folder, when it is the
    environment's (a full disk, no permission)."""
    try:
        yield
    except OSError as exc:
        problem = environment_problem(exc, outputs.out)
        if problem is None:
            raise
        raise problem from None
