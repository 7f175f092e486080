"""Support quantification (seed 003): score formula, levels, unknowns, consistency findings."""

import pandas as pd
import pytest

import powermap_kit as pk
from powermap_kit.analysis import analyse, config, consistency_findings, effective_stance, support_level, support_score
from powermap_kit.analysis.support import support_explanation


def person(**fields):
    return pk.Stakeholder(id=fields.pop("id", "p"), name=fields.pop("name", "Li Na"), **fields)


def test_score_is_the_documented_weighted_mean_rescaled():
    p = person(support={"influence": 5, "solution_fit": 4, "trust": 2, "cooperation": 3, "contact_frequency": 5})
    mean = (3 * 4 + 3 * 2 + 2 * 3 + 1 * 5) / 9          # influence weighs 0 by default
    assert support_score(p) == pytest.approx(round((mean - 1) / 4 * 100, 2))


@pytest.mark.parametrize("value,level", [(1, "oppose"), (2, "oppose"), (3, "neutral"), (4, "support"), (5, "champion")])
def test_uniform_ratings_map_to_the_four_levels(value, level):
    p = person(support={d: value for d in pk.vocab.SUPPORT_DIMENSIONS})
    assert support_level(support_score(p)) == level


def test_missing_dimensions_mean_unknown_not_zero():
    assert support_score(person()) is None
    assert support_score(person(support={"trust": 5})) is None             # one dimension is too few
    assert support_score(person(support={"influence": 5, "trust": 5})) is None  # influence has weight 0
    assert support_level(None) is None
    assert effective_stance(person()) == (None, None)


def test_weights_and_minimum_are_configurable():
    cfg = config({"support": {"weights": {"influence": 0, "solution_fit": 0, "trust": 1, "cooperation": 0,
                                          "contact_frequency": 0}, "min_dimensions": 1}})
    assert support_score(person(support={"trust": 5, "solution_fit": 1}), cfg) == 100.0


def test_recorded_stance_wins_and_dimensions_fill_an_unknown_stance():
    high = {"solution_fit": 5, "trust": 5, "cooperation": 4}
    assert effective_stance(person(stance="oppose", support=high)) == ("oppose", "recorded")
    assert effective_stance(person(stance="unknown", support=high)) == ("champion", "dimensions")


def test_explanations_say_how_the_score_was_reached_in_both_languages():
    p = person(support={"solution_fit": 3, "trust": 3})
    assert "50.0" in support_explanation(p).render("en") and "Neutral" in support_explanation(p).render("en")
    assert "中立" in support_explanation(p).render("zh")
    assert "unknown" in support_explanation(person(support={"trust": 2})).render("en")


def _map(*people):
    return pk.load_map({"format": "powermap/1", "stakeholders": list(people)})


def test_champion_with_trust_one_must_be_verified():
    pm = _map({"id": "li", "name": "Li Na", "stance": "champion",
               "support": {"solution_fit": 5, "trust": 1, "cooperation": 5, "contact_frequency": 5}})
    [finding] = consistency_findings(pm)
    assert finding.code == "stance_inconsistent" and finding.severity == "high"
    text = finding.message.render("en")
    assert "Li Na" in text and "Trust" in text and "1" in text
    assert "李娜" not in text and "信任程度" in finding.message.render("zh")


def test_two_levels_apart_is_inconsistent_one_level_is_not():
    neutral_dims = {d: 3 for d in ("solution_fit", "trust", "cooperation", "contact_frequency")}
    far = _map({"id": "a", "name": "A", "stance": "champion", "support": neutral_dims})
    near = _map({"id": "a", "name": "A", "stance": "support", "support": neutral_dims})
    opp = _map({"id": "a", "name": "A", "stance": "oppose", "support": {d: 4 for d in neutral_dims}})
    assert [f.code for f in consistency_findings(far)] == ["stance_inconsistent"]
    assert consistency_findings(near) == []
    assert [f.severity for f in consistency_findings(opp)] == ["medium"]


def test_people_table_shows_score_level_and_basis():
    pm = _map({"id": "a", "name": "A", "support": {"solution_fit": 4, "trust": 4}},
              {"id": "b", "name": "B", "stance": "neutral"})
    people = analyse(pm, today="2026-11-20").people
    assert people.loc["a", "support"] == 75.0 and people.loc["a", "support_level"] == "support"
    assert people.loc["a", "stance_used"] == "support" and people.loc["a", "stance_basis"] == "dimensions"
    assert people.loc["b", "stance"] == "neutral" and pd.isna(people.loc["b", "support"])
