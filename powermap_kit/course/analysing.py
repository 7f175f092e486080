"""Reading an analysis (notebooks 08–09): tables to read, and checks of who the learner picks
from the power matrix, the hidden-power finding and the first people to reach.

Picks are names, ids or aliases of people on the map (a part of one person's name will do).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from .. import vocab
from ..diff import match_people, normalise
from ..errors import InvalidValue
from ..model import PowerMap
from ._base import case_of, checked, data, join, lang_of, pending, picked, t, table
from .result import Result, following

if TYPE_CHECKING:
    from pandas.io.formats.style import Styler

    from ..analysis import Analysis
    from ..cases import Case

__all__ = ["action_summary", "analysis_table", "check_hidden_power", "check_priorities", "check_quadrant",
           "quadrant_table"]


def quadrant_table(lang: str | None = None) -> Styler:
    """The quadrants of the power matrix (seed 000 §4) and the approach for each."""
    from ..analysis.matrix import QUADRANTS, quadrant_approach, quadrant_name
    from ._base import columns_table

    rows = [{"code": q, "entry": quadrant_name(q, lang), "chinese": quadrant_name(q, "zh"),
             "moves": quadrant_approach(q, lang)} for q in QUADRANTS]
    return columns_table(rows, ["code", "entry", "chinese", "moves"], lang)


_PLAN_COLUMNS = ("priority", "name", "roles", "stance", "strategy", "trust_focus", "current_step", "next_step",
                 "through")


def action_summary(result: Analysis, lang: str | None = None) -> Styler:
    """The main columns of an analysis's action plan, labelled in the language, for reading."""
    labelled = result.action_frame(lang)
    codes = list(result.action_frame(lang, labels=False).columns)
    return table(labelled.iloc[:, [codes.index(c) for c in _PLAN_COLUMNS]])


# Which columns of an analysis table a learner reads, and the text key of each heading.
_ANALYSIS_TABLES: dict[str, tuple[str, tuple[tuple[str, str], ...]]] = {
    "routes": ("path_frame", (("target_name", "analysis.col.target"), ("names", "analysis.col.route"),
                              ("explanation", "analysis.col.explanation"))),
    "conflicts": ("conflict_frame", (("message", "course.col.conflict"), ("advice", "course.col.advice"))),
    "hidden": ("hidden_frame", (("name", "analysis.col.name"), ("power", "field.power"),
                                ("network_power", "analysis.col.network_power"),
                                ("flagged", "course.col.flagged"), ("explanation", "analysis.col.explanation"))),
    "risks": ("risk_frame", (("severity", "course.col.severity"), ("title", "course.col.risk"),
                             ("message", "course.col.finding"), ("action", "analysis.col.action"))),
}


def analysis_table(result: Analysis, part: str, lang: str | None = None) -> Styler:
    """One part of an analysis — ``routes``, ``conflicts``, ``hidden`` or ``risks`` — as a table to read.

    The same rows as the analysis's ``*_frame()`` methods, with headings in the language,
    routes written out as ``A → B → C`` and nothing cut short.
    """
    lang = lang_of(lang)
    if part not in _ANALYSIS_TABLES:
        raise InvalidValue.not_one_of("part", part, _ANALYSIS_TABLES)
    method, columns = _ANALYSIS_TABLES[part]
    frame = getattr(result, method)(lang)[[c for c, _ in columns]].copy()
    if "names" in frame:
        frame["names"] = frame["names"].map(" → ".join)
    if "flagged" in frame:
        frame["flagged"] = frame["flagged"].map(lambda v: "✔" if v else "")
    if "severity" in frame:
        frame["severity"] = frame["severity"].map(lambda v: vocab.text(f"analysis.severity.{v}", lang=lang))
    return table(frame.rename(columns={c: vocab.text(key, lang=lang) for c, key in columns}))


# ---- picking people -----------------------------------------------------------------------
def _analysis(pm: PowerMap | Analysis, today: str | None) -> Analysis:
    from ..analysis import analyse

    return pm if hasattr(pm, "context") else analyse(pm, today=today)  # type: ignore[return-value]


