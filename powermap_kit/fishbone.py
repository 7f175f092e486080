"""The decision chain as a fishbone chart (鱼骨图, seed 002: a power map drawn as a fishbone).

The decision sits at the head; one bone per role group of the decision chain — approver,
decision maker, evaluators, influencers, purchaser, users — leaves the spine, and each
person is a labelled tick on the bone of the first chain role they are recorded with
(every role shows as a badge letter, and each bone lists the other holders of its role as
"also"), coloured by stance (:func:`powermap_kit.vocab.colour`). A bone nobody holds is
drawn dashed: a gap in the chain. People with no chain role (gatekeepers, observers, no
role yet) stand in a row below the fish.

Three uses, one geometry:

* :func:`fishbone_layout` / :func:`fishbone_positions` — pure layout, ``id → (x, y)`` in
  cytoscape units (1 unit = 1 px at zoom 1, **y grows downward**), with the bones, head and
  tail, so ``MapView`` can draw it with cytoscape's ``preset`` layout;
* :func:`fishbone_elements` and :func:`fishbone_style` — the spine, bones and ticks as
  cytoscape elements (non-interactive helper nodes whose ids start with ``fishbone:``, which
  no stakeholder id can) to draw around the people's own nodes, and
  :func:`fishbone_edge_classes` to hide the map's reporting lines meanwhile;
* :func:`fishbone_figure` / :func:`fishbone_svg` — a static picture for reports (matplotlib
  imported lazily; SVG keeps text as text so Chinese names stay text); :func:`fishbone_html`
  puts it in a scroll box that opens at the head, for notebooks and widgets.

Bone pairs from the head: approver above and decision maker below, then evaluators above
and influencers below, then purchaser above and users below — the nearer the head, the
nearer the decision. Ticks alternate left and right of their bone, so a crowded bone stays
readable; every position is deterministic.

>>> from powermap_kit import load_map
>>> pm = load_map({"format": "powermap/1", "stakeholders": [
...     {"id": "gm", "name": "Zhou", "roles": ["approver"]},
...     {"id": "it", "name": "Wang", "roles": ["decision_maker", "evaluator"]},
...     {"id": "pa", "name": "Li", "roles": ["gatekeeper"]}]})
>>> fb = fishbone_layout(pm)
>>> fb.group_of["it"], fb.bone("decision_maker").people, fb.bone("evaluator").also, fb.outside
('decision_maker', ('it',), ('it',), ('pa',))
>>> pos = fishbone_positions(pm)
>>> pos["gm"][1] < 0 < pos["it"][1]          # approver above the spine, decision maker below
True
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from . import vocab

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from .model import PowerMap, Stakeholder

__all__ = [
    "GROUPS",
    "Bone",
    "Fishbone",
    "bone_group",
    "fishbone_edge_classes",
    "fishbone_elements",
    "fishbone_figure",
    "fishbone_html",
    "fishbone_layout",
    "fishbone_positions",
    "fishbone_style",
    "fishbone_svg",
]

GROUPS: tuple[str, ...] = ("approver", "decision_maker", "evaluator", "influencer", "purchaser", "user")
"""The bones, in decision-chain order (seed 003's five roles plus seed 000's users)."""

# Geometry in cytoscape units. Ticks alternate sides, so same-side neighbours are 2 × STEP apart.
STEP = 80.0          # distance along the spine's normal between consecutive ticks on a bone
FIRST = 75.0         # from the spine to the first tick
BEYOND = 90.0        # from the last tick to the bone's tip (clear of a cytoscape node's label)
EMPTY_BONE = 130.0   # height of a bone nobody is on
TICK = 95.0          # tick length (bone to person)
SLANT = 0.55         # a bone leans towards the tail: x shift per unit of height
HEAD_GAP = 150.0     # head to the first pair of bones
PAIR_GAP = 440.0     # between pairs of bones along the spine
OUTSIDE_GAP = 150.0  # from the lowest bone to the row of people outside the chain
OUTSIDE_STEP = 175.0
OUTSIDE_PER_ROW = 8
HEAD_WIDTH = 180.0


@dataclass(frozen=True)
class Bone:
    """One bone: its role group, side (−1 above the spine, +1 below), root on the spine, tip,
    the people ticked on it, and ``also``: holders of the role who sit on another bone."""

    group: str
    side: int
    root: tuple[float, float]
    tip: tuple[float, float]
    people: tuple[str, ...]
    also: tuple[str, ...] = ()


@dataclass(frozen=True)
class Fishbone:
    """The whole geometry: people's positions, where their ticks leave the bone, bones, head, tail."""

    positions: dict[str, tuple[float, float]]
    anchors: dict[str, tuple[float, float]]
    bones: tuple[Bone, ...]
    head: tuple[float, float]
    tail: tuple[float, float]
    outside: tuple[str, ...]
    outside_label: tuple[float, float]
    group_of: dict[str, str | None] = field(default_factory=dict)

    def bone(self, group: str) -> Bone:
        """The bone of a role group (``approver`` ... ``user``)."""
        for bone in self.bones:
            if bone.group == group:
                return bone
        raise KeyError(f"{group!r} is not one of {', '.join(GROUPS)}")

    def extent(self) -> tuple[float, float, float, float]:
        """``(xmin, ymin, xmax, ymax)`` of everything drawn."""
        xs = [p[0] for p in self.positions.values()] + [self.tail[0], self.head[0] + HEAD_WIDTH]
        ys = [p[1] for p in self.positions.values()] + [b.tip[1] for b in self.bones] + [self.outside_label[1]]
        xs += [b.tip[0] for b in self.bones]
        return min(xs), min(ys), max(xs), max(ys)


