"""Hint-only learner feedback: no key value reaches a learner before they submit the case;
submitting unlocks the comparison and the debrief; every check rejects empty and nonsense
answers with guidance; the learner-safe hint file; fresh stage statements; the visit plan."""

from __future__ import annotations

import inspect
import json
import re
from difflib import SequenceMatcher

import pytest

import powermap_kit as pk
from powermap_kit import course, vocab
from powermap_kit.cases import load_case
from powermap_kit.cli import main
from powermap_kit.course.learner import docs_text, map_lines, role_kind
from powermap_kit.errors import InvalidValue
from powermap_kit.hints import documents_in, load_hints, make_hints, set_audience, write_hints
from powermap_kit.submit import submit_map

FLAGSHIPS = ("it-solution", "medical-device")
LANGS = ("en", "zh")


@pytest.fixture
def learner():
    set_audience("learner")
    yield
    set_audience("trainer")


@pytest.fixture
def work(tmp_path, monkeypatch):
    monkeypatch.setenv("POWERMAP_WORK", str(tmp_path))
    monkeypatch.setenv("POWERMAP_LEARNER", "li_na")
    return tmp_path


# ---- what must never show: the key's values ----------------------------------------------------
def _forbidden(key: pk.PowerMap, people=None) -> list[str]:
    """Key values as they would read in feedback, both languages."""
    out: list[str] = []
    for lang in LANGS:
        for field in ("stage", "decision_mode"):
            value = getattr(key.opportunity, field)
            if value:
                out.append(vocab.label(value, field, lang))
        for p in key.stakeholders:
            if people is not None and p.id not in people:
                continue
            out += [re.compile(rf"(?<!\w){re.escape(vocab.label(r, 'role', lang))}(?!\w)") for r in p.roles]
            stance = vocab.label(p.stance_or_unknown, "stance", lang)
            # Two-character Chinese labels are common words (支持度): look for them standing alone.
            out.append(re.compile(rf"\b{stance}\b") if lang == "en" else re.compile(rf"(?<![\u4e00-\u9fff]){stance}(?![\u4e00-\u9fff])"))
            if p.power is not None:
                out += [f"power {p.power}", f"Power {p.power}", f"权力{p.power}", f"权力 {p.power}",
                        f"权力为 {p.power}"]
    for insight in (key.grading or {}).get("insights") or []:
        out += [text[:40] for text in (insight.get("feedback") or {}).values()]
    return [s for s in out if s]


def _found(forbidden, text: str) -> list:
    return [f.pattern if hasattr(f, "pattern") else f for f in forbidden
            if (f.search(text) if hasattr(f, "search") else f in text)]


def _wrong_map(key: pk.PowerMap, keep_names: bool = True) -> pk.PowerMap:
    """The key's people with every judged value changed to a wrong one and no evidence."""
    pm = key.copy()
    pm.grading = None
    for p in pm.stakeholders:
        wrong_roles = [r for r in vocab.ROLES if r not in p.roles][:1]
        p.roles = wrong_roles
        p.power = 1 if (p.power or 3) >= 3 else 5
        p.stance = "champion" if p.stance in ("oppose", "unknown", None) else "oppose"
        p.coach = not p.coach
        p.evidence = {}
    pm.opportunity.stage = next(s for s in vocab.STAGES if s != key.opportunity.stage)
    pm.opportunity.decision_mode = next(m for m in vocab.DECISION_MODES if m != key.opportunity.decision_mode)
    return pm


def _rendered(result) -> str:
    return "\n".join(str(result.in_language(lang)) + result.in_language(lang)._repr_html_() for lang in LANGS)


