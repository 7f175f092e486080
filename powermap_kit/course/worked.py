"""The course's own small examples for modules 05 and 07, with hint-only checks.

Modules before the cases teach with examples of their own, never with a case's key:

- :func:`check_stance_items` (module 05) — a stance from what we have actually seen of a
  person; "unknown" is an information gap, never a polite "neutral";
- :func:`check_fact_sources` (module 07) — where each fact about Lanting Food came from
  (seed 002's channels, seed 001's methods);
- :func:`check_example_map` (module 07) — a map built in the MapBuilder, compared with the
  example's key: the feedback names the person and the thing to reread, never the key's value;
- :func:`example_map` / :func:`example_blank` — the example maps in ``data/examples/``.

Texts are in ``data/text/course_coaching.json``; answers are codes only.

Examples
--------
>>> r = check_stance_items({"s1": "unknown", "s6": "neutral"}, lang="en")
>>> r.status, "Unknown is not neutral" in str(r)
('partly', True)
>>> r = check_example_map(example_map("07_lanting_food"), "07_lanting_food", lang="en")
>>> r.status
'right'
>>> r = check_example_map(example_blank("07_lanting_food"), "07_lanting_food", lang="en")
>>> r.status
'unanswered'
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from importlib import resources
from typing import TYPE_CHECKING, Any

from .. import vocab
from ..io import load_map
from ..model import PowerMap
from ._base import (
    choice, data, display_name, join, lang_of, not_allowed, pending, picked, t, table, unanswered,
)
from .coaching import hinted_choices, labels, stray_picks
from .result import Result, following

if TYPE_CHECKING:
    from pandas.io.formats.style import Styler

__all__ = ["FACT_SOURCES", "STANCE_ITEMS", "check_example_choice", "check_example_map", "check_map_errors", "check_fact_sources", "check_stance_items",
           "example_blank", "example_map", "fact_items", "person_gap_options", "person_record", "source_options",
           "stance_items"]

#: What we know of six people (texts in the catalog) → the stance that knowledge supports.
STANCE_ITEMS: dict[str, str] = {"s1": "unknown", "s2": "neutral", "s3": "champion", "s4": "support", "s5": "oppose",
                                "s6": "unknown"}
#: Six facts about Lanting Food → the source they came from (codes of ``data/course.json`` sources).
FACT_SOURCES: dict[str, str] = {"f1": "public", "f2": "crm", "f3": "observation", "f4": "interview",
                                "f5": "questionnaire", "f6": "direct"}


def stance_items() -> dict[str, dict[str, str]]:
    """The people of the stance exercise, id → what we know, in both languages."""
    return labels("stance_item", list(STANCE_ITEMS))


def fact_items() -> dict[str, dict[str, str]]:
    """The Lanting facts of the sources exercise, id → text in both languages."""
    return labels("fact", list(FACT_SOURCES))


def person_gap_options() -> dict[str, dict[str, str]]:
    """The checklist items about a person (title, roles, needs …), code → label in both languages."""
    from ..intel._data import checks

    return {c: {lg: vocab.text(f"intel.check.{c}", lang=lg) for lg in vocab.LANGUAGES}
            for c, spec in checks().items() if spec["scope"] == "person"}


def person_record(pm: PowerMap, person: str, lang: str | None = None) -> Styler:
    """One person's record, one row per checklist item about a person, with "—" where nothing is recorded."""
    from ..intel._data import checks

    lg = lang_of(lang)
    who = pm.stakeholder(person)
    bosses = [pm.stakeholder(r.target).name for r in pm.relationships if r.source == who.id and r.type == "reports_to"]
    values: dict[str, Any] = {
        "roles": join((vocab.label(r, "role", lg) for r in who.roles), lg) if who.roles else None,
        "stance": vocab.label(who.stance, "stance", lg) if who.stance else None,
        "reporting": join(bosses, lg) if bosses else None,
        "needs": join(who.needs, lg) if who.needs else None, "motives": join(who.motives, lg) if who.motives else None,
        "support_dimensions": join((f"{vocab.label(d, 'support_dimension', lg)} {v}" for d, v in who.support.items()),
                                   lg) if who.support else None,
        "stance_evidence": who.evidence.get("stance"),
    }
    values.update(title=_local(who, "title", lg), department=_local(who, "department", lg))
    rows = [{t("col.item", lg): vocab.text(f"intel.check.{c}", lang=lg),
             t("coaching.col.recorded", lg): values.get(c, getattr(who, c, None)) or "—"}
            for c, spec in checks().items() if spec["scope"] == "person"]
    name = _local(who, "name", lg)
    return table(rows, caption=f"{name} ({who.name})" if name != who.name else name)


def _local(person: Any, field_name: str, lang: str) -> Any:
    # A field in the reader's language from the map's i18n (format addition), else the plain field.
    return ((person.extra.get("i18n") or {}).get(lang) or {}).get(field_name) or getattr(person, field_name, None)


