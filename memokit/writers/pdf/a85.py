"""reportlab's ASCII85 encoder (every stream of the PDF goes through it) from the standard library.

Without reportlab's optional C accelerators, reportlab encodes each page's content, font and
picture streams in pure Python, a byte at a time. :func:`base64.a85encode` gives the same text
(Adobe's rules: 'z' for a group of four zero bytes, a last partial group cut short, then the
end mark) about three times faster; :func:`use` puts it where reportlab looks it up.
"""

from __future__ import annotations

import base64
from typing import Any

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
