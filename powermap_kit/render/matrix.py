"""The power matrix picture (power × influence, seed 000 §4) and its second view, the
support matrix (power × stance): the quadrants of :mod:`powermap_kit.analysis.matrix`,
labelled in either language. ``view="power"`` (default) or ``view="support"``.

* :func:`power_matrix_svg` — SVG drawn directly (no matplotlib), for reports;
* :func:`plot_power_matrix` — a matplotlib figure (or onto a given ``ax``), for notebooks
  and raster output; matplotlib is imported only there.

Both draw the same :class:`MatrixModel`: where each person sits, who gets a name label,
the note under the chart.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, overload

from .. import vocab
from ..errors import InvalidValue
from ..analysis.context import Context, build_context
from ..analysis.matrix import power_matrix, quadrant_name, support_matrix
from ..analysis.support import stance_level
from .fonts import families, literal, short, warn_raster, width
from .svg import Svg

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure, SubFigure

    from ..analysis.result import Analysis
    from ..model import PowerMap

__all__ = ["MatrixModel", "matrix_model", "plot_power_matrix", "power_matrix_svg"]

_SHADE = {"key_ally": "#e4f2e1", "key_target": "#fde8e4", "supporter_base": "#f0f7ee", "monitor": "#f7f7f7",
          "contact_first": "#fde8e4", "key_decider": "#fdf1e0", "key_influencer": "#e8f0fb", "keep_informed": "#f7f7f7"}
_STANCES = ("oppose", "neutral", "support", "champion")
_VIEWS = ("power", "support")


def _level(r: dict[str, Any]) -> int:
    """The row's place up the chart: influence 1–5 (power view) or stance 1–4 (support view)."""
    return int(r["influence"]) if "influence" in r else stance_level(r["stance"]) or 0


def _cells(rows: list[dict[str, Any]]) -> dict[str, tuple[float, float]]:
    """Spread people who share a (power, level) cell over a small grid inside it."""
    cells: dict[tuple[int, int], list[str]] = {}
    for r in rows:
        if r["quadrant"] != "unplaced":
            cells.setdefault((r["power"], _level(r)), []).append(r["id"])
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


@dataclass(frozen=True)
class MatrixModel:
    """What a matrix picture shows, in data units (x: power 0.45–5.55, y: influence 0.45–5.55
    or stance 0.45–4.55)."""

    ctx: Context
    view: str                                     # "power" (× influence) or "support" (× stance)
    split: float                                  # x between low and high power
    ysplit: float                                 # y between low and high influence / support
    ytop: float                                   # top of the y axis
    corners: dict[str, tuple[float, float, float, float]]
    placed: list[dict[str, Any]]                  # power_matrix rows of people on the chart
    spots: dict[str, tuple[float, float]]
    labelled: list[dict[str, Any]]
    note: str


def matrix_model(pm: PowerMap | Analysis, lang: str | None = None, config: dict[str, Any] | None = None,
                 label_limit: int = 40, view: str = "power") -> MatrixModel:
    """The matrix of a map or an analysis (reusing the analysis's context when given one)."""
    if view not in _VIEWS:
        raise InvalidValue.not_one_of("view", view, _VIEWS)
    ctx = pm.context if hasattr(pm, "context") else build_context(pm, config=config)
    split = float(ctx.cfg["matrix"]["high_power"]) - 0.5
    if view == "power":
        rows = power_matrix(ctx.pm, ctx=ctx)
        ysplit, ytop = float(ctx.cfg["matrix"]["high_influence"]) - 0.5, 5.55
        names = ("contact_first", "key_decider", "key_influencer", "keep_informed")
    else:
        rows = support_matrix(ctx.pm, ctx=ctx)
        ysplit, ytop = 2.5, 4.55
        names = ("key_ally", "key_target", "supporter_base", "monitor")
    corners = {names[0]: (split, ysplit, 5.55, ytop), names[1]: (split, 0.45, 5.55, ysplit),
               names[2]: (0.45, ysplit, split, ytop), names[3]: (0.45, 0.45, split, ysplit)}
    spots = _cells(rows)
    placed = [r for r in rows if r["id"] in spots]
    # Past label_limit people, only the key people (most powerful first) get a name label.
    labelled = placed if len(placed) <= label_limit else sorted(
        (r for r in placed if r["id"] in ctx.key), key=lambda r: -(r["power"] or 0))[:label_limit]
    unplaced = [r["name"] for r in rows if r["quadrant"] == "unplaced"]
    note = vocab.text("analysis.matrix.key_note", lang=lang, key_power=ctx.cfg["key_power"])
    if any(r.get("influence_basis") == "network" for r in placed):
        note += vocab.text("course.sentence_sep", lang=lang) + vocab.text("analysis.matrix.network_note", lang=lang)
    if len(labelled) < len(placed):
        note += " " + vocab.text("analysis.matrix.labels_limited", lang=lang, count=len(labelled), total=len(placed))
    if unplaced:
        listed = vocab.text("analysis.list_sep", lang=lang).join(unplaced[:12])
        more = len(unplaced) - 12
        note = vocab.text("analysis.matrix.unplaced_influence" if view == "power" else "analysis.matrix.unplaced",
                          lang=lang, names=listed + (f" (+{more})" if more > 0 else "")) + "\n" + note
    return MatrixModel(ctx, view, split, ysplit, ytop, corners, placed, spots, labelled, note)


