"""The ``i18n`` addition: text per language, names per language, files without it unchanged."""

from __future__ import annotations

import json

import pytest

import powermap_kit as pk
from powermap_kit import localize
from powermap_kit.model import PowerMap

PERSON = {
    "id": "shen", "name": "沈国栋", "title": "集团总经理", "department": "总经理办公会",
    "needs": ["稳妥的选择"], "evidence": {"stance": "文档01：不见任何投标方", "roles": "文档03"},
    "i18n": {"en": {"name": "Shen Guodong", "title": "President", "needs": ["a defensible choice"],
                    "evidence": {"stance": "doc 01: meets no bidder"}}},
}
MAP = {
    "format": "powermap/1",
    "account": {"name": "江岳精工", "i18n": {"en": {"name": "Jiangyue Precision"}}},
    "opportunity": {"name": "数字化平台", "stage": "evaluating",
                    "evidence": {"stage": "文档03"}, "i18n": {"en": {"name": "Digital platform",
                                                                    "evidence": {"stage": "doc 03"}}}},
    "stakeholders": [PERSON, {"id": "wu", "name": "吴涛"}],
    "relationships": [{"source": "wu", "target": "shen", "type": "reports_to", "note": "直属",
                       "i18n": {"en": {"note": "direct line"}}}],
    "coverage": [{"owner": "客户经理小周", "stakeholder": "wu", "i18n": {"en": {"owner": "Zhou, account manager"}}}],
}


@pytest.mark.parametrize("obj", [PERSON, PowerMap.from_dict(MAP).stakeholders[0]], ids=["dict", "model"])
def test_text_reads_dicts_and_model_objects(obj):
    assert localize.text(obj, "title", "en") == "President"
    assert localize.text(obj, "title", "zh") == "集团总经理"
    assert localize.text(obj, "department", "en") == "总经理办公会"  # no translation: the plain field
    assert localize.text(obj, "needs", "en") == ["a defensible choice"]
    assert localize.text(obj, "evidence.stance", "en") == "doc 01: meets no bidder"
    assert localize.text(obj, "evidence.roles", "en") == "文档03"
    assert localize.text(obj, "evidence.power", "en", default="") == ""
    assert localize.person_name(obj, "en") == "Shen Guodong (沈国栋)"
    assert localize.person_name(obj, "zh") == "沈国栋"


def test_text_follows_current_language():
    pk.set_language("en")
    try:
        assert localize.text(PERSON, "title") == "President"
        pk.set_language("zh")
        assert localize.text(PERSON, "title") == "集团总经理"
    finally:
        pk.set_language("en")


def test_person_name_without_latin_name_uses_aliases_or_keeps_hanzi():
    assert localize.person_name({"name": "吴涛"}, "en") == "吴涛"
    assert localize.person_name({"name": "吴涛"}, "en", ["吴总", "Wu Tao"]) == "Wu Tao (吴涛)"
    bad = {"name": "吴涛", "i18n": {"en": {"name": "吴涛"}}}  # a Chinese "English" name is not used
    assert localize.person_name(bad, "en", ["Wu Tao"]) == "Wu Tao (吴涛)"


def test_malformed_i18n_is_ignored():
    odd = {"name": "韩静", "title": "财务总监", "i18n": ["en"]}
    assert localize.text(odd, "title", "en") == "财务总监"
    assert localize.text({"title": "x", "i18n": {"en": "President"}}, "title", "en") == "x"


def test_i18n_survives_load_and_save(tmp_path):
    path = tmp_path / "m.json"
    path.write_text(json.dumps(MAP, ensure_ascii=False), encoding="utf-8")
    pm = pk.load_map(path)
    assert pm.stakeholders[0].extra["i18n"]["en"]["title"] == "President"
    pk.save_map(pm, tmp_path / "out.json")
    back = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert back["stakeholders"][0]["i18n"] == PERSON["i18n"]
    assert back["relationships"][0]["i18n"] == MAP["relationships"][0]["i18n"]
    assert back["coverage"][0]["i18n"] == MAP["coverage"][0]["i18n"]
    assert back["account"]["i18n"] == MAP["account"]["i18n"]


