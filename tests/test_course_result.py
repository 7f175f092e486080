"""The one answer-result type, and the append-only answer log.

Every check function of ``powermap_kit.course`` and every quiz widget returns a
:class:`~powermap_kit.course.Result`; an unanswered exercise gives status
``"unanswered"`` and guidance, never an exception. Answers are appended to the log one
complete line each, so concurrent writers (two quizzes, two processes) lose nothing.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

from powermap_kit import course, vocab
from powermap_kit.course import AnswerLog, Result
from powermap_kit.course.result import STATUSES
from powermap_kit.jsonlines import read_records

# Each check function with its arguments around an unanswered answer (None).
UNANSWERED = {
    "check_building_order": lambda: course.check_building_order(None),
    "check_case_decision_mode": lambda: course.check_case_decision_mode("it-solution", None),
    "check_case_map": lambda: course.check_case_map(None, "it-solution"),
    "check_case_stage": lambda: course.check_case_stage("it-solution", None),
    "check_coach_choice": lambda: course.check_coach_choice("it-solution", None),
    "check_coach_tips": lambda: course.check_coach_tips(None),
    "check_compliance": lambda: course.check_compliance(None),
    "check_decision_mode": lambda: course.check_decision_mode("mode-01", None),
    "check_decision_mode_answers": lambda: course.check_decision_mode_answers(None),
    "check_framework_terms": lambda: course.check_framework_terms("four_role", None),
    "check_gaps_answer": lambda: course.check_gaps_answer(course.practice_key(), "chen_xiaohong", None),
    "check_hidden_power": lambda: course.check_hidden_power(course.colleague_map(), None),
    "check_intelligence_gaps": lambda: course.check_intelligence_gaps("it-solution", None),
    "check_opponent_moves": lambda: course.check_opponent_moves(None),
    "check_pitfalls": lambda: course.check_pitfalls(None),
    "check_practice_map": lambda: course.check_practice_map(None),
    "check_priorities": lambda: course.check_priorities(None, course.practice_key()),
    "check_quadrant": lambda: course.check_quadrant(course.practice_key(), None),
    "check_relationship_order": lambda: course.check_relationship_order(None),
    "check_role": lambda: course.check_role("it-solution", "xu_kai", None),
    "check_role_answers": lambda: course.check_role_answers("it-solution", None),
    "check_sources": lambda: course.check_sources(None),
    "check_stage": lambda: course.check_stage("stage-01", None),
    "check_stage_answers": lambda: course.check_stage_answers(None),
    "check_support": lambda: course.check_support("it-solution", "ma_lixin", None),
    "check_support_levels": lambda: course.check_support_levels(None),
    "check_trust": lambda: course.check_trust(None),
    "check_twist_update": lambda: course.check_twist_update(None, None, "it-solution"),
    "check_visit_plan": lambda: course.check_visit_plan(None),
    "check_who_to_reach": lambda: course.check_who_to_reach("it-solution", None),
    "assess_support": lambda: course.assess_support({}),
}


def test_every_check_function_is_covered_here():
    checks = {name for name in course.__all__ if name.startswith(("check_", "assess_"))}
    assert checks == set(UNANSWERED)


@pytest.mark.parametrize("lang", vocab.LANGUAGES)
@pytest.mark.parametrize("name", sorted(UNANSWERED))
def test_every_check_returns_the_result_type_and_guides_when_unanswered(name, lang):
    vocab.set_language(lang)
    try:
        result = UNANSWERED[name]()
        assert type(result) is Result
        assert result.status == "unanswered" and result.correct is None and result.score == 0.0
        assert result.lines and all(mark in STATUSES for mark, _ in result.lines)
        assert str(result).startswith("○") and "pmk-feedback" in result._repr_html_()
        json.dumps(result.to_record())  # the answer log can keep it
    finally:
        vocab.set_language("en")


def test_the_same_kind_of_answer_reads_the_same_everywhere():
    quiz = course.check_stage("stage-11", "decision", lang="en").message
    case = course.check_case_stage("it-solution", "decision", lang="en").message
    coach = course.check_coach_choice("it-solution", "xu_kai", lang="en").message
    assert quiz.startswith("Not quite: you chose ") and case.startswith("Not quite: you chose ")
    assert coach.startswith("Not quite: you chose ")
    assert course.check_trust({"t2": "stance"}, lang="en").message == "Not quite"


def test_a_result_made_without_a_language_follows_the_language():
    result = course.check_case_stage("it-solution", "decision")
    assert "Not quite" in str(result)
    vocab.set_language("zh")
    try:
        assert "还不对" in str(result) and "评估产品" in result._repr_html_()
    finally:
        vocab.set_language("en")
    fixed = course.check_case_stage("it-solution", "decision", lang="en")
    vocab.set_language("zh")
    try:
        assert "Not quite" in str(fixed)  # an explicit language stays
    finally:
        vocab.set_language("en")


def test_quiz_widgets_return_the_result_type(comms, tmp_path, small_map):
    from powermap_kit.widgets import DecisionModeQuiz, RoleQuiz, StageQuiz, SupportAssessor

    widgets = [StageQuiz(count=2), DecisionModeQuiz(count=2), RoleQuiz(small_map)]
    for quiz in widgets:
        answer = quiz.question.expected if isinstance(quiz.question.expected, str) else list(quiz.question.expected)
        result = quiz.answer(answer)
        assert type(result) is Result and result.status == "right"
        assert all(type(r) is Result for r in quiz.results.values()) and type(quiz.feedback) is Result
        quiz.close()
    box = SupportAssessor(key=small_map, person="it_mgr")
    box.set_ratings({"solution_fit": 5, "trust": 4, "cooperation": 4})
    assert type(box.assessment) is Result and type(box.record()) is Result
    box.close()


# ---- the answer log ----------------------------------------------------------------------
WRITER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from powermap_kit.course import AnswerLog, check_stage
    path, name, go = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    while not go.exists():
        time.sleep(0.005)
    log = AnswerLog(path, learner=name)
    for n in range(100):
        log.record("stage_quiz", check_stage("stage-01", "difficulty", lang="zh"), n=n)
""")