def _learner_checks(slug: str):
    case = load_case(slug)
    key = case.key
    person = next(p for p in key.stakeholders if p.roles and p.power and p.power >= 4)
    wrong_roles = [r for r in vocab.ROLES if r not in person.roles][:2]
    stage = next(s for s in vocab.STAGES if s != key.opportunity.stage)
    mode = next(m for m in vocab.DECISION_MODES if m != key.opportunity.decision_mode)
    far = {d: (1 if (v or 3) >= 3 else 5) for d, v in person.support.items()} or {"trust": 1}
    names = [p.name for p in key.stakeholders]
    answers = [None, "", "asdf", 42, ["asdf"]]
    yield "case_stage", [course.check_case_stage(case, a) for a in [*answers, stage]]
    yield "case_mode", [course.check_case_decision_mode(case, a) for a in [*answers, mode]]
    yield "role", [course.check_role(key, person.id, a) for a in [*answers, wrong_roles]]
    yield "role_answers", [course.check_role_answers(case, a) for a in
                           [*answers, {p.id: [r for r in vocab.ROLES if r not in p.roles][:1] for p in key.stakeholders}]]
    yield "support", [course.check_support(case, person.id, a) for a in [None, "asdf", {"trust": "x"}, far]]
    yield "assess", [course.assess_support(far, key, person.id)]
    yield "who_to_reach", [course.check_who_to_reach(case, a) for a in [*answers, names[-3:], names[:1]]]
    yield "priorities", [course.check_priorities(a, case) for a in [*answers, names[-3:], names]]
    yield "quadrant", [course.check_quadrant(key, a) for a in [*answers, names[-2:]]]
    yield "hidden", [course.check_hidden_power(key, a) for a in [*answers, names[:2]]]
    yield "coach", [course.check_coach_choice(case, a) for a in [*answers, *names[:3]]]
    yield "case_map", [course.check_case_map(a, case) for a in [None, "asdf", pk.PowerMap(), _wrong_map(key)]]
    if case.twist_key is not None:
        yield "twist", [course.check_twist_update(key, a, case) for a in [None, key.copy(), _wrong_map(key)]]


@pytest.mark.parametrize("slug", FLAGSHIPS)
def test_no_key_value_in_any_learner_check(slug, learner, work):
    key = load_case(slug).key
    case = load_case(slug)
    forbidden = _forbidden(key) + (_forbidden(case.twist_key) if case.twist_key is not None else [])
    for name, results in _learner_checks(slug):
        for n, result in enumerate(results):
            text = _rendered(result)
            leaked = _found(forbidden, text)
            assert not leaked, f"{slug} {name} answer {n} shows key values {leaked}:\n{text[:600]}"
            assert "the key has" not in text and "答案为" not in text


@pytest.mark.parametrize("slug", FLAGSHIPS)
def test_the_leak_detector_finds_values_in_trainer_feedback(slug):
    """The same checks for a trainer do show key values: the detector above is not blind."""
    key = load_case(slug).key
    forbidden = _forbidden(key)
    shown = _rendered(course.check_case_map(_wrong_map(key), slug, audience="trainer"))
    assert _found(forbidden, shown)


@pytest.mark.parametrize("slug", FLAGSHIPS)
def test_learner_scorecard_shows_no_key_value_and_no_key_people_on_an_empty_map(slug, learner, work, comms):
    from powermap_kit.widgets import ScoreCard

    key = load_case(slug).key
    forbidden = _forbidden(key)
    empty = ScoreCard(pk.PowerMap(), key)
    html = empty.to_html()
    assert empty.locked and empty.total is None
    people = [n for p in key.stakeholders for n in (p.name, *((key.grading or {}).get("aliases") or {}).get(p.id, []))
              if len(n) >= 2]
    assert not [n for n in people if n in html], "an empty map's card names no key person"
    for pm in (_wrong_map(key), pk.PowerMap()):
        card = ScoreCard(pm, key)
        for lang in LANGS:
            pk.set_language(lang)
            card._on_language(lang)
            html = card.to_html()
            assert not _found(forbidden, html), html[:500]
    pk.set_language("en")
    assert "unlocks when you submit" in ScoreCard(_wrong_map(key), key).to_html()


# ---- submitting unlocks ------------------------------------------------------------------------
def test_submit_unlocks_the_scorecard_check_and_debrief(learner, work, comms):
    from powermap_kit.widgets import ScoreCard

    case = load_case("it-solution")
    pm = _wrong_map(case.key)
    draft = work / "it-solution" / "li_na.json"
    pk.save_map(pm, draft)
    # Before: hints only, and the debrief says what is locked and how to unlock it.
    assert ScoreCard(draft, case.key).locked
    assert "/ 100" not in str(course.check_case_map(pm, case, lang="en"))
    locked = str(course.debrief(case, lang="en"))
    assert "locked" in locked and "Submit" in locked and "Trainer debrief" not in locked
    assert "提交" in str(course.debrief(case, lang="zh"))
    # After: the full comparison and the debrief.
    submit_map(draft)
    card = ScoreCard(draft, case.key)
    assert not card.locked and card.total is not None and "the key has" in card.to_html()
    assert "/ 100" in str(course.check_case_map(pk.load_map(draft), case, lang="en"))
    assert "/ 100" in str(course.check_case_map(pm, case, lang="en")), "the learner's draft was submitted"
    from powermap_kit.course.display import without_sources
    assert str(course.debrief(case, lang="en")) == without_sources(str(case.debrief("en")))


