"""Agendas: prerequisites hold, and case times come from the measured case packs."""

import math
import re

import pytest

from powermap_kit.cases import load_case
from powermap_kit.errors import PowerMapError
from powermap_kit.kit import agendas

DATA = agendas.agenda_data()


@pytest.mark.parametrize("track", agendas.tracks())
@pytest.mark.parametrize("case", ["10", "11"])
def test_no_session_runs_before_what_it_needs(track, case):
    assert agendas.prerequisite_problems(track, case) == []
    seen = []
    for s in agendas.schedule(track, case, lang="en"):
        if s.kind in ("module", "case"):
            for need in DATA["requires"].get(s.code, []):
                assert need in seen, (track, s.code, need)
            seen.append(s.code)


def test_a_case_before_coach_verification_is_reported(monkeypatch):
    broken = dict(DATA, tracks={"bad": [{"day": 1}, {"module": "07"}, {"case": "10", "part": "read"},
                                        {"module": "06"}, {"module": "08"}]})
    monkeypatch.setattr(agendas, "agenda_data", lambda: broken)
    line = [p for p in agendas.prerequisite_problems("bad") if "10 runs before" in p]
    assert line and "06" in line[0] and "08" in line[0]


@pytest.mark.parametrize("track", agendas.tracks())
def test_days_hold_about_six_hours_and_run_without_gaps(track):
    rows = agendas.schedule(track, lang="zh", start="08:30")
    for day in sorted({r.day for r in rows}):
        today = [r for r in rows if r.day == day]
        work = sum(r.minutes for r in today if r.kind != "pause")
        assert DATA["day_minutes"]["min"] <= work <= DATA["day_minutes"]["max"], (track, day, work)
        assert today[0].start == "08:30"
        assert [r.end for r in today[:-1]] == [r.start for r in today[1:]]
    # Every case a track runs is read, built and debriefed, in that order.
    for number in {r.code for r in rows if r.kind == "case"}:
        assert [r.part for r in rows if r.kind == "case" and r.code == number] == ["read", "build", "debrief"]


def _independent_length(slug, lang):
    case = load_case(slug)
    folder = case.folder
    files = [folder / f"brief.{lang}.md"] + sorted((folder / "documents").glob(f"*.{lang}.md"))
    text = "".join(f.read_text("utf-8") for f in files)
    words = len(re.findall(r"[A-Za-z0-9][A-Za-z0-9'’.-]*", text))
    return words if lang == "en" else words + len(re.findall(r"[\u4e00-\u9fff]", text))


@pytest.mark.parametrize("number", ["10", "11"])
def test_case_times_derive_from_the_measured_pack(number, monkeypatch):
    timing = agendas.case_timing(number)
    slug = DATA["cases"][number]
    for lang in ("en", "zh"):
        assert abs(timing.length[lang] - _independent_length(slug, lang)) <= 0.02 * timing.length[lang]
    # A ~3,500-word pack is not read in five minutes: reading alone is > 10 minutes.
    assert timing.reading["en"] == timing.length["en"] / DATA["reading"]["en_words_per_minute"] > 10
    assert timing.reading["zh"] == timing.length["zh"] / DATA["reading"]["zh_chars_per_minute"] > 10
    key = load_case(slug).key
    assert (timing.people, timing.relationships) == (len(key.stakeholders), len(key.relationships))
    debrief = load_case(slug).debrief("en")
    questions = re.split(r"^## .*discussion.*$", debrief, flags=re.MULTILINE | re.IGNORECASE)[1].split("\n## ")[0]
    assert timing.questions == len(re.findall(r"^\d+\.", questions, re.MULTILINE)) >= 5
    b, d = DATA["building"], DATA["debrief"]
    assert timing.build >= b["setup"] + b["per_person"] * timing.people + b["per_relationship"] * timing.relationships
    assert timing.build < 5 + b["setup"] + b["per_person"] * timing.people + b["per_relationship"] * timing.relationships \
        + b["deal_fields"] + 1
    assert timing.debrief >= d["framing"] + d["per_question"] * timing.questions
    # Reading half as fast takes longer: the time follows the measurement, not a constant.
    slower = dict(DATA, reading={"en_words_per_minute": 125, "zh_chars_per_minute": 200})
    monkeypatch.setattr(agendas, "agenda_data", lambda: slower)
    assert agendas.case_timing(number).read >= timing.read + 10


def test_schedule_rows_carry_labels_in_both_languages():
    en = agendas.schedule("two_day", lang="en")
    zh = agendas.schedule("two_day", lang="zh")
    assert [r.minutes for r in en] == [r.minutes for r in zh]
    assert any("debrief" in r.label for r in en) and any("复盘" in r.label for r in zh)
    assert all(math.isfinite(r.minutes) and r.minutes > 0 for r in en)


def test_bad_track_case_or_clock_names_the_allowed_values():
    with pytest.raises(PowerMapError, match="track"):
        agendas.schedule("three_day")
    with pytest.raises(PowerMapError, match="case"):
        agendas.schedule(case="12")
    with pytest.raises(PowerMapError, match="HH:MM"):
        agendas.schedule(start="9 am")
