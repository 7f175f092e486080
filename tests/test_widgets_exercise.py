"""The no-code Exercise widget: form parts give the answer shapes checks expect; nothing is lost."""

from __future__ import annotations

import pytest

import powermap_kit as pk
from powermap_kit.course import Result, check_building_order
from powermap_kit.errors import UnknownName, WrongType
from powermap_kit.widgets import Exercise, choose, choose_each, order, pick, text_fields


def _echo(answer):
    """A check that is right only for the answer 'evaluating' and keeps what it was given."""
    ok = answer == "evaluating"
    return Result("right" if ok else "wrong", float(ok), "Stage", f"got {answer!r}", record={"answer": answer})


@pytest.fixture
def log(tmp_path):
    return tmp_path / "ana_answers.jsonl"


def test_choose_checks_records_and_shows(comms, log):
    ex = Exercise("t.stage", _echo, choose("stage"), path=log, learner="ana")
    assert ex.form.value is None
    ex.form.widget.value = "exploring"
    assert ex.check().status == "wrong"
    assert "got &#39;exploring&#39;" in ex._feedback.value or "exploring" in ex._feedback.value
    ex.form.widget.value = "evaluating"
    ex._button.click()
    assert ex.result.status == "right"
    records = pk.course.AnswerLog(log).records
    assert [r["form_answer"] for r in records] == ["exploring", "evaluating"]
    assert {r["exercise"] for r in records} == {"t.stage"} and records[0]["learner"] == "ana"


def test_the_last_answer_comes_back_with_its_feedback(comms, log):
    first = Exercise("t.stage", _echo, choose("stage"), path=log)
    first.form.set("evaluating")
    first.check()
    first.close()
    again = Exercise("t.stage", _echo, choose("stage"), path=log)
    assert again.form.value == "evaluating" and again.result.status == "right"
    assert again._status.value  # "your last answer is back"
    other = Exercise("t.other", _echo, choose("stage"), path=log)
    assert other.form.value is None and other.result is None


def test_choose_each_pick_texts_give_their_shapes(comms):
    each = choose_each({"a": {"en": "Item A", "zh": "甲"}, "b": "Item B"}, ["x", "y"])
    each.rows["a"].value = "y"
    assert each.value == {"a": "y", "b": None}
    each.set({"a": "x", "b": "nonsense"})
    assert each.value == {"a": "x", "b": None}
    p = pick({"p1": "Wang", "p2": "Li", "p3": "Zhao"}, count=2)
    p.toggles["p3"].value = True
    p.toggles["p1"].value = True
    assert p.value == ["p1", "p3"]
    texts = text_fields({"goal": {"en": "Objective", "zh": "目标"}}, multiline=True)
    texts.fields["goal"].value = "Get the budget date"
    assert texts.value == {"goal": "Get the budget date"}


def test_order_moves_items_and_feeds_a_course_check(comms, tmp_path):
    steps = ["a", "b", "c"]
    o = order([(s.upper(), s) for s in steps])
    o.move(2, -1)
    assert o.value == ["a", "c", "b"]
    o.move(0, -1)  # out of range: nothing happens
    assert o.value == ["a", "c", "b"]
    # the up button of the second row moves it up
    o.box.children[1].children[1].click()
    assert o.value == ["c", "a", "b"]
    o.set(["b", "a", "c"])
    assert o.value == ["b", "a", "c"]
    o.set(["zzz"])  # not the same items: ignored
    assert o.value == ["b", "a", "c"]


def test_a_real_course_check_rejects_the_untouched_order(comms):
    from powermap_kit.course.building import PROCESS_STEPS
    ex = Exercise("t.order", check_building_order, order(list(PROCESS_STEPS)[::-1]), path=False)
    result = ex.check()
    assert isinstance(result, Result) and result.status != "right"


def test_labels_follow_the_language(comms):
    pk.set_language("en")
    ex = Exercise("t.each", _echo, choose_each({"a": {"en": "Item A", "zh": "甲项"}}, "stance"), path=False)
    ex.form.rows["a"].value = "support"
    try:
        pk.set_language("zh")
        assert ex._button.description == "检查"
        assert "甲项" in ex.form.box.children[0].children[0].value
        assert ex.form.value == {"a": "support"}  # the answer survives the relabel
    finally:
        pk.set_language("en")
    assert ex._button.description == "Check"


def test_bad_specs_and_failing_checks_say_so(comms):
    with pytest.raises(UnknownName):
        choose("stagez")
    with pytest.raises(WrongType):
        Exercise("t", "not a function", choose("stage"), path=False)
    with pytest.raises(WrongType):
        Exercise("t", _echo, ["not", "a", "part"], path=False)
    ex = Exercise("t", lambda a: "a string", choose("stage"), path=False)
    assert ex.check() is None and "t" in ex._feedback.value

    def raising(answer):
        raise pk.errors.InvalidValue("answer", "not_one_of", answer, allowed=("x",))
    ex = Exercise("t", raising, choose("stage"), path=False)
    assert ex.check() is None and "answer" in ex._feedback.value


def test_static_fallback_names_the_exercise(comms):
    ex = Exercise("t.fallback", _echo, choose("stage"), path=False)
    assert "t.fallback" in ex.to_html()
