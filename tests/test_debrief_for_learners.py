"""After submitting, learners read the whole debrief, but not the trainers' notes on sources."""

from __future__ import annotations

import re

import pytest

from powermap_kit import list_cases, set_audience
from powermap_kit.course import debrief
from powermap_kit.submit import submit_map
from powermap_kit.workspace import work_path

SEED = re.compile(r"\b[Ss]eeds?\s*0\d\d|种子")


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("case", [c.slug for c in list_cases()])
def test_a_learner_debrief_cites_no_seed_and_a_trainer_keeps_them(case, lang, tmp_path, monkeypatch):
    monkeypatch.setenv("POWERMAP_WORK", str(tmp_path))
    monkeypatch.setenv("POWERMAP_LEARNER", "ann")
    import powermap_kit as pk

    draft = work_path(f"{case}/ann.json")
    pm = pk.PowerMap()
    pm.add_stakeholder(name="Wang Wei")
    pk.save_map(pm, draft)
    submit_map(draft)
    set_audience("learner")
    try:
        text = str(debrief(case, lang=lang))
    finally:
        set_audience("trainer")
    assert "🔒" not in text and len(text) > 200
    assert SEED.findall(text) == []
