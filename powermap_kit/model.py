"""The power-map model: :class:`PowerMap` of :class:`Stakeholder`, :class:`Relationship`
and :class:`Coverage`, exactly as ``design/format.md`` describes.

A missing value is ``None`` (unknown), never a guessed default. Keys this version does not
know are kept in ``extra`` and written back on save, so a newer tool's fields survive.
Every edit goes through the same validation as loading; an invalid edit raises
:class:`~powermap_kit.errors.MapFormatError` and leaves the map unchanged. That holds for
assigning a field (``person.power = 4``) and for editing a list or dict field in place
(``person.roles.append("user")``) too: in a map both are edits through the editing API
and fire its change events.

>>> pm = PowerMap()
>>> pm.add_stakeholder(id="cio", name="Wang Wei", roles=["decision_maker"], power=5).name
'Wang Wei'
>>> pm.add_stakeholder(id="mgr", name="Li Na", power=9)
Traceback (most recent call last):
...
powermap_kit.errors.MapFormatError: 1 problem(s) found
  stakeholders[1].power: 9 is not a whole number from 1 to 5
>>> pm.stakeholder("cio").stance = "supporter"
Traceback (most recent call last):
...
powermap_kit.errors.MapFormatError: 1 problem(s) found
  stakeholders[0].stance: "supporter" is not one of unknown, oppose, neutral, support, champion (did you mean "support"?)
"""

from __future__ import annotations

import copy as _copy
from collections.abc import Callable, Iterator
import weakref
from dataclasses import MISSING, dataclass, field, fields
from typing import TYPE_CHECKING, Any, ClassVar

from . import vocab
from ._owned import own
from .errors import MapFormatError, Problem, RelationshipNotFound, StakeholderNotFound
from .validation import FORMAT, _check_coverage, _check_relationships, validate_data, validate_stakeholder

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Account", "Coverage", "Opportunity", "PowerMap", "Relationship", "Stakeholder"]


def _is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, (list, dict)) and not value)


