"""Who is who across two maps: the people half of the comparison engine.

People are matched in passes, each person at most once on either side:

1. **id** — the same id, unless the names say otherwise (the other map's person carries
   the name of a *different* person of this map), so a renumbered map is not misread;
2. **name** — the same name after :func:`normalise` (NFKC, case-folded, spaces removed),
   so ``"Li Ming"``, ``"li ming"`` and ``"ＬＩ ＭＩＮＧ"`` are one person;
3. **alias** — one of the aliases given for this map's person (an answer key's
   ``grading.aliases``);
4. **title** — only with ``use_titles=True``, and only where exactly one person on each
   side fits: a last resort for maps that name people by their post.

:func:`person_diff` then says in which fields two records of one person differ.
:mod:`powermap_kit.diff` builds on this for relationships and whole-map comparisons.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from . import localize
from .model import PowerMap, Stakeholder
from .vocab import LANGUAGES

__all__ = ["FIELDS", "HOW", "Match", "PeopleIndex", "match_people", "normalise", "person_diff", "title_forms"]

#: How a person was matched, strongest first.
HOW: tuple[str, ...] = ("id", "name", "alias", "title")
#: The stakeholder fields :func:`person_diff` compares, in report order.
FIELDS: tuple[str, ...] = ("name", "title", "roles", "power", "stance", "coach")
_CLOSENESS = ("title", "roles", "power", "stance", "coach")

# Separators that do not make a name different: spaces (any width, via NFKC), the
# middle dots of transliterated names, hyphens and full stops ("Dr. Li" = "Dr Li").
_IGNORED = re.compile(r"[\s\u00b7\u2027\u30fb\u2022.\-_]+")
# Where a mixed title splits into parts: brackets, slashes, commas, and the boundary
# between Latin and CJK text ("Finance Director 集团财务总监").
_TITLE_SPLIT = re.compile(r"[()\[\]{}/,;|，、；：:（）【】]+")


@lru_cache(maxsize=None)
def _cjk() -> re.Pattern[str]:
    """Runs of CJK characters; compiled when titles are first compared (slow to compile, and
    most gradings never get that far)."""
    return re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")


@lru_cache(maxsize=8192)
def normalise(text: str | None) -> str:
    """The form in which two spellings of one name compare equal.

    NFKC folds full-width letters and digits to half-width, ``casefold`` ignores case,
    and spaces, middle dots, hyphens and full stops are dropped.

    >>> normalise("ＬＩ ＭＩＮＧ") == normalise("li ming") == normalise("Li-Ming") == "liming"
    True
    >>> normalise(" 王 伟 ")
    '王伟'
    """
    if not text:
        return ""
    return _IGNORED.sub("", unicodedata.normalize("NFKC", text).casefold())


@lru_cache(maxsize=8192)
def title_forms(text: str | None) -> frozenset[str]:
    """The normalised parts a title can be recognised by: the whole, each bracketed or
    separated part, and its Latin and Chinese halves.

    >>> sorted(title_forms("Finance Director 集团财务总监"))
    ['financedirector', 'financedirector集团财务总监', '集团财务总监']
    """
    if not text:
        return frozenset()
    folded = unicodedata.normalize("NFKC", text)
    parts = {folded}
    for piece in _TITLE_SPLIT.split(folded):
        parts.add(piece)
        parts.update(_cjk().findall(piece))
        latin = _cjk().sub(" ", piece)
        parts.add(latin)
    return frozenset(f for f in (normalise(p) for p in parts) if len(f) >= 2)


@dataclass(frozen=True)
class Match:
    """A person of the first map (``a``, e.g. the key) matched to one of the second (``b``)."""

    a: str
    b: str
    how: str


def match_people(a: PowerMap, b: PowerMap, aliases: Mapping[str, Sequence[str]] | None = None,
                 use_titles: bool = False) -> list[Match]:
    """Match the people of map ``a`` to those of map ``b``; each person at most once.

    Parameters
    ----------
    a, b : PowerMap
        The reference map (answer key, earlier version) and the other map.
    aliases : mapping of str to list of str, optional
        Other names of ``a``'s people, by ``a`` id (an answer key's ``grading.aliases``).
    use_titles : bool
        Match remaining people by title when exactly one person on each side fits.

    Returns
    -------
    list of Match
        In the order of ``a``'s stakeholders; unmatched people are left out.

    Examples
    --------
    >>> from powermap_kit import PowerMap
    >>> key, sub = PowerMap(), PowerMap()
    >>> _ = key.add_stakeholder(id="dean", name="李明", title="Dean")
    >>> _ = key.add_stakeholder(id="it", name="Zhao Jun", title="IT head")
    >>> _ = sub.add_stakeholder(id="p1", name="ZHAO JUN")
    >>> _ = sub.add_stakeholder(id="p2", name="Dean Li")
    >>> [(m.a, m.b, m.how) for m in match_people(key, sub, aliases={"dean": ["Dean Li"]})]
    [('dean', 'p2', 'alias'), ('it', 'p1', 'name')]
    """
    return PeopleIndex(a, aliases).match(b, use_titles)


class PeopleIndex:
    """The spellings of one map's people, prepared once to match many other maps against
    (an answer key against a cohort). :func:`match_people` is ``PeopleIndex(a).match(b)``.
    """

    def __init__(self, a: PowerMap, aliases: Mapping[str, Sequence[str]] | None = None):
        aliases = aliases or {}
        self.people = list(a.stakeholders)
        self.names = [(p, normalise(p.name)) for p in self.people]
        self.aliases = {p.id: [normalise(x) for x in aliases.get(p.id, ())] for p in self.people}
        # Which people each spelling names: used to veto id matches the names contradict.
        self.owners: dict[str, set[str]] = {}
        for p, form in self.names:
            self.owners.setdefault(form, set()).add(p.id)
            for alias in self.aliases[p.id]:
                self.owners.setdefault(alias, set()).add(p.id)

    def match(self, b: PowerMap, use_titles: bool = False) -> list[Match]:
        """Match this index's people to ``b``'s (see :func:`match_people`)."""
        b_people = b.stakeholders
        b_by_id = {q.id: q for q in b_people}
        found: dict[str, Match] = {}
        used: set[str] = set()

        def take(a_id: str, b_id: str, how: str) -> None:
            found[a_id] = _match(a_id, b_id, how)
            used.add(b_id)

        owners = self.owners
        for p in self.people:
            other = b_by_id.get(p.id)
            if other is None:
                continue
            named = owners.get(normalise(other.name))
            if named and p.id not in named:
                continue  # the id is this person's, the name another's: trust the name
            take(p.id, other.id, "id")

        b_by_name: dict[str, list[str]] = {}
        for q in b_people:
            if q.id not in used:
                b_by_name.setdefault(normalise(q.name), []).append(q.id)

        def best_free(form: str, person: Stakeholder) -> str | None:
            ids = b_by_name.get(form)
            if not ids:
                return None
            if len(ids) == 1:  # the usual case: one person of that name
                return None if ids[0] in used else ids[0]
            free = [q for q in ids if q not in used]
            if len(free) > 1:
                # Namesakes: take the record closest to this person, so list order never decides.
                free.sort(key=lambda q: len(person_diff(person, b_by_id[q], _CLOSENESS)))
            return free[0] if free else None

        if b_by_name:
            for p, form in self.names:
                ids = b_by_name.get(form)
                if ids is None or p.id in found:
                    continue
                hit: str | None
                if len(ids) == 1:  # the usual case, inline: one person of that name
                    hit = ids[0]
                    if hit in used:
                        continue
                else:
                    hit = best_free(form, p)
                    if not hit:
                        continue
                found[p.id] = _match(p.id, hit, "name")
                used.add(hit)
            if len(found) < len(self.people):
                for p in self.people:
                    if p.id in found:
                        continue
                    for alias in self.aliases[p.id]:
                        if alias in b_by_name and (hit := best_free(alias, p)):
                            take(p.id, hit, "alias")
                            break
        if use_titles and len(used) < len(b_by_id):
            _match_titles(self.people, [q for q in b_people if q.id not in used], found, take)
        if len(found) == len(self.people):
            return [found[p.id] for p in self.people]
        return [found[p.id] for p in self.people if p.id in found]


#: Matches are immutable and the same few recur across a cohort: made once each.
_match = lru_cache(maxsize=8192)(Match)


def _title_fits(a_forms: frozenset[str], b_forms: frozenset[str]) -> bool:
    if a_forms & b_forms:
        return True
    # A shorter Chinese post inside a longer one ("总经理助理" in "总经理助理兼办公室主任").
    cjk = _cjk()
    return any(len(bf) >= 3 and cjk.fullmatch(bf) and any(bf in af for af in a_forms) for bf in b_forms)


def _match_titles(a_people: list[Stakeholder], b_free: list[Stakeholder], found: dict[str, Match], take) -> None:
    a_free = [p for p in a_people if p.id not in found and p.title]
    if not a_free or not b_free:
        return
    # a key's title in every language it gives (the ``i18n`` addition), so "集团财务总监" finds "Finance Director"
    a_forms = {p.id: title_forms(p.title).union(*(title_forms(localize.text(p, "title", lang)) for lang in LANGUAGES))
               for p in a_free}
    # A submission may put the post in the name field ("采购经理"), so both count.
    b_forms = {q.id: title_forms(q.title) | title_forms(q.name) for q in b_free}
    fits = {p: [q for q in b_forms if _title_fits(a_forms[p], b_forms[q])] for p in a_forms}
    fitted_by: dict[str, int] = {}
    for candidates in fits.values():
        for q in candidates:
            fitted_by[q] = fitted_by.get(q, 0) + 1
    for p in a_forms:
        if len(fits[p]) == 1 and fitted_by[fits[p][0]] == 1:
            take(p, fits[p][0], "title")


def _value(person: Stakeholder, name: str) -> Any:
    """A field in comparable form: roles as a set, unknown stance and no coach as defaults."""
    if name == "roles":
        return frozenset(person.roles)
    if name == "stance":
        return person.stance_or_unknown
    if name == "coach":
        return bool(person.coach)
    if name in ("name", "title"):
        return normalise(getattr(person, name))
    return getattr(person, name)


def person_diff(a: Stakeholder, b: Stakeholder, fields: Iterable[str] = FIELDS) -> dict[str, tuple[Any, Any]]:
    """The fields in which two records of one person differ, as ``field -> (a value, b value)``.

    Roles compare as sets, a missing stance equals ``"unknown"``, a missing coach flag
    equals ``False``, names and titles compare after :func:`normalise`. The values
    returned are the records' own (roles as lists, ``None`` where unknown).

    >>> from powermap_kit import Stakeholder
    >>> person_diff(Stakeholder("a", "Li Ming", roles=["user"], power=3),
    ...             Stakeholder("b", "LI MING", roles=["user"], power=5))
    {'power': (3, 5)}
    """
    out = {}
    for name in fields:
        if _value(a, name) != _value(b, name):
            out[name] = (getattr(a, name), getattr(b, name))
    return out
