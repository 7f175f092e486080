"""Learner-safe hints: who to look at again and which documents to reread, never the key's values.

A learner's check compares their answer with a case's key; a learner must not read the key's
values in the feedback before submitting their map (the course's rule). Everything a learner
check needs is therefore first turned into a :class:`Hints` object:

* the people of the key with the names a learner may use for them (to match answers);
* for each person and each area (roles, power, stance, coach, support) and for the deal
  (stage, decision mode) the **documents** the key's evidence names ("doc 03", "资料07");
* **digests** of the key's values (salted SHA-256 of ``person|area|value``), so a check can tell
  right from wrong without the value being in the file. With five stances a determined coder
  could try them all: the digests keep values out of sight, they are not encryption;
* the key's account (the customer's name), so a learner can start a blank map;
* optionally a **twist** section (module 12): the same hints for the case's updated key after
  its twist, with a salt of their own, and what the twist changed, in order — a person's
  roles, power, stance or coach flag (the person's id and the area), a new line between two
  people (a digest of the line), the stage or decision mode — so a learner's updated map
  can be judged without either key (:meth:`Hints.twist`, :meth:`Hints.twist_changes`).
  Files without one (older files, keys without a twist) load as before.

:func:`make_hints` builds it from a key; :func:`write_hints` writes it as a file
(``powermap hints KEY.json -o hints.json``; the twist key of the key's case folder is read
too), so a trainer who keeps ``key.json`` and ``twist/key.json`` off a shared server can give
learners ``hints.json`` instead. :func:`hints_for` finds the hints of a case:
``$POWERMAP_HINTS`` (a hint file, or a folder of ``<case>.json`` / ``<case>/hints.json``),
else the case's ``key.json``, else a ``hints.json`` in the case folder.

The audience (:func:`set_audience`) decides what checks show: ``"learner"`` (the default;
hints only until the case is submitted) or ``"trainer"`` (full detail: the key's values and
evidence). ``$POWERMAP_AUDIENCE`` sets the starting value. Trainer and coach views
(``ReviewView``, ``CohortDashboard``, ``powermap score``) always show full detail.

>>> from powermap_kit import load_map
>>> key = load_map({"format": "powermap/1", "stakeholders": [{"id": "lu", "name": "陆明远", "stance": "neutral",
...     "evidence": {"stance": "doc 07: writes the recommendation; 资料03"}}], "grading": {"aliases": {"lu": ["Lu"]}}})
>>> h = make_hints(key)
>>> h.find("Lu"), h.docs("lu", "stance"), h.ok("lu", "stance", "neutral"), h.ok("lu", "stance", "support")
('lu', ['03', '07'], True, False)
>>> "neutral" in json.dumps(h.data)
False
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from . import vocab
from .errors import CasesNotFound, InvalidValue
from .model import PowerMap
from .audience import AUDIENCES, get_audience, is_learner, resolve_key, set_audience, submitted_for

__all__ = ["resolve_key", "AUDIENCES", "FORMAT", "Hints", "documents_in", "get_audience", "hints_for", "is_learner", "load_hints",
           "make_hints", "set_audience", "submitted_for", "twist_of", "write_hints"]

FORMAT = "powermap-hints/1"
#: The areas a person is judged on, each with its evidence field.
AREAS = ("roles", "power", "stance", "coach", "support")
DEAL = ("stage", "decision_mode")
#: The areas of a person a twist can change that a learner's update is judged on.
TWIST_AREAS = ("roles", "power", "stance", "coach")

# "doc 03", "docs 03, 05 and 08", "Doc. 7", "资料07", "资料03、07", "文件 2"
_DOC_RE = re.compile(r"(?:\bdocs?\.?|资料|文件)\s*(\d{1,2}(?:\s*(?:,|、|，|/|&|and|和|与|-|–)\s*\d{1,2})*)", re.I)


def documents_in(text: Any) -> list[str]:
    """The document numbers a text names, two digits, in order: ``"docs 3 and 07; 资料02"`` → 02, 03, 07."""
    found: set[str] = set()
    texts = text.values() if isinstance(text, Mapping) else [text]
    for one in texts:
        if not isinstance(one, str):
            continue
        for m in _DOC_RE.finditer(one):
            found.update(f"{int(n):02d}" for n in re.findall(r"\d{1,2}", m.group(1)))
    return sorted(found)


def _digest(salt: str, *parts: Any) -> str:
    return hashlib.sha256("|".join([salt, *map(str, parts)]).encode("utf-8")).hexdigest()[:24]


def _i18n(obj: Any, lang: str, field: str) -> Any:
    extra = getattr(obj, "extra", None) or {}
    return ((extra.get("i18n") or {}).get(lang) or {}).get(field)


def _evidence(obj: Any, field: str) -> list[str]:
    texts = [(getattr(obj, "evidence", None) or {}).get(field)]
    if not hasattr(obj, "evidence"):
        texts = [(obj.extra.get("evidence") or {}).get(field)]
    texts += [(_i18n(obj, lg, "evidence") or {}).get(field) for lg in ("en", "zh")]
    return [t for t in texts if isinstance(t, str)]


def _display(name: str, aliases: Iterable[str], en_name: Any) -> dict[str, str]:
    latin = en_name if isinstance(en_name, str) and en_name else next((a for a in aliases if a.isascii()), None)
    en = f"{latin} ({name})" if latin and not name.isascii() else name
    return {"en": en, "zh": name}


def good_first(p: Any, quadrant: str | None, key_power: int = 4) -> bool:
    """Whether a key person is a good first person to reach (notebook 09): a key target or ally, a
    powerful person whose stance is not known, or a blocker with real power."""
    power = p.power or 0
    return (quadrant in ("key_target", "key_ally") or (quadrant == "unplaced" and power >= key_power)
            or (p.stance == "oppose" and power >= 3))


def make_hints(key: Any, today: str | None = None, salt: str | None = None, twist: Any = None) -> Hints:
    """The learner-safe hints of an answer key (a map, an AnswerKey, a path or a case slug).

    ``salt`` defaults to a random one, so two hint files of the same key share no digest.
    ``twist`` is the case's updated key after its twist (a map, a path; ``None``: the twist key
    of the case folder the key comes from, if it has one; ``False``: none); with one the hints
    get a ``twist`` section to judge a learner's updated map (see :meth:`Hints.twist_changes`).
    """
    pm: PowerMap = resolve_key(key)
    salt = secrets.token_hex(8) if salt is None else salt
    data: dict[str, Any] = {"format": FORMAT, "case": pm.meta.get("case"), "salt": salt,
                            "account": pm.account.to_dict(), **_section(pm, salt, today)}
    twist = twist_of(key) if twist is None else twist
    if twist is not False and twist is not None:
        data["twist"] = _twist_section(pm, resolve_key(twist), f"{salt}:twist", today)
    return Hints(data)


def _section(pm: PowerMap, salt: str, today: str | None) -> dict[str, Any]:
    """The people, deal and insights of one key, as the hint file holds them."""
    from .analysis import analyse
    from .analysis.settings import config
    from .grading.rules import DEFAULT_TOLERANCE

    grading = pm.grading or {}
    aliases = grading.get("aliases") or {}
    tolerance = int((grading.get("tolerance") or {}).get("power", DEFAULT_TOLERANCE))
    result = analyse(pm, today=today or pm.meta.get("as_of") or pm.meta.get("saved"))
    quadrant = {r["id"]: r["quadrant"] for r in result.matrix_rows}
    hidden = {r["id"] for r in result.hidden_power}
    key_power = int(config()["key_power"])
    people: dict[str, Any] = {}
    for p in pm.stakeholders:
        own = [str(a) for a in aliases.get(p.id, [])]
        en_name = _i18n(p, "en", "name")
        names = list(dict.fromkeys([p.id, p.name, *own, *([en_name] if isinstance(en_name, str) else [])]))
        values = {"roles": sorted(p.roles), "stance": p.stance or "unknown", "coach": bool(p.coach),
                  "quadrant": quadrant.get(p.id), "hidden": p.id in hidden,
                  "key_power": (p.power or 0) >= key_power, "first": good_first(p, quadrant.get(p.id), key_power)}
        check: dict[str, Any] = {f: _digest(salt, p.id, f, v) for f, v in values.items() if f != "roles"}
        check["roles"] = sorted(_digest(salt, p.id, "roles", r) for r in p.roles)
        for dim, rating in (p.support or {}).items():
            check[f"support.{dim}"] = sorted(_digest(salt, p.id, f"support.{dim}", n) for n in range(1, 6)
                                             if rating is not None and abs(n - int(rating)) <= 1)
        check["power"] = sorted(_digest(salt, p.id, "power", n) for n in range(1, 6)
                                if p.power is not None and abs(n - p.power) <= tolerance)
        docs = {f: documents_in(" ".join(_evidence(p, f))) for f in AREAS}
        people[p.id] = {"names": names, "display": _display(p.name, own, en_name), "title": p.title or "",
                        "docs": {f: d for f, d in docs.items() if d}, "check": check}
    deal = {f: {"docs": documents_in(" ".join(_evidence(pm.opportunity, f))),
                "check": _digest(salt, "deal", f, getattr(pm.opportunity, f) or "")} for f in DEAL}
    insights = [{"points": i.get("points", 0), "docs": documents_in(i.get("feedback") or {})}
                for i in grading.get("insights") or []]
    return {"people": people, "deal": deal, "insights": insights}


def _twist_section(before: PowerMap, after: PowerMap, salt: str, today: str | None) -> dict[str, Any]:
    """The twist key's own hints (a salt of their own) and, in order, what the twist changed:
    a person's area (the person's id), a new line (its digest), a deal field."""
    from .diff import compare, edge

    changes: list[dict[str, Any]] = []
    for change in compare(before, after).changes:
        kind = change["change"]
        if kind in TWIST_AREAS:
            changes.append({"area": kind, "person": change["stakeholder"]})
        elif kind in DEAL:
            changes.append({"area": kind})
        elif kind == "relationship_added":
            changes.append({"area": "line",
                            "check": _digest(salt, "line", *edge(change["source"], change["target"], change["type"]))})
    return {"salt": salt, **_section(after, salt, today or after.meta.get("as_of") or after.meta.get("saved")),
            "changes": changes}


def twist_of(key: Any) -> Path | None:
    """The twist key of the case folder an answer key comes from (a ``key.json`` path or a case
    slug): the file ``case.json``'s ``twist.key`` names, when it exists; else ``None``."""
    if isinstance(key, (PowerMap, Mapping)) or isinstance(getattr(key, "map", None), PowerMap):
        return None
    if hasattr(key, "folder") and hasattr(key, "meta"):  # a Case
        folder = Path(key.folder)
    else:
        path = Path(key)
        if path.suffix == ".json" or path.exists():
            folder = path.parent
        else:
            from .cases import case_folder

            try:
                folder = case_folder() / str(key)
            except CasesNotFound:
                return None
    try:
        meta = json.loads((folder / "case.json").read_text("utf-8"))
        twist = folder / meta["twist"]["key"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return twist if twist.is_file() else None


class Hints:
    """The learner-safe view of one key (see the module docstring); ``data`` is the file's JSON."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        if not isinstance(data, Mapping) or data.get("format") != FORMAT:
            raise InvalidValue("hints", "not_hints", data.get("format") if isinstance(data, Mapping) else type(data).__name__)
        self.data = dict(data)
        self.people: dict[str, Any] = dict(data.get("people") or {})
        self.case: str | None = data.get("case")
        self._salt = str(data.get("salt", ""))

    @property
    def account(self) -> dict[str, Any] | None:
        """The key's account (the customer: name, industry), to start a blank map; ``None`` in old files."""
        account = self.data.get("account")
        return dict(account) if isinstance(account, Mapping) else None

    # ---- the twist --------------------------------------------------------------------------
    @property
    def twist(self) -> Hints | None:
        """The hints of the case's updated key after its twist (people matched by the twist key's
        names), or ``None`` when the file has no twist section (made without a twist key, or
        before twist sections existed)."""
        section = self.data.get("twist")
        if not isinstance(section, Mapping):
            return None
        return Hints({**section, "format": FORMAT, "case": self.case})

    def twist_changes(self) -> list[dict[str, Any]]:
        """What the twist changed, in order (on :attr:`twist`'s hints): ``{"area": "roles",
        "person": id}`` (roles, power, stance, coach), ``{"area": "line", "check": digest}``,
        ``{"area": "stage"}`` / ``{"area": "decision_mode"}``."""
        return [dict(c) for c in self.data.get("changes") or [] if isinstance(c, Mapping)]

    def shows_change(self, pid: str, area: str, value: Any) -> bool:
        """Whether a learner's ``value`` shows the twist's change of a person's ``area`` (on
        :attr:`twist`'s hints): every new role is there (other roles may stay), power within the
        tolerance, the same stance or coach flag."""
        if area == "roles":
            return self.roles_right(pid, value or ())[2] == 0
        return self.ok(pid, area, value)

    def line_ok(self, change: Mapping[str, Any], lines: Iterable[tuple[str, str, str]]) -> bool:
        """Whether one of ``lines`` (:func:`~powermap_kit.diff.edge` tuples in key ids) is a twist's new line."""
        return any(_digest(self._salt, "line", *line) == change.get("check") for line in lines)

    # ---- people ---------------------------------------------------------------------------
    def find(self, name: Any) -> str | None:
        """The key id a learner's name (id, name, alias, a unique part of one) stands for, or ``None``."""
        from .diff import normalise

        if not isinstance(name, str) or not name.strip():
            return None
        folded = normalise(name)
        forms = {normalise(f): pid for pid, p in self.people.items() for f in p["names"]}
        if folded in forms:
            return forms[folded]
        owners = {pid for form, pid in forms.items() if len(folded) >= 2 and folded in form}
        return owners.pop() if len(owners) == 1 else None

    def name(self, pid: str, lang: str | None = None) -> str:
        """A key person's name for a reader of ``lang``."""
        return self.people[pid]["display"][vocab._lang(lang)]

    def match(self, pm: PowerMap) -> dict[str, str]:
        """Key id → id of the person in a learner's map (matched by id, name, alias)."""
        found: dict[str, str] = {}
        for q in pm.stakeholders:
            pid = self.find(q.id) if q.id in self.people else self.find(q.name)
            if pid is None and q.title:
                pid = next((k for k, p in self.people.items() if p["title"] and p["title"] == q.title), None)
            if pid is not None and pid not in found:
                found[pid] = q.id
        return found

    # ---- documents and digests ----------------------------------------------------------------
    def docs(self, pid: str | None, *areas: str) -> list[str]:
        """Documents to reread about a person (``pid``) or the deal (``None``) for ``areas`` (all when none)."""
        if pid is None:
            deal = self.data.get("deal") or {}
            return sorted({d for f in areas or DEAL for d in (deal.get(f) or {}).get("docs", [])})
        docs = self.people[pid].get("docs") or {}
        return sorted({d for f in areas or AREAS for d in docs.get(f, [])})

    def ok(self, pid: str, area: str, value: Any) -> bool:
        """Whether ``value`` matches the key for a person's ``area`` (roles: one role; power within tolerance)."""
        check = self.people[pid]["check"].get(area)
        if area == "stance":
            value = value or "unknown"
        if area in ("coach", "hidden", "key_power", "first"):
            value = bool(value)
        mine = _digest(self._salt, pid, area, value)
        return mine in check if isinstance(check, list) else mine == check

    def roles_right(self, pid: str, roles: Iterable[str]) -> tuple[int, int, int]:
        """(right roles, roles chosen that the key lacks, key roles not chosen) — counts only."""
        roles = set(roles)
        right = sum(self.ok(pid, "roles", r) for r in roles)
        return right, len(roles) - right, len(self.people[pid]["check"]["roles"]) - right

    def deal_ok(self, field: str, value: Any) -> bool:
        """Whether a deal field (stage, decision_mode) matches the key."""
        return _digest(self._salt, "deal", field, value or "") == (self.data.get("deal") or {}).get(field, {}).get(
            "check")

    def save(self, path: str | os.PathLike) -> Path:
        """Write the hints as a JSON file."""
        from .atomic import write_bytes_atomic

        return write_bytes_atomic(path, (json.dumps(self.data, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))


def write_hints(key: Any, out: str | os.PathLike, today: str | None = None, twist: Any = None) -> Path:
    """Write the learner-safe hint file of an answer key (what ``powermap hints`` does); ``twist``
    as in :func:`make_hints` (by default the twist key of the key's case folder)."""
    return make_hints(key, today=today, twist=twist).save(out)


def load_hints(source: str | os.PathLike | Mapping[str, Any]) -> Hints:
    """Read a hint file (or its parsed JSON)."""
    if isinstance(source, Mapping):
        return Hints(source)
    from .io import read_json

    data, problems = read_json(Path(source))
    if problems or not isinstance(data, Mapping):
        raise InvalidValue(str(source), "not_hints", str(source))
    return Hints(data)


def hints_for(case: Any, today: str | None = None) -> Hints:
    """The hints of a case (a slug or :class:`~powermap_kit.cases.Case`): ``$POWERMAP_HINTS``, the key, a hints.json."""
    from .cases import Case, load_case

    c = case if isinstance(case, Case) else load_case(str(case))
    given = c.hints_file
    if given is not None:
        return load_hints(given)
    if (c.folder / "key.json").is_file():
        return _cached(c.folder / "key.json", twist_of(c.folder / "key.json"), today)
    raise CasesNotFound(str(c.folder), "no_hints", c.slug)


_CACHE: dict[tuple[Any, ...], Hints] = {}


def _cached(path: Path, twist: Path | None, today: str | None) -> Hints:
    stamp = (str(path), path.stat().st_mtime, str(twist), twist.stat().st_mtime if twist else None, today)
    if stamp not in _CACHE:
        _CACHE[stamp] = make_hints(path, today=today, salt="", twist=twist or False)
    return _CACHE[stamp]
