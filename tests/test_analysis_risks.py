"""Each risk rule fires on a minimal map with the problem and not on one without it."""

import json
import re

import pytest

import powermap_kit as pk
from powermap_kit.analysis import RISK_CODES, risks

TODAY = "2026-11-20"
DM = {"id": "dm", "name": "Wang Wei", "roles": ["decision_maker"], "power": 5, "stance": "support"}
AP = {"id": "ap", "name": "Zhou Min", "roles": ["approver"], "power": 5, "stance": "support"}


def mk(people, relationships=(), coverage=(), meta=None, **opportunity):
    data = {"format": "powermap/1", "stakeholders": [dict(p) for p in people],
            "relationships": list(relationships), "coverage": list(coverage),
            "opportunity": {"stage": "exploring", "decision_mode": "top_down", **opportunity}}
    data["opportunity"] = {k: v for k, v in data["opportunity"].items() if v is not None}
    if meta:
        data["meta"] = meta
    return pk.load_map(data)


def cov(*ids, **extra):
    return [{"stakeholder": i, "owner": "our AM", "channel": "visit", "strength": 2, **extra} for i in ids]


def codes(pm, **kw):
    return [r.code for r in risks(pm, today=TODAY, **kw)]


# (code, map with the problem, map without it, extra keyword arguments for risks())
CASES = {
    "decision_mode_unknown": (mk([DM], decision_mode=None), mk([DM]), {}),
    "stage_unknown": (mk([DM], stage=None), mk([DM]), {}),
    "no_coverage": (mk([DM]), mk([DM], coverage=cov("dm")), {}),
    "single_threaded": (mk([DM, AP], coverage=cov("dm")), mk([DM, AP], coverage=cov("dm", "ap")), {}),
    "no_coach": (mk([DM]), mk([{**DM, "coach": True, "evidence": {"coach": "tipped us off, confirmed"}}]), {}),
    "coach_unverified": (mk([{**DM, "stance": "neutral", "coach": True, "evidence": {"coach": "x"}}]),
                         mk([{**DM, "coach": True, "evidence": {"coach": "warned us early, proved right"}}]), {}),
    "decision_maker_unknown": (mk([AP]), mk([AP, DM]), {}),
    "approver_unknown": (mk([DM]), mk([DM, AP]), {}),
    "key_role_not_covered": (mk([DM, AP], coverage=cov("dm")), mk([DM, AP], coverage=cov("dm", "ap")), {}),
    "high_power_opponent": (mk([DM, {**AP, "stance": "oppose"}]), mk([DM, {**AP, "stance": "oppose", "power": 3}]), {}),
    "unknown_stance_key_person": (mk([{k: v for k, v in DM.items() if k != "stance"}]), mk([DM]), {}),
    "power_unknown_key_person": (mk([{k: v for k, v in DM.items() if k != "power"}]), mk([DM]), {}),
    "stale_information": (mk([{**DM, "last_verified": "2026-05-01"}]), mk([{**DM, "last_verified": "2026-11-01"}]), {}),
    "stage_role_gap": (mk([DM, AP, {"id": "buy", "name": "Qian Hao", "roles": ["purchaser"]}], stage="decision",
                          coverage=cov("dm", "ap")),
                       mk([DM, AP, {"id": "buy", "name": "Qian Hao", "roles": ["purchaser"]}], stage="decision",
                          coverage=cov("dm", "ap", "buy")), {}),
    "competitor_aligned_key_person": (mk([{**DM, "preferred_vendor": "Vendor X"}], competitors=["Vendor X"]),
                                      mk([{**DM, "preferred_vendor": "我方"}], competitors=["Vendor X"]), {}),
    "missing_evidence": (mk([DM]), mk([{**DM, "evidence": {"stance": "doc 03", "roles": "doc 01", "power": "doc 01"}}]),
                         {"config": {"risks": {"require_evidence": ["roles", "power", "stance"]}}}),
    "stance_inconsistent": (mk([{**DM, "stance": "champion", "support": {"trust": 1, "solution_fit": 5, "cooperation": 5}}]),
                            mk([{**DM, "stance": "champion", "support": {"trust": 5, "solution_fit": 5, "cooperation": 5}}]),
                            {}),
    "hidden_power": (mk([DM, {"id": "dean", "name": "Li Ming", "power": 1}, {"id": "t", "name": "T", "power": 1}],
                        relationships=[{"source": "dean", "target": "dm", "type": "influences", "strength": 3},
                                       {"source": "dean", "target": "t", "type": "influences", "strength": 3}]),
                     mk([DM, {"id": "dean", "name": "Li Ming", "power": 1}, {"id": "t", "name": "T", "power": 1}]), {}),
}


def test_every_rule_has_a_case():
    assert set(CASES) == set(RISK_CODES)