def _known_aliases(pm: PowerMap) -> dict[str, list[str]]:
    """Aliases for the people of ``pm``: its own key aliases, or those of the key of its case."""
    from .practice import practice_key

    aliases = dict((pm.grading or {}).get("aliases") or {})
    slug = pm.meta.get("case")
    key: PowerMap | None = None
    if slug == data()["practice"]["key"]["meta"]["case"]:
        key = practice_key()
    elif isinstance(slug, str):
        try:
            key = case_of(slug).key
        except (KeyError, FileNotFoundError):
            key = None
    if key is not None:
        key_aliases = (key.grading or {}).get("aliases") or {}
        for m in match_people(key, pm, key_aliases):
            aliases.setdefault(m.b, list(key_aliases.get(m.a, [])) + [key.stakeholder(m.a).name])
    return aliases


def person_ids(pm: PowerMap, picks: Iterable[Any]) -> tuple[list[str], list[str]]:
    """Map names, ids or aliases to ids of ``pm``; return (ids, unknown picks).

    An exact form wins; otherwise a pick that is part of exactly one person's forms
    ("Wang" for "Wang Jian") is taken.
    """
    aliases = _known_aliases(pm)
    forms: dict[str, str] = {}
    for p in pm.stakeholders:
        for form in (p.id, p.name, *aliases.get(p.id, [])):
            forms.setdefault(normalise(form), p.id)
    ids, unknown = [], []
    for pick in picks:
        folded = normalise(str(pick)) if isinstance(pick, str) else ""
        pid = forms.get(folded)
        if pid is None and len(folded) >= 2:
            owners = {owner for form, owner in forms.items() if folded in form}
            pid = owners.pop() if len(owners) == 1 else None
        if pid is None:
            unknown.append(str(pick))
        elif pid not in ids:
            ids.append(pid)
    return ids, unknown


def _people_check(picks: Iterable[Any] | None, expected: list[str], pm: PowerMap, why: Mapping[str, str],
                  title: str, hint: str, lang: str, result: Any) -> Result:
    names = {p.id: p.name for p in pm.stakeholders}
    chosen = picked(picks)
    if not chosen:
        # The example must not give the answer away: name someone who is not one of them.
        others = [names[i] for i in pm.ids if i not in expected] or [t("placeholder_name", lang)]
        return pending(title, t("picks.unanswered", lang, example=repr(others[:1]), people=join(names.values(), lang)),
                       hint, lang, result)
    ids, unknown = person_ids(pm, chosen)
    lines = [("wrong", t("unknown_person", lang, value=repr(u), allowed=join(names.values(), lang))) for u in unknown]
    lines += [("right", t("picks.found", lang, name=names[i], why=why[i])) for i in ids if i in expected]
    lines += [("unanswered", t("picks.missed", lang, name=names[i], why=why[i])) for i in expected if i not in ids]
    lines += [("wrong", t("picks.extra", lang, name=names[i], why=why[i])) for i in ids if i not in expected]
    if not expected:
        lines.append(("info", t("picks.none_expected", lang)))
    hits = sum(1 for i in ids if i in expected)
    wrong = len(ids) - hits + len(unknown)
    # Overlap of the two sets: every miss and every wrong pick costs the same.
    score = hits / (len(expected) + wrong) if expected else (1.0 if not wrong else 0.0)
    return checked(title, lines, score, hint, lang, result, {"answer": ids, "expected": expected})


def check_quadrant(pm: PowerMap | Analysis, picks: Iterable[Any] | None, quadrant: str = "key_target",
                   today: str | None = None, lang: str | None = None) -> Result:
    """Check who the learner places in a quadrant of the power matrix or of the support matrix
    (default ``key_target``, support matrix)."""
    from ..analysis.matrix import QUADRANTS, SUPPORT_QUADRANTS, quadrant_name
    if quadrant not in QUADRANTS + SUPPORT_QUADRANTS:
        raise InvalidValue.not_one_of("quadrant", quadrant, QUADRANTS + SUPPORT_QUADRANTS)
    result = _analysis(pm, today)

    def build(lg: str) -> Result:
        rows = result.support_rows if quadrant in SUPPORT_QUADRANTS else result.matrix_rows
        expected = [r["id"] for r in rows if r["quadrant"] == quadrant]
        stance = {r["id"]: r["stance"] for r in result.support_rows}
        why = {r["id"]: t("quadrant.why", lg, power=r["power"] if r["power"] is not None else "?",
                          stance=vocab.label(stance[r["id"]] or "unknown", "stance", lg),
                          quadrant=quadrant_name(r["quadrant"], lg)) for r in rows}
        title = t("quadrant.title", lg, quadrant=quadrant_name(quadrant, lg))
        return _people_check(picks, expected, result.map, why, title, t("quadrant.hint", lg), lg, result)

    return following(build, lang)


