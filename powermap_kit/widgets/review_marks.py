"""The drawings and comment targets of ``ReviewView``: a trainee's map, the key and an
overlay, marked from a :class:`~powermap_kit.grading.KeyComparison`.

Missed key people and lines are faded ("ghosted"), people with a field the key grades
differently are outlined in red, people the key does not have get a dashed outline, and
whatever carries a comment is underlaid. The comparison itself is the core's; this module
only turns it into cytoscape classes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ..diff import edge
from ..grading import KeyComparison
from ..model import PowerMap
from ..validation import FORMAT
from . import cyto
from .mapview import MapView

__all__ = ["COMMENTED", "EXTRA", "GHOST", "REVIEW_STYLE", "WRONG", "Overlay", "ReviewMarks", "ReviewMap", "edge_ids"]

WRONG, GHOST, EXTRA, COMMENTED = "pmk-wrong", "pmk-ghost", "pmk-extra", "pmk-commented"

REVIEW_STYLE: list[dict[str, Any]] = [
    {"selector": f"node.{GHOST}", "style": {"opacity": 0.35, "border-style": "dashed"}},
    {"selector": f"edge.{GHOST}", "style": {"opacity": 0.3}},
    {"selector": f"node.{WRONG}", "style": {"border-color": "#d62728", "border-width": 6, "border-style": "solid"}},
    {"selector": f"node.{EXTRA}", "style": {"border-color": "#ef6c00", "border-width": 4, "border-style": "dashed"}},
    {"selector": f".{COMMENTED}", "style": {"underlay-color": "#ffb300", "underlay-opacity": 0.45,
                                          "underlay-padding": 9}},
]
"""Cytoscape styles the review adds to the map style (after it, so they win)."""

Classes = dict[str, list[str]]
Decorations = Callable[[], tuple[Classes, Classes]]


class ReviewMap(MapView):
    """A MapView whose elements carry review classes (ghost, wrong, extra, commented), through
    MapView's public ``extra_classes`` hook."""

    def __init__(self, map: PowerMap, decorations: Decorations, **kwargs: Any) -> None:
        self.drawing_height = kwargs.setdefault("height", "460px")

        def classes() -> Classes:
            nodes, lines = decorations()
            return {**nodes, **lines}  # person ids and line ids never collide (cyto.edge_id)

        super().__init__(map, legend=None, store_positions=False, extra_classes=classes, extra_style=REVIEW_STYLE,
                         **kwargs)

    def decorate(self) -> None:
        """Put the review classes on the elements (and take stale ones off)."""
        self.refresh_classes()


def edge_ids(pm: PowerMap) -> list[str | None]:
    """The drawing id of each relationship (as :func:`cyto.to_cytoscape` numbers them)."""
    ids: list[str | None] = []
    seen: dict[str, int] = {}
    people = set(pm.ids)
    for rel in pm.relationships:
        if rel.source not in people or rel.target not in people:
            ids.append(None)
            continue
        base = cyto.edge_id(rel)
        n = seen.get(base, 0)
        seen[base] = n + 1
        ids.append(cyto.edge_id(rel, n))
    return ids


class Overlay:
    """The trainee's people at the key's places, with missed key people and lines as ghosts.

    ``nodes`` maps each drawn id to its comment target (``person:<sub id>`` or
    ``key_person:<key id>``), ``lines`` each drawn line index to ``rel:<i>`` or ``key_rel:<i>``.
    """

    def __init__(self, found: KeyComparison) -> None:
        sub, key = found.submission, found.key.map
        people, self.nodes, self.lines = [], {}, {}
        for kp in key.stakeholders:
            sid = found.sub_of.get(kp.id)
            people.append(_placed(sub.stakeholder(sid) if sid else kp, kp.id))
            self.nodes[kp.id] = f"person:{sid}" if sid else f"key_person:{kp.id}"
        ids = {p["id"] for p in people}
        rename = dict(found.key_of)
        for sid in found.extra:
            new, n = sid, 2
            while new in ids:
                new, n = f"{sid}_{n}", n + 1
            ids.add(new)
            rename[sid] = new
            people.append(_placed(sub.stakeholder(sid), new))
            self.nodes[new] = f"person:{sid}"
        rels = []
        for i, rel in enumerate(sub.relationships):
            self.lines[len(rels)] = f"rel:{i}"
            rels.append({**rel.to_dict(), "source": rename[rel.source], "target": rename[rel.target]})
        self.ghost_lines: set[int] = set()
        for i in found.missing_lines:
            self.lines[len(rels)] = f"key_rel:{i}"
            self.ghost_lines.add(len(rels))
            rels.append(key.relationships[i].to_dict())
        self.map = PowerMap.from_dict({"format": FORMAT, "stakeholders": people, "relationships": rels},
                                      validate=False)


def _placed(person: Any, new_id: str) -> dict[str, Any]:
    data = person.to_dict()
    data["id"] = new_id
    data.pop("position", None)
    return data