def bone_group(person: Stakeholder) -> str | None:
    """The bone a person sits on: the first of their roles (in the order recorded) that is a
    decision-chain group, or ``None``.

    >>> from powermap_kit import Stakeholder
    >>> bone_group(Stakeholder(id="a", name="A", roles=["gatekeeper", "user", "evaluator"]))
    'user'
    """
    return next((r for r in person.roles if r in GROUPS), None)


def _r(value: float) -> float:
    return round(value, 1)


def fishbone_layout(pm: PowerMap) -> Fishbone:
    """The fishbone geometry of a map (see the module docstring)."""
    group_of = {p.id: bone_group(p) for p in pm.stakeholders}
    members = {g: tuple(pid for pid in pm.ids if group_of[pid] == g) for g in GROUPS}
    positions: dict[str, tuple[float, float]] = {}
    anchors: dict[str, tuple[float, float]] = {}
    bones = []
    for index, group in enumerate(GROUPS):
        pair, side = divmod(index, 2)
        sign = -1 if side == 0 else 1  # first of a pair above the spine (screen y is negative there)
        root_x = -HEAD_GAP - pair * PAIR_GAP
        people = members[group]
        height = FIRST + (len(people) - 1) * STEP + BEYOND if people else EMPTY_BONE
        for i, pid in enumerate(people):
            depth = FIRST + i * STEP
            ax, ay = root_x - SLANT * depth, sign * depth
            anchors[pid] = (_r(ax), _r(ay))
            positions[pid] = (_r(ax - TICK if i % 2 == 0 else ax + TICK), _r(ay))
        also = tuple(p.id for p in pm.stakeholders if group in p.roles and p.id not in people)
        bones.append(Bone(group, sign, (_r(root_x), 0.0), (_r(root_x - SLANT * height), _r(sign * height)),
                          people, also))
    tail_x = min(b.tip[0] for b in bones) - TICK - 60.0
    outside = tuple(pid for pid in pm.ids if group_of[pid] is None)
    low = max(b.tip[1] for b in bones)
    top = low + OUTSIDE_GAP
    for i, pid in enumerate(outside):
        row, col = divmod(i, OUTSIDE_PER_ROW)
        positions[pid] = (_r(tail_x + 60.0 + col * OUTSIDE_STEP), _r(top + 55.0 + row * 130.0))
    return Fishbone(positions={pid: positions[pid] for pid in pm.ids}, anchors=anchors, bones=tuple(bones),
                    head=(0.0, 0.0), tail=(_r(tail_x), 0.0), outside=outside, outside_label=(_r(tail_x), _r(top)),
                    group_of=group_of)


