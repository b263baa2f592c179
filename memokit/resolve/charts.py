"""Every figure checked against its data, as the figure code will draw it."""

from __future__ import annotations

from memokit.data.series import chart_data
from memokit.errors import ContentError, Diagnostic
from memokit.model import Memo
from memokit.model.walk import figures

UNBOUNDED = 1 << 30  # series allowed when no house palette is known yet


def check_charts(memo: Memo, max_series: int | None) -> list[Diagnostic]:
    """Why each figure that cannot be drawn as asked cannot be (one message per figure)."""
    out: list[Diagnostic] = []
    for fig in figures(memo):
        if fig.chart is None:  # a picture file, checked when it was read
            continue
        try:
            chart_data(fig, memo.data, max_series or UNBOUNDED)
        except ContentError as exc:
            out.extend(exc.diagnostics)
    return out
