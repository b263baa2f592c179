"""The bounds a house style is held to, in one place (docs/security.md lists them too).

A house style folder that a memo names is trusted only a little more than the memo:
each file it uses and each value it sets is checked against these limits when the
style is loaded, so ``validate`` reports what ``render`` would, as located errors.
"""

from __future__ import annotations

# files a style names
MAX_LOGO_BYTES = 8_000_000  # a logo file (SVG or PNG), and the PNG beside an SVG logo
MAX_LOGO_PIXELS = 40_000_000  # decoded pixels of a PNG logo or of an image inside an SVG logo
MAX_SVG_ELEMENTS = 10_000  # elements in an SVG logo
MAX_SVG_DEPTH = 50  # nesting of elements in an SVG logo
MAX_DATA_URI_BYTES = 256 * 1024  # decoded size of one data: image inside an SVG logo
DATA_URI_TYPES = ("image/png", "image/jpeg")  # the data: images an SVG logo may hold
MAX_FONT_BYTES = 32_000_000  # one font file of a style's fonts/ folder
MAX_SNIPPET = 1_000  # characters of a header or footer snippet

# values a style sets (lengths in points)
MIN_FONT_SIZE, MAX_FONT_SIZE = 4.0, 72.0  # sizes.*, figures.text_size, figures.tick_size
MAX_LEADING = 144.0  # sizes.leading, lede_leading, footnote_leading (at least MIN_FONT_SIZE)
MIN_TEXT_WIDTH = 144.0  # page width less the side margins (2 in)
MIN_COLUMN_WIDTH = 72.0  # one body column (1 in)
MIN_TEXT_HEIGHT = 144.0  # page height less the top and bottom margins (2 in)
MAX_SPACE = 144.0  # every other length: spaces, indents, offsets, rule widths, padding, gutter
MAX_BOX_EDGE = 24.0  # a box's padding and rule width: the text keeps most of a column
MIN_LOGO_WIDTH = 4.0  # logo.width; at most the text width
DPI = (72, 1200)  # figures.dpi
ASPECT = (0.1, 3.0)  # figures.aspect (height / width)
BAR_WIDTH = (0.05, 1.0)  # figures.bar_width (share of a category's slot)
FLOAT_SHARE = (0.2, 1.0)  # page.float_share
MAX_SHARE = (0.1, 1.0)  # notes.max_share
MAX_STRETCH = (1.0, 10.0)  # text.max_stretch
MAX_FORMAT_WIDTH = 32  # a width or precision inside date_format ('{day:02}')
DATE_FIELDS = ("day", "month", "year")  # the fields date_format may use
