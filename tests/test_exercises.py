"""Quizzes: the question banks and single-answer checks of powermap_kit.course, the answer
log, and the quiz widgets over them (driven through their methods with a recording comm,
no browser)."""

from __future__ import annotations

import json
import re

import pytest

import powermap_kit as pk
from powermap_kit import course as exercises
from powermap_kit import vocab
from powermap_kit.course import AnswerLog, assess_support, check_decision_mode, check_role, check_stage

CJK = re.compile(r"[\u4e00-\u9fff]")


# ---- a recording comm (ipywidgets' tests/utils.py pattern) ------------------------------
@pytest.fixture
def key(small_map):
    return small_map


# ---- pure checking ------------------------------------------------------------------------
def test_stage_bank_covers_every_stage_with_signals_and_statements_in_both_languages():
    for lang in ("en", "zh"):
        qs = exercises.stage_questions(lang=lang, shuffle=False)
        assert {q.expected for q in qs} == set(vocab.STAGES)
        assert all(q.prompt.strip() for q in qs)
        if lang == "zh":
            assert all(CJK.search(q.prompt) for q in qs)
    ids = [q.id for q in exercises.stage_questions(statement_set=None)]
    assert len(ids) == len(set(ids)) >= 45
    # the stage guide's signal texts are never questions (a learner could copy the table)
    assert not any(i.startswith("signal-") for i in ids)


def test_stage_order_is_mixed_but_repeatable():
    a = [q.id for q in exercises.stage_questions(seed=3)]
    assert a == [q.id for q in exercises.stage_questions(seed=3)]
    assert a != [q.id for q in exercises.stage_questions(shuffle=False)]
    assert [q.id for q in exercises.stage_questions(lang="zh", seed=3)] == a


def test_check_stage_right_and_wrong_with_explanations():
    right = check_stage("stage-10", "evaluating", lang="en")
    assert right.correct and right.score == 1.0
    assert right.message == "Correct: Evaluating products."
    assert "Prove the company's, product's and service's capability." in right.explanation
    wrong = check_stage("stage-10", "exploring", lang="en")
    assert not wrong.correct and wrong.score == 0.0
    assert wrong.message == "Not quite: you chose Exploring the problem; the answer is Evaluating products."
    # the explanation contrasts with a signal of the stage chosen
    assert "Asks how other companies handle it" in wrong.explanation
    zh = check_stage("stage-10", "exploring", lang="zh")
    assert zh.message == "还不对：你选择了“探索问题”，正确答案是“评估产品”。"
    assert "证明公司、产品、服务能力" in zh.explanation


def test_check_stage_on_a_held_back_statement():
    held = exercises.stage_questions(statement_set="assessment_post", shuffle=False)[0]
    fb = check_stage(held.id, held.expected, lang="en")
    assert fb.correct
    # a notebook self-check cell shows the feedback, escaped
    label = vocab.label(held.expected, "stage", "en")
    assert str(fb).startswith(f"✔ Correct: {label}.\n")
    assert f"Correct: {label}." in fb._repr_html_()


def test_answers_may_be_labels_and_bad_answers_name_the_allowed_set():
    assert check_stage("stage-01", "遇到困难").correct
    bad = check_stage("stage-01", "nonsense")
    assert bad.status == "wrong" and "is not one of difficulty, exploring" in bad.lines[0][1]
    empty = check_stage("stage-01", "  ")
    assert empty.status == "unanswered" and "difficulty" in empty.lines[0][1]
    with pytest.raises(KeyError, match='question: "nope" is not a question of this exercise'):
        check_stage("nope", "difficulty")


def test_decision_mode_bank_and_check():
    qs = exercises.decision_mode_questions(lang="zh")
    assert {q.expected for q in qs} == set(vocab.DECISION_MODES) and all(CJK.search(q.prompt) for q in qs)
    fb = check_decision_mode("mode-04", "top_down", lang="en")
    assert not fb.correct
    assert "Who matters most: Evaluator, Decision maker, Decision approver." in fb.explanation
    assert "Top-down" not in fb.explanation and "A senior executive decides" in fb.explanation