def fishbone_positions(pm: PowerMap) -> dict[str, tuple[float, float]]:
    """Every person's ``(x, y)`` on the fishbone, in cytoscape units (y grows downward).

    For ``MapView``: ``{pid: {"x": x, "y": y} for pid, (x, y) in fishbone_positions(pm).items()}``
    with the ``preset`` layout.
    """
    return fishbone_layout(pm).positions


# ---- labels shared by the views ----------------------------------------------------------
def _t(key: str, lang: str | None, **params: Any) -> str:
    return vocab.text(f"intel.fishbone.{key}", lang=lang, **params)


def _bone_label(bone: Bone, names: dict[str, str], lang: str | None) -> str:
    """The bone's role and head count, then the other holders ("also: ...") or "nobody recorded"."""
    text = _t("bone", lang, role=vocab.label(bone.group, "role", lang), count=len(bone.people))
    if bone.also:
        shown = [names[pid] for pid in bone.also[:4]] + (["…"] if len(bone.also) > 4 else [])
        text += "\n" + _t("also", lang, names=vocab.text("analysis.list_sep", lang=lang).join(shown))
    elif not bone.people:
        text += "\n" + _t("nobody", lang)
    return text


def _wrap(text: str, width: int) -> str:
    """Break a line into lines of about ``width`` columns (a Chinese character counts 2)."""
    lines, line, used = [], "", 0
    for word in re.findall(r"[\u2e80-\u9fff\uff00-\uffef]|\S+\s*", text):
        size = sum(2 if ord(ch) > 0x2e7f else 1 for ch in word.rstrip())
        if line and used + size > width:
            lines.append(line.rstrip())
            line, used = "", 0
        line += word
        used += size + (len(word) - len(word.rstrip()))
    if line.strip():
        lines.append(line.rstrip())
    return "\n".join(lines)


def _head_label(pm: PowerMap, lang: str | None) -> str:
    mode = pm.opportunity.decision_mode
    head = _t("head", lang)
    return f"{head}\n{_wrap(vocab.label(mode, 'decision_mode', lang), 24)}" if mode else head


def _badges(person: Stakeholder) -> str:
    return "·".join(vocab.entry(r, "role")["badge"] for r in person.roles)


# ---- cytoscape scaffold ------------------------------------------------------------------
PREFIX = "fishbone:"
HIDDEN = "fishbone-hidden"
HIDDEN_LINES = ("reports_to",)
"""Relationship types a fishbone view hides: reporting lines cut across the bones and say
nothing the chart does not (influence, alliance and conflict lines stay)."""


def fishbone_edge_classes(classes: str) -> str:
    """The classes a view gives one of the map's own edges while it shows the fishbone.

    >>> fishbone_edge_classes("rel-reports_to directed"), fishbone_edge_classes("rel-conflict")
    ('rel-reports_to directed fishbone-hidden', 'rel-conflict')
    """
    hidden = any(f"rel-{kind}" in classes.split() for kind in HIDDEN_LINES)
    return f"{classes} {HIDDEN}" if hidden else classes


