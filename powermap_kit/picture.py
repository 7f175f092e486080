"""Static pictures of a map for reports, handouts and notebooks (matplotlib, drawn lazily).

* :func:`map_svg` / :func:`map_figure` — the map as an org chart: top-down by reporting
  lines, boxes coloured by stance (``vocab.colour``), role badges, power, coach star;
  influence (dashed arrows), ally (green) and conflict (red dotted) lines.
* :func:`plot_power_matrix` / :func:`power_matrix_svg` — power × stance with the four
  quadrants of :mod:`powermap_kit.analysis.matrix`, labelled in either language.
* :func:`org_chart_layout` — the positions alone, for other views to reuse.

SVG keeps text as text (``svg.fonttype = none``) with a CJK-capable font list, so the
reader's browser draws Chinese names with its own fonts and no font ships with us. For
raster output (a notebook's PNG, ``savefig("x.png")``) an installed CJK font is looked up
(:func:`cjk_font`, e.g. Noto Sans CJK from Debian's ``fonts-noto-cjk``); when there is
none and the text needs one, a warning says so instead of silently drawing empty boxes.

matplotlib is imported inside the functions: the core stays importable without it.
"""

from __future__ import annotations

import io
import re
import warnings
from collections.abc import Iterable
from functools import lru_cache
from itertools import count
from typing import TYPE_CHECKING, Any, Literal, overload

from . import vocab

if TYPE_CHECKING:
    from matplotlib.artist import Artist
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure, SubFigure

    from .analysis.result import Analysis
    from .model import PowerMap

__all__ = [
    "CJKFontWarning",
    "cjk_font",
    "figure_svg",
    "map_figure",
    "map_svg",
    "org_chart_layout",
    "plot_power_matrix",
    "power_matrix_svg",
]

_PREFERRED_CJK = ("Noto Sans CJK SC", "Source Han Sans SC", "Noto Sans SC", "WenQuanYi Micro Hei",
                  "WenQuanYi Zen Hei", "Microsoft YaHei", "PingFang SC", "SimHei", "Noto Serif CJK SC",
                  "AR PL UMing CN")
