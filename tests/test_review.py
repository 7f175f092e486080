"""The review-notes format (``powermap-review/1``) without Jupyter: load, save, validate,
and ``powermap review`` listing a submission's comments."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from powermap_kit.cli import main
from powermap_kit.errors import MapFormatError, ReviewFormatError
from powermap_kit.review import REVIEW_FORMAT, ReviewNotes, describe_target, load_review, review_path, review_problems

REPO = Path(__file__).resolve().parents[1]
CASE = REPO / "case_studies" / "it-solution"


@pytest.fixture
def submission(tmp_path):
    path = tmp_path / "typical.json"
    shutil.copy(CASE / "submissions" / "typical.json", path)
    return path


def test_notes_round_trip_beside_the_submission_and_notice_a_changed_submission(submission):
    notes = ReviewNotes(review_path(submission), submission, reviewer="coach-a")
    assert notes.comments == [] and not notes.path.exists()
    notes.add({"kind": "person", "id": "p01", "name": "President Shen"}, "Who signs?")
    notes.add({"kind": "map"}, "Good start.")
    data = json.loads(notes.path.read_text("utf-8"))
    assert data["format"] == REVIEW_FORMAT and data["submission"] == "typical.json"
    assert [c["text"] for c in data["comments"]] == ["Who signs?", "Good start."]
    assert review_problems(data) == []
    again = load_review(submission)
    assert again.path == submission.with_name("typical.review.json") and not again.stale
    assert [c["reviewer"] for c in again.comments] == ["coach-a", "coach-a"]
    assert load_review(again.path).comments == again.comments  # the notes file itself names them too
    submission.write_text(submission.read_text("utf-8").replace("}", "} ", 1), "utf-8")
    assert load_review(submission).stale
    assert again.remove(0)["text"] == "Who signs?"
    assert [c["text"] for c in load_review(submission).comments] == ["Good start."]


def test_failed_save_keeps_nothing_unsaved(tmp_path):
    (tmp_path / "a-file").write_text("", "utf-8")
    notes = ReviewNotes(tmp_path / "a-file" / "x.review.json")  # its folder cannot exist
    with pytest.raises(OSError):
        notes.add({"kind": "map"}, "lost")
    assert notes.comments == []


def test_every_problem_of_a_bad_file_is_reported_with_its_place_in_both_languages(tmp_path):
    data = {"format": "powermap-review/2", "comments": [
        {"target": {"kind": "persn", "id": "a"}, "text": "x"},
        {"target": {"kind": "relationship", "source": "a"}, "text": 3},
        "note"]}
    problems = review_problems(data, "x.review.json")
    places = [p.place for p in problems]
    assert places == ["format", "comments[0].target.kind", "comments[1].text", "comments[1].target.target",
                      "comments[1].target.type", "comments[2]"]
    assert "did you mean \"person\"" in problems[1].render("en")
    assert "powermap-review/1" in problems[0].render("en") and "点评文件格式" in problems[0].render("zh")
    bad = tmp_path / "x.review.json"
    bad.write_text(json.dumps(data), "utf-8")
    with pytest.raises(ReviewFormatError) as err:
        ReviewNotes(bad)
    assert isinstance(err.value, MapFormatError) and isinstance(err.value, ValueError)
    assert "6 problem(s) in the review notes" in str(err.value)
    assert bad.read_text("utf-8") == json.dumps(data)  # never overwritten
    assert review_problems([]) and review_problems({"comments": []})[0].place == "format"


def test_targets_in_words():
    line = {"kind": "relationship", "source": "a", "target": "b", "type": "ally"}
    assert describe_target(line, {"a": "Li Na", "b": "Wang Wei"}, lang="en") == "Li Na — Wang Wei (Ally)"
    assert describe_target(line, lang="en") == "a — b (Ally)"
    assert describe_target({"kind": "person", "id": "p1", "name": "Old Name"}, {}, lang="en") == "Old Name"
    assert describe_target({"kind": "key_person", "id": "k", "name": "李明"}, lang="zh") == "李明（缺少）"
    assert describe_target({"kind": "map"}, lang="zh") == "整张图"


def test_cli_lists_comments_in_text_and_json(submission, capsys):
    notes = load_review(submission)
    notes.reviewer = "coach-a"
    notes.add({"kind": "person", "id": "p01", "name": "President Shen"}, "=HYPERLINK(\"x\") who signs?")
    notes.add({"kind": "key_person", "id": "zheng", "name": "郑浩"}, "You left him out.")
    shutil.copy(CASE / "submissions" / "weak.json", submission.with_name("weak.json"))
    assert main(["review", str(submission.parent)]) == 0
    out = capsys.readouterr().out
    assert "typical.json: 2 comment(s) in typical.review.json" in out
    assert "  - President Shen: =HYPERLINK(\"x\") who signs? (coach-a, " in out
    assert "weak.json: no comments yet" in out
    assert main(["review", str(submission), "--format", "json", "--lang", "zh"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data[0]["comments"][1]["about"] == "郑浩（缺少）" and data[0]["stale"] is False
    assert main(["--lang", "zh", "review", str(submission)]) == 0
    assert "typical.json：typical.review.json 中有 2 条点评" in capsys.readouterr().out


def test_cli_reports_a_broken_notes_file_and_goes_on(submission, capsys):
    submission.with_name("typical.review.json").write_text("{broken", "utf-8")
    shutil.copy(CASE / "submissions" / "weak.json", submission.with_name("weak.json"))
    assert main(["review", str(submission.parent)]) == 1
    captured = capsys.readouterr()
    assert "typical.review.json: not valid JSON" in captured.err and "weak.json: no comments yet" in captured.out
    assert main(["review", str(submission), "--format", "json"]) == 1
    assert json.loads(capsys.readouterr().out)[0]["problems"][0]["code"] == "not_json"
