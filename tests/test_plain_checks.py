"""The quick yes of validation (powermap_kit._plain) agrees with the full check: whatever it
accepts, the full check passes without a word; whatever else it sees goes to the full check."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from budget import examples

from powermap_kit import vocab
from powermap_kit._plain import find_cycle, plain_line, plain_person_id
from powermap_kit.validation import _check_person, _check_relationships, _Collector, validate_data

texts = st.sampled_from(["Li Ming", "王伟", "", "  ", "\u200b", "a\u3000b", "x:y", "ok-1", "bad id"])
anything = st.one_of(st.none(), st.booleans(), st.integers(-2, 7), st.floats(0, 6), texts,
                     st.lists(texts, max_size=2), st.dictionaries(texts, st.integers(1, 5), max_size=2))
roles = st.lists(st.sampled_from([*vocab.codes("role"), "boss", 3, None]), max_size=3)
codes = st.sampled_from([*vocab.codes("stance"), *vocab.codes("relationship_step"), "fan", 1, None])
fields = {
    "id": st.one_of(st.sampled_from(["a", "b-2", "x_y", "a b", "", "名"]), anything),
    "name": st.one_of(texts, anything), "title": st.one_of(texts, anything),
    "department": texts, "notes": anything, "roles": st.one_of(roles, anything),
    "power": st.one_of(st.integers(0, 6), anything), "stance": codes, "relationship_step": codes,
    "coach": st.one_of(st.booleans(), anything), "support": anything, "evidence": anything,
    "needs": anything, "last_verified": st.sampled_from(["2025-01-31", "2025-02-30", None]), "x-extra": anything,
}
people = st.fixed_dictionaries({}, optional=fields)


@settings(max_examples=examples(600), deadline=None)
@given(people)
def test_a_person_the_quick_check_passes_has_no_problem(person):
    c = _Collector(None, clean=True)
    sid = _check_person(c, "p", person)
    quick = plain_person_id(person)
    if quick is not None:
        assert c.problems == [] and quick == sid


def test_the_quick_check_takes_the_usual_people():
    person = {"id": "a", "name": "Li Ming", "title": "CIO", "roles": ["approver", "user"], "power": 5,
              "stance": "oppose", "coach": False, "relationship_step": None, "notes": "met twice"}
    assert plain_person_id(person) == "a"
    for bad in ({"power": 6}, {"power": True}, {"power": 4.0}, {"roles": ["boss"]}, {"stance": "fan"},
                {"name": " "}, {"name": "\u200b"}, {"id": "a b"}, {"coach": 1}, {"title": 3}, {"x": 1}):
        assert plain_person_id({**person, **bad}) is None, bad
    assert plain_person_id(["a"]) is None


lines = st.fixed_dictionaries({}, optional={
    "source": st.sampled_from(["a", "b", "c", 1, None]), "target": st.sampled_from(["a", "b", "zz", None]),
    "type": st.sampled_from([*vocab.codes("relationship_type"), "friend", None]),
    "strength": st.one_of(st.integers(0, 4), anything), "note": anything, "other": anything})


@settings(max_examples=examples(600), deadline=None)
@given(lines, st.sampled_from([{"a": 0, "b": 1, "c": 2}, None]))
def test_a_line_the_quick_check_passes_has_no_problem(rel, ids):
    c = _Collector(None, clean=True)
    c.clean = False  # the full check of every line (no quick path inside)
    _check_relationships(c, [rel], ids)
    if plain_line(rel, ids):
        assert c.problems == []


def test_validation_reports_what_it_did_before_for_mixed_maps():
    data = {"format": "powermap/1", "stakeholders": [
        {"id": "a", "name": "A", "power": 9}, {"id": "b", "name": "B"}, {"id": "b", "name": "C"},
        {"id": "c", "name": "D", "roles": ["boss"]}],
        "relationships": [{"source": "a", "target": "b", "type": "reports_to"},
                          {"source": "b", "target": "a", "type": "reports_to"},
                          {"source": "a", "target": "q", "type": "ally"}]}
    places = [(p.place, p.code) for p in validate_data(data, clean=True)]
    assert places == [("stakeholders[0].power", "out_of_range"), ("stakeholders[2].id", "duplicate_id"),
                      ("stakeholders[3].roles[0]", "not_one_of"), ("relationships[2].target", "unknown_id"),
                      ("relationships", "cycle")]
    assert find_cycle({"a": ["b"], "b": ["c"], "c": ["a"]}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": ["b"], "b": ["c"]}) is None