def check_stance_items(answers: Mapping[str, str | None] | None, lang: str | None = None) -> Result:
    """Check the stance chosen for each person of :func:`stance_items` (``{id: stance code}``)."""
    def build(lg: str) -> Result:
        return hinted_choices("coaching.stance", answers, STANCE_ITEMS, vocab.STANCES,
                              lambda i: t(f"coaching.stance_item.{i}.short", lg),
                              lambda i: t(f"coaching.stance_item.{i}.look", lg),
                              lambda code: vocab.label(code, "stance", lg), lg, "stance")

    return following(build, lang)


def check_fact_sources(answers: Mapping[str, str | None] | None, lang: str | None = None) -> Result:
    """Check the source chosen for each Lanting fact (``{fact: source code}``)."""
    codes = tuple(s["code"] for s in data()["sources"])

    def build(lg: str) -> Result:
        return hinted_choices("coaching.facts", answers, FACT_SOURCES, codes,
                              lambda i: t(f"coaching.fact.{i}.short", lg), lambda i: t(f"coaching.fact.{i}.look", lg),
                              lambda code: t(f"source.{code}.name", lg), lg)

    return following(build, lang)


# ---- the example maps ------------------------------------------------------------------------
def _example_data(name: str) -> dict[str, Any]:
    from ..errors import UnknownName

    folder = resources.files("powermap_kit").joinpath("data/examples")
    item = folder.joinpath(f"{name}.json")
    if not item.is_file():
        names = sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".json"))
        raise UnknownName("example", "unknown_name", name, allowed=tuple(names))
    return json.loads(item.read_text("utf-8"))


def example_map(name: str) -> PowerMap:
    """An example map of the course (``data/examples/{name}.json``), e.g. ``"07_lanting_food"``."""
    return load_map(_example_data(name))


def example_blank(name: str) -> PowerMap:
    """The example's account and opportunity name with nobody on it yet: a map to build in."""
    raw = _example_data(name)
    opportunity = {k: v for k, v in raw.get("opportunity", {}).items() if k in ("name", "i18n")}
    return load_map({"format": raw["format"], "account": raw.get("account", {}), "opportunity": opportunity,
                     "stakeholders": []})


def _map_lines(pm: PowerMap, key: PowerMap, lg: str) -> tuple[list[tuple[str, str]], int, int]:
    from ..grading.compare import compare_to_key

    found = compare_to_key(pm, key)
    lines: list[tuple[str, str]] = []
    right = total = 0
    for person in key.stakeholders:
        name = display_name(key, person.id, lg)
        total += 1
        if person.id in found.missing:
            lines.append(("unanswered", t("coaching.map.missing", lg, name=name)))
            continue
        wrong = found.differences(person.id)
        if not wrong:
            right += 1
        for field_name in wrong:
            lines.append(("wrong", t("coaching.map.look", lg, name=name, field=vocab.text(f"field.{field_name}", lang=lg),
                                     look=t(f"coaching.map.field.{field_name}", lg))))
        given = found.people[person.id]
        if not any(str(v).strip() for v in (given.evidence or {}).values()):
            lines.append(("partly", t("coaching.map.no_evidence", lg, name=name)))
    missing_lines = len(found.missing_lines)
    total += 1
    if missing_lines:
        lines.append(("wrong", t("coaching.map.lines", lg, count=missing_lines)))
    else:
        right += 1
    if found.extra:
        lines.append(("info", t("coaching.map.extra", lg, names=join((pm.stakeholder(i).name for i in found.extra), lg))))
    return lines, right, total


def check_example_choice(name: str, field_name: str, answer: str | None, lang: str | None = None) -> Result:
    """Check the buying stage or decision mode (``field_name``) chosen for an example's opportunity.

    A wrong choice sends the learner back to the example's sentence that settles it
    (``coaching.example.{name}.{field}``), never to the key's value.
    """
    kind = {"stage": "stage", "decision_mode": "decision_mode"}.get(field_name)
    if kind is None:
        from ..errors import InvalidValue

        raise InvalidValue.not_one_of("field", field_name, ("stage", "decision_mode"))
    want = getattr(example_map(name).opportunity, field_name)

    def build(lg: str) -> Result:
        title = t(f"coaching.example.{field_name}.title", lg)
        hint = t(f"coaching.example.{name}.{field_name}", lg)
        if unanswered(answer):
            return pending(title, t(f"coaching.example.{field_name}.what", lg), hint, lg)
        got = choice(answer, vocab.codes(kind), kind)
        record = {"question": f"{name}.{field_name}", "kind": kind, "answer": got, "expected": want}
        if got is None:
            return Result("wrong", 0.0, title, t("item.bad_code", lg),
                          (not_allowed(vocab.text(f"field.{field_name}", lang=lg), answer, vocab.codes(kind), lg),),
                          hint, lg, record)
        if got == want:
            return Result("right", 1.0, title, t("coaching.item_right", lg, item=title,
                                                 answer=vocab.label(got, kind, lg)), (), "", lg, record)
        return Result("wrong", 0.0, title, "", (("wrong", t("coaching.example.wrong", lg,
                                                            chosen=vocab.label(got, kind, lg))),), hint, lg, record)

    return following(build, lang)


