"""The one adapter from a :class:`~powermap_kit.PowerMap` to cytoscape.js elements, and the style.

Pure functions (no ipywidgets): :func:`to_cytoscape` turns a map into elements JSON,
:func:`cytoscape_style` builds the one selector/style list from the vocabulary. In the
fishbone arrangement the same adapter adds the spine, bones and ticks around the people
(:func:`fishbone_elements`) and hides reporting lines. Positions come from
:mod:`powermap_kit.widgets.positions` (re-exported here). Styling is data:
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

from collections.abc import Mapping
from typing import Any

from .. import localize, vocab
from ..fishbone import HEAD_WIDTH, Fishbone, bone_label, fishbone_layout, fishbone_text, head_label
from ..model import PowerMap, Relationship, Stakeholder
from ..render.templates import macro
from .lenses import framework, lens_terms, term_label
from .positions import ARRANGEMENTS, layout_positions, place_new, stored_position

__all__ = [
    "ARRANGEMENTS",
    "cytoscape_style",
    "edge_id",
    "fishbone_edge_classes",
    "fishbone_elements",
    "fishbone_style",
    "layout_positions",
    "lens_terms",
    "place_new",
    "stored_position",
    "to_cytoscape",
    "term_label",
    "tooltip_html",
]

# Node sizes in cytoscape model units (1 unit = 1 px at zoom 1).
NODE_SIZE = {1: 34, 2: 44, 3: 54, 4: 66, 5: 78}
UNKNOWN_POWER_SIZE = 50  # between 2 and 3: a neutral size that claims no power either way
# The vocabulary gives each relationship type its line and direction; colours are ours.
EDGE_COLOURS = {"reports_to": "#455a64", "influences": "#1f6fb4", "ally": "#2e9d3a", "conflict": "#d62728"}
DEFAULT_EDGE_COLOUR = "#607d8b"
COACH_COLOUR = "#6a1b9a"
SELECT_COLOUR = "#1565c0"
NO_ROLE_SHAPE = "octagon"
FONT = "'Noto Sans CJK SC', 'Noto Sans SC', 'Microsoft YaHei', 'PingFang SC', Helvetica, Arial, sans-serif"


# ---- elements -------------------------------------------------------------------------
def _t(key: str, lang: str | None, **params: Any) -> str:
    return vocab.text(f"widgets_map.{key}", lang=lang, **params)


def tooltip_html(person: Stakeholder, lang: str | None = None, lens: str | None = None) -> str:
    """The node's tooltip: raw HTML for cytoscape (the ``tooltip`` macro escapes every text)."""
    lines: list[tuple[str, str]] = []
    where = " · ".join(v for v in (localize.text(person, "title", lang), localize.text(person, "department", lang)) if v)
    if where:
        lines.append(("", where))
    stance = vocab.label(person.stance_or_unknown, "stance", lang)
    power = vocab.label(str(person.power), "power_level", lang) if person.power else _t("unknown", lang)
    lines.append((vocab.text("field.stance", lang), stance))
    lines.append((vocab.text("field.power", lang), power))
    terms = lens_terms(person, lens, lang)
    if terms:
        lines.append((vocab.text("field.roles", lang), ", ".join(terms)))
    if person.is_coach:
        lines.append(("", _t("coach_marker", lang)))
    if person.needs:
        lines.append((vocab.text("field.needs", lang), "; ".join(localize.text(person, "needs", lang))))
    return str(macro("tooltip", lang=lang)(localize.person_name(person, lang), lines))


def _node_classes(person: Stakeholder) -> str:
    classes = [f"stance-{person.stance_or_unknown}", f"role-{person.roles[0]}" if person.roles else "role-none"]
    classes.append(f"power-{person.power}" if person.power else "power-unknown")
    if person.is_coach:
        classes.append("coach")
    return " ".join(classes)