def _title(m: MatrixModel, lang: str | None) -> str:
    return vocab.text("analysis.matrix.title" if m.view == "power" else "analysis.support_matrix.title", lang=lang)


def _yticks(m: MatrixModel, lang: str | None) -> list[tuple[int, str]]:
    if m.view == "power":
        return [(i, str(i)) for i in range(1, 6)]
    return [(i, vocab.label(s, "stance", lang)) for i, s in enumerate(_STANCES, start=1)]


def _ylabel(m: MatrixModel, lang: str | None) -> str:
    return vocab.text("analysis.col.influence", lang=lang) if m.view == "power" else vocab.kind_label("stance", lang)


def _colour(m: MatrixModel, r: dict[str, Any]) -> str:
    # The power view has no stance on its axes: dots keep the stance colour so both views read alike.
    stance = m.ctx.stance.get(r["id"]) if m.view == "power" else r["stance"]
    return vocab.colour(stance)


def _dot(m: MatrixModel, r: dict[str, Any]) -> tuple[str, str]:
    """``(fill, edge)`` of a dot: hollow, edged in the stance colour, where influence is estimated."""
    if r.get("influence_basis") == "network":
        return "#ffffff", _colour(m, r)
    return _colour(m, r), "#222222"


@overload
def plot_power_matrix(pm: PowerMap | Analysis, ax: None = None, lang: str | None = None,
                      config: dict[str, Any] | None = None, label_limit: int = 40, view: str = "power") -> Figure: ...


@overload
def plot_power_matrix(pm: PowerMap | Analysis, ax: Axes, lang: str | None = None,
                      config: dict[str, Any] | None = None, label_limit: int = 40,
                      view: str = "power") -> Figure | SubFigure: ...


def plot_power_matrix(pm: PowerMap | Analysis, ax: Axes | None = None, lang: str | None = None,
                      config: dict[str, Any] | None = None, label_limit: int = 40,
                      view: str = "power") -> Figure | SubFigure:
    """Draw the power matrix (power × influence; ``view="support"``: power × stance) and return its figure.

    ``pm`` may be a map or an :class:`~powermap_kit.analysis.Analysis`. People whose power
    or stance is unknown are listed under the chart ("not placed"), not guessed. With more
    than ``label_limit`` people only the key people are named.
    """
    # Lazy: matplotlib costs ~0.5 s to import; reports use power_matrix_svg instead.
    from matplotlib.figure import Figure
    from matplotlib.patches import Rectangle

    m = matrix_model(pm, lang, config, label_limit, view)
    split = m.split
    fam = families()
    fig: Figure | SubFigure  # a given ax may sit in a subfigure; its own (sub)figure is returned
    if ax is None:
        fig = Figure(figsize=(8.6, 6.4))
        ax = fig.add_axes((0.16, 0.2, 0.81, 0.72))
    else:
        fig = ax.figure
    ax.set_xlim(0.45, 5.55)
    ax.set_ylim(0.45, m.ytop)
    for code, (x0, y0, x1, y1) in m.corners.items():
        ax.add_patch(Rectangle((x0, y0), x1 - x0, y1 - y0, facecolor=_SHADE[code], edgecolor="none", zorder=0))
        top = y1 > m.ysplit
        ax.text(x1 - 0.06 if x0 >= split else x0 + 0.06, y1 - 0.06 if top else y0 + 0.06, quadrant_name(code, lang),
                ha="right" if x0 >= split else "left", va="top" if top else "bottom", fontsize=10,
                fontweight="bold", color="#555555", family=fam, zorder=1)
    ax.axvline(split, color="#999999", linewidth=1, linestyle="--", zorder=1)
    ax.axhline(m.ysplit, color="#999999", linewidth=1, linestyle="--", zorder=1)
    ax.set_xticks([1, 2, 3, 4, 5], [vocab.label(str(i), "power_level", lang) for i in range(1, 6)])
    ticks = _yticks(m, lang)
    ax.set_yticks([i for i, _ in ticks], [label for _, label in ticks])
    for tick in ax.get_xticklabels() + ax.get_yticklabels():
        tick.set_fontfamily(fam)  # set_family is its runtime alias, not in the stubs
        tick.set_fontsize(8.5)
    ax.set_xlabel(vocab.kind_label("power_level", lang), family=fam)
    ax.set_ylabel(_ylabel(m, lang), family=fam, labelpad=10)
    ax.set_title(_title(m, lang), family=fam, fontsize=12, fontweight="bold")
    key = m.ctx.key
    for is_key in (False, True):  # one scatter per group keeps big maps fast
        group = [r for r in m.placed if (r["id"] in key) is is_key]
        if group:
            ax.scatter([m.spots[r["id"]][0] for r in group], [m.spots[r["id"]][1] for r in group],
                       s=130 if is_key else 60, color=[_dot(m, r)[0] for r in group],
                       edgecolors=[_dot(m, r)[1] for r in group], linewidths=1.4 if is_key else 0.6, zorder=3)
    texts = [quadrant_name(c, lang) for c in m.corners] + [m.note]
    for r in m.labelled:
        label = short(r["name"], 14)
        texts.append(label)
        ax.annotate(label, m.spots[r["id"]], xytext=(7, 0), textcoords="offset points", va="center", fontsize=8.5,
                    family=fam, zorder=4, fontweight="bold" if r["id"] in key else "normal")
    fig.text(0.02, 0.02, m.note, ha="left", va="bottom", fontsize=8.5, family=fam, color="#444444", wrap=True)
    warn_raster(texts)
    return literal(fig)


