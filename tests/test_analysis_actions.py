"""Action plan (seeds 002, 003): stance strategy, stage task by role, trust to build, next step; CSV/Excel."""

from pathlib import Path

import openpyxl
import pandas as pd
import pytest

import powermap_kit as pk
from powermap_kit.analysis import action_plan, analyse, next_step, trust_focus

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def it_analysis():
    return analyse(pk.load_map(FIXTURES / "analysis_it.json"), today="2026-11-20")


def test_next_relationship_step_follows_seed_003_order():
    assert [next_step(s) for s in (None, "work_together", "get_information", "private_meeting", "understand_needs")] == [
        "work_together", "get_information", "private_meeting", "understand_needs", "solve_problems"]
    assert next_step("solve_problems") == "reassess"


@pytest.mark.parametrize("support,roles,expected", [
    ({"trust": 1, "solution_fit": 4, "cooperation": 4}, [], ("professional", "trust_dimension", "trust")),
    ({"trust": 4, "solution_fit": 2}, [], ("solution", "org_trust", "solution_fit")),
    ({"cooperation": 2, "trust": 4}, [], ("stance", "trust_dimension", "cooperation")),
    ({"contact_frequency": 1, "trust": 5}, [], ("contact", None, "contact_frequency")),
    ({"trust": 5, "solution_fit": 4}, [], ("keep", None, "strong")),
    ({}, ["approver"], ("company_strength", "org_trust", "role")),
    ({}, ["purchaser"], ("product_service", "org_trust", "role")),
])
def test_trust_to_build(support, roles, expected):
    assert trust_focus(support, roles) == expected


def test_strategy_follows_stance_and_priority_follows_the_key_people(it_analysis):
    rows = {r["id"]: r for r in it_analysis.action_rows}
    assert rows["cio"]["strategy"] == "handle" and rows["cio"]["priority"] == 1
    assert rows["gm"]["strategy"] == "find_out" and rows["gm"]["priority"] == 1
    assert rows["vp_prod"]["strategy"] == "convert" and rows["vp_prod"]["next_step"] == "private_meeting"
    assert rows["it_mgr"]["strategy"] == "keep" and rows["it_mgr"]["priority"] == 2
    assert rows["engineer"]["priority"] == 3
    assert [r["priority"] for r in it_analysis.action_rows] == sorted(r["priority"] for r in it_analysis.action_rows)


def test_action_sentence_names_stage_task_role_focus_and_who_acts(it_analysis):
    frame = it_analysis.action_frame("en").set_index("Id")
    gm = frame.loc["gm", "Next action"]
    assert "Evaluating products" in gm and "return on investment" in gm
    assert "ask 郑强 to introduce us" in gm                       # the best introduction route
    assert "sales manager Gao" in frame.loc["vp_prod", "Next action"]   # the coverage owner
    zh = it_analysis.action_frame("zh")
    assert list(zh.columns)[:3] == ["优先级", "编号", "姓名"] and "评估产品" in zh.iloc[0]["阶段任务"]


def test_machine_frame_keeps_codes(it_analysis):
    frame = it_analysis.action_frame(labels=False)
    assert list(frame.columns)[:3] == ["priority", "id", "name"]
    assert set(frame["strategy"]) <= {"keep", "convert", "handle", "find_out"}
    assert frame["power"].dtype == "Int64"


def test_export_to_csv_and_excel_in_chinese(it_analysis, tmp_path):
    csv = it_analysis.export_actions(tmp_path / "plan.csv", lang="zh")
    assert csv.read_bytes().startswith(b"\xef\xbb\xbf")          # BOM: Excel opens UTF-8 Chinese correctly
    back = pd.read_csv(csv, encoding="utf-8-sig")
    assert back["姓名"].tolist()[0] == "赵国强" and len(back) == 10
    xlsx = it_analysis.export_actions(tmp_path / "plan.xlsx", lang="zh")
    sheet = openpyxl.load_workbook(xlsx).active
    assert sheet.title == "行动计划" and sheet.cell(1, 3).value == "姓名" and sheet.max_row == 11
    with pytest.raises(ValueError, match=r"\.csv or \.xlsx"):
        it_analysis.export_actions(tmp_path / "plan.txt")


def test_action_plan_works_without_stage_roles_or_lines():
    pm = pk.load_map({"format": "powermap/1", "stakeholders": [{"id": "x", "name": "Xu"}]})
    [row] = action_plan(pm)
    sentence = " ".join(p.render("en") for p in row["parts"])
    assert row["strategy"] == "find_out" and "Stage unknown" in sentence and "find out what role" in sentence


@pytest.mark.parametrize("person,coverage,current,nxt", [
    ({}, [], None, "work_together"),                                           # no relationship yet
    ({"support": {"contact_frequency": 2}}, [], "work_together", "get_information"),
    ({"support": {"contact_frequency": 3, "cooperation": 3}}, [], "get_information", "private_meeting"),
    ({"support": {"contact_frequency": 5, "cooperation": 4}}, [], "private_meeting", "understand_needs"),
    ({"support": {"contact_frequency": 5, "cooperation": 4, "trust": 3}, "needs": ["department_goals"]}, [],
     "understand_needs", "solve_problems"),
    # a champion we meet every week, whose needs we know and who trusts us: not "seek to work together"
    ({"stance": "champion", "needs": ["job_responsibilities"], "support": {"contact_frequency": 5, "trust": 5}},
     [{"stakeholder": "p", "owner": "AM", "channel": "visit", "strength": 3}], "solve_problems", "reassess"),
    ({"relationship_step": "get_information", "stance": "champion", "support": {"contact_frequency": 5, "trust": 5}},
     [], "get_information", "private_meeting"),                               # a recorded step wins
    ({"coach": True}, [{"stakeholder": "p", "owner": "AM", "strength": 1}], "get_information", "private_meeting"),
])
def test_the_next_step_follows_the_actual_relationship(person, coverage, current, nxt):
    pm = pk.load_map({"format": "powermap/1", "opportunity": {"stage": "evaluating"},
                      "stakeholders": [{"id": "p", "name": "P", "power": 4, **person}], "coverage": coverage})
    row = action_plan(pm)[0]
    assert (row["current_step"], row["next_step"]) == (current, nxt)
    frame = analyse(pm, today="2026-11-20").action_frame("zh")
    assert "当前关系步骤" in frame.columns


def test_a_map_of_different_relationships_gets_different_steps():
    pm = pk.load_map({"format": "powermap/1", "stakeholders": [
        {"id": "a", "name": "A", "stance": "champion", "needs": ["org_strategy"],
         "support": {"contact_frequency": 5, "trust": 5, "cooperation": 5}},
        {"id": "b", "name": "B", "support": {"contact_frequency": 3, "cooperation": 3}},
        {"id": "c", "name": "C"}]})
    steps = {r["id"]: r["next_step"] for r in action_plan(pm)}
    assert steps == {"a": "reassess", "b": "private_meeting", "c": "work_together"}
