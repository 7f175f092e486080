"""The power-map model: :class:`PowerMap` of :class:`Stakeholder`, :class:`Relationship`
and :class:`Coverage`, exactly as ``design/format.md`` describes.

A missing value is ``None`` (unknown), never a guessed default. Keys this version does not
know are kept in ``extra`` and written back on save, so a newer tool's fields survive.
Every edit goes through the same validation as loading; an invalid edit raises
:class:`~powermap_kit.errors.MapFormatError` and leaves the map unchanged.

>>> pm = PowerMap()
>>> pm.add_stakeholder(id="cio", name="Wang Wei", roles=["decision_maker"], power=5).name
'Wang Wei'
>>> pm.add_stakeholder(id="mgr", name="Li Na", power=9)
Traceback (most recent call last):
...
powermap_kit.errors.MapFormatError: 1 problem(s) found
  stakeholders[1].power: 9 is not a whole number from 1 to 5
"""

from __future__ import annotations

import copy as _copy
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any

from . import vocab
from .errors import MapFormatError, Problem, RelationshipNotFound, StakeholderNotFound
from .validation import FORMAT, _check_coverage, _check_relationships, validate_data, validate_stakeholder

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Account", "Coverage", "Opportunity", "PowerMap", "Relationship", "Stakeholder"]


def _is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, (list, dict)) and not value)


class _Record:
    """Shared dict conversion: known fields in declared order, then unknown keys."""

    extra: dict[str, Any]
    _KNOWN: tuple[str, ...] = ()

    if TYPE_CHECKING:  # every subclass is a dataclass whose __init__ takes its fields and ``extra``
        def __init__(self, *args: Any, extra: dict[str, Any], **kwargs: Any) -> None: ...

    @classmethod
    def _known(cls) -> tuple[str, ...]:
        if not cls.__dict__.get("_KNOWN"):
            cls._KNOWN = tuple(f.name for f in fields(cls) if f.name != "extra")  # type: ignore[arg-type]
        return cls._KNOWN

    @classmethod
    def from_dict(cls, data: dict[str, Any], copy: bool = True):
        """Build from JSON data; ``copy=False`` adopts the given values (for freshly parsed data)."""
        if copy:
            data = _copy.deepcopy(data)
        known = cls._known()
        kwargs = {k: data[k] for k in known if k in data and data[k] is not None}
        extra = {k: v for k, v in data.items() if k not in known}
        return cls(**kwargs, extra=extra)

    def to_dict(self) -> dict[str, Any]:
        out = {}
        for key in self._known():
            value = getattr(self, key)
            if not _is_empty(value):
                out[key] = _copy.deepcopy(value)
        out.update(_copy.deepcopy(self.extra))
        return out


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


@dataclass
class Account(_Record):
    name: str | None = None
    industry: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Opportunity(_Record):
    name: str | None = None
    value: float | None = None
    currency: str | None = None
    stage: str | None = None
    decision_mode: str | None = None
    competitors: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)


Listener = Callable[[str, dict[str, Any]], None]


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
        self.stakeholders.append(person)
        self._notify("stakeholder_added", id=person.id, index=len(self.stakeholders) - 1)
        return person

    def update_stakeholder(self, stakeholder_id: str, **changes: Any) -> Stakeholder:
        """Change fields of a person (``None`` clears a field); a new ``id`` renames every reference."""
        index = self._index(stakeholder_id)
        person = self.stakeholders[index]
        data = person.to_dict()
        for key, value in changes.items():
            if value is None:
                data.pop(key, None)
            else:
                data[key] = value
        place = f"stakeholders[{index}]"
        problems = validate_stakeholder(data, place)
        new_id = data.get("id")
        if isinstance(new_id, str) and new_id != stakeholder_id and new_id in self:
            problems.append(Problem(f"{place}.id", "duplicate_id", new_id, params={"first": self._index(new_id)}))
        if problems:
            raise MapFormatError(problems)
        updated = Stakeholder.from_dict(data, copy=False)
        for f in fields(Stakeholder):
            setattr(person, f.name, getattr(updated, f.name))
        if new_id != stakeholder_id:
            self._rename(stakeholder_id, person.id)  # person.id == new_id now, validated as a str
        self._notify("stakeholder_updated", id=person.id, old_id=stakeholder_id, changes=sorted(changes))
        return person

    def _rename(self, old: str, new: str) -> None:
        for rel in self.relationships:
            rel.source = new if rel.source == old else rel.source
            rel.target = new if rel.target == old else rel.target
        for cov in self.coverage:
            if cov.stakeholder == old:
                cov.stakeholder = new
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
        """Change fields of the relationship at ``index`` (``None`` clears a field)."""
        if not 0 <= index < len(self.relationships):
            raise RelationshipNotFound(index)
        data = self.relationships[index].to_dict()
        for key, value in changes.items():
            if value is None:
                data.pop(key, None)
            else:
                data[key] = value
        candidate = [r.to_dict() for r in self.relationships]
        candidate[index] = data
        self._check_lines(relationships=candidate)
        self.relationships[index] = Relationship.from_dict(data)
        self._notify("relationship_updated", index=index)
        return self.relationships[index]

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
        self.coverage.append(cov)
        self._notify("coverage_added", index=len(self.coverage) - 1)
        return cov

    def remove_coverage(self, index: int) -> Coverage:
        if not 0 <= index < len(self.coverage):
            raise RelationshipNotFound(index)
        cov = self.coverage.pop(index)
        self._notify("coverage_removed", index=index)
        return cov

    def update_opportunity(self, **changes: Any) -> Opportunity:
        """Change the opportunity (stage, decision_mode, value, ...), validated."""
        data = self.opportunity.to_dict()
        for key, value in changes.items():
            if value is None:
                data.pop(key, None)
            else:
                data[key] = value
        problems = [p for p in validate_data({"format": FORMAT, "stakeholders": [], "opportunity": data})]
        if problems:
            raise MapFormatError(problems)
        self.opportunity = Opportunity.from_dict(data)
        self._notify("opportunity_updated", changes=sorted(changes))
        return self.opportunity

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