def _wrap_note(text: str, columns: int) -> list[str]:
    lines = []
    for para in text.split("\n"):
        line = ""
        for ch in para:
            if width(line + ch) > columns and line:
                cut = line.rfind(" ")
                if cut > columns // 2:
                    lines.append(line[:cut])
                    line = line[cut + 1:]
                else:
                    lines.append(line)
                    line = ""
            line += ch
        lines.append(line)
    return lines


def power_matrix_svg(pm: PowerMap | Analysis, lang: str | None = None, config: dict[str, Any] | None = None,
                     label_limit: int = 40, view: str = "power") -> str:
    """The power matrix (``view="support"``: the support matrix) as an ``<svg>`` string (text kept
    as text), drawn without matplotlib.

    >>> from powermap_kit import load_map
    >>> svg = power_matrix_svg(load_map({"format": "powermap/1", "stakeholders": [
    ...     {"id": "a", "name": "王伟 <x>", "power": 5, "support": {"influence": 4}}]}), lang="zh")
    >>> svg.startswith("<svg") and "王伟 &lt;x&gt;" in svg and "优先接触" in svg
    True
    """
    m = matrix_model(pm, lang, config, label_limit, view)
    left, top, pw, ph = 120.0, 46.0, 660.0, 400.0

    def sx(x: float) -> float:
        return left + (x - 0.45) / 5.1 * pw

    def sy(y: float) -> float:
        return top + (m.ytop - y) / (m.ytop - 0.45) * ph

    note = _wrap_note(m.note, 130)
    svg = Svg(left + pw + 110, top + ph + 70 + 16 * len(note), css_class="pmk-matrix-picture")
    svg.text(left + pw / 2, 22, _title(m, lang), size=16, anchor="middle",
             weight="bold")
    for code, (x0, y0, x1, y1) in m.corners.items():
        svg.rect(sx(x0), sy(y1), sx(x1) - sx(x0), sy(y0) - sy(y1), fill=_SHADE[code])
        right, upper = x0 >= m.split, y1 > m.ysplit
        svg.text(sx(x1) - 6 if right else sx(x0) + 6, sy(y1) + 14 if upper else sy(y0) - 10, quadrant_name(code, lang),
                 size=13, anchor="end" if right else "start", weight="bold", colour="#555555")
    svg.rect(left, top, pw, ph, fill="none", stroke="#444444")
    svg.line(sx(m.split), top, sx(m.split), top + ph, stroke="#999999", stroke_dasharray="5,4")
    svg.line(left, sy(m.ysplit), left + pw, sy(m.ysplit), stroke="#999999", stroke_dasharray="5,4")
    for i in range(1, 6):
        svg.text(sx(i), top + ph + 16, vocab.label(str(i), "power_level", lang), size=11, anchor="middle")
    for i, label in _yticks(m, lang):
        svg.text(left - 8, sy(i), label, size=11, anchor="end")
    svg.text(left + pw / 2, top + ph + 38, vocab.kind_label("power_level", lang), size=12, anchor="middle")
    svg.text(24, top + ph / 2, _ylabel(m, lang), size=12, anchor="middle",
             transform=f"rotate(-90 24 {top + ph / 2:.1f})")
    key = m.ctx.key
    for r in sorted(m.placed, key=lambda r: r["id"] in key):
        x, y = m.spots[r["id"]]
        is_key = r["id"] in key
        fill, edge = _dot(m, r)
        svg.circle(sx(x), sy(y), 7 if is_key else 5, fill=fill, stroke=edge,
                   stroke_width=2 if edge != "#222222" else 1.4 if is_key else 0.6)
    for r in m.labelled:
        x, y = m.spots[r["id"]]
        svg.text(sx(x) + 10, sy(y), short(r["name"], 14), size=11.5,
                 weight="bold" if r["id"] in key else None)
    for i, line in enumerate(note):
        svg.text(10, top + ph + 60 + 16 * i, line, size=11, colour="#444444")
    return svg.markup()
