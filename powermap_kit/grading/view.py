"""A read-only view of a validated submission: what grading reads, without building a map.

Grading a cohort reads each submission once and never edits it, so the records of
:class:`~powermap_kit.model.PowerMap` (validated assignment, owned list fields, change
events) cost more than the grading itself. :class:`MapView` offers the attributes the
criteria and the matching read (``stakeholders`` with ``id``, ``name``, ``title``,
``roles``, ``power``, ``stance``, ``coach``; ``relationships``; ``opportunity``; ``meta``)
over JSON data that :func:`~powermap_kit.validation.validate_data` has accepted, and
:meth:`MapView.to_map` builds the full map when someone asks for it.

>>> view = MapView({"format": "powermap/1", "stakeholders": [{"id": "a", "name": "Li Ming", "power": 4}]})
>>> [(p.id, p.name, p.roles, p.power, p.stance_or_unknown) for p in view.stakeholders]
[('a', 'Li Ming', [], 4, 'unknown')]
>>> view.to_map().stakeholder("a").power
4
"""

from __future__ import annotations

from typing import Any

from ..errors import StakeholderNotFound
from ..model import PowerMap

__all__ = ["MapView"]


class _Person:
    """The graded fields of one stakeholder (as :class:`~powermap_kit.model.Stakeholder` reads them)."""

    __slots__ = ("id", "name", "title", "roles", "power", "stance", "coach")

    def __init__(self, data: dict[str, Any]) -> None:
        get = data.get
        self.id = data["id"]
        self.name = data["name"]
        self.title = get("title")
        self.roles = get("roles") or []
        self.power = get("power")
        self.stance = get("stance")
        self.coach = get("coach")

    @property
    def stance_or_unknown(self) -> str:
        return self.stance or "unknown"


class _Line:
    __slots__ = ("source", "target", "type")

    def __init__(self, data: dict[str, Any]) -> None:
        self.source = data["source"]
        self.target = data["target"]
        self.type = data["type"]


class _Deal:
    __slots__ = ("stage", "decision_mode")

    def __init__(self, data: dict[str, Any]) -> None:
        self.stage = data.get("stage")
        self.decision_mode = data.get("decision_mode")


class MapView:
    """Validated map data read as a map (see the module docstring); never edited."""

    __slots__ = ("_data", "_raw", "stakeholders", "relationships", "opportunity", "meta")
    _data: dict[str, Any] | None
    _raw: bytes | None

    def __init__(self, data: dict[str, Any]) -> None:
        self._data = data
        self._raw = None
        self.stakeholders = [_Person(p) for p in data["stakeholders"]]
        self.relationships = [_Line(r) for r in data.get("relationships") or ()]
        self.opportunity = _Deal(data.get("opportunity") or {})
        self.meta = data.get("meta") or {}

    @classmethod
    def typed(cls, doc: Any, raw: bytes) -> MapView:
        """A view of a document decoded by :mod:`~powermap_kit.typed` (its records
        read as the map's do); the JSON data is parsed from ``raw`` when first asked for."""
        view = cls.__new__(cls)
        view._data = None
        view._raw = raw
        view.stakeholders = doc.stakeholders
        view.relationships = doc.relationships or []
        view.opportunity = doc.opportunity or _Deal({})
        view.meta = doc.meta or {}
        return view

    def __reduce__(self) -> tuple[Any, ...]:
        # Travels (to or from a worker process) as its JSON data: the typed records are local.
        return MapView, (self.data,)

    @property
    def data(self) -> dict[str, Any]:
        """The JSON data of the map."""
        if self._data is None:
            from ..fastjson import loads_plain

            raw = self._raw or b"{}"
            self._data = loads_plain(raw)
            if self._data is None:  # without orjson: a plain file, read exactly
                import json

                self._data = json.loads(raw)
        return self._data

    def stakeholder(self, stakeholder_id: str) -> _Person:
        for person in self.stakeholders:
            if person.id == stakeholder_id:
                return person
        raise StakeholderNotFound(stakeholder_id)

    def to_map(self) -> PowerMap:
        """The full map over the same data (adopted, not copied: the data is the view's own)."""
        return PowerMap.from_dict(self.data, validate=False, copy=False)