def fishbone_elements(pm: PowerMap, lang: str | None = None,
                      layout: Fishbone | None = None) -> dict[str, list[dict[str, Any]]]:
    """The spine, bones, labels and ticks as cytoscape elements, to add to the people's nodes.

    Helper nodes are locked, not grabbable or selectable, and carry the ``fishbone`` class;
    a tick is an edge from its bone to the person's own node (id = stakeholder id), with the
    person's stance as a class. Element ids start with ``fishbone:``.
    """
    fb = layout or fishbone_layout(pm)
    fixed = {"locked": True, "grabbable": False, "selectable": False}

    def node(nid: str, pos: tuple[float, float], classes: str, label: str = "") -> dict[str, Any]:
        return {"data": {"id": PREFIX + nid, "label": label}, "position": {"x": pos[0], "y": pos[1]},
                "classes": f"fishbone {classes}", **fixed}

    def edge(eid: str, source: str, target: str, classes: str) -> dict[str, Any]:
        return {"data": {"id": PREFIX + eid, "source": source, "target": target}, "classes": f"fishbone {classes}"}

    nodes = [node("head", (fb.head[0] + HEAD_WIDTH / 2, 0.0), "fishbone-head", _head_label(pm, lang)),
             node("tail", fb.tail, "fishbone-point")]
    edges = []
    roots = sorted({b.root for b in fb.bones}, key=lambda p: p[0])
    chain = [PREFIX + "tail"]
    for i, root in enumerate(roots):
        nodes.append(node(f"root:{i}", root, "fishbone-point"))
        chain.append(f"{PREFIX}root:{i}")
    chain.append(PREFIX + "head")
    edges += [edge(f"spine:{i}", a, b, "fishbone-spine") for i, (a, b) in enumerate(zip(chain, chain[1:]))]
    root_ids = {root: f"{PREFIX}root:{i}" for i, root in enumerate(roots)}
    by_id = {p.id: p for p in pm.stakeholders}
    names = {p.id: p.name for p in pm.stakeholders}
    for bone in fb.bones:
        empty = "" if bone.people or bone.also else " fishbone-empty"
        nodes.append(node(f"tip:{bone.group}", bone.tip, f"fishbone-tip fishbone-{'up' if bone.side < 0 else 'down'}"
                          + empty, _bone_label(bone, names, lang)))
        edges.append(edge(f"bone:{bone.group}", root_ids[bone.root], f"{PREFIX}tip:{bone.group}",
                          "fishbone-bone" + empty))
        for pid in bone.people:
            nodes.append(node(f"at:{pid}", fb.anchors[pid], "fishbone-point"))
            stance = by_id[pid].stance_or_unknown
            edges.append(edge(f"tick:{pid}", f"{PREFIX}at:{pid}", pid, f"fishbone-tick fishbone-tick-{stance}"))
    if fb.outside:
        nodes.append(node("outside", fb.outside_label, "fishbone-note", _t("outside", lang)))
    return {"nodes": nodes, "edges": edges}


def fishbone_style() -> list[dict[str, Any]]:
    """Cytoscape style entries for :func:`fishbone_elements` (append after the map's own style)."""
    style: list[dict[str, Any]] = [
        {"selector": "node.fishbone", "style": {
            "events": "no", "background-opacity": 0, "border-width": 0, "width": 1, "height": 1,
            "shape": "ellipse", "label": "data(label)", "font-size": 14, "color": "#37474f",
            "text-wrap": "wrap", "text-max-width": 260, "text-valign": "center", "text-halign": "center",
            "text-background-opacity": 0}},
        {"selector": "node.fishbone-up", "style": {"text-valign": "top", "font-weight": "bold"}},
        {"selector": "node.fishbone-down", "style": {"text-valign": "bottom", "font-weight": "bold"}},
        {"selector": "node.fishbone-empty", "style": {"color": "#9e9e9e"}},
        {"selector": "node.fishbone-note", "style": {"text-halign": "right", "font-style": "italic",
                                                     "color": "#616161"}},
        {"selector": "node.fishbone-head", "style": {
            "shape": "round-rectangle", "width": HEAD_WIDTH, "height": 64, "background-color": "#eceff1",
            "background-opacity": 1, "border-width": 2, "border-color": "#455a64", "font-weight": "bold",
            "text-max-width": HEAD_WIDTH - 10}},
        {"selector": "edge.fishbone", "style": {"events": "no", "curve-style": "straight", "line-color": "#90a4ae",
                                                "width": 3, "target-arrow-shape": "none"}},
        {"selector": "edge.fishbone-spine", "style": {"width": 6, "line-color": "#607d8b"}},
        {"selector": "edge.fishbone-empty", "style": {"line-style": "dashed", "line-color": "#cfd8dc"}},
        {"selector": "edge.fishbone-tick", "style": {"width": 2}},
        {"selector": f"edge.{HIDDEN}", "style": {"display": "none"}},
    ]
    # One class per selector: ipycytoscape 1.3.3 does not match compound selectors like "edge.a.b".
    for stance in vocab.entries("stance"):
        style.append({"selector": f"edge.fishbone-tick-{stance['code']}",
                      "style": {"line-color": stance["colour"],
                                **({"line-style": "dashed"} if stance["code"] == "unknown" else {})}})
    return style


# ---- static picture ----------------------------------------------------------------------
_PX_PER_INCH = 115.0


