"""The map as an org chart, for reports, handouts and notebooks.

* :func:`map_svg` — SVG drawn directly (:class:`~powermap_kit.render.svg.Svg`, no
  matplotlib): top-down by reporting lines, boxes coloured by stance
  (``vocab.colour``), role badges, power, coach star; influence (dashed arrows), ally
  (green) and conflict (red dotted) lines; the legend below.
* :func:`map_figure` — the same picture as a matplotlib figure, for raster output
  (a notebook's PNG, ``savefig``); matplotlib is imported only there.
* :func:`org_chart_layout` — the positions alone, for other views to reuse.

The matrix picture is in :mod:`powermap_kit.render.matrix`, fonts in
:mod:`powermap_kit.render.fonts`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal

from .. import localize, vocab
from ..analysis.context import build_context
from .fonts import families, literal, short, warn_raster, width
from .svg import Svg

if TYPE_CHECKING:
    from matplotlib.artist import Artist
    from matplotlib.figure import Figure

    from ..model import PowerMap

__all__ = ["chosen_people", "light", "map_figure", "map_svg", "org_chart_layout"]

LINE_COLOURS = {"reports_to": "#8a8a8a", "influences": "#1f5fa8", "ally": "#2e7d32", "conflict": "#c62828"}
_LINE = LINE_COLOURS
_DASH = {"reports_to": None, "influences": "6,4", "ally": None, "conflict": "2,3"}


# ---- org chart layout -------------------------------------------------------------------
def org_chart_layout(pm: PowerMap, ids: Iterable[str] | None = None, per_row: int = 6) -> dict[str, tuple[float, float]]:
    """Positions ``id → (x, y)``: bosses above their reports (y = −level), subtrees side by
    side; people without any reporting line go in rows of ``per_row`` below the chart.

    >>> from powermap_kit import load_map
    >>> pm = load_map({"format": "powermap/1", "stakeholders": [
    ...     {"id": "gm", "name": "GM"}, {"id": "a", "name": "A"}, {"id": "b", "name": "B"}, {"id": "x", "name": "X"}],
    ...     "relationships": [{"source": "a", "target": "gm", "type": "reports_to"},
    ...                       {"source": "b", "target": "gm", "type": "reports_to"}]})
    >>> org_chart_layout(pm)
    {'gm': (1.0, 0.0), 'a': (0.5, -1.0), 'b': (1.5, -1.0), 'x': (0.5, -2.0)}
    """
    wanted = list(ids) if ids is not None else [s.id for s in pm.stakeholders]
    keep = set(wanted)
    bosses: dict[str, list[str]] = {pid: [] for pid in wanted}
    for rel in pm.relationships:
        if rel.type == "reports_to" and rel.source in keep and rel.target in keep:
            bosses[rel.source].append(rel.target)
    level: dict[str, int] = {}
    for pid in wanted:  # longest chain of bosses above; iterative so deep charts cannot overflow
        stack = [pid]
        while stack:
            top = stack[-1]
            pending = [b for b in bosses[top] if b not in level and b not in stack]
            if pending:
                stack.extend(pending)
                continue
            stack.pop()
            level[top] = 1 + max((level.get(b, 0) for b in bosses[top]), default=-1)
    children: dict[str, list[str]] = {pid: [] for pid in wanted}
    for pid in wanted:
        if bosses[pid]:
            children[bosses[pid][0]].append(pid)
    in_chart = {pid for pid in wanted if bosses[pid] or children[pid]}
    pos: dict[str, tuple[float, float]] = {}
    cursor = 0.0
    for root in (pid for pid in wanted if pid in in_chart and not bosses[pid]):
        cursor = _place(root, cursor, children, level, pos)
    loose = [pid for pid in wanted if pid not in in_chart]
    depth = max((level[p] for p in in_chart), default=-1) + 1
    width = max(per_row, int(cursor)) if cursor else per_row
    for i, pid in enumerate(loose):
        pos[pid] = (i % width + 0.5, 0.0 - (depth + i // width))
    return {pid: pos[pid] for pid in wanted}


def _place(root: str, x0: float, children: dict[str, list[str]], level: dict[str, int],
           pos: dict[str, tuple[float, float]]) -> float:
    """Place a subtree from ``x0`` (leaves one slot apart, parents centred); return the next free x."""
    stack: list[tuple[str, bool]] = [(root, False)]
    cursor = x0
    while stack:
        node, expanded = stack.pop()
        kids = children[node]
        if expanded:
            placed = [pos[k][0] for k in kids]
            pos[node] = ((min(placed) + max(placed)) / 2, 0.0 - level[node])
        elif not kids:
            pos[node] = (cursor + 0.5, 0.0 - level[node])
            cursor += 1.0
        else:
            stack.append((node, True))
            stack.extend((k, False) for k in reversed(kids))
    return cursor


# ---- the map picture --------------------------------------------------------------------
def light(colour: str, amount: float = 0.72) -> tuple[float, float, float]:
    """``colour`` (``#rrggbb``) mixed with white, as an RGB triple of 0–1 floats."""
    r, g, b = (int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    return (r + (1 - r) * amount, g + (1 - g) * amount, b + (1 - b) * amount)


def _hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{round(c * 255):02x}" for c in rgb)


def chosen_people(pm: PowerMap, max_people: int) -> tuple[list[str], int]:
    """The ids a picture shows (key people and the most powerful first) and how many it leaves out."""
    ids = [s.id for s in pm.stakeholders]
    if len(ids) <= max_people:
        return ids, 0
    ctx = build_context(pm)
    order = {pid: i for i, pid in enumerate(ids)}
    ranked = sorted(ids, key=lambda pid: (pid not in ctx.key, -(ctx.people[pid].power or 0), order[pid]))
    keep = set(ranked[:max_people])
    return [pid for pid in ids if pid in keep], len(ids) - len(keep)


def map_figure(pm: PowerMap, lang: str | None = None, highlight: Iterable[str] = (), max_people: int = 60,
               title: str | None = None) -> Figure:
    """The map as an org-chart figure (see the module docstring); ``highlight`` ids get an orange halo."""
    # Lazy: matplotlib costs ~0.5 s to import; reports use map_svg instead.
    from matplotlib.figure import Figure
    pm = localize.localized_map(pm, lang, copy=False)
    from matplotlib.lines import Line2D
    from matplotlib.patches import FancyArrowPatch, FancyBboxPatch, Patch

    ids, hidden_count = chosen_people(pm, max_people)
    pos = org_chart_layout(pm, ids)
    people = {s.id: s for s in pm.stakeholders if s.id in pos}
    fam = families()
    xs = [p[0] for p in pos.values()] or [0.5]
    ys = [p[1] for p in pos.values()] or [0.0]
    width_slots = max(xs) + 0.5 if xs else 1
    rows = -min(ys) + 1 if ys else 1
    # Sizes in inches: one slot 1.75 wide, one level 1.2 high, then the legend and the key below.
    fig_w = max(6.5, width_slots * 1.75)
    ncol = min(9, max(3, int(fig_w / 1.3)))
    bottom = 0.34 + 0.2 * -(-9 // ncol)
    chart_h = rows * 1.2 + (0.3 if title else 0.0)
    fig = Figure(figsize=(fig_w, chart_h + bottom))
    ax = fig.add_axes((0.01, bottom / (chart_h + bottom), 0.98, chart_h / (chart_h + bottom)))
    ax.set_xlim(-0.05, max(width_slots, 3.6) + 0.05)
    ax.set_ylim(min(ys) - 0.55, 0.55 + (0.3 if title else 0.0))
    ax.set_axis_off()
    boxes = {}
    marked = set(highlight)
    w, h = 0.88, 0.64
    for pid, (x, y) in pos.items():
        p = people[pid]
        stance = p.stance or "unknown"
        edge = vocab.colour(stance)
        if pid in marked:
            ax.add_patch(FancyBboxPatch((x - w / 2 - 0.04, y - h / 2 - 0.04), w + 0.08, h + 0.08,
                                        boxstyle="round,pad=0.02,rounding_size=0.08", facecolor="none",
                                        edgecolor="#ff8f00", linewidth=3.5, zorder=1))
        box = FancyBboxPatch((x - w / 2, y - h / 2), w, h, boxstyle="round,pad=0.02,rounding_size=0.06",
                             facecolor=light(edge), edgecolor=edge, linewidth=1.0 + 0.5 * (p.power or 1),
                             linestyle="-" if p.power is not None else "--", zorder=3)
        ax.add_patch(box)
        boxes[pid] = box
        badges = "·".join(vocab.entry(r, "role")["badge"] for r in p.roles)
        power = f"P{p.power}" if p.power is not None else "P?"
        third = "  ".join(t for t in (badges, power, "★" if p.is_coach else "") if t)
        ax.text(x, y + 0.17, short(p.name, 16), ha="center", va="center", fontsize=9.5, fontweight="bold",
                family=fam, zorder=4)
        ax.text(x, y - 0.02, short(p.title, 20), ha="center", va="center", fontsize=7.5, family=fam,
                color="#333333", zorder=4)
        ax.text(x, y - 0.20, third, ha="center", va="center", fontsize=7.5, family=fam, color="#333333", zorder=4)
    for rel in pm.relationships:
        if rel.source not in boxes or rel.target not in boxes:
            continue
        colour = _LINE[rel.type]
        lw = 0.8 + 0.6 * (rel.strength or 1)
        if rel.type == "reports_to":
            (x1, y1), (x2, y2) = pos[rel.source], pos[rel.target]
            ax.add_patch(FancyArrowPatch((x2, y2 - h / 2), (x1, y1 + h / 2), arrowstyle="-", color=colour,
                                         linewidth=1.2, zorder=2, shrinkA=2, shrinkB=2))
            continue
        style = {"influences": ("-|>", "--", 0.25), "ally": ("-", "-", -0.2), "conflict": ("-", ":", 0.3)}[rel.type]
        ax.add_patch(FancyArrowPatch(pos[rel.source], pos[rel.target], patchA=boxes[rel.source],
                                     patchB=boxes[rel.target], arrowstyle=style[0], mutation_scale=12,
                                     linestyle=style[1], connectionstyle=f"arc3,rad={style[2]}", color=colour,
                                     linewidth=lw, zorder=5 if rel.type == "conflict" else 2))
    if title:
        ax.text(0.0, 0.7, title, ha="left", va="center", fontsize=12, fontweight="bold", family=fam)
    handles: list[Artist] = [Patch(facecolor=light(vocab.colour(s)), edgecolor=vocab.colour(s),
                                   label=vocab.label(s, "stance", lang)) for s in vocab.STANCES]
    dashes: dict[str, Literal["-", "--", ":"]] = {"reports_to": "-", "influences": "--", "ally": "-",
                                                  "conflict": ":"}
    handles += [Line2D([], [], color=_LINE[t], linestyle=dashes[t], linewidth=2,
                       label=vocab.label(t, "relationship_type", lang)) for t in vocab.RELATIONSHIP_TYPES]
    total_h = chart_h + bottom
    fig.legend(handles=handles, loc="lower center", bbox_to_anchor=(0.5, 0.26 / total_h), ncol=ncol, frameon=False,
               prop={"family": fam, "size": 8}, handlelength=2.2, columnspacing=1.2)
    note = vocab.text("analysis.picture.key", lang=lang)
    if hidden_count:
        note += "  " + vocab.text("analysis.picture.not_shown", lang=lang, count=hidden_count)
    fig.text(0.5, 0.06 / total_h, note, ha="center", va="bottom", fontsize=7.5, family=fam, color="#555555")
    warn_raster([p.name for p in people.values()] + [p.title for p in people.values()] + [note])
    return literal(fig)


SX, SY = 150.0, 96.0   # one slot wide, one level high (SVG units)
BOX_W, BOX_H = 132.0, 62.0


def _edge_point(cx: float, cy: float, tx: float, ty: float) -> tuple[float, float]:
    """Where the line from a box's centre towards (tx, ty) leaves the box."""
    dx, dy = tx - cx, ty - cy
    if dx == 0 and dy == 0:
        return cx, cy
    scale = min(BOX_W / 2 / abs(dx) if dx else math.inf, BOX_H / 2 / abs(dy) if dy else math.inf)
    return cx + dx * scale, cy + dy * scale


def map_svg(pm: PowerMap, lang: str | None = None, highlight: Iterable[str] = (), max_people: int = 60,
            title: str | None = None) -> str:
    """The map picture as an ``<svg>`` string (text kept as text), for HTML reports.

    >>> from powermap_kit import load_map
    >>> svg = map_svg(load_map({"format": "powermap/1", "stakeholders": [{"id": "a", "name": "王伟 <x>"}]}))
    >>> svg.startswith("<svg") and "王伟 &lt;x&gt;" in svg
    True
    """
    pm = localize.localized_map(pm, lang, copy=False)  # names, titles in the reader's language
    ids, hidden_count = chosen_people(pm, max_people)
    slots = org_chart_layout(pm, ids)
    pos = {pid: (x * SX, -y * SY) for pid, (x, y) in slots.items()}
    people = {s.id: s for s in pm.stakeholders if s.id in pos}
    top = 40.0 if title else 0.0
    chart_w = max([x for x, _ in pos.values()] + [0.0]) + SX / 2
    chart_w = max(chart_w, 3.6 * SX)
    chart_h = max([y for _, y in pos.values()] + [0.0]) + SY / 2
    legend = [("box", vocab.colour(s), vocab.label(s, "stance", lang)) for s in vocab.STANCES]
    legend += [("line", t, vocab.label(t, "relationship_type", lang)) for t in vocab.RELATIONSHIP_TYPES]
    item_w = [34 + width(text) * 6.6 for _, _, text in legend]
    rows: list[tuple[list[tuple[tuple[str, str, str], float]], float]] = []
    row: list[tuple[tuple[str, str, str], float]] = []
    used = 0.0
    for item, w in zip(legend, item_w):
        if row and used + w > chart_w:
            rows.append((row, used))
            row, used = [], 0.0
        row.append((item, w))
        used += w
    rows.append((row, used))
    note = vocab.text("analysis.picture.key", lang=lang)
    if hidden_count:
        note += "  " + vocab.text("analysis.picture.not_shown", lang=lang, count=hidden_count)
    total_h = top + SY / 2 + chart_h + 14 + 22 * len(rows) + 26
    svg = Svg(chart_w + 20, total_h, x0=-10, y0=-SY / 2 - top, css_class="pmk-map-picture")
    if title:
        svg.text(0, -SY / 2 - top + 22, title, size=16, weight="bold")
    for rel in pm.relationships:
        if rel.source not in people or rel.target not in people:
            continue
        (x1, y1), (x2, y2) = pos[rel.source], pos[rel.target]
        colour = LINE_COLOURS[rel.type]
        if rel.type == "reports_to":
            svg.line(x2, y2 + BOX_H / 2, x1, y1 - BOX_H / 2, stroke=colour, stroke_width=1.6)
            continue
        rad = {"influences": 0.25, "ally": -0.2, "conflict": 0.3}[rel.type]
        mx, my = (x1 + x2) / 2, (y1 + y2) / 2
        cx, cy = mx - rad * (y2 - y1), my + rad * (x2 - x1)
        sx, sy = _edge_point(x1, y1, cx, cy)
        ex, ey = _edge_point(x2, y2, cx, cy)
        svg.path(f"M{sx:.1f},{sy:.1f} Q{cx:.1f},{cy:.1f} {ex:.1f},{ey:.1f}", fill="none", stroke=colour,
                 stroke_width=1.0 + 0.8 * (rel.strength or 1), stroke_dasharray=_DASH[rel.type],
                 marker_end=svg.arrow(colour) if rel.type == "influences" else None)
    marked = set(highlight)
    for pid, (x, y) in pos.items():
        p = people[pid]
        edge = vocab.colour(p.stance or "unknown")
        if pid in marked:
            svg.rect(x - BOX_W / 2 - 6, y - BOX_H / 2 - 6, BOX_W + 12, BOX_H + 12, rx=10, fill="none",
                     stroke="#ff8f00", stroke_width=4)
        svg.rect(x - BOX_W / 2, y - BOX_H / 2, BOX_W, BOX_H, rx=7, fill=_hex(light(edge)), stroke=edge,
                 stroke_width=1.0 + 0.6 * (p.power or 1), stroke_dasharray=None if p.power is not None else "5,3")
        badges = "·".join(vocab.entry(r, "role")["badge"] for r in p.roles)
        power = f"P{p.power}" if p.power is not None else "P?"
        third = "  ".join(t for t in (badges, power, "★" if p.is_coach else "") if t)
        size = 13 if len(p.name) <= 15 else 11.5 if len(p.name) <= 19 else 10.5  # "Huang Zhiqiang (黄志强)" fits
        svg.text(x, y - 16, short(p.name, 26), size=size, anchor="middle", weight="bold")
        svg.text(x, y + 2, short(p.title, 20), size=10.5, anchor="middle", colour="#333333")
        svg.text(x, y + 19, third, size=10.5, anchor="middle", colour="#333333")
    y = chart_h + 14
    for items, used in rows:
        x = (chart_w - used) / 2
        for (kind, what, text), w in items:
            if kind == "box":
                svg.rect(x, y - 6, 22, 12, fill=_hex(light(what)), stroke=what)
            else:
                svg.line(x, y, x + 24, y, stroke=LINE_COLOURS[what], stroke_width=2.5, stroke_dasharray=_DASH[what])
            svg.text(x + 30, y, text, size=11)
            x += w
        y += 22
    svg.text(chart_w / 2, y + 4, note, size=10.5, anchor="middle", colour="#555555")
    return svg.markup()
