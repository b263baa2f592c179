"""The PDF's ASCII85 streams: the standard library's encoder gives reportlab's own text (its C
accelerator's, when installed, as it is by memokit's dependencies; else its Python one)."""

from __future__ import annotations

import random

from reportlab.lib.rl_accel import asciiBase85Decode, asciiBase85Encode

from memokit.writers.pdf import a85


def _samples() -> list[bytes]:
    rng = random.Random(85)
    out = [b"", b"\0", b"\0\0\0\0", b"\0\0\0\0\0", b"a\0\0\0", b"\0\0\0\0abc", b"\xff" * 7, bytes(range(256))]
    for _ in range(500):  # zero bytes often, so whole and partial zero groups occur
        out.append(bytes(rng.choice((0, 0, rng.randrange(256))) for _ in range(rng.randrange(41))))
    return out


def test_same_text_as_reportlab() -> None:
    for data in _samples():
        assert a85.encode(data) == asciiBase85Encode(data), data


def test_decodes_back() -> None:
    for data in _samples():
        assert asciiBase85Decode(a85.encode(data)) == data
