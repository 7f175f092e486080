"""grade(): matching, each criterion's rule, feedback that teaches, error results, case studies."""

import copy
import json
from pathlib import Path

import pytest

import powermap_kit as pk
from powermap_kit.grading import grade, load_key

ROOT = Path(__file__).parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
KEY = FIXTURES / "grading_key.json"


@pytest.fixture
def key():
    return load_key(KEY)


@pytest.fixture
def key_data():
    return json.loads(KEY.read_text("utf-8"))


def submission_from_key(key_data, **changes):
    """The key as a trainee would hand it in (no grading section), with people changed by id."""
    data = copy.deepcopy(key_data)
    del data["grading"]
    for person in data["stakeholders"]:
        person.update(changes.get(person["id"], {}))
    return data


def only(key_data, *criteria, insights=False):
    """The key weighted on some criteria only, so one rule can be read off the total."""
    data = copy.deepcopy(key_data)
    data["grading"]["weights"] = {c: (10 if c in criteria else 0) for c in
                                  ("people", "roles", "power", "stance", "coach", "relationships", "stage",
                                   "decision_mode")}
    if not insights:
        del data["grading"]["insights"]
    return load_key(data)


def test_the_key_scores_100_against_itself(key):
    result = grade(KEY, key)
    assert result.total == 100.0 and result.feedback == []
    assert sum(result.maxima.values()) == pytest.approx(100, abs=0.3)
    assert all(m.how == "id" for m in result.matches)


def test_a_good_map_with_other_ids_and_spellings_scores_100(key):
    result = grade(FIXTURES / "grading_good.json", key)
    assert result.total == 100.0
    assert {m.a: m.how for m in result.matches} == {
        "dean": "alias", "vp": "alias", "it_head": "alias", "secretary": "alias", "teacher": "alias", "buyer": "name"}


def test_the_classic_error_scores_low_with_teaching_feedback(key):
    result = grade(FIXTURES / "grading_classic_error.json", key, lang="en")
    assert 10 < result.total < 40
    assert result.missing == ["vp", "teacher"] and result.extra == ["x"]
    text = "\n".join(result.feedback)
    assert "You marked 赵军 as “Decision maker”; the key has “Evaluator, Influencer” — revisit notebook 04" in text
    assert "The dean, not the IT head, decides." in text          # the key's own insight feedback
    assert "You marked Chen Xiao as a coach; the key does not" in text
    assert "You drew Dean of studies → 赵军 (Reports to); the key has 赵军 → Dean of studies (Influences)" in text
    points = [item.points for item in result.items]
    assert points == sorted(points, reverse=True)                  # most costly first
    assert result.items[0].code.startswith("missing")


def test_feedback_follows_the_language(key):
    zh = grade(FIXTURES / "grading_classic_error.json", key, lang="zh")
    text = "\n".join(zh.feedback)
    assert "你把赵军标为“决策者”；答案为“决策支持评估者、影响者”——请复习第 04 讲" in text
    assert "真正的决策者是教务处处长。" in text
    en = grade(FIXTURES / "grading_classic_error.json", key, lang="en")
    assert en.lines("zh") == zh.feedback
    pk.set_language("zh")
    assert grade(FIXTURES / "grading_classic_error.json", key).feedback == zh.feedback


def test_issue_example_sentence():
    key = {"format": "powermap/1", "stakeholders": [{"id": "q", "name": "Qian Hao", "roles": ["evaluator"]}]}
    sub = {"format": "powermap/1", "stakeholders": [{"id": "x", "name": "Qian Hao", "roles": ["decision_maker"]}]}
    (line,) = grade(sub, key, lang="en").feedback
    assert line == ("You marked Qian Hao as “Decision maker”; the key has “Evaluator” — revisit notebook 04, "
                    "decision chain")


def test_missing_person_is_one_line_with_everything_it_cost(key, key_data):
    data = submission_from_key(key_data)
    data["stakeholders"] = [p for p in data["stakeholders"] if p["id"] != "buyer"]
    data["relationships"] = [r for r in data["relationships"] if "buyer" not in (r["source"], r["target"])]
    result = grade(data, key, lang="en")
    (line,) = [i for i in result.items if i.stakeholder == "buyer"]
    assert line.code == "missing_titled"
    assert result.feedback[0].startswith("Qian Hao (钱浩), Procurement Manager 采购经理, is missing from your map")
    assert "Purchasing executor; power 2; stance “Opposes us”" in result.feedback[0]
    assert line.points == pytest.approx(100 - result.total, abs=0.15)


