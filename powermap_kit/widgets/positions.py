"""Where each person sits in a drawing: org chart, network or fishbone, and a free spot for
someone added to a drawn map. Pure functions over the map (no ipywidgets), deterministic:
drawing the same map twice gives the same picture.

Positions are model data: a person's drawing position lives in ``Stakeholder.extra``
under ``"position"`` (``{"x": .., "y": ..}``), which the file format keeps, so an edit
never reshuffles the drawing.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from ..errors import InvalidValue
from ..fishbone import fishbone_positions
from ..model import PowerMap, Stakeholder

__all__ = ["ARRANGEMENTS", "DX", "DY", "layout_positions", "place_new", "rounded", "stored_position", "target_positions"]

ARRANGEMENTS = ("org", "network", "fishbone")
"""Drawing arrangements: ``org`` (top-down by reporting lines), ``network`` (force-directed) and
``fishbone`` (the decision chain, :mod:`powermap_kit.fishbone`; positions derived from roles)."""

# Geometry of the drawing, in cytoscape model units (1 unit = 1 px at zoom 1).
DX, DY = 150.0, 135.0
COMPACT_LEAVES = 3  # a manager with this many direct reports who manage nobody gets two rows of them


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
    import networkx as nx  # lazy: ~0.3 s to import, only the network arrangement needs it

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
        raise InvalidValue.not_one_of("arrangement", arrangement, ARRANGEMENTS)
    if arrangement == "fishbone":
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


def rounded(pos: Mapping[str, Any]) -> dict[str, float]:
    """A position with coordinates rounded to 0.1 (what the drawing keeps and stores)."""
    return {"x": round(float(pos["x"]), 1), "y": round(float(pos["y"]), 1)}


def target_positions(pm: PowerMap, arrangement: str, current: Mapping[str, dict[str, float]], drawn: bool,
                     store: bool) -> dict[str, dict[str, float]]:
    """Where everyone should be drawn now.

    The fishbone derives places from roles and never stores them. Otherwise a stored
    position wins, then the ``current`` one; people without either are laid out (a fresh
    drawing) or, added to a ``drawn`` map, given a free spot so nobody else moves. With
    ``store`` the new places are written into the people's ``extra["position"]``.
    """
    if arrangement == "fishbone":
        return {pid: rounded(pos) for pid, pos in layout_positions(pm, "fishbone").items()}
    positions: dict[str, dict[str, float]] = {}
    missing = []
    for person in pm.stakeholders:
        pos = stored_position(person) or current.get(person.id)
        if pos is None:
            missing.append(person.id)
        else:
            positions[person.id] = pos
    if missing:
        if not drawn or len(missing) == len(pm):
            computed = layout_positions(pm, arrangement)
            for pid in missing:
                positions[pid] = rounded(computed[pid])
        else:  # people added to a drawn map: find them a free spot, move nobody
            for pid in missing:
                positions[pid] = rounded(place_new(pm, pid, positions))
        if store:
            for pid in missing:
                pm.stakeholder(pid).extra["position"] = dict(positions[pid])
    return positions
