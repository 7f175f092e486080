"""The two flagship cases follow the course's rating rubric, differ from each other and read
natively in both languages (issues 13 and 14)."""

from __future__ import annotations

import re

import pytest

import powermap_kit as pk
from powermap_kit import localize
from powermap_kit.cases import load_case

FLAGSHIPS = ("it-solution", "medical-device")
CJK = re.compile(r"[\u3400-\u9fff]")
DOC = re.compile(r"\bdoc(s)? \d\d|twist doc \d\d|文档\d\d|资料\d\d")
NO_CONTACT = re.compile(r"\bno contact\b|无接触|没有接触")


def _keys(slug):
    case = load_case(slug)
    return case, (("key", case.key), ("twist", case.twist_key))


@pytest.mark.parametrize("slug", FLAGSHIPS)
def test_every_rating_names_a_document(slug):
    _, keys = _keys(slug)
    for which, key in keys:
        for person in key:
            for field in ("roles", "power", "stance"):
                text = person.evidence[field]
                assert DOC.search(text), (slug, which, person.id, field, text)
                assert DOC.search(localize.text(person, f"evidence.{field}", "zh")), (slug, which, person.id, field)
        for field in ("stage", "decision_mode"):
            assert DOC.search(key.opportunity.extra["evidence"][field]), (slug, which, field)


@pytest.mark.parametrize("slug", FLAGSHIPS)
def test_no_contact_and_no_signal_is_unknown_never_neutral(slug):
    """Rubric: a person nobody on our side has met and who has shown nothing is *unknown*."""
    _, keys = _keys(slug)
    for which, key in keys:
        covered = {c.stakeholder for c in key.coverage}
        for person in key:
            stance_why = person.evidence["stance"]
            silent = NO_CONTACT.search(stance_why) and "no signal" in stance_why
            if silent:
                assert person.stance == "unknown", (slug, which, person.id)
            if person.stance == "neutral":
                assert not NO_CONTACT.search(stance_why) or "via" in stance_why or "relayed" in stance_why \
                    or person.id in covered or "'" in stance_why, (slug, which, person.id, stance_why)


def test_it_key_resolves_the_contested_judgements():
    key = load_case("it-solution").key
    assert key.stakeholder("shen_guodong").roles == ["decision_maker", "approver"]
    lu = key.stakeholder("lu_mingyuan")
    assert "decision_maker" not in lu.roles and "evaluator" in lu.roles  # his 2024 choice was overturned
    xu = key.stakeholder("xu_kai")
    assert "gatekeeper" not in xu.roles and xu.stance != "champion" and "solution_fit" not in xu.support
    assert key.stakeholder("jiang_chengye").stance == "unknown"  # doc 04: involvement unknown
    assert {key.stakeholder(p).stance for p in ("wu_tao", "pan_yue")} == {"unknown"}


def test_medical_key_has_no_single_decision_maker_and_a_stage_its_documents_support():
    case = load_case("medical-device")
    assert case.key.opportunity.decision_mode == "committee_scoring"
    assert not case.key.with_role("decision_maker") and not case.twist_key.with_role("decision_maker")
    assert case.key.opportunity.stage == "project_approval"
    assert case.twist_key.opportunity.stage == "evaluating"  # approved on 13 Oct, tender out, nothing decided
    assert "approved the project on 13 October" in case.twist_document.text("en")


def test_the_flagships_differ():
    it, md = load_case("it-solution"), load_case("medical-device")
    assert it.key.opportunity.stage != md.key.opportunity.stage
    assert it.key.opportunity.decision_mode != md.key.opportunity.decision_mode
    # twists of different kinds: a new approver from outside versus a competitor's move (nobody added)
    it_added = set(it.twist_key.ids) - set(it.key.ids)
    assert it_added and all("approver" in it.twist_key.stakeholder(p).roles for p in it_added)
    assert set(md.twist_key.ids) == set(md.key.ids)
    assert "Veritas" in md.twist_document.text("en") and "Shao Wenbo" in it.twist_document.text("en")
    # different CRM pictures: only the IT case carries a percentage
    it_brief, md_brief = it.brief("en"), md.brief("en")
    assert "80%" in it_brief and "%" not in md_brief and "commit" in md_brief


@pytest.mark.parametrize("slug", FLAGSHIPS)
def test_every_text_field_reads_in_both_languages(slug):
    _, keys = _keys(slug)
    for which, key in keys:
        for lang in ("en", "zh"):
            shown = localize.localized_map(key, lang)
            texts = [shown.account.name, shown.opportunity.name, *shown.opportunity.competitors,
                     *shown.opportunity.extra["evidence"].values()]
            for p in shown:
                texts += [p.title, p.department, *p.needs, *p.evidence.values()]
                if lang == "en":
                    assert re.fullmatch(r"[A-Z][\w' .-]+ \([\u3400-\u9fff]{2,4}\)", p.name), p.name
                else:
                    assert re.fullmatch(r"[\u3400-\u9fff]{2,4}", p.name), p.name
            texts += [r.note for r in shown.relationships if r.note]
            texts += [c.owner for c in shown.coverage if c.owner]
            for text in texts:
                if lang == "zh":
                    assert CJK.search(text) and '"' not in text, (slug, which, text)
                else:  # English: Chinese only in brackets or as a quoted term
                    bare = re.sub(r"\([^)]*\)|（[^）]*）|[\u3400-\u9fff]+(?=[:)：])", "", text)
                    assert len(CJK.findall(bare)) <= 12, (slug, which, text)


@pytest.mark.parametrize("slug", FLAGSHIPS)
def test_feedback_and_changes_follow_the_language(slug):
    case = load_case(slug)
    en = pk.compare(case.key, case.twist_key).text("en")
    zh = pk.compare(case.key, case.twist_key).text("zh")
    assert re.search(r"[A-Z][a-z]+ [A-Z][a-z]+ \([\u3400-\u9fff]+\)", en)
    assert not re.search(r"[A-Za-z]{3,}", re.sub(r"\b(DSA|CT|ERP|MES)\b", "", zh)), zh
    assert not re.search(r"[\u3400-\u9fff] [\u3400-\u9fff]", zh), zh  # no spaces around Chinese names


@pytest.mark.parametrize("slug", FLAGSHIPS)
def test_samples_still_rank_against_the_new_keys(slug):
    case = load_case(slug)
    for key in (case.key, case.twist_key):
        scores = [pk.grade(case.submission(q), key).total for q in ("strong", "typical", "weak")]
        assert scores[0] > scores[1] > scores[2], (slug, scores)


def test_the_flagships_share_no_names():
    """Issue 14: a name means one person across the course's cases."""
    it, md = load_case("it-solution"), load_case("medical-device")
    for a, b in ((it.key, md.key), (it.twist_key, md.twist_key)):
        assert not {p.name for p in a} & {p.name for p in b}
