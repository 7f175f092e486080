"""The language is one settings object: the functions, the reports and open widgets all follow it."""

import gc

import pytest

import powermap_kit as pk
from powermap_kit import vocab


def test_the_functions_are_views_of_the_one_settings_object():
    seen = []
    vocab.settings.observe(seen.append)
    try:
        pk.set_language("zh")
        assert vocab.settings.language == pk.get_language() == "zh"
        vocab.settings.language = "en"
        assert pk.get_language() == "en" and pk.label("decision_maker") == "Decision maker"
    finally:
        vocab.settings.observe(seen.append, remove=True)
    pk.set_language("zh")
    assert seen == ["zh", "en"]  # removed: no third call
    with pytest.raises(pk.errors.InvalidValue) as caught:
        vocab.settings.language = "de"
    assert caught.value.allowed == ("en", "zh") and vocab.settings.language == "zh"


def test_open_widgets_observe_the_setting_and_let_go_when_closed(comms, small_map):
    pytest.importorskip("ipywidgets")
    from powermap_kit.widgets.builder import MapBuilder

    before = len(vocab.settings._observers)
    builder = MapBuilder(small_map)
    assert len(vocab.settings._observers) > before
    vocab.settings.language = "zh"  # not through set_language: the setting itself is what widgets watch
    assert builder.person_form.name.description == "姓名" and builder.tabs.titles == ("人员", "关系")
    vocab.settings.language = "en"
    assert builder.person_form.name.description == "Name"
    builder.close()
    del builder
    gc.collect()
    vocab.settings.language = "zh"  # closed and dropped: nothing left to relabel, nothing raises
    assert len(vocab.settings._observers) == before
