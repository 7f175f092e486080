"""A submission compared with an answer key: :func:`compare_to_key` → :class:`KeyComparison`.

The one place that says who is missing, who is extra and which fields are wrong. People
are matched as grading matches them (id, name, alias, then title — ``diff.py``), fields
are judged by the rules of ``rules.py`` (the power tolerance among them). The criteria
score from it; the review widget draws it; the course's twist checks read it.

Examples
--------
>>> from powermap_kit import load_map
>>> key = load_map({"format": "powermap/1", "stakeholders": [
...     {"id": "dean", "name": "李明", "roles": ["decision_maker"], "power": 5},
...     {"id": "it", "name": "Zhao Jun", "roles": ["evaluator"], "power": 3},
...     {"id": "cfo", "name": "Han Jing", "roles": ["approver"]}],
...     "grading": {"aliases": {"dean": ["Li Ming"]}}})
>>> sub = load_map({"format": "powermap/1", "stakeholders": [
...     {"id": "p1", "name": "LI MING", "roles": ["decision_maker"], "power": 4},
...     {"id": "p2", "name": "zhao jun", "roles": ["user"], "power": 1},
...     {"id": "p3", "name": "Sun Li"}]})
>>> found = compare_to_key(sub, key)
>>> found.missing, found.extra, found.sub_of
(['cfo'], ['p3'], {'dean': 'p1', 'it': 'p2'})
>>> found.wrong
{'it': {'roles': (['evaluator'], ['user']), 'power': (3, 1)}}
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, cast

from ..diff import Match, edge
from ..model import PowerMap, Stakeholder
from .key import AnswerKey, load_key
from .rules import field_credit, graded_fields
from .view import MapView

__all__ = ["KeyComparison", "compare_to_key"]


@dataclass
class KeyComparison:
    """What a submission has and lacks against a key (build it with :func:`compare_to_key`).

    Attributes
    ----------
    key : AnswerKey
    submission : PowerMap
    matches : list of Match
        How each key person was found (``a`` key id, ``b`` submission id, ``how``).
    people : dict of str to Stakeholder
        Key id → the submitted person matched to them.
    key_of : dict of str to str
        Submission id → key id, for matched people.
    missing : list of str
        Key ids nobody in the submission matches, in key order.
    extra : list of str
        Submission ids that match no key person, in submission order.
    lines : set of tuple
        The submission's relationships as :func:`~powermap_kit.diff.edge` tuples in key ids
        (lines with an unmatched end are left out).
    """

    key: AnswerKey
    submission: PowerMap
    matches: list[Match]
    people: dict[str, Stakeholder]
    key_of: dict[str, str]
    missing: list[str]
    extra: list[str]
    lines: set[tuple[str, str, str]] = field(repr=False)

    @cached_property
    def sub_of(self) -> dict[str, str]:
        """Key id → submission id, for matched people (key order)."""
        return {m.a: m.b for m in self.matches}

    def credit(self, key_id: str, field_name: str) -> float:
        """The share of ``field_name``'s credit the person matched to ``key_id`` earns (0–1)."""
        return field_credit(field_name, self.key.map.stakeholder(key_id), self.people[key_id], self.key.tolerance)

    def differences(self, key_id: str) -> dict[str, tuple[Any, Any]]:
        """The graded fields in which the matched person falls short of the key, as
        ``field -> (key value, submitted value)``; empty when right or when not matched."""
        given = self.people.get(key_id)
        if given is None:
            return {}
        expected = self.key.map.stakeholder(key_id)
        return {f: (getattr(expected, f), getattr(given, f)) for f in graded_fields(self.key.map, expected)
                if field_credit(f, expected, given, self.key.tolerance) < 1}

    @cached_property
    def wrong(self) -> dict[str, dict[str, tuple[Any, Any]]]:
        """Key id → :meth:`differences`, for every matched person with any (key order)."""
        out = {}
        for key_id in self.sub_of:
            diff = self.differences(key_id)
            if diff:
                out[key_id] = diff
        return out

    @cached_property
    def missing_lines(self) -> list[int]:
        """Indexes of the key's relationships the submission does not have (typed, directed as graded)."""
        return [i for i, rel in enumerate(self.key.map.relationships)
                if edge(rel.source, rel.target, rel.type) not in self.lines]


def compare_to_key(submission: PowerMap | MapView, key: Any, use_titles: bool = True) -> KeyComparison:
    """Compare a (valid) submission with an answer key.

    Parameters
    ----------
    submission : PowerMap or MapView
        The trainee's map (grading passes a read-only view of a file's data).
    key : AnswerKey, PowerMap, dict or path
        The answer key (loaded with :func:`~powermap_kit.grading.load_key` when not one).
    use_titles : bool
        Match people left over by their title as a last resort, as grading does.

    Returns
    -------
    KeyComparison
    """
    answer = load_key(key)
    pm = cast(PowerMap, submission)  # a MapView offers all that the comparison and the criteria read
    matches = answer.index.match(pm, use_titles=use_titles)
    by_id = {q.id: q for q in pm.stakeholders}
    people = {m.a: by_id[m.b] for m in matches}
    key_of = {m.b: m.a for m in matches}
    lines = set()  # set(edges(pm, key_of)), without the dict of lines it builds
    for rel in pm.relationships:
        source, target = key_of.get(rel.source), key_of.get(rel.target)
        if source is not None and target is not None:
            lines.add(edge(source, target, rel.type))
    return KeyComparison(
        answer, pm, matches, people, key_of,
        missing=[p.id for p in answer.map.stakeholders if p.id not in people],
        extra=[q.id for q in pm.stakeholders if q.id not in key_of],
        lines=lines,
    )
