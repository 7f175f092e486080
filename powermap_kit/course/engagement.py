"""Analysing and engaging (notebooks 08–09): the power matrix, hidden power, interest
conflicts, the relationship step per person, the channel and the executive pairing.

Every check here gives **hints, not answers**: a right item says why it is right; a wrong
item says where to look again (which person, which idea) without naming the right value;
an empty answer gets guidance on what to fill in; a value that is not one of the choices
is named with the allowed ones. The people and situations come from the course's own
example maps (``data/examples/08_*.json``, ``09_*.json``), never from a case key.

The expected answers are computed, not typed in: the matrix places from
:func:`~powermap_kit.analysis.power_matrix`, the next relationship step from
:func:`~powermap_kit.analysis.current_step` (so the exercise and the action plan agree),
hidden power from :func:`~powermap_kit.analysis.hidden_power`. The conflict, channel and
pairing exercises are our scenarios; their options and reasons are texts
``course.engagement.*`` in both languages.

Examples
--------
>>> pm = example("08_huachuan_cold_chain")
>>> check_matrix(pm, {"shao": "contact_first"}, people=["shao"], lang="en").status
'right'
>>> r = check_matrix(pm, {"shao": "keep_informed"}, people=["shao"], lang="en")
>>> r.status, "Contact first" in str(r)
('wrong', False)
>>> check_matrix(pm, {}, lang="en").status
'unanswered'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from importlib import resources
from typing import TYPE_CHECKING, Any

from .. import vocab
from ..model import PowerMap
from ._base import checked, join, pending, picked, t, table, unanswered
from .result import Result, following

if TYPE_CHECKING:
    from pandas.io.formats.style import Styler

    from .display import Picture

__all__ = ["CHANNELS", "balance_options", "channel_items", "channel_options", "check_balance_point",
           "check_channels", "check_hidden", "check_matrix", "check_pairing", "check_steps", "example",
           "known_table", "matrix_picture", "pairing_options", "people_items", "quadrant_guide", "quadrant_options",
           "step_options", "visit_fields"]

#: The channels the course practises (004: visit, phone, email; 003: executive to executive).
CHANNELS: tuple[str, ...] = ("visit", "phone", "email", "executive")
_LANGS = ("en", "zh")

# Our scenarios: the right option of each exercise (the wording is in course_engagement.json).
_CONFLICTS = {"budget": ("b1", "b2", "b3", "b4"), "tender": ("t1", "t2", "t3", "t4")}
_BALANCE = {"budget": "b3", "tender": "t2"}
_SITUATIONS = {"notebook": {"c1": "executive", "c2": "email", "c3": "phone", "c4": "visit"},
               "workbook": {"c5": "email", "c6": "phone", "c7": "executive"}}
_PAIRINGS = {"yao": ("am", "architect", "regional_vp", "ceo"), "dai": ("am", "regional_vp", "finance", "ceo")}
_PAIRED = {"yao": "regional_vp", "dai": "finance"}


def _e(key: str, lang: str | None, **params: Any) -> str:
    return t(f"engagement.{key}", lang, **params)


def _both(key: str) -> dict[str, str]:
    return {lang: _e(key, lang) for lang in _LANGS}


# ---- example maps and what a learner reads ------------------------------------------------
def example(name: str) -> PowerMap:
    """One of the course's example maps by name (``"08_huachuan_cold_chain"``)."""
    from ..io import load_map

    path = resources.files("powermap_kit").joinpath(f"data/examples/{name}.json")
    return load_map(str(path))


def _local(obj: Any, field: str, lang: str) -> Any:
    """A field of a map object in a language: its ``i18n`` text, else the plain field."""
    i18n = (getattr(obj, "extra", None) or {}).get("i18n") or {}
    return (i18n.get(lang) or {}).get(field) or getattr(obj, field, None)


def _name(p: Any, lang: str) -> str:
    """"Shao Liqun (邵立群)" in English, "邵立群" in Chinese."""
    latin = _local(p, "name", "en") if lang == "en" else None
    return f"{latin} ({p.name})" if latin and latin != p.name else str(p.name)


