"""The one adapter from a :class:`~powermap_kit.PowerMap` to cytoscape.js elements, and the style.

Pure functions (no ipywidgets): :func:`to_cytoscape` turns a map into elements JSON,
:func:`cytoscape_style` builds the one selector/style list from the vocabulary, and
:func:`layout_positions` computes an org-chart, network or fishbone arrangement. Styling is data:
stance, role, power, coach flag and relationship type become CSS classes on the
elements, so a stance change is a class change, not a new element.

Positions are model data: a person's drawing position lives in ``Stakeholder.extra``
under ``"position"`` (``{"x": .., "y": ..}``), which the file format keeps, so an edit
never reshuffles the drawing.

Examples
--------
>>> import powermap_kit as pk
>>> pm = pk.PowerMap()
>>> _ = pm.add_stakeholder(id="cio", name="Wang <Wei>", roles=["decision_maker"], power=5, stance="support")
>>> _ = pm.add_stakeholder(id="mgr", name="Li Na", title="IT manager")
>>> _ = pm.add_relationship("mgr", "cio", "reports_to")
>>> els = to_cytoscape(pm, lang="en")
>>> cio = els["nodes"][0]
>>> cio["classes"]
'stance-support role-decision_maker power-5'
>>> cio["data"]["label"]
'Wang <Wei>\\nDecision maker'
>>> "Wang &lt;Wei&gt;" in cio["data"]["tooltip"]
True
>>> cio["position"]["y"] < els["nodes"][1]["position"]["y"]     # the manager sits above
True
>>> els["edges"][0]["classes"]
'rel-reports_to directed'
"""

from __future__ import annotations

import html
import math
from collections.abc import Mapping
from typing import Any

from .. import vocab
from ..model import PowerMap, Relationship, Stakeholder

__all__ = [
    "ARRANGEMENTS",
    "cytoscape_style",
    "edge_id",
    "layout_positions",
    "lens_terms",
    "place_new",
    "stored_position",
    "to_cytoscape",
    "term_label",
    "tooltip_html",
]

ARRANGEMENTS = ("org", "network", "fishbone")
"""Drawing arrangements: ``org`` (top-down by reporting lines), ``network`` (force-directed) and
``fishbone`` (the decision chain, :mod:`powermap_kit.fishbone`; positions derived from roles)."""

# Geometry of the drawing, in cytoscape model units (1 unit = 1 px at zoom 1).
DX, DY = 150.0, 135.0
NODE_SIZE = {1: 34, 2: 44, 3: 54, 4: 66, 5: 78}
COMPACT_LEAVES = 3  # a manager with this many direct reports who manage nobody gets two rows of them
UNKNOWN_POWER_SIZE = 50  # between 2 and 3: a neutral size that claims no power either way
# The vocabulary gives each relationship type its line and direction; colours are ours.
EDGE_COLOURS = {"reports_to": "#455a64", "influences": "#1f6fb4", "ally": "#2e9d3a", "conflict": "#d62728"}
DEFAULT_EDGE_COLOUR = "#607d8b"
COACH_COLOUR = "#6a1b9a"
SELECT_COLOUR = "#1565c0"
NO_ROLE_SHAPE = "octagon"
FONT = "'Noto Sans CJK SC', 'Noto Sans SC', 'Microsoft YaHei', 'PingFang SC', Helvetica, Arial, sans-serif"


# ---- lenses ---------------------------------------------------------------------------
def _framework(lens: str | None) -> dict[str, Any] | None:
    if lens in (None, "", "canonical"):
        return None
    return vocab.entry(lens, "framework")