def test_a_trainer_always_sees_the_full_comparison(work, comms):
    from powermap_kit.widgets import ScoreCard

    key = load_case("it-solution").key
    card = ScoreCard(_wrong_map(key), key, audience="trainer")
    assert not card.locked and "the key has" in card.to_html()
    assert "Trainer debrief" in str(course.debrief("it-solution", audience="trainer", lang="en"))


# ---- the hint file --------------------------------------------------------------------------------
def _values(data):
    if isinstance(data, dict):
        for value in data.values():
            yield from _values(value)
    elif isinstance(data, list):
        for value in data:
            yield from _values(value)
    else:
        yield data


@pytest.mark.parametrize("slug", FLAGSHIPS)
def test_hint_file_holds_no_key_value(slug, tmp_path):
    out = tmp_path / "hints.json"
    case = load_case(slug)
    assert main(["hints", str(case.folder / "key.json"), "-o", str(out)]) == 0
    data = json.loads(out.read_text("utf-8"))
    assert "twist" in data, "the case folder's twist key is read too"
    codes = set(vocab.ROLES) | set(vocab.STANCES) | set(vocab.STAGES) | set(vocab.DECISION_MODES)
    values = [v for v in _values(data) if not isinstance(v, str) or v not in (data["salt"],)]
    assert not codes & {v for v in values if isinstance(v, str)}
    points = [i["points"] for i in data["insights"] + data["twist"]["insights"]]
    assert not [v for v in values if isinstance(v, (int, float)) and not isinstance(v, bool)
                and v not in points], "no power or rating numbers"
    text = out.read_text("utf-8")
    forbidden = _forbidden(case.key) + _forbidden(case.twist_key)
    assert not [f for f in _found(forbidden, text) if not f.startswith(("power", "Power"))]
    for section in (data, data["twist"]):
        for person in section["people"].values():
            assert set(person) == {"names", "display", "title", "docs", "check"}
            assert all(re.fullmatch(r"[0-9a-f]{24}", d) for d in _values(person["check"]))
    for change in data["twist"]["changes"]:
        assert set(change) <= {"area", "person", "check"}
        assert change["area"] in ("roles", "power", "stance", "coach", "line", "stage", "decision_mode")


def test_learner_checks_run_from_a_hint_file_when_the_key_is_withheld(tmp_path, monkeypatch, learner, work):
    import shutil

    src = load_case("it-solution")
    folder = tmp_path / "cases" / "it-solution"
    shutil.copytree(src.folder, folder)
    (folder / "key.json").unlink()
    write_hints(src.key, tmp_path / "hints" / "it-solution.json")
    monkeypatch.setenv("POWERMAP_CASES", str(tmp_path / "cases"))
    monkeypatch.setenv("POWERMAP_HINTS", str(tmp_path / "hints"))
    assert course.check_case_stage("it-solution", src.key.opportunity.stage).ok
    assert not course.check_case_stage("it-solution", "difficulty" if src.key.opportunity.stage != "difficulty"
                                       else "decision").ok
    pm = src.key.copy()
    assert course.check_case_map(pm, "it-solution").score == 1.0
    assert course.check_case_map(_wrong_map(src.key), "it-solution").score < 0.3
    person = next(p for p in src.key.stakeholders if p.roles)
    assert course.check_role_answers("it-solution", {person.id: person.roles}).ok
    assert course.check_who_to_reach("it-solution", ["nobody"]).status == "wrong"


def test_documents_are_read_from_evidence_in_both_languages():
    assert documents_in("doc 03 invitation; docs 05, 06 and 08 show it; 资料07、09") == ["03", "05", "06", "07", "08",
                                                                                        "09"]
    assert documents_in({"en": "Doc. 2", "zh": "文件 11"}) == ["02", "11"]
    assert documents_in("no documents here, 2026-05-20") == []


def test_a_hint_names_the_area_and_the_documents(learner, work):
    key = load_case("it-solution").key
    pm = _wrong_map(key)
    lines = [text for _, text in course.check_case_map(pm, "it-solution", lang="en").lines]
    h = make_hints(key)
    person = key.stakeholders[0]
    docs = h.docs(person.id, "stance")
    assert any(person.name in line and "stance" in line and f"doc {docs[0]}" in line.replace("docs ", "doc ")
               for line in lines), lines