def _node(person: Stakeholder, lens: str | None, lang: str | None, position: dict[str, float]) -> dict[str, Any]:
    terms = lens_terms(person, lens, lang)
    name = localize.person_name(person, lang)
    label = name if not terms else f"{name}\n{' · '.join(terms)}"
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
    kind = vocab.label(rel.type, "relationship_type", lang)
    if rel.strength:
        kind += " · " + vocab.label(str(rel.strength), "relationship_strength", lang)
    lines = [("", f"{names.get(rel.source, rel.source)} → {names.get(rel.target, rel.target)}"), ("", kind)]
    if rel.note:
        lines.append(("", rel.note))
    tip = str(macro("tooltip", lang=lang)("", lines))
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

    In the ``fishbone`` arrangement people stand where their roles put them (stored
    positions are ignored; ``positions`` still win), show only their name, reporting lines
    are hidden and the spine, bones and ticks of :func:`fishbone_elements` are added.
    """
    framework(lens)  # reject an unknown lens early, naming the allowed ones
    given = dict(positions or {})
    fishbone = arrangement == "fishbone"
    layout = fishbone_layout(pm) if fishbone else None
    if layout is not None:
        computed = {pid: {"x": x, "y": y} for pid, (x, y) in layout.positions.items()}
    else:
        missing = [p.id for p in pm.stakeholders if p.id not in given and stored_position(p) is None]
        computed = layout_positions(pm, arrangement) if missing else {}
    nodes = []
    for person in pm.stakeholders:
        stored = None if fishbone else stored_position(person)
        pos = given.get(person.id) or stored or computed.get(person.id) or {"x": 0.0, "y": 0.0}
        node = _node(person, lens, lang, dict(pos))
        if fishbone:  # the bone says the role; the name goes above people above the spine
            node["data"]["label"] = localize.person_name(person, lang)
            node["classes"] += " fishbone-person" + (" fishbone-above" if node["position"]["y"] < 0 else "")
        nodes.append(node)
    ids = set(pm.ids)
    names = {p.id: localize.person_name(p, lang) for p in pm.stakeholders}
    seen: dict[str, int] = {}
    edges = []
    for index, rel in enumerate(pm.relationships):
        if rel.source not in ids or rel.target not in ids:
            continue
        key = edge_id(rel)
        n = seen.get(key, 0)
        seen[key] = n + 1
        edge = _edge(rel, index, n, lang, names)
        if fishbone:
            edge["classes"] = fishbone_edge_classes(edge["classes"])
        edges.append(edge)
    if layout is None:
        return {"nodes": nodes, "edges": edges}
    scaffold = fishbone_elements(pm, lang, layout)
    return {"nodes": nodes + scaffold["nodes"], "edges": edges + scaffold["edges"]}


# ---- the fishbone's scaffold ------------------------------------------------------------
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

    nodes = [node("head", (fb.head[0] + HEAD_WIDTH / 2, 0.0), "fishbone-head", head_label(pm, lang)),
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
    names = {p.id: localize.person_name(p, lang) for p in pm.stakeholders}
    for bone in fb.bones:
        empty = "" if bone.people or bone.also else " fishbone-empty"
        nodes.append(node(f"tip:{bone.group}", bone.tip, f"fishbone-tip fishbone-{'up' if bone.side < 0 else 'down'}"
                          + empty, bone_label(bone, names, lang)))
        edges.append(edge(f"bone:{bone.group}", root_ids[bone.root], f"{PREFIX}tip:{bone.group}",
                          "fishbone-bone" + empty))
        for pid in bone.people:
            nodes.append(node(f"at:{pid}", fb.anchors[pid], "fishbone-point"))
            stance = by_id[pid].stance_or_unknown
            edges.append(edge(f"tick:{pid}", f"{PREFIX}at:{pid}", pid, f"fishbone-tick fishbone-tick-{stance}"))
    if fb.outside:
        nodes.append(node("outside", fb.outside_label, "fishbone-note", fishbone_text("outside", lang)))
    return {"nodes": nodes, "edges": edges}


# The fishbone fitted into a notebook cell is drawn at about 0.4x, where the sizes above
# (14-16 px at 1x) shrink past reading: larger text here (later rules win). People show just
# their name (the bone says the role; the tooltip has the rest), above their node when they
# are above the spine, so no label covers the spine. The head grows to hold its label's lines
# (pre-wrapped at 24 columns; cytoscape cannot break Chinese, which has no spaces, and its
# "text-overflow-wrap: anywhere" drops the spaces of English text).
_FISHBONE_TEXT: list[dict[str, Any]] = [
    {"selector": "node.fishbone-person", "style": {"font-size": 28, "text-max-width": 230}},
    {"selector": "node.fishbone-above", "style": {"text-valign": "top", "text-margin-y": -5}},
    {"selector": "node.fishbone", "style": {"font-size": 24, "text-max-width": 320}},
    {"selector": "node.fishbone-up", "style": {"text-margin-y": -14}},  # clear of the bone's end
    {"selector": "node.fishbone-down", "style": {"text-margin-y": 14}},
    {"selector": "node.fishbone-head", "style": {"font-size": 22, "width": 290, "height": 130, "text-max-width": 280}},
]

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
    return style + _FISHBONE_TEXT


# ---- style ----------------------------------------------------------------------------
def _darker(colour: str, factor: float = 0.6) -> str:
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return "#{:02x}{:02x}{:02x}".format(*(int(c * factor) for c in (r, g, b)))


def cytoscape_style() -> list[dict[str, Any]]:
    """The selector/style list for :func:`to_cytoscape` elements, built from the vocabulary.

    Later entries win, so the order is: base, role shapes, power sizes, stances, coach,
    selection, edges by relationship type and strength, then the fishbone's scaffold.
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
    return style + fishbone_style()