class _Record:
    """Shared behaviour of the records: dict conversion (known fields in declared order,
    then unknown keys) and validated assignment.

    Assigning a field after construction (``person.power = 4``) is checked like the
    editing API: in a map it *is* the editing API (``update_stakeholder`` and friends, so
    change events fire and a new id renames every reference); a record on its own checks
    the changed fields. A bad value raises :class:`MapFormatError` and changes nothing.
    """

    extra: dict[str, Any]
    _KNOWN: tuple[str, ...] = ()
    _KNOWN_SET: ClassVar[frozenset[str]]
    _SPEC: ClassVar[tuple[dict[str, Any], tuple[tuple[str, Any], ...], frozenset[str]]]
    _PLACE: ClassVar[str] = ""

    if TYPE_CHECKING:  # every subclass is a dataclass whose __init__ takes its fields and ``extra``
        def __init__(self, *args: Any, extra: dict[str, Any], **kwargs: Any) -> None: ...

    @classmethod
    def _known(cls) -> tuple[str, ...]:
        if not cls.__dict__.get("_KNOWN"):
            cls._KNOWN = tuple(f.name for f in fields(cls) if f.name != "extra")  # type: ignore[arg-type]
        return cls._KNOWN

    @classmethod
    def _known_set(cls) -> frozenset[str]:
        found = cls.__dict__.get("_KNOWN_SET")
        if found is None:
            found = cls._KNOWN_SET = frozenset(cls._known())
        return found

    @classmethod
    def _spec(cls) -> tuple[dict[str, Any], tuple[tuple[str, Any], ...], frozenset[str]]:
        """For :meth:`from_dict`: the plain defaults, the (name, factory) of list and dict
        fields, and the required fields."""
        spec = cls.__dict__.get("_SPEC")
        if spec is None:
            known = [f for f in fields(cls) if f.name != "extra"]  # type: ignore[arg-type]
            spec = cls._SPEC = (
                {f.name: f.default for f in known if f.default is not MISSING},
                tuple((f.name, f.default_factory) for f in known if f.default_factory is not MISSING),
                frozenset(f.name for f in known if f.default is MISSING and f.default_factory is MISSING),
            )
        return spec

    @classmethod
    def from_dict(cls, data: dict[str, Any], copy: bool = True):
        """Build from JSON data; ``copy=False`` adopts the given values (for freshly parsed data)."""
        if copy:
            data = _copy.deepcopy(data)
        defaults, factories, required = cls._spec()
        known = cls._known_set()
        # Filled directly rather than through __init__ and the validating __setattr__:
        # loading a cohort builds many records from plain JSON data.
        record = object.__new__(cls)
        values = record.__dict__
        values.update(defaults)
        extra = {}
        for key, value in data.items():
            if key not in known:
                extra[key] = value
            elif value is not None:
                values[key] = value
        for name, factory in factories:
            value = values.get(name)
            values[name] = own(record, name, factory() if value is None else value)
        values["extra"] = extra
        if not values.keys() >= required:
            return cls(**{k: v for k, v in values.items() if k != "extra"}, extra=extra)  # the usual TypeError
        return record

    def to_dict(self) -> dict[str, Any]:
        out = {}
        values = self.__dict__
        for key in self._known():
            value = values[key]
            if not _is_empty(value):
                out[key] = _json_copy(value)
        out.update(_json_copy(self.extra))
        return out

    def __setattr__(self, name: str, value: Any) -> None:
        if name in self._known_set():
            if name in self.__dict__:  # a change, not the constructor's first assignment
                if value is not self.__dict__[name]:  # ``p.roles += [...]`` edits in place, then assigns back
                    self._change({name: value})
                return
            value = own(self, name, value)
        object.__setattr__(self, name, value)

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state.pop("_in_map", None)  # a weak link: the map re-adopts its records when it is unpickled
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        known = self._known()
        for name, value in state.items():
            object.__setattr__(self, name, own(self, name, value) if name in known else value)

    def _change(self, changes: dict[str, Any]) -> None:
        pm = self._map()
        if pm is not None:
            pm._update_record(self, changes)
            return
        data = _changed(self.to_dict(), changes)
        problems = [p for p in self._problems(data) if _field_of(p.place) in (None, *changes)]
        if problems:
            raise MapFormatError(problems)
        _take_fields(self, type(self).from_dict(data, copy=False), changes)

    def _problems(self, data: dict[str, Any]) -> list[Problem]:
        """The problems of this record's data on its own (ends of lines are not checked)."""
        listed = self._PLACE in ("relationships", "coverage")
        wrapped = {"format": FORMAT, "stakeholders": [], self._PLACE: [data] if listed else data}
        return [p for p in validate_data(wrapped) if p.code != "unknown_id"]

    def _map(self) -> PowerMap | None:
        """The map this record is part of, or ``None``."""
        ref = self.__dict__.get("_in_map")
        pm = ref() if ref is not None else None
        return pm if pm is not None and pm._holds(self) else None


_ATOMS = frozenset({str, int, float, bool, type(None)})


def _json_copy(value: Any) -> Any:
    """A deep copy of JSON-like data as plain lists and dicts (faster than ``copy.deepcopy``)."""
    kind = value.__class__
    if kind in _ATOMS:
        return value
    if isinstance(value, list):
        return [v if v.__class__ in _ATOMS else _json_copy(v) for v in value]
    if isinstance(value, dict):
        return {k: v if v.__class__ in _ATOMS else _json_copy(v) for k, v in value.items()}
    return _copy.deepcopy(value)


