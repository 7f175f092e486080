"""Team maps: three-way merge of map versions (issue 15, item 4).

Unit tests for each kind of change and conflict, and hypothesis properties over random
edits by two sellers: an unchanged side gives the other side, merge(base, x, x) == x,
non-conflicting edits both survive, conflicts are found and never decided silently, and
the result always validates.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from budget import examples

import powermap_kit as pk
from powermap_kit import vocab
from powermap_kit.diff import edge
from powermap_kit.errors import InvalidValue, MapFormatError
from powermap_kit.merge import MergeConflict, MergeResult, merge_maps

BASE = {
    "format": "powermap/1",
    "opportunity": {"name": "ERP", "stage": "evaluating"},
    "stakeholders": [
        {"id": "cio", "name": "Wang Wei", "title": "CIO", "power": 4, "stance": "neutral"},
        {"id": "cfo", "name": "Zhou Min", "power": 5, "support": {"trust": 2, "influence": 4}},
        {"id": "it", "name": "Li Na", "roles": ["user"]},
    ],
    "relationships": [{"source": "it", "target": "cio", "type": "reports_to"}],
    "coverage": [{"owner": "Sun", "stakeholder": "cio", "channel": "visit"}],
}


def sides():
    base = pk.load_map(BASE)
    return base, base.copy(), base.copy()


def canon(pm: pk.PowerMap):
    """A map up to order and the direction of undirected lines (what a merge may change)."""
    data = pm.to_dict()
    data.pop("meta", None)
    people = sorted(data.pop("stakeholders"), key=lambda p: p["id"])
    lines = sorted((edge(r["source"], r["target"], r["type"]), repr(sorted((k, v) for k, v in r.items()
                   if k not in ("source", "target")))) for r in data.pop("relationships", []))
    cover = sorted(repr(sorted(c.items())) for c in data.pop("coverage", []))
    return data, people, lines, cover


# ---- unit -----------------------------------------------------------------------------

def test_edits_to_different_fields_of_one_person_and_other_parts_all_survive():
    base, mine, theirs = sides()
    mine.update_stakeholder("cio", stance="support")
    mine.update_stakeholder("cfo", support={"trust": 4, "influence": 4})
    mine.add_relationship("cfo", "cio", "ally")
    theirs.update_stakeholder("cio", power=5)
    theirs.update_stakeholder("cfo", support={"trust": 2, "influence": 5})
    theirs.add_stakeholder(id="ceo", name="Zhao Jun", roles=["approver"])
    theirs.add_coverage("ceo", owner="Qian", channel="executive")
    theirs.update_opportunity(stage="decision")
    theirs.remove_relationship(0)
    result = merge_maps(base, mine, theirs)
    assert result.resolved and result.conflicts == []
    pm = result.map
    assert pm.validate() == []
    assert (pm.stakeholder("cio").stance, pm.stakeholder("cio").power) == ("support", 5)
    assert pm.stakeholder("cfo").support == {"trust": 4, "influence": 5}  # nested fields merge too
    assert pm.stakeholder("ceo").roles == ["approver"]
    assert [(r.source, r.target, r.type) for r in pm.relationships] == [("cfo", "cio", "ally")]
    assert {(c.stakeholder, c.owner) for c in pm.coverage} == {("cio", "Sun"), ("ceo", "Qian")}
    assert pm.opportunity.stage == "decision"


def test_same_field_changed_differently_is_a_conflict_kept_as_mine_until_decided():
    base, mine, theirs = sides()
    mine.update_stakeholder("cio", stance="support")
    theirs.update_stakeholder("cio", stance="oppose")
    theirs.update_opportunity(stage="decision")
    result = merge_maps(base, mine, theirs)
    assert not result.resolved
    [conflict] = result.conflicts
    assert (conflict.place, conflict.kind, conflict.field) == ("stakeholders[cio].stance", "field", "stance")
    assert (conflict.base, conflict.mine, conflict.theirs) == ("neutral", "support", "oppose")
    texts = conflict.texts()
    assert "Wang Wei" in texts["en"] and "Stance" in texts["en"] and "Opposes" in texts["en"]
    assert "Wang Wei" in texts["zh"] and "态度" in texts["zh"] and "反对" in texts["zh"]
    assert result.map.stakeholder("cio").stance == "support"
    assert result.map.opportunity.stage == "decision"
    assert result.resolve(conflict.place, "theirs").map.stakeholder("cio").stance == "oppose"
    decided = result.resolve(conflict.place, "value", "champion")
    assert decided.resolved and decided.map.stakeholder("cio").stance == "champion"
    assert decided.map.opportunity.stage == "decision"


def test_bad_decisions_are_refused_with_place_value_and_allowed_set():
    base, mine, theirs = sides()
    mine.update_stakeholder("cio", power=1)
    theirs.update_stakeholder("cio", power=2)
    result = merge_maps(base, mine, theirs)
    with pytest.raises(InvalidValue) as caught:
        result.resolve("stakeholders[cio].power", "ours")
    assert caught.value.allowed == ("mine", "theirs", "value")
    with pytest.raises(InvalidValue) as caught:
        result.resolve("stakeholders[cfo].power", "mine")
    assert caught.value.allowed == ("stakeholders[cio].power",)
    with pytest.raises(MapFormatError) as caught:
        result.resolve("stakeholders[cio].power", "value", 9)
    assert "power" in caught.value.problems[0].place
    with pytest.raises(InvalidValue):
        result.prefer("both")


@pytest.mark.parametrize("remover", ["mine", "theirs"])
def test_removed_on_one_side_edited_on_the_other_is_a_conflict(remover):
    base, mine, theirs = sides()
    gone, edited = (mine, theirs) if remover == "mine" else (theirs, mine)
    gone.remove_stakeholder("cfo")
    edited.update_stakeholder("cfo", stance="champion")
    result = merge_maps(base, mine, theirs)
    [conflict] = result.conflicts
    assert (conflict.place, conflict.kind) == ("stakeholders[cfo]", "removed")
    assert ("you removed" in conflict.text("en")) == (remover == "mine")
    assert ("你删除了" in conflict.text("zh")) == (remover == "mine")
    assert ("cfo" in result.map) == (remover == "theirs")  # mine is kept until decided
    assert "cfo" not in result.resolve(conflict.place, remover).map
    kept = result.resolve(conflict.place, "theirs" if remover == "mine" else "mine").map
    assert kept.stakeholder("cfo").stance == "champion"


def test_a_person_removed_while_the_other_side_drew_a_line_to_them_is_a_conflict():
    base, mine, theirs = sides()
    mine.remove_stakeholder("it")
    theirs.add_relationship("it", "cfo", "influences", strength=2)
    result = merge_maps(base, mine, theirs)
    assert [c.place for c in result.conflicts] == ["stakeholders[it]"]
    assert "it" not in result.map and result.map.validate() == []
    kept = result.prefer("theirs").map
    assert ("it", "cfo", "influences") in {(r.source, r.target, r.type) for r in kept.relationships}


def test_an_unedited_person_removed_on_one_side_is_removed_with_their_lines():
    base, mine, theirs = sides()
    theirs.remove_stakeholder("it")
    mine.update_stakeholder("cio", title="Chief Information Officer")
    result = merge_maps(base, mine, theirs)
    assert result.resolved and "it" not in result.map and result.map.relationships == []


def test_a_person_both_added_is_matched_like_compare_and_merged_field_by_field():
    base, mine, theirs = sides()
    mine.add_stakeholder(id="ma", name="Ma Lin", power=3)
    theirs.add_stakeholder(id="p7", name="MA LIN", stance="support")
    result = merge_maps(base, mine, theirs)
    assert result.map.ids == ["cio", "cfo", "it", "ma"]
    assert [c.field for c in result.conflicts] == ["id", "name"]  # each side spelled them its own way
    person = result.prefer("theirs").map.stakeholder("p7")
    assert (person.name, person.power, person.stance) == ("MA LIN", 3, "support")


def test_two_new_reporting_lines_that_close_a_cycle_are_a_conflict_and_the_map_stays_valid():
    base, mine, theirs = sides()
    mine.add_relationship("cio", "cfo", "reports_to")
    theirs.add_relationship("cfo", "it", "reports_to")
    result = merge_maps(base, mine, theirs)
    [conflict] = result.conflicts
    assert conflict.kind == "cycle" and conflict.line is not None
    assert "→" in conflict.text("zh") and "循环" in conflict.text("zh")
    assert result.map.validate() == []
    assert result.prefer("mine").map.validate() == [] and result.prefer("mine").resolved


def test_without_a_base_everything_counts_as_added():
    _, mine, theirs = sides()
    theirs.add_stakeholder(id="x", name="New Person")
    result = merge_maps(None, mine, theirs)
    assert result.resolved and result.map.ids == ["cio", "cfo", "it", "x"]
    assert len(result.map.relationships) == 1 and len(result.map.coverage) == 1


def test_merge_is_exported_and_text_lists_conflicts():
    assert pk.merge_maps is merge_maps and pk.MergeResult is MergeResult and pk.MergeConflict is MergeConflict
    base, mine, theirs = sides()
    assert merge_maps(base, mine, theirs).text("zh") == vocab.text("merge.no_conflicts", lang="zh")
    mine.update_account(name="A")
    theirs.update_account(name="B")
    result = merge_maps(base, mine, theirs)
    assert result.text("en") == "Account, Name: was (none); yours A; theirs B"
    assert result.text("zh").startswith("客户的姓名") or result.text("zh").startswith("客户的")


# ---- properties -----------------------------------------------------------------------

NAMES = ["Wang Wei", "Zhou Min", "Li Na", "Ma Lin", "Zhao Jun", "Sun Li", "陈静", "刘洋"]
FIELD_VALUES = {
    "stance": st.sampled_from(vocab.STANCES), "power": st.integers(1, 5), "title": st.sampled_from(["CIO", "VP", "总监"]),
    "coach": st.booleans(), "roles": st.lists(st.sampled_from(vocab.ROLES), max_size=2, unique=True),
    "notes": st.text(st.characters(min_codepoint=48, max_codepoint=122), max_size=4),
}


@st.composite
def base_maps(draw):
    count = draw(st.integers(0, 5))
    pm = pk.PowerMap()
    for i in range(count):
        pm.add_stakeholder(id=f"p{i}", name=NAMES[i], power=draw(st.none() | st.integers(1, 5)))
    for _ in range(draw(st.integers(0, 4))):
        if count >= 2:
            a, b = draw(st.permutations(range(count)))[:2]
            try:
                pm.add_relationship(f"p{a}", f"p{b}", draw(st.sampled_from(vocab.RELATIONSHIP_TYPES)))
            except MapFormatError:
                pass
    return pm


def edit(draw, pm: pk.PowerMap, moves: int) -> pk.PowerMap:
    """Random edits through the editing API (refused edits are skipped): a valid map."""
    pm = pm.copy()
    for _ in range(moves):
        kind = draw(st.sampled_from(["field", "field", "add", "remove", "line", "unline", "stage", "cover", "id",
                                     "strength", "support", "account"]))
        ids = pm.ids
        try:
            if kind == "field" and ids:
                name = draw(st.sampled_from(sorted(FIELD_VALUES)))
                pm.update_stakeholder(draw(st.sampled_from(ids)), **{name: draw(FIELD_VALUES[name])})
            elif kind == "add":
                pm.add_stakeholder(name=draw(st.sampled_from(NAMES)), stance=draw(st.sampled_from(vocab.STANCES)))
            elif kind == "remove" and ids:
                pm.remove_stakeholder(draw(st.sampled_from(ids)))
            elif kind == "line" and len(ids) >= 2:
                a, b = draw(st.permutations(ids))[:2]
                pm.add_relationship(a, b, draw(st.sampled_from(vocab.RELATIONSHIP_TYPES)))
            elif kind == "unline" and pm.relationships:
                pm.remove_relationship(draw(st.integers(0, len(pm.relationships) - 1)))
            elif kind == "stage":
                pm.update_opportunity(stage=draw(st.sampled_from(vocab.STAGES)))
            elif kind == "id" and ids:  # renames collide with ids the other side adds ("ma_lin")
                pm.update_stakeholder(draw(st.sampled_from(ids)), id=draw(st.sampled_from(["ma_lin", "p1", "x"])))
            elif kind == "strength" and pm.relationships:
                pm.update_relationship(draw(st.integers(0, len(pm.relationships) - 1)), strength=draw(st.integers(1, 3)))
            elif kind == "support" and ids:
                pm.update_stakeholder(draw(st.sampled_from(ids)), support={
                    draw(st.sampled_from(vocab.SUPPORT_DIMENSIONS)): draw(st.integers(1, 5))})
            elif kind == "account":
                pm.update_account(name=draw(st.sampled_from(["East", "West"])))
            elif kind == "cover" and ids:
                pm.add_coverage(draw(st.sampled_from(ids)), owner=draw(st.sampled_from(["Sun", "Qian"])),
                                channel=draw(st.sampled_from(vocab.CHANNELS)))
        except MapFormatError:
            pass
    assert pm.validate() == []
    return pm


@st.composite
def three_versions(draw):
    base = draw(base_maps())
    return base, edit(draw, base, draw(st.integers(0, 6))), edit(draw, base, draw(st.integers(0, 6)))


PROPS = settings(max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPS
@given(three_versions())
def test_an_unchanged_side_gives_the_other_side(versions):
    base, mine, theirs = versions
    assert canon(merge_maps(base, base, theirs).map) == canon(theirs)
    assert canon(merge_maps(base, mine, base).map) == canon(mine)
    assert merge_maps(base, base, theirs).resolved and merge_maps(base, mine, base).resolved


@PROPS
@given(three_versions())
def test_the_same_version_on_both_sides_is_that_version(versions):
    base, mine, _ = versions
    result = merge_maps(base, mine, mine.copy())
    assert result.resolved and canon(result.map) == canon(mine)


@PROPS
@given(three_versions())
def test_the_result_always_validates_and_every_decision_does_too(versions):
    result = merge_maps(*versions)
    assert result.map.validate() == []
    for side in ("mine", "theirs"):
        decided = result.prefer(side)
        assert decided.resolved and decided.map.validate() == []
    if result.conflicts:
        assert result.resolve(result.conflicts[0].place, "theirs").map.validate() == []


@PROPS
@given(three_versions())
def test_a_field_both_sides_changed_differently_is_never_decided_silently(versions):
    base, mine, theirs = versions
    result = merge_maps(base, mine, theirs)
    places = {c.place for c in result.conflicts}
    for person in base.stakeholders:
        p, m, t = person.to_dict(), mine.get(person.id), theirs.get(person.id)
        if m is None or t is None or m.name != person.name or t.name != person.name:
            continue  # only people all three versions hold under one id and name
        m, t = m.to_dict(), t.to_dict()
        for name in FIELD_VALUES:
            values = p.get(name), m.get(name), t.get(name)
            if values[1] != values[0] and values[2] != values[0] and values[1] != values[2]:
                assert f"stakeholders[{person.id}].{name}" in places
    for conflict in result.conflicts:
        assert conflict.mine != conflict.theirs and all(conflict.texts().values())


@PROPS
@given(base_maps(), st.data())
def test_edits_to_different_people_by_two_sides_both_survive(base, data):
    if len(base) < 2:
        return
    ids = data.draw(st.permutations(base.ids))
    mine, theirs = base.copy(), base.copy()
    m_field, t_field = data.draw(st.sampled_from(sorted(FIELD_VALUES))), data.draw(st.sampled_from(sorted(FIELD_VALUES)))
    m_value, t_value = data.draw(FIELD_VALUES[m_field]), data.draw(FIELD_VALUES[t_field])
    mine.update_stakeholder(ids[0], **{m_field: m_value})
    theirs.update_stakeholder(ids[1], **{t_field: t_value})
    theirs.add_stakeholder(id="new", name="Newcomer")
    result = merge_maps(base, mine, theirs)
    assert result.resolved
    assert result.map.stakeholder(ids[0]).to_dict() == mine.stakeholder(ids[0]).to_dict()
    assert result.map.stakeholder(ids[1]).to_dict() == theirs.stakeholder(ids[1]).to_dict()
    assert "new" in result.map


@PROPS
@given(three_versions())
def test_every_change_only_one_side_made_is_in_the_merged_map(versions):
    base, mine, theirs = versions
    merged = merge_maps(base, mine, theirs).map
    for one, other in ((mine, theirs), (theirs, mine)):
        if one is theirs:
            merged = merge_maps(base, theirs, mine).map  # the side kept at conflicts must not matter here
        for person in base.stakeholders:
            a, b = one.get(person.id), other.get(person.id)
            if a is None or b is None or a.name != person.name or b.name != person.name:
                continue
            for name in FIELD_VALUES:
                before, after, untouched = (x.to_dict().get(name) for x in (person, a, b))
                if after != before and untouched == before:
                    assert merged.stakeholder(person.id).to_dict().get(name) == after
        # Lines the comparison engine says this side added, between people the merged map
        # holds under one unique name each (so that ids renamed by the other side do not matter).
        added = [c for c in pk.compare(base, one).changes if c["change"] == "relationship_added"]
        merged_lines = {line_by_name(merged, r) for r in merged.relationships}
        for change in added:
            rel = pk.Relationship(change["source"], change["target"], change["type"])
            key = line_by_name(one, rel)
            if rel.type != "reports_to" and None not in key[:2] and None not in line_by_name(merged, key, by_name=True):
                assert key in merged_lines


def line_by_name(pm, rel, by_name=False):
    """A line as (source name, target name, type), ``None`` for an end whose name is not unique."""
    names = [p.name for p in pm.stakeholders]
    if by_name:
        ends = [n if names.count(n) == 1 else None for n in rel[:2]]
        return (*ends, rel[2])
    ends = [pm.stakeholder(x).name if x in pm else None for x in (rel.source, rel.target)]
    ends = [n if n is not None and names.count(n) == 1 else None for n in ends]
    return tuple(edge(ends[0] or "", ends[1] or "", rel.type)) if None not in ends else (None, None, rel.type)


def test_a_value_for_a_whole_person_must_be_a_person_or_none():
    base, mine, theirs = sides()
    mine.remove_stakeholder("cfo")
    theirs.update_stakeholder("cfo", power=1)
    result = merge_maps(base, mine, theirs)
    with pytest.raises(pk.WrongType) as caught:
        result.resolve("stakeholders[cfo]", "value", "Zhou Min")
    assert caught.value.place == "stakeholders[cfo]"
    with pytest.raises(MapFormatError):
        result.resolve("stakeholders[cfo]", "value", {"id": "cfo", "power": 2})  # no name: refused, not a crash
    assert sorted(result.resolve("stakeholders[cfo]", "value", {"name": "Zhou Min"}).map.ids) == ["cfo", "cio", "it"]
    kept = result.resolve("stakeholders[cfo]", "value", {"id": "cfo", "name": "Zhou Min", "power": 2})
    assert kept.resolved and kept.map.stakeholder("cfo").power == 2
    assert "cfo" not in result.resolve("stakeholders[cfo]", "value", None).map
