import ast
import json
import re
from importlib import resources
from pathlib import Path

import pytest

import powermap_kit as pk
from powermap_kit import vocab

COURSE_CODES = {
    "role": ["approver", "decision_maker", "evaluator", "influencer", "purchaser", "user", "gatekeeper", "observer"],
    "stance": ["unknown", "oppose", "neutral", "support", "champion"],
    "support_dimension": ["influence", "solution_fit", "trust", "cooperation", "contact_frequency"],
    "stage": ["difficulty", "exploring", "project_approval", "evaluating", "decision"],
    "decision_mode": ["committee_scoring", "recommend_then_approve", "top_down"],
    "relationship_type": ["reports_to", "influences", "ally", "conflict"],
    "channel": ["visit", "phone", "email", "meeting", "social", "executive"],
    "trust_dimension": ["professional", "expertise", "stance"],
    "org_trust": ["company_strength", "product_service", "solution"],
    "relationship_step": ["work_together", "get_information", "private_meeting", "understand_needs", "solve_problems"],
    "need": ["org_strategy", "department_goals", "job_responsibilities", "personal_ideas"],
    "motive": ["achievement", "power", "security", "recognition", "relationships", "growth"],
}


@pytest.mark.parametrize("kind,expected", COURSE_CODES.items())
def test_every_course_code_is_in_the_vocabulary_in_order(kind, expected):
    assert list(vocab.codes(kind)) == expected


def test_every_entry_has_both_languages():
    for kind in vocab.KINDS:
        assert set(vocab.kind_label(kind, lang=l) for l in ("en", "zh"))
        for item in vocab.entries(kind):
            for part in ("label", "description"):
                assert item[part]["en"].strip() and item[part]["zh"].strip(), (kind, item["code"], part)
                assert re.search(r"[\u4e00-\u9fff]", item[part]["zh"]), (kind, item["code"], part)


def test_every_text_has_both_languages_and_the_same_placeholders():
    folder = resources.files("powermap_kit").joinpath("data/text")
    for f in folder.iterdir():
        if not f.name.endswith(".json"):
            continue
        for key, value in json.loads(f.read_text("utf-8")).items():
            assert set(value) == {"en", "zh"}, key
            fields = [set(re.findall(r"\{(\w+)", value[l])) for l in ("en", "zh")]
            assert fields[0] == fields[1], key


def test_language_switch_changes_labels_and_notifies():
    seen = []
    vocab.on_language_change(seen.append)
    try:
        pk.set_language("zh")
        assert pk.label("decision_maker") == "决策者"
        assert pk.describe("champion").startswith("在客户内部")
        pk.set_language("en")
        assert pk.label("decision_maker") == "Decision maker"
    finally:
        vocab.on_language_change(seen.append, remove=True)
    assert seen == ["zh", "en"]
    with pytest.raises(ValueError):
        pk.set_language("fr")


def test_kinds_disambiguate_shared_codes():
    assert vocab.label("power", "motive", lang="en") == "Power"
    assert vocab.label("stance", "trust_dimension", lang="zh") == "立场信任"
    with pytest.raises(KeyError):
        vocab.label("approver", "stance")


def test_stance_colours_distinguish_unknown():
    colours = {s: vocab.colour(s) for s in vocab.STANCES}
    assert len(set(colours.values())) == len(colours)
    assert vocab.colour(None) == colours["unknown"]


def test_decision_modes_name_roles_that_matter():
    for mode in vocab.DECISION_MODES:
        roles = vocab.entry(mode, "decision_mode")["key_roles"]
        assert roles and set(roles) <= set(vocab.ROLES)


def test_stages_carry_focus_tasks_and_signals():
    for item in vocab.entries("stage"):
        for part in ("focus", "seller_task"):
            assert item[part]["en"] and item[part]["zh"]
        assert len(item["signals"]["en"]) == len(item["signals"]["zh"]) >= 2


def test_frameworks_map_onto_canonical_roles():
    expected = {"four_role", "five_role_org", "crm_power_map", "decision_chain", "miller_heiman", "salesforce", "hubspot"}
    assert expected <= set(vocab.FRAMEWORKS)
    for fw in vocab.entries("framework"):
        for term in fw["roles"]:
            assert set(term["roles"]) <= set(vocab.ROLES), (fw["code"], term)
    sizes = {fw["code"]: len(fw["roles"]) for fw in vocab.entries("framework")}
    assert sizes["four_role"] == 4 and sizes["five_role_org"] == 5 and sizes["decision_chain"] == 5


def test_closest_suggests_codes_and_finds_labels():
    assert vocab.closest("supporter", vocab.STANCES) == "support"
    assert vocab.closest("Decision Maker", vocab.ROLES) == "decision_maker"
    assert vocab.closest("决策者", vocab.ROLES, "role") == "decision_maker"
    assert vocab.closest("zzz", vocab.ROLES) is None


def _code_strings(source):
    """String constants of a module, docstrings (and their doctests) left out."""
    tree = ast.parse(source)
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstrings.add(id(first.value))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield node.value


def test_no_label_is_spelled_in_code():
    """Labels live in data: no Python module under powermap_kit spells a vocabulary label."""
    labels = set()
    for kind in vocab.KINDS:
        for item in vocab.entries(kind):
            for lang in ("en", "zh"):
                lab = item["label"][lang]
                if not lab.isascii() or len(lab) >= 12:
                    labels.add(lab)
    root = Path(pk.__file__).parent
    for py in root.rglob("*.py"):
        for string in _code_strings(py.read_text("utf-8")):
            assert string not in labels, (py.name, string)
