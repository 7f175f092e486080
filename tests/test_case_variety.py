"""The cases differ (issue 13 item 7): a learner who has done one cannot guess the next.

Across the set: three or more buying stages, one early and one at the final decision; all
three decision modes; a case that starts without a coach; twists of different kinds; different
CRM pictures; no person's name used in two cases; Chinese text free of template artefacts.
"""

import re
from itertools import combinations

import pytest

from powermap_kit import vocab
from powermap_kit.cases import list_cases
from powermap_kit.diff import normalise

CASES = list_cases()
EARLY = {"difficulty", "exploring", "project_approval"}
TWIST_KINDS = {"new_approver", "competitor_move", "coach_transferred", "budget_cut", "reorganisation"}
# The flagship cases are being reworked in parallel on branch caseA; a check that fails only
# because of them is marked xfail until the lead merges that branch (then remove this).
FIXED_ON_CASEA: set[str] = set()  # the flagship cases were fixed on branch caseA
HANZI = re.compile(r"[\u4e00-\u9fff]")
PERCENT = re.compile(r"(\d{1,3})\s?%")


def _check(faults):
    """Fail on every fault that involves a case outside FIXED_ON_CASEA; xfail on the rest.

    ``faults`` is a list of (slugs at fault, what is wrong).
    """
    ours = [f for f in faults if not set(f[0]) <= FIXED_ON_CASEA]
    assert not ours, ours
    if faults:
        pytest.xfail(f"fixed on branch caseA: {faults}")


def _keys(case):
    return [case.key, case.twist_key]


def test_buying_stages_differ_with_an_early_and_a_final_case():
    stages = {c.slug: c.key.opportunity.stage for c in CASES}
    assert len(set(stages.values())) >= 3, stages
    assert set(stages.values()) & EARLY, stages
    assert "decision" in stages.values(), stages


def test_all_three_decision_modes_are_used():
    modes = {c.key.opportunity.decision_mode for c in CASES}
    assert modes == set(vocab.codes("decision_mode")), modes


def test_one_case_starts_without_a_coach_but_with_a_candidate():
    no_coach = [c for c in CASES if not any(p.coach for p in c.key)]
    assert no_coach, "every case hands the learner a ready-made coach"
    for case in no_coach:  # the learner must find one: the key marks who could become one
        assert any(p.extra.get("coach_candidate") for p in case.key), case.slug
    assert any(any(p.coach for p in c.key) for c in CASES), "and some case has a verified coach"


def test_twist_kinds_differ():
    kinds = {c.slug: (c.meta.get("twist") or {}).get("kind") for c in CASES}
    faults = [([s], f"twist kind {k!r}") for s, k in kinds.items() if k not in TWIST_KINDS]
    faults += [([a, b], f"same twist kind {kinds[a]!r}") for a, b in combinations(kinds, 2)
               if kinds[a] == kinds[b] and kinds[a] in TWIST_KINDS]
    _check(faults)


def _crm_probability(case):
    crm = case.meta.get("crm") or {}
    if "probability" in crm:
        return crm["probability"]
    found = PERCENT.search(str(case.brief("en")))
    return int(found.group(1)) if found else None


def test_crm_pictures_differ():
    probabilities = {c.slug: _crm_probability(c) for c in CASES}
    for case in CASES:
        if "crm" in case.meta:
            assert 0 <= case.meta["crm"]["probability"] <= 100 and case.meta["crm"]["stage"]
    _check([([a, b], f"both {probabilities[a]}%") for a, b in combinations(probabilities, 2)
            if probabilities[a] == probabilities[b]])


def _names(case):
    """Every way a case names its people: Chinese names, Latin names and the aliases."""
    names = {}
    for key in _keys(case):
        aliases = (key.grading or {}).get("aliases", {})
        for p in key.stakeholders:
            spellings = {p.name, *((p.extra.get("i18n") or {}).get("en", {}).get("name", ""),), *aliases.get(p.id, [])}
            for name in spellings:
                if name and len(normalise(name)) >= 2 and _is_a_name(name):
                    names[normalise(name)] = p.id
    return names


