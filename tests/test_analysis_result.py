"""analyse(): one result, as tables, JSON, text and a self-contained HTML page, in both languages."""

import json
import re
from pathlib import Path

import pandas as pd
import pytest

import powermap_kit as pk
from powermap_kit.analysis import Analysis, analyse
from powermap_kit.render import render

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def it_analysis():
    return analyse(pk.load_map(FIXTURES / "analysis_it.json"), today="2026-11-20")


def test_headline_numbers(it_analysis):
    assert isinstance(it_analysis, Analysis)
    assert it_analysis.support_index == 51.9 and it_analysis.status == "amber"
    assert set(it_analysis.key_persons()) == {"gm", "vp_prod", "cio", "it_mgr"}
    assert "support index 51.9" in repr(it_analysis)


def test_tables_are_dataframes(it_analysis):
    assert isinstance(it_analysis.people, pd.DataFrame) and len(it_analysis.people) == 10
    assert it_analysis.people.loc["cio", "support_quadrant"] == "key_target"
    assert it_analysis.people.loc["cio", "quadrant"] == "key_decider"       # power 4, influence 3
    assert list(it_analysis.chain["role"]) == ["evaluator", "decision_maker", "approver"]
    contrib = it_analysis.contributions
    assert contrib["points"].sum() + 50 == pytest.approx(it_analysis.support_index, abs=0.1)
    for frame in (it_analysis.risk_frame("zh"), it_analysis.path_frame(), it_analysis.conflict_frame(),
                  it_analysis.hidden_frame(), it_analysis.actions):
        assert isinstance(frame, pd.DataFrame) and len(frame)


def test_json_has_the_documented_shape(it_analysis):
    data = json.loads(it_analysis.to_json("en"))
    for key in ("support_index", "status", "people", "risks", "paths", "conflicts", "hidden_power", "actions"):
        assert key in data
    assert {"id", "support", "quadrant"} <= set(data["people"][0])
    assert {"code", "severity", "stakeholders", "message", "action"} <= set(data["risks"][0])
    assert data["paths"][0]["path"][-1] == data["paths"][0]["target"]
    assert data["actions"][0]["priority"] == 1 and data["actions"][0]["action"]
    zh = json.loads(it_analysis.to_json("zh"))
    assert zh["risks"][0]["code"] == data["risks"][0]["code"] and zh["risks"][0]["message"] != data["risks"][0]["message"]
    assert "赵国强" in it_analysis.to_json("zh")                     # Chinese kept readable, not \\u-escaped


def test_unknown_is_null_not_zero(it_analysis):
    people = {p["id"]: p for p in it_analysis.to_dict()["people"]}
    assert people["gm"]["support"] is None and people["gm"]["stance"] == "unknown"
    assert people["gm"]["contribution"] is None


@pytest.mark.parametrize("lang,heading,word", [("en", "Action plan", "Risks"), ("zh", "行动计划", "风险")])
def test_summary_text_in_both_languages(it_analysis, lang, heading, word):
    text = it_analysis.summary_text(lang)
    assert heading in text and word in text and "王伟" in text and "51.9" in text


def test_current_language_is_followed():
    pk.set_language("zh")
    a = analyse(pk.load_map(FIXTURES / "analysis_it.json"), today="2026-11-20")
    assert "行动计划" in a.summary_text() and "姓名" in a.actions.columns


def test_html_is_self_contained_and_bilingual(it_analysis):
    for lang, words in (("en", ["Action plan", "Power matrix", "Support matrix", "Risks"]),
                        ("zh", ["行动计划", "权力矩阵", "支持度矩阵", "风险"])):
        html = it_analysis.to_html(lang)
        # map, power matrix, support matrix and the decision-chain fishbone
        assert html.startswith("<!DOCTYPE html>") and html.count("<svg") == 4
        assert 'class="fishbone"' in html
        for word in words:
            assert word in html
        assert f'lang="{"zh-CN" if lang == "zh" else "en"}"' in html
        # nothing is fetched: no scripts, stylesheets, images or frames from anywhere
        assert not re.search(r"<(script|link|img|iframe|object|embed)\b", html, re.I)
        assert not re.search(r"(src|href)\s*=\s*[\"']?(https?:)?//", html, re.I)
        assert not re.search(r"url\(\s*[\"']?(https?:)?//", html, re.I)
        assert "Content-Security-Policy" in html


def test_every_user_text_is_escaped_in_html():
    evil = '<script>alert("x")</script>'
    pm = pk.load_map({
        "format": "powermap/1",
        "account": {"name": evil}, "opportunity": {"name": "<b>deal</b>", "competitors": [evil]},
        "stakeholders": [
            {"id": "a", "name": evil, "title": "<img src=x onerror=alert(1)>", "roles": ["decision_maker"], "power": 5,
             "stance": "oppose", "needs": ["<i>need</i>"], "preferred_vendor": evil},
            {"id": "b", "name": "B&B \"quoted\" 'single'", "stance": "champion", "coach": True}],
        "relationships": [{"source": "b", "target": "a", "type": "influences", "strength": 2},
                          {"source": "a", "target": "b", "type": "conflict", "note": "<u>note</u>"}],
        "coverage": [{"stakeholder": "b", "owner": "<em>owner</em>"}]})
    html = analyse(pm, today="2026-11-20").to_html("en")
    for raw in ("<script", "<img", "<b>deal", "<i>need", "<u>note", "<em>owner"):
        assert raw not in html, raw
    assert "&lt;script&gt;" in html and "&lt;b&gt;deal&lt;/b&gt;" in html and "&lt;em&gt;owner&lt;/em&gt;" in html
    assert "B&amp;B" in html


def test_notebook_display_is_a_compact_fragment(it_analysis):
    fragment = it_analysis._repr_html_()
    assert fragment.lstrip().startswith("<div") and "<svg" not in fragment and "<html" not in fragment


def test_empty_map_is_analysed_without_error():
    a = analyse(pk.load_map({"format": "powermap/1", "stakeholders": []}), today="2026-11-20")
    assert a.support_index is None and a.status == "red"
    assert {r.code for r in a.risks} == {"decision_mode_unknown", "stage_unknown"}   # only the deal-level gaps
    assert "powermap" in a.to_html("en") and a.summary_text("zh") and json.loads(a.to_json())


def test_base_template_is_reusable_and_escapes():
    html = render("base.html.j2", title="<x>", lang="zh")
    assert "&lt;x&gt;" in html and 'lang="zh-CN"' in html and "Noto Sans CJK SC" in html


def test_today_accepts_dates_and_rejects_nonsense():
    from datetime import date

    pm = pk.load_map(FIXTURES / "analysis_it.json")
    assert analyse(pm, today=date(2026, 11, 20)).today == date(2026, 11, 20)
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        analyse(pm, today="20/11/2026")
