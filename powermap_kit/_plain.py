"""A quick yes for the stakeholders and lines that are plainly valid (the usual case).

:mod:`~powermap_kit.validation` checks every field of every record, building a place
name and asking the vocabulary for each. A cohort holds tens of thousands of records,
nearly all of them right, so each is first offered to these tests: they look only at
the fields a record has, accept nothing the full check would question, and answer
"not plainly valid" (None / False) for anything else -- an unknown field, an optional
section (support, evidence, dates...), a wrong value -- which then takes the full
check, with its messages. They never report problems themselves. :func:`find_cycle`
finds a loop in the reporting lines the check has gathered.

>>> plain_person_id({"id": "a", "name": "Li Ming", "roles": ["approver"], "power": 4})
'a'
>>> plain_person_id({"id": "a", "name": "Li Ming", "power": 6}) is None
True
>>> plain_line({"source": "a", "target": "b", "type": "ally"}, {"a": 0, "b": 1})
True
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from . import vocab
from .values import _NOTHING_CHARS

__all__ = ["find_cycle", "plain_line", "plain_person_id"]

_ID = re.compile(r"[A-Za-z0-9_-]+").fullmatch
_STRING = frozenset(("title", "department", "preferred_vendor", "notes"))


@lru_cache(maxsize=None)
def _codes(kind: str) -> frozenset[str]:
    return frozenset(vocab.codes(kind))


def plain_person_id(person: Any) -> str | None:
    """The id of a stakeholder object the full check would pass without a word, else None.

    Only the core fields (id, name, title, department, preferred_vendor, notes, roles,
    power, stance, relationship_step, coach) may be present.
    """
    if type(person) is not dict:
        return None
    sid = person.get("id")
    name = person.get("name")
    if (type(sid) is not str or type(name) is not str or not _ID(sid)
            or not name.strip() or not name.strip(_NOTHING_CHARS)):
        return None
    for key, value in person.items():
        if value is None or key == "id" or key == "name":
            continue
        if key in _STRING:
            if type(value) is not str:
                return None
        elif key == "roles":
            if type(value) is not list:
                return None
            roles = _codes("role")
            for role in value:
                if type(role) is not str or role not in roles:
                    return None
        elif key == "power":
            if type(value) is not int or not 1 <= value <= 5:
                return None
        elif key == "stance" or key == "relationship_step":
            if type(value) is not str or value not in _codes(key):
                return None
        elif key == "coach":
            if type(value) is not bool:
                return None
        else:
            return None
    return sid


def plain_line(rel: Any, ids: dict[str, int] | None) -> bool:
    """Whether a relationship object would pass the full check without a word (its ends
    known, distinct; a known type; strength 1-3 and a text note when given; no other field)."""
    if type(rel) is not dict or ids is None:
        return False
    source, target, kind = rel.get("source"), rel.get("target"), rel.get("type")
    if (type(source) is not str or type(target) is not str or source == target
            or source not in ids or target not in ids
            or type(kind) is not str or kind not in _codes("relationship_type")):
        return False
    if len(rel) > 3:
        for key, value in rel.items():
            if value is None or key == "source" or key == "target" or key == "type":
                continue
            if key == "strength":
                if type(value) is not int or not 1 <= value <= 3:
                    return False
            elif key != "note" or type(value) is not str:
                return False
    return True


def find_cycle(lines: dict[str, list[str]]) -> list[str] | None:
    """One cycle in the reporting lines as a closed path of ids, or None (iterative DFS)."""
    colour: dict[str, int] = {}
    for start in lines:
        if colour.get(start):
            continue
        stack, path = [(start, iter(lines.get(start, ())))], [start]
        colour[start] = 1
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                colour[node] = 2
                stack.pop()
                path.pop()
            elif colour.get(child) == 1:
                return path[path.index(child):] + [child]
            elif not colour.get(child):
                colour[child] = 1
                path.append(child)
                stack.append((child, iter(lines.get(child, ()))))
    return None
