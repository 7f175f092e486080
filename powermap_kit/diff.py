"""The comparison engine: who is who across two maps, and what changed.

One engine serves two uses (``design/architecture.md``): grading compares a trainee's
submission with an answer key, history compares a map with its earlier version. Both
start from :func:`match_people` and read differences through :func:`person_diff` and
:func:`edges`.

People are matched in passes, each person at most once on either side:

1. **id** — the same id, unless the names say otherwise (the other map's person carries
   the name of a *different* person of this map), so a renumbered map is not misread;
2. **name** — the same name after :func:`normalise` (NFKC, case-folded, spaces removed),
   so ``"Li Ming"``, ``"li ming"`` and ``"ＬＩ ＭＩＮＧ"`` are one person;
3. **alias** — one of the aliases given for this map's person (an answer key's
   ``grading.aliases``);
4. **title** — only with ``use_titles=True``, and only where exactly one person on each
   side fits: a last resort for maps that name people by their post.

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

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from . import vocab
from .model import PowerMap, Relationship, Stakeholder

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
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")


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
        parts.update(_CJK.findall(piece))
        latin = _CJK.sub(" ", piece)
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
        b_by_id = {q.id: q for q in b.stakeholders}
        found: dict[str, Match] = {}
        used: set[str] = set()

        def take(a_id: str, b_id: str, how: str) -> None:
            found[a_id] = Match(a_id, b_id, how)
            used.add(b_id)

        for p in self.people:
            other = b_by_id.get(p.id)
            if other is None:
                continue
            named = self.owners.get(normalise(other.name))
            if named and p.id not in named:
                continue  # the id is this person's, the name another's: trust the name
            take(p.id, other.id, "id")

        b_by_name: dict[str, list[str]] = {}
        for q in b.stakeholders:
            if q.id not in used:
                b_by_name.setdefault(normalise(q.name), []).append(q.id)

        def best_free(form: str, person: Stakeholder) -> str | None:
            free = [q for q in b_by_name.get(form, ()) if q not in used]
            if len(free) > 1:
                # Namesakes: take the record closest to this person, so list order never decides.
                free.sort(key=lambda q: len(person_diff(person, b_by_id[q], _CLOSENESS)))
            return free[0] if free else None

        if b_by_name:
            for p, form in self.names:
                if form in b_by_name and p.id not in found and (hit := best_free(form, p)):
                    take(p.id, hit, "name")
            for p in self.people:
                if p.id in found:
                    continue
                for alias in self.aliases[p.id]:
                    if alias in b_by_name and (hit := best_free(alias, p)):
                        take(p.id, hit, "alias")
                        break
        if use_titles and len(used) < len(b_by_id):
            _match_titles(self.people, [q for q in b.stakeholders if q.id not in used], found, take)
        return [found[p.id] for p in self.people if p.id in found]


def _title_fits(a_forms: frozenset[str], b_forms: frozenset[str]) -> bool:
    if a_forms & b_forms:
        return True
    # A shorter Chinese post inside a longer one ("总经理助理" in "总经理助理兼办公室主任").
    return any(len(bf) >= 3 and _CJK.fullmatch(bf) and any(bf in af for af in a_forms) for bf in b_forms)


def _match_titles(a_people: list[Stakeholder], b_free: list[Stakeholder], found: dict[str, Match], take) -> None:
    a_free = [p for p in a_people if p.id not in found and p.title]
    if not a_free or not b_free:
        return
    a_forms = {p.id: title_forms(p.title) for p in a_free}
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


# ---- field and line differences ---------------------------------------------------------

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
            changes.append({"change": "added", "stakeholder": q.id, "name": q.name, "old": None, "new": q.name})
    for p in old.stakeholders:
        if p.id not in a_to_b:
            changes.append({"change": "removed", "stakeholder": p.id, "name": p.name, "old": p.name, "new": None})
    for m in matches:
        p, q = old.stakeholder(m.a), new.stakeholder(m.b)
        for name, (before, after) in person_diff(p, q).items():
            changes.append({"change": name, "stakeholder": q.id, "name": q.name, "old": _plain(before),
                            "new": _plain(after)})
    names = {q.id: q.name for q in new.stakeholders}
    old_names = {p.id: p.name for p in old.stakeholders}
    # Old lines are expressed in new ids where the person is still there, so that a line
    # between two people who both stayed is compared like for like.
    old_ids = {p.id: a_to_b.get(p.id, f"\0{p.id}") for p in old.stakeholders}
    before = edges(old, old_ids)
    after = edges(new)
    for key, rel in after.items():
        if key not in before:
            changes.append(_line("relationship_added", rel.source, rel.target, rel.type, names))
    for key, rel in before.items():
        if key not in after:
            changes.append(_line("relationship_removed", rel.source, rel.target, rel.type, old_names))
    for name in ("stage", "decision_mode"):
        x, y = getattr(old.opportunity, name), getattr(new.opportunity, name)
        if x != y:
            changes.append({"change": name, "stakeholder": None, "name": None, "old": x, "new": y})
    return Comparison(changes, matches)


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, (list, tuple, frozenset, set)) else value


def _line(change: str, source: str, target: str, type: str, names: Mapping[str, str]) -> dict[str, Any]:
    return {"change": change, "stakeholder": None, "name": None, "old": None, "new": None,
            "source": source, "target": target, "type": type,
            "source_name": names.get(source, source), "target_name": names.get(target, target)}


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
    name = change.get("name") or ""
    if kind in ("relationship_added", "relationship_removed"):
        line = line_text(change["source_name"], change["target_name"], change["type"], lang)
        return vocab.text(f"diff.{kind}", lang=lang, line=line)
    if kind in ("added", "removed"):
        return vocab.text(f"diff.{kind}", lang=lang, name=name)
    if kind == "coach":
        return vocab.text("diff.coach_on" if change["new"] else "diff.coach_off", lang=lang, name=name)
    if kind == "name":
        return vocab.text("diff.name", lang=lang, old=change["old"], new=change["new"])
    return vocab.text(f"diff.{kind}", lang=lang, name=name, old=value_text(kind, change["old"], lang),
                      new=value_text(kind, change["new"], lang))
