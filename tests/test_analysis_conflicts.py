"""Interest conflicts (seed 000 §4): conflict lines, clashing needs, opposing influence, competitor camps."""

from pathlib import Path

import powermap_kit as pk
from powermap_kit.analysis import interest_conflicts

FIXTURES = Path(__file__).parent / "fixtures"


def kinds(pm):
    return [c.kind for c in interest_conflicts(pm)]


def mk(people, relationships=(), **opportunity):
    return pk.load_map({"format": "powermap/1", "opportunity": {"decision_mode": "top_down", **opportunity},
                        "stakeholders": people, "relationships": list(relationships)})


CFO = {"id": "cfo", "name": "Zhou Min", "roles": ["approver"], "power": 5, "stance": "neutral"}
VP = {"id": "vp", "name": "Sun Jianhua", "roles": ["decision_maker"], "power": 4, "stance": "support"}


def test_conflict_line_between_key_people_with_sides_and_advice():
    pm = mk([CFO, VP], [{"source": "cfo", "target": "vp", "type": "conflict", "note": "capex vs capacity"}])
    [c] = interest_conflicts(pm)
    assert c.kind == "conflict_line" and c.stakeholders == ("cfo", "vp")
    text = c.message.render("en")
    assert "Zhou Min" in text and "Sun Jianhua" in text and "capex vs capacity" in text and "Neutral" in text
    assert "Sun Jianhua's vendor" in c.advice.render("en")           # one side is ours: don't be seen as theirs


def test_clashing_needs_are_shown_side_by_side():
    pm = mk([{**CFO, "needs": ["payback within two years"]}, {**VP, "needs": ["new capacity now"]}],
            [{"source": "vp", "target": "cfo", "type": "conflict"}])
    [c] = interest_conflicts(pm)
    assert c.kind == "needs_clash"
    text = c.message.render("zh")
    assert "payback within two years" in text and "new capacity now" in text and "未记录原因" in text


def test_conflicts_between_minor_people_are_left_out():
    pm = mk([{"id": "a", "name": "A", "power": 1}, {"id": "b", "name": "B", "power": 2}],
            [{"source": "a", "target": "b", "type": "conflict"}])
    assert kinds(pm) == []


def test_key_person_swayed_by_an_opponent():
    pm = mk([CFO, {"id": "aud", "name": "Huang Lei", "stance": "oppose", "power": 2}],
            [{"source": "aud", "target": "cfo", "type": "influences", "strength": 3}])
    [c] = interest_conflicts(pm)
    assert c.kind == "opposing_influence" and c.stakeholders == ("cfo", "aud")
    assert "Huang Lei" in c.message.render("en") and "Zhou Min" in c.advice.render("en")
    # an opponent who is only influenced by another opponent is not reported
    assert kinds(mk([{**CFO, "stance": "oppose"}, {"id": "aud", "name": "H", "stance": "oppose"}],
                    [{"source": "aud", "target": "cfo", "type": "ally"}])) == []


def test_competitor_camp_groups_people_by_vendor():
    pm = mk([{**CFO, "preferred_vendor": "Vendor X"}, {**VP, "preferred_vendor": "vendor  X"},
             {"id": "b", "name": "Buyer", "preferred_vendor": "Vendor Y"}, {"id": "u", "name": "U", "preferred_vendor": "us"}],
            competitors=["Vendor X", "Vendor Y"])
    camps = [c for c in interest_conflicts(pm) if c.kind == "competitor_camp"]
    assert [(c.stakeholders) for c in camps] == [("cfo", "vp"), ("b",)]
    assert "2 person(s) lean towards Vendor X" in camps[0].message.render("en")


def test_the_it_fixture_shows_the_cfo_vp_clash_and_the_vendor_x_camp():
    pm = pk.load_map(FIXTURES / "analysis_it.json")
    assert kinds(pm) == ["needs_clash", "competitor_camp"]
