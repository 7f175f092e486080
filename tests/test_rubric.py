"""The rating rubric: course data in both languages, and every shipped key obeys it."""

import copy
import re

import pytest

import powermap_kit as pk
from powermap_kit import vocab
from powermap_kit.cases import list_cases
from powermap_kit.grading.rubric import check_key_rubric, rubric

CJK = re.compile(r"[\u4e00-\u9fff]")
# Keys being fixed in parallel on branch caseA; the lead removes these marks at merge.
FIXED_ON_CASEA: set[str] = set()  # the flagship cases were fixed on branch caseA


def _keys():  # a list: pytest wants a collection
    return list(_key_params())


def _key_params():
    for case in list_cases():
        for which, key in (("key", case.key), ("twist", case.twist_key)):
            marks = ()
            if case.slug in FIXED_ON_CASEA and check_key_rubric(key):
                marks = pytest.mark.xfail(strict=False, reason="fixed on branch caseA")
            yield pytest.param(key, id=f"{case.slug}-{which}", marks=marks)


@pytest.mark.parametrize("key", _keys())
def test_every_shipped_key_follows_the_rubric(key):
    problems = check_key_rubric(key)
    assert problems == [], [p.render("en") for p in problems]


def test_the_rubric_covers_every_code_in_both_languages():
    data = rubric()
    for kind in ("stance", "relationship_step", "decision_mode"):
        assert [e["code"] for e in data[kind]] == list(vocab.codes(kind)), kind
    assert {e["code"] for e in data["roles"]} == set(vocab.codes("role"))
    assert [e["code"] for e in data["power"]] == [5, 4, 3, 2, 1]
    entries = [e["when"] for k in ("stance", "roles", "power", "relationship_step", "decision_mode")
               for e in data[k]] + list(data["coach"].values())
    for when in entries:
        assert when["en"] and not CJK.search(when["en"]) and CJK.search(when["zh"]), when


def _key(**person):
    base = {"id": "a", "name": "甲", "roles": ["evaluator"], "power": 3, "stance": "neutral",
            "evidence": {"roles": "doc 02 minutes: scores the bids", "power": "doc 02: one of five scorers",
                         "stance": "doc 04 CRM: asked balanced questions at the demo"}}
    others = [{"id": f"e{i}", "name": f"评{i}", "roles": ["evaluator"], "power": 3, "stance": "neutral",
               "evidence": {"roles": "doc 05 notice: panel member", "power": "doc 05: scores",
                            "stance": "doc 06 minutes: no preference shown"}} for i in range(3)]
    merged = copy.deepcopy(base)
    for name, value in person.items():
        if name == "evidence":
            merged["evidence"].update(value)
        else:
            merged[name] = value
    return pk.load_map({"format": "powermap/1",
                        "opportunity": {"name": "x", "stage": "evaluating", "decision_mode": "committee_scoring",
                                        "evidence": {"stage": "doc 01: vendors compared",
                                                     "decision_mode": "doc 05: 100-point scoring"}},
                        "stakeholders": [merged, *others]})


def _codes(pm):
    return [p.code for p in check_key_rubric(pm)]


def test_a_good_small_key_passes():
    assert _codes(_key()) == []


@pytest.mark.parametrize("person, code", [
    ({"evidence": {"stance": "no contact, no signal -> neutral"}}, "unknown_not_neutral"),
    ({"evidence": {"stance": "资料02：从未见过，没有任何信号"}}, "unknown_not_neutral"),
    ({"evidence": {"power": "brief: seems important"}}, "no_document"),
    ({"evidence": {"roles": ""}}, "no_evidence"),
    ({"stance": "champion", "evidence": {"stance": "doc 03: says nice things about our demo"}},
     "champion_without_action"),
    ({"coach": True, "evidence": {"coach": "doc 06 chat: tells us what is going on"}}, "coach_unverified"),
    ({"coach": True}, "no_evidence"),
    ({"coach_candidate": True, "evidence": {"coach": "he seems keen"}}, "no_document"),
    ({"coach": True, "coach_candidate": True,
      "evidence": {"coach": "doc 06: the tender date he gave was verified by doc 05"}}, "candidate_and_coach"),
    ({"roles": ["decision_maker"], "power": 3}, "decision_maker_power"),
    ({"relationship_step": "work_together"}, "no_evidence"),
])
def test_bad_ratings_fail_the_rubric(person, code):
    assert code in _codes(_key(**person))


def test_good_champion_and_coach_pass_in_either_language():
    champion = _key(stance="champion", evidence={"stance": "doc 03: forwarded our proposal to the GM"})
    assert _codes(champion) == []
    coach = _key(coach=True, i18n={"zh": {"evidence": {"coach": "资料06：他说的开标时间已被资料05证实"}}},
                 evidence={"coach": "doc 06 chat: gives inside tips"})
    assert _codes(coach) == []
    unknown = _key(stance="unknown", evidence={"stance": "doc 02 CRM: no contact yet"})
    assert _codes(unknown) == []


def _with_mode(mode, roles):
    pm = _key()
    pm.opportunity.decision_mode = mode
    for person, rs in zip(pm.stakeholders, roles):
        pm.update_stakeholder(person.id, roles=rs)
    return _codes(pm)


def test_the_decision_mode_must_fit_the_roles():
    assert "mode_committee" in _with_mode("committee_scoring", [["evaluator"], ["user"], ["user"], ["user"]])
    assert "committee_decider" in _with_mode("committee_scoring", [["decision_maker"]])
    assert "mode_recommend" in _with_mode("recommend_then_approve", [["evaluator"]] * 4)
    assert "mode_recommend" not in _with_mode("recommend_then_approve", [["approver"], ["evaluator"]])
    assert "mode_top_down" in _with_mode("top_down", [["approver"]])
    pm = _key(roles=["decision_maker", "approver"], power=5)
    pm.opportunity.decision_mode = "top_down"
    assert _codes(pm) == []


def test_stage_and_mode_need_a_document():
    pm = _key()
    pm.opportunity.extra["evidence"] = {"stage": "they compare vendors", "decision_mode": "doc 05: scoring"}
    assert [(p.place, p.code) for p in check_key_rubric(pm)] == [("opportunity.evidence.stage", "no_document")]


def test_problem_messages_exist_in_both_languages():
    [problem] = check_key_rubric(_key(evidence={"stance": "doc 02: no contact, no signal"}))
    assert "unknown" in problem.message("en") and "未知" in problem.message("zh")


def test_when_gives_the_rubric_text_for_a_code():
    from powermap_kit.grading.rubric import when

    assert "never a polite neutral" in when("stance", "unknown", lang="en")
    assert "中立" in when("stance", "unknown", lang="zh")
    assert when("power", 5, lang="en").startswith("Final say")
    assert "verified" in when("coach", "yes", lang="en")
    with pytest.raises(KeyError, match="friendly.*not one of unknown, oppose"):
        when("stance", "friendly", lang="en")
    with pytest.raises(KeyError, match="did you mean"):
        when("stanse", "oppose", lang="en")


def test_odd_evidence_shapes_are_reported_not_crashed_on():
    pm = _key(i18n={"zh": "oops", "en": {"evidence": "not a mapping"}})
    assert _codes(pm) == []
    pm = pk.load_map({"format": "powermap/1", "stakeholders": [{"id": "a", "name": "甲", "stance": "oppose"}]})
    assert [(p.place, p.code) for p in check_key_rubric(pm)] == [("stakeholders[a].evidence.stance", "no_evidence")]
