"""Why power maps, and building one: single-threading, the seven building steps, the pitfalls
(seeds 000, 002, 003, 004).

Examples
--------
>>> r = check_building_order(None, lang="en")
>>> r.status, "notebook 01" in r.hint
('unanswered', True)
>>> check_building_order(list(PROCESS_STEPS), lang="en").message
'All 7 right.'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from .. import localize, vocab
from ..cases import Case, Markdown
from ..model import PowerMap
from ._base import (
    case_of, choice, choice_check, data, display_name, field_label, join, key_of, lang_of, not_allowed, pending,
    people_index, picked, roles_text, t, table, tally, unanswered,
)
from .result import Result, following

if TYPE_CHECKING:
    from pandas.io.formats.style import Styler

__all__ = ["PITFALLS", "PITFALL_SITUATIONS", "PROCESS_STEPS", "building_process", "check_building_order",
           "check_pitfalls", "check_who_to_reach", "coverage_table", "pitfall_situations", "pitfalls_table"]

#: The seven steps of building a map, in order, with the seeds that name them.
PROCESS_STEPS: dict[str, str] = {s["code"]: s["seeds"] for s in data()["build_steps"]}
#: The three known pitfalls of seed 000 §6.
PITFALLS: tuple[str, ...] = tuple(data()["pitfalls"])
#: Short situations (text in the course catalog) and the pitfall each shows.
PITFALL_SITUATIONS: dict[str, str] = data()["pitfall_situations"]


def _step(code: str, lang: str) -> str:
    return t(f"step.{code}.name", lang)


def building_process(lang: str | None = None) -> Styler:
    """The seven steps of building a map (seeds 000 §3, 001, 002, 004 §3) as a numbered table."""
    lang = lang_of(lang)
    return table([{"#": n, t("col.step", lang): _step(code, lang), t("col.what", lang): t(f"step.{code}.what", lang),
                   t("col.code", lang): code}
                  for n, code in enumerate(PROCESS_STEPS, start=1)])


def pitfalls_table(lang: str | None = None) -> Styler:
    """The three pitfalls of seed 000 §6: what each looks like and what to do."""
    lang = lang_of(lang)
    return table([{t("col.pitfall", lang): t(f"pitfall.{code}.label", lang), t("col.code", lang): code,
                   t("col.looks_like", lang): t(f"pitfall.{code}.description", lang),
                   t("col.remedy", lang): t(f"pitfall.{code}.remedy", lang)} for code in PITFALLS])


def pitfall_situations(lang: str | None = None) -> Styler:
    """The situations of the pitfall exercise (answer with :func:`check_pitfalls`)."""
    lang = lang_of(lang)
    return table([{t("col.id", lang): sid, t("col.situation", lang): t(f"situation.{sid}", lang)}
                  for sid in PITFALL_SITUATIONS])


def coverage_table(pm: PowerMap | Case | str, lang: str | None = None) -> Styler | Markdown:
    """Who we reach: each person's roles and power beside our contact lines (single-threading shows).

    A case (slug or Case) shows its key: for a learner only after submitting the case, before
    that a lock notice (:func:`.learner.key_locked`).
    """
    from .learner import key_locked

    lang = lang_of(lang)
    lock = key_locked(pm, lang)
    if lock is not None:
        return lock
    pm = key_of(pm)
    rows = []
    for p in sorted(pm.stakeholders, key=lambda s: -(s.power or 0)):
        lines = pm.coverage_of(p.id)
        best = max((c.strength or 0 for c in lines), default=0)
        rows.append({t("col.person", lang): display_name(pm, p.id, lang), field_label("roles", lang):
                     roles_text(p.roles, lang), field_label("power", lang): p.power if p.power is not None else "?",
                     t("col.lines", lang): len(lines),
                     t("col.strongest", lang): vocab.label(str(best), "relationship_strength", lang) if best
                     else t("none", lang)})
    return table(rows)


def check_building_order(steps: Sequence[str] | None, lang: str | None = None) -> Result:
    """Check the seven building steps put in order (codes of :data:`PROCESS_STEPS`)."""
    def build(lg: str) -> Result:
        title, hint = t("order.title", lg), t("order.where", lg)
        if unanswered(steps):
            return pending(title, t("order.what", lg), hint, lg)
        expected = list(PROCESS_STEPS)
        lines, right = [], 0
        typed = picked(steps)
        chosen = [choice(s, expected) for s in typed]
        for n, code in enumerate(expected, start=1):
            raw, given = (typed[n - 1], chosen[n - 1]) if n <= len(typed) else (None, None)
            label = _step(code, lg)
            if given == code:
                right += 1
                lines.append(("right", t("order.right_place", lg, n=n, step=label)))
            elif raw is not None and given is None:
                lines.append(not_allowed(str(n), raw, expected, lg))
            else:
                shown = _step(given, lg) if given else t("none", lg)
                lines.append(("wrong", t("order.wrong_place", lg, n=n, chosen=shown, step=label)))
        if len(chosen) > len(expected):
            lines.append(("wrong", t("order.too_many", lg, count=len(chosen), total=len(expected))))
        return tally(title, lines, right, len(expected), hint, lg, record={"answer": typed, "expected": expected})

    return following(build, lang)


def check_pitfalls(answers: Mapping[str, str | None] | None, lang: str | None = None) -> Result:
    """Check which pitfall (:data:`PITFALLS`) each situation of :func:`pitfall_situations` shows."""
    return following(lambda lg: choice_check("pitfalls", answers, PITFALL_SITUATIONS, PITFALLS,
                                             lambda code: t(f"pitfall.{code}.label", lg),
                                             lambda sid: t(f"situation.{sid}.why", lg), lg), lang)


def _reach_hints(case: Case | str, people: Any, contact: str | None, count: int, lang: str) -> Result:
    """The learner's version of :func:`check_who_to_reach`: yes, reconsider, or someone missing (by documents)."""
    from .learner import hints_of, locked, pick_lines

    h = hints_of(case)
    title, hint = t("reach.title", lang), locked(t("reach.where", lang), lang)
    if unanswered(people) or isinstance(people, Mapping) or not isinstance(people, (str, Iterable)):
        return pending(title, t("reach.what", lang, count=count), hint, lang)
    people = [people] if isinstance(people, str) else list(people)
    ours = [p for p in people if contact is not None and h.find(p) == contact]
    fits = {pid: pid != contact and h.ok(pid, "key_power", True) for pid in h.people}
    lines, _, ids = pick_lines([p for p in people if p not in ours], h, fits, ("power", "roles"), lang,
                               "hints.reach_key", "hints.reach_not", "hints.reach_missed")
    if ours:
        lines.insert(0, ("wrong", t("reach.contact", lang, name=h.name(str(contact), lang))))
    right = sum(1 for pid in ids if fits[pid])
    if right >= count:
        lines = [line for line in lines if line[0] != "unanswered"]
    return tally(title, lines, min(right, count), count, hint, lang, record={"answer": ids})


