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


def test_dashboard_collects_at_refresh_and_hides_names_on_the_projector(tmp_path):
    from powermap_kit.cases import load_case
    from powermap_kit.collect import collect_folder
    from powermap_kit.widgets import CohortDashboard

    case = load_case("it-solution")
    room, out = tmp_path / "room", tmp_path / "out"
    pk.save_map(case.submission("typical"), room / "zhang_wei.json")
    dash = CohortDashboard(out, case.key, collect=lambda: collect_folder(room, "it-solution", out, users=["li_na"]),
                           hide_names=True)
    try:
        assert dash.count == 1 and dash.collection.counts()["drafting"] == 1
        html = dash.to_html()
        assert "1 drafting" in html and "1 not collected" in html
        assert "zhang_wei" not in html.replace(str(out), "") and "#1" in html
        pk.save_map(case.submission("typical"), room / "li_na.json")      # another learner saves; Refresh
        dash.refresh()
        assert dash.count == 2 and not dash.collection.not_collected
    finally:
        dash.close()
