"""memokit: structured YAML memos to a house-style PDF and an editable DOCX."""

from __future__ import annotations

__version__ = "0.1.0"


def render(path, out_dir="output", formats=("pdf", "docx"), **options):  # type: ignore[no-untyped-def]
    """Render one memo file; return the list of written output paths.

    Raises :class:`memokit.errors.ContentError` (with located diagnostics) for bad content.
    """
    from memokit.render import render_memo

    return render_memo(path, out_dir, formats, **options).outputs


__all__ = ["__version__", "render"]
