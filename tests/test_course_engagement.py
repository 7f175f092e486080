"""Notebooks 08–09's exercises (course.engagement): hints, never the answer; empty and
nonsense answers rejected with guidance; expected answers computed from the example maps."""

from __future__ import annotations

import pytest

from powermap_kit import vocab
from powermap_kit.analysis import analyse
from powermap_kit.course import engagement as eg

M08 = eg.example("08_huachuan_cold_chain")
M09 = eg.example("09_huachuan_cold_chain")
STEPS_NB = ["shao", "gong", "dai", "luo"]
STEPS_WB = ["yu", "min", "qi"]
MATRIX_NB = ["shao", "dai", "luo", "gong"]
MATRIX_WB = ["yao", "qi", "min", "gan"]

# The right answers (what the trainer solutions use).
RIGHT = {
    "matrix": (lambda a, lang: eg.check_matrix(M08, a, MATRIX_NB, lang=lang),
               {"shao": "contact_first", "dai": "key_decider", "luo": "key_influencer", "gong": "keep_informed"}),
    "matrix_wb": (lambda a, lang: eg.check_matrix(M08, a, MATRIX_WB, lang=lang),
                  {"yao": "contact_first", "qi": "keep_informed", "min": "keep_informed", "gan": "unplaced"}),
    "steps": (lambda a, lang: eg.check_steps(M09, a, STEPS_NB, lang=lang),
              {"shao": "private_meeting", "gong": "reassess", "dai": "work_together", "luo": "solve_problems"}),
    "steps_wb": (lambda a, lang: eg.check_steps(M09, a, STEPS_WB, lang=lang),
                 {"yu": "get_information", "min": "understand_needs", "qi": "get_information"}),
    "channels": (lambda a, lang: eg.check_channels(a, "notebook", lang=lang),
                 {"c1": "executive", "c2": "email", "c3": "phone", "c4": "visit"}),
    "channels_wb": (lambda a, lang: eg.check_channels(a, "workbook", lang=lang),
                    {"c5": "email", "c6": "phone", "c7": "executive"}),
    "pairing": (lambda a, lang: eg.check_pairing(a, "yao", lang=lang), "regional_vp"),
    "pairing_wb": (lambda a, lang: eg.check_pairing(a, "dai", lang=lang), "finance"),
    "balance": (lambda a, lang: eg.check_balance_point(a, "budget", lang=lang), "b3"),
    "balance_wb": (lambda a, lang: eg.check_balance_point(a, "tender", lang=lang), "t2"),
    "hidden": (lambda a, lang: eg.check_hidden(M08, a, lang=lang), ["yu"]),
}
LANGS = ("en", "zh")


@pytest.mark.parametrize("name", RIGHT)
@pytest.mark.parametrize("lang", LANGS)
def test_the_right_answer_is_right(name, lang):
    check, answer = RIGHT[name]
    assert check(answer, lang).status == "right"


@pytest.mark.parametrize("name", RIGHT)
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("empty", [None, "", {}, []])
def test_an_empty_answer_gets_guidance(name, lang, empty):
    check, _ = RIGHT[name]
    r = check(empty, lang)
    assert r.status == "unanswered" and r.hint and str(r).strip()


def _nonsense(answer):
    if isinstance(answer, dict):
        return {k: "asdf qwer" for k in answer}
    if isinstance(answer, list):
        return ["Nobody Atall"]
    return "cake and football"


@pytest.mark.parametrize("name", RIGHT)
@pytest.mark.parametrize("lang", LANGS)
def test_nonsense_is_rejected_and_names_the_choices(name, lang):
    check, answer = RIGHT[name]
    r = check(_nonsense(answer), lang)
    assert r.status == "wrong" and r.score == 0
    assert "asdf" in str(r) or "cake" in str(r) or "Nobody" in str(r)


def _wrong(answer, name):
    """A wrong answer of the right shape: every item given another allowed option."""
    options = {"matrix": eg.quadrant_options(), "steps": eg.step_options(), "channels": eg.channel_options()}
    if isinstance(answer, dict):
        allowed = list(options[name.split("_")[0]])
        return {k: next(o for o in allowed if o != v) for k, v in answer.items()}
    if isinstance(answer, list):
        return ["gong"]
    allowed = list(eg.pairing_options("yao" if name == "pairing" else "dai") if name.startswith("pairing")
                   else eg.balance_options("budget" if name == "balance" else "tender"))
    return next(o for o in allowed if o != answer)