def test_two_processes_writing_one_log_lose_no_answer(tmp_path):
    path, go = tmp_path / "room_answers.jsonl", tmp_path / "go"
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, str(path), name, str(go)]) for name in ("ana", "bo")]
    go.touch()  # both start at once
    assert [w.wait(timeout=120) for w in writers] == [0, 0]
    lines = path.read_text("utf-8").splitlines()
    assert len(lines) == 200
    records = [json.loads(line) for line in lines]  # every line complete
    for name in ("ana", "bo"):
        assert sorted(r["n"] for r in records if r["learner"] == name) == list(range(100))


def test_two_quizzes_on_one_log_keep_both_answers(comms, tmp_path):
    from powermap_kit.widgets import StageQuiz

    path = tmp_path / "ana_answers.jsonl"
    first, second = StageQuiz(path=path, learner="ana"), StageQuiz(path=path, learner="ana")
    first.answer(first.question.expected)
    second.next()
    second.answer(second.question.expected)
    assert len(AnswerLog(path).records) == 2
    again = StageQuiz(path=path, learner="ana")
    assert set(again.results) == {first.question.id, second.question.id}
    for quiz in (first, second, again):
        quiz.close()


def test_a_torn_last_line_is_skipped_and_the_next_answer_starts_a_new_line(tmp_path):
    path = tmp_path / "ana_answers.jsonl"
    log = AnswerLog(path, learner="ana")
    log.record("stage_quiz", course.check_stage("stage-01", "difficulty"))
    with path.open("a", encoding="utf-8") as f:
        f.write('{"learner": "ana", "exerc')  # a kernel killed mid-write
    assert len(log.records) == 1
    log.record("stage_quiz", course.check_stage("stage-07", "project_approval"))
    assert [r["question"] for r in read_records(path)] == ["stage-01", "stage-07"]
    frame = course.collect_answers(tmp_path)
    assert list(frame["question"]) == ["stage-01", "stage-07"] and list(frame["status"]) == ["right", "right"]