def _on(*pairs: tuple[str, bool]) -> list[str]:
    return [name for name, on in pairs if on]


class ReviewMarks:
    """The comment targets of a review and the review classes of its three drawings.

    A target is written ``"map"``, ``"person:<sub id>"``, ``"key_person:<key id>"``,
    ``"rel:<index>"`` or ``"key_rel:<key index>"``; :meth:`target_data` turns it into the
    ``target`` object of a ``powermap-review/1`` comment and :meth:`target_key` back.
    """

    def __init__(self, found: KeyComparison, overlay: Overlay) -> None:
        self.found = found
        self.overlay = overlay

    # ---- targets ------------------------------------------------------------------------
    def key_person_target(self, kid: str) -> str:
        """The target a key person stands for: their match in the submission, else themself."""
        sid = self.found.sub_of.get(kid)
        return f"person:{sid}" if sid else f"key_person:{kid}"

    def key_line_target(self, index: int) -> str:
        """The target a key line stands for: the trainee's same line, else the key's."""
        found = self.found
        if index in found.missing_lines:
            return f"key_rel:{index}"
        rel = found.key.map.relationships[index]
        wanted = edge(rel.source, rel.target, rel.type)
        for i, sub in enumerate(found.submission.relationships):
            ends = (found.key_of.get(sub.source), found.key_of.get(sub.target))
            if ends[0] is not None and ends[1] is not None and edge(ends[0], ends[1], sub.type) == wanted:
                return f"rel:{i}"
        return f"key_rel:{index}"

    def target_key(self, target: Mapping[str, Any]) -> str:
        """The target written in a saved comment, as a target key (``"rel:?"`` for a line gone)."""
        kind = target.get("kind")
        if kind in ("person", "key_person"):
            return f"{kind}:{target.get('id')}"
        if kind in ("relationship", "key_relationship"):
            pm = self.found.submission if kind == "relationship" else self.found.key.map
            prefix = "rel" if kind == "relationship" else "key_rel"
            wanted = (target.get("source"), target.get("target"), target.get("type"))
            for i, rel in enumerate(pm.relationships):
                if (rel.source, rel.target, rel.type) == wanted:
                    return f"{prefix}:{i}"
            return f"{prefix}:?"
        return "map"

    def target_data(self, key: str) -> dict[str, Any]:
        """A target key as the ``target`` object of a comment."""
        kind, _, rest = key.partition(":")
        sub, key_map = self.found.submission, self.found.key.map
        if kind == "person":
            return {"kind": "person", "id": rest, "name": sub.stakeholder(rest).name}
        if kind == "key_person":
            return {"kind": "key_person", "id": rest, "name": key_map.stakeholder(rest).name}
        if kind in ("rel", "key_rel"):
            rel = (sub if kind == "rel" else key_map).relationships[int(rest)]
            return {"kind": "relationship" if kind == "rel" else "key_relationship",
                    "source": rel.source, "target": rel.target, "type": rel.type}
        return {"kind": "map"}

    # ---- classes ------------------------------------------------------------------------

    def trainee(self, pinned: set[str]) -> tuple[Classes, Classes]:
        found = self.found
        wrong = {found.sub_of[k] for k in found.wrong}
        extra = set(found.extra)
        nodes = {q.id: _on((WRONG, q.id in wrong), (EXTRA, q.id in extra), (COMMENTED, f"person:{q.id}" in pinned))
                 for q in found.submission.stakeholders}
        ids = edge_ids(found.submission)
        lines = {eid: [COMMENTED] for i, eid in enumerate(ids) if eid and f"rel:{i}" in pinned}
        return nodes, lines

    def key(self, pinned: set[str]) -> tuple[Classes, Classes]:
        found = self.found
        missing, missing_lines = set(found.missing), set(found.missing_lines)
        nodes = {p.id: _on((GHOST, p.id in missing), (WRONG, p.id in found.wrong),
                           (COMMENTED, self.key_person_target(p.id) in pinned))
                 for p in found.key.map.stakeholders}
        lines = {eid: _on((GHOST, i in missing_lines), (COMMENTED, f"key_rel:{i}" in pinned))
                 for i, eid in enumerate(edge_ids(found.key.map)) if eid}
        return nodes, lines

    def overlaid(self, pinned: set[str]) -> tuple[Classes, Classes]:
        extra = {f"person:{s}" for s in self.found.extra}
        over = self.overlay
        nodes = {oid: _on((GHOST, target.startswith("key_person:")), (WRONG, oid in self.found.wrong),
                          (EXTRA, target in extra), (COMMENTED, target in pinned))
                 for oid, target in over.nodes.items()}
        lines = {eid: _on((GHOST, i in over.ghost_lines), (COMMENTED, over.lines.get(i) in pinned))
                 for i, eid in enumerate(edge_ids(over.map)) if eid}
        return nodes, lines
