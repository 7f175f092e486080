"""The bad-input corpus: one case per rule of format.md "Rejected input"."""

import copy
import json

import pytest

import powermap_kit as pk


def base():
    return {
        "format": "powermap/1",
        "opportunity": {"stage": "evaluating", "decision_mode": "top_down"},
        "stakeholders": [
            {"id": "a", "name": "Wang Wei", "roles": ["decision_maker"], "power": 5, "stance": "neutral",
             "support": {"trust": 3}, "relationship_step": "get_information", "last_verified": "2026-01-02"},
            {"id": "b", "name": "Li Na", "roles": ["evaluator"], "power": 3},
            {"id": "c", "name": "Zhou Min"},
        ],
        "relationships": [
            {"source": "b", "target": "a", "type": "reports_to"},
            {"source": "c", "target": "b", "type": "influences", "strength": 2},
        ],
        "coverage": [{"owner": "me", "stakeholder": "a", "channel": "visit", "strength": 2, "last_contact": "2026-01-01"}],
    }


def mutate(path, value):
    data = base()
    target = data
    for key in path[:-1]:
        target = target[key]
    if value is DELETE:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return data


DELETE = object()

# (case name, mutation path, new value, expected place, expected message fragment, suggestion or None)
CASES = [
    ("format missing", ["format"], DELETE, "format", "is required", None),
    ("format newer major", ["format"], "powermap/2", "format", "newer major version", None),
    ("format wrong", ["format"], "mindmap/1", "format", "not a power-map format", None),
    ("stakeholders missing", ["stakeholders"], DELETE, "stakeholders", "is required", None),
    ("stakeholders not a list", ["stakeholders"], {"a": 1}, "stakeholders", "should be a list", None),
    ("id missing", ["stakeholders", 0, "id"], DELETE, "stakeholders[0].id", "is required", None),
    ("name missing", ["stakeholders", 1, "name"], DELETE, "stakeholders[1].name", "is required", None),
    ("bad id", ["stakeholders", 2, "id"], "c d", "stakeholders[2].id", "not a valid id", None),
    ("duplicate id", ["stakeholders", 2, "id"], "a", "stakeholders[2].id", "already the id of stakeholders[0]", None),
    ("unknown role", ["stakeholders", 0, "roles"], ["decisionmaker"], "stakeholders[0].roles[0]", "not one of", "decision_maker"),
    ("unknown stance", ["stakeholders", 0, "stance"], "supporter", "stakeholders[0].stance", "not one of", "support"),
    ("unknown step", ["stakeholders", 0, "relationship_step"], "get_info", "stakeholders[0].relationship_step", "not one of", "get_information"),
    ("unknown stage", ["opportunity", "stage"], "evaluation", "opportunity.stage", "not one of", "evaluating"),
    ("unknown mode", ["opportunity", "decision_mode"], "topdown", "opportunity.decision_mode", "not one of", "top_down"),
    ("unknown dimension", ["stakeholders", 0, "support"], {"trusts": 3}, "stakeholders[0].support", "not one of", "trust"),
    ("unknown relationship type", ["relationships", 0, "type"], "report_to", "relationships[0].type", "not one of", "reports_to"),
    ("unknown channel", ["coverage", 0, "channel"], "wechat", "coverage[0].channel", "not one of", None),
    ("power too high", ["stakeholders", 0, "power"], 6, "stakeholders[0].power", "from 1 to 5", None),
    ("power zero", ["stakeholders", 0, "power"], 0, "stakeholders[0].power", "from 1 to 5", None),
    ("power not integer", ["stakeholders", 0, "power"], 3.5, "stakeholders[0].power", "from 1 to 5", None),
    ("power is text", ["stakeholders", 0, "power"], "high", "stakeholders[0].power", "from 1 to 5", None),
    ("power is boolean", ["stakeholders", 0, "power"], True, "stakeholders[0].power", "from 1 to 5", None),
    ("support out of range", ["stakeholders", 0, "support"], {"trust": 9}, "stakeholders[0].support.trust", "from 1 to 5", None),
    ("strength out of range", ["relationships", 1, "strength"], 5, "relationships[1].strength", "from 1 to 3", None),
    ("coverage strength out of range", ["coverage", 0, "strength"], 0, "coverage[0].strength", "from 1 to 3", None),
    ("relationship to unknown id", ["relationships", 1, "target"], "zz", "relationships[1].target", "not the id of any stakeholder", None),
    ("relationship from unknown id", ["relationships", 1, "source"], "bb", "relationships[1].source", "not the id of any stakeholder", "b"),
    ("coverage of unknown id", ["coverage", 0, "stakeholder"], "x", "coverage[0].stakeholder", "not the id of any stakeholder", None),
    ("self relationship", ["relationships", 1, "target"], "c", "relationships[1]", "with itself", None),
    ("coach not boolean", ["stakeholders", 0, "coach"], "yes", "stakeholders[0].coach", "should be true or false", None),
    ("bad date", ["stakeholders", 0, "last_verified"], "2026-02-30", "stakeholders[0].last_verified", "YYYY-MM-DD", None),
    ("bad date format", ["coverage", 0, "last_contact"], "01/02/2026", "coverage[0].last_contact", "YYYY-MM-DD", None),
    ("name not text", ["stakeholders", 0, "name"], 42, "stakeholders[0].name", "should be a string", None),
    ("evidence not object", ["stakeholders", 0, "evidence"], ["x"], "stakeholders[0].evidence", "should be an object", None),
    ("negative value", ["opportunity", "value"], -5, "opportunity.value", "must not be negative", None),
    ("competitors not list", ["opportunity", "competitors"], "Vendor X", "opportunity.competitors", "list of strings", None),
]