def check_who_to_reach(case: Case | str, people: Sequence[str] | None, contact: str | None = None,
                       count: int = 3, lang: str | None = None, audience: str | None = None) -> Result:
    """Check ``count`` people named (id, name or alias) to reach beyond our one friendly ``contact``.

    A person counts when the decision turns on them: power at or above the analysis
    setting ``key_power`` (default 4). Missed ones are named with the key's evidence.

    Examples
    --------
    A learner (the default audience) reads yes or reconsider per name and the documents to
    reread, never people's roles or power, and is not told whom they missed.

    >>> r = check_who_to_reach("it-solution", ["Han Jing", "陆主任", "Tang Lei"], contact="xu_kai", lang="en",
    ...                        audience="trainer")
    >>> r.score, r.lines[-1][1]
    (0.67, 'People the decision turns on that you did not name: Jiang Chengye (蒋承业), Shen Guodong (沈国栋), Ma Lixin (马立新).')
    """
    from ..analysis.settings import config
    from .learner import learner_mode

    if learner_mode(audience):
        return following(lambda lg: _reach_hints(case, people, contact, count, lg), lang)
    key = case_of(case).key

    def build(lg: str) -> Result:
        title, hint = t("reach.title", lg), t("reach.where", lg)
        if unanswered(people) or isinstance(people, Mapping) or not isinstance(people, (str, Iterable)):
            return pending(title, t("reach.what", lg, count=count), hint, lg)
        names = [people] if isinstance(people, str) else list(people)  # type: ignore[arg-type]
        threshold = int(config()["key_power"])
        index = people_index(key)
        lines, right, named = [], 0, []
        for raw in names:
            pid = index.get(str(raw).strip().lower())
            if pid is None:
                example = display_name(key, key.stakeholders[0].id, lg)
                lines.append(("wrong", t("reach.unknown", lg, value=repr(raw), example=example)))
                continue
            if pid in named:
                continue
            named.append(pid)
            p = key.stakeholder(pid)
            name = display_name(key, pid, lg)
            evidence = localize.text(p, "evidence.power", lg) or localize.text(p, "evidence.roles", lg) or ""
            if pid == contact:
                lines.append(("wrong", t("reach.contact", lg, name=name)))
            elif (p.power or 0) >= threshold:
                right += 1
                lines.append(("right", t("reach.key", lg, name=name, roles=roles_text(p.roles, lg), power=p.power,
                                         evidence=evidence)))
            else:
                lines.append(("partly", t("reach.minor", lg, name=name, roles=roles_text(p.roles, lg),
                                          power=p.power if p.power is not None else "?", threshold=threshold)))
        missed = [p for p in key.stakeholders if (p.power or 0) >= threshold and p.id not in named]
        if right < count and missed:
            lines.append(("info", t("reach.missed", lg, names=join((display_name(key, p.id, lg) for p in missed),
                                                                   lg))))
        return tally(title, lines, min(right, count), count, hint, lg, record={"answer": named})

    return following(build, lang)
