"""The shared comparison engine: person matching, field and line differences, history."""

import pytest

import powermap_kit as pk
from powermap_kit.diff import Match, compare, edge, edges, match_people, normalise, person_diff, title_forms


def pm(*people, rels=(), opp=None):
    data = {"format": "powermap/1", "stakeholders": list(people), "relationships": list(rels)}
    if opp:
        data["opportunity"] = opp
    return pk.load_map(data)


def p(pid, name, **kw):
    return {"id": pid, "name": name, **kw}


@pytest.mark.parametrize("spelling", ["Li Ming", "li ming", "ＬＩ ＭＩＮＧ", " LiMing ", "Li\u3000Ming", "Li-Ming", "li·ming"])
def test_normalise_ignores_case_width_and_spaces(spelling):
    assert normalise(spelling) == "liming"


def test_normalise_keeps_chinese_and_distinct_names():
    assert normalise(" 王 伟 ") == "王伟"
    assert normalise("王伟") != normalise("王玮")
    assert normalise(None) == normalise("") == ""


def test_title_forms_split_mixed_titles():
    forms = title_forms("Finance Director 集团财务总监 (acting)")
    assert {"financedirector", "集团财务总监", "acting"} <= forms


def test_match_by_id_then_name_then_alias():
    key = pm(p("dean", "李明"), p("it", "Zhao Jun"), p("cfo", "钱浩"))
    sub = pm(p("x1", "Dean Li"), p("dean", "李明"), p("x2", "ZHAO JUN"))
    matches = match_people(key, sub, aliases={"dean": ["Dean Li"], "cfo": ["Qian Hao"]})
    assert matches == [Match("dean", "dean", "id"), Match("it", "x2", "name")]


def test_alias_used_when_no_id_or_name_matches():
    key = pm(p("dean", "李明"))
    sub = pm(p("x", "ｄｅａｎ ｌｉ"))
    assert match_people(key, sub, aliases={"dean": ["Dean Li"]}) == [Match("dean", "x", "alias")]


def test_id_match_is_vetoed_when_the_name_is_someone_elses():
    # Renumbered submission: its "a" is the key's "b" person and the other way round.
    key = pm(p("a", "Wang Wei"), p("b", "Li Na"))
    sub = pm(p("a", "Li Na"), p("b", "Wang Wei"))
    assert match_people(key, sub) == [Match("a", "b", "name"), Match("b", "a", "name")]


def test_id_match_stands_when_the_name_is_unknown():
    key = pm(p("a", "Wang Wei"))
    sub = pm(p("a", "The CIO"))
    assert match_people(key, sub) == [Match("a", "a", "id")]


def test_each_submitted_person_is_matched_once():
    key = pm(p("a", "Li Ming"), p("b", "Li Ming"))  # namesakes in the key
    sub = pm(p("x", "li ming"))
    matches = match_people(key, sub)
    assert len(matches) == 1 and matches[0].b == "x"
    key2 = pm(p("a", "Wang Wei"), p("b", "Zhao Jun"))
    sub2 = pm(p("x", "Wang Wei"))
    assert match_people(key2, sub2, aliases={"b": ["Wang Wei"]}) == [Match("a", "x", "name")]


def test_title_matching_is_a_last_resort_and_needs_a_unique_fit():
    key = pm(p("cfo", "韩静", title="Finance Director 集团财务总监"), p("asst", "郑浩", title="总经理助理兼办公室主任"),
             p("e1", "A", title="Engineer"), p("e2", "B", title="Engineer"))
    sub = pm(p("x", "Ms Finance", title="Finance Director"), p("y", "郑助理", title="总经理助理"),
             p("z", "Someone", title="Engineer"))
    assert match_people(key, sub) == []
    found = match_people(key, sub, use_titles=True)
    assert found == [Match("cfo", "x", "title"), Match("asst", "y", "title")]  # two engineers: ambiguous


def test_person_diff_compares_like_for_like():
    a = pk.Stakeholder("a", "Li Ming", roles=["user", "evaluator"], stance=None, coach=None, power=3)
    b = pk.Stakeholder("b", "LI MING", roles=["evaluator", "user"], stance="unknown", coach=False, power=3)
    assert person_diff(a, b) == {}
    c = pk.Stakeholder("c", "Li Ming", roles=["approver"], stance="support", coach=True, power=5, title="VP")
    assert set(person_diff(a, c)) == {"title", "roles", "power", "stance", "coach"}
    assert person_diff(a, c)["power"] == (3, 5)


def test_edges_direction_and_translation():
    assert edge("b", "a", "conflict") == edge("a", "b", "conflict")
    assert edge("b", "a", "influences") != edge("a", "b", "influences")
    m = pm(p("x", "X"), p("y", "Y"), p("z", "Z"), rels=[{"source": "x", "target": "y", "type": "reports_to"},
                                                         {"source": "z", "target": "y", "type": "ally"}])
    assert set(edges(m, {"x": "A", "y": "B"})) == {("A", "B", "reports_to")}


def history_pair():
    old = pm(p("cfo", "Zhou Min", stance="neutral", power=3, roles=["evaluator"]), p("cio", "Wang Wei"),
             p("gone", "Qian Hao"),
             rels=[{"source": "cfo", "target": "cio", "type": "reports_to"},
                   {"source": "gone", "target": "cio", "type": "ally"}],
             opp={"stage": "evaluating"})
    new = pm(p("cfo", "Zhou Min", stance="champion", power=4, roles=["approver"], coach=True),
             p("wang", "wang wei"), p("new", "Li Na", title="CEO"),
             rels=[{"source": "new", "target": "wang", "type": "influences"},
                   {"source": "cfo", "target": "wang", "type": "reports_to"}],
             opp={"stage": "decision"})
    return old, new


def test_compare_lists_every_kind_of_change():
    old, new = history_pair()
    result = compare(old, new)
    kinds = [c["change"] for c in result.changes]
    assert kinds == ["added", "removed", "roles", "power", "stance", "coach", "relationship_added",
                     "relationship_removed", "stage"]
    stance = result.changes[kinds.index("stance")]
    assert (stance["stakeholder"], stance["old"], stance["new"]) == ("cfo", "neutral", "champion")
    # Wang Wei was renumbered but is the same person: his reporting line did not change.
    assert not any(c["change"] == "relationship_removed" and c["source"] == "cfo" for c in result.changes)


def test_compare_reads_in_both_languages():
    old, new = history_pair()
    result = compare(old, new)
    en = result.lines("en")
    assert "Zhou Min moved from Neutral to Champions us" in en
    assert "Li Na was added" in en and "Qian Hao was removed" in en
    assert "New line: Li Na → wang wei (Influences)" in en
    assert "Line removed: Qian Hao — Wang Wei (Ally)" in en
    zh = result.lines("zh")
    assert "Zhou Min的态度由中立变为力挺" in zh
    assert "新增人员：Li Na" in zh
    pk.set_language("zh")
    assert str(result).splitlines() == zh


def test_compare_as_frame_and_no_changes():
    old, new = history_pair()
    frame = compare(old, new).to_frame()
    assert list(frame.columns[:5]) == ["change", "stakeholder", "name", "old", "new"]
    assert len(frame) == 9
    same = compare(old, old.copy())
    assert not same and len(same) == 0 and same.text("en") == "No changes" and same.to_frame().empty