CASCADES = {"id missing", "bad id", "duplicate id"}
SHOWN = {"unknown role": "decisionmaker", "unknown dimension": "trusts", "support out of range": 9}


@pytest.mark.parametrize("name,path,value,place,fragment,suggestion", CASES, ids=[c[0] for c in CASES])
def test_each_rule_is_reported_with_place_value_and_hint(tmp_path, name, path, value, place, fragment, suggestion):
    data = mutate(path, value)
    file = tmp_path / "bad.json"
    file.write_text(json.dumps(data), "utf-8")
    with pytest.raises(pk.MapFormatError) as err:
        pk.load_map(file)
    problems = err.value.problems
    places = [p.place for p in problems]
    # removing or renaming an id also leaves the lines that named it dangling: reported too
    assert places == [place] or (name in CASCADES and places[0] == place), places
    problem = problems[0]
    assert problem.file == str(file)
    assert fragment in problem.message()
    assert problem.render().startswith(f"{file}: {place}")
    if value is not DELETE and fragment != "with itself":
        shown = SHOWN.get(name, value)
        assert json.dumps(shown, ensure_ascii=False) in problem.message()  # the bad value is shown as written
    assert problem.suggestion == suggestion
    if problem.allowed:
        assert ", ".join(problem.allowed) in problem.message()


def test_reports_to_cycle_is_rejected_and_named():
    data = base()
    data["relationships"] += [{"source": "a", "target": "c", "type": "reports_to"},
                              {"source": "c", "target": "b", "type": "reports_to"}]
    with pytest.raises(pk.MapFormatError) as err:
        pk.load_map(data)
    (problem,) = err.value.problems
    assert problem.code == "cycle" and "b → a → c → b" in problem.message()


def test_influence_loops_are_allowed():
    data = base()
    data["relationships"].append({"source": "a", "target": "c", "type": "influences"})
    data["relationships"].append({"source": "b", "target": "c", "type": "influences"})
    pk.load_map(data)


def test_all_problems_are_reported_together():
    data = base()
    data["stakeholders"][0]["power"] = 9
    data["stakeholders"][1]["stance"] = "fan"
    data["relationships"][0]["target"] = "nobody"
    data["coverage"][0]["channel"] = "fax"
    with pytest.raises(pk.MapFormatError) as err:
        pk.load_map(data)
    assert [p.place for p in err.value.problems] == [
        "stakeholders[0].power", "stakeholders[1].stance", "relationships[0].target", "coverage[0].channel"]
    assert str(err.value).count("\n") == 4


@pytest.mark.parametrize("content,fragment", [
    (b"{not json", "not valid JSON: line 1 column 2"),
    (b"", "not valid JSON"),
    (b'{"format": "powermap/1", "stakeholders": [], "x": NaN}', "not valid JSON"),
    ('{"format": "powermap/1", "stakeholders": [{"id": "a", "name": "王"}]}'.encode("gbk"), "not UTF-8"),
    (b"[1, 2]", "should be an object"),
    (b'"just text"', "should be an object"),
])
def test_file_level_problems(tmp_path, content, fragment):
    file = tmp_path / "f.json"
    file.write_bytes(content)
    problems = pk.validate_file(file)
    assert len(problems) == 1 and fragment in problems[0].render() and str(file) in problems[0].render()
    with pytest.raises(pk.MapFormatError):
        pk.load_map(file)


def test_missing_file_is_a_problem_not_a_crash(tmp_path):
    (problem,) = pk.validate_file(tmp_path / "nope.json")
    assert problem.code == "unreadable"


def test_messages_in_chinese():
    data = mutate(["stakeholders", 0, "stance"], "supporter")
    pk.set_language("zh")
    with pytest.raises(pk.MapFormatError) as err:
        pk.load_map(data)
    assert "不是以下之一" in str(err.value) and "是否想写" in str(err.value)


def test_deeply_nested_json_does_not_crash(tmp_path):
    file = tmp_path / "deep.json"
    file.write_text("[" * 100000 + "]" * 100000)
    problems = pk.validate_file(file)
    assert problems and problems[0].code in {"not_json", "wrong_type"}


def test_valid_base_really_is_valid():
    pk.load_map(copy.deepcopy(base()))