def test_role_questions_and_partial_credit(key):
    qs = exercises.role_questions(key, lang="en")
    assert [q.id for q in qs] == ["cio", "it_mgr", "cfo", "buyer"]
    assert qs[0].prompt == "王伟 · CIO · IT" and qs[0].multiple
    exact = check_role(key, "cio", ["decision_maker"], lang="en")
    assert exact.correct and exact.message == "Correct: 王伟 is Decision maker."
    assert "Evidence in the case: Signs off IT budgets above 1M (org chart)" in exact.explanation
    partial = check_role(key, "cio", ["decision_maker", "influencer"], lang="en")
    assert not partial.correct and partial.score == 0.5
    assert "Not this person's role: Influencer." in partial.explanation
    wrong = check_role(key, "cfo", ["user"], lang="zh")
    assert wrong.score == 0.0 and wrong.message.startswith("还不对：")
    assert "漏选：决策审批者。" in wrong.explanation


def test_role_quiz_accepts_a_case_slug():
    qs = exercises.role_questions("education-software")
    assert len(qs) >= 8
    with pytest.raises(FileNotFoundError, match='key: no case "no-such-case" was found'):
        exercises.role_questions("no-such-case")


def test_support_assessment_uses_the_analysis_formula():
    from powermap_kit.analysis.support import support_score

    ratings = {"influence": 5, "solution_fit": 4, "trust": 2, "cooperation": 3, "contact_frequency": 3}
    a = assess_support(ratings, lang="en")
    assert a["support_score"] == support_score(pk.Stakeholder(id="x", name="x", support=ratings))
    assert a.status == "info" and a.level == "neutral" and a.message.startswith("Neutral (support score")
    assert "Weakest dimension: Trust (2 of 5)." in a.explanation
    assert "Influence says how much" in a.explanation
    unknown = assess_support({"trust": 4, "influence": None}, lang="zh")
    assert unknown.level == "unknown" and unknown["support_score"] is None and CJK.search(unknown.message)


def test_support_assessment_against_a_key_person(key):
    a = assess_support({"solution_fit": 5, "trust": 5, "cooperation": 5}, key=key, person="it_mgr", lang="en")
    assert a.level == "champion" and a.correct is True
    b = assess_support({"solution_fit": 5, "trust": 5, "cooperation": 5}, key=key, person="buyer", lang="en")
    assert b.correct is False and "Opposes us" in b.explanation


def test_answer_log_appends_atomically_and_keeps_unreadable_lines(tmp_path):
    path = tmp_path / "learner.jsonl"
    path.write_text('{"old": 1}\nnot json\n', encoding="utf-8")
    log = AnswerLog(path, learner="ana")
    log.record("stage_quiz", check_stage("stage-01", "difficulty", lang="zh"))
    lines = path.read_text("utf-8").splitlines()
    assert lines[:2] == ['{"old": 1}', "not json"]
    rec = json.loads(lines[2])
    assert rec["learner"] == "ana" and rec["exercise"] == "stage_quiz" and rec["correct"] is True
    assert "正确" in rec["message"]  # Chinese kept as is, not escaped
    assert not list(tmp_path.glob(".*.tmp"))
    frame = exercises.collect_answers(tmp_path)
    assert list(frame["question"].dropna()) == ["stage-01"] and frame["file"].iloc[0] == "learner.jsonl"


# ---- widgets --------------------------------------------------------------------------------
def test_stage_quiz_gives_feedback_records_and_restores(comms, tmp_path):
    from powermap_kit.widgets.quizzes import StageQuiz

    path = tmp_path / "answers" / "ana.jsonl"
    quiz = StageQuiz(path=path, learner="ana")
    seen = []
    quiz.on_answer(seen.append)
    q = quiz.question
    wrong = next(s for s in vocab.STAGES if s != q.expected)
    fb = quiz.answer(wrong)
    assert seen == [fb] and not fb.correct
    assert "Not quite" in quiz._feedback.value and all(html_text(text) in quiz._feedback.value for _, text in fb.lines)
    assert quiz._buttons[q.expected].button_style == "success" and quiz._buttons[wrong].button_style == "danger"
    assert all(b.disabled for b in quiz._buttons.values())
    assert quiz.answer(q.expected) == fb  # the first answer counts
    quiz.next()
    second = quiz.answer(quiz.question.expected)
    assert second.correct and "answered 2 · 1 correct" in quiz._progress.value
    records = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    assert [r["correct"] for r in records] == [False, True] and {r["learner"] for r in records} == {"ana"}
    assert "ana.jsonl" in quiz._status.value
    # the front end was told: the feedback text went over the comm
    assert "Not quite" in comms.sent_text()
    # where widgets do not render, the quiz is a printable sheet of its questions
    sheet = quiz._repr_mimebundle_()["text/html"]
    assert all(html_text(x.prompt) in sheet for x in quiz.questions) and "Facing difficulties" in sheet
    # reopening on the same file restores the answers and starts at the first unanswered question
    again = StageQuiz(path=path, learner="ana")
    assert again.index == 2 and set(again.results) == {q.id, quiz.questions[1].id}
    quiz.close()
    again.close()