# ---- empty and nonsense answers ---------------------------------------------------------------
def _calls():
    case = load_case("it-solution")
    key = case.key
    mode_id = course.decision_mode_questions(shuffle=False)[0].id
    return {
        "check_building_order": lambda a: course.check_building_order(a),
        "check_case_decision_mode": lambda a: course.check_case_decision_mode(case, a),
        "check_case_map": lambda a: course.check_case_map(a, case),
        "check_case_stage": lambda a: course.check_case_stage(case, a),
        "check_coach_choice": lambda a: course.check_coach_choice(case, a),
        "check_coach_tips": lambda a: course.check_coach_tips(a),
        "check_compliance": lambda a: course.check_compliance(a),
        "check_decision_mode": lambda a: course.check_decision_mode(mode_id, a),
        "check_decision_mode_answers": lambda a: course.check_decision_mode_answers(a),
        "check_framework_terms": lambda a: course.check_framework_terms("decision_chain", a),
        "check_gaps_answer": lambda a: course.check_gaps_answer(key, key.stakeholders[0].id, a),
        "check_hidden_power": lambda a: course.check_hidden_power(key, a),
        "check_intelligence_gaps": lambda a: course.check_intelligence_gaps(case, a),
        "check_opponent_moves": lambda a: course.check_opponent_moves(a),
        "check_pitfalls": lambda a: course.check_pitfalls(a),
        "check_practice_map": lambda a: course.check_practice_map(a),
        "check_priorities": lambda a: course.check_priorities(a, case),
        "check_quadrant": lambda a: course.check_quadrant(key, a),
        "check_relationship_order": lambda a: course.check_relationship_order(a),
        "check_role": lambda a: course.check_role(key, next(p.id for p in key.stakeholders if p.roles), a),
        "check_role_answers": lambda a: course.check_role_answers(case, a),
        "check_sources": lambda a: course.check_sources(a),
        "check_stage": lambda a: course.check_stage("stage-01", a),
        "check_stage_answers": lambda a: course.check_stage_answers(a),
        "check_support": lambda a: course.check_support(case, key.stakeholders[0].id, a),
        "check_support_levels": lambda a: course.check_support_levels(a),
        "check_trust": lambda a: course.check_trust(a),
        "check_twist_update": lambda a: course.check_twist_update(key, a, case),
        "check_visit_plan": lambda a: course.check_visit_plan(a),
        "check_who_to_reach": lambda a: course.check_who_to_reach(case, a),
    }


BAD = [None, "", "   ", "asdf", 42, 3.5, True, ["asdf"], {"asdf": "qwer"}, ("?",)]


def _call_for(name: str):
    known = _calls()
    if name in known:
        return known[name]
    fn = getattr(course, name)
    required = [p for p in inspect.signature(fn).parameters.values()
                if p.default is inspect.Parameter.empty and p.kind is p.POSITIONAL_OR_KEYWORD]
    if len(required) != 1:
        pytest.skip(f"{name}: no generic call; add it to _calls()")
    return fn


@pytest.mark.parametrize("audience", ["learner", "trainer"])
@pytest.mark.parametrize("name", sorted(n for n in course.__all__ if n.startswith("check_")))
def test_every_check_rejects_empty_and_nonsense_answers_with_guidance(name, audience, work):
    set_audience(audience)
    try:
        call = _call_for(name)
        for bad in BAD:
            result = call(bad)
            for lang in LANGS:
                shown = result.in_language(lang)
                assert shown.status != "right", f"{name}({bad!r}) accepted"
                assert shown.status in ("wrong", "unanswered", "partly") and shown.score < 1
                assert shown.lines or shown.hint, f"{name}({bad!r}) gives no guidance"
                assert str(shown) and shown._repr_html_()
    finally:
        set_audience("trainer")


