"""List and dict fields of a map record whose in-place edits are validated like assignment.

``person.roles.append("bogus")`` must not slip an invalid code into a map behind the
editing API, so a record's list and dict fields are :class:`OwnedList` and
:class:`OwnedDict`: each edit is tried on a copy, the copy is assigned to the record
(validated, change events fired) and the container then takes the accepted content, so a
reference to it stays the record's field. A container that is no longer its record's
field (after ``person.roles = [...]``) behaves like a plain list or dict.

Both compare, print and serialise like plain lists and dicts, and ``copy.deepcopy`` gives
plain ones, so ``to_dict`` output never carries a link to a record.
"""

from __future__ import annotations

import copy as _copy
from typing import Any

__all__ = ["OwnedDict", "OwnedList", "own"]


class _Owned:
    """The link to the record: ``_record`` (``None`` when free) and ``_field``.

    The subclasses keep them in slots, not a ``__dict__``: loading a cohort makes a
    hundred thousand of these, and slots halve the cost of each.
    """

    __slots__ = ()
    _record: Any
    _field: str

    def _base(self) -> Any:
        return list if isinstance(self, list) else dict

    def _edit(self, method: str, *args: Any, **kwargs: Any) -> Any:
        record, name, base = getattr(self, "_record", None), getattr(self, "_field", ""), self._base()
        if record is None or record.__dict__.get(name) is not self:
            return getattr(base, method)(self, *args, **kwargs)
        trial = _copy.deepcopy(self)
        result = getattr(base, method)(trial, *args, **kwargs)
        setattr(record, name, trial)  # validated by the record; raises and changes nothing when wrong
        accepted = record.__dict__[name]
        if accepted is not self:  # the same object when the edit changed nothing
            base.clear(self)
            (base.extend if base is list else base.update)(self, accepted)
            object.__setattr__(record, name, self)
        return self if method.startswith("__i") else result

    def __deepcopy__(self, memo: dict[int, Any]) -> Any:
        return _copy.deepcopy(self._base()(self), memo)

    def __copy__(self) -> Any:
        return self._base()(self)

    def __reduce_ex__(self, protocol: Any) -> Any:
        base = self._base()
        return base, (base(self),)


def _editing(method: str):
    def edit(self: Any, *args: Any, **kwargs: Any) -> Any:
        return self._edit(method, *args, **kwargs)

    edit.__name__ = method
    return edit


class OwnedList(_Owned, list):
    """A record's list field (``roles``, ``needs``, ``motives``, ``competitors``); see :func:`own`."""

    __slots__ = ("_record", "_field")

    for _name in ("append", "extend", "insert", "remove", "pop", "clear", "sort", "reverse",
                  "__setitem__", "__delitem__", "__iadd__", "__imul__"):
        locals()[_name] = _editing(_name)
    del _name


class OwnedDict(_Owned, dict):
    """A record's dict field (``support``, ``evidence``); see :func:`own`."""

    __slots__ = ("_record", "_field")

    for _name in ("__setitem__", "__delitem__", "update", "pop", "popitem", "clear", "setdefault", "__ior__"):
        locals()[_name] = _editing(_name)
    del _name


def own(record: Any, name: str, value: Any) -> Any:
    """``value`` as the field ``name`` of ``record``: lists and dicts wrapped (a shallow copy),
    others as they are. Built without a Python ``__init__``: loading builds many of them."""
    if isinstance(value, list):
        owned: OwnedList | OwnedDict = OwnedList(value)
    elif isinstance(value, dict):
        owned = OwnedDict(value)
    else:
        return value
    owned._record = record
    owned._field = name
    return owned
