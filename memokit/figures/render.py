"""The memo's figures -> FigureAsset per figure id, drawn once and cached by content."""

from __future__ import annotations

from dataclasses import replace

from memokit.data.series import chart_data
from memokit.errors import ContentError, Diagnostic
from memokit.figures import cache
from memokit.figures.asset import FigureAsset
from memokit.figures.style import look_for
from memokit.model.nodes import Figure, Memo
from memokit.model.walk import figures
from memokit.style.theme import Theme


def render_figure(figure: Figure, memo: Memo, theme: Theme,
                  notes: list[str] | None = None) -> FigureAsset:
    """One figure's asset, from the cache when the same chart was drawn before (a cache
    that cannot be written adds a line to ``notes``). A picture file is taken as it is
    (memokit.figures.picture)."""
    if figure.chart is None:
        from memokit.figures.picture import image_asset

        return image_asset(figure, theme)
    look = look_for(theme, figure.width, memo.meta.language)
    if figure.chart.aspect:
        look = replace(look, height=round(look.width * figure.chart.aspect, 3))
    data = chart_data(figure, memo.data, len(look.palette))
    key = cache.cache_key(data.key(), look.key())
    entry = cache.load(key)
    if entry is None:
        from memokit.figures.draw import draw_chart  # matplotlib only on a cache miss

        entry = draw_chart(data, look)
        why = cache.store(key, entry)
        if why is not None and notes is not None and why not in notes:
            notes.append(why)
    return FigureAsset(figure.id, entry.svg, entry.png, entry.width_pt, entry.height_pt, figure.alt)


def render_figures(memo: Memo, theme: Theme, notes: list[str] | None = None,
                   ) -> dict[str, FigureAsset]:
    """Every figure of the memo, keyed by figure id; ContentError listing every chart that cannot be drawn."""
    assets: dict[str, FigureAsset] = {}
    problems: list[Diagnostic] = []
    for figure in figures(memo):
        try:
            assets[figure.id] = render_figure(figure, memo, theme, notes)
        except ContentError as exc:
            problems.extend(exc.diagnostics)
    if problems:
        raise ContentError(problems)
    return assets


def figure_pdf(figure: Figure, memo: Memo, theme: Theme) -> bytes:
    """The figure as a one-page vector PDF (embedded TrueType fonts, no dates); a chart only."""
    import io
    from dataclasses import replace

    from matplotlib import rc_context

    from memokit.figures.draw import build_figure
    from memokit.figures.style import look_for, rc_params

    assert figure.chart is not None, "a picture file has no chart to draw"
    look = look_for(theme, figure.width, memo.meta.language)
    if figure.chart.aspect:
        look = replace(look, height=round(look.width * figure.chart.aspect, 3))
    fig = build_figure(chart_data(figure, memo.data, len(look.palette)), look)
    buf = io.BytesIO()
    with rc_context({**rc_params(look), "pdf.fonttype": 42}):
        fig.savefig(buf, format="pdf", metadata={"CreationDate": None, "ModDate": None,
                                                 "Producer": None, "Creator": None})
    return buf.getvalue()