def _labels(answer, name, lang):
    """The texts a learner must not be shown after a wrong answer: the right values' labels."""
    base = name.split("_")[0]
    table = {"matrix": eg.quadrant_options(), "steps": eg.step_options(), "channels": eg.channel_options()}
    if base in table:
        return {table[base][v][lang] for v in answer.values()}
    if base == "pairing":
        opts = eg.pairing_options("yao" if name == "pairing" else "dai")
        return {opts[answer][lang]}
    if base == "balance":
        return {eg.balance_options("budget" if name == "balance" else "tender")[answer][lang]}
    return {eg.people_items(M08)[i][lang] for i in answer}


@pytest.mark.parametrize("name", RIGHT)
@pytest.mark.parametrize("lang", LANGS)
def test_a_wrong_answer_gets_a_hint_never_the_answer(name, lang):
    check, answer = RIGHT[name]
    r = check(_wrong(answer, name), lang)
    assert r.status in ("wrong", "partly") and r.hint
    if isinstance(answer, dict):
        # one line per item: a wrong item's line names what was chosen and a hint, not the right value
        options = {"matrix": eg.quadrant_options(), "steps": eg.step_options(),
                   "channels": eg.channel_options()}[name.split("_")[0]]
        for (status, text), want in zip(r.lines, answer.values()):
            assert status == "wrong" and options[want][lang] not in text, text
        assert all(options[w][lang] not in r.hint + r.message for w in answer.values())
    else:
        for label in _labels(answer, name, lang):
            assert label not in str(r), (label, str(r))


def test_steps_follow_each_persons_relationship_and_match_the_action_plan():
    plan = {r["id"]: r["next_step"] for r in analyse(M09, today="2026-12-04").action_rows}
    _, answer = RIGHT["steps"]
    assert answer == {i: plan[i] for i in STEPS_NB}
    assert len(set(plan.values())) >= 4            # not "seek to work together" for everyone
    assert plan["gong"] != "work_together"           # the champion we meet every week


def test_examples_are_bilingual_and_known_table_hides_ratings():
    items = eg.people_items(M08)
    assert items["shao"] == {"en": "Shao Liqun (邵立群)", "zh": "邵立群"}
    frame = eg.known_table(M08, lang="zh").data
    assert list(frame.columns) == ["人员", "职务", "我们了解到的情况"]
    assert "Leads the project" in " ".join(eg.known_table(M08, lang="en").data.iloc[:, 2])


def test_matrix_pictures_in_both_views():
    assert "优先接触" in eg.matrix_picture(M08, lang="zh")._repr_html_()
    assert "Key ally" in eg.matrix_picture(M08, view="support", lang="en")._repr_html_()


def test_every_engagement_text_exists_in_both_languages():
    import json
    import re
    from importlib import resources

    texts = json.loads(resources.files("powermap_kit").joinpath("data/text/course_engagement.json").read_text("utf-8"))
    assert len(texts) > 80
    for key, both in texts.items():
        assert vocab.text(key, lang="en") == both["en"] and re.search(r"[\u4e00-\u9fff]", both["zh"]), key
        assert not re.search(r"[\u4e00-\u9fff]{3,}", both["en"].split("(")[0]), key


def test_quadrant_guide_reads_without_codes():
    frame = eg.quadrant_guide(lang="zh").data
    assert list(frame.iloc[:, 0])[:2] == ["优先接触", "确保拍板"]
    assert "contact_first" not in frame.to_string()


def test_estimated_influence_is_drawn_hollow():
    import re

    svg = eg.matrix_picture(M08, lang="en")._repr_html_()
    assert "estimated from the relationship lines" in svg
    assert re.search(r'<circle[^>]*fill="#ffffff"', svg)          # Yu Xiaoyan: influence from the network


def test_modules_08_09_teach_with_their_own_example_and_no_code_to_write():
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "course_src"
    sources = [p for folder in ("modules", "workbooks") for p in (root / folder).glob("0[89]_*.py")]
    assert len(sources) == 4
    for path in sources:
        text = path.read_text(encoding="utf-8")
        for case_key in ("load_case", "practice_key", "colleague_map", "it-solution", "medical-device", ".key"):
            assert case_key not in text, (path.name, case_key)
        assert "YOUR ANSWER HERE" not in text and "my_" not in text     # answered through widgets only
        assert text.count("Exercise(") >= 2
