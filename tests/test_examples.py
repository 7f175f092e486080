"""The teaching examples of modules 00–04: valid bilingual maps, and checks that explain and refuse nonsense."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

import powermap_kit as pk
from powermap_kit import examples, vocab
from powermap_kit.errors import UnknownName
from powermap_kit.io import load_map

NAMES = examples.example_names()


def _raw(name: str) -> dict:
    return json.loads(resources.files("powermap_kit").joinpath(f"data/examples/{name}.json").read_text("utf-8"))


def test_the_examples_ship_and_load_from_the_package():
    assert set(NAMES) >= {"qingshan", "hengtai", "yunfan", "lanjiang"}
    assert pk.load_example is examples.load_example


@pytest.mark.parametrize("name", [n for n in NAMES if not n[:1].isdigit()])  # modules 00-04's own maps
def test_each_example_is_a_valid_complete_teaching_map(name):
    pm = load_map(_raw(name))  # the strict loader: codes, ranges, ids
    assert 5 <= len(pm) <= 9
    assert pm.grading is None, "a teaching example is not an answer key"
    assert pm.opportunity.stage in vocab.STAGES and pm.opportunity.decision_mode in vocab.DECISION_MODES
    evidence = pm.opportunity.extra["evidence"]  # check_deal explains the answer with it, in both languages
    assert set(evidence) == set(pm.opportunity.extra["i18n"]["en"]["evidence"]) == {"stage", "decision_mode"}
    for p in pm.stakeholders:
        assert p.roles and p.power and p.evidence, p.id
        en = p.extra["i18n"]["en"]
        assert en["name"].isascii() and en["title"], p.id
        assert set(en["evidence"]) == set(p.evidence), p.id  # every piece of evidence in both languages


def test_example_people_are_not_named_like_case_people():
    """Issue 14: a name is not reused for different people across the course."""
    case_names = {p.name for case in pk.list_cases() for p in case.key.stakeholders}
    for name in NAMES:
        assert not {p["name"] for p in _raw(name)["stakeholders"]} & case_names, name


def test_a_loaded_example_reads_in_the_language_asked():
    zh = pk.load_example("hengtai", lang="zh")
    assert zh.stakeholder("fang_zhuo").title == "项目协调员"
    pytest.importorskip("powermap_kit.localize")
    en = pk.load_example("hengtai", lang="en")
    assert en.stakeholder("fang_zhuo").title == "Project Coordinator"
    assert en.stakeholder("fang_zhuo").name == "Fang Zhuo (方卓)"
    assert "GMP" in en.stakeholder("fang_zhuo").evidence["roles"]
    assert [p.id for p in en.stakeholders] == [p.id for p in zh.stakeholders]


def test_an_unknown_example_is_named_with_the_ones_there_are():
    with pytest.raises(UnknownName) as err:
        pk.load_example("qingsan")
    assert err.value.allowed == tuple(NAMES) and "qingshan" in str(err.value)


# ---- checks ---------------------------------------------------------------------------------
@pytest.mark.parametrize("empty", [None, [], ["", None], "  "])
def test_reach_asks_for_an_answer_when_there_is_none(empty):
    r = examples.check_reach("yunfan", empty, contact="xie_xiaodong", lang="en")
    assert r.status == "unanswered" and "Pick 3" in str(r)


def test_reach_right_partly_wrong_and_nonsense():
    right = examples.check_reach("yunfan", ["wei_jianping", "ke_lin", "tang_zhicheng"], "xie_xiaodong", lang="en")
    assert right.correct and right.score == 1.0
    friendly = examples.check_reach("yunfan", ["xie_xiaodong", "qin_yue", "fan_lei"], "xie_xiaodong", lang="en")
    assert friendly.score == 0 and "contact we already have" in str(friendly)
    assert "did not name" in str(friendly)  # the missed ones are explained after an answer
    nonsense = examples.check_reach("yunfan", ["bob", "cake"], "xie_xiaodong", lang="zh")
    assert nonsense.score == 0 and "'bob'" in str(nonsense)
    too_many = examples.check_reach("yunfan", [p.id for p in pk.load_example("yunfan").stakeholders], lang="en")
    assert not too_many.correct and "pick exactly 3" in str(too_many)


def test_deal_checks_explain_with_the_evidence_in_both_languages():
    r = examples.check_deal("lanjiang", "decision_mode", "top_down", lang="zh")
    assert r.correct and "董事长" in str(r)
    wrong = examples.check_deal("yunfan", "stage", "evaluating", lang="zh")
    assert not wrong.correct and "询价" in str(wrong)
    assert examples.check_deal("yunfan", "stage", None, lang="en").status == "unanswered"
    assert examples.check_deal("yunfan", "stage", "football", lang="en").status == "wrong"
    with pytest.raises(UnknownName):
        examples.check_deal("yunfan", "power", "5")


def test_framework_filing_counts_each_role_and_explains_non_roles():
    assert examples.check_framework_filing("miller_heiman", {}, lang="en").status == "unanswered"
    answer = {"approver": "economic_buyer", "decision_maker": "economic_buyer", "evaluator": "technical_buyer",
              "influencer": "none", "purchaser": "technical_buyer", "user": "user_buyer", "gatekeeper": "none",
              "observer": "none"}
    r = examples.check_framework_filing("miller_heiman", answer, lang="en")
    assert r.correct and "coach flag" in str(r)
    r = examples.check_framework_filing("hubspot", dict(answer, user="champion", observer="cake"), lang="en")
    assert not r.correct and "'cake'" in str(r) and "not a role but a stance" in str(r)


# ---- the early modules teach with these, never with a case ------------------------------------
SOURCES = sorted(p for folder in ("modules", "workbooks")
                 for p in (Path(__file__).resolve().parents[1] / "course_src" / folder).glob("0[0-4]_*.py"))


@pytest.mark.skipif(not SOURCES, reason="no course sources")
@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_modules_00_to_04_show_no_case_key(source):
    """Issue 13: no key before its case. Modules 00–04 and their workbooks load no case at all."""
    text = source.read_text("utf-8")
    assert "load_case" not in text and "case_of" not in text
    for case in pk.list_cases():
        assert f'"{case.slug}"' not in text, case.slug
        assert not any(p.name in text for p in case.key.stakeholders if len(p.name) >= 2), case.slug
