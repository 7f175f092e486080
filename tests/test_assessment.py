"""Pre/post assessment: same competencies, different items, scores per competency, gains for the room."""

from __future__ import annotations

import pytest

from powermap_kit import vocab
from powermap_kit.assessment import (COMPETENCIES, FORMS, assessment_gains, assessment_items, assessment_options,
                                     check_assessment, gains_picture)
from powermap_kit.course import AnswerLog
from powermap_kit.errors import InvalidValue


def _answers(form, competency, right):
    """Answers with the first ``right`` items right and the rest wrong."""
    out = {}
    for n, item in enumerate(assessment_items(form, competency)):
        options = assessment_options(form, competency)[item["id"]]
        codes = vocab.codes(options) if isinstance(options, str) else list(options)
        out[item["id"]] = item["answer"] if n < right else next(c for c in codes if c != item["answer"])
    return out


def test_both_forms_check_the_same_competencies_with_different_items():
    for form in FORMS:
        for comp in COMPETENCIES:
            items = assessment_items(form, comp)
            assert len(items) == 3
            for item in items:
                assert item["text"]["en"].strip() and item["text"]["zh"].strip()
                options = assessment_options(form, comp)[item["id"]]
                codes = vocab.codes(options) if isinstance(options, str) else tuple(options)
                assert item["answer"] in codes
    texts = {form: {i["text"]["en"] for i in assessment_items(form)} for form in FORMS}
    assert not texts["pre"] & texts["post"]
    # every answer of a shared vocabulary is not the same code three times (no free points)
    for form in FORMS:
        for comp in ("roles", "modes", "support", "stages"):
            assert len({i["answer"] for i in assessment_items(form, comp)}) >= 2


@pytest.mark.parametrize("answers", [None, {}, "approver", {"pre-roles-1": "nonsense"}, {"x": "approver"}])
def test_empty_and_nonsense_answers_are_not_scored(answers):
    r = check_assessment("pre", "roles", answers, lang="en")
    assert r.status == "unanswered" and r.score == 0 and r.hint


def test_a_score_never_shows_the_answers():
    """What a learner sees depends on the score only: two answer sets with one right each read the same."""
    for lang in ("en", "zh"):
        for comp in COMPETENCIES:
            first = check_assessment("post", comp, _answers("post", comp, 1), lang=lang)
            items = assessment_items("post", comp)
            one_right = {**_answers("post", comp, 0), items[-1]["id"]: items[-1]["answer"]}
            other = check_assessment("post", comp, one_right, lang=lang)
            assert first.status == other.status == "info" and first.score == other.score
            assert first.lines == other.lines == ()
            assert str(first) == str(other) and first._repr_html_() == other._repr_html_()



def test_unknown_form_or_competency_is_refused():
    with pytest.raises(InvalidValue):
        check_assessment("mid", "roles", {})
    with pytest.raises(InvalidValue):
        assessment_items("pre", "charisma")


def test_gains_per_learner_and_for_the_room(tmp_path):
    for learner, pre, post in (("ana", 1, 3), ("bo", 2, 2)):
        log = AnswerLog(tmp_path / f"{learner}_answers.jsonl", learner)
        for comp in COMPETENCIES:
            log.record(f"assessment.pre.{comp}", check_assessment("pre", comp, _answers("pre", comp, pre)))
            log.record(f"assessment.post.{comp}", check_assessment("post", comp, _answers("post", comp, 0)))
            # a later, better attempt counts; an unfinished one does not
            log.record(f"assessment.post.{comp}", check_assessment("post", comp, _answers("post", comp, post)))
            log.record(f"assessment.post.{comp}", check_assessment("post", comp, {}))
    gains = assessment_gains(tmp_path, lang="en")
    ana = gains[(gains.learner == "ana") & (gains.competency == "Identifying buying roles")].iloc[0]
    assert (ana.pre, ana.post, ana.gain) == (0.33, 1.0, 0.67)
    room = gains[gains.learner == "room"]
    assert len(room) == len(COMPETENCIES)
    assert room.iloc[0].gain == pytest.approx((0.67 + 0.0) / 2, abs=0.01)
    svg = gains_picture(assessment_gains(tmp_path, lang="zh"), lang="zh").svg
    assert "识别采购角色" in svg and "全班" in svg and "+34%" in svg


def test_no_logs_no_gains(tmp_path):
    assert assessment_gains(tmp_path).empty
