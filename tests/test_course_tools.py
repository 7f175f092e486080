"""Course checks and tables for notebooks 07–14 (powermap_kit.course): checks explain and never raise,
tables and agendas add up."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from powermap_kit import course as ct
from powermap_kit import vocab
from powermap_kit.errors import PowerMapError
from powermap_kit.cases import load_case

ROOT = Path(__file__).resolve().parents[1]
DATA = json.loads((ROOT / "powermap_kit" / "data" / "course.json").read_text("utf-8"))

def texts(result):
    return [text for _, text in result.lines]


# Each exercise check with the data's own right answers.
RIGHT = {
    "sources": (ct.check_sources, {i["id"]: i["answer"] for i in DATA["source_items"]}),
    "trust": (ct.check_trust, {i["id"]: i["answer"] for i in DATA["trust_items"]}),
    "moves": (ct.check_opponent_moves, [i["id"] for i in DATA["opponent_moves"] if i["good"]]),
    "compliance": (ct.check_compliance, {i["id"]: "ok" if i["ok"] else "not_ok" for i in DATA["compliance_items"]}),
    "relationship": (ct.check_relationship_order, list(vocab.RELATIONSHIP_STEPS)),
}


@pytest.mark.parametrize("lang", vocab.LANGUAGES)
@pytest.mark.parametrize("name", RIGHT)
def test_right_answers_are_right_in_both_languages(name, lang):
    check, answer = RIGHT[name]
    result = check(answer, lang=lang)
    assert result.status == "right", str(result)
    assert result.score == 1.0 and result.ok


@pytest.mark.parametrize("empty", [None, [], {}])
@pytest.mark.parametrize("name", RIGHT)
def test_unanswered_checks_give_guidance_and_do_not_raise(name, empty):
    check, answer = RIGHT[name]
    result = check(empty, lang="en")
    assert result.status == "unanswered" and result.score == 0.0
    assert result.lines and result.hint
    assert "Where to look" in str(result)


def test_nonsense_answers_are_explained_not_raised():
    assert "is not one of" in str(ct.check_relationship_order(["make coffee"], lang="en"))
    assert "is not a question" in str(ct.check_trust({"t99": "stance"}, lang="en"))
    assert "neither" in str(ct.check_compliance({"c1": "maybe"}, lang="en"))
    assert "is not one of" in str(ct.check_sources({"s1": "gossip"}, lang="en"))
    assert ct.check_opponent_moves(["m9"], lang="en").status == "wrong"


def test_order_check_names_the_misplaced_step():
    order = ["work_together", "get_information", "understand_needs", "private_meeting", "solve_problems"]
    result = ct.check_relationship_order(order, lang="en")
    assert result.status == "partly"
    assert "Step 3 should be “One-to-one meeting”, not “Understand needs”." in texts(result)
    # Labels in either language are accepted as well as codes.
    assert ct.check_relationship_order(["谋求共事", "获取信息", "私人约会", "了解需求", "解决问题"]).ok


def test_wrong_classification_gives_the_reason():
    result = ct.check_trust({"t2": "stance"}, lang="en")
    assert any("you chose Stance trust; better: Expertise trust" in line for line in texts(result))
    assert result.lines[0][1].startswith("Not answered") and result.lines[0][0] == "unanswered"


def test_compliance_accepts_booleans_and_words():
    answers = {i["id"]: i["ok"] for i in DATA["compliance_items"]}
    assert ct.check_compliance(answers).ok
    assert ct.check_compliance({"c2": "ok"}, lang="zh").status == "wrong"


def test_practice_map_grading():
    assert ct.check_practice_map(ct.practice_key()).ok
    assert ct.check_practice_map(ct.practice_blank()).status == "unanswered"
    colleague = ct.check_practice_map(ct.colleague_map(), lang="en")
    assert colleague.status == "partly"
    assert any("Dean Chen decides" in line for line in texts(colleague))


def test_colleague_map_shows_what_notebook_08_teaches():
    from powermap_kit.analysis import analyse

    result = analyse(ct.colleague_map(), today=ct.PRACTICE_TODAY)
    codes = {r.code for r in result.risks}
    assert {"hidden_power", "coach_unverified", "key_role_not_covered"} <= codes
    assert [r["id"] for r in result.hidden_power] == ["chen_xiaohong"]
    assert result.conflicts and result.paths
    assert ct.check_hidden_power(result, ["Dean Chen"]).ok
    assert ct.check_quadrant(ct.practice_key(), ["Chen Xiaohong"]).ok


def test_people_are_found_by_alias_or_part_of_a_name():
    result = ct.check_quadrant(ct.colleague_map(), ["Zhou", "Wang Jian"], quadrant="key_ally", lang="en")
    assert result.ok, str(result)
    assert "is not on this map" in str(ct.check_quadrant(ct.colleague_map(), ["Nobody"], lang="en"))


@pytest.mark.parametrize("slug", ["it-solution", "medical-device"])
def test_case_checks(slug):
    case = load_case(slug)
    empty = ct.check_case_map(case.blank_map(), case, lang="en")
    assert empty.status == "unanswered"
    assert case.documents[0].title["en"] in " ".join(texts(empty))
    strong = ct.check_case_map(case.submission("strong"), case)
    weak = ct.check_case_map(case.submission("weak"), case)
    assert strong.score > weak.score
    assert weak.status != "right" and weak.lines[0][1].startswith("Score")
    assert ct.check_case_map(case.key, case).ok
    assert ct.check_case_map(case.twist_key, case, twist=True).ok


@pytest.mark.parametrize("slug", ["it-solution", "medical-device"])
def test_twist_update(slug):
    case = load_case(slug)
    assert ct.check_twist_update(case.key, case.key.copy(), case).status == "unanswered"
    assert ct.check_twist_update(case.key, case.blank_map(), case).status == "unanswered"
    done = ct.check_twist_update(case.key, case.twist_key, case, lang="en")
    assert done.ok, str(done)
    assert done.lines[0][1] == "Against the updated key: 100 / 100."
    half = case.key.copy()
    first = next(c for c in __import__("powermap_kit").diff.compare(case.key, case.twist_key).changes
                 if c["change"] == "power")
    half.update_stakeholder(first["stakeholder"], power=first["new"])
    partly = ct.check_twist_update(case.key, half, case, lang="zh")
    assert partly.status == "partly"
    assert any(line.startswith("还没更新") for line in texts(partly))


def test_priorities():
    case = load_case("it-solution")
    good = ct.check_priorities(["Director Lu", "Han Jing", "Shen Guodong"], case, lang="en")
    assert good.ok, str(good)
    trap = ct.check_priorities(["Xu Kai"], case, lang="en")
    assert trap.status == "wrong" and "single-threading" in trap.lines[0][1]
    many = ct.check_priorities(["Lu", "Han", "Shen", "Ma Lixin"], case, lang="en")
    assert many.status == "partly" and "choose 3" in many.lines[0][1]
    assert ct.check_priorities([], case).status == "unanswered"


def test_visit_plan():
    plan = {code: "A full sentence that a colleague could act on." for code in DATA["visit_items"]}
    assert ct.check_visit_plan(plan, person="Dean Chen").status == "wrong", "five filled boxes are not a plan"
    plan.update(visit_goal="Dean Chen's worry is the audit deadline", commitment="Dean Chen confirms the pilot scope",
                next_step="Send the pilot outline by Friday")
    assert ct.check_visit_plan(plan, person="Dean Chen").ok
    assert ct.check_visit_plan({"visit_goal": "demo"}).status == "wrong"
    assert ct.check_visit_plan({"visit_goal": "请陈处长在周五前确认试点范围"}, lang="zh").status == "partly"
    assert ct.check_visit_plan({}).status == "unanswered"


def test_html_escapes_learner_text():
    result = ct.check_visit_plan({"assumed_needs": "<script>alert(1)</script> *bold* needs `x`"})
    page = result._repr_html_()
    assert "<script>" not in page and "&lt;script&gt;" in page
    # Our own guidance shows its code spans as code.
    assert "<code>my_map.add_stakeholder(...)</code>" in ct.check_practice_map(None)._repr_html_()


@pytest.mark.parametrize("lang", vocab.LANGUAGES)
def test_tables_have_both_languages(lang):
    for table in (ct.information_sources, ct.stance_strategies, ct.trust_table, ct.needs_and_motives,
                  ct.relationship_steps, ct.visit_preparation, ct.executive_gaps, ct.executive_steps,
                  ct.source_items, ct.opponent_moves, ct.trust_items, ct.compliance_items):
        frame = table(lang=lang).data
        assert len(frame) >= 3
        assert not frame.isna().any().any()
        assert "<table" in table(lang=lang).to_html()
    assert list(ct.relationship_steps(lang="en").data["中文"])[0] == "谋求共事"
    assert list(ct.trust_table(lang=lang).data.iloc[:, 1]) == [*vocab.TRUST_DIMENSIONS, *vocab.ORG_TRUST]


def test_tables_escape_text():
    from powermap_kit.course._base import columns_table

    html = columns_table([{"code": "<script>x</script>"}], ["code"], "en").to_html()
    assert "<script>" not in html and "&lt;script&gt;" in html


@pytest.mark.parametrize("slug", ["it-solution", "medical-device", "education-software", "equipment-group"])
@pytest.mark.parametrize("lang", vocab.LANGUAGES)
def test_debrief_questions(slug, lang):
    case = load_case(slug)
    questions = str(ct.debrief_questions(case, lang))
    assert questions.lstrip().startswith("1.")
    assert "key.json" not in questions  # only the questions, not the expert map
    assert len(ct.documents_table(case, lang).data) == len(case.documents)


def _session_minutes(frame, day):
    rows = frame[frame["Day"] == day]
    breaks = rows["Session"].isin([vocab.text("course.agenda.break", lang="en"),
                                   vocab.text("course.agenda.lunch", lang="en")])
    return int(rows.loc[~breaks, "Minutes"].sum()), list(rows["Notebook"])


@pytest.mark.parametrize("case", ["10", "11"])
def test_one_day_agenda_follows_seed_003(case):
    frame = ct.agenda("one_day", case=case, lang="en").data
    minutes, notebooks = _session_minutes(frame, 1)
    assert 330 <= minutes <= 375  # about six hours of sessions (seed 003: 6 h a day)
    wanted = ["00b", "01", "02", "03", "04", "05", "06", "07", "08", case, "16"]  # the case needs 06 and 08
    assert list(dict.fromkeys(n.split("_")[0] for n in notebooks if n)) == wanted
    assert frame["Start"].iloc[0] == "09:00"


def test_two_day_agenda_covers_everything():
    frame = ct.agenda("two_day", lang="en", start="08:30").data
    notebooks = []
    for day in (1, 2):
        minutes, names = _session_minutes(frame, day)
        assert 330 <= minutes <= 375, (day, minutes)
        notebooks += [(day, n.split("_")[0]) for n in names if n]
    assert list(dict.fromkeys(n for _, n in notebooks)) == ["00b", *(f"{i:02d}" for i in range(1, 14)), "16"]
    day_two = {n for d, n in notebooks if d == 2}
    assert {"10", "11", "12"} <= day_two  # both flagship cases and the dynamic change
    assert frame["Start"].iloc[0] == "08:30"
    # Times run on without gaps within a day.
    for day in (1, 2):
        rows = frame[frame["Day"] == day]
        assert list(rows["End"])[:-1] == list(rows["Start"])[1:]


def test_agenda_rejects_unknown_tracks():
    with pytest.raises(PowerMapError, match='track: "three_day" is not one of'):
        ct.agenda("three_day")
    with pytest.raises(PowerMapError, match='case: "12" is not one of'):
        ct.agenda(case="12")


def test_module_times_match_the_notebooks():
    """Where a notebook states its time, the agenda uses the same minutes."""
    for module in DATA["modules"]:
        path = ROOT / "notebooks" / "en" / module["file"]
        if not path.exists():
            continue
        cells = json.loads(path.read_text("utf-8"))["cells"]
        head = "".join(cells[0]["source"])
        found = re.search(r"\*\*Time:\*\*\s*(\d+) minutes teaching(?: \+ (\d+) minutes exercises?)?", head)
        if found:
            teach, exercise = int(found.group(1)), int(found.group(2) or 0)
            assert (teach, exercise) == (module["teach"], module["exercise"]), module["file"]


def test_every_text_key_used_exists():
    source = "".join(p.read_text("utf-8") for p in (ROOT / "powermap_kit" / "course").glob("*.py"))
    texts = vocab._texts()
    for key in re.findall(r'\bt\("([a-z_.]+)"', source):
        if not key.endswith("."):
            assert f"course.{key}" in texts, key
    for item in DATA["source_items"]:
        assert f"course.source_item.{item['id']}.why" in texts
    for kind in ("trust_items", "opponent_moves", "compliance_items"):
        prefix = {"trust_items": "trust_item", "opponent_moves": "move", "compliance_items": "compliance"}[kind]
        for item in DATA[kind]:
            assert f"course.{prefix}.{item['id']}.why" in texts


def test_run_command(tmp_path):
    key = ROOT / "case_studies" / "it-solution" / "key.json"
    result = ct.run_command(f"powermap score --key {key} {key.parent / 'submissions'} --format json")
    assert result.returncode == 0
    assert json.loads(result.stdout)[0]["total"] > 0
    assert str(result).startswith("$ powermap score")
    missing = ct.run_command("no-such-command-xyz")
    assert missing.returncode == 127 and "not found" in str(missing)
    failing = ct.run_command(f"powermap validate {tmp_path / 'nothing.json'}")
    assert failing.returncode != 0 and "exit code" in str(failing)


def test_workbook_placeholders_count_as_unanswered():
    assert ct.check_sources({"s1": None, "s2": ""}).status == "unanswered"
    assert ct.check_compliance({i["id"]: None for i in DATA["compliance_items"]}).status == "unanswered"
    assert ct.check_priorities([None, "", None], ct.practice_key()).status == "unanswered"
    assert ct.check_quadrant(ct.practice_key(), "Dean Chen").ok  # a lone name is one pick


def test_quadrant_table_and_action_summary():
    from powermap_kit.analysis import QUADRANTS, analyse

    assert list(ct.quadrant_table(lang="zh").data.iloc[:, 0]) == list(QUADRANTS)
    plan = ct.action_summary(analyse(ct.practice_key(), today=ct.PRACTICE_TODAY), lang="zh").data
    assert len(plan) == len(ct.practice_key())
    assert list(plan.columns)[:2] == ["优先级", "姓名"]


def test_saved_map(tmp_path):
    from powermap_kit import save_map

    fallback = ct.practice_key()
    assert len(ct.saved_map(tmp_path / "missing.json", fallback)) == len(fallback)
    (tmp_path / "broken.json").write_text("{", "utf-8")
    assert len(ct.saved_map(tmp_path / "broken.json", fallback)) == len(fallback)
    save_map(ct.practice_blank(), tmp_path / "empty.json")
    assert len(ct.saved_map(tmp_path / "empty.json", fallback)) == len(fallback)
    save_map(ct.colleague_map(), tmp_path / "mine.json")
    mine = ct.saved_map(tmp_path / "mine.json", fallback)
    assert mine.stakeholder("zhou_ming").roles == ["decision_maker"]
    copy = ct.saved_map(tmp_path / "missing.json", fallback)
    copy.update_stakeholder("zhou_ming", power=1)
    assert fallback.stakeholder("zhou_ming").power == 3  # a copy, never the fallback itself


@pytest.mark.parametrize("lang", vocab.LANGUAGES)
def test_analysis_tables(lang):
    from powermap_kit.analysis import analyse

    result = analyse(ct.colleague_map(), today=ct.PRACTICE_TODAY)
    for part in ("routes", "conflicts", "hidden", "risks"):
        frame = ct.analysis_table(result, part, lang=lang).data
        assert len(frame) >= 1 and not any(c.islower() and "_" in c for c in frame.columns)
    routes = ct.analysis_table(result, "routes", lang=lang).data
    assert "孙丽 → 陈晓红 → 王健" in list(routes.iloc[:, 1])
    with pytest.raises(PowerMapError, match='part: "people" is not one of routes'):
        ct.analysis_table(result, "people")


