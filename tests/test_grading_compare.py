"""The one key comparison (compare_to_key) and the rules it shares with the criteria."""

from __future__ import annotations

from pathlib import Path

import pytest

import powermap_kit as pk
from powermap_kit.grading import (DEFAULT_TOLERANCE, compare_to_key, field_credit, grade, load_key, power_credit,
                                  power_within)

REPO = Path(__file__).resolve().parents[1]
CASES = sorted((REPO / "case_studies").glob("*/key.json"))


def _key(tolerance=None, coach=True):
    people = [{"id": "dean", "name": "李明", "roles": ["decision_maker"], "power": 5, "stance": "neutral"},
              {"id": "it", "name": "Zhao Jun", "roles": ["evaluator", "user"], "power": 3, "stance": "champion"},
              {"id": "cfo", "name": "Han Jing", "roles": ["approver"], "power": 4},
              {"id": "pa", "name": "Sun Li"}]
    if coach:
        people[1]["coach"] = True
    data = {"format": "powermap/1", "stakeholders": people, "grading": {"aliases": {"dean": ["Li Ming"]}}}
    if tolerance is not None:
        data["grading"]["tolerance"] = {"power": tolerance}
    return load_key(data)


def _sub(**changes):
    people = [{"id": "p1", "name": "LI MING", "roles": ["decision_maker"], "power": 4, "stance": "neutral"},
              {"id": "p2", "name": "zhao jun", "roles": ["evaluator", "user"], "power": 3, "stance": "champion",
               "coach": True},
              {"id": "p3", "name": "Qian Hao", "power": 2},
              {"id": "p4", "name": "Sun Li", "power": 1, "stance": "oppose"}]
    for person in people:
        person.update(changes.get(person["id"], {}))
    return pk.load_map({"format": "powermap/1", "stakeholders": people})


def test_missing_extra_and_matching():
    found = compare_to_key(_sub(), _key())
    assert found.missing == ["cfo"] and found.extra == ["p3"]
    assert found.sub_of == {"dean": "p1", "it": "p2", "pa": "p4"}
    assert [(m.a, m.how) for m in found.matches] == [("dean", "alias"), ("it", "name"), ("pa", "name")]
    # one power step off is within the default tolerance; what the key leaves open is not judged
    assert found.wrong == {}


def test_wrong_fields_follow_the_grading_rules():
    sub = _sub(p1={"power": 3, "roles": ["decision_maker", "approver"]}, p2={"stance": "support", "coach": False})
    found = compare_to_key(sub, _key())
    assert found.wrong == {"dean": {"roles": (["decision_maker"], ["decision_maker", "approver"]), "power": (5, 3)},
                           "it": {"stance": ("champion", "support"), "coach": (True, False)}}
    # the key's own tolerance is the one used
    assert compare_to_key(_sub(), _key(tolerance=0)).wrong == {"dean": {"power": (5, 4)}}
    assert compare_to_key(sub, _key(tolerance=2)).wrong["dean"] == {"roles": (["decision_maker"],
                                                                              ["decision_maker", "approver"])}
    # no coach marked anywhere in the key: the flag is not judged
    assert "coach" not in compare_to_key(sub, _key(coach=False)).wrong["it"]


def test_power_rules():
    assert DEFAULT_TOLERANCE == 1
    assert [power_credit(3, g) for g in (3, 4, 5, 1, None)] == [1.0, 1.0, 0.5, 0.5, 0.0]
    assert [power_credit(3, g, tolerance=0) for g in (3, 4, 5)] == [1.0, 0.5, 0.0]
    assert power_within(3, 4) and not power_within(3, 5) and not power_within(3, None)
    assert not power_within(None, 3) and power_within(2, 4, tolerance=2)
    with pytest.raises(KeyError):
        field_credit("name", pk.Stakeholder("a", "A"), pk.Stakeholder("b", "B"))


@pytest.mark.parametrize("key_file", CASES, ids=[p.parent.name for p in CASES])
def test_criteria_and_comparison_agree_on_every_case_submission(key_file):
    """A matched person loses points on a field exactly when the comparison calls it wrong."""
    key = load_key(key_file)
    for sub_file in sorted((key_file.parent / "submissions").glob("*.json")):
        result = grade(sub_file, key, lang="en")
        found = compare_to_key(pk.load_map(sub_file), key)
        assert found.missing == result.missing and found.extra == result.extra
        lost = {(item.stakeholder, item.criterion) for item in result.items
                if item.criterion in ("roles", "power", "stance", "coach") and not item.missing}
        wrong = {(kid, name) for kid, fields in found.wrong.items() for name in fields}
        assert lost == wrong, sub_file.name
