"""reportlab's ASCII85 encoder (every stream of the PDF goes through it) from the standard library,
and no ASCII85 at all where pikepdf writes the PDF again.

Without reportlab's optional C accelerators, reportlab encodes each page's content, font and
picture streams in pure Python, a byte at a time. :func:`base64.a85encode` gives the same text
(Adobe's rules: 'z' for a group of four zero bytes, a last partial group cut short, then the
end mark) about three times faster; :func:`use` puts it where reportlab looks it up.
"""

from __future__ import annotations

import base64
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from reportlab import rl_config
from reportlab.lib import rl_accel
from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen import pdfimages

_PURE = getattr(rl_accel, "_py_asciiBase85Encode", None)  # reportlab's own, when no C version


def encode(data: Any) -> str:
    """``data`` in ASCII85, '~>' at its end (text, which reportlab never encodes here, as
    reportlab would)."""
    if isinstance(data, str) and _PURE is not None:
        return str(_PURE(data))
    return base64.a85encode(data).decode("ascii") + "~>"


def use() -> None:
    """Encode reportlab's streams with :func:`encode`, where reportlab would use its pure-Python
    encoder (a C accelerator, if installed, is left in place)."""
    for module in (pdfdoc, pdfimages):
        current = module.asciiBase85Encode
        if current is not encode and current is _PURE:
            module.asciiBase85Encode = encode


@contextmanager
def streams(encoded: bool) -> Iterator[None]:
    """reportlab's streams ASCII85-encoded (as reportlab does by default) or, unless ``encoded``,
    only compressed while a PDF is made: pikepdf, which writes a tagged or archival PDF again,
    decodes every ASCII85 stream and compresses it afresh, so that PDF comes out the same."""
    before = rl_config.useA85
    rl_config.useA85 = before if encoded else 0
    try:
        yield
    finally:
        rl_config.useA85 = before
