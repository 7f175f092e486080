"""Coach widgets — ScoreCard, CohortDashboard, ReviewView — driven through their methods
with a recording comm (no browser): scores and feedback shown, comments saved beside the
submission, the submission never written, labels following the language."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

import powermap_kit as pk
from powermap_kit.grading import grade

REPO = Path(__file__).resolve().parents[1]
CASE = REPO / "case_studies" / "it-solution"
KEY = CASE / "key.json"


@pytest.fixture
def submissions(tmp_path):
    folder = tmp_path / "cohort"
    folder.mkdir()
    for name in ("strong", "typical", "weak"):
        shutil.copy(CASE / "submissions" / f"{name}.json", folder / f"{name}.json")
    return folder


def digest(path: Path) -> tuple[str, int]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


# ---- ScoreCard ------------------------------------------------------------------------------
def test_scorecard_shows_total_criteria_and_feedback(comms, submissions):
    from powermap_kit.widgets.scorecard import ScoreCard

    path = submissions / "typical.json"
    expected = grade(path, KEY, lang="en")
    card = ScoreCard(path, KEY)
    assert card.total == expected.total and card.author == "trainee-11"
    assert f">{expected.total:g}<" in card._header.value
    for name, points in expected.criteria.items():
        assert pk.text(f"grading.criterion.{name}") in card._criteria.value
        assert f"{points:g} of {expected.maxima[name]:g}" in card._criteria.value
    from markupsafe import escape  # the escaping the widget macros use

    assert escape(expected.feedback[0]) in card._feedback.value
    assert "Feedback" in comms.sent_text()
    # the most costly lines first; the rest behind "Show all"
    assert len(expected.feedback) > 8
    assert escape(expected.feedback[8]) not in card._feedback.value
    assert card._more.description == f"Show all {len(expected.feedback)}"
    card._more.value = True
    assert card.show_all and escape(expected.feedback[-1]) in card._feedback.value
    card._more.value = False
    # where widgets do not render (static export) the card is plain HTML with every line
    static = card._repr_mimebundle_()["text/html"]
    assert escape(expected.feedback[-1]) in static and not card.show_all
    pk.set_language("zh")
    assert "得分" in card._header.value and "反馈" in card._feedback.value
    assert escape(expected.lines("zh")[0]) in card._feedback.value
    assert card._button.description == "重新评分"
    card.close()


def test_scorecard_follows_an_edited_map(comms, small_map):
    from powermap_kit.widgets.scorecard import ScoreCard

    key = small_map.copy()
    sub = small_map.copy()
    sub.update_stakeholder("buyer", stance="champion")
    card = ScoreCard(sub, key)
    before = card.total
    seen = []
    card.on_score(seen.append)
    sub.update_stakeholder("buyer", stance="oppose")
    assert card.total > before and len(seen) == 1 and seen[0].total == card.total
    card.live = False
    sub.update_stakeholder("buyer", stance="champion")
    assert card.total > before and len(seen) == 1  # not live: unchanged until refresh
    card._button.click()
    assert card.total == before and len(seen) == 2
    card.close()


def test_scorecard_reports_an_unreadable_submission_and_escapes_names(comms, tmp_path, small_map):
    from powermap_kit.widgets.scorecard import ScoreCard

    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "powermap/1", "stakeholders": [{"id": "a", "name": "A", "power": 9}]}', "utf-8")
    card = ScoreCard(bad, small_map)
    assert card.total is None and "could not be scored" in card._feedback.value
    assert "stakeholders[0].power" in card._feedback.value
    sub = small_map.copy()
    sub.meta["author"] = "<script>alert(1)</script>"
    card2 = ScoreCard(sub, small_map)
    assert "<script>" not in card2._header.value and "&lt;script&gt;" in card2._header.value
    card.close()
    card2.close()


# ---- CohortDashboard ------------------------------------------------------------------------
def test_dashboard_table_chart_mistakes_and_refresh(comms, submissions):
    from powermap_kit.widgets.dashboard import CohortDashboard

    (submissions / "typical.review.json").write_text('{"format": "powermap-review/1", "comments": []}', "utf-8")
    (submissions / "broken.json").write_text("{not json", "utf-8")
    board = CohortDashboard(submissions, KEY)
    assert board.count == 4  # the review file is not a submission
    assert set(board.frame["submission"]) >= {"trainee-11", "broken"}
    assert "1 file(s) could not be scored" in board._summary.value
    assert "<svg" in board._chart.value and "90–100" in board._chart.value
    assert "trainee-11" in board._table.value and "not valid JSON" in board._table.value
    assert "People most often left out" in board._mistakes.value and "Pan Yue" in board._mistakes.value
    seen = []
    board.on_refresh(seen.append)
    shutil.copy(submissions / "strong.json", submissions / "late.json")
    board._button.click()  # a trainee saved during the workshop
    assert board.count == 5 and len(seen) == 1 and len(seen[0]) == 5
    assert "trainee-11" in board._repr_mimebundle_()["text/html"]
    pk.set_language("zh")
    assert board._button.description == "刷新" and "最常被漏掉的人员" in board._mistakes.value
    assert "总分" in board._table.value
    board.close()


def test_dashboard_on_an_empty_folder(comms, tmp_path):
    from powermap_kit.widgets.dashboard import CohortDashboard

    board = CohortDashboard(tmp_path, KEY)
    assert board.count == 0 and board.frame is None and "No submissions yet" in board._summary.value
    shutil.copy(CASE / "submissions" / "weak.json", tmp_path / "weak.json")
    board.refresh()
    assert board.count == 1 and "trainee" in board._table.value
    board.close()



def _until(condition, seconds: float = 30.0) -> bool:
    import time

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def test_dashboard_refreshes_by_itself_shows_failures_and_stops_when_closed(comms, tmp_path):
    from powermap_kit.widgets.dashboard import CohortDashboard

    calls = []

    def collect():
        calls.append(1)
        if len(calls) == 3:
            raise OSError("hub unreachable")

    board = CohortDashboard(tmp_path, KEY, refresh_every=0.1, collect=collect)
    stamps: list[str] = []
    board._stamp.observe(lambda change: stamps.append(change["new"]), "value")
    try:
        assert "every 0.1 s" in board._stamp.value
        shutil.copy(CASE / "submissions" / "weak.json", tmp_path / "weak.json")
        assert _until(lambda: board.count == 1)                      # a new submission shows up alone
        assert _until(lambda: len(calls) >= 4)                       # a failed refresh does not stop it
        assert any("Refresh failed" in s and "hub unreachable" in s for s in stamps)
    finally:
        board.close()
    stopped = len(calls)
    assert not _until(lambda: len(calls) > stopped + 1, seconds=0.5)  # closed: no more refreshes

# ---- ReviewView -----------------------------------------------------------------------------
def test_review_pins_comments_saves_beside_and_never_touches_the_submission(comms, submissions):
    from powermap_kit.widgets.review import ReviewView

    path = submissions / "typical.json"
    before = digest(path)
    review = ReviewView(path, KEY, reviewer="coach-a")
    assert review.path == submissions / "typical.review.json" and not review.path.exists()
    # a person of the trainee's map, clicked on the drawing
    first = review.map.stakeholders[0]
    review.trainee_view.click(first.id)
    assert review.target == f"person:{first.id}"
    events = []
    review.on_comment(lambda event, c: events.append((event, c["text"])))
    review.add_comment("Check the org chart: <b>who</b> signs?")
    # someone the trainee missed, clicked on the key's drawing
    missing = review.missing[0]
    review.key_view.click(missing)
    assert review.target == f"key_person:{missing}"
    review.add_comment("You left this person out.")
    # a relationship line, and the map as a whole
    review.trainee_view.select_relationship(0)
    assert review.target == "rel:0"
    review.add_comment("Direction?")
    assert review.add_comment("   ") is None and "Write the comment first" in review._status.value
    review.add_comment("Good start overall.", target="map")

    saved = json.loads(review.path.read_text("utf-8"))
    assert saved["format"] == "powermap-review/1" and saved["submission"] == "typical.json"
    targets = [c["target"]["kind"] for c in saved["comments"]]
    assert targets == ["person", "key_person", "relationship", "map"]
    assert saved["comments"][0]["reviewer"] == "coach-a"
    assert saved["comments"][2]["target"]["source"] == review.map.relationships[0].source
    assert events[0] == ("added", "Check the org chart: <b>who</b> signs?")
    assert "&lt;b&gt;who&lt;/b&gt;" in comms.sent_text() and "Saved to typical.review.json" in review._status.value
    assert not list(submissions.glob(".*.tmp"))

    # pins and review marks on the drawings
    assert "pmk-commented" in review.trainee_view._nodes[first.id].classes
    assert "pmk-ghost" in review.key_view._nodes[missing].classes
    assert "pmk-commented" in review.key_view._nodes[missing].classes
    wrong_key = next(iter(review.wrong))
    assert "pmk-wrong" in review.trainee_view._nodes[review.sub_of[wrong_key]].classes
    # selecting keeps the marks (the view re-syncs on selection)
    review.trainee_view.click(review.map.stakeholders[1].id)
    assert "pmk-commented" in review.trainee_view._nodes[first.id].classes

    review.show("overlay")
    assert review._side.layout.display == "none" and review.overlay_view.layout.display == ""
    assert review.overlay_view.graph.layout.height == "520px" and review.key_view.graph.layout.height == "0px"
    assert "pmk-ghost" in review.overlay_view._nodes[missing].classes
    review.overlay_view.click(missing)
    assert review.target == f"key_person:{missing}"

    assert "You left this person out." in review._repr_mimebundle_()["text/html"]
    review.delete_comment(3)
    assert len(json.loads(review.path.read_text("utf-8"))["comments"]) == 3
    review.close()

    again = ReviewView(path, KEY)
    assert [c["text"] for c in again.comments] == ["Check the org chart: <b>who</b> signs?",
                                                   "You left this person out.", "Direction?"]
    assert "Comments (3)" in again._list_title.value and not again._stale.value
    assert "pmk-commented" in again.trainee_view._nodes[first.id].classes
    again.close()
    assert digest(path) == before  # the submission file was never written


def test_review_differences_follow_the_language_and_flag_a_changed_submission(comms, submissions):
    from powermap_kit.widgets.review import ReviewView

    path = submissions / "weak.json"
    review = ReviewView(path, KEY)
    assert "Differences from the key" in review._differences.value and "is missing" in review._differences.value
    review.add_comment("Start with the org chart.")
    pk.set_language("zh")
    assert "与答案的差异" in review._differences.value and "缺少" in review._differences.value
    assert review._mode_picker.options[0][0] == "并排对比"
    assert review._add.description == "添加点评" and "点评（1 条）" in review._list_title.value
    assert review._target_picker.options[0][0] == "整张图"
    review.close()
    pk.set_language("en")
    data = json.loads(path.read_text("utf-8"))
    data["stakeholders"][0]["notes"] = "edited after the review"
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    again = ReviewView(path, KEY)
    assert "has changed since these comments were written" in again._stale.value
    again.close()


def test_review_of_a_map_needs_a_path(comms, small_map, tmp_path):
    from powermap_kit.widgets.review import ReviewView

    with pytest.raises(ValueError, match="path: is needed when the reviewed map is not a file"):
        ReviewView(small_map.copy(), small_map)
    review = ReviewView(small_map.copy(), small_map, path=tmp_path / "notes.review.json")
    assert review.missing == [] and review.wrong == {} and "No field differs" in review._differences.value
    with pytest.raises(KeyError, match='target: "person:nobody" is not one of map'):
        review.select("person:nobody")
    review.close()


def test_review_keeps_comments_whose_target_is_gone_and_refuses_a_broken_file(comms, submissions):
    from powermap_kit.widgets.review import ReviewView

    path = submissions / "typical.json"
    review = ReviewView(path, KEY)
    person = review.map.stakeholders[-1]
    review.add_comment("Who is this?", target=f"person:{person.id}")
    review.add_comment("Direction?", target="rel:0")
    review.reviewer = "coach-b"
    review.add_comment("Overall fine.", target="map")
    review.close()
    assert json.loads(review.path.read_text("utf-8"))["comments"][2]["reviewer"] == "coach-b"
    # the trainee deletes that person (and the first line) after the review
    data = json.loads(path.read_text("utf-8"))
    data["stakeholders"] = [p for p in data["stakeholders"] if p["id"] != person.id]
    data["relationships"] = [r for r in data.get("relationships", [])[1:]
                             if person.id not in (r["source"], r["target"])]
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    again = ReviewView(path, KEY)
    assert f"<b>{person.name}</b>: Who is this?" in again._list.children[0].children[0].value
    assert "Direction?" in again.to_html() and "changed since" in again._stale.value
    again.close()

    bad = submissions / "weak.review.json"
    bad.write_text("{broken", "utf-8")
    with pytest.raises(ValueError, match="weak.review.json: not valid JSON"):
        ReviewView(submissions / "weak.json", KEY)
    assert bad.read_text("utf-8") == "{broken"