def fishbone_figure(pm: PowerMap, lang: str | None = None, title: str | None = None) -> Figure:
    """The fishbone as a matplotlib figure (people's ticks and dots coloured by stance)."""
    from matplotlib.figure import Figure
    from matplotlib.patches import FancyBboxPatch, Patch

    from .picture import _families, _short, _warn_raster

    fb = fishbone_layout(pm)
    people = {p.id: p for p in pm.stakeholders}
    fam = _families()
    xmin, ymin, xmax, ymax = fb.extent()
    xmin, xmax = xmin - 120, xmax + 30
    ymin, ymax = ymin - 60, ymax + 40
    width = max(7.0, (xmax - xmin) / _PX_PER_INCH)
    height = max(4.0, (ymax - ymin) / _PX_PER_INCH + 0.9)
    fig = Figure(figsize=(width, height))
    bottom = 0.75 / height
    ax = fig.add_axes((0.0, bottom, 1.0, 1.0 - bottom - 0.35 / height))
    ax.set_xlim(xmin, xmax)
    ax.set_ylim(ymax, ymin)  # cytoscape's y grows downward; keep the same picture
    ax.set_aspect("equal")
    ax.set_axis_off()
    texts: list[str | None] = []
    ax.plot([fb.tail[0], fb.head[0]], [0, 0], color="#607d8b", linewidth=4, solid_capstyle="round", zorder=1)
    head = _head_label(pm, lang)
    tall = 26 + 17 * head.count("\n")
    ax.add_patch(FancyBboxPatch((fb.head[0], -tall), HEAD_WIDTH, 2 * tall, boxstyle="round,pad=4,rounding_size=14",
                                facecolor="#eceff1", edgecolor="#455a64", linewidth=1.5, zorder=2))
    ax.text(fb.head[0] + HEAD_WIDTH / 2, 0, head, ha="center", va="center", fontsize=8.5, fontweight="bold",
            family=fam, zorder=3, linespacing=1.3)
    texts.append(head)
    names = {pid: _short(p.name, 12) for pid, p in people.items()}
    for bone in fb.bones:
        empty = not bone.people and not bone.also
        ax.plot([bone.root[0], bone.tip[0]], [bone.root[1], bone.tip[1]], color="#cfd8dc" if empty else "#90a4ae",
                linewidth=2.2, linestyle="--" if empty else "-", zorder=1)
        head_line, _, rest = _bone_label(bone, names, lang).partition("\n")
        up = bone.side < 0
        ax.text(bone.tip[0], bone.tip[1] + bone.side * 12, head_line + ("\n" if rest and not up else ""),
                ha="center", va="bottom" if up else "top", fontsize=9.5, fontweight="bold",
                color="#9e9e9e" if empty else "#37474f", family=fam, zorder=3)
        if rest:  # "also: ..." or "nobody recorded", in small type beyond the role name
            ax.text(bone.tip[0], bone.tip[1] + bone.side * (34 if up else 30), rest, ha="center",
                    va="bottom" if up else "top", fontsize=7.5, color="#757575", family=fam, zorder=3)
        texts += [head_line, rest]
        for i, pid in enumerate(bone.people):
            person = people[pid]
            colour = vocab.colour(person.stance)
            (ax_, ay), (px, py) = fb.anchors[pid], fb.positions[pid]
            unknown = person.stance_or_unknown == "unknown"
            ax.plot([ax_, px], [ay, py], color=colour, linewidth=2, linestyle=":" if unknown else "-", zorder=2)
            size = 30 + 14 * (person.power or 2)
            ax.scatter([px], [py], s=size, color="white" if unknown else colour, edgecolors="#424242" if unknown
                       else colour, linewidths=1.2, zorder=4)
            name = _short(person.name, 18) + (" ★" if person.is_coach else "")
            badges = _badges(person)
            left = i % 2 == 0
            ax.text(px + (-9 if left else 9), py - 2, name, ha="right" if left else "left", va="bottom", fontsize=8.5,
                    family=fam, zorder=5, fontweight="bold")
            if badges:
                ax.text(px + (-9 if left else 9), py + 2, badges, ha="right" if left else "left", va="top",
                        fontsize=7, color="#616161", family=fam, zorder=5)
            texts.append(name)
    if fb.outside:
        note = _t("outside", lang)
        ax.text(fb.outside_label[0], fb.outside_label[1], note, ha="left", va="center", fontsize=8.5,
                style="italic", color="#616161", family=fam)
        texts.append(note)
        for pid in fb.outside:
            person = people[pid]
            px, py = fb.positions[pid]
            unknown = person.stance_or_unknown == "unknown"
            colour = vocab.colour(person.stance)
            ax.scatter([px], [py], s=30 + 14 * (person.power or 2), color="white" if unknown else colour,
                       edgecolors="#424242" if unknown else colour, linewidths=1.2, zorder=4)
            name = _short(person.name, 18) + (" ★" if person.is_coach else "")
            ax.text(px + 9, py - 2, name, ha="left", va="bottom", fontsize=8.5, family=fam, fontweight="bold")
            badges = _badges(person)
            if badges:
                ax.text(px + 9, py + 2, badges, ha="left", va="top", fontsize=7, color="#616161", family=fam)
            texts.append(name)
    heading = title if title is not None else _default_title(pm, lang)
    if heading:
        fig.text(0.01, 1 - 0.12 / height, heading, ha="left", va="top", fontsize=11, fontweight="bold", family=fam)
    handles = [Patch(facecolor="white" if s == "unknown" else vocab.colour(s), edgecolor="#424242" if s == "unknown"
                     else vocab.colour(s), label=vocab.label(s, "stance", lang)) for s in vocab.STANCES]
    legend = fig.legend(handles=handles, loc="lower left", bbox_to_anchor=(0.01, 0.28 / height), ncol=5,
                        frameon=False, prop={"family": fam, "size": 8})
    legend.set_in_layout(False)
    key = _t("key", lang)
    fig.text(0.01, 0.08 / height, key, ha="left", va="bottom", fontsize=7.5, color="#555555", family=fam)
    texts += [heading, key]
    _warn_raster(texts)
    return fig


