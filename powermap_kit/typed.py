"""A plain map file decoded and checked in one step (loading a map, grading a cohort).

Reading a file the checked way (:func:`~powermap_kit.io.read_json_clean`, then
:func:`~powermap_kit.validation.validate_data`) walks every field of every record in
Python: most of the time of loading a map or grading a cohort. Most files are plain, and
for them msgspec does both in C, decoding the bytes straight into records typed after the
format (codes from the vocabulary, ranges, required fields) with no field the format does
not name. What types cannot say is checked after: the format version, unique ids, visible
names, lines between known people, no reporting loop, real dates, the size of numbers in
free-form data (``meta``). A repeated key (which a decoder keeps the last of) is found by
counting colons (:func:`~powermap_kit.fastjson.plain_bytes`).

:func:`decode_plain` answers None for anything else -- a bad value, a field not modelled
(an extension), an explicit ``null``, a text with an escape
-- and the caller reads that file the checked way, whose messages users see. So this
path never accepts what validation would question; ``tests/test_typed_read.py`` holds
it to that. :func:`~powermap_kit.io.load_map` and grading
(:func:`~powermap_kit.grading.typed.read_view`) use it.

>>> doc, text = decode_plain(b'{"format": "powermap/1", "stakeholders": [{"id": "a", "name": "Li", "power": 4}]}')
>>> [(p.id, p.name, p.roles, p.power, p.stance_or_unknown) for p in doc.stakeholders]
[('a', 'Li', [], 4, 'unknown')]
>>> decode_plain(b'{"format": "powermap/1", "stakeholders": [{"id": "a", "name": "Li", "power": 6}]}') is None
True
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from operator import attrgetter, eq
from typing import Annotated, Any, Literal, Union

try:  # an optional speed-up: without it every file is read the checked way
    import msgspec
except ImportError:  # pragma: no cover - msgspec is a dependency; this keeps a bare checkout working
    msgspec = None  # type: ignore[assignment]

from . import vocab
from ._plain import find_cycle
from .fastjson import plain_bytes
from .values import _NOTHING_CHARS, MAX_NUMBER

__all__ = ["available", "data_of", "decode_plain"]

_FORMAT = re.compile(r"powermap/(0|[1-9][0-9]*)(?:\.[0-9]+)?")
_DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"


def available() -> bool:
    """Whether msgspec is installed (else :func:`read_view` always answers None)."""
    return msgspec is not None


@lru_cache(maxsize=None)
def _decoder() -> Any:
    """The decoder of the plain format, built from the vocabulary on first use."""
    from .validation import _ID_RE, MAX_VALUE

    def code(kind: str) -> Any:
        return Literal[tuple(vocab.codes(kind))]  # type: ignore[misc]

    def ints(low: int, high: int) -> Any:
        return Annotated[int, msgspec.Meta(ge=low, le=high)]

    ident = Annotated[str, msgspec.Meta(pattern=_ID_RE.pattern)]
    day = Annotated[str, msgspec.Meta(pattern=_DATE)]
    # The records hold only text, numbers, lists and dicts, never a cycle: the garbage
    # collector need not visit them (gc=False), which a cohort of them otherwise slows.
    # A field that may be left out has a default that its type does not allow (None):
    # absent reads as None, a written-out null is refused (the checked way says whether
    # it is allowed), and whatever was written is written back (the colon count). Roles
    # left out are made an empty list after that count.
    person = msgspec.defstruct("Person", [
        ("id", ident), ("name", str),
        ("title", str, None), ("department", str, None), ("preferred_vendor", str, None), ("notes", str, None),
        ("roles", list[code("role")], None),  # type: ignore[misc]
        ("power", ints(1, 5), None), ("stance", code("stance"), None),
        ("relationship_step", code("relationship_step"), None), ("coach", bool, None),
        ("support", dict[code("support_dimension"), ints(1, 5)], None),  # type: ignore[misc]
        ("needs", list[str], None), ("motives", list[str], None), ("last_verified", day, None),
        ("evidence", dict[str, str], None),
    ], namespace={"stance_or_unknown": property(lambda self: self.stance or "unknown")},
        forbid_unknown_fields=True, omit_defaults=True, gc=False)
    line = msgspec.defstruct("Line", [
        ("source", str), ("target", str), ("type", code("relationship_type")),
        ("strength", ints(1, 3), None), ("note", str, None),
    ], forbid_unknown_fields=True, omit_defaults=True, gc=False)
    touch = msgspec.defstruct("Touch", [
        ("stakeholder", str), ("owner", str, None), ("channel", code("channel"), None),
        ("strength", ints(1, 3), None), ("last_contact", day, None),
    ], forbid_unknown_fields=True, omit_defaults=True, gc=False)
    deal = msgspec.defstruct("Deal", [
        ("name", str, None), ("currency", str, None),
        ("value", Union[Annotated[int, msgspec.Meta(ge=0, le=MAX_VALUE)],
                        Annotated[float, msgspec.Meta(ge=0, le=MAX_VALUE)]], None),
        ("stage", code("stage"), None), ("decision_mode", code("decision_mode"), None),
        ("competitors", list[str], None),
    ], forbid_unknown_fields=True, omit_defaults=True, gc=False)
    account = msgspec.defstruct("Account", [("name", str, None), ("industry", str, None)], forbid_unknown_fields=True, omit_defaults=True, gc=False)
    document = msgspec.defstruct("Document", [
        ("format", str), ("stakeholders", list[person]),  # type: ignore[valid-type]
        ("relationships", list[line], None),  # type: ignore[valid-type]
        ("coverage", list[touch], None), ("opportunity", deal, None),  # type: ignore[valid-type]
        ("account", account, None), ("meta", dict[str, Any], None), ("grading", dict[str, Any], None),
    ], forbid_unknown_fields=True, omit_defaults=True, gc=False)
    return msgspec.json.Decoder(document), msgspec.json.Encoder()


def decode_plain(raw: bytes) -> tuple[Any, bytes] | None:
    """The typed records of map bytes that validation passes without a word, with the text
    they were read from (``raw`` without a BOM); None for anything else."""
    if msgspec is None:
        return None
    plain = plain_bytes(raw)
    if plain is None:
        return None
    text, colons = plain
    decoder, encoder = _decoder()
    try:
        doc = decoder.decode(text)
    except msgspec.DecodeError:  # a ValidationError too
        return None
    # Every key read is written back (none is at its default) and every string as it was,
    # so both texts hold as many colons unless a repeated key was dropped.
    if colons != encoder.encode(doc).count(b":"):
        return None
    for person in doc.stakeholders:  # roles left out: none (read as the map reads them)
        if person.roles is None:
            person.roles = []
    if not _sound(doc) or not (_numbers_fit(doc.meta) and _numbers_fit(doc.grading)):
        return None
    return doc, text


def data_of(doc: Any) -> dict[str, Any]:
    """The JSON data of records from :func:`decode_plain`: what the checked reader gives (keys
    in the format's order; roles left out are an empty list, as a map reads them)."""
    return msgspec.to_builtins(doc)


def _numbers_fit(value: Any) -> bool:
    """Every number in free-form data (``meta``, ``grading``) at most MAX_NUMBER in size (the
    typed fields have their own bounds; the decoder refuses what is not finite)."""
    if not value:
        return True
    stack = [value]
    while stack:
        item = stack.pop()
        kind = type(item)
        if kind is dict:
            stack.extend(item.values())
        elif kind is list:
            stack.extend(item)
        elif (kind is int or kind is float) and not -MAX_NUMBER <= item <= MAX_NUMBER:
            return False
    return True


def _sound(doc: Any) -> bool:
    """What types cannot say: the format version, ids, names, lines, loops, dates."""
    if not _version_one(doc.format):
        return False
    people = doc.stakeholders
    ids = set(map(_ID, people))
    if len(ids) != len(people) or not all(map(_visible, map(_NAME, people))):
        return False
    days = [d for d in map(_VERIFIED, people) if d is not None]
    lines = doc.relationships or ()
    reports = []
    if lines:
        sources, targets = list(map(_SOURCE, lines)), list(map(_TARGET, lines))
        if not ids.issuperset(sources) or not ids.issuperset(targets) or any(map(eq, sources, targets)):
            return False
        reports = [(line.source, line.target) for line in lines if line.type == "reports_to"]
    for touch in doc.coverage or ():
        if touch.stakeholder not in ids:
            return False
        if touch.last_contact is not None:
            days.append(touch.last_contact)
    if days and not all(map(_real_date, days)):
        return False
    return _no_loop(reports)


_ID, _NAME, _VERIFIED = attrgetter("id"), attrgetter("name"), attrgetter("last_verified")
_SOURCE, _TARGET = attrgetter("source"), attrgetter("target")


@lru_cache(maxsize=64)
def _version_one(text: str) -> bool:
    """A format name of version 1 (``powermap/1``, ``powermap/1.2``)."""
    match = _FORMAT.fullmatch(text)
    return match is not None and int(match.group(1)) == 1


def _no_loop(reports: list[tuple[str, str]]) -> bool:
    """No reporting loop: when everyone reports to one person at most (the usual tree), by
    walking up from each person; else by the search validation uses."""
    boss = dict(reports)
    if len(boss) != len(reports):
        lines: dict[str, list[str]] = {}
        for source, target in reports:
            lines.setdefault(source, []).append(target)
        return find_cycle(lines) is None
    walk_of: dict[str, str] = {}  # who has been passed, on the walk up from whom
    for start in boss:
        person = start
        while person in boss:
            walk = walk_of.get(person)
            if walk is not None:
                if walk == start:  # met again on the same walk: a loop
                    return False
                break  # an earlier walk went on from here and found none
            walk_of[person] = start
            person = boss[person]
    return True


@lru_cache(maxsize=8192)
def _visible(name: str) -> bool:
    """A name validation accepts: not blank, not only invisible characters (names recur: remembered)."""
    return bool(name.strip() and name.strip(_NOTHING_CHARS))


def _real_date(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True
