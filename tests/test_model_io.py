import json
import os

import pytest

import powermap_kit as pk
from powermap_kit import Relationship, Stakeholder


def test_load_gives_typed_objects(small_map):
    cio = small_map.stakeholder("cio")
    assert isinstance(cio, Stakeholder)
    assert (cio.name, cio.power, cio.stance, cio.roles) == ("王伟", 5, "neutral", ["decision_maker"])
    assert small_map.opportunity.stage == "evaluating"
    assert small_map.account.name == "Eastern Manufacturing Group"
    assert isinstance(small_map.relationships[0], Relationship) and small_map.relationships[0].directed
    assert not small_map.relationships[2].directed
    assert small_map.stakeholder("cfo").stance is None
    assert small_map.stakeholder("cfo").stance_or_unknown == "unknown"


def test_round_trip_keeps_unknown_keys_and_order(small_data, tmp_path):
    pm = pk.load_map(small_data)
    out = pk.save_map(pm, tmp_path / "m.json")
    again = json.loads(out.read_text("utf-8"))
    assert again["x_top_level"] == [1, 2, 3]
    assert again["stakeholders"][0]["x_custom"] == {"kept": True}
    assert [s["id"] for s in again["stakeholders"]] == ["cio", "it_mgr", "cfo", "buyer"]
    assert [r["type"] for r in again["relationships"]] == ["reports_to", "influences", "conflict"]
    assert pk.load_map(out) == pm
    assert "王伟" in out.read_text("utf-8")  # Chinese kept readable, not \\u-escaped


def test_save_is_atomic_and_refuses_invalid_maps(small_map, tmp_path, monkeypatch):
    path = tmp_path / "m.json"
    pk.save_map(small_map, path)
    before = path.read_bytes()
    object.__setattr__(small_map.stakeholders[0], "power", 11)   # forced past validated assignment
    with pytest.raises(pk.MapFormatError, match=r"stakeholders\[0\]\.power"):
        pk.save_map(small_map, path)
    assert path.read_bytes() == before
    small_map.stakeholders[0].power = 4

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        pk.save_map(small_map, path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["m.json"]  # no temp file left behind


def test_edit_api_validates_and_leaves_map_unchanged(small_map):
    before = small_map.to_dict()
    with pytest.raises(pk.MapFormatError) as err:
        small_map.add_stakeholder(id="cio", name="Someone", stance="supporter")
    text = str(err.value)
    assert "duplicate" not in text and "already the id of stakeholders[0]" in text
    assert 'did you mean "support"' in text
    with pytest.raises(pk.MapFormatError):
        small_map.update_stakeholder("cio", power=0)
    with pytest.raises(pk.MapFormatError, match="cycle"):
        small_map.add_relationship("cio", "it_mgr", "reports_to")
    with pytest.raises(pk.MapFormatError, match="itself"):
        small_map.add_relationship("cio", "cio", "ally")
    with pytest.raises(pk.MapFormatError, match="not the id"):
        small_map.add_relationship("cio", "ghost", "ally")
    assert small_map.to_dict() == before


def test_edit_api_changes_and_notifies(small_map):
    events = []
    small_map.on_change(lambda event, details: events.append((event, details.get("id"))))
    person = small_map.add_stakeholder(name="Zhao Gang", roles=["user"], power=2)
    assert person.id == "zhao_gang" and person in small_map.stakeholders
    small_map.update_stakeholder("zhao_gang", stance="support", title="Plant manager")
    assert small_map.stakeholder("zhao_gang").stance == "support"
    small_map.update_stakeholder("zhao_gang", title=None)
    assert small_map.stakeholder("zhao_gang").title is None
    small_map.add_relationship("zhao_gang", "cio", "influences", strength=2)
    small_map.add_coverage("zhao_gang", owner="me", channel="phone", strength=1)
    small_map.update_stakeholder("zhao_gang", id="zg")
    assert small_map.relationships[-1].source == "zg" and small_map.coverage[-1].stakeholder == "zg"
    small_map.remove_stakeholder("zg")
    assert "zg" not in small_map and all("zg" not in (r.source, r.target) for r in small_map.relationships)
    assert [e for e, _ in events] == ["stakeholder_added", "stakeholder_updated", "stakeholder_updated",
                                      "relationship_added", "coverage_added", "stakeholder_updated",
                                      "stakeholder_removed"]
    with pytest.raises(pk.StakeholderNotFound):
        small_map.stakeholder("zg")


def test_relationship_lookup_and_update(small_map):
    i = small_map.find_relationship("cio", "cfo", "conflict")  # undirected: either way round
    assert small_map.relationships[i].note == "budget"
    small_map.update_relationship(i, strength=2)
    assert small_map.relationships[i].strength == 2
    with pytest.raises(pk.MapFormatError):
        small_map.update_relationship(i, strength=4)
    with pytest.raises(pk.RelationshipNotFound):
        small_map.find_relationship("cio", "it_mgr", "reports_to")  # directed: wrong way round
    small_map.remove_relationship(i)
    assert len(small_map.relationships) == 2


def test_opportunity_update_is_validated(small_map):
    small_map.update_opportunity(stage="decision")
    assert small_map.opportunity.stage == "decision"
    with pytest.raises(pk.MapFormatError, match="opportunity.stage"):
        small_map.update_opportunity(stage="closing")


def test_frames(small_map):
    people = small_map.stakeholders_frame()
    assert list(people["id"]) == ["cio", "it_mgr", "cfo", "buyer"]
    assert people.loc[0, "roles"] == "decision_maker" and people.loc[0, "influence"] == 5
    assert people.loc[2, "stance"] == "unknown"
    labelled = small_map.stakeholders_frame(labels=True, lang="zh")
    assert "权力大小" in labelled.columns and labelled.iloc[0]["角色"] == "决策者"
    rels = small_map.relationships_frame()
    assert list(rels["source_name"]) == ["李娜", "李娜", "Zhou Min"]
    assert "汇报给" in set(small_map.relationships_frame(labels=True, lang="zh")["类型"])


def test_load_map_accepts_paths_dicts_and_text(small_data, tmp_path):
    p = tmp_path / "m.json"
    p.write_text(json.dumps(small_data), "utf-8")
    assert pk.load_map(str(p)) == pk.load_map(p) == pk.load_map(small_data) == pk.loads(p.read_text("utf-8"))
    p.write_bytes(b"\xef\xbb\xbf" + p.read_bytes())  # Excel-style BOM is tolerated
    assert pk.load_map(p) == pk.load_map(small_data)
    with pytest.raises(TypeError):
        pk.load_map(42)


def test_copy_is_independent(small_map):
    other = small_map.copy()
    other.update_stakeholder("cio", power=1)
    assert small_map.stakeholder("cio").power == 5
    small_map.replace_with(other)
    assert small_map.stakeholder("cio").power == 1


def test_saved_file_has_ordinary_permissions(small_map, tmp_path):
    import stat

    path = pk.save_map(small_map, tmp_path / "m.json")
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask
