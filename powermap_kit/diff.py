"""The comparison engine: who is who across two maps, and what changed.

One engine serves two uses (``design/architecture.md``): grading compares a trainee's
submission with an answer key, history compares a map with its earlier version. Both
start from :func:`match_people` and read differences through :func:`person_diff` and
:func:`edges`.

Who is who (matching people, comparing their fields) lives in :mod:`powermap_kit.matching`
and is re-exported here; this module adds relationships (:func:`edge`, :func:`edges`), the
whole-map :func:`compare` and the words for each change.

Examples
--------
>>> from powermap_kit import PowerMap
>>> old = PowerMap()
>>> _ = old.add_stakeholder(id="cfo", name="Zhou Min", stance="neutral", power=3)
>>> new = old.copy()
>>> _ = new.update_stakeholder("cfo", stance="champion")
>>> _ = new.add_stakeholder(id="ceo", name="Li Ming", roles=["approver"])
>>> print(compare(old, new).text(lang="en"))
Li Ming was added
Zhou Min moved from Neutral to Champions us
>>> match_people(old, new)
[Match(a='cfo', b='cfo', how='id')]
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from . import localize, vocab
from .matching import FIELDS, HOW, Match, PeopleIndex, match_people, normalise, person_diff, title_forms
from .model import PowerMap, Relationship

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "Comparison",
    "FIELDS",
    "HOW",
    "Match",
    "PeopleIndex",
    "compare",
    "describe_change",
    "edge",
    "edges",
    "line_text",
    "match_people",
    "normalise",
    "person_diff",
    "title_forms",
    "value_text",
]


def edge(source: str, target: str, type: str) -> tuple[str, str, str]:
    """A relationship as a comparable tuple: undirected types (ally, conflict) ignore direction.

    >>> edge("b", "a", "ally") == edge("a", "b", "ally")
    True
    >>> edge("b", "a", "reports_to") == edge("a", "b", "reports_to")
    False
    """
    if not _directed(type) and target < source:
        source, target = target, source
    return (source, target, type)


@lru_cache(maxsize=None)
def _directed(type: str) -> bool:
    return bool(vocab.entry(type, "relationship_type")["directed"])


def edges(pm: PowerMap, id_map: Mapping[str, str] | None = None) -> dict[tuple[str, str, str], Relationship]:
    """A map's relationships by :func:`edge`, with ids translated through ``id_map``.

    With ``id_map`` (e.g. submission id → key id) lines with an end outside the mapping
    are left out: they cannot correspond to anything in the other map.
    """
    out: dict[tuple[str, str, str], Relationship] = {}
    for rel in pm.relationships:
        source, target = rel.source, rel.target
        if id_map is not None:
            if source not in id_map or target not in id_map:
                continue
            source, target = id_map[source], id_map[target]
        out.setdefault(edge(source, target, rel.type), rel)
    return out


# ---- history ----------------------------------------------------------------------------

@dataclass
class Comparison:
    """What changed from one map to another: ``changes`` as data, :meth:`text` to read.

    Each change is a dict with ``change`` (``added``, ``removed``, one of
    :data:`FIELDS`, ``relationship_added``, ``relationship_removed``, ``stage``,
    ``decision_mode``), ``stakeholder`` (id in the new map, or in the old one when
    removed), ``name``, ``old`` and ``new``; relationship changes also carry ``source``,
    ``target`` and ``type``.
    """

    changes: list[dict[str, Any]] = field(default_factory=list)
    matches: list[Match] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.changes)

    def __bool__(self) -> bool:
        return bool(self.changes)

    def lines(self, lang: str | None = None) -> list[str]:
        """One readable sentence per change, in the current (or given) language."""
        return [describe_change(c, lang) for c in self.changes]

    def text(self, lang: str | None = None) -> str:
        """All changes as text, one a line (a "no changes" line when there are none)."""
        return "\n".join(self.lines(lang)) if self.changes else vocab.text("diff.none", lang=lang)

    def __str__(self) -> str:
        return self.text()

    def to_frame(self) -> pd.DataFrame:
        """The changes as a DataFrame, one row per change."""
        import pandas as pd

        columns = ["change", "stakeholder", "name", "old", "new", "source", "target", "type"]
        return pd.DataFrame([{k: c.get(k) for k in columns} for c in self.changes], columns=columns)


def compare(old: PowerMap, new: PowerMap) -> Comparison:
    """The changes from ``old`` to ``new``: people added and removed, changed fields,
    relationships added and removed, a new buying stage or decision mode.

    People are matched with :func:`match_people` (id, then name).

    >>> from powermap_kit import PowerMap
    >>> a = PowerMap()
    >>> _ = a.add_stakeholder(id="x", name="Qian Hao", roles=["evaluator"])
    >>> b = a.copy()
    >>> _ = b.update_stakeholder("x", roles=["decision_maker"], coach=True)
    >>> [c["change"] for c in compare(a, b).changes]
    ['roles', 'coach']
    """
    matches = match_people(old, new)
    a_to_b = {m.a: m.b for m in matches}
    b_to_a = {m.b: m.a for m in matches}
    changes: list[dict[str, Any]] = []
    for q in new.stakeholders:
        if q.id not in b_to_a:
            changes.append({"change": "added", "stakeholder": q.id, "name": q.name, "old": None, "new": q.name,
                            "names": localize.names(q)})
    for p in old.stakeholders:
        if p.id not in a_to_b:
            changes.append({"change": "removed", "stakeholder": p.id, "name": p.name, "old": p.name, "new": None,
                            "names": localize.names(p)})
    for m in matches:
        p, q = old.stakeholder(m.a), new.stakeholder(m.b)
        for name, (before, after) in person_diff(p, q).items():
            changes.append({"change": name, "stakeholder": q.id, "name": q.name, "old": _plain(before),
                            "new": _plain(after), "names": localize.names(q)})
    names = {q.id: q.name for q in new.stakeholders}
    old_names = {p.id: p.name for p in old.stakeholders}
    # Old lines are expressed in new ids where the person is still there, so that a line
    # between two people who both stayed is compared like for like.
    old_ids = {p.id: a_to_b.get(p.id, f"\0{p.id}") for p in old.stakeholders}
    before = edges(old, old_ids)
    after = edges(new)
    for key, rel in after.items():
        if key not in before:
            changes.append(_line("relationship_added", rel.source, rel.target, rel.type, names, new))
    for key, rel in before.items():
        if key not in after:
            changes.append(_line("relationship_removed", rel.source, rel.target, rel.type, old_names, old))
    for name in ("stage", "decision_mode"):
        x, y = getattr(old.opportunity, name), getattr(new.opportunity, name)
        if x != y:
            changes.append({"change": name, "stakeholder": None, "name": None, "old": x, "new": y})
    return Comparison(changes, matches)


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, (list, tuple, frozenset, set)) else value


def _line(change: str, source: str, target: str, type: str, names: Mapping[str, str],
          pm: PowerMap | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"change": change, "stakeholder": None, "name": None, "old": None, "new": None,
           "source": source, "target": target, "type": type,
           "source_name": names.get(source, source), "target_name": names.get(target, target)}
    for end in ("source", "target"):
        person = pm.get(str(out[end])) if pm is not None and out[f"{end}_name"] != out[end] else None
        if person is not None and person.name == out[f"{end}_name"]:
            out[f"{end}_names"] = localize.names(person)
    return out


@lru_cache(maxsize=1024)
def _label(code: str, kind: str, lang: str) -> str:
    return vocab.label(code, kind, lang)


def line_text(source_name: str, target_name: str, type: str, lang: str | None = None) -> str:
    """A relationship in words: ``Li Na → Wang Wei (Reports to)``; undirected lines use a dash."""
    key = "diff.line_directed" if _directed(type) else "diff.line_undirected"
    return vocab.text(key, lang=lang, source=source_name, target=target_name,
                      type=_label(type, "relationship_type", lang or vocab.get_language()))


def value_text(field_name: str, value: Any, lang: str | None = None) -> str:
    """A field value in words, in the language: labels for codes, "unknown" for gaps."""
    lang = lang or vocab.get_language()
    if field_name == "roles":
        roles = list(value or ())
        if not roles:
            return vocab.text("diff.no_roles", lang=lang)
        return vocab.text("diff.list_sep", lang=lang).join(_label(r, "role", lang) for r in roles)
    if value is None or value == "":
        return vocab.text("diff.unknown", lang=lang)
    if field_name in ("stance", "stage", "decision_mode"):
        return _label(value, field_name, lang)
    return str(value)


def describe_change(change: Mapping[str, Any], lang: str | None = None) -> str:
    """One change (an item of :attr:`Comparison.changes`) as a sentence."""
    kind = change["change"]
    name = (change.get("names") or {}).get(lang or vocab.get_language()) or change.get("name") or ""
    if kind in ("relationship_added", "relationship_removed"):
        here = lang or vocab.get_language()
        line = line_text((change.get("source_names") or {}).get(here) or change["source_name"],
                         (change.get("target_names") or {}).get(here) or change["target_name"], change["type"], lang)
        return vocab.text(f"diff.{kind}", lang=lang, line=line)
    if kind in ("added", "removed"):
        return vocab.text(f"diff.{kind}", lang=lang, name=name)
    if kind == "coach":
        return vocab.text("diff.coach_on" if change["new"] else "diff.coach_off", lang=lang, name=name)
    if kind == "name":
        return vocab.text("diff.name", lang=lang, old=change["old"], new=change["new"])
    return vocab.text(f"diff.{kind}", lang=lang, name=name, old=value_text(kind, change["old"], lang),
                      new=value_text(kind, change["new"], lang))
