"""Module 15, the learner's own deal: start from a CRM export, stay private, export back formula-safe."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

import powermap_kit as pk
from powermap_kit import collect, ourdeal
from powermap_kit.cases import list_cases
from powermap_kit.submit import submit_map
from powermap_kit.tabular import import_csv

SALESFORCE = ("Contact.Name,Title,Role,IsPrimary\n"
              "王建国,CIO,Economic Buyer,true\n"
              "Li Na,IT manager,Technical Buyer,false\n")
SECRET = "Zhou Secret-Person"


@pytest.fixture()
def work(tmp_path, monkeypatch):
    monkeypatch.setenv("POWERMAP_WORK", str(tmp_path / "home" / "powermap-work"))
    monkeypatch.setenv("POWERMAP_LEARNER", "ann")
    return tmp_path / "home" / "powermap-work"


def test_a_crm_export_starts_the_map_and_a_saved_map_wins_afterwards(work):
    ourdeal.crm_path().write_text(SALESFORCE, encoding="utf-8")
    deal = ourdeal.start_deal()
    assert deal.source == "crm"
    assert sorted(p.name for p in deal.map) == ["Li Na", "王建国"]
    assert {p.name: p.roles for p in deal.map}["王建国"] == ["approver"]
    assert deal.path == work / "private" / "my-deal.json"
    pk.save_map(deal.map, deal.path)
    deal.map.add_stakeholder(name="not saved")
    again = ourdeal.start_deal()
    assert again.source == "saved" and len(again.map) == 2
    fresh = ourdeal.start_deal(csv=ourdeal.crm_path())          # explicitly: import again
    assert fresh.source == "crm"


def test_no_export_gives_a_blank_map_with_the_customer_named(work):
    deal = ourdeal.start_deal(account="Donghai Logistics")
    assert deal.source == "blank" and len(deal.map) == 0
    assert deal.map.account.name == "Donghai Logistics"


def test_export_is_formula_safe_and_imports_back(work):
    pm = pk.PowerMap()
    pm.add_stakeholder(name="=HYPERLINK(\"http://x\",\"y\")", stance="support", power=4)
    pm.add_stakeholder(name="沈国栋", title="+总经理", notes="@SUM(A1)")
    path = ourdeal.export_deal(pm)
    assert path == work / "private" / "my-deal-export.csv"
    raw = path.read_text(encoding="utf-8-sig")
    cells = [c for row in csv.reader(io.StringIO(raw)) for c in row]
    assert not any(c[:1] in ("=", "+", "@") for c in cells), cells
    back = import_csv(path).map
    # the import keeps the apostrophe the export put before a would-be formula (tabular's rule)
    assert [p.name for p in back] == ["'" + pm.stakeholders[0].name, "沈国栋"]
    assert back.stakeholders[1].title == "'+总经理" and back.stakeholders[0].power == 4


class _FakeHub:
    """Stands in for collect.HubClient: one learner, files served from their home; every path read is noted."""

    home: Path
    read: list[str] = []

    def __init__(self, url: str, token: str, timeout: float = 0) -> None:
        pass

    def api(self, endpoint: str) -> dict:
        return {"name": "trainer"}

    def users(self, group=None) -> list[dict]:
        return [{"name": "ann"}]

    def server_url(self, model) -> str:
        return "http://hub/user/ann/"

    def read_file(self, server: str, path: str):
        _FakeHub.read.append(path)
        file = self.home / path
        return (file.read_text("utf-8"), None, "") if file.is_file() else (None, "no_file", "")


def _private_map(work: Path) -> Path:
    deal = ourdeal.start_deal()
    deal.map.add_stakeholder(name=SECRET, stance="support")
    pk.save_map(deal.map, deal.path)
    submit_map(deal.path)            # even a "submitted" own deal stays in the private folder
    return deal.path


def test_collection_never_reads_the_own_deal_for_any_case_name(work, tmp_path, monkeypatch):
    private = _private_map(work)
    _FakeHub.home, _FakeHub.read = work.parent, []
    monkeypatch.setattr(collect, "HubClient", _FakeHub)
    cases = [c.slug for c in list_cases()] + ["private", "own-deal", "my-deal", "ann"]
    for case in cases:
        out = tmp_path / "out" / case
        result = collect.collect_hub("http://hub", "token", case, out)
        assert [r.status for r in result.rows] == ["not_started"]
        assert all(SECRET not in p.read_text("utf-8") for p in out.iterdir())
    assert _FakeHub.read, "the stand-in hub was asked for files"
    rel = private.relative_to(work.parent).as_posix()
    assert rel == "powermap-work/private/my-deal.json"
    assert not [p for p in _FakeHub.read if p.endswith(ourdeal.DEAL_FILE)], _FakeHub.read


def test_a_folder_collection_of_the_room_does_not_pick_up_the_own_deal(work, tmp_path):
    _private_map(work)
    for case in [c.slug for c in list_cases()] + ["own-deal"]:
        result = collect.collect_folder(work, case, tmp_path / "out" / case, users=["ann"])
        assert [(r.learner, r.status) for r in result.rows] == [("ann", "not_started")]


def test_messages_say_where_the_map_came_from_in_both_languages(work):
    blank = ourdeal.start_deal()
    assert "my-deal-crm.csv" in blank.message("en") and "空白地图" in blank.message("zh")
    ourdeal.crm_path().write_text("Name,Title,Role\n<b>Wang</b>,CIO,Nonsense Role\n", encoding="utf-8")
    crm = ourdeal.start_deal()
    text = crm.message("zh")
    assert "导入1人" in text and "<b>" not in text        # the import's notes quote user text, escaped
    exported = ourdeal.export_message(crm.map, lang="en")
    assert "people: 1" in exported and ourdeal.export_path().is_file()