def test_roles_get_partial_credit_for_overlap(key_data):
    key = only(key_data, "roles")
    half = submission_from_key(key_data, it_head={"roles": ["evaluator"]})            # 1 of 2
    third = submission_from_key(key_data, it_head={"roles": ["evaluator", "user", "influencer", "observer"]})
    none = submission_from_key(key_data, it_head={"roles": []})
    per_person = 100 / 6
    assert grade(half, key).total == pytest.approx(100 - per_person / 2, abs=0.1)
    assert grade(third, key).total == pytest.approx(100 - per_person / 2, abs=0.1)
    assert grade(none, key).total == pytest.approx(100 - per_person, abs=0.1)
    assert "You gave 赵军 no role" in grade(none, key, lang="en").feedback[0]


def test_power_full_within_tolerance_half_one_beyond(key_data):
    key = only(key_data, "power")
    per_person = 100 / 6
    assert grade(submission_from_key(key_data, dean={"power": 4}), key).total == 100
    assert grade(submission_from_key(key_data, dean={"power": 3}), key).total == pytest.approx(100 - per_person / 2, abs=0.1)
    assert grade(submission_from_key(key_data, dean={"power": 1}), key).total == pytest.approx(100 - per_person, abs=0.1)
    unknown = submission_from_key(key_data, dean={"power": None})
    assert "You left 李明's power unknown; the key has 5" in grade(unknown, key, lang="en").feedback[0]


def test_tolerance_comes_from_the_key(key_data):
    data = copy.deepcopy(key_data)
    data["grading"]["tolerance"] = {"power": 0}
    data["grading"]["weights"] = {"people": 0, "roles": 0, "stance": 0, "coach": 0, "relationships": 0, "stage": 0,
                                  "decision_mode": 0}
    del data["grading"]["insights"]
    result = grade(submission_from_key(key_data, dean={"power": 4}), load_key(data))
    assert result.total == pytest.approx(100 - 100 / 12, abs=0.1)


def test_stance_exact_or_half_on_our_side(key_data):
    key = only(key_data, "stance")
    per_person = 100 / 6
    assert grade(submission_from_key(key_data, secretary={"stance": "support"}), key).total == pytest.approx(
        100 - per_person / 2, abs=0.1)                                     # champion vs support
    assert grade(submission_from_key(key_data, buyer={"stance": "neutral"}), key).total == pytest.approx(
        100 - per_person, abs=0.1)
    guess = grade(submission_from_key(key_data, vp={"stance": "support"}), key, lang="en")
    assert "the documents do not show it" in guess.feedback[0]          # the key says unknown
    assert grade(submission_from_key(key_data, vp={"stance": None}), key).total == 100


def test_coach_found_and_false_coach(key_data):
    key = only(key_data, "coach")
    assert grade(submission_from_key(key_data), key).total == 100
    missed = grade(submission_from_key(key_data, teacher={"coach": False}), key, lang="en")
    assert missed.total == pytest.approx(25, abs=0.1)
    assert "You did not mark 孙磊 as a coach" in missed.feedback[0]
    false = grade(submission_from_key(key_data, secretary={"coach": True}), key, lang="en")
    assert false.total == pytest.approx(100 - 25 / 5, abs=0.1)
    assert "verify a coach" in false.feedback[0]


def test_relationships_direction_matters_only_for_directed_types(key_data):
    key = only(key_data, "relationships")
    data = submission_from_key(key_data)
    flipped = copy.deepcopy(data)
    for rel in flipped["relationships"]:
        if rel["type"] in ("ally", "conflict"):
            rel["source"], rel["target"] = rel["target"], rel["source"]
    assert grade(flipped, key).total == 100
    reversed_ = copy.deepcopy(data)
    reversed_["relationships"][2] = {"source": "dean", "target": "it_head", "type": "influences"}
    result = grade(reversed_, key, lang="en")
    assert result.total == pytest.approx(100 - 100 / 6, abs=0.1)
    assert "the key has it the other way" in result.feedback[0]
    retyped = copy.deepcopy(data)
    retyped["relationships"][4]["type"] = "ally"
    assert "You drew 钱浩 — 赵军 (Ally); the key has 钱浩 — 赵军 (Conflict)" in grade(retyped, key, lang="en").feedback[0]


def test_relationships_are_read_through_the_matching(key_data):
    key = only(key_data, "relationships")
    result = grade(FIXTURES / "grading_good.json", key)
    assert result.total == 100


def test_stage_neighbour_half_and_decision_mode_exact(key_data):
    key = only(key_data, "stage", "decision_mode")
    data = submission_from_key(key_data)
    data["opportunity"] = {"stage": "decision", "decision_mode": "committee_scoring"}
    assert grade(data, key).total == 25.0
    data["opportunity"] = {"stage": "difficulty", "decision_mode": "recommend_then_approve"}
    assert grade(data, key).total == 50.0


def test_no_opportunity_section_scores_zero_there_with_feedback(key_data):
    key = only(key_data, "stage", "decision_mode")
    data = submission_from_key(key_data)
    del data["opportunity"]
    result = grade(data, key, lang="en")
    assert result.total == 0 and result.criteria == {"stage": 0.0, "decision_mode": 0.0}
    assert any("Your map has no buying stage" in line for line in result.feedback)
    assert any("Your map has no decision mode" in line for line in result.feedback)


