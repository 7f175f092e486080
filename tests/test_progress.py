"""The room's progress across the course, from answer logs and case folders."""

from __future__ import annotations

import powermap_kit as pk
from powermap_kit.course import AnswerLog, Result
from powermap_kit.progress import module_of, room_progress


def _r(status, score):
    return Result(status, score, "t", "m")


def test_modules_done_scores_and_who_is_stuck(tmp_path):
    ana = AnswerLog(tmp_path / "ana_answers.jsonl", "ana")
    ana.record("03.case_stage", _r("wrong", 0))
    ana.record("03.case_stage", _r("right", 1))
    ana.record("stage_quiz", _r("right", 1))
    ana.record("01.pitfalls", _r("partly", 0.5))
    bo = AnswerLog(tmp_path / "bo_answers.jsonl", "bo")
    for _ in range(3):
        bo.record("08.hidden", _r("wrong", 0))
    bo.record("assessment.pre.roles", _r("info", 0.67))
    p = room_progress(tmp_path)
    rows = {(r.learner, r.module): r for r in p.modules.itertuples(index=False)}
    assert rows[("ana", "03")].done == 2 and rows[("ana", "03")].score == 1.0
    assert rows[("ana", "01")].score == 0.5 and rows[("bo", "pre")].right == 1
    assert list(p.stuck.itertuples(index=False))[0][:4] == ("bo", "08", "08.hidden", 3)
    table = p.table("en")
    assert list(table.columns)[:1] == ["pre"] and table.at["ana", "03"] == "2 · 100%"


def test_cases_from_a_work_folder_and_a_collection(tmp_path):
    case = tmp_path / "it-solution"
    pm = pk.PowerMap()
    pm.add_stakeholder(name="Wang Wei")
    pk.save_map(pm, case / "ana.json")
    pk.save_map(pk.PowerMap(), case / "bo.json")
    pk.submit_map(case / "ana.json") if hasattr(pk, "submit_map") else None
    collected = tmp_path / "collected"
    collected.mkdir()
    (collected / "collection.csv").write_text("learner,status\ncy,not_started\n", encoding="utf-8")
    p = room_progress(None, cases={"it-solution": case, "medical-device": collected})
    statuses = {(r.learner, r.case): r.status for r in p.cases.itertuples(index=False)}
    assert statuses[("bo", "it-solution")] == "not_started"
    assert statuses[("ana", "it-solution")] in ("submitted", "drafting")
    assert statuses[("cy", "medical-device")] == "not_started"


def test_learner_text_is_escaped_in_html(tmp_path):
    AnswerLog(tmp_path / "x_answers.jsonl", "<script>alert(1)</script>").record("02.roles", _r("right", 1))
    html = room_progress(tmp_path)._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_module_of():
    assert [module_of(x) for x in ("06b.verify", "assessment.post.actions", "support_assessor", "free", None)] == \
        ["06b", "post", "05", "other", "other"]


def test_an_empty_room(tmp_path):
    p = room_progress(tmp_path)
    assert p.modules.empty and p.stuck.empty and "Nobody is stuck" in p._repr_html_()


def test_the_command_prints_the_room(tmp_path, capsys):
    from powermap_kit.cli import main

    AnswerLog(tmp_path / "ana_answers.jsonl", "ana").record("03.case_stage", _r("right", 1))
    AnswerLog(tmp_path / "bo_answers.jsonl", "=cmd|' /C calc'!A0").record("03.case_stage", _r("wrong", 0))
    assert main(["progress", str(tmp_path), "--assessment"]) == 0
    out = capsys.readouterr().out
    assert "ana" in out and "1 · 100%" in out
    assert main(["progress", str(tmp_path), "--format", "csv"]) == 0
    assert "'=cmd" in capsys.readouterr().out  # formula defused
    assert main(["progress", str(tmp_path / "nope")]) == 2
    assert main(["progress", str(tmp_path), "--case", "oops"]) == 2
