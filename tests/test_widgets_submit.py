"""SubmitButton under a MapBuilder: a click saves, stamps and freezes the learner's map."""

from __future__ import annotations

import powermap_kit as pk
from powermap_kit.submit import submitted_path, work_status
from powermap_kit.widgets import MapBuilder
from powermap_kit.widgets.submit import SubmitButton


def test_submit_button_under_a_builder(tmp_path):
    draft = tmp_path / "it-solution" / "ann.json"
    builder = MapBuilder(path=draft)
    button = SubmitButton(builder)
    try:
        assert button.status == "not_started" and button.button.description == "Submit my map"
        button.button.click()                                   # an empty map is not handed in
        assert not submitted_path(draft).exists() and "at least one person" in button.message.value
        builder.person_form.name.value = "Li Na"
        assert builder.add_person()
        button.button.click()
        assert button.status == "submitted" and work_status(draft).status == "submitted"
        assert button.button.description == "Submit again"
        builder.person_form.name.value = "Wang Wei"
        assert builder.add_person()
        builder.save()                                           # the draft moves on, the stamp stays in it
        assert pk.load_map(draft).meta.get("submitted") and len(pk.load_map(draft).stakeholders) == 2
        assert len(pk.load_map(submitted_path(draft)).stakeholders) == 1
        pk.set_language("zh")
        assert button.button.description == "重新提交" and "已于" in button.message.value
    finally:
        pk.set_language("en")
        button.close()
        builder.close()


def test_submit_button_reports_an_unreadable_draft(tmp_path):
    draft = tmp_path / "x.json"
    draft.write_text("not json")
    button = SubmitButton(path=draft)
    assert button.submit() is None and "Could not submit" in button.message.value
    assert not submitted_path(draft).exists()
    button.close()