def check_hidden_power(pm: PowerMap | Analysis, picks: Iterable[Any] | None, today: str | None = None,
                       lang: str | None = None) -> Result:
    """Check who the learner thinks holds more power than the map gives them (hidden power)."""
    result = _analysis(pm, today)

    def build(lg: str) -> Result:
        flagged = {r["id"]: r["explanation"].render(lg) for r in result.hidden_power}
        why = {p.id: flagged.get(p.id, t("hidden.not_flagged", lg)) for p in result.map.stakeholders}
        return _people_check(picks, list(flagged), result.map, why, t("hidden.title", lg), t("hidden.hint", lg), lg,
                             result)

    return following(build, lang)


def _summary(p: Any, lang: str) -> str:
    from ..diff import value_text

    parts = [value_text("roles", p.roles, lang)]
    if p.power is not None:
        parts.append(t("summary.power", lang, power=p.power))
    parts.append(vocab.label(p.stance_or_unknown, "stance", lang))
    return t("list_sep", lang).join(parts)


def _priority_line(p: Any, quadrant: str | None, in_key: bool, lang: str) -> tuple[bool, str, str]:
    """(counts as a good first choice, line status, text) for one person picked."""
    from ..analysis.matrix import quadrant_approach

    summary = _summary(p, lang)
    power = p.power or 0
    if quadrant == "key_target":
        return True, "right", t("priorities.key", lang, name=p.name, summary=summary,
                                approach=quadrant_approach(quadrant, lang))
    if quadrant == "key_ally":
        return True, "right", t("priorities.ally", lang, name=p.name, summary=summary)
    if quadrant == "unplaced" and in_key and power >= 4:
        return True, "right", t("priorities.unknown", lang, name=p.name, summary=summary)
    if p.stance == "oppose" and power >= 3:
        return True, "right", t("priorities.blocker", lang, name=p.name, summary=summary)
    if quadrant == "supporter_base" and power >= 3:
        return False, "partly", t("priorities.supporter", lang, name=p.name, summary=summary)
    if power <= 2:
        return False, "wrong", t("priorities.low", lang, name=p.name, summary=summary)
    return False, "partly", t("priorities.other", lang, name=p.name, summary=summary)


def check_priorities(picks: Iterable[Any] | None, key: PowerMap | Case, count: int = 3, today: str | None = None,
                     lang: str | None = None) -> Result:
    """Check the people chosen to reach first against the key's power matrix and decision chain.

    A good first choice is a key person not yet on our side (high power, neutral or
    opposed), a powerful supporter, or a blocker with real power; a friendly person with
    little power is the single-threading trap (seed 003).
    """
    result = _analysis(key if isinstance(key, PowerMap) else key.key, today)
    pm = result.map

    def build(lg: str) -> Result:
        title, hint = t("priorities.title", lg), t("priorities.hint", lg)
        chosen = picked(picks)
        if not chosen:
            names = [f"{t('placeholder_name', lg)} {n}" for n in range(1, count + 1)]
            return pending(title, t("priorities.unanswered", lg, count=count, example=repr(names)), hint, lg, result)
        ids, unknown = person_ids(pm, chosen)
        quad = {r["id"]: r["quadrant"] for r in result.support_rows}
        lines = []
        if len(ids) > count:
            lines.append(("wrong", t("priorities.too_many", lg, given=len(ids), count=count)))
        lines += [("wrong", t("priorities.unknown_person", lg, name=u)) for u in unknown]
        good = 0
        for pid in ids:
            ok, status, text = _priority_line(pm.stakeholder(pid), quad.get(pid), pid in result.context.key, lg)
            good += ok
            lines.append((status, text))
        targets = [r["id"] for r in result.support_rows if r["quadrant"] == "key_target" and r["id"] not in ids]
        if targets and good < count:
            lines.append(("info", t("priorities.missed", lg, names=join((pm.stakeholder(i).name for i in targets),
                                                                        lg))))
        score = min(good, count) / count * (1.0 if len(ids) <= count else count / len(ids))
        return checked(title, lines, score, hint, lg, result, {"answer": ids})

    return following(build, lang)
