"""Team maps: a three-way merge of map versions (base, mine, theirs).

Two sellers keep one account map. When both changed it since a common version (the
*base*), :func:`merge_maps` keeps every change that only one side made -- people added,
removed or edited field by field, relationships, coverage, account and opportunity
fields -- and lists the real conflicts for a person to decide: the same field of the same
person changed differently on both sides, a person (or line) one side removed while the
other changed it, a new reporting line that would close a cycle. Nothing is decided silently:
until a conflict is resolved the map holds *mine* there and ``MergeResult.resolved`` is False.

People are matched as :func:`~powermap_kit.compare` matches them
(:func:`~powermap_kit.matching.match_people`): base to each side, and people both sides
added to each other. Relationships are matched by :func:`~powermap_kit.diff.edge`.

Examples
--------
>>> import powermap_kit as pk
>>> base = pk.load_map({"format": "powermap/1", "stakeholders": [{"id": "cfo", "name": "Zhou Min"}]})
>>> mine, theirs = base.copy(), base.copy()
>>> _ = mine.update_stakeholder("cfo", stance="support", power=4)
>>> _ = theirs.update_stakeholder("cfo", stance="oppose")
>>> _ = theirs.add_stakeholder(id="ceo", name="Li Ming")
>>> result = merge_maps(base, mine, theirs)
>>> result.map.ids, result.map.stakeholder("cfo").power, result.resolved
(['cfo', 'ceo'], 4, False)
>>> print(result.conflicts[0].text("en"))
Zhou Min, Stance: was (none); yours Supports us; theirs Opposes us
>>> print(result.conflicts[0].text("zh"))
Zhou Min的态度：原为 （无），你改成 支持，对方改成 反对
>>> result.resolve("stakeholders[cfo].stance", "theirs").map.stakeholder("cfo").stance
'oppose'
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import count
from typing import Any

from . import vocab
from .diff import edge, line_text, value_text
from .errors import InvalidValue, UnknownName, WrongType
from .matching import match_people, normalise
from .model import PowerMap

__all__ = ["MergeConflict", "MergeResult", "merge_maps"]

_NONE = object()  # a value or record that is not there
_TAKES = ("mine", "theirs", "value")
_LISTS = ("stakeholders", "relationships", "coverage")
_CODED = ("stance", "stage", "decision_mode", "roles")


@dataclass(frozen=True)
class MergeConflict:
    """One thing both sides changed differently, for a person to decide.

    Attributes
    ----------
    place : str
        Where, e.g. ``stakeholders[cfo].stance`` (the key for :meth:`MergeResult.resolve`).
    kind : str
        ``field`` (a value changed differently), ``removed`` (one side removed what the
        other changed) or ``cycle`` (a reporting line that would close a cycle: it is left
        out whichever side is taken).
    what : str
        The person's name, the line (English), or ``@account``, ``@opportunity``, ``@map``.
    field : str or None
        The field (dotted for nested values such as ``support.trust``), ``None`` for a
        whole person or line.
    base, mine, theirs : object
        The three values (``None``: not there).
    line : tuple of str or None
        For a relationship: the names of its ends and its type (``what`` in words per language).
    """

    place: str
    kind: str
    what: str
    field: str | None
    base: Any
    mine: Any
    theirs: Any
    line: tuple[str, str, str] | None = None

    def text(self, lang: str | None = None) -> str:
        """The conflict as a sentence in the current (or given) language."""
        lang = lang or vocab.get_language()
        what = self.what if not self.what.startswith("@") else vocab.text(f"merge.part_{self.what[1:]}", lang=lang)
        if self.line:
            what = line_text(*self.line, lang=lang)
        if self.kind == "field":
            return vocab.text("merge.conflict_field", lang=lang, what=what, field=_field_label(self.field, lang),
                              base=_shown(self.field, self.base, lang), mine=_shown(self.field, self.mine, lang),
                              theirs=_shown(self.field, self.theirs, lang))
        if self.kind == "removed":
            return vocab.text("merge.removed_by_mine" if self.mine is None else "merge.removed_by_theirs",
                              lang=lang, what=what)
        return vocab.text("merge.conflict_cycle", lang=lang, what=what)

    def texts(self) -> dict[str, str]:
        """The sentence in every language of the course, by language code."""
        return {lang: self.text(lang) for lang in vocab.LANGUAGES}


@dataclass
class MergeResult:
    """The merged map and the conflicts still to decide.

    ``map`` holds *mine* at each unresolved conflict; :meth:`resolve` and :meth:`prefer`
    return a new result with the decision applied (always a valid map).
    """

    map: PowerMap
    conflicts: list[MergeConflict]
    sides: tuple[dict[str, Any], dict[str, Any], dict[str, Any]] = field(repr=False)
    choices: dict[str, tuple[str, Any]] = field(default_factory=dict, repr=False)

    @property
    def resolved(self) -> bool:
        """True when no conflict is left to decide."""
        return not self.conflicts

    def resolve(self, place: str, take: str = "mine", value: Any = None) -> MergeResult:
        """Decide one conflict: ``take`` ``"mine"``, ``"theirs"`` or ``"value"`` (then ``value``).

        For a whole person the value is a person (dict) or ``None`` (removed); for a whole line
        or coverage entry only ``None``. Raises (:mod:`powermap_kit.errors`) ``InvalidValue``
        for an unknown ``take`` or ``place``, ``WrongType`` for such a value of another kind,
        and ``MapFormatError`` when the value makes the map invalid.
        """
        if take not in _TAKES:
            raise InvalidValue("take", "not_one_of", take, allowed=_TAKES)
        kinds = {c.place: c.kind for c in self.conflicts}
        if place not in self.choices and place not in kinds:
            raise InvalidValue("place", "not_one_of", place, allowed=tuple(kinds))
        if take == "value" and kinds.get(place, "field") != "field" and value is not None and not (
                place.startswith("stakeholders[") and isinstance(value, dict)):
            raise WrongType(place, "wrong_type", value, expected=vocab.text("type.object"))
        return _Merger(*self.sides, {**self.choices, place: (take, value)}).run()

    def prefer(self, side: str) -> MergeResult:
        """Decide every open conflict for one side (``"mine"`` or ``"theirs"``)."""
        if side not in _TAKES[:2]:
            raise InvalidValue("side", "not_one_of", side, allowed=_TAKES[:2])
        result = self
        for _ in range(len(self.conflicts) + 1):  # a decision can reveal a conflict inside a kept person
            if result.resolved:
                break
            choices = {**result.choices, **{c.place: (side, None) for c in result.conflicts}}
            result = _Merger(*self.sides, choices).run()
        return result

    def text(self, lang: str | None = None) -> str:
        """The open conflicts, one a line (or a line saying there are none)."""
        lines = [c.text(lang) for c in self.conflicts]
        return "\n".join(lines) if lines else vocab.text("merge.no_conflicts", lang=lang)


def merge_maps(base: PowerMap | Mapping[str, Any] | None, mine: PowerMap | Mapping[str, Any],
               theirs: PowerMap | Mapping[str, Any]) -> MergeResult:
    """Merge two versions of a map that both started from ``base``.

    Parameters
    ----------
    base : PowerMap, dict or None
        The common ancestor (what both sides last had in common); ``None`` when unknown:
        then everything either side holds counts as added.
    mine, theirs : PowerMap or dict
        The two versions.

    Returns
    -------
    MergeResult
        The merged map (a valid :class:`PowerMap`) and the conflicts to decide.
    """
    return _Merger(_data(base), _data(mine), _data(theirs), {}).run()


def _data(pm: PowerMap | Mapping[str, Any] | None) -> dict[str, Any]:
    data = pm if pm is None or isinstance(pm, PowerMap) else PowerMap.from_dict(dict(pm))
    return data.to_dict() if data is not None else {"format": "powermap/1", "stakeholders": []}


class _Merger:
    """One merge run: the three sides as keyed records, the choices made so far."""

    def __init__(self, base: dict[str, Any], mine: dict[str, Any], theirs: dict[str, Any],
                 choices: dict[str, tuple[str, Any]]):
        self.sides, self.choices = (base, mine, theirs), choices
        self.conflicts: list[MergeConflict] = []
        self.names: dict[str, str] = {}
        maps = [PowerMap.from_dict(d, validate=False) for d in self.sides]
        self.keys = _person_keys(*maps)

    def run(self) -> MergeResult:
        b, m, t = self.sides
        people = [{self.keys[i][p["id"]]: p for p in d["stakeholders"]} for i, d in enumerate(self.sides)]
        for i in (2, 0, 1):  # names for the texts: mine wins, then base, then theirs
            self.names.update({k: p["name"] for k, p in people[i].items()})
        lines = self.lines = [self._lines(d.get("relationships", []), i) for i, d in enumerate(self.sides)]
        cover = [self._coverage(d.get("coverage", []), i) for i, d in enumerate(self.sides)]
        touched: list[set[str]] = [set(), set()]
        for part in (lines, cover):
            for side in (1, 2):
                for k in set(part[0]) | set(part[side]):
                    if part[0].get(k) != part[side].get(k):
                        touched[side - 1].update(x for x in k[:2] if x in self.names)
        kept = self._records(people, "stakeholders", touched)
        out: dict[str, Any] = {"format": m.get("format", "powermap/1")}
        for key in _ordered(m, t, b):
            if key not in _LISTS and key not in ("format", "meta"):
                whole = key not in ("account", "opportunity")
                value = self._value(key, "@map" if whole else "@" + key, key if whole else None,
                                    b.get(key, _NONE), m.get(key, _NONE), t.get(key, _NONE))
                if value is not _NONE:
                    out[key] = value
        ids = self._ids(kept)
        out["stakeholders"] = [dict(p, id=ids[k]) for k, p in kept.items()]
        out["relationships"] = self._place_lines(self._records(lines, "relationships"), ids)
        out["coverage"] = [dict(c, stakeholder=ids[c["stakeholder"]])
                           for c in self._records(cover, "coverage").values() if c["stakeholder"] in ids]
        out.update({"meta": m["meta"]} if m.get("meta") else {})  # meta (author, saved) is mine
        return MergeResult(PowerMap.from_dict(out), self.conflicts, self.sides, self.choices)

    def _lines(self, rels: list[dict[str, Any]], side: int) -> dict[tuple, dict[str, Any]]:
        out: dict[tuple, dict[str, Any]] = {}
        for rel in rels:
            source, target, type_ = edge(self.keys[side][rel["source"]], self.keys[side][rel["target"]], rel["type"])
            key = _unique(out, (source, target, type_))
            out[key] = dict(rel, source=source, target=target)
        return out

    def _coverage(self, items: list[dict[str, Any]], side: int) -> dict[tuple, dict[str, Any]]:
        out: dict[tuple, dict[str, Any]] = {}
        for item in items:
            who = self.keys[side][item["stakeholder"]]
            out[_unique(out, (who, normalise(item.get("owner"))))] = dict(item, stakeholder=who)
        return out

    def _records(self, sides: list[dict], part: str, touched: list[set] | None = None) -> dict:
        b, m, t = sides
        out = {}
        for key in _ordered(m, t, b):
            bb, mm, tt = b.get(key, _NONE), m.get(key, _NONE), t.get(key, _NONE)
            what, place = self._what(part, key)
            if touched and bb is not _NONE:  # a person whose lines changed counts as changed
                mm = {**mm, "\0": 1} if key in touched[0] and mm == bb else mm
                tt = {**tt, "\0": 1} if key in touched[1] and tt == bb else tt
            if mm is _NONE or tt is _NONE:
                if bb is _NONE or mm == bb or tt == bb or mm == tt:
                    value = tt if mm == bb else mm
                else:
                    value = self._decide(place, "removed", what, None, bb, mm, tt)
            else:
                value = self._value(place, what, None, {} if bb is _NONE else bb, mm, tt)
            if value is not _NONE and value is not None:
                out[key] = {k: v for k, v in value.items() if k != "\0"}
        return out

    def _what(self, part: str, key: Any) -> tuple[Any, str]:
        if part == "stakeholders":
            return self.names[key], f"stakeholders[{key}]"
        if part == "relationships":
            return ((self.names.get(key[0], key[0]), self.names.get(key[1], key[1]), key[2]),
                    f"relationships[{key[0]}>{key[1]}:{key[2]}" + (f"#{key[3]}]" if len(key) > 3 else "]"))
        return (f"{self.names.get(key[0], key[0])} / {key[1]}",
                f"coverage[{key[0]}:{key[1]}" + (f"#{key[2]}]" if len(key) > 2 else "]"))

    def _value(self, place: str, what: str, name: str | None, b: Any, m: Any, t: Any) -> Any:
        if m == t:
            return m
        if m == b:
            return t
        if t == b:
            return m
        if all(x is _NONE or isinstance(x, dict) for x in (b, m, t)):
            b, m, t = ({} if x is _NONE else x for x in (b, m, t))
            out = {}
            for key in _ordered(m, t, b):
                sub = f"{name}.{key}" if name else key
                value = self._value(f"{place}.{key}", what, sub, b.get(key, _NONE), m.get(key, _NONE),
                                    t.get(key, _NONE))
                if value is not _NONE:
                    out[key] = value
            return out
        return self._decide(place, "field", what, name, b, m, t)

    def _decide(self, place: str, kind: str, what: str, name: str | None, b: Any, m: Any, t: Any) -> Any:
        take, value = self.choices.get(place, (None, None))
        if take == "theirs":
            return t
        if take == "value":
            return _NONE if value is None else value
        if take is None:
            plain = [None if x is _NONE else {k: v for k, v in x.items() if k != "\0"} if isinstance(x, dict) else x
                     for x in (b, m, t)]
            line = what if isinstance(what, tuple) else None
            what = line_text(*line, lang="en") if line else what
            self.conflicts.append(MergeConflict(place, kind, what, name, plain[0], plain[1], plain[2], line))
        return m

    def _ids(self, kept: dict[str, dict[str, Any]]) -> dict[str, str]:
        ids: dict[str, str] = {}
        used: set[str] = set()  # an id renamed on one side may be an id the other side added
        for key, person in kept.items():
            wanted = str(person.get("id", key))  # a decided person without an id keeps the place's
            pid, n = wanted, 1
            while pid in used:
                n += 1
                pid = f"{wanted}_{n}"
            used.add(pid)
            ids[key] = pid
        return ids

    def _place_lines(self, kept: dict[tuple, dict[str, Any]], ids: dict[str, str]) -> list[dict[str, Any]]:
        """The kept lines in merged ids; a reporting line that would close a cycle is a conflict."""
        out: list[dict[str, Any]] = []
        above: dict[str, list[str]] = {}
        b, m, t = self.lines
        both = [k for k in kept if k in m and k in t]
        for key in both + [k for k in kept if k not in both]:
            rel = kept[key]
            if rel["source"] not in ids or rel["target"] not in ids:
                continue
            source, target = ids[rel["source"]], ids[rel["target"]]
            if rel["type"] == "reports_to":
                if _reaches(above, target, source):
                    what, place = self._what("relationships", key)
                    self._decide(place + ".cycle", "cycle", what, None, b.get(key, _NONE), m.get(key, _NONE),
                                 t.get(key, _NONE))
                    continue
                above.setdefault(source, []).append(target)
            out.append(dict(rel, source=source, target=target))
        return out


def _person_keys(base: PowerMap, mine: PowerMap, theirs: PowerMap) -> list[dict[str, str]]:
    """For each side, its ids to one key per person (base id, else the adder's id)."""
    keys: list[dict[str, str]] = [{p.id: p.id for p in base.stakeholders}, {}, {}]
    for side, pm in ((1, mine), (2, theirs)):
        keys[side] = {m.b: m.a for m in match_people(base, pm)}
    added = [PowerMap.from_dict({"format": "powermap/1", "stakeholders": [p.to_dict() for p in pm.stakeholders
                                                                          if p.id not in keys[side]]}, validate=False)
             for side, pm in ((1, mine), (2, theirs))]
    taken = set(keys[0])
    for p in added[0].stakeholders:
        keys[1][p.id] = _fresh(p.id, taken, "mine")
    for match in match_people(added[0], added[1]):
        keys[2][match.b] = keys[1][match.a]
    for p in added[1].stakeholders:
        if p.id not in keys[2]:
            keys[2][p.id] = _fresh(p.id, taken, "theirs")
    return keys


def _fresh(pid: str, taken: set[str], side: str) -> str:
    key = pid if pid not in taken else f"{pid}~{side}"
    taken.add(key)
    return key


def _unique(out: Mapping[tuple, Any], key: tuple) -> tuple:
    """``key``, or for the n-th line between the same ends ``(*key, n)``."""
    return next(k for n in count(1) if (k := key if n == 1 else (*key, n)) not in out)


def _ordered(*dicts: Mapping[Any, Any]) -> list[Any]:
    return list(dict.fromkeys(k for d in dicts for k in d))


def _reaches(above: dict[str, list[str]], start: str, goal: str) -> bool:
    seen, todo = set(), [start]
    while todo:
        node = todo.pop()
        if node == goal:
            return True
        todo.extend(() if node in seen else above.get(node, ()))
        seen.add(node)
    return False


def _field_label(name: str | None, lang: str) -> str:
    head, _, rest = (name or "").partition(".")
    try:
        label = vocab.text(f"merge.field_{head}", lang=lang)
    except UnknownName:  # a field kept from a newer tool
        label = head
    return f"{label} · {rest}" if rest else label


def _shown(name: str | None, value: Any, lang: str) -> str:
    if value is None:
        return vocab.text("merge.absent", lang=lang)
    if name in _CODED:
        return value_text(name, value, lang)
    shown = json.dumps(value, ensure_ascii=False) if isinstance(value, (dict, list)) else str(value)
    return " ⏎ ".join(shown.splitlines())  # a conflict stays one line, whatever the notes hold