def test_insights_count_only_when_every_expectation_holds(key_data):
    key = only(key_data, insights=True)
    assert grade(submission_from_key(key_data), key).total == 100
    weak_power = grade(submission_from_key(key_data, dean={"power": 3}), key)
    assert [i["id"] for i in weak_power.insights if not i["found"]] == ["true-dm"]
    assert weak_power.total == pytest.approx(100 - 100 * 10 / 30, abs=0.1)
    it_decides = grade(submission_from_key(key_data, it_head={"roles": ["decision_maker"]}), key, lang="en")
    assert "The IT head evaluates; he does not decide." in it_decides.feedback


def test_weights_are_normalised_to_100(key_data):
    data = copy.deepcopy(key_data)
    data["grading"]["weights"] = {"roles": 50}
    result = grade(KEY, load_key(data))
    assert result.total == 100
    assert sum(result.maxima.values()) == pytest.approx(100, abs=0.3)
    assert result.maxima["roles"] == pytest.approx(100 * 50 / (125 + 30), abs=0.1)


def test_extra_people_cost_nothing_unless_the_key_says_so(key_data):
    data = submission_from_key(key_data)
    data["stakeholders"].append({"id": "zz", "name": "Zhou Min"})
    assert grade(data, load_key(KEY)).total == 100
    strict = copy.deepcopy(key_data)
    strict["grading"]["extra_people"] = 5
    result = grade(data, load_key(strict), lang="en")
    assert result.total < 100 and result.extra == ["zz"]
    assert any("Zhou Min is not in the key" in line for line in result.feedback)


def test_title_match_is_reported(key):
    sub = {"format": "powermap/1", "stakeholders": [{"id": "x", "name": "Head of procurement", "title": "采购经理"}]}
    result = grade(sub, key, lang="en")
    assert [(m.a, m.how) for m in result.matches] == [("buyer", "title")]
    assert "Head of procurement was recognised as Qian Hao (钱浩) by title only" in result.feedback[-1]


@pytest.mark.parametrize("content,fragment", [
    (b"{not json", "not valid JSON"),
    (b'{"format": "powermap/1", "stakeholders": [{"id": "a", "name": "A", "power": 9}]}',
     "stakeholders[0].power"),
    (b"\xff\xfe", "not UTF-8"),
])
def test_a_bad_submission_gives_an_error_result(tmp_path, key, content, fragment):
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    result = grade(path, key)
    assert not result.ok and result.total is None and fragment in result.error
    assert result.submission == "bad" and result.to_dict()["error"] == result.error


def test_missing_file_and_bad_dict_give_error_results(key):
    assert "cannot be read" in grade("/no/such/file.json", key).error
    assert not grade({"format": "powermap/1"}, key).ok


def test_a_bad_key_raises(key_data):
    data = copy.deepcopy(key_data)
    data["grading"]["aliases"]["ghost"] = ["X"]
    with pytest.raises(pk.KeyFormatError, match="ghost"):
        grade(submission_from_key(key_data), data)


def test_result_as_data(key):
    result = grade(FIXTURES / "grading_classic_error.json", key, lang="en")
    data = json.loads(json.dumps(result.to_dict()))
    assert {"submission", "total", "criteria", "feedback", "matches", "insights"} <= set(data)
    assert data["submission"] == "trainee-hasty"
    assert data["feedback"] == result.feedback and data["details"][0]["points_lost"] == result.items[0].points
    assert sum(data["criteria"].values()) == pytest.approx(data["total"], abs=0.3)
    frame = result.to_frame("zh")
    assert list(frame["criterion"])[-1] == "total" and "角色" in list(frame["label"])
    assert "trainee-hasty" in str(result)
    people = {row["id"]: row for row in result.people}
    assert people["it_head"]["roles_missed"] == ["evaluator", "influencer"]
    assert people["vp"]["submission"] is None


def case_paths():
    for case in sorted(ROOT.glob("case_studies/*/")):
        subs = {q: case / "submissions" / f"{q}.json" for q in ("strong", "typical", "weak")}
        if (case / "key.json").exists() and all(p.exists() for p in subs.values()):
            yield pytest.param(case, id=case.name)


@pytest.mark.parametrize("case", list(case_paths()))
def test_case_studies_rank_strong_typical_weak(case):
    key = load_key(case / "key.json")
    assert grade(case / "key.json", key).total == 100
    scores = [grade(case / "submissions" / f"{q}.json", key).total for q in ("strong", "typical", "weak")]
    assert scores[0] > scores[1] > scores[2], scores
    twist = case / "twist" / "key.json"
    if twist.exists():
        assert grade(twist, load_key(twist)).total == 100
