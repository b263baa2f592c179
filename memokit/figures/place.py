"""Labels placed so that none covers another, the legend or the data, all inside the axes.

After the chart is drawn and laid out, each :class:`~memokit.figures.marks.Label` is measured
with the renderer and tried at a list of positions around its anchor: rows stacked down from the
top for a period's label and for a labelled line (either side of the line), rings of growing
distance for a labelled point (joined to it by a leader line when moved away). Every position is
shifted inside the axes; the one that covers the least (other labels and the legend above all,
then lines, points and bars) wins, the nearest first on a tie. Labels are placed one by one:
periods' labels, then lines, then points. Everything is computed from the figure, so the result
is the same on every run.
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass

import numpy as np
from matplotlib.axes import Axes
from matplotlib.collections import PathCollection, PolyCollection
from matplotlib.figure import Figure as MplFigure
from matplotlib.text import Text
from matplotlib.transforms import Bbox

from memokit.figures.bars import GID
from memokit.figures.marks import Label, labels
from memokit.figures.style import Look

ORDER = {"span": 0, "line": 1, "point": 2}
GAP = 2.0  # points between a label and what it must not touch
STEP = 1.5  # points between the samples taken along a drawn line
HARD = 1e5  # cost of a point² of label over another label or the legend
LEADER_FROM = 7.0  # points from its point beyond which a label gets a leader line


@dataclass(frozen=True)
class Spot:
    """A candidate position: offset from the anchor (points), alignment, distance preferred."""

    dx: float
    dy: float
    ha: str
    va: str
    rank: float
    leader: bool = False


def place_labels(fig: MplFigure, ax: Axes, look: Look) -> None:
    """Move the labels of ``ax`` to where they collide least (see the module docstring)."""
    todo = sorted(labels(ax), key=lambda lab: ORDER[lab.role])
    if not todo:
        return
    fig.draw_without_rendering()  # constrained layout settles the axes; labels are out of it
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    scale = fig.dpi / 72  # display units per point
    frame = ax.get_window_extent(renderer)
    frame = Bbox.from_extents(frame.x0 + scale, frame.y0 + scale, frame.x1 - scale,
                              frame.y1 - scale)
    scene = Scene.of(ax, renderer, scale)
    taken = [_padded(leg.get_window_extent(renderer), GAP * scale) for leg in
             [*fig.legends, *([ax.get_legend()] if ax.get_legend() else [])]]
    dot = (look.line_width + 1) * scale  # the labelled points' own marks are kept clear too
    for lab in todo:
        if lab.role == "point":
            x, y = lab.xycoords.transform(lab.xy)  # type: ignore[union-attr]
            taken.append(Bbox.from_extents(x - dot, y - dot, x + dot, y + dot))
    for lab in todo:
        ax_, ay = lab.xycoords.transform(lab.xy)  # type: ignore[union-attr]
        w, h = _fit(lab, renderer, _room(lab, frame, ax_, ay, scale))
        best: tuple[float, Spot, Bbox] | None = None
        for spot in _spots(lab, w / scale, h / scale, (frame.height / scale)):
            want = _box(ax_ + spot.dx * scale, ay + spot.dy * scale, w, h, spot.ha, spot.va)
            box = _inside(want, frame)
            moved = math.hypot(box.x0 - want.x0, box.y0 - want.y0) / scale
            cost = (HARD * sum(_area(box, t) for t in taken) / scale ** 2
                    + scene.cost(box) + spot.rank + 0.5 * moved + (8 if spot.leader else 0))
            if best is None or cost < best[0] - 1e-9:
                best = (cost, spot, box)
        assert best is not None
        _, spot, box = best
        # the chosen box, as an offset from the anchor with left/bottom alignment
        lab.set_horizontalalignment("left")
        lab.set_verticalalignment("bottom")
        lab.set_multialignment(spot.ha)  # lines of a wrapped label towards its anchor
        lab.xyann = ((box.x0 - ax_) / scale, (box.y0 - ay) / scale)
        taken.append(_padded(box, GAP * scale))
        if spot.leader:
            _leader(ax, lab, box, (ax_, ay), scale, look)
        scene.add_box(box)


def _measure(lab: Label, renderer: object) -> tuple[float, float]:
    lab.update_positions(renderer)
    size = Text.get_window_extent(lab, renderer)
    return size.width, size.height


def _room(lab: Label, frame: Bbox, x: float, y: float, scale: float) -> float:
    """The widest a label may be (display units): a line's label fits on one side of the line,
    a point's in half the axes."""
    if lab.role == "line" and not lab.horizontal:
        return max(frame.x1 - x, x - frame.x0) - 4 * scale
    if lab.role == "point":
        return frame.width / 2
    return frame.width


