"""The bars of one series drawn as one path.

``Axes.bar`` adds a patch per bar, and matplotlib draws (and svglib converts) each one on its
own: a 354-bar chart spent most of its time there. Here each series is one compound path of
rectangles (the same pixels: snapped to the pixel grid like a bar), and the rectangles, never
drawn themselves, are kept in a ``BarContainer`` on the axes as ``Axes.bar`` leaves them, for
label placement and for anyone reading the chart back.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.axes import Axes
from matplotlib.container import BarContainer
from matplotlib.patches import PathPatch, Rectangle
from matplotlib.path import Path

GID = "memokit-bars"  # the gid of every series' path
_CODES = [Path.MOVETO, Path.LINETO, Path.LINETO, Path.LINETO, Path.CLOSEPOLY]


def bar_series(ax: Axes, where: Sequence[float], sizes: Sequence[float], starts: Sequence[float],
               thickness: float, colour: str, zorder: float, horizontal: bool = False) -> BarContainer:
    """Bars centred on ``where`` (x, or y if ``horizontal``), each from ``starts[i]`` by
    ``sizes[i]`` (negative: down or left), ``thickness`` wide, filled with ``colour``."""
    rects = []
    for w, s, v in zip(where, sizes, starts):
        xy = (v, w - thickness / 2) if horizontal else (w - thickness / 2, v)
        wh = (s, thickness) if horizontal else (thickness, s)
        rects.append(Rectangle(xy, *wh, facecolor=colour, linewidth=0, zorder=zorder))
    if rects:
        corners = np.array([[[r.get_x(), r.get_y()], [r.get_x() + r.get_width(), r.get_y()],
                             [r.get_x() + r.get_width(), r.get_y() + r.get_height()],
                             [r.get_x(), r.get_y() + r.get_height()], [r.get_x(), r.get_y()]]
                            for r in rects], dtype=float).reshape(-1, 2)
        patch = PathPatch(_extremes(corners), facecolor=colour, linewidth=0, zorder=zorder,
                          snap=True, gid=GID)
        ax.add_patch(patch)  # the data limits, from the corners that set them
        patch.set_path(Path(corners, _CODES * len(rects)))
    container = BarContainer(rects, orientation="horizontal" if horizontal else "vertical")
    ax.add_container(container)
    return container


def _extremes(corners: np.ndarray) -> Path:
    """A path through the lowest and highest x and y of ``corners`` and their least positive
    x and y (which log scales read): the data limits ``Axes.add_patch`` takes from it are those
    of every corner, without its walk of the compound path side by side (4 ms a series)."""
    lo, hi = corners.min(axis=0), corners.max(axis=0)
    positive = np.where(corners > 0, corners, np.inf).min(axis=0)
    return Path(np.array([lo, hi, np.where(np.isfinite(positive), positive, lo)]))
