"""Validation of the powermap/1 format (``design/format.md``), collecting every problem.

:func:`validate_data` checks a parsed JSON value and returns a list of
:class:`~powermap_kit.errors.Problem`; it never raises on bad input and never changes it.
The allowed codes come from the vocabulary, so error text, dropdowns and validation
always agree.

>>> problems = validate_data({"format": "powermap/1", "stakeholders": [
...     {"id": "a", "name": "Wang", "stance": "supporter"}]})
>>> print(problems[0].render("en"))
stakeholders[0].stance: "supporter" is not one of unknown, oppose, neutral, support, champion (did you mean "support"?)
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import Any

from . import vocab
from ._plain import find_cycle as _find_cycle
from ._plain import plain_line, plain_person_id
from .errors import Problem
from .values import LongNumber, char_name, is_invisible, looks_clean, walk

__all__ = ["FORMAT", "MAX_VALUE", "validate_data", "validate_stakeholder"]

FORMAT = "powermap/1"
_FORMAT_RE = re.compile(r"^powermap/(0|[1-9][0-9]*)(?:\.[0-9]+)?$")
_ID_RE = re.compile(r"^[A-Za-z0-9_-]+$")
_DATE_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
#: The largest ``opportunity.value`` (10**15, in any currency).
MAX_VALUE = 10**15

_STRING_FIELDS = ("title", "department", "preferred_vendor", "notes")
_CODED = {
    "stance": "stance",
    "relationship_step": "relationship_step",
}


@lru_cache(maxsize=None)
def _code_set(kind: str) -> frozenset[str]:
    """The codes of a vocabulary kind as a set (the vocabulary never changes while running)."""
    return frozenset(vocab.codes(kind))


class _Collector:
    __slots__ = ("problems", "file", "places", "clean")

    def __init__(self, file: str | None, data: Any = ..., clean: bool = False):
        self.problems: list[Problem] = []
        self.file = file
        self.places: set[str] = set()
        # No bad character or number anywhere in `data`: the walks are skipped (without data: walk).
        self.clean = clean or (data is not ... and looks_clean(data))

    def add(self, place: str, code: str, value: Any = None, **kw: Any) -> None:
        self.places.add(place)
        self.problems.append(Problem(place=place, code=code, value=value, file=self.file, **kw))

    def values(self, place: str, shape: str, value: Any) -> None:
        """Report bad characters, numbers and non-JSON values under ``value`` (see :mod:`.values`)."""
        if not self.clean:
            walk(value, self.add, place, shape, skip=self.places.__contains__)

    def type_(self, place: str, value: Any, expected: str) -> None:
        self.add(place, "wrong_type", value, params={"expected": vocab.text(f"type.{expected}")})

    def code(self, place: str, value: Any, kind: str) -> bool:
        if isinstance(value, str) and value in _code_set(kind):
            return True
        allowed = vocab.codes(kind)
        self.add(place, "not_one_of", value, allowed=allowed, suggestion=vocab.closest(value, allowed, kind))
        return False

    def long_number(self, place: str, value: LongNumber) -> None:
        self.add(place, "number_too_long", value, params={"digits": value.digits})

    def integer(self, place: str, value: Any, low: int, high: int) -> bool:
        if type(value) is int and low <= value <= high:
            return True
        if isinstance(value, LongNumber):
            self.long_number(place, value)
        elif isinstance(value, float) and not math.isfinite(value):
            self.add(place, "not_finite", value)
        else:
            self.add(place, "out_of_range", value, params={"low": low, "high": high})
        return False

    def string(self, place: str, value: Any) -> bool:
        if isinstance(value, str):
            return True
        self.type_(place, value, "string")
        return False

    def strings(self, place: str, value: Any) -> None:
        if not isinstance(value, list):
            self.type_(place, value, "list_of_strings")
            return
        for i, item in enumerate(value):
            if not isinstance(item, str):
                self.type_(f"{place}[{i}]", item, "string")

    def date(self, place: str, value: Any) -> None:
        if isinstance(value, str) and _DATE_RE.fullmatch(value):
            from datetime import date  # here: only maps with dates need it

            try:
                date.fromisoformat(value)
                return
            except ValueError:
                pass
        self.add(place, "bad_date", value)

    def obj(self, place: str, value: Any) -> bool:
        if isinstance(value, dict):
            return True
        self.type_(place, value, "object")
        return False


def validate_data(data: Any, file: str | None = None, clean: bool = False) -> list[Problem]:
    """Every problem in a parsed power map, in document order. An empty list means valid.

    ``clean=True`` says the caller knows that no string holds a bad character and no number
    is out of range (:func:`~powermap_kit.io.read_json_clean` finds that out while reading),
    so they are not looked for again.
    """
    c = _Collector(file, data, clean)
    if not isinstance(data, dict):
        c.type_("", data, "object")
        return c.problems
    _check_format(c, data)
    if "account" in data and c.obj("account", data["account"]):
        for key in ("name", "industry"):
            if key in data["account"]:
                c.string(f"account.{key}", data["account"][key])
    if "opportunity" in data:
        _check_opportunity(c, data["opportunity"])
    ids = _check_stakeholders(c, data)
    _check_relationships(c, data.get("relationships"), ids)
    _check_coverage(c, data.get("coverage"), ids)
    for key in ("meta", "grading"):
        if key in data:
            c.obj(key, data[key])
    if not c.clean:  # every part not walked with its section: format, account, opportunity, meta, extensions
        rest = {k: v for k, v in data.items() if k not in ("stakeholders", "relationships", "coverage")}
        walk(rest, c.add, skip=c.places.__contains__)
        _keys_of(c, data)
    return c.problems


def _keys_of(c: _Collector, data: dict) -> None:
    """Bad characters in the top-level keys of the sections walked one item at a time."""
    walk({k: None for k in data if k in ("stakeholders", "relationships", "coverage")}, c.add,
         skip=c.places.__contains__)


def _check_format(c: _Collector, data: dict) -> None:
    fmt = data.get("format")
    if fmt is None:
        c.add("format", "format_missing")
        return
    match = _FORMAT_RE.fullmatch(fmt) if isinstance(fmt, str) else None
    if match is None:
        c.add("format", "format_wrong", fmt)
    elif int(match.group(1)) > 1:
        c.add("format", "format_newer", fmt)
    elif int(match.group(1)) < 1:
        c.add("format", "format_wrong", fmt)


def _check_opportunity(c: _Collector, opp: Any) -> None:
    if not c.obj("opportunity", opp):
        return
    for key in ("name", "currency"):
        if key in opp:
            c.string(f"opportunity.{key}", opp[key])
    if "value" in opp:
        value = opp["value"]
        if isinstance(value, LongNumber):
            c.long_number("opportunity.value", value)
        elif isinstance(value, bool) or not isinstance(value, (int, float)):
            c.type_("opportunity.value", value, "number")
        elif isinstance(value, float) and not math.isfinite(value):
            c.add("opportunity.value", "not_finite", value)
        elif value < 0:
            c.add("opportunity.value", "negative", value)
        elif value > MAX_VALUE:
            c.add("opportunity.value", "too_large", value, params={"high": f"{MAX_VALUE:,}"})
    if "stage" in opp:
        c.code("opportunity.stage", opp["stage"], "stage")
    if "decision_mode" in opp:
        c.code("opportunity.decision_mode", opp["decision_mode"], "decision_mode")
    if "competitors" in opp:
        c.strings("opportunity.competitors", opp["competitors"])


def _check_stakeholders(c: _Collector, data: dict) -> dict[str, int] | None:
    """Check every stakeholder; return the ids with their first index (None: no usable list).

    A malformed but present id still counts as an id here, so that lines naming it are
    not reported a second time.
    """
    ids: dict[str, int] = {}
    if "stakeholders" not in data:
        c.add("stakeholders", "required")
        return None
    people = data["stakeholders"]
    if not isinstance(people, list):
        c.type_("stakeholders", people, "list")
        return None
    for i, person in enumerate(people):
        sid = plain_person_id(person)
        if sid is None or not c.clean:
            place = f"stakeholders[{i}]"
            if sid is None:
                sid = _check_person(c, place, person)
            c.values(place, "stakeholders[]", person)
        if sid is None:
            continue
        if sid in ids:
            c.add(f"stakeholders[{i}].id", "duplicate_id", sid, params={"first": ids[sid]})
        else:
            ids[sid] = i
    return ids


def validate_stakeholder(person: Any, place: str = "stakeholder") -> list[Problem]:
    """The problems of one stakeholder object on its own (fields only, not the map's rules)."""
    c = _Collector(None, person)
    _check_person(c, place, person)
    c.values(place, "stakeholders[]", person)
    return c.problems


def _check_person(c: _Collector, place: str, person: Any) -> str | None:
    if not c.obj(place, person):
        return None
    sid = person.get("id")
    good_id = None
    if sid is None:
        c.add(f"{place}.id", "required")
    elif not isinstance(sid, str) or not _ID_RE.fullmatch(sid):
        c.add(f"{place}.id", "bad_id", sid)
        good_id = sid if isinstance(sid, str) else None
    else:
        good_id = sid
    name = person.get("name")
    if name is None:
        c.add(f"{place}.name", "required")
    elif not isinstance(name, str):
        c.string(f"{place}.name", name)
    elif not name.strip():
        c.add(f"{place}.name", "empty", name)
    elif is_invisible(name):
        c.add(f"{place}.name", "invisible", name, params={"chars": " ".join(dict.fromkeys(map(char_name, name)))})
    # Each check below calls the collector only when the value is not plainly right: the
    # collector builds the place and repeats the test (a cohort has thousands of people).
    for key in _STRING_FIELDS:
        value = person.get(key)
        if value is not None and not isinstance(value, str):
            c.string(f"{place}.{key}", value)
    roles = person.get("roles")
    if roles is not None:
        if isinstance(roles, list):
            known = _code_set("role")
            for j, role in enumerate(roles):
                if not (isinstance(role, str) and role in known):
                    c.code(f"{place}.roles[{j}]", role, "role")
        else:
            c.type_(f"{place}.roles", roles, "list")
    power = person.get("power")
    if power is not None and not (type(power) is int and 1 <= power <= 5):
        c.integer(f"{place}.power", power, 1, 5)
    for key, kind in _CODED.items():
        value = person.get(key)
        if value is not None and not (isinstance(value, str) and value in _code_set(kind)):
            c.code(f"{place}.{key}", value, kind)
    coach = person.get("coach")
    if coach is not None and not isinstance(coach, bool):
        c.type_(f"{place}.coach", coach, "boolean")
    if person.get("support") is not None:
        support = person["support"]
        if c.obj(f"{place}.support", support):
            allowed = vocab.SUPPORT_DIMENSIONS
            for dim, score in support.items():
                if dim not in allowed:
                    c.add(f"{place}.support", "not_one_of", dim, allowed=allowed,
                          suggestion=vocab.closest(dim, allowed, "support_dimension"))
                elif score is not None:
                    c.integer(f"{place}.support.{dim}", score, 1, 5)
    for key in ("needs", "motives"):
        if person.get(key) is not None:
            c.strings(f"{place}.{key}", person[key])
    if person.get("last_verified") is not None:
        c.date(f"{place}.last_verified", person["last_verified"])
    if person.get("evidence") is not None:
        evidence = person["evidence"]
        if c.obj(f"{place}.evidence", evidence):
            for key, why in evidence.items():
                c.string(f"{place}.evidence.{key}", why)
    return good_id


def _check_end(c: _Collector, place: str, value: Any, ids: dict[str, int] | None) -> bool:
    if value is None:
        c.add(place, "required")
        return False
    if not isinstance(value, str):
        c.type_(place, value, "string")
        return False
    if ids is None:  # the stakeholder list itself is unusable: already reported
        return False
    if value not in ids:
        c.add(place, "unknown_id", value, suggestion=vocab.closest(value, ids) if ids else None)
        return False
    return True


def _check_relationships(c: _Collector, rels: Any, ids: dict[str, int] | None) -> None:
    if rels is None:
        return
    if not isinstance(rels, list):
        c.type_("relationships", rels, "list")
        return
    lines: dict[str, list[str]] = {}
    for i, rel in enumerate(rels):
        if c.clean and plain_line(rel, ids):
            if rel["type"] == "reports_to":
                lines.setdefault(rel["source"], []).append(rel["target"])
            continue
        place = f"relationships[{i}]"
        if not c.obj(place, rel):
            continue
        # The collector (which builds the place) only for a value that is not plainly right.
        source, target = rel.get("source"), rel.get("target")
        ok_s = (isinstance(source, str) and ids is not None and source in ids) or _check_end(
            c, f"{place}.source", source, ids)
        ok_t = (isinstance(target, str) and ids is not None and target in ids) or _check_end(
            c, f"{place}.target", target, ids)
        kind = rel.get("type")
        ok_type = False
        if kind is None:
            c.add(f"{place}.type", "required")
        else:
            ok_type = (isinstance(kind, str) and kind in _code_set("relationship_type")) or c.code(
                f"{place}.type", kind, "relationship_type")
        strength = rel.get("strength")
        if strength is not None and not (type(strength) is int and 1 <= strength <= 3):
            c.integer(f"{place}.strength", strength, 1, 3)
        note = rel.get("note")
        if note is not None and not isinstance(note, str):
            c.string(f"{place}.note", note)
        c.values(place, "relationships[]", rel)
        if ok_s and ok_t and rel["source"] == rel["target"]:
            c.add(place, "self_relationship", rel["source"])
        elif ok_s and ok_t and ok_type and kind == "reports_to":
            lines.setdefault(rel["source"], []).append(rel["target"])
    cycle = _find_cycle(lines)
    if cycle:
        c.add("relationships", "cycle", cycle, params={"cycle": " → ".join(cycle)})


def _check_coverage(c: _Collector, coverage: Any, ids: dict[str, int] | None) -> None:
    if coverage is None:
        return
    if not isinstance(coverage, list):
        return c.type_("coverage", coverage, "list")
    for i, item in enumerate(coverage):
        place = f"coverage[{i}]"
        if not c.obj(place, item):
            continue
        _check_end(c, f"{place}.stakeholder", item.get("stakeholder"), ids)
        if item.get("owner") is not None:
            c.string(f"{place}.owner", item["owner"])
        if item.get("channel") is not None:
            c.code(f"{place}.channel", item["channel"], "channel")
        if item.get("strength") is not None:
            c.integer(f"{place}.strength", item["strength"], 1, 3)
        if item.get("last_contact") is not None:
            c.date(f"{place}.last_contact", item["last_contact"])
        c.values(place, "coverage[]", item)
