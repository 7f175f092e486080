"""The decision chain as a fishbone chart (鱼骨图, seed 002: a power map drawn as a fishbone).

The decision sits at the head; one bone per role group of the decision chain — approver,
decision maker, evaluators, influencers, purchaser, users — leaves the spine, and each
person is a labelled tick on the bone of the first chain role they are recorded with
(every role shows as a badge letter, and each bone lists the other holders of its role as
"also"), coloured by stance (:func:`powermap_kit.vocab.colour`). A bone nobody holds is
drawn dashed: a gap in the chain. People with no chain role (gatekeepers, observers, no
role yet) stand in a row below the fish.

This module is the pure geometry, used by every view:

* :func:`fishbone_layout` / :func:`fishbone_positions` — ``id → (x, y)`` in cytoscape
  units (1 unit = 1 px at zoom 1, **y grows downward**), with the bones, head and tail, so
  ``MapView`` can draw it with cytoscape's ``preset`` layout;
* :func:`bone_label`, :func:`head_label`, :func:`badges` — the texts every view shows.

The cytoscape scaffold (spine, bones and ticks as elements) is in
:mod:`powermap_kit.widgets.cyto`; the static picture (SVG, matplotlib figure, notebook
HTML) in :mod:`powermap_kit.render.fishbone`.

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
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from . import vocab
from .errors import UnknownName

if TYPE_CHECKING:
    from .model import PowerMap, Stakeholder

__all__ = [
    "GROUPS",
    "Bone",
    "Fishbone",
    "badges",
    "bone_group",
    "bone_label",
    "fishbone_layout",
    "fishbone_positions",
    "fishbone_text",
    "head_label",
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
        raise UnknownName.not_one_of("group", group, GROUPS)

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
def fishbone_text(key: str, lang: str | None, **params: Any) -> str:
    """An ``intel.fishbone.*`` text."""
    return vocab.text(f"intel.fishbone.{key}", lang=lang, **params)


def bone_label(bone: Bone, names: dict[str, str], lang: str | None) -> str:
    """The bone's role and head count, then the other holders ("also: ...") or "nobody recorded"."""
    text = fishbone_text("bone", lang, role=vocab.label(bone.group, "role", lang), count=len(bone.people))
    if bone.also:
        shown = [names[pid] for pid in bone.also[:4]] + (["…"] if len(bone.also) > 4 else [])
        text += "\n" + fishbone_text("also", lang, names=vocab.text("analysis.list_sep", lang=lang).join(shown))
    elif not bone.people:
        text += "\n" + fishbone_text("nobody", lang)
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


def head_label(pm: PowerMap, lang: str | None) -> str:
    """The head's text: "Decision" and the decision mode, wrapped at 24 columns."""
    mode = pm.opportunity.decision_mode
    head = fishbone_text("head", lang)
    return f"{head}\n{_wrap(vocab.label(mode, 'decision_mode', lang), 24)}" if mode else head


def badges(person: Stakeholder) -> str:
    """The role badge letters of a person, ``·``-separated."""
    return "·".join(vocab.entry(r, "role")["badge"] for r in person.roles)
