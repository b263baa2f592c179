"""Captions and source lines of figures and tables: "Figure N: ..." and "Source: ..."."""

from __future__ import annotations

from reportlab.platypus import Paragraph

from memokit.model.nodes import Inline
from memokit.present import Role, number_label, source_prefix
from memokit.writers.pdf.inlines import Markup, esc, esc_attr, esc_label
from memokit.writers.pdf.para import BodyPara
from memokit.writers.pdf.styles import Styles


def numbered_caption(kind: str, number: int, text: tuple[Inline, ...], styles: Styles, mk: Markup,
            anchor_name: str | None = None, part: str = "") -> Paragraph:
    """'Figure N: caption' (label bold), holding the destination ``anchor_name`` if given."""
    dest = f'<a name="{esc_attr(anchor_name)}"/>' if anchor_name else ""
    label = number_label(kind, number, mk.labels, part).caption
    return BodyPara(f"{dest}<b>{esc_label(label)}</b> {mk.inlines(text, mk.fonts.heading)}",
                     styles[Role.CAPTION])


def source_line(source: tuple[Inline, ...], styles: Styles, mk: Markup) -> Paragraph | None:
    """The 'Source: ...' line, or None without a source."""
    if not source:
        return None
    return BodyPara(f"{esc(source_prefix(mk.labels))}{mk.inlines(source, mk.fonts.heading)}",
                     styles[Role.SOURCE])