def _fit(lab: Label, renderer: object, room: float) -> tuple[float, float]:
    """Width and height of the label, wrapped between words into more lines when it is wider
    than ``room``."""
    w, h = _measure(lab, renderer)
    text = lab.get_text()
    if w <= room or " " not in text:
        return w, h
    chars = len(text)
    while chars > 8:
        chars = max(8, int(chars * min(room / w, 0.9)))
        lab.set_text(textwrap.fill(text, chars, break_long_words=False))
        w, h = _measure(lab, renderer)
        if w <= room:
            break
    return w, h


def _leader(ax: Axes, lab: Label, box: Bbox, anchor: tuple[float, float], scale: float,
            look: Look) -> None:
    """A thin line from the labelled point to the nearest point of its label's box."""
    x = min(max(anchor[0], box.x0), box.x1)
    y = min(max(anchor[1], box.y0), box.y1)
    ax.annotate("", lab.xy, xycoords=lab.xycoords, xytext=((x - anchor[0]) / scale,  # type: ignore[arg-type]
                                                           (y - anchor[1]) / scale),
                textcoords="offset points", annotation_clip=False, zorder=3.5,
                arrowprops={"arrowstyle": "-", "color": look.axis_colour,
                            "linewidth": look.axis_width, "shrinkA": 1, "shrinkB": 2.5})


def _spots(lab: Label, w: float, h: float, room: float) -> list[Spot]:
    """Candidate positions for a label ``w`` by ``h`` points, best first (rank in points)."""
    rows = max(1, min(12, int(room / (h + GAP))))
    out: list[Spot] = []
    if lab.role == "point":
        for r in (4.0, 7.0, 12.0, 18.0, 26.0, 36.0):
            lead = r >= LEADER_FROM
            for ux, uy in ((1, 1), (-1, 1), (1, -1), (-1, -1)):
                out.append(Spot(ux * r, uy * r, "left" if ux > 0 else "right",
                                "bottom" if uy > 0 else "top", r, lead))
            for ux, uy in ((1, 0), (-1, 0), (0, 1), (0, -1)):
                d = r + GAP
                out.append(Spot(ux * d, uy * d, {1: "left", -1: "right", 0: "center"}[ux],
                                {1: "bottom", -1: "top", 0: "center"}[uy], r + 1, lead))
        return out
    if not lab.horizontal:
        for k in range(rows):
            dy = -GAP - k * (h + GAP)
            if lab.role == "span":
                out.append(Spot(0, dy, "center", "top", k * (h + GAP)))
            else:
                out.append(Spot(3, dy, "left", "top", k * (h + GAP)))
                out.append(Spot(-3, dy, "right", "top", k * (h + GAP) + 1))
        return out
    for k in range(rows):  # barh: labels at the right end, moved left a label's width at a time
        dx = -3 - k * (w + 3 * GAP)
        if lab.role == "span":
            for j, dy in enumerate((0.0, h + GAP, -(h + GAP))):
                out.append(Spot(dx, dy, "right", "center", k * w + j * h))
        else:
            for j in range(3):  # above or below the line, further off each row
                dy = GAP / 2 + j * (h + GAP)
                out.append(Spot(dx, dy, "right", "bottom", k * w + 2 * j * h))
                out.append(Spot(dx, -dy, "right", "top", k * w + 2 * j * h + 1))
    return out


def _box(x: float, y: float, w: float, h: float, ha: str, va: str) -> Bbox:
    x0 = x - {"left": 0.0, "center": w / 2, "right": w}[ha]
    y0 = y - {"bottom": 0.0, "center": h / 2, "top": h}[va]
    return Bbox.from_bounds(x0, y0, w, h)


def _inside(box: Bbox, frame: Bbox) -> Bbox:
    """``box`` shifted into ``frame`` (its top-left corner kept in when it is the larger)."""
    dx = max(frame.x0 - box.x0, 0.0) or min(frame.x1 - box.x1, 0.0)
    dy = min(frame.y1 - box.y1, 0.0) or max(frame.y0 - box.y0, 0.0)
    box = box.translated(dx, dy)
    if box.x0 < frame.x0:
        box = box.translated(frame.x0 - box.x0, 0)
    if box.y1 > frame.y1:
        box = box.translated(0, frame.y1 - box.y1)
    return box