# ---- stage statements -------------------------------------------------------------------------
def _longest_common(a: str, b: str) -> int:
    m = SequenceMatcher(None, a.lower(), b.lower(), autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return m.size


def test_stage_statements_are_not_the_guide_signals():
    signals = {lang: [s for e in vocab.entries("stage") for s in e["signals"][lang]] for lang in LANGS}
    limits = {"en": 20, "zh": 5}  # about three words; five Chinese characters
    for q in course.stage_questions(statement_set=None, shuffle=False):
        item = next(i for i in course.questions.stage_items() if i["id"] == q.id)
        for lang in LANGS:
            text = item["text"][lang]
            worst = max(signals[lang], key=lambda s: _longest_common(text, s))
            assert _longest_common(text, worst) < limits[lang], (q.id, lang, text, worst)


def test_stage_statements_come_in_sets_with_enough_per_stage():
    items = course.questions.stage_items()
    assert {i["set"] for i in items} == set(course.questions.STATEMENT_SETS)
    for statement_set, least in (("practice", 5), ("assessment_pre", 2), ("assessment_post", 2)):
        qs = course.stage_questions(statement_set=statement_set)
        for stage in vocab.STAGES:
            assert sum(q.expected == stage for q in qs) >= least, (statement_set, stage)
    practice = {q.id for q in course.stage_questions()}
    held = {q.id for s in ("assessment_pre", "assessment_post") for q in course.stage_questions(statement_set=s)}
    assert practice and held and not practice & held, "the quizzes never show the held-back statements"
    zh = re.compile(r"[\u4e00-\u9fff]")
    assert all(zh.search(i["text"]["zh"]) and i["why"]["zh"] and i["why"]["en"] for i in items)
    with pytest.raises(ValueError):
        course.stage_questions(statement_set="exam")


# ---- the visit plan ---------------------------------------------------------------------------
VAGUE = [
    {"objective": "She likes us a lot more", "next_step": "bring cake and talk about football"},
    {"visit_goal": "She likes us a lot more", "commitment": "She feels closer to us", "next_step": "next week"},
    {"objective": "关系更好，她更喜欢我们", "commitment": "请她吃饭，聊聊足球", "next_step": "尽快跟进"},
    {"objective": "Build rapport", "commitment": "Good impression", "next_step": "Follow up soon"},
]
GOOD = [
    {"objective": "Address Ms Han's worry about the five-year cost", "commitment":
        "Ms Han agrees to have her team review our TCO model", "next_step": "Send the model by Friday 12 June"},
    {"objective": "回应韩总对五年总成本的顾虑", "commitment": "韩总同意安排财务团队审阅我们的TCO模型",
     "next_step": "6月12日前发出模型，下周二电话复核"},
]


@pytest.mark.parametrize("plan", VAGUE)
def test_vague_visit_plans_fail_with_guidance_in_both_languages(plan):
    result = course.check_visit_plan(**plan)
    assert result.status in ("wrong", "partly") and not result.ok
    for lang in LANGS:
        assert any(mark == "wrong" for mark, _ in result.in_language(lang).lines)
    assert result.in_language("zh").lines[0][1] != result.in_language("en").lines[0][1]


def test_the_seed_003_example_fails_outright():
    result = course.check_visit_plan(objective="She likes us a lot more",
                                     next_step="bring cake and talk about football", lang="en")
    assert result.status == "wrong" and result.score == 0
    text = str(result)
    assert "feeling is not a commitment" in text and "no date" in text and "Cake" in text


@pytest.mark.parametrize("plan", GOOD)
def test_concrete_visit_plans_pass(plan):
    assert course.check_visit_plan(**plan, person="Han Jing").ok


def test_each_visit_test_fails_on_its_own():
    good = GOOD[0]
    for field, bad in (("commitment", "She trusts us"), ("objective", "Have a nice talk"),
                       ("next_step", "Send the model soon")):
        result = course.check_visit_plan(**{**good, field: bad}, lang="en")
        assert result.status == "partly", (field, str(result))


def test_scorecard_from_a_hint_file_gives_hints_only(tmp_path, learner, work, comms):
    from powermap_kit.widgets import ScoreCard

    key = load_case("it-solution").key
    hints = write_hints(key, tmp_path / "hints.json")
    pm = _wrong_map(key)
    pm.meta["submitted"] = "2026-05-20T10:00:00+00:00"
    card = ScoreCard(pm, hints)
    assert card.locked and card.key is None, "without the key nothing but hints can be shown"
    assert "reread" in card.to_html() and not _found(_forbidden(key), card.to_html())
    assert ScoreCard(key.copy(), load_hints(hints)).hint_result.score == 1.0


def test_hints_command_rejects_what_is_not_a_key(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", "utf-8")
    assert main(["hints", str(bad), "-o", str(tmp_path / "h.json")]) == 1
    assert not (tmp_path / "h.json").exists()
    with pytest.raises(ValueError):
        load_hints({"format": "powermap/1"})


# ---- through the Exercise widget ------------------------------------------------------------
def test_exercise_forms_feed_the_learner_checks(comms, learner, work):
    from powermap_kit.widgets import Exercise, choose, pick, text_fields

    fields = {"objective": {"en": "Objective", "zh": "拜访目标"}, "commitment": {"en": "Commitment", "zh": "承诺"},
              "next_step": {"en": "Next step", "zh": "下一步"}}
    visit = Exercise("09.visit", lambda a: course.check_visit_plan(**a), text_fields(fields), path=False)
    visit.form.set({"objective": "She likes us a lot more", "commitment": "",
                    "next_step": "bring cake and talk about football"})
    assert visit.check().status == "wrong"
    assert visit.check().status == "wrong" and "feeling" in visit._feedback.value
    case = load_case("it-solution")
    stage = Exercise("10.stage", lambda a: course.check_case_stage(case, a), choose("stage"), path=False)
    assert stage.check().status == "unanswered"
    wrong = next(s for s in vocab.STAGES if s != case.key.opportunity.stage)
    stage.form.set(wrong)
    assert stage.check().status == "wrong"
    assert vocab.label(case.key.opportunity.stage, "stage", "en") not in stage._feedback.value
    people = {p.id: p.name for p in case.key.stakeholders}
    hidden = Exercise("08.hidden", lambda a: course.check_hidden_power(case.key, a), pick(people), path=False)
    hidden.form.set([case.key.stakeholders[-1].id])
    assert hidden.check() is not None and not _found(_forbidden(case.key), hidden._feedback.value)


def test_key_displays_are_locked_for_a_learner_until_submission(learner, work):
    case = load_case("it-solution")
    shows = [lambda: course.map_picture(case), lambda: course.matrix_picture("it-solution"),
             lambda: course.roles_through(case, "decision_chain"), lambda: course.coverage_table(case),
             lambda: course.evidence_table(case, [case.key.stakeholders[0].id])]
    for show in shows:
        shown = show()
        assert "🔒" in str(shown) and not _found(_forbidden(case.key), str(shown))
    assert not isinstance(course.map_picture(case.key.copy()), pk.cases.Markdown), "a map as given is drawn"
    pk.save_map(case.key.copy(), work / "it-solution" / "li_na.json")
    submit_map(work / "it-solution" / "li_na.json")
    assert all("🔒" not in str(show()) for show in shows)


# ---- module 12's twist check where the trainer withholds both keys -----------------------------
TWIST_CASES = ("it-solution", "medical-device", "education-software", "equipment-group")


def _updates(case) -> dict[str, pk.PowerMap]:
    """A correct update (the twist key as a learner would draw it), a partial one (only the
    twist's first change of a person's roles or power or of the stage), a wrong one and nonsense."""
    correct = case.twist_key.copy()
    correct.grading = None
    partial = case.key.copy()
    partial.grading = None
    first = next(c for c in pk.compare(case.key, case.twist_key).changes if c["change"] in ("roles", "power", "stage"))
    if first["change"] == "stage":
        partial.opportunity.stage = first["new"]
    else:
        partial.update_stakeholder(first["stakeholder"], **{first["change"]: first["new"]})
    wrong = correct.copy()
    for p in wrong.stakeholders:
        p.power = 1 if (p.power or 3) >= 3 else 5
        p.roles = [next(r for r in vocab.ROLES if r not in p.roles)]
        p.stance = "oppose" if p.stance != "oppose" else "champion"
        p.coach = not p.coach
    wrong.relationships = []
    wrong.opportunity.stage = next(s for s in vocab.STAGES if s != case.twist_key.opportunity.stage)
    wrong.opportunity.decision_mode = next(m for m in vocab.DECISION_MODES
                                           if m != case.twist_key.opportunity.decision_mode)
    nonsense = pk.PowerMap()
    nonsense.add_stakeholder(id="asdf", name="asdf qwer")
    return {"correct": correct, "partial": partial, "wrong": wrong, "nonsense": nonsense}


def _twist_outcomes(before, updates, case) -> dict[tuple[str, str], tuple]:
    out = {}
    for name, pm in updates.items():
        result = course.check_twist_update(before, pm, case)
        for lang in LANGS:
            shown = result.in_language(lang)
            out[name, lang] = (shown.status, shown.score, shown.lines, shown.hint, _rendered(result))
    return out


def _withhold(tmp_path, monkeypatch, slug: str):
    """A cases folder without key.json and twist/key.json, and the hint file ``powermap hints``
    made from them in $POWERMAP_HINTS (returned)."""
    import shutil
    from pathlib import Path

    folder = tmp_path / "cases" / slug
    shutil.copytree(Path(__file__).parents[1] / "case_studies" / slug, folder)
    hints = tmp_path / "hints" / f"{slug}.json"
    assert main(["hints", str(folder / "key.json"), "-o", str(hints)]) == 0
    (folder / "key.json").unlink()
    (folder / "twist" / "key.json").unlink()
    monkeypatch.setenv("POWERMAP_CASES", str(tmp_path / "cases"))
    monkeypatch.setenv("POWERMAP_HINTS", str(tmp_path / "hints"))
    return hints


@pytest.mark.parametrize("slug", TWIST_CASES)
def test_twist_check_from_a_hint_file_gives_what_the_keys_give(slug, tmp_path, monkeypatch, learner, work):
    case = load_case(slug)
    before = case.key.copy()
    before.grading = None
    updates = _updates(case)
    with_keys = _twist_outcomes(before, updates, case)
    assert with_keys["correct", "en"][:2] == ("right", 1.0)
    assert with_keys["partial", "en"][0] == "partly" and 0 < with_keys["partial", "en"][1] < 1
    assert with_keys["wrong", "en"][:2] == ("wrong", 0.0)
    assert with_keys["nonsense", "en"][:2] == ("wrong", 0.0)
    for name, pm in updates.items():  # the trainer's check reads the keys themselves: the same verdict
        trainer = course.check_twist_update(before, pm, case, audience="trainer")
        assert (trainer.status, trainer.score) == with_keys[name, "en"][:2], name

    hints = _withhold(tmp_path, monkeypatch, slug)
    withheld = load_case(slug)
    assert not (withheld.folder / "key.json").exists() and not (withheld.folder / "twist" / "key.json").exists()
    assert _twist_outcomes(before, updates, withheld) == with_keys, "same status, score and lines as with the keys"
    assert _twist_outcomes(before, updates, slug) == with_keys

    forbidden = _forbidden(case.key) + _forbidden(case.twist_key)
    text = hints.read_text("utf-8")
    assert not [f for f in _found(forbidden, text) if not f.startswith(("power", "Power"))]
    for (name, lang), shown in with_keys.items():
        assert not _found(forbidden, shown[-1]), (name, lang, _found(forbidden, shown[-1]))
        assert "/ 100" not in shown[-1], "no score against the key before submission"


def test_twist_check_names_the_person_and_area_in_both_languages(learner, work):
    case = load_case("medical-device")
    before = case.key.copy()
    updates = _updates(case)
    changed = next(c for c in pk.compare(case.key, case.twist_key).changes if c["change"] == "power")
    name = case.key.stakeholder(changed["stakeholder"]).name
    for lang, done, missed in (("en", "Done:", "changes with the twist"), ("zh", "已更新", "随新变化而改变")):
        right = [text for _, text in course.check_twist_update(before, updates["correct"], case, lang=lang).lines]
        wrong = [text for _, text in course.check_twist_update(before, updates["wrong"], case, lang=lang).lines]
        assert any(name in t and done in t for t in right), right
        assert any(name in t and missed in t for t in wrong), wrong


def test_module_12_starts_a_blank_map_from_the_hint_file(tmp_path, monkeypatch, learner, work):
    account = load_case("it-solution").key.account
    _withhold(tmp_path, monkeypatch, "it-solution")
    blank = load_case("it-solution").blank_map()
    assert len(blank) == 0 and blank.account == account


def test_a_hint_file_without_a_twist_section_still_loads(tmp_path, monkeypatch, learner, work):
    hints = _withhold(tmp_path, monkeypatch, "it-solution")
    data = json.loads(hints.read_text("utf-8"))
    del data["twist"], data["account"]  # a file from before twist sections
    hints.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    old = load_hints(hints)
    assert old.twist is None and old.account is None
    assert not (load_case("it-solution").folder / "key.json").exists(), "the key is withheld"
    assert course.check_case_map(pk.PowerMap(), "it-solution").status == "unanswered"
    assert load_case("it-solution").blank_map().account.name is None
    with pytest.raises(InvalidValue, match="no twist section"):
        course.check_twist_update(pk.PowerMap(), pk.PowerMap(), "it-solution")


def test_hints_command_takes_the_twist_key(tmp_path, capsys):
    case = load_case("medical-device")
    lone = tmp_path / "key.json"
    lone.write_text((case.folder / "key.json").read_text("utf-8"), "utf-8")
    assert main(["hints", str(lone), "-o", str(tmp_path / "plain.json")]) == 0
    assert load_hints(tmp_path / "plain.json").twist is None, "a key outside a case folder has no twist"
    assert main(["hints", str(lone), "--twist", str(case.folder / "twist" / "key.json"),
                 "-o", str(tmp_path / "twist.json")]) == 0
    twist = load_hints(tmp_path / "twist.json").twist
    assert [c["area"] for c in twist.twist_changes()] == [
        "line" if c["change"] == "relationship_added" else c["change"]
        for c in pk.compare(case.key, case.twist_key).changes
        if c["change"] in ("roles", "power", "stance", "coach", "relationship_added", "stage", "decision_mode")]
    assert "twist" in capsys.readouterr().out


# ---- what kind of person is missing ------------------------------------------------------------
KINDS = {"approver": ("Someone who signs off", "签字拍板"),
         "decision_maker": ("Someone who makes the call", "拿主意"),
         "evaluator": ("Someone who evaluates the options", "评估各家方案"),
         "observer": ("Someone who watches over the process", "监督采购过程")}


def _key_of(roles: dict[str, list[str]]) -> pk.PowerMap:
    people = [{"id": pid, "name": f"Person {pid}", "roles": r, "power": 3, "stance": "neutral",
               "evidence": {"roles": "doc 03 and doc 07"}} for pid, r in roles.items()]
    return pk.load_map({"format": "powermap/1", "stakeholders": people, "grading": {"aliases": {}}})


@pytest.mark.parametrize("roles, kind", [
    (["approver"], "approver"),
    (["evaluator", "decision_maker"], "decision_maker"),
    (["user", "approver", "evaluator"], "approver"),
    (["evaluator", "influencer"], "evaluator"),
    (["observer"], "observer"),
    ([], None),
])
def test_a_missing_person_hint_names_the_kind_of_role(roles, kind):
    key = _key_of({"p1": roles, "p2": ["user"]})
    h = make_hints(key)
    assert role_kind(h, "p1") == kind
    mine = pk.PowerMap()
    mine.add_stakeholder(id="p2", name="Person p2")
    for n, lang in enumerate(LANGS):
        lines = [text for mark, text in map_lines(mine, h, lang)[0] if "missing" in text or "还缺" in text]
        assert len(lines) == 1 and "Person p1" not in lines[0]
        assert docs_text(["03", "07"], lang) in lines[0]
        if kind is None:
            assert lines[0] == vocab.text("course.hints.missing", lang=lang, docs=docs_text(["03", "07"], lang))
        else:
            assert KINDS[kind][n] in lines[0], lines[0]
        assert not _found(_forbidden(key), lines[0]), "plain words, not the role's label"


@pytest.mark.parametrize("lang", LANGS)
def test_case_map_hint_says_someone_who_signs_off_is_missing(lang, learner, work, comms):
    from powermap_kit.widgets import ScoreCard

    key = load_case("it-solution").key
    approver = next(p for p in key.stakeholders if "approver" in p.roles)
    pm = key.copy()
    pm.grading = None
    pm.remove_stakeholder(approver.id)
    text = _rendered(course.check_case_map(pm, "it-solution"))
    assert KINDS["approver"][LANGS.index(lang)] in text and approver.name not in text
    pk.set_language(lang)
    try:
        card = ScoreCard(pm, key)
        card._on_language(lang)
        assert KINDS["approver"][LANGS.index(lang)] in card.to_html()
    finally:
        pk.set_language("en")


@pytest.mark.parametrize("notebook", ["notebooks/en/12_dynamic_change.ipynb", "notebooks/zh/12_dynamic_change.ipynb",
                                      "exercises/en/12_dynamic_change_exercises.ipynb"])
def test_module_12_runs_for_a_learner_without_the_keys(notebook, tmp_path, monkeypatch, learner, work, comms):
    """The learner's notebook and workbook 12, cell by cell, with both keys of both cases withheld
    and the learner's submitted case maps in the work folder: every check gives hints, no key value."""
    from pathlib import Path

    forbidden = []
    cases = {slug: load_case(slug) for slug in ("it-solution", "medical-device")}
    for slug, case in cases.items():
        forbidden += _forbidden(case.key) + _forbidden(case.twist_key)
        mine = case.key.copy()
        mine.grading = None
        pk.save_map(mine, work / slug / "li_na.json")
    for slug in cases:
        _withhold(tmp_path, monkeypatch, slug)
    cells = json.loads((Path(__file__).parents[1] / notebook).read_text("utf-8"))["cells"]
    checked = []
    namespace: dict = {}
    for cell in cells:
        if cell["cell_type"] != "code":
            continue
        source = "".join(cell["source"])
        exec(compile(source, notebook, "exec"), namespace)
        if "check_twist_update" in source:
            last = source.strip().splitlines()[-1]
            checked.append(eval(last, namespace))
    assert len(checked) == 2
    for result in checked:
        assert result.status == "unanswered", "the update starts as the submitted map: nothing changed yet"
        assert not _found(forbidden, _rendered(result))
    md_case = namespace["md_case"]
    assert not (md_case.folder / "key.json").exists() and not (md_case.folder / "twist" / "key.json").exists()
    # The learner moves one power the news moves, in the builder's map: one change of several done.
    first = next(c for c in pk.compare(cases["medical-device"].key, cases["medical-device"].twist_key).changes
                 if c["change"] == "power")
    md = namespace["md_builder"].map
    md.update_stakeholder(first["stakeholder"], power=first["new"])
    partial = course.check_twist_update(namespace["md_before"], md, md_case)
    assert partial.status == "partly" and not _found(forbidden, _rendered(partial))