def people_items(pm: PowerMap, ids: Sequence[str] | None = None) -> dict[str, dict[str, str]]:
    """People as form items or options: id → name in each language."""
    chosen = [pm.stakeholder(i) for i in ids] if ids else list(pm.stakeholders)
    return {p.id: {lang: _name(p, lang) for lang in _LANGS} for p in chosen}


def known_table(pm: PowerMap, ids: Sequence[str] | None = None, lang: str | None = None) -> Styler:
    """What we know about each person, in words (title and notes), without ratings to copy."""
    lang = vocab._lang(lang)
    chosen = [pm.stakeholder(i) for i in ids] if ids else list(pm.stakeholders)
    rows = [{_e("col.person", lang): _name(p, lang), _e("col.title", lang): _local(p, "title", lang) or "",
             _e("col.known", lang): _local(p, "notes", lang) or ""} for p in chosen]
    return table(rows)


def quadrant_guide(lang: str | None = None) -> Styler:
    """The power matrix's quadrants for reading: name, power, influence, what to do (no codes)."""
    from ..analysis.matrix import QUADRANTS, quadrant_approach, quadrant_name

    lang = vocab._lang(lang)
    levels = {"contact_first": ("high", "high"), "key_decider": ("high", "low"), "key_influencer": ("low", "high"),
              "keep_informed": ("low", "low"), "unplaced": ("unknown", "unknown")}
    rows = [{_e("col.quadrant", lang): quadrant_name(q, lang), _e("col.power", lang): _e(f"level.{levels[q][0]}", lang),
             _e("col.influence", lang): _e(f"level.{levels[q][1]}", lang),
             _e("col.approach", lang): quadrant_approach(q, lang)} for q in QUADRANTS]
    return table(rows)


def matrix_picture(pm: PowerMap, view: str = "power", lang: str | None = None) -> Picture:
    """The power matrix (``view="power"``, power × influence) or the support matrix (``"support"``)."""
    from ..render import power_matrix_svg
    from .display import Picture

    title = vocab.text("analysis.matrix.title" if view == "power" else "analysis.support_matrix.title", lang=lang)
    return Picture(power_matrix_svg(pm, lang=lang, view=view), title)


# ---- options for the form parts -----------------------------------------------------------
def quadrant_options() -> dict[str, dict[str, str]]:
    """The power matrix's quadrants as options (name in each language)."""
    from ..analysis.matrix import QUADRANTS, quadrant_name

    return {q: {lang: quadrant_name(q, lang) for lang in _LANGS} for q in QUADRANTS}


def step_options() -> dict[str, dict[str, str]]:
    """The five relationship steps and "re-assess support" as options."""
    out = {c: {lang: vocab.label(c, "relationship_step", lang) for lang in _LANGS} for c in vocab.RELATIONSHIP_STEPS}
    out["reassess"] = _both("reassess")
    return out


def channel_options() -> dict[str, dict[str, str]]:
    """Visit, phone, email, executive to executive, as options."""
    return {c: {lang: vocab.label(c, "channel", lang) for lang in _LANGS} for c in CHANNELS}


def channel_items(group: str = "notebook") -> dict[str, dict[str, str]]:
    """The situations of a channel exercise (``"notebook"`` or ``"workbook"``): id → text."""
    return {s: {lang: _e("situation_label", lang, n=n, text=_e(f"situation.{s}", lang)) for lang in _LANGS}
            for n, s in enumerate(_SITUATIONS[group], 1)}


def balance_options(conflict: str = "budget") -> dict[str, dict[str, str]]:
    """The proposals of an interest-conflict exercise (``"budget"`` or ``"tender"``)."""
    return {o: _both(f"balance.{o}") for o in _CONFLICTS[conflict]}


def visit_fields() -> dict[str, dict[str, str]]:
    """The text fields of a visit plan: the assumed needs, the visit goal, the action commitment
    asked of the customer and the dated next step (what the visit-plan check tests)."""
    fields = {"assumed_needs": "visit.assumed_needs.name", "visit_goal": "visit.visit_goal.name"}
    out = {c: {lang: t(key, lang) for lang in _LANGS} for c, key in fields.items()}
    out.update({c: _both(f"visit.{c}") for c in ("commitment", "next_step")})
    return out