def html_text(text: str) -> str:
    return str(exercises.inline(text))


def test_quiz_follows_the_language(comms):
    from powermap_kit.widgets.quizzes import StageQuiz

    quiz = StageQuiz(count=5)
    quiz.answer(quiz.question.expected)
    assert quiz._next.description == "Next" and quiz._buttons["difficulty"].description == "Facing difficulties"
    pk.set_language("zh")
    assert quiz._next.description == "下一题"
    assert quiz._buttons["difficulty"].description == "遇到困难"
    assert CJK.search(quiz._prompt.value) and "正确" in quiz._feedback.value
    assert "第 1 / 5 题" in quiz._progress.value
    quiz.close()
    pk.set_language("en")
    assert quiz._next.description == "下一题"  # a closed widget no longer listens


def test_decision_mode_quiz(comms, tmp_path):
    from powermap_kit.widgets.quizzes import DecisionModeQuiz

    quiz = DecisionModeQuiz(path=tmp_path / "m.jsonl")
    fb = quiz.answer("committee_scoring")
    assert fb.correct == (quiz.question.expected == "committee_scoring")
    assert "Who matters most" in quiz._feedback.value
    assert json.loads((tmp_path / "m.jsonl").read_text("utf-8"))["exercise"] == "decision_mode_quiz"
    quiz.close()


def test_role_quiz_toggle_then_check(comms, tmp_path, key):
    from powermap_kit.widgets.quizzes import RoleQuiz

    quiz = RoleQuiz(key, path=tmp_path / "r.jsonl", learner="bo")
    assert quiz.question.id == "cio"
    assert quiz.check() is None and "Choose at least one role" in quiz._feedback.value
    quiz.select_roles(["decision_maker", "user"])
    assert quiz.selected == ("decision_maker", "user")
    fb = quiz.check()
    assert fb.score == 0.5 and "Partly right" in quiz._feedback.value
    assert quiz._buttons["decision_maker"].button_style == "success"
    assert quiz._buttons["user"].button_style == "danger"
    quiz.next()
    assert quiz.selected == ()  # a fresh question starts with nothing toggled
    assert quiz.answer(["evaluator"]).correct
    rec = [json.loads(x) for x in (tmp_path / "r.jsonl").read_text("utf-8").splitlines()]
    assert rec[0]["answer"] == ["decision_maker", "user"] and rec[0]["case"] == "it-solution"
    quiz.close()


def test_support_assessor_sliders_level_and_record(comms, tmp_path, key):
    from powermap_kit.widgets.quizzes import SupportAssessor

    box = SupportAssessor(key=key, person="it_mgr", path=tmp_path / "s.jsonl", learner="cy")
    assert "Not enough to judge" in box._result.value
    box.set_ratings({"solution_fit": 5, "trust": 4, "cooperation": 4})
    assert box.assessment.level == "champion" and "Champions us" in box._result.value
    got = []
    box.on_record(got.append)
    result = box.record()
    assert got == [result] and result.correct
    assert "Correct: Champions us." in box._result.value
    rec = json.loads((tmp_path / "s.jsonl").read_text("utf-8"))
    assert rec["answer"]["trust"] == 4 and rec["level"] == "champion" and rec["question"] == "it_mgr"
    pk.set_language("zh")
    assert box._sliders["trust"].description == "信任程度" and "力挺" in box._result.value
    assert box._sliders["influence"].label == "未评"
    box.close()