def lens_terms(person: Stakeholder, lens: str | None = None, lang: str | None = None) -> list[str]:
    """The labels a role framework (``lens``) gives this person, in the framework's order.

    Without a lens (or ``"canonical"``) these are the person's own role labels. A term
    also matches by stance (CRM "blocker") or by the coach flag (Miller Heiman "coach").

    >>> from powermap_kit import Stakeholder
    >>> p = Stakeholder(id="a", name="A", roles=["approver"], coach=True)
    >>> lens_terms(p, "miller_heiman", lang="en")
    ['Economic buyer', 'Coach']
    """
    fw = _framework(lens)
    if fw is None:
        return [vocab.label(r, "role", lang) for r in person.roles]
    found = []
    for term in fw["roles"]:
        hit = bool(set(term["roles"]) & set(person.roles))
        hit = hit or ("stance" in term and term["stance"] == person.stance)
        hit = hit or (term.get("coach") is True and person.is_coach)
        if hit:
            found.append(term_label(term, lang))
    return found


def term_label(term: Mapping[str, Any], lang: str | None = None) -> str:
    """The label of one framework term (its own, else the canonical role's)."""
    if "label" in term:
        return str(term["label"][lang or vocab.get_language()])
    return vocab.label(term["term"], "role", lang)


# ---- positions ------------------------------------------------------------------------
def stored_position(person: Stakeholder) -> dict[str, float] | None:
    """The drawing position kept in the person's ``extra["position"]``, if it is usable."""
    pos = person.extra.get("position")
    if not isinstance(pos, Mapping):
        return None
    x, y = pos.get("x"), pos.get("y")
    if all(isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) for v in (x, y)):
        return {"x": float(x), "y": float(y)}
    return None


def _managers(pm: PowerMap) -> dict[str, str]:
    """Each person's first manager (first ``reports_to`` line), for the tree."""
    ids = set(pm.ids)
    boss: dict[str, str] = {}
    for rel in pm.relationships:
        if rel.type == "reports_to" and rel.source in ids and rel.target in ids and rel.source not in boss:
            boss[rel.source] = rel.target
    # Reporting cycles are invalid in a file, but guard so a drawing never loops.
    for start in list(boss):
        seen, node = {start}, boss.get(start)
        while node is not None:
            if node in seen:
                boss.pop(start, None)
                break
            seen.add(node)
            node = boss.get(node)
    return boss