def pairing_options(target: str = "yao") -> dict[str, dict[str, str]]:
    """Who on our side goes to meet ``target`` (``"yao"`` or ``"dai"``): the proposals."""
    return {o: _both(f"pairing.{target}.{o}") for o in _PAIRINGS[target]}


# ---- shared checking ---------------------------------------------------------------------
def _code(value: Any, allowed: Mapping[str, Mapping[str, str]]) -> str | None:
    """The option meant by ``value``: its code, or its label in either language."""
    if isinstance(value, str):
        folded = value.strip().casefold()
        for code, labels in allowed.items():
            if folded == code.casefold() or any(folded == lab.casefold() for lab in labels.values()):
                return code
    return None


def _each(topic: str, pm: PowerMap | None, answers: Mapping[str, Any] | None, expected: Mapping[str, str],
          allowed: Mapping[str, Mapping[str, str]], why: Any, hint: Any, lang: str) -> Result:
    """One line per item: right with its reason, wrong with a hint (never the right value)."""
    title, where = _e(f"{topic}.title", lang), _e(f"{topic}.where", lang)
    items = {i: (_name(pm.stakeholder(i), lang) if pm is not None else _e("situation_no", lang, n=n))
             for n, i in enumerate(expected, 1)}
    if not isinstance(answers, Mapping) or unanswered(answers):
        return pending(title, _e(f"{topic}.empty", lang, items=join(items.values(), lang)), where, lang)
    lines: list[tuple[str, str]] = []
    right = 0
    for item, want in expected.items():
        raw = answers.get(item)
        if unanswered(raw):
            lines.append(("unanswered", _e("open", lang, item=items[item])))
            continue
        got = _code(raw, allowed)
        if got is None:
            labels = join((lab[lang] for lab in allowed.values()), lang)
            lines.append(("wrong", _e("not_a_choice", lang, item=items[item], value=repr(raw), allowed=labels)))
        elif got == want:
            right += 1
            lines.append(("right", _e("right", lang, item=items[item], why=why(item, lang))))
        else:
            lines.append(("wrong", _e("again", lang, item=items[item], chosen=allowed[got][lang],
                                      hint=hint(item, got, lang))))
    extra = [k for k in answers if k not in expected and not unanswered(answers[k])]
    if extra:
        lines.append(("wrong", _e("unknown_items", lang, items=join(map(repr, extra), lang))))
    return checked(title, lines, right / len(expected), where, lang, record={"answer": dict(answers)})


def _one(topic: str, answer: Any, options: Mapping[str, Mapping[str, str]], want: str, key: str,
         lang: str) -> Result:
    """A single choice: right with its reason; any other option with what is wrong with it."""
    title, where = _e(f"{topic}.title", lang), _e(f"{topic}.where", lang)
    if unanswered(answer):
        return pending(title, _e(f"{topic}.empty", lang), where, lang)
    got = _code(answer, options)
    if got is None:
        labels = join((lab[lang] for lab in options.values()), lang)
        return checked(title, [("wrong", _e("not_one", lang, value=repr(answer), allowed=labels))], 0.0, where, lang,
                       record={"answer": answer})
    status = "right" if got == want else "wrong"
    line = _e(f"{key}.{got}.why", lang)
    return checked(title, [(status, line)], float(got == want), where, lang, record={"answer": got})


# ---- checks ---------------------------------------------------------------------------------
def check_matrix(pm: PowerMap, answers: Mapping[str, Any] | None, people: Sequence[str] | None = None,
                 lang: str | None = None) -> Result:
    """Check the power-matrix quadrant (power × influence) chosen for each person of ``people``."""
    from ..analysis import analyse
    from ..analysis.matrix import quadrant_name

    rows = {r["id"]: r for r in analyse(pm, today="2026-12-01").matrix_rows}
    ids = list(people or rows)
    expected = {i: rows[i]["quadrant"] for i in ids}

    def why(item: str, lg: str) -> str:
        r = rows[item]
        if r["quadrant"] == "unplaced":
            return _e("matrix.why_unplaced", lg)
        return _e("matrix.why", lg, power=r["power"], influence=r["influence"], quadrant=quadrant_name(r["quadrant"], lg))

    def hint(item: str, got: str, lg: str) -> str:
        return _e("matrix.hint", lg, name=_name(pm.stakeholder(item), lg))

    return following(lambda lg: _each("matrix", pm, answers, expected, quadrant_options(), why, hint, lg), lang)


