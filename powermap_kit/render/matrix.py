"""The power matrix picture: power × stance, the four quadrants of
:mod:`powermap_kit.analysis.matrix`, labelled in either language.

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
from ..analysis.context import Context, build_context
from ..analysis.matrix import power_matrix, quadrant_name
from ..analysis.support import stance_level
from .fonts import families, literal, short, warn_raster, width
from .svg import Svg

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure, SubFigure

    from ..analysis.result import Analysis
    from ..model import PowerMap

__all__ = ["MatrixModel", "matrix_model", "plot_power_matrix", "power_matrix_svg"]

_SHADE = {"key_ally": "#e4f2e1", "key_target": "#fde8e4", "supporter_base": "#f0f7ee", "monitor": "#f7f7f7"}
_STANCES = ("oppose", "neutral", "support", "champion")


def _cells(rows: list[dict[str, Any]]) -> dict[str, tuple[float, float]]:
    """Spread people who share a (power, stance) cell over a small grid inside it."""
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


@dataclass(frozen=True)
class MatrixModel:
    """What a matrix picture shows, in data units (x: power 0.45–5.55, y: stance 0.45–4.55)."""

    ctx: Context
    split: float                                  # x between low and high power
    corners: dict[str, tuple[float, float, float, float]]
    placed: list[dict[str, Any]]                  # power_matrix rows of people on the chart
    spots: dict[str, tuple[float, float]]
    labelled: list[dict[str, Any]]
    note: str


def matrix_model(pm: PowerMap | Analysis, lang: str | None = None, config: dict[str, Any] | None = None,
                 label_limit: int = 40) -> MatrixModel:
    """The matrix of a map or an analysis (reusing the analysis's context when given one)."""
    ctx = pm.context if hasattr(pm, "context") else build_context(pm, config=config)
    rows = power_matrix(ctx.pm, ctx=ctx)
    split = float(ctx.cfg["matrix"]["high_power"]) - 0.5
    corners = {"key_ally": (split, 2.5, 5.55, 4.55), "key_target": (split, 0.45, 5.55, 2.5),
               "supporter_base": (0.45, 2.5, split, 4.55), "monitor": (0.45, 0.45, split, 2.5)}
    spots = _cells(rows)
    placed = [r for r in rows if r["id"] in spots]
    # Past label_limit people, only the key people (most powerful first) get a name label.
    labelled = placed if len(placed) <= label_limit else sorted(
        (r for r in placed if r["id"] in ctx.key), key=lambda r: -(r["power"] or 0))[:label_limit]
    unplaced = [r["name"] for r in rows if r["quadrant"] == "unplaced"]
    note = vocab.text("analysis.matrix.key_note", lang=lang, key_power=ctx.cfg["key_power"])
    if len(labelled) < len(placed):
        note += " " + vocab.text("analysis.matrix.labels_limited", lang=lang, count=len(labelled), total=len(placed))
    if unplaced:
        listed = vocab.text("analysis.list_sep", lang=lang).join(unplaced[:12])
        more = len(unplaced) - 12
        note = vocab.text("analysis.matrix.unplaced", lang=lang, names=listed + (f" (+{more})" if more > 0 else "")) \
            + "\n" + note
    return MatrixModel(ctx, split, corners, placed, spots, labelled, note)


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
    # Lazy: matplotlib costs ~0.5 s to import; reports use power_matrix_svg instead.
    from matplotlib.figure import Figure
    from matplotlib.patches import Rectangle

    m = matrix_model(pm, lang, config, label_limit)
    split = m.split
    fam = families()
    fig: Figure | SubFigure  # a given ax may sit in a subfigure; its own (sub)figure is returned
    if ax is None:
        fig = Figure(figsize=(8.6, 6.4))
        ax = fig.add_axes((0.16, 0.2, 0.81, 0.72))
    else:
        fig = ax.figure
    ax.set_xlim(0.45, 5.55)
    ax.set_ylim(0.45, 4.55)
    for code, (x0, y0, x1, y1) in m.corners.items():
        ax.add_patch(Rectangle((x0, y0), x1 - x0, y1 - y0, facecolor=_SHADE[code], edgecolor="none", zorder=0))
        top = y1 > 3
        ax.text(x1 - 0.06 if x0 >= split else x0 + 0.06, y1 - 0.06 if top else y0 + 0.06, quadrant_name(code, lang),
                ha="right" if x0 >= split else "left", va="top" if top else "bottom", fontsize=10,
                fontweight="bold", color="#555555", family=fam, zorder=1)
    ax.axvline(split, color="#999999", linewidth=1, linestyle="--", zorder=1)
    ax.axhline(2.5, color="#999999", linewidth=1, linestyle="--", zorder=1)
    ax.set_xticks([1, 2, 3, 4, 5], [vocab.label(str(i), "power_level", lang) for i in range(1, 6)])
    ax.set_yticks([1, 2, 3, 4], [vocab.label(s, "stance", lang) for s in _STANCES])
    for tick in ax.get_xticklabels() + ax.get_yticklabels():
        tick.set_fontfamily(fam)  # set_family is its runtime alias, not in the stubs
        tick.set_fontsize(8.5)
    ax.set_xlabel(vocab.kind_label("power_level", lang), family=fam)
    ax.set_ylabel(vocab.kind_label("stance", lang), family=fam, labelpad=10)
    ax.set_title(vocab.text("analysis.matrix.title", lang=lang), family=fam, fontsize=12, fontweight="bold")
    key = m.ctx.key
    for is_key in (False, True):  # one scatter per group keeps big maps fast
        group = [r for r in m.placed if (r["id"] in key) is is_key]
        if group:
            ax.scatter([m.spots[r["id"]][0] for r in group], [m.spots[r["id"]][1] for r in group],
                       s=130 if is_key else 60, color=[vocab.colour(r["stance"]) for r in group],
                       edgecolors="#222222", linewidths=1.4 if is_key else 0.6, zorder=3)
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
                     label_limit: int = 40) -> str:
    """The power matrix as an ``<svg>`` string (text kept as text), drawn without matplotlib.

    >>> from powermap_kit import load_map
    >>> svg = power_matrix_svg(load_map({"format": "powermap/1", "stakeholders": [
    ...     {"id": "a", "name": "王伟 <x>", "power": 5, "stance": "support"}]}), lang="zh")
    >>> svg.startswith("<svg") and "王伟 &lt;x&gt;" in svg and "关键盟友" in svg
    True
    """
    m = matrix_model(pm, lang, config, label_limit)
    left, top, pw, ph = 120.0, 46.0, 660.0, 400.0

    def sx(x: float) -> float:
        return left + (x - 0.45) / 5.1 * pw

    def sy(y: float) -> float:
        return top + (4.55 - y) / 4.1 * ph

    note = _wrap_note(m.note, 130)
    svg = Svg(left + pw + 110, top + ph + 70 + 16 * len(note), css_class="pmk-matrix-picture")
    svg.text(left + pw / 2, 22, vocab.text("analysis.matrix.title", lang=lang), size=16, anchor="middle",
             weight="bold")
    for code, (x0, y0, x1, y1) in m.corners.items():
        svg.rect(sx(x0), sy(y1), sx(x1) - sx(x0), sy(y0) - sy(y1), fill=_SHADE[code])
        right, upper = x0 >= m.split, y1 > 3
        svg.text(sx(x1) - 6 if right else sx(x0) + 6, sy(y1) + 14 if upper else sy(y0) - 10, quadrant_name(code, lang),
                 size=13, anchor="end" if right else "start", weight="bold", colour="#555555")
    svg.rect(left, top, pw, ph, fill="none", stroke="#444444")
    svg.line(sx(m.split), top, sx(m.split), top + ph, stroke="#999999", stroke_dasharray="5,4")
    svg.line(left, sy(2.5), left + pw, sy(2.5), stroke="#999999", stroke_dasharray="5,4")
    for i in range(1, 6):
        svg.text(sx(i), top + ph + 16, vocab.label(str(i), "power_level", lang), size=11, anchor="middle")
    for i, stance in enumerate(_STANCES, start=1):
        svg.text(left - 8, sy(i), vocab.label(stance, "stance", lang), size=11, anchor="end")
    svg.text(left + pw / 2, top + ph + 38, vocab.kind_label("power_level", lang), size=12, anchor="middle")
    svg.text(24, top + ph / 2, vocab.kind_label("stance", lang), size=12, anchor="middle",
             transform=f"rotate(-90 24 {top + ph / 2:.1f})")
    key = m.ctx.key
    for r in sorted(m.placed, key=lambda r: r["id"] in key):
        x, y = m.spots[r["id"]]
        is_key = r["id"] in key
        svg.circle(sx(x), sy(y), 7 if is_key else 5, fill=vocab.colour(r["stance"]), stroke="#222222",
                   stroke_width=1.4 if is_key else 0.6)
    for r in m.labelled:
        x, y = m.spots[r["id"]]
        svg.text(sx(x) + 10, sy(y), short(r["name"], 14), size=11.5,
                 weight="bold" if r["id"] in key else None)
    for i, line in enumerate(note):
        svg.text(10, top + ph + 60 + 16 * i, line, size=11, colour="#444444")
    return svg.markup()