def _org_positions(pm: PowerMap) -> dict[str, dict[str, float]]:
    boss = _managers(pm)
    children: dict[str, list[str]] = {pid: [] for pid in pm.ids}
    for pid in pm.ids:
        if pid in boss:
            children[boss[pid]].append(pid)
    roots = [pid for pid in pm.ids if pid not in boss and children[pid]]
    loners = [pid for pid in pm.ids if pid not in boss and not children[pid]]
    pos: dict[str, dict[str, float]] = {}
    slot = [0.0]
    depth_max = [0]

    def place(pid: str, depth: int) -> float:
        depth_max[0] = max(depth_max[0], depth)
        kids = children[pid]
        leaves = [k for k in kids if not children[k]]
        if len(leaves) >= COMPACT_LEAVES:
            # A wide flat team goes in two staggered rows, so the chart is not all width;
            # the lower row sits between the upper one so its lines pass in the gaps.
            xs = [place(k, depth + 1) for k in kids if children[k]]
            cols = math.ceil(len(leaves) / 2)
            for i, leaf in enumerate(leaves):
                row, col = divmod(i, cols)
                pos[leaf] = {"x": (slot[0] + col + row * 0.5) * DX, "y": (depth + 1 + row) * DY}
            xs += [slot[0], slot[0] + cols - 1]
            slot[0] += cols
            depth_max[0] = max(depth_max[0], depth + 2)
            x = (min(xs) + max(xs)) / 2
        elif kids:
            xs = [place(k, depth + 1) for k in kids]
            x = (xs[0] + xs[-1]) / 2
        else:
            x = slot[0]
            slot[0] += 1
        pos[pid] = {"x": x * DX, "y": depth * DY}
        return x

    for root in roots:
        place(root, 0)
    # People outside every reporting line go in rows under the chart.
    width = max(int(slot[0]), 6, math.ceil(math.sqrt(len(loners))))
    top = (depth_max[0] + 1) * DY if roots else 0.0
    for i, pid in enumerate(loners):
        pos[pid] = {"x": (i % width) * DX, "y": top + (i // width) * DY}
    return pos


def _network_positions(pm: PowerMap) -> dict[str, dict[str, float]]:
    import networkx as nx

    g = nx.Graph()
    g.add_nodes_from(pm.ids)
    for rel in pm.relationships:
        if rel.source in g and rel.target in g:
            g.add_edge(rel.source, rel.target)
    if len(g) == 0:
        return {}
    # A fixed seed keeps the arrangement deterministic: the same map gives the same drawing.
    raw = nx.spring_layout(g, seed=7, k=1.6 / math.sqrt(len(g)), iterations=100)
    scale = DX * max(1.5, math.sqrt(len(g)) * 0.75)
    return {pid: {"x": round(float(x) * scale, 1), "y": round(float(y) * scale, 1)} for pid, (x, y) in raw.items()}


def layout_positions(pm: PowerMap, arrangement: str = "org") -> dict[str, dict[str, float]]:
    """Positions for every person: ``"org"`` (top-down by reporting lines), ``"network"`` or
    ``"fishbone"`` (each person on the bone of their first decision-chain role).

    Deterministic, so drawing the same map twice gives the same picture.

    >>> import powermap_kit as pk
    >>> pm = pk.PowerMap()
    >>> for pid in ("boss", "a", "b"):
    ...     _ = pm.add_stakeholder(id=pid, name=pid)
    >>> _ = pm.add_relationship("a", "boss", "reports_to")
    >>> _ = pm.add_relationship("b", "boss", "reports_to")
    >>> layout_positions(pm)["boss"]
    {'x': 75.0, 'y': 0.0}
    >>> layout_positions(pm, "fishbone")["boss"]      # no chain role: in the row below the fish
    {'x': -1196.5, 'y': 335.0}
    """
    if arrangement not in ARRANGEMENTS:
        raise ValueError(f"arrangement {arrangement!r} is not one of {', '.join(ARRANGEMENTS)}")
    if arrangement == "fishbone":
        from ..fishbone import fishbone_positions  # the core module; no widget imports

        return {pid: {"x": x, "y": y} for pid, (x, y) in fishbone_positions(pm).items()}
    return _org_positions(pm) if arrangement == "org" else _network_positions(pm)


def place_new(pm: PowerMap, person_id: str, taken: Mapping[str, Mapping[str, float]]) -> dict[str, float]:
    """A free spot for a person added to a drawn map: under their manager, else below the drawing.

    ``taken`` holds the positions already used; existing people never move.
    """
    used = list(taken.values())

    def free(x: float, y: float) -> bool:
        return all(abs(p["x"] - x) > DX * 0.6 or abs(p["y"] - y) > DY * 0.5 for p in used)

    boss = _managers(pm).get(person_id)
    if boss is not None and boss in taken:
        bx, by = taken[boss]["x"], taken[boss]["y"] + DY
        for k in range(0, 200):
            x = bx + (k + 1) // 2 * DX * (1 if k % 2 else -1)
            if free(x, by):
                return {"x": x, "y": by}
    if not used:
        return {"x": 0.0, "y": 0.0}
    left = min(p["x"] for p in used)
    bottom = max(p["y"] for p in used)
    for row in range(0, 200):
        for col in range(0, 12):
            x, y = left + col * DX, bottom + row * DY
            if free(x, y):
                return {"x": x, "y": y}
    return {"x": left, "y": bottom + DY}


# ---- elements -------------------------------------------------------------------------
def _t(key: str, lang: str | None, **params: Any) -> str:
    return vocab.text(f"widgets_map.{key}", lang=lang, **params)


def tooltip_html(person: Stakeholder, lang: str | None = None, lens: str | None = None) -> str:
    """The node's tooltip: raw HTML for cytoscape, with every user-written text escaped."""
    esc = html.escape
    lines = [f"<b>{esc(person.name)}</b>"]
    where = " · ".join(esc(v) for v in (person.title, person.department) if v)
    if where:
        lines.append(where)
    stance = vocab.label(person.stance_or_unknown, "stance", lang)
    power = vocab.label(str(person.power), "power_level", lang) if person.power else _t("unknown", lang)
    lines.append(f"{esc(vocab.text('field.stance', lang))}: {esc(stance)}")
    lines.append(f"{esc(vocab.text('field.power', lang))}: {esc(power)}")
    terms = lens_terms(person, lens, lang)
    if terms:
        lines.append(f"{esc(vocab.text('field.roles', lang))}: {esc(', '.join(terms))}")
    if person.is_coach:
        lines.append(esc(_t("coach_marker", lang)))
    if person.needs:
        lines.append(f"{esc(vocab.text('field.needs', lang))}: {esc('; '.join(person.needs))}")
    return "<br>".join(lines)


def _node_classes(person: Stakeholder) -> str:
    classes = [f"stance-{person.stance_or_unknown}", f"role-{person.roles[0]}" if person.roles else "role-none"]
    classes.append(f"power-{person.power}" if person.power else "power-unknown")
    if person.is_coach:
        classes.append("coach")
    return " ".join(classes)


def _node(person: Stakeholder, lens: str | None, lang: str | None, position: dict[str, float]) -> dict[str, Any]:
    terms = lens_terms(person, lens, lang)
    label = person.name if not terms else f"{person.name}\n{' · '.join(terms)}"
    return {
        "data": {
            "id": person.id,
            "label": label,
            "tooltip": tooltip_html(person, lang, lens),
            "badge": "".join(vocab.entry(r, "role")["badge"] for r in person.roles),
        },
        "classes": _node_classes(person),
        "position": {"x": position["x"], "y": position["y"]},
    }


def edge_id(rel: Relationship, n: int = 0) -> str:
    """A stable element id for a relationship (``|`` and ``#`` cannot occur in person ids)."""
    return f"{rel.source}>{rel.target}|{rel.type}#{n}"


def _edge(rel: Relationship, index: int, n: int, lang: str | None, names: Mapping[str, str]) -> dict[str, Any]:
    esc = html.escape
    kind = vocab.label(rel.type, "relationship_type", lang)
    tip = f"{esc(names.get(rel.source, rel.source))} → {esc(names.get(rel.target, rel.target))}<br>{esc(kind)}"
    if rel.strength:
        tip += f" · {esc(vocab.label(str(rel.strength), 'relationship_strength', lang))}"
    if rel.note:
        tip += f"<br>{esc(rel.note)}"
    classes = [f"rel-{rel.type}"]
    if rel.directed:
        classes.append("directed")
    if rel.strength:
        classes.append(f"strength-{rel.strength}")
    return {
        "data": {"id": edge_id(rel, n), "source": rel.source, "target": rel.target, "index": index, "tooltip": tip},
        "classes": " ".join(classes),
    }


def to_cytoscape(pm: PowerMap, lens: str | None = None, lang: str | None = None,
                 positions: Mapping[str, Mapping[str, float]] | None = None,
                 arrangement: str = "org") -> dict[str, list[dict[str, Any]]]:
    """The map as cytoscape.js elements JSON: ``{"nodes": [...], "edges": [...]}``.

    Each node carries ``data`` (id, label, escaped HTML tooltip, role badges), ``classes``
    (stance, primary role, power, coach) and ``position``: from ``positions`` when given,
    else the stored ``extra["position"]``, else the ``arrangement`` layout. ``lens`` is a
    role framework code (vocabulary kind ``framework``) that relabels roles.
    Relationships naming nobody on the map are left out.
    """
    _framework(lens)  # reject an unknown lens early, naming the allowed ones
    given = dict(positions or {})
    missing = [p.id for p in pm.stakeholders if p.id not in given and stored_position(p) is None]
    computed = layout_positions(pm, arrangement) if missing else {}
    nodes = []
    for person in pm.stakeholders:
        pos = given.get(person.id) or stored_position(person) or computed.get(person.id) or {"x": 0.0, "y": 0.0}
        nodes.append(_node(person, lens, lang, dict(pos)))
    ids = set(pm.ids)
    names = {p.id: p.name for p in pm.stakeholders}
    seen: dict[str, int] = {}
    edges = []
    for index, rel in enumerate(pm.relationships):
        if rel.source not in ids or rel.target not in ids:
            continue
        key = edge_id(rel)
        n = seen.get(key, 0)
        seen[key] = n + 1
        edges.append(_edge(rel, index, n, lang, names))
    return {"nodes": nodes, "edges": edges}


# ---- style ----------------------------------------------------------------------------
def _darker(colour: str, factor: float = 0.6) -> str:
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return "#{:02x}{:02x}{:02x}".format(*(int(c * factor) for c in (r, g, b)))


def cytoscape_style() -> list[dict[str, Any]]:
    """The selector/style list for :func:`to_cytoscape` elements, built from the vocabulary.

    Later entries win, so the order is: base, role shapes, power sizes, stances, coach,
    selection, then edges by relationship type and strength.
    """
    style: list[dict[str, Any]] = [
        {"selector": "node", "style": {
            "label": "data(label)", "font-family": FONT, "font-size": 16, "color": "#212121",
            "text-valign": "bottom", "text-halign": "center", "text-margin-y": 5,
            "text-wrap": "wrap", "text-max-width": 138, "text-background-color": "#ffffff",
            "text-background-opacity": 0.85, "text-background-padding": 2, "text-background-shape": "roundrectangle",
            "border-width": 2, "border-color": "#424242", "shape": NO_ROLE_SHAPE,
            "width": UNKNOWN_POWER_SIZE, "height": UNKNOWN_POWER_SIZE}},
    ]
    for role in vocab.entries("role"):
        style.append({"selector": f"node.role-{role['code']}", "style": {"shape": role["shape"]}})
    for level, size in NODE_SIZE.items():
        style.append({"selector": f"node.power-{level}", "style": {"width": size, "height": size}})
    for stance in vocab.entries("stance"):
        colour = stance["colour"]
        css: dict[str, Any] = {"background-color": colour, "border-color": _darker(colour)}
        if stance["code"] == "unknown":
            # Unknown is an information gap, not a colour among others: paler, dashed outline.
            css.update({"background-opacity": 0.45, "border-style": "dashed", "border-width": 3,
                        "border-color": "#424242"})
        style.append({"selector": f"node.stance-{stance['code']}", "style": css})
    style += [
        {"selector": "node.coach", "style": {
            "border-width": 7, "border-style": "double", "border-color": COACH_COLOUR}},
        {"selector": "node.selected", "style": {
            "overlay-color": SELECT_COLOUR, "overlay-opacity": 0.22, "overlay-padding": 9, "font-weight": "bold"}},
        {"selector": "edge", "style": {
            "curve-style": "bezier", "width": 2, "line-color": DEFAULT_EDGE_COLOUR,
            "target-arrow-color": DEFAULT_EDGE_COLOUR, "arrow-scale": 1.3}},
    ]
    for rel in vocab.entries("relationship_type"):
        colour = EDGE_COLOURS.get(rel["code"], DEFAULT_EDGE_COLOUR)
        css = {"line-color": colour, "target-arrow-color": colour, "line-style": rel["line"]}
        if rel["directed"]:
            css["target-arrow-shape"] = "triangle" if rel["line"] == "solid" else "vee"
        if rel["line"] == "dotted":
            # cytoscape's own dots blur into a solid line when zoomed out: round dots, wider gaps.
            css.update({"line-style": "dashed", "line-dash-pattern": [0.1, 7], "line-cap": "round", "width": 3.5})
        style.append({"selector": f"edge.rel-{rel['code']}", "style": css})
    for strength, width in ((1, 1.5), (2, 3), (3, 4.5)):
        style.append({"selector": f"edge.strength-{strength}", "style": {"width": width}})
    # Removed people and lines stay in the widget, hidden (see MapView._sync).
    style.append({"selector": ".hidden", "style": {"display": "none"}})
    return style