def check_steps(pm: PowerMap, answers: Mapping[str, Any] | None, people: Sequence[str] | None = None,
                lang: str | None = None) -> Result:
    """Check the relationship step chosen to work on next with each person of ``people``.

    The expected step follows the person's actual relationship (:func:`~powermap_kit.analysis.current_step`).
    """
    from ..analysis.actions import current_step, next_step

    cover: dict[str, list[Any]] = {}
    for line in pm.coverage:
        cover.setdefault(line.stakeholder, []).append(line)
    ids = list(people or pm.ids)
    now = {i: current_step(pm.stakeholder(i), cover.get(i))[0] for i in ids}
    expected = {i: next_step(now[i]) for i in ids}
    options = step_options()

    def why(item: str, lg: str) -> str:
        step = now[item]
        reached = options[step][lg] if step else _e("steps.nothing", lg)
        return _e("steps.why", lg, now=reached, next=options[expected[item]][lg])

    def hint(item: str, got: str, lg: str) -> str:
        order = list(options)
        key = "steps.too_far" if order.index(got) > order.index(expected[item]) else "steps.too_early"
        return _e(key, lg, name=_name(pm.stakeholder(item), lg))

    return following(lambda lg: _each("steps", pm, answers, expected, options, why, hint, lg), lang)


def check_channels(answers: Mapping[str, Any] | None, group: str = "notebook", lang: str | None = None) -> Result:
    """Check the channel chosen for each situation of a channel exercise."""
    expected = _SITUATIONS[group]
    return following(lambda lg: _each(
        "channels", None, answers, expected, channel_options(),
        lambda item, lg2: _e(f"situation.{item}.why", lg2),
        lambda item, got, lg2: _e(f"situation.{item}.hint", lg2), lg), lang)


def check_pairing(answer: Any, target: str = "yao", lang: str | None = None) -> Result:
    """Check who on our side is paired with a customer executive (``target``: ``"yao"`` or ``"dai"``)."""
    return following(lambda lg: _one("pairing", answer, pairing_options(target), _PAIRED[target],
                                     f"pairing.{target}", lg), lang)


def check_balance_point(answer: Any, conflict: str = "budget", lang: str | None = None) -> Result:
    """Check the proposal chosen to resolve an interest conflict (the balance point, 平衡点)."""
    return following(lambda lg: _one("balance", answer, balance_options(conflict), _BALANCE[conflict], "balance",
                                     lg), lang)


def check_hidden(pm: PowerMap, picks: Iterable[Any] | None, lang: str | None = None) -> Result:
    """Check who the learner thinks holds more power than the map gives them (hints only)."""
    from ..analysis import analyse

    flagged = {r["id"] for r in analyse(pm, today="2026-12-01").hidden_power}
    options = people_items(pm)

    def build(lg: str) -> Result:
        title, where = _e("hidden.title", lg), _e("hidden.where", lg)
        chosen = picked(picks)
        if not chosen:
            return pending(title, _e("hidden.empty", lg), where, lg)
        lines: list[tuple[str, str]] = []
        ids = []
        for pick in chosen:
            pid = pick if pick in options else _code(pick, options)
            if pid is None:
                lines.append(("wrong", _e("hidden.unknown", lg, value=repr(pick))))
            elif pid not in ids:
                ids.append(pid)
        for pid in ids:
            name = options[pid][lg]
            lines.append(("right", _e("hidden.found", lg, name=name)) if pid in flagged
                         else ("wrong", _e("hidden.not", lg, name=name)))
        missed = len(flagged - set(ids))
        if missed:
            lines.append(("unanswered", _e("hidden.missed", lg, count=missed)))
        hits = len(flagged & set(ids))
        unknown = sum(1 for pick in chosen if pick not in options and _code(pick, options) is None)
        # Overlap of the two sets: every miss, wrong pick and unknown name costs the same.
        score = hits / (len(flagged) + len(ids) - hits + unknown) if flagged else float(not ids and not unknown)
        return checked(title, lines, score, where, lg, record={"answer": ids})

    return following(build, lang)