def _default_title(pm: PowerMap, lang: str | None) -> str:
    from .picture import _short

    return _t("title", lang, name=_short(pm.opportunity.name or pm.account.name or "", 70))


def fishbone_html(pm: PowerMap, lang: str | None = None, max_height: str | None = None) -> str:
    """The fishbone for a notebook or a widget: title, a hint, and the SVG at its natural size
    (smaller text would not be readable) in a box that scrolls and opens at the fish's head.

    >>> from powermap_kit import load_map
    >>> html = fishbone_html(load_map({"format": "powermap/1", "stakeholders": []}), lang="en")
    >>> "direction:rtl" in html and "<svg" in html
    True
    """
    import html as _html

    limit = f"max-height:{max_height};" if max_height else ""
    # A right-to-left scroll box starts at its right end; the inner box turns the direction back.
    return (f'<div class="pmk-fishbone-picture"><div style="font-weight:bold;margin:2px 0">'
            f'{_html.escape(_default_title(pm, lang))}</div>'
            f'<div style="color:#666;font-size:85%;margin:0 0 4px">{_html.escape(_t("scroll_hint", lang))}</div>'
            f'<div style="direction:rtl;overflow:auto;width:0;min-width:100%;{limit}">'
            f'<div style="direction:ltr;display:inline-block">{fishbone_svg(pm, lang, title="")}</div></div></div>')


def fishbone_svg(pm: PowerMap, lang: str | None = None, title: str | None = None) -> str:
    """The fishbone as an ``<svg>`` string with text kept as text, for reports and notebooks.

    >>> from powermap_kit import load_map
    >>> svg = fishbone_svg(load_map({"format": "powermap/1", "stakeholders": [
    ...     {"id": "a", "name": "王伟 <x>", "roles": ["purchaser"], "stance": "oppose"}]}), lang="zh")
    >>> svg.startswith("<svg") and "王伟 &lt;x&gt;" in svg and "采购执行者" in svg
    True
    """
    from .picture import CJKFontWarning, figure_svg

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CJKFontWarning)  # the browser draws SVG text with its own fonts
        fig = fishbone_figure(pm, lang=lang, title=title)
    return figure_svg(fig)
