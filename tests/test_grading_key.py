"""Answer-key checks: a bad grading section is rejected with a message naming the place."""

import copy
import json
from pathlib import Path

import pytest

import powermap_kit as pk
from powermap_kit.cli import main
from powermap_kit.grading import DEFAULT_WEIGHTS, key_problems, load_key

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def key_data():
    return json.loads((FIXTURES / "grading_key.json").read_text("utf-8"))


def problems_of(data):
    return [(p.place, p.render("en")) for p in key_problems(pk.load_map(data))]


def with_grading(key_data, path, value):
    data = copy.deepcopy(key_data)
    target = data["grading"]
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    return data


def test_fixture_key_is_clean_and_loads(key_data):
    assert problems_of(key_data) == []
    key = load_key(key_data)
    assert key.tolerance == 1 and key.weights == {k: float(v) for k, v in DEFAULT_WEIGHTS.items()}
    assert [i.id for i in key.insights] == ["true-dm", "it-not-dm", "coach", "it-sways-dean", "mode"]
    assert key.insights[0].expect["roles_include"] == ("decision_maker",)


def test_default_weights_sum_to_100():
    assert sum(DEFAULT_WEIGHTS.values()) == 100


# (path in grading, bad value, expected place, message fragment)
BAD = [
    (["aliases", "nobody"], ["X"], "grading.aliases.nobody", "not the id of any stakeholder in the key"),
    (["aliases", "dean"], ["赵 军"], "grading.aliases.dean[0]", "already names it_head"),
    (["aliases", "vp"], ["Wang Fang", "Zhao Jun"], "grading.aliases.it_head[0]", "already names vp"),
    (["aliases", "vp"], "Wang Fang", "grading.aliases.vp", "should be a list of strings"),
    (["weights"], {"rolez": 10}, "grading.weights.rolez", 'not a criterion (one of people, roles'),
    (["weights"], {"roles": "high"}, "grading.weights.roles", "should be a number of points"),
    (["weights"], {"roles": -5}, "grading.weights.roles", "should be a number of points"),
    (["weights"], {"insights": 10}, "grading.weights.insights", "insights carry their own points"),
    (["tolerance"], {"power": 9}, "grading.tolerance.power", "from 0 to 4"),
    (["tolerance"], {"stance": 1}, "grading.tolerance.stance", "has no tolerance"),
    (["weigths"], {}, "grading.weigths", "not a grading setting"),
    (["extra_people"], "some", "grading.extra_people", "should be a number of points"),
    (["insights", 0, "expect", "stakeholder"], "deen", "grading.insights[0].expect.stakeholder",
     "not the id of any stakeholder in the key"),
    (["insights", 0, "expect", "roles_include"], "decider", "grading.insights[0].expect.roles_include",
     "is not one of approver"),
    (["insights", 0, "expect", "power_min"], 9, "grading.insights[0].expect.power_min", "from 1 to 5"),
    (["insights", 0, "expect", "role_include"], "approver", "grading.insights[0].expect.role_include",
     "not an insight expectation"),
    (["insights", 0, "points"], "ten", "grading.insights[0].points", "above 0"),
    (["insights", 1, "id"], "true-dm", "grading.insights[1].id", "already the id of insights[0]"),
    (["insights", 2, "expect"], {"coach": True}, "grading.insights[2].expect", "add \"stakeholder\""),
    (["insights", 2, "expect"], {}, "grading.insights[2].expect", "at least one expectation"),
    (["insights", 3, "expect", "relationship"], {"source": "it_head", "target": "ghost", "type": "influences"},
     "grading.insights[3].expect.relationship.target", "not the id of any stakeholder in the key"),
    (["insights", 4, "expect", "decision_mode"], "top_down", "grading.insights[4].expect",
     "the key's own map does not meet insight \"mode\""),
    (["insights", 0, "expect", "power_max"], 3, "grading.insights[0].expect", "power_min 4 is above power_max 3"),
]


@pytest.mark.parametrize("path,value,place,fragment", BAD, ids=[b[2] + ":" + b[3][:20] for b in BAD])
def test_bad_grading_sections_are_reported_with_place(key_data, path, value, place, fragment):
    found = problems_of(with_grading(key_data, path, value))
    assert any(pl == place and fragment in msg for pl, msg in found), found


def test_suggestions_for_near_misses(key_data):
    found = dict(problems_of(with_grading(key_data, ["weights"], {"rolez": 10})))
    assert 'did you mean "roles"?' in found["grading.weights.rolez"]
    found = dict(problems_of(with_grading(key_data, ["aliases", "deen"], ["x"])))
    assert 'did you mean "dean"?' in found["grading.aliases.deen"]


def test_load_key_raises_key_format_error_listing_all_problems(key_data):
    data = with_grading(key_data, ["aliases", "nobody"], ["X"])
    data["grading"]["weights"] = {"roles": "high"}
    with pytest.raises(pk.KeyFormatError) as err:
        load_key(data)
    assert len(err.value.problems) == 2
    assert isinstance(err.value, pk.MapFormatError)


def test_an_invalid_map_as_key_is_a_key_error(tmp_path):
    path = tmp_path / "key.json"
    path.write_text('{"format": "powermap/1", "stakeholders": [{"id": "a"}]}', "utf-8")
    with pytest.raises(pk.KeyFormatError, match=r"stakeholders\[0\]\.name"):
        load_key(path)


def test_problem_messages_in_chinese(key_data):
    data = with_grading(key_data, ["aliases", "nobody"], ["X"])
    (problem,) = key_problems(pk.load_map(data))
    assert "不是答案中任何人员的 id" in problem.render("zh")


def test_a_plain_map_is_a_valid_key_with_default_weights(small_map):
    assert key_problems(small_map) == []
    assert load_key(small_map).weights["roles"] == 25


def test_a_key_with_nothing_to_grade_is_rejected():
    with pytest.raises(pk.KeyFormatError, match="nothing to score"):
        load_key({"format": "powermap/1", "stakeholders": []})
    with pytest.raises(pk.KeyFormatError, match="nothing to score"):
        load_key({"format": "powermap/1", "stakeholders": [{"id": "a", "name": "A"}],
                  "grading": {"weights": {"people": 0}}})


def test_validate_cli_checks_the_grading_section(key_data, tmp_path, capsys):
    good = tmp_path / "key.json"
    good.write_text(json.dumps(key_data, ensure_ascii=False), "utf-8")
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(with_grading(key_data, ["aliases", "nobody"], ["X"]), ensure_ascii=False), "utf-8")
    assert main(["validate", str(good)]) == 0
    capsys.readouterr()
    assert main(["validate", str(bad)]) == 1
    out = capsys.readouterr().out
    assert "grading.aliases.nobody" in out and "not the id of any stakeholder in the key" in out


def test_case_study_keys_are_valid():
    keys = sorted(Path(__file__).parent.parent.glob("case_studies/*/key.json"))
    keys += sorted(Path(__file__).parent.parent.glob("case_studies/*/twist/key.json"))
    for path in keys:
        assert key_problems(pk.load_map(path), file=str(path)) == [], path