def test_localized_map_swaps_every_text_field_and_keeps_the_original():
    pm = PowerMap.from_dict(MAP)
    en = localize.localized_map(pm, "en")
    assert en.account.name == "Jiangyue Precision"
    assert en.opportunity.name == "Digital platform"
    assert en.opportunity.extra["evidence"]["stage"] == "doc 03"
    assert en.stakeholders[0].name == "Shen Guodong (沈国栋)"
    assert en.stakeholders[0].evidence["stance"] == "doc 01: meets no bidder"
    assert en.relationships[0].note == "direct line"
    assert en.coverage[0].owner == "Zhou, account manager"
    assert [p.id for p in en.stakeholders] == pm.ids
    assert pm.stakeholders[0].name == "沈国栋" and pm.account.name == "江岳精工"
    zh = localize.localized_map(pm, "zh")
    assert zh.stakeholders[0].title == "集团总经理" and zh.relationships[0].note == "直属"


def test_old_files_without_i18n_are_unchanged():
    plain = {"format": "powermap/1", "stakeholders": [{"id": "a", "name": "Wang Wei", "title": "CIO"}]}
    pm = PowerMap.from_dict(plain)
    for lang in ("en", "zh"):
        assert localize.localized_map(pm, lang).to_dict() == pm.to_dict()


def test_a_map_that_reads_the_same_is_drawn_without_a_copy():
    plain = PowerMap.from_dict({"format": "powermap/1", "stakeholders": [
        {"id": "a", "name": "王伟", "title": "CIO"}, {"id": "b", "name": "Anna Li"}]})
    for lang in ("en", "zh"):
        assert localize.localized_map(plain, lang, copy=False) is plain
        assert localize.localized_map(plain, lang) is not plain  # the default stays a copy
    translated = PowerMap.from_dict({"format": "powermap/1", "stakeholders": [PERSON]})
    drawn = localize.localized_map(translated, "en", copy=False)
    assert drawn is not translated and drawn.stakeholders[0].title == "President"
    assert translated.stakeholders[0].title == "集团总经理"
    aliased = PowerMap.from_dict({"format": "powermap/1", "stakeholders": [{"id": "a", "name": "王伟"}],
                                  "grading": {"aliases": {"a": ["Wang Wei"]}}})
    assert localize.localized_map(aliased, "en", copy=False).stakeholders[0].name == "Wang Wei (王伟)"
    assert localize.localized_map(aliased, "zh", copy=False) is aliased
    touched = PowerMap.from_dict({"format": "powermap/1", "stakeholders": [{"id": "a", "name": "王伟"}],
                                  "opportunity": {"name": "ERP", "i18n": {"zh": {"name": "ERP 项目"}}}})
    assert localize.localized_map(touched, "zh", copy=False).opportunity.name == "ERP 项目"


def test_texts_are_read_from_any_mapping_and_from_records_alike():
    from types import MappingProxyType

    frozen = MappingProxyType({"name": "沈国栋", "i18n": MappingProxyType({"en": {"name": "Shen Guodong"}})})
    assert localize.person_name(frozen, "en") == "Shen Guodong (沈国栋)"
    assert localize.i18n_of(frozen)["en"] == {"name": "Shen Guodong"}
    record = PowerMap.from_dict({"format": "powermap/1", "stakeholders": [PERSON]}).stakeholders[0]
    assert localize.person_name(record, "en") == "Shen Guodong (沈国栋)" and localize.text(record, "title", "en") == "President"
    assert localize.i18n_of(["en"]) == {} and localize.i18n_of("text") == {}


def test_an_analysis_names_people_in_the_language_asked_each_time():
    pm = PowerMap.from_dict({"format": "powermap/1", "stakeholders": [PERSON]})
    result = pk.analyse(pm)
    assert result.context.name("shen", "en") == "Shen Guodong (沈国栋)"
    assert result.context.name("shen", "zh") == "沈国栋"
    assert result.context.name("shen", "en") == "Shen Guodong (沈国栋)"
    before = pk.get_language()
    pk.set_language("zh")
    try:
        assert result.context.name("shen") == "沈国栋"
    finally:
        pk.set_language(before)
