"""Assigning a record's field is validated like the editing API and fires the same events."""

import copy
import json
import pickle

import pytest

import powermap_kit as pk


@pytest.fixture
def events(small_map):
    seen = []
    small_map.on_change(lambda event, details: seen.append((event, details)))
    return seen


def test_a_bad_assignment_raises_with_place_value_allowed_and_changes_nothing(small_map, events):
    person = small_map.stakeholders[0]
    before = small_map.to_dict()
    with pytest.raises(pk.MapFormatError) as caught:
        person.stance = "supporter"
    problem = caught.value.problems[0]
    assert (problem.place, problem.value, problem.suggestion) == ("stakeholders[0].stance", "supporter", "support")
    assert problem.allowed == pk.vocab.STANCES
    with pytest.raises(ValueError, match=r"stakeholders\[0\]\.power: 9"):
        person.power = 9
    assert small_map.to_dict() == before and events == []


def test_a_bad_assignment_speaks_the_current_language(small_map):
    pk.set_language("zh")
    with pytest.raises(pk.MapFormatError) as caught:
        small_map.stakeholders[0].power = 9
    assert "stakeholders[0].power" in str(caught.value) and "1" in str(caught.value)
    assert str(caught.value) != caught.value.problems[0].render("en")


def test_a_good_assignment_is_an_edit_with_its_event(small_map, events):
    person = small_map.stakeholder("cio")
    person.power = 4
    person.stance = None  # clears, as in update_stakeholder
    assert (person.power, person.stance) == (4, None)
    assert events == [("stakeholder_updated", {"id": "cio", "old_id": "cio", "changes": ["power"]}),
                      ("stakeholder_updated", {"id": "cio", "old_id": "cio", "changes": ["stance"]})]


def test_assigning_an_id_renames_every_reference_and_refuses_a_taken_one(small_map):
    person = small_map.stakeholder("cio")
    with pytest.raises(pk.MapFormatError, match="duplicate|already"):
        person.id = "cfo"
    person.id = "boss"
    assert "cio" not in small_map and small_map.stakeholder("boss") is person
    assert all("cio" not in (r.source, r.target) for r in small_map.relationships)
    assert any("boss" in (r.source, r.target) for r in small_map.relationships)


def test_in_place_edits_of_lists_and_dicts_are_validated_and_stay_the_field(small_map, events):
    person = small_map.stakeholder("cio")
    roles = person.roles
    roles.append("user")
    roles.append("evaluator")
    assert person.roles is roles and person.roles[-2:] == ["user", "evaluator"]
    with pytest.raises(pk.MapFormatError, match=r"roles\[\d\]: \"bogus\""):
        roles.append("bogus")
    with pytest.raises(pk.MapFormatError):
        roles[0] = "boss"
    assert "bogus" not in person.roles and person.roles[0] == "decision_maker"
    person.support["trust"] = 2
    with pytest.raises(pk.MapFormatError, match=r"support\.trust: 7"):
        person.support["trust"] = 7
    with pytest.raises(pk.MapFormatError):
        person.support.update(charm=3)
    assert person.support["trust"] == 2 and "charm" not in person.support
    person.roles += ["influencer"]
    with pytest.raises(pk.MapFormatError):
        person.roles += ["bogus"]
    assert person.roles is roles and roles[-1] == "influencer"
    assert [e for e, _ in events] == ["stakeholder_updated"] * 4
    data = small_map.to_dict()["stakeholders"][0]
    assert type(data["roles"]) is list and type(data["support"]) is dict
    json.dumps(small_map.to_dict())


def test_a_replaced_list_is_no_longer_the_field(small_map):
    person = small_map.stakeholder("cio")
    old = person.roles
    person.roles = ["approver"]
    old.append("bogus")  # a plain list now: it cannot reach the map
    assert person.roles == ["approver"]


def test_relationship_coverage_opportunity_and_account_fields_are_validated(small_map, events):
    rel = small_map.relationships[0]
    with pytest.raises(pk.MapFormatError, match=r"relationships\[0\]\.type"):
        rel.type = "friends"
    with pytest.raises(pk.MapFormatError, match=r"relationships\[0\]\.target"):
        rel.target = "nobody"
    rel.strength = 2
    assert small_map.relationships[0] is rel and rel.strength == 2  # updated in place
    cov = small_map.add_coverage("cfo", owner="us", channel="visit")
    with pytest.raises(pk.MapFormatError, match=r"coverage\[\d\]\.channel"):
        cov.channel = "pigeon"
    cov.strength = 3
    with pytest.raises(pk.MapFormatError, match=r"opportunity\.stage"):
        small_map.opportunity.stage = "closing"
    with pytest.raises(pk.MapFormatError):
        small_map.opportunity.competitors.append(5)
    small_map.account.name = "Eastern Group"
    assert [e for e, _ in events] == ["relationship_updated", "coverage_added", "coverage_updated",
                                      "account_updated"]
    assert small_map.validate() == []


def test_a_record_on_its_own_checks_the_changed_fields(small_map):
    blank = pk.Stakeholder(id="", name="")  # a form's empty record: incomplete, but editable
    blank.power = 3
    with pytest.raises(pk.MapFormatError, match=r"stakeholder\.power: 8"):
        blank.power = 8
    assert blank.power == 3
    removed = small_map.remove_stakeholder("cfo")
    seen = []
    small_map.on_change(lambda e, d: seen.append(e))
    removed.power = 1  # no longer the map's: no event, map unchanged
    assert seen == [] and "cfo" not in small_map
    line = pk.Relationship("a", "b", "ally")
    with pytest.raises(pk.MapFormatError, match=r"relationships\[0\]\.strength: 4"):
        line.strength = 4
    line.target = "c"  # the ends of a line on its own cannot be checked against people
    contact = pk.Coverage(stakeholder="a")
    contact.channel = "visit"
    with pytest.raises(pk.MapFormatError, match=r"coverage\[0\]\.channel"):
        contact.channel = "pigeon"
    assert (line.strength, contact.channel) == (None, "visit")


def test_copies_belong_to_their_own_map(small_map):
    for twin in (small_map.copy(), copy.deepcopy(small_map), pickle.loads(pickle.dumps(small_map))):
        assert twin == small_map
        seen = []
        twin.on_change(lambda e, d: seen.append(e))
        twin.stakeholders[0].power = 1
        with pytest.raises(pk.MapFormatError):
            twin.stakeholders[0].roles.append("bogus")
        assert seen == ["stakeholder_updated"] and small_map.stakeholders[0].power != 1


def test_replace_with_keeps_assignments_validated(small_map):
    other = small_map.copy()
    other.stakeholders[0].power = 1
    small_map.replace_with(other)
    with pytest.raises(pk.MapFormatError):
        small_map.stakeholders[0].power = 0
    assert small_map.stakeholders[0].power == 1
