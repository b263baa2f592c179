"""memokit: structured YAML memos to a house-style PDF and an editable DOCX."""

from __future__ import annotations

from memokit.version import __version__


def render(path, out_dir="output", formats=("pdf", "docx"), **options):  # type: ignore[no-untyped-def]
    """Render one memo file; return the list of written output paths.

    Raises :class:`memokit.errors.ContentError` (with located diagnostics) for bad content.
    """
    from memokit.pipeline import render_memo

    return render_memo(path, out_dir, formats, **options).outputs


def build(paths=("content",), out_dir="output", jobs=None, **options):  # type: ignore[no-untyped-def]
    """Build many memos (files, folders or globs) into ``out_dir``; return a BuildReport.

    Work is spread over ``jobs`` worker processes (default: the machine's cores); only
    memos whose inputs changed since the last build into ``out_dir`` are rendered. A memo
    that fails is reported, not raised: check ``report.ok``, ``report.memos`` (each with
    ``path``, ``status``, ``outputs``, ``warnings``, ``errors``) or ``report.as_dict()``
    (the JSON report). Options: ``formats``, ``force``, ``fail_fast``, ``timeout``,
    ``strict``, ``data_root``, ``pdf_standard`` (``"ua1+a2a"``, ``"a2b"`` or ``"none"``
    instead of each house style's; changing it renders the memos again), ``reporter``,
    ``renderer``, ``engine``, ``scheduler``. See docs/pipeline.md.
    """
    from memokit.batch import build as run_build

    return run_build(paths, out_dir, jobs, **options)


__all__ = ["__version__", "build", "render"]