def _changed(data: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    """``data`` with ``changes`` applied; ``None`` clears a field."""
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = _copy.deepcopy(value)
    return data


def _field_of(place: str) -> str | None:
    """``stakeholder.support.trust`` → ``support``; ``relationships[0]`` → ``None`` (the whole record)."""
    parts = place.split(".")
    return parts[1].split("[")[0] if len(parts) > 1 else None


def _take_fields(target: _Record, source: _Record, names: Any = None) -> None:
    """Give ``target`` the values of ``source`` in the fields that differ (all fields and
    ``extra`` when ``names`` is None), keeping the other fields' objects as they are."""
    for name in (*target._known(), "extra"):
        if names is not None and name not in names and name != "extra":
            continue
        new = source.__dict__[name]
        if new != target.__dict__.get(name) or type(new) is not type(target.__dict__.get(name)):
            object.__setattr__(target, name, new if name == "extra" else own(target, name, new))


@dataclass
class Stakeholder(_Record):
    """One person in the customer organisation."""

    id: str
    name: str
    title: str | None = None
    department: str | None = None
    roles: list[str] = field(default_factory=list)
    power: int | None = None
    stance: str | None = None
    coach: bool | None = None
    support: dict[str, int] = field(default_factory=dict)
    needs: list[str] = field(default_factory=list)
    motives: list[str] = field(default_factory=list)
    relationship_step: str | None = None
    preferred_vendor: str | None = None
    notes: str | None = None
    last_verified: str | None = None
    evidence: dict[str, str] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    _PLACE: ClassVar[str] = "stakeholders"

    def _problems(self, data: dict[str, Any]) -> list[Problem]:
        return validate_stakeholder(data, "stakeholder")

    @property
    def stance_or_unknown(self) -> str:
        """The stance code, ``"unknown"`` when not recorded."""
        return self.stance or "unknown"

    @property
    def is_coach(self) -> bool:
        return bool(self.coach)


@dataclass
class Relationship(_Record):
    """A line between two people: ``reports_to`` and ``influences`` are directed."""

    source: str
    target: str
    type: str
    strength: int | None = None
    note: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    _PLACE: ClassVar[str] = "relationships"

    @property
    def directed(self) -> bool:
        return bool(vocab.entry(self.type, "relationship_type")["directed"])


@dataclass
class Coverage(_Record):
    """Who on our side covers a stakeholder, through which channel, how well."""

    owner: str | None = None
    stakeholder: str = ""
    channel: str | None = None
    strength: int | None = None
    last_contact: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    _PLACE: ClassVar[str] = "coverage"


@dataclass
class Account(_Record):
    """The customer organisation."""

    name: str | None = None
    industry: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    _PLACE: ClassVar[str] = "account"


@dataclass
class Opportunity(_Record):
    """The deal: value, buying stage, decision mode, competitors."""

    name: str | None = None
    value: float | None = None
    currency: str | None = None
    stage: str | None = None
    decision_mode: str | None = None
    competitors: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    _PLACE: ClassVar[str] = "opportunity"


Listener = Callable[[str, dict[str, Any]], None]
_PARTS = frozenset({"stakeholders", "relationships", "coverage", "account", "opportunity"})


@dataclass
class PowerMap:
    """A power map for one opportunity. Build one with :func:`~powermap_kit.load_map` or directly."""

    stakeholders: list[Stakeholder] = field(default_factory=list)
    relationships: list[Relationship] = field(default_factory=list)
    coverage: list[Coverage] = field(default_factory=list)
    account: Account = field(default_factory=Account)
    opportunity: Opportunity = field(default_factory=Opportunity)
    meta: dict[str, Any] = field(default_factory=dict)
    grading: dict[str, Any] | None = None
    format: str = FORMAT
    extra: dict[str, Any] = field(default_factory=dict)
    _listeners: list[Listener] = field(default_factory=list, repr=False, compare=False)

    # ---- records belong to their map ------------------------------------------------------
    def __setattr__(self, name: str, value: Any) -> None:
        object.__setattr__(self, name, value)
        if name in _PARTS:
            ref = weakref.ref(self)
            for record in value if isinstance(value, list) else (value,):
                if isinstance(record, _Record):
                    object.__setattr__(record, "_in_map", ref)

    def __setstate__(self, state: dict[str, Any]) -> None:
        for name, value in state.items():
            setattr(self, name, value)

    def _adopt(self, record: _Record) -> None:
        object.__setattr__(record, "_in_map", weakref.ref(self))

    def _holds(self, record: _Record) -> bool:
        if record is self.account or record is self.opportunity:
            return True
        return any(r is record for r in self._part_of(record))

    def _part_of(self, record: _Record) -> list[Any]:
        if isinstance(record, Stakeholder):
            return self.stakeholders
        return self.relationships if isinstance(record, Relationship) else self.coverage

    def _update_record(self, record: _Record, changes: dict[str, Any]) -> None:
        """Route an assignment to a record's field through the editing API."""
        if record is self.opportunity:
            self.update_opportunity(**changes)
        elif record is self.account:
            self.update_account(**changes)
        else:
            index = next(i for i, r in enumerate(self._part_of(record)) if r is record)
            update = {Stakeholder: self._update_stakeholder_at, Relationship: self.update_relationship,
                      Coverage: self.update_coverage}[type(record)]
            update(index, **changes)

    # ---- conversion -------------------------------------------------------------------
    @classmethod
    def from_dict(cls, data: Any, file: str | None = None, validate: bool = True, copy: bool = True) -> PowerMap:
        """Build a map from parsed JSON; raise :class:`MapFormatError` listing every problem.

        The map never shares mutable values with ``data`` unless ``copy=False`` (used for
        data parsed just for this map).
        """
        if validate:
            problems = validate_data(data, file)
            if problems:
                raise MapFormatError(problems, file)
        if copy:
            data = _copy.deepcopy(data)
        known = {"format", "account", "opportunity", "stakeholders", "relationships", "coverage", "meta", "grading"}
        return cls(
            format=data["format"],
            account=Account.from_dict(data.get("account") or {}, copy=False),
            opportunity=Opportunity.from_dict(data.get("opportunity") or {}, copy=False),
            stakeholders=[Stakeholder.from_dict(p, copy=False) for p in data["stakeholders"]],
            relationships=[Relationship.from_dict(r, copy=False) for r in data.get("relationships") or []],
            coverage=[Coverage.from_dict(c, copy=False) for c in data.get("coverage") or []],
            meta=data.get("meta") or {},
            grading=data.get("grading"),
            extra={k: v for k, v in data.items() if k not in known},
        )

    def to_dict(self) -> dict[str, Any]:
        """The map as format.md JSON data (known fields in order, unknown keys kept)."""
        out: dict[str, Any] = {"format": self.format}
        for key in ("account", "opportunity"):
            part = getattr(self, key).to_dict()
            if part:
                out[key] = part
        out["stakeholders"] = [s.to_dict() for s in self.stakeholders]
        if self.relationships:
            out["relationships"] = [r.to_dict() for r in self.relationships]
        if self.coverage:
            out["coverage"] = [c.to_dict() for c in self.coverage]
        if self.grading is not None:
            out["grading"] = _copy.deepcopy(self.grading)
        if self.meta:
            out["meta"] = _copy.deepcopy(self.meta)
        out.update(_copy.deepcopy(self.extra))
        return out

    def copy(self) -> PowerMap:
        """An independent deep copy (without change listeners)."""
        return PowerMap.from_dict(self.to_dict(), validate=False, copy=False)

    def validate(self) -> list[Problem]:
        """Every problem the map has now (an empty list when valid)."""
        return validate_data(self.to_dict())

    # ---- lookup -----------------------------------------------------------------------
    def __iter__(self) -> Iterator[Stakeholder]:
        return iter(self.stakeholders)

    def __len__(self) -> int:
        return len(self.stakeholders)

    def __contains__(self, stakeholder_id: object) -> bool:
        return any(s.id == stakeholder_id for s in self.stakeholders)

    @property
    def ids(self) -> list[str]:
        return [s.id for s in self.stakeholders]

    def stakeholder(self, stakeholder_id: str) -> Stakeholder:
        """The stakeholder with this id; :class:`StakeholderNotFound` if none."""
        for person in self.stakeholders:
            if person.id == stakeholder_id:
                return person
        raise StakeholderNotFound(stakeholder_id)

    def get(self, stakeholder_id: str) -> Stakeholder | None:
        return next((s for s in self.stakeholders if s.id == stakeholder_id), None)

    def _index(self, stakeholder_id: str) -> int:
        for i, person in enumerate(self.stakeholders):
            if person.id == stakeholder_id:
                return i
        raise StakeholderNotFound(stakeholder_id)

    def with_role(self, role: str) -> list[Stakeholder]:
        """The people holding a role code."""
        return [s for s in self.stakeholders if role in s.roles]

    def relationships_of(self, stakeholder_id: str) -> list[Relationship]:
        return [r for r in self.relationships if stakeholder_id in (r.source, r.target)]

    def coverage_of(self, stakeholder_id: str) -> list[Coverage]:
        return [c for c in self.coverage if c.stakeholder == stakeholder_id]

    def new_id(self, name: str = "p") -> str:
        """A fresh id derived from a name (ASCII letters and digits kept, else ``p``)."""
        base = "".join(ch.lower() if ch.isascii() and ch.isalnum() else "_" for ch in name).strip("_") or "p"
        base = "_".join(part for part in base.split("_") if part)[:24] or "p"
        taken = set(self.ids)
        if base not in taken:
            return base
        n = 2
        while f"{base}_{n}" in taken:
            n += 1
        return f"{base}_{n}"

    # ---- change notification ----------------------------------------------------------
    def on_change(self, callback: Listener, remove: bool = False) -> None:
        """Call ``callback(event, details)`` after every successful edit (widgets use this)."""
        if remove:
            if callback in self._listeners:
                self._listeners.remove(callback)
        elif callback not in self._listeners:
            self._listeners.append(callback)

    def _notify(self, event: str, **details: Any) -> None:
        for callback in list(self._listeners):
            callback(event, details)

    # ---- editing ----------------------------------------------------------------------
    def add_stakeholder(self, stakeholder: Stakeholder | dict[str, Any] | None = None, **fields_: Any) -> Stakeholder:
        """Add a person (a :class:`Stakeholder`, a dict, or keyword fields); return it.

        Without an ``id`` one is made from the name.
        """
        data = _as_dict(stakeholder)
        data.update(fields_)
        if not data.get("id") and isinstance(data.get("name"), str):
            data["id"] = self.new_id(data["name"])
        place = f"stakeholders[{len(self.stakeholders)}]"
        problems = validate_stakeholder(data, place)
        if data.get("id") in self:
            first = self._index(data["id"])
            problems.append(Problem(f"{place}.id", "duplicate_id", data["id"], params={"first": first}))
        if problems:
            raise MapFormatError(problems)
        person = Stakeholder.from_dict(data)
        self._adopt(person)
        self.stakeholders.append(person)
        self._notify("stakeholder_added", id=person.id, index=len(self.stakeholders) - 1)
        return person

    def update_stakeholder(self, stakeholder_id: str, **changes: Any) -> Stakeholder:
        """Change fields of a person (``None`` clears a field); a new ``id`` renames every reference.

        Assigning a field (``pm.stakeholder("cio").power = 4``) does the same.
        """
        return self._update_stakeholder_at(self._index(stakeholder_id), **changes)

    def _update_stakeholder_at(self, index: int, **changes: Any) -> Stakeholder:
        person = self.stakeholders[index]
        stakeholder_id = person.id
        data = _changed(person.to_dict(), changes)
        place = f"stakeholders[{index}]"
        problems = validate_stakeholder(data, place)
        new_id = data.get("id")
        if isinstance(new_id, str) and new_id != stakeholder_id and new_id in self:
            problems.append(Problem(f"{place}.id", "duplicate_id", new_id, params={"first": self._index(new_id)}))
        if problems:
            raise MapFormatError(problems)
        _take_fields(person, Stakeholder.from_dict(data, copy=False))
        if new_id != stakeholder_id:
            self._rename(stakeholder_id, person.id)  # person.id == new_id now, validated as a str
        self._notify("stakeholder_updated", id=person.id, old_id=stakeholder_id, changes=sorted(changes))
        return person

    def _rename(self, old: str, new: str) -> None:
        for rel in self.relationships:  # plain writes: the new id is valid, and one event covers the rename
            if rel.source == old:
                object.__setattr__(rel, "source", new)
            if rel.target == old:
                object.__setattr__(rel, "target", new)
        for cov in self.coverage:
            if cov.stakeholder == old:
                object.__setattr__(cov, "stakeholder", new)
        aliases = (self.grading or {}).get("aliases")
        if isinstance(aliases, dict) and old in aliases:
            aliases[new] = aliases.pop(old)

    def remove_stakeholder(self, stakeholder_id: str) -> Stakeholder:
        """Remove a person and every relationship and coverage line naming them."""
        person = self.stakeholders.pop(self._index(stakeholder_id))
        self.relationships = [r for r in self.relationships if stakeholder_id not in (r.source, r.target)]
        self.coverage = [c for c in self.coverage if c.stakeholder != stakeholder_id]
        self._notify("stakeholder_removed", id=stakeholder_id)
        return person

    def _check_lines(self, relationships: list[dict[str, Any]] | None = None,
                     coverage: list[dict[str, Any]] | None = None) -> None:
        ids = {s.id: i for i, s in enumerate(self.stakeholders)}
        from .validation import _Collector

        c = _Collector(None)
        if relationships is not None:
            _check_relationships(c, relationships, ids)
        if coverage is not None:
            _check_coverage(c, coverage, ids)
        if c.problems:
            raise MapFormatError(c.problems)

    def add_relationship(self, source: str | Relationship | dict[str, Any], target: str | None = None,
                         type: str | None = None, **fields_: Any) -> Relationship:
        """Add a relationship ``source → target`` of a type code; return it."""
        if isinstance(source, (Relationship, dict)):
            data = _as_dict(source)
        else:
            data = {"source": source, "target": target, "type": type}
        data.update(fields_)
        data = {k: v for k, v in data.items() if v is not None}
        self._check_lines(relationships=[r.to_dict() for r in self.relationships] + [data])
        rel = Relationship.from_dict(data)
        self._adopt(rel)
        self.relationships.append(rel)
        self._notify("relationship_added", index=len(self.relationships) - 1)
        return rel

    def find_relationship(self, source: str, target: str, type: str | None = None) -> int:
        """Index of the first relationship with these ends (either way round for undirected types)."""
        for i, rel in enumerate(self.relationships):
            if type is not None and rel.type != type:
                continue
            if (rel.source, rel.target) == (source, target) or (
                not rel.directed and (rel.source, rel.target) == (target, source)
            ):
                return i
        raise RelationshipNotFound((source, target, type))

    def update_relationship(self, index: int, **changes: Any) -> Relationship:
        """Change fields of the relationship at ``index`` (``None`` clears a field).

        Assigning a field (``pm.relationships[0].strength = 3``) does the same.
        """
        if not 0 <= index < len(self.relationships):
            raise RelationshipNotFound(index)
        rel = self.relationships[index]
        data = _changed(rel.to_dict(), changes)
        candidate = [r.to_dict() for r in self.relationships]
        candidate[index] = data
        self._check_lines(relationships=candidate)
        _take_fields(rel, Relationship.from_dict(data, copy=False))
        self._notify("relationship_updated", index=index)
        return rel

    def remove_relationship(self, index: int) -> Relationship:
        if not 0 <= index < len(self.relationships):
            raise RelationshipNotFound(index)
        rel = self.relationships.pop(index)
        self._notify("relationship_removed", index=index)
        return rel

    def add_coverage(self, stakeholder: str | Coverage | dict[str, Any], **fields_: Any) -> Coverage:
        """Record who on our side covers a stakeholder (owner, channel, strength, last_contact)."""
        data = _as_dict(stakeholder) if isinstance(stakeholder, (Coverage, dict)) else {"stakeholder": stakeholder}
        data.update({k: v for k, v in fields_.items() if v is not None})
        self._check_lines(coverage=[data])
        cov = Coverage.from_dict(data)
        self._adopt(cov)
        self.coverage.append(cov)
        self._notify("coverage_added", index=len(self.coverage) - 1)
        return cov

    def update_coverage(self, index: int, **changes: Any) -> Coverage:
        """Change fields of the coverage line at ``index`` (``None`` clears a field)."""
        if not 0 <= index < len(self.coverage):
            raise RelationshipNotFound(index)
        cov = self.coverage[index]
        data = _changed(cov.to_dict(), changes)
        self._check_lines(coverage=[data])
        _take_fields(cov, Coverage.from_dict(data, copy=False))
        self._notify("coverage_updated", index=index)
        return cov

    def remove_coverage(self, index: int) -> Coverage:
        if not 0 <= index < len(self.coverage):
            raise RelationshipNotFound(index)
        cov = self.coverage.pop(index)
        self._notify("coverage_removed", index=index)
        return cov

    def update_opportunity(self, **changes: Any) -> Opportunity:
        """Change the opportunity (stage, decision_mode, value, ...), validated."""
        self._update_part(self.opportunity, changes)
        self._notify("opportunity_updated", changes=sorted(changes))
        return self.opportunity

    def update_account(self, **changes: Any) -> Account:
        """Change the account (name, industry), validated."""
        self._update_part(self.account, changes)
        self._notify("account_updated", changes=sorted(changes))
        return self.account

    def _update_part(self, part: _Record, changes: dict[str, Any]) -> None:
        data = _changed(part.to_dict(), changes)
        problems = part._problems(data)
        if problems:
            raise MapFormatError(problems)
        _take_fields(part, type(part).from_dict(data, copy=False))

    def replace_with(self, other: PowerMap) -> None:
        """Make this map a copy of ``other`` in place (undo/redo, reload); listeners are kept."""
        fresh = other.copy()
        for f in fields(PowerMap):
            if f.name != "_listeners":
                setattr(self, f.name, getattr(fresh, f.name))
        self._notify("replaced")

    # ---- tables -----------------------------------------------------------------------
    def stakeholders_frame(self, labels: bool = False, lang: str | None = None) -> pd.DataFrame:
        """One row per person. ``labels=True`` shows labels and headings in the language."""
        import pandas as pd

        rows = []
        for s in self.stakeholders:
            row: dict[str, Any] = {
                "id": s.id, "name": s.name, "title": s.title, "department": s.department,
                "roles": list(s.roles), "power": s.power, "stance": s.stance_or_unknown, "coach": s.coach,
            }
            for dim in vocab.SUPPORT_DIMENSIONS:
                row[dim] = s.support.get(dim)
            row.update(relationship_step=s.relationship_step, preferred_vendor=s.preferred_vendor,
                       last_verified=s.last_verified)
            rows.append(row)
        columns = ["id", "name", "title", "department", "roles", "power", "stance", "coach",
                   *vocab.SUPPORT_DIMENSIONS, "relationship_step", "preferred_vendor", "last_verified"]
        frame = pd.DataFrame(rows, columns=columns)
        for col in ["power", *vocab.SUPPORT_DIMENSIONS]:
            frame[col] = frame[col].astype("Int64")
        frame["coach"] = frame["coach"].astype("boolean")
        if labels:
            frame = _labelled(frame, lang, {
                "roles": lambda v: ", ".join(vocab.label(r, "role", lang) for r in v),
                "stance": lambda v: vocab.label(v, "stance", lang),
                "relationship_step": lambda v: vocab.label(v, "relationship_step", lang) if isinstance(v, str) else v,
            })
        else:
            frame["roles"] = frame["roles"].map(lambda v: ", ".join(v))
        return frame

    def relationships_frame(self, labels: bool = False, lang: str | None = None) -> pd.DataFrame:
        """One row per relationship, with both ends' names."""
        import pandas as pd

        names = {s.id: s.name for s in self.stakeholders}
        frame = pd.DataFrame(
            [{"source": r.source, "source_name": names.get(r.source), "type": r.type, "target": r.target,
              "target_name": names.get(r.target), "strength": r.strength, "note": r.note}
             for r in self.relationships],
            columns=["source", "source_name", "type", "target", "target_name", "strength", "note"],
        )
        frame["strength"] = frame["strength"].astype("Int64")
        if labels:
            frame = frame.drop(columns=["source", "target"]).rename(
                columns={"source_name": "source", "target_name": "target"})
            frame = _labelled(frame, lang, {"type": lambda v: vocab.label(v, "relationship_type", lang)})
        return frame


def _labelled(frame: pd.DataFrame, lang: str | None, converters: dict[str, Callable[[Any], Any]]) -> pd.DataFrame:
    frame = frame.copy()
    for column, convert in converters.items():
        frame[column] = frame[column].map(convert)
    heads = {}
    for column in frame.columns:
        base = column
        if base in vocab.SUPPORT_DIMENSIONS:
            heads[column] = vocab.label(base, "support_dimension", lang)
        else:
            try:
                heads[column] = vocab.text(f"field.{base}", lang=lang)
            except KeyError:
                heads[column] = column
    return frame.rename(columns=heads)


def _as_dict(item: Any) -> dict[str, Any]:
    if item is None:
        return {}
    if isinstance(item, dict):
        return dict(item)
    return item.to_dict()