def _padded(box: Bbox, pad: float) -> Bbox:
    return Bbox.from_extents(box.x0 - pad, box.y0 - pad, box.x1 + pad, box.y1 + pad)


def _area(a: Bbox, b: Bbox) -> float:
    w = min(a.x1, b.x1) - max(a.x0, b.x0)
    h = min(a.y1, b.y1) - max(a.y0, b.y0)
    return w * h if w > 0 and h > 0 else 0.0


class Scene:
    """What a label should not cover, in display units: samples along lines and point marks,
    bars and other labels' boxes, and filled areas."""

    def __init__(self, points: np.ndarray, boxes: list[Bbox], fills: list, scale: float) -> None:  # type: ignore[type-arg]
        self.points = points
        self.boxes = boxes
        self.fills = fills
        self.scale = scale

    @classmethod
    def of(cls, ax: Axes, renderer: object, scale: float) -> Scene:
        pts: list[np.ndarray] = [np.empty((0, 2))]
        boxes: list[Bbox] = []
        fills = []
        for ln in ax.get_lines():
            xy = ln.get_transform().transform(np.asarray(ln.get_xydata(), dtype=float))
            if ln.get_linestyle() not in ("None", "", " ") and len(xy) > 1:
                pts.append(_sample(xy, STEP * scale))
            if ln.get_marker() not in (None, "None", "", " "):
                r = ln.get_markersize() * scale / 2
                boxes += [Bbox.from_extents(x - r, y - r, x + r, y + r) for x, y in xy
                          if math.isfinite(x) and math.isfinite(y)]
        for p in ax.patches:  # highlighted periods lie beneath everything
            if p.get_zorder() > 1 and p.get_gid() != GID:
                boxes.append(p.get_window_extent(renderer))
        for c in ax.containers:  # bars, drawn as one path a series (memokit.figures.bars)
            for r in getattr(c, "patches", ()):
                xy = ax.transData.transform(r.get_bbox().get_points())
                boxes.append(Bbox([xy.min(axis=0), xy.max(axis=0)]))
        for c in ax.collections:
            if isinstance(c, PathCollection):  # points of a scatter chart
                xy = c.get_offset_transform().transform(c.get_offsets())
                sizes = c.get_sizes()
                r = (math.sqrt(float(sizes[0])) if len(sizes) else 4.0) * scale / 2
                boxes += [Bbox.from_extents(x - r, y - r, x + r, y + r) for x, y in xy]
            elif isinstance(c, PolyCollection):  # filled areas
                for path in c.get_paths():
                    shape = path.transformed(c.get_transform())
                    pts.append(_sample(shape.vertices, STEP * scale))
                    fills.append(shape)
        return cls(np.concatenate(pts), boxes, fills, scale)

    def add_box(self, box: Bbox) -> None:
        self.boxes.append(box)

    def cost(self, box: Bbox) -> float:
        """Roughly the points² of drawing under ``box``: 4 per line sample, bars and marks by
        their overlap, filled areas at a fifth of it."""
        p = self.points
        inside = int(np.count_nonzero((p[:, 0] >= box.x0) & (p[:, 0] <= box.x1)
                                      & (p[:, 1] >= box.y0) & (p[:, 1] <= box.y1)))
        s2 = self.scale ** 2
        cost = 4.0 * inside + sum(_area(box, b) for b in self.boxes) / s2
        if self.fills:
            grid = np.array([(box.x0 + box.width * i / 4, box.y0 + box.height * j / 2)
                             for i in range(5) for j in range(3)])
            covered = sum(int(np.count_nonzero(f.contains_points(grid))) for f in self.fills)
            cost += 0.2 * box.width * box.height / s2 * min(covered, 15) / 15
        return cost


def _sample(xy: np.ndarray, step: float) -> np.ndarray:  # type: ignore[type-arg]
    """Points every ``step`` along the polyline ``xy`` (gaps at non-finite values)."""
    out = []
    for a, b in zip(xy[:-1], xy[1:]):
        if not (np.isfinite(a).all() and np.isfinite(b).all()):
            continue
        n = max(1, int(math.hypot(*(b - a)) / step))
        t = np.linspace(0.0, 1.0, n + 1)[:, None]
        out.append(a + (b - a) * t)
    return np.concatenate(out) if out else np.empty((0, 2))
