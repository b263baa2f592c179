"""What a memo shows, decided once for every output format.

The title block's items, the header and footer text, labels, the role of each
paragraph, plain text, the end mark's place, derived spacing, figure placement
and located writer warnings. Nothing here knows a format: writers only draw
what these functions return.
"""

from memokit.present.bibliography import REFERENCES_KEY, ReferenceList, reference_list
from memokit.present.endmark import EndMark, end_mark
from memokit.present.figures import figure_align, picture_ratio, picture_size
from memokit.present.furniture import (
    PROPERTY_NAMES,
    Field,
    PageText,
    Piece,
    check_page_text,
    memo_properties,
    page_text,
    pieces,
)
from memokit.present.labels import (
    CAPTION_END,
    NBSP,
    NOTE_SEPARATOR,
    NoteSeparator,
    NumberLabel,
    continued_mark,
    kind_label,
    number_label,
    ref_label,
    separate_notes,
    source_prefix,
)
from memokit.present.quotes import quoted
from memokit.present.roles import REFERENCES_HEADING, Role, Where, role_of
from memokit.present.sections import (
    Heading,
    TocEntry,
    headings,
    ref_text,
    reference_form,
    section_key,
    toc_entries,
    toc_shown,
)
from memokit.present.spacing import Spacing, spacing
from memokit.present.text import plain_text
from memokit.present.titleblock import COLOPHON_SEPARATOR, TitleItem, colophon_items, title_items
from memokit.present.warnings import located_warning

__all__ = [
    "CAPTION_END", "COLOPHON_SEPARATOR", "NBSP", "NOTE_SEPARATOR", "PROPERTY_NAMES", "EndMark", "Field",
    "NoteSeparator", "NumberLabel", "PageText", "Piece", "Role", "Spacing", "TitleItem", "Where",
    "check_page_text", "colophon_items", "continued_mark",
    "end_mark", "figure_align", "kind_label", "located_warning", "memo_properties", "number_label",
    "page_text", "picture_ratio", "pieces", "plain_text", "ref_label", "role_of", "separate_notes",
    "picture_size",
    "source_prefix", "spacing", "title_items",
    "Heading", "TocEntry", "headings", "quoted", "ref_text", "reference_form", "section_key",
    "toc_entries", "toc_shown",
    "REFERENCES_HEADING", "REFERENCES_KEY", "ReferenceList", "reference_list",
]
