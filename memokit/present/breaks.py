"""Where a URL or a long token may end a line (after ``/ . - _ ? & = #``, nothing added):
one rule for the PDF's line breaker and the table widths both formats use."""

from __future__ import annotations

import re

URL_CHARS = frozenset("/.-_?&=#")
LONG_TOKEN = 16  # characters: a token this long may break after URL_CHARS
_URL = re.compile(r"^[(\[<\"']?(?:[a-z][a-z0-9+.-]*://|www\.)|^\S+@\S+\.\S+$", re.I)


def is_url(text: str) -> bool:
    """A URL, an e-mail address, or a long token holding URL characters."""
    return bool(_URL.match(text)) or (len(text) >= LONG_TOKEN and any(c in URL_CHARS for c in text[1:-1]))


def url_breaks(text: str) -> list[int]:
    """The places (indices) a URL-like token may end a line at no extra price: after a run of
    URL characters, past the scheme, never leaving fewer than two characters."""
    if not is_url(text):
        return []
    n = len(text)
    start = text.find("://")
    start = start + 3 if start >= 0 else 1
    return [i for i in range(max(start, 1), n - 2)
            if text[i - 1] in URL_CHARS and text[i] not in URL_CHARS]
