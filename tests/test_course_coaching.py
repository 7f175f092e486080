"""The course's own examples (modules 05–07): coach development and verification, stance from
evidence, fact sources, a fresh map to build. Every check answers empty and nonsense answers
with guidance, and its feedback points to where to look without writing the expected answer."""

from __future__ import annotations

import pytest

from powermap_kit import vocab
from powermap_kit.course import coaching, worked
from powermap_kit.course._base import t

LANGS = ("en", "zh")


def _text(result) -> str:
    return str(result)


# ---- empty and nonsense answers -------------------------------------------------------------------
CHECKS = {
    "candidates": (coaching.check_coach_candidates, ["nobody_here"]),
    "develop": (coaching.check_coach_development, {"a1": "maybe", "a2": "perhaps"}),
    "verify": (coaching.check_tip_verdicts, {"t1": "xyz"}),
    "second": (coaching.check_second_source, "carrier pigeon"),
    "plan": (coaching.check_coach_plan, {"give": "aaaa aaaa", "ask": "???", "verify": "x"}),
    "stance": (worked.check_stance_items, {"s1": "friendly-ish"}),
    "facts": (worked.check_fact_sources, {"f1": "rumour"}),
    "stage": (lambda a, lang: worked.check_example_choice("07_lanting_food", "stage", a, lang=lang), "soon"),
    "errors": (lambda a, lang: worked.check_map_errors(worked.example_map("07_lanting_colleague"), "07_lanting_food",
                                                       a, lang=lang), ["ghost"]),
}


@pytest.mark.parametrize("name", CHECKS)
@pytest.mark.parametrize("lang", LANGS)
def test_empty_answers_get_guidance_not_a_score(name, lang):
    check, _ = CHECKS[name]
    for empty in (None, "", [], {}):
        r = check(empty, lang=lang)
        assert r.status == "unanswered" and r.score == 0
        assert r.hint and r.lines  # says what to fill in and where to look


@pytest.mark.parametrize("name", CHECKS)
@pytest.mark.parametrize("lang", LANGS)
def test_nonsense_is_rejected_with_guidance(name, lang):
    check, nonsense = CHECKS[name]
    r = check(nonsense, lang=lang)
    assert r.status in ("wrong", "partly") and r.score < 1
    assert r.hint
    assert any(mark == "wrong" for mark, _ in r.lines)


def test_the_example_map_checks_refuse_an_empty_map_and_a_missing_note():
    assert worked.check_example_map(None, "07_lanting_food").status == "unanswered"
    key = worked.example_map("07_lanting_food")
    assert worked.check_example_map(key, "07_lanting_food", {"verify": ""}).status == "partly"
    assert worked.check_example_map(key, "07_lanting_food", {"verify": "qwerty asdf zxcv"}).status == "partly"
    assert worked.check_example_map(key, "07_lanting_food", {"verify": "方媛：打电话问她"}).ok


# ---- right answers are right ------------------------------------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
def test_the_intended_answers_are_right(lang):
    assert coaching.check_coach_candidates(["zhong", "tang"], lang=lang).ok
    assert coaching.check_coach_development(coaching.DEVELOPMENT, lang=lang).ok
    assert coaching.check_tip_verdicts(coaching.TIPS, lang=lang).ok
    assert worked.check_stance_items(worked.STANCE_ITEMS, lang=lang).ok
    assert worked.check_fact_sources(worked.FACT_SOURCES, lang=lang).ok
    assert worked.check_example_choice("07_lanting_food", "stage", "project_approval", lang=lang).ok
    assert worked.check_example_choice("07_lanting_food", "decision_mode", "top_down", lang=lang).ok
    for channel in coaching.SECOND_SOURCES:
        assert coaching.check_second_source(channel, lang=lang).ok


def test_a_chinese_plan_is_read_as_well_as_an_english_one():
    zh = coaching.check_coach_plan({"give": "为她的预算评审准备一份五年成本测算", "ask": "委员会最担心什么？谁有顾虑？",
                                    "verify": "和工作报告、拜访报告对照核实"}, lang="zh")
    assert zh.ok, zh


def test_a_plan_that_asks_for_confidential_papers_fails():
    r = coaching.check_coach_plan({"give": "A cost comparison for her budget review with real figures",
                                   "ask": "Please send me the competitor's quotation and the minutes",
                                   "verify": "Compare with the public work report"}, lang="en")
    assert not r.ok
    assert any("confidential" in text for mark, text in r.lines if mark == "wrong")


def test_picking_everyone_is_not_a_choice():
    r = coaching.check_coach_candidates(list(coaching.CANDIDATES), lang="en")
    assert r.status == "wrong"


# ---- hint-only feedback -------------------------------------------------------------------------------
def _wrong_everywhere(expected, options):
    return {item: next(o for o in options if o != want) for item, want in expected.items()}