def _is_a_name(spelling):
    """A personal name rather than a form of address ("Director Wang", "王主任")."""
    if HANZI.search(spelling):
        return not re.search(r"(总|长|任|书记|老师|工|局|院|主管|经理|董|科|部|馆|监|老|医生|师|处|秘书|助理)$|^[小老]",
                             spelling)
    words = spelling.split()
    return len(words) == 2 and all(w[:1].isupper() for w in words) and not re.match(
        r"(?i)(mr|ms|mrs|dr|director|president|chairman|gm|vp|cfo|cio|head|deputy|principal|secretary|"
        r"teacher|section|chief|lao|madam|professor|dean|manager|engineer|nurse|counsel|assistant|ca)\.?$",
        words[0]) and not re.match(r"(?i)(ju|juzhang|zhuren|kezhang|xiaozhang|guanzhang|laoshi|zong)$", words[1])


def test_no_person_name_is_used_in_two_cases():
    names = {c.slug: _names(c) for c in CASES}
    _check([([a, b], sorted(set(names[a]) & set(names[b]))) for a, b in combinations(names, 2)
            if set(names[a]) & set(names[b])])


def _zh_texts(obj, inside_zh=False):
    """Every string of the Chinese parts of a key or case.json (``i18n.zh`` and ``{"zh": ...}``)."""
    if isinstance(obj, dict):
        for name, value in obj.items():
            yield from _zh_texts(value, inside_zh or name == "zh")
    elif isinstance(obj, list):
        for value in obj:
            yield from _zh_texts(value, inside_zh)
    elif isinstance(obj, str) and inside_zh:
        yield obj


def _zh_fields(case):
    yield from _zh_texts(case.meta)
    for key in _keys(case):
        yield from _zh_texts(key.to_dict())


@pytest.mark.parametrize("case", CASES, ids=[c.slug for c in CASES])
def test_chinese_text_has_no_ascii_quotes_or_spaced_names(case):
    hanzi_names = {p.name for key in _keys(case) for p in key.stakeholders if HANZI.search(p.name)}
    spaced = re.compile(r"(?:\s(?:{0})|(?:{0})\s)".format("|".join(map(re.escape, sorted(hanzi_names)))))
    bad = [t for t in _zh_fields(case) if '"' in t or (hanzi_names and spaced.search(t))]
    md = [f"{d.file}.zh.md" for d in (*case.documents, case.twist_document) if '"' in d.text("zh")]
    md += [f"{n}.zh.md" for n in ("brief", "debrief") if '"' in getattr(case, n)("zh")]
    assert any(True for _ in _zh_fields(case)) or case.slug in FIXED_ON_CASEA, "Chinese fields exist"
    _check([([case.slug], (bad[:3], md))] if bad or md else [])


def test_each_reworked_case_has_a_purpose_in_the_course():
    uses = {c.slug: (c.meta.get("use") or {}).get("en", "") for c in CASES}
    assert any("final assessment" in u for u in uses.values()), uses
    assert any("group work" in u for u in uses.values()), uses


def test_the_checks_fail_for_a_case_outside_the_flagships():
    with pytest.raises(AssertionError):
        _check([(["education-software", "it-solution"], ["wangwei"])])
    assert _is_a_name("Deng Liqun") and _is_a_name("邓立群")
    assert not any(map(_is_a_name, ["Director Deng", "Tian Ju", "邓局长", "莫老", "小许", "Lao Mo"]))


@pytest.mark.parametrize("case", CASES, ids=[c.slug for c in CASES])
def test_every_key_person_appears_in_the_documents_in_both_languages(case):
    """Nobody in a key is known from the key alone: the learner can find each person in the pack."""
    docs = [*case.documents, case.twist_document]
    zh = "".join(d.text("zh") for d in docs)
    en = "".join(d.text("en") for d in docs)
    missing = []
    for key in _keys(case):
        aliases = key.grading["aliases"]
        for p in key.stakeholders:
            latin = (p.extra.get("i18n") or {}).get("en", {}).get("name") or aliases[p.id][0]
            if p.name not in zh or latin not in en:
                missing.append(p.id)
    _check([([case.slug], sorted(set(missing)))] if missing else [])