_CJK_RE = re.compile(r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
_svg_ids = count(1)
_LINE = {"reports_to": "#8a8a8a", "influences": "#1f5fa8", "ally": "#2e7d32", "conflict": "#c62828"}


class CJKFontWarning(UserWarning):
    """No installed font can draw Chinese characters in a raster (PNG) picture."""


@lru_cache(maxsize=1)
def cjk_font() -> str | None:
    """The family name of an installed font that draws Chinese, or ``None``.

    Preference: Noto Sans CJK SC, Source Han Sans SC, WenQuanYi, Microsoft YaHei, PingFang,
    SimHei, then any family whose name contains "CJK".
    """
    from matplotlib import font_manager

    names = {f.name for f in font_manager.fontManager.ttflist}
    for name in _PREFERRED_CJK:
        if name in names:
            return name
    return next((n for n in sorted(names) if "CJK" in n), None)


def _families() -> list[str]:
    font = cjk_font()
    return [font, "DejaVu Sans"] if font else ["DejaVu Sans"]


def _needs_cjk(texts: Iterable[str | None]) -> bool:
    return any(t and _CJK_RE.search(t) for t in texts)


def _warn_raster(texts: Iterable[str | None]) -> None:
    if cjk_font() is None and _needs_cjk(texts):
        warnings.warn("No CJK font is installed, so Chinese text in this raster (PNG) picture will show as "
                      "empty boxes. Install one (Debian/Ubuntu: apt-get install fonts-noto-cjk) or use the SVG "
                      "output (map_svg, power_matrix_svg), which the browser draws with its own fonts.",
                      CJKFontWarning, stacklevel=3)


def _literal(fig: Any) -> Any:
    """Draw every text of ``fig`` as written: a name such as ``$\\alpha$`` is not matplotlib mathtext."""
    from matplotlib.text import Text

    for text in fig.findobj(Text):
        text.set_parse_math(False)
    return fig


def figure_svg(fig: Figure) -> str:
    """A figure as an ``<svg>`` element: text kept as text, CJK font list, ids unique per picture."""
    import matplotlib

    from .report_html import CJK_FONT_STACK

    buf = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": f"pmk{next(_svg_ids)}"}), \
            warnings.catch_warnings():
        # Missing glyphs only matter for raster output; in SVG the browser draws the text.
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .*missing from")
        _literal(fig).savefig(buf, format="svg", metadata={"Date": None})
    svg = buf.getvalue()
    svg = re.sub(r"font-family: [^;\"]*", "font-family: " + CJK_FONT_STACK.replace('"', "'"), svg)
    return svg[svg.find("<svg"):]


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
def _light(colour: str, amount: float = 0.72) -> tuple[float, float, float]:
    from matplotlib.colors import to_rgb

    r, g, b = to_rgb(colour)
    return (r + (1 - r) * amount, g + (1 - g) * amount, b + (1 - b) * amount)


def _short(text: str | None, limit: int) -> str:
    if not text:
        return ""
    width = 0.0
    for i, ch in enumerate(text):
        width += 1.8 if _CJK_RE.match(ch) else 1.0
        if width > limit:
            return text[:i] + "…"
    return text


def _chosen(pm: PowerMap, max_people: int) -> tuple[list[str], int]:
    ids = [s.id for s in pm.stakeholders]
    if len(ids) <= max_people:
        return ids, 0
    from .analysis.context import build_context

    ctx = build_context(pm)
    ranked = sorted(ids, key=lambda pid: (pid not in ctx.key, -(ctx.people[pid].power or 0), ids.index(pid)))
    keep = set(ranked[:max_people])
    return [pid for pid in ids if pid in keep], len(ids) - len(keep)


def map_figure(pm: PowerMap, lang: str | None = None, highlight: Iterable[str] = (), max_people: int = 60,
               title: str | None = None) -> Figure:
    """The map as an org-chart figure (see the module docstring); ``highlight`` ids get an orange halo."""
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.patches import FancyArrowPatch, FancyBboxPatch, Patch

    ids, hidden_count = _chosen(pm, max_people)
    pos = org_chart_layout(pm, ids)
    people = {s.id: s for s in pm.stakeholders if s.id in pos}
    fam = _families()
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
                             facecolor=_light(edge), edgecolor=edge, linewidth=1.0 + 0.5 * (p.power or 1),
                             linestyle="-" if p.power is not None else "--", zorder=3)
        ax.add_patch(box)
        boxes[pid] = box
        badges = "·".join(vocab.entry(r, "role")["badge"] for r in p.roles)
        power = f"P{p.power}" if p.power is not None else "P?"
        third = "  ".join(t for t in (badges, power, "★" if p.is_coach else "") if t)
        ax.text(x, y + 0.17, _short(p.name, 16), ha="center", va="center", fontsize=9.5, fontweight="bold",
                family=fam, zorder=4)
        ax.text(x, y - 0.02, _short(p.title, 20), ha="center", va="center", fontsize=7.5, family=fam,
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
    handles: list[Artist] = [Patch(facecolor=_light(vocab.colour(s)), edgecolor=vocab.colour(s),
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
    _warn_raster([p.name for p in people.values()] + [p.title for p in people.values()] + [note])
    return _literal(fig)


def map_svg(pm: PowerMap, lang: str | None = None, highlight: Iterable[str] = (), max_people: int = 60,
            title: str | None = None) -> str:
    """The map picture as an ``<svg>`` string (text kept as text), for HTML reports.

    >>> from powermap_kit import load_map
    >>> svg = map_svg(load_map({"format": "powermap/1", "stakeholders": [{"id": "a", "name": "王伟 <x>"}]}))
    >>> svg.startswith("<svg") and "王伟 &lt;x&gt;" in svg
    True
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CJKFontWarning)  # the browser draws SVG text with its own fonts
        fig = map_figure(pm, lang=lang, highlight=highlight, max_people=max_people, title=title)
    return figure_svg(fig)


# ---- power matrix -----------------------------------------------------------------------
def _cells(rows: list[dict[str, Any]]) -> dict[str, tuple[float, float]]:
    """Spread people who share a (power, stance) cell over a small grid inside it."""
    from .analysis.support import stance_level

    cells: dict[tuple[int, int], list[str]] = {}
    for r in rows:
        if r["quadrant"] != "unplaced":
            cells.setdefault((r["power"], stance_level(r["stance"]) or 0), []).append(r["id"])
    out = {}
    for (power, level), members in cells.items():
        n = len(members)
        per_row = 1 if n == 1 else 2 if n <= 4 else 3
        lines = (n + per_row - 1) // per_row
        for i, pid in enumerate(members):
            col, line = i % per_row, i // per_row
            dx = (col - (per_row - 1) / 2) * (0.9 / per_row) if per_row > 1 else 0.0
            dy = ((lines - 1) / 2 - line) * (0.8 / max(lines, 1)) if lines > 1 else 0.0
            out[pid] = (power + dx - (0.12 if per_row > 1 else 0.0), level + dy)
    return out


@overload
def plot_power_matrix(pm: PowerMap | Analysis, ax: None = None, lang: str | None = None,
                      config: dict[str, Any] | None = None, label_limit: int = 40) -> Figure: ...


@overload
def plot_power_matrix(pm: PowerMap | Analysis, ax: Axes, lang: str | None = None,
                      config: dict[str, Any] | None = None, label_limit: int = 40) -> Figure | SubFigure: ...


def plot_power_matrix(pm: PowerMap | Analysis, ax: Axes | None = None, lang: str | None = None,
                      config: dict[str, Any] | None = None, label_limit: int = 40) -> Figure | SubFigure:
    """Draw the power matrix (power × stance, four quadrants) and return its figure.

    ``pm`` may be a map or an :class:`~powermap_kit.analysis.Analysis`. People whose power
    or stance is unknown are listed under the chart ("not placed"), not guessed. With more
    than ``label_limit`` people only the key people are named.
    """
    from matplotlib.figure import Figure
    from matplotlib.patches import Rectangle

    from .analysis.context import build_context
    from .analysis.matrix import power_matrix, quadrant_name

    if hasattr(pm, "context"):
        ctx = pm.context  # an Analysis
    else:
        ctx = build_context(pm, config=config)
    rows = power_matrix(ctx.pm, ctx=ctx)
    split = float(ctx.cfg["matrix"]["high_power"]) - 0.5
    fam = _families()
    fig: Figure | SubFigure  # a given ax may sit in a subfigure; its own (sub)figure is returned
    if ax is None:
        fig = Figure(figsize=(8.6, 6.4))
        ax = fig.add_axes((0.16, 0.2, 0.81, 0.72))
    else:
        fig = ax.figure
    ax.set_xlim(0.45, 5.55)
    ax.set_ylim(0.45, 4.55)
    shade = {"key_ally": "#e4f2e1", "key_target": "#fde8e4", "supporter_base": "#f0f7ee", "monitor": "#f7f7f7"}
    corners = {"key_ally": (split, 2.5, 5.55, 4.55), "key_target": (split, 0.45, 5.55, 2.5),
               "supporter_base": (0.45, 2.5, split, 4.55), "monitor": (0.45, 0.45, split, 2.5)}
    for code, (x0, y0, x1, y1) in corners.items():
        ax.add_patch(Rectangle((x0, y0), x1 - x0, y1 - y0, facecolor=shade[code], edgecolor="none", zorder=0))
        top = y1 > 3
        ax.text(x1 - 0.06 if x0 >= split else x0 + 0.06, y1 - 0.06 if top else y0 + 0.06, quadrant_name(code, lang),
                ha="right" if x0 >= split else "left", va="top" if top else "bottom", fontsize=10,
                fontweight="bold", color="#555555", family=fam, zorder=1)
    ax.axvline(split, color="#999999", linewidth=1, linestyle="--", zorder=1)
    ax.axhline(2.5, color="#999999", linewidth=1, linestyle="--", zorder=1)
    ax.set_xticks([1, 2, 3, 4, 5], [vocab.label(str(i), "power_level", lang) for i in range(1, 6)])
    ax.set_yticks([1, 2, 3, 4], [vocab.label(s, "stance", lang) for s in ("oppose", "neutral", "support", "champion")])
    for tick in ax.get_xticklabels() + ax.get_yticklabels():
        tick.set_fontfamily(fam)  # set_family is its runtime alias, not in the stubs
        tick.set_fontsize(8.5)
    ax.set_xlabel(vocab.kind_label("power_level", lang), family=fam)
    ax.set_ylabel(vocab.kind_label("stance", lang), family=fam, labelpad=10)
    ax.set_title(vocab.text("analysis.matrix.title", lang=lang), family=fam, fontsize=12, fontweight="bold")
    spots = _cells(rows)
    texts = [quadrant_name(c, lang) for c in corners]
    placed = [r for r in rows if r["id"] in spots]
    for key in (False, True):  # one scatter per group keeps big maps fast
        group = [r for r in placed if (r["id"] in ctx.key) is key]
        if group:
            ax.scatter([spots[r["id"]][0] for r in group], [spots[r["id"]][1] for r in group], s=130 if key else 60,
                       color=[vocab.colour(r["stance"]) for r in group], edgecolors="#222222",
                       linewidths=1.4 if key else 0.6, zorder=3)
    # Past label_limit people, only the key people (most powerful first) get a name label.
    labelled = placed if len(placed) <= label_limit else sorted(
        (r for r in placed if r["id"] in ctx.key), key=lambda r: -(r["power"] or 0))[:label_limit]
    for r in labelled:
        label = _short(r["name"], 14)
        texts.append(label)
        ax.annotate(label, spots[r["id"]], xytext=(7, 0), textcoords="offset points", va="center", fontsize=8.5,
                    family=fam, zorder=4, fontweight="bold" if r["id"] in ctx.key else "normal")
    unplaced = [r["name"] for r in rows if r["quadrant"] == "unplaced"]
    note = vocab.text("analysis.matrix.key_note", lang=lang, key_power=ctx.cfg["key_power"])
    if len(labelled) < len(placed):
        note += " " + vocab.text("analysis.matrix.labels_limited", lang=lang, count=len(labelled), total=len(placed))
    if unplaced:
        listed = vocab.text("analysis.list_sep", lang=lang).join(unplaced[:12])
        more = len(unplaced) - 12
        note = vocab.text("analysis.matrix.unplaced", lang=lang, names=listed + (f" (+{more})" if more > 0 else "")) \
            + "\n" + note
        texts.append(listed)
    fig.text(0.02, 0.02, note, ha="left", va="bottom", fontsize=8.5, family=fam, color="#444444", wrap=True)
    _warn_raster(texts)
    return _literal(fig)


def power_matrix_svg(pm: PowerMap | Analysis, lang: str | None = None, config: dict[str, Any] | None = None) -> str:
    """The power matrix as an ``<svg>`` string (text kept as text)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CJKFontWarning)  # the browser draws SVG text with its own fonts
        fig = plot_power_matrix(pm, lang=lang, config=config)
    return figure_svg(fig)