@pytest.mark.parametrize("lang", LANGS)
def test_wrong_items_point_to_where_to_look_without_the_answer(lang):
    develop = coaching.check_coach_development(_wrong_everywhere(coaching.DEVELOPMENT, coaching.DEVELOP_OPTIONS),
                                               lang=lang)
    assert develop.status == "wrong"
    for code in coaching.DEVELOP_OPTIONS:
        label = t(f"coaching.option.{code}", lang)
        # the learner's own (wrong) answers are not echoed either: only the pointers remain
        assert label not in _text(develop)
    verify = coaching.check_tip_verdicts(_wrong_everywhere(coaching.TIPS, coaching.VERDICTS), lang=lang)
    for want in set(coaching.TIPS.values()):
        assert t(f"verdict.{want}", lang) not in _text(verify)
    codes = [s for s in ("public", "crm", "direct", "interview", "questionnaire", "observation")]
    facts = worked.check_fact_sources(_wrong_everywhere(worked.FACT_SOURCES, codes), lang=lang)
    for want in set(worked.FACT_SOURCES.values()):
        assert t(f"source.{want}.name", lang) not in _text(facts)


@pytest.mark.parametrize("lang", LANGS)
def test_missed_coach_candidates_are_not_named(lang):
    r = coaching.check_coach_candidates(["liu"], lang=lang)
    for good in ("tang", "zhong"):
        assert t(f"coaching.person.{good}.name", lang) not in _text(r)
    assert t("coaching.person.liu.name", lang) in _text(r)  # the pick to reconsider is named


@pytest.mark.parametrize("lang", LANGS)
def test_the_map_check_names_people_and_fields_but_never_the_keys_values(lang):
    key = worked.example_map("07_lanting_food")
    mine = key.copy()
    mine.update_stakeholder("su_qing", roles=["user"], power=1, stance="champion")
    mine.remove_stakeholder("fang_yuan")
    r = worked.check_example_map(mine, "07_lanting_food", lang=lang)
    text = _text(r)
    assert r.status == "partly"
    assert "苏晴" in text and "方媛" in text
    for role in ("evaluator", "influencer"):
        assert vocab.label(role, "role", lang) not in text
    assert vocab.label("neutral", "stance", lang) not in text
    assert r.record.get("expected") is None


@pytest.mark.parametrize("lang", LANGS)
def test_the_colleague_errors_check_counts_missed_people_without_naming_them(lang):
    colleague = worked.example_map("07_lanting_colleague")
    r = worked.check_map_errors(colleague, "07_lanting_food", ["guo_jianhua"], lang=lang)
    assert r.status == "partly"
    for hidden in ("方媛", "苏晴", "罗小北"):
        assert hidden not in _text(r)
    assert worked.check_map_errors(colleague, "07_lanting_food", ["guo_jianhua", "fang_yuan", "su_qing",
                                                                  "luo_xiaobei"], lang=lang).ok


# ---- the examples obey the course ---------------------------------------------------------------------
@pytest.mark.parametrize("name", ["05_beichen", "06_qinghe_water", "07_lanting_food", "07_lanting_colleague"])
def test_example_maps_load(name):
    assert len(worked.example_map(name)) >= 4


def test_the_keys_rate_people_without_contact_unknown_not_neutral():
    for name in ("05_beichen", "07_lanting_food"):
        for p in worked.example_map(name).stakeholders:
            said = (p.evidence.get("stance") or "")
            if "没有接触" in said or "无往来" in said or "还没有交谈" in said or "没人" in said:
                assert p.stance == "unknown", (name, p.id)
            assert said, (name, p.id)  # every rating rests on evidence


def test_exercise_widgets_accept_the_option_mappings():
    from powermap_kit.widgets import Exercise, choose, choose_each, pick, text_fields

    ex = Exercise("t.develop", coaching.check_coach_development,
                  choose_each(coaching.development_actions(), coaching.develop_options()), path=False)
    ex.form.set(dict(coaching.DEVELOPMENT))
    assert ex.check().ok
    ex = Exercise("t.cand", coaching.check_coach_candidates, pick(coaching.coach_candidates()), path=False)
    ex.form.set(["tang", "zhong"])
    assert ex.check().ok
    ex = Exercise("t.second", coaching.check_second_source, choose(coaching.channel_options()), path=False)
    ex.form.set("allied_customers")
    assert ex.check().ok
    ex = Exercise("t.plan", coaching.check_coach_plan, text_fields(coaching.plan_fields(), multiline=True),
                  path=False)
    assert ex.check().status == "unanswered"
    ex = Exercise("t.facts", worked.check_fact_sources, choose_each(worked.fact_items(), worked.source_options()),
                  path=False)
    ex.form.set(dict(worked.FACT_SOURCES))
    assert ex.check().ok