def check_example_map(pm: PowerMap | None, name: str, note: Mapping[str, str | None] | None = None,
                      lang: str | None = None) -> Result:
    """Compare a map built for an example scenario with the example's key, hint-only.

    Each line names a person and what to reread about them (roles, power, stance: "no
    contact and no signal is unknown"), a person still missing, or missing lines; the key's
    values are never written. With ``note`` (``{"verify": text}``, the Check form of module
    07) the learner's note on what to verify first must name a person of the example and a
    second source; an empty or nonsense note keeps the map from counting as done.
    """
    key = example_map(name)
    people = [w.lower() for p in key.stakeholders
              for w in (p.name, *((key.grading or {}).get("aliases") or {}).get(p.id, []))]

    def build(lg: str) -> Result:
        title, hint = t("coaching.map.title", lg), t("coaching.map.where", lg)
        if pm is None or len(pm) == 0:
            return pending(title, t("coaching.map.empty", lg), hint, lg)
        lines, right, total = _map_lines(pm, key, lg)
        if note is not None:
            total += 1
            text = str(note.get("verify") or "").strip().lower()
            if not text:
                lines.append(("unanswered", t("coaching.map.note_open", lg)))
            elif not any(n in text for n in people) or not any(w in text for w in _source_words()):
                lines.append(("wrong", t("coaching.map.note_weak", lg)))
            else:
                right += 1
        score = right / total
        record = {"question": name, "kind": "example_map", "score": round(score, 2)}
        if score >= 0.999 and not any(m == "partly" for m, _ in lines):
            lines = [("right", t("coaching.map.all_right", lg)), *lines]
            return Result("right", 1.0, title, "", tuple(lines), "", lg, record)
        status = "partly" if score > 0 else "wrong"
        message = t("coaching.map.tally", lg, right=right, total=total)
        return Result(status, round(min(score, 0.99), 2), title, message, tuple(lines), hint, lg, record)

    return following(build, lang)


def _source_words() -> list[str]:
    return [w.strip().lower() for lg in vocab.LANGUAGES
            for w in t("coaching.plan.words.verify", lg).split("|") + t("coaching.map.words.source", lg).split("|")
            if w.strip()]


def check_map_errors(pm: PowerMap, name: str, picks: Sequence[str] | str | None, lang: str | None = None) -> Result:
    """Check which people of a colleague's map ``pm`` disagree with the example's notes.

    The people to find are those :func:`~powermap_kit.grading.compare.compare_to_key` finds
    wrong; a wrong pick is sent back to that person's paragraph, a missed one is counted, not named.
    """
    from ..grading.compare import compare_to_key

    key = example_map(name)
    found = compare_to_key(pm, key)
    wrong_ids = [found.sub_of[k] for k in found.wrong]

    def build(lg: str) -> Result:
        title, hint = t("coaching.errors.title", lg), t("coaching.errors.where", lg)
        chosen = list(dict.fromkeys(picked(picks)))
        if not chosen:
            return pending(title, t("coaching.errors.what", lg), hint, lg)
        stray = [p for p in chosen if p not in pm]
        if stray:
            return stray_picks(stray, [p.id for p in pm.stakeholders], title, hint, lg)
        lines: list[tuple[str, str]] = []
        for pid in chosen:
            who = display_name(key, found.key_of[pid], lg) if pid in found.key_of else pm.stakeholder(pid).name
            if pid in wrong_ids:
                lines.append(("right", t("coaching.errors.found", lg, name=who)))
            else:
                lines.append(("wrong", t("coaching.errors.fine", lg, name=who)))
        missed = [p for p in wrong_ids if p not in chosen]
        if missed:
            lines.append(("unanswered", t("coaching.errors.missed", lg, count=len(missed))))
        hits = len(chosen) - sum(1 for m, _ in lines if m == "wrong")
        score = max(0.0, (hits - (len(chosen) - hits)) / len(wrong_ids)) if wrong_ids else 0.0
        status = "right" if not missed and hits == len(chosen) else "partly" if hits else "wrong"
        return Result(status, 1.0 if status == "right" else round(min(score, 0.99), 2), title, "", tuple(lines),
                      hint, lg, {"question": f"{name}.errors", "kind": "map_errors", "answer": chosen,
                                 "expected": wrong_ids})

    return following(build, lang)


def source_options() -> dict[str, dict[str, str]]:
    """The sources of facts (public, CRM, direct, interview …), code → label in both languages."""
    return {s["code"]: {lg: t(f"source.{s['code']}.name", lg) for lg in vocab.LANGUAGES} for s in data()["sources"]}