@pytest.mark.parametrize("code", sorted(CASES))
def test_rule_fires_with_the_problem_and_not_without(code):
    with_problem, without_problem, kw = CASES[code]
    assert code in codes(with_problem, **kw)
    assert code not in codes(without_problem, **kw)


@pytest.mark.parametrize("code", sorted(CASES))
def test_every_risk_renders_in_both_languages_with_title_action_and_teaching(code):
    with_problem, _, kw = CASES[code]
    for risk in risks(with_problem, today=TODAY, **kw):
        if risk.code != code:
            continue
        assert risk.severity in ("high", "medium", "low")
        for lang in ("en", "zh"):
            d = risk.to_dict(lang)
            assert all(d[k] for k in ("title", "message", "action", "teaching")), d
            assert "{" not in d["message"] + d["action"], d
        zh = risk.to_dict("zh")
        assert re.search(r"[\u4e00-\u9fff]", zh["message"] + zh["action"] + zh["teaching"])
        for lang in ("en", "zh"):  # the teaching speaks to learners, who never saw the seeds
            assert not re.search(r"\bseeds?\s*0\d\d|种子", risk.teaching(lang), re.I), (code, lang)


def test_messages_name_the_people_and_say_why():
    pm = mk([DM, {**AP, "stance": "oppose", "needs": ["payback in two years"]}])
    [risk] = [r for r in risks(pm, today=TODAY) if r.code == "high_power_opponent"]
    assert risk.stakeholders == ("ap",)
    assert "Zhou Min" in risk.message.render("en") and "power 5" in risk.message.render("en")
    assert "payback in two years" in risk.action.render("en")


def test_missing_evidence_can_be_required_by_the_map_itself():
    pm = mk([DM], meta={"require_evidence": True})
    [risk] = [r for r in risks(pm, today=TODAY) if r.code == "missing_evidence"]
    assert "Wang Wei" in risk.message.render("en") and "stance" in risk.message.render("en")
    assert "missing_evidence" not in codes(mk([DM]))                    # not required: no finding


def test_stale_threshold_is_configurable_and_relative_to_today():
    pm = mk([{**DM, "last_verified": "2026-10-01"}])
    assert "stale_information" not in codes(pm)
    assert "stale_information" in codes(pm, config={"risks": {"stale_days": 30}})
    assert "stale_information" in [r.code for r in risks(pm, today="2027-06-01")]


def test_stage_gap_project_approval_needs_approver_contact():
    pm = mk([DM, AP], stage="project_approval", coverage=cov("dm"))
    found = [r for r in risks(pm, today=TODAY) if r.code == "stage_role_gap"]
    assert [r.stakeholders for r in found] == [("ap",)]
    assert "Zhou Min" in found[0].message.render("en") and "Internal project approval" in found[0].message.render("en")
    # the stage finding replaces the plainer "key role not covered" for the same person
    assert "key_role_not_covered" not in codes(pm)


def test_stage_gap_when_nobody_holds_the_role():
    pm = mk([DM, AP], stage="decision", coverage=cov("dm", "ap"))
    [risk] = [r for r in risks(pm, today=TODAY) if r.code == "stage_role_gap"]
    assert risk.stakeholders == () and "nobody on the map" in risk.message.render("en")


def test_approver_not_needed_in_committee_scoring():
    assert "approver_unknown" not in codes(mk([DM], decision_mode="committee_scoring"))


def test_coach_without_evidence_is_unverified_and_candidates_are_suggested():
    pm = mk([{**DM, "coach": True}])
    assert "coach_unverified" in codes(pm)
    pm = mk([DM, {"id": "e", "name": "Li Na", "stance": "champion"}], coverage=cov("e"))
    [risk] = [r for r in risks(pm, today=TODAY) if r.code == "no_coach"]
    assert risk.stakeholders[0] == "e" and "Li Na" in risk.action.render("en")


def test_dimension_derived_stance_is_known():
    pm = mk([{k: v for k, v in DM.items() if k != "stance"} | {"support": {"trust": 4, "solution_fit": 4}}])
    assert "unknown_stance_key_person" not in codes(pm)


def test_risks_are_sorted_by_severity_and_json_serialisable():
    pm = mk([{k: v for k, v in DM.items() if k != "stance"}, {**AP, "last_verified": "2025-01-01"}], decision_mode=None)
    found = risks(pm, today=TODAY)
    order = [("high", "medium", "low").index(r.severity) for r in found]
    assert order == sorted(order)
    json.dumps([r.to_dict("zh") for r in found], ensure_ascii=False)


def test_thresholds_document_themselves_in_the_data_file():
    from powermap_kit.analysis import default_config

    cfg = default_config()
    assert cfg["risks"]["stale_days"] == 90 and cfg["key_power"] == 4
    with pytest.raises(ValueError, match="config.risks.stale"):
        risks(mk([DM]), config={"risks": {"stale": 3}})
