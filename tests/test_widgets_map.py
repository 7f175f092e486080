"""MapView, MapBuilder and the cytoscape adapter, without a browser.

A recording dummy comm (the pattern of ipywidgets' ``widgets/tests/utils.py``) stands in
for the kernel's comm, so every message a widget would send is counted: node clicks go
through ipycytoscape's own interaction handler, forms are filled by setting widget values
and pressing buttons, and each test checks the map, the saved file and the messages.
"""

from __future__ import annotations

import json
import time
import uuid
from dataclasses import dataclass, field

import pytest

pytest.importorskip("ipycytoscape")

import comm  # noqa: E402
from ipywidgets.widgets import widget as widget_module  # noqa: E402

import powermap_kit as pk  # noqa: E402
from powermap_kit import vocab  # noqa: E402
from powermap_kit.fishbone import fishbone_layout  # noqa: E402
from powermap_kit.widgets import cyto  # noqa: E402
from powermap_kit.widgets.builder import MapBuilder, panel_html  # noqa: E402
from powermap_kit.widgets.maplegend import legend_html  # noqa: E402
from powermap_kit.widgets.mapview import MapView  # noqa: E402


# ---- recording comm --------------------------------------------------------------------
@dataclass
class Wire:
    """Everything the widgets sent: ('open' | 'send' | 'close', comm_id, payload)."""

    log: list[tuple[str, str, dict]] = field(default_factory=list)

    def mark(self) -> int:
        return len(self.log)

    def since(self, mark: int, kind: str | None = None) -> list[tuple[str, str, dict]]:
        return [m for m in self.log[mark:] if kind is None or m[0] == kind]

    def size(self, mark: int) -> int:
        return sum(len(json.dumps(m[2], default=str)) for m in self.log[mark:])


class RecordingComm:
    kernel = "Truthy"

    def __init__(self, wire: Wire, data: dict):
        self.comm_id = uuid.uuid4().hex
        self.wire = wire
        wire.log.append(("open", self.comm_id, data))

    def open(self, *args, **kwargs):
        pass

    def on_msg(self, *args, **kwargs):
        pass

    def send(self, data=None, buffers=None, **kwargs):
        self.wire.log.append(("send", self.comm_id, data or {}))

    def close(self, *args, **kwargs):
        self.wire.log.append(("close", self.comm_id, {}))


@pytest.fixture
def wire(monkeypatch):
    w = Wire()
    monkeypatch.setattr(comm, "create_comm", lambda **kw: RecordingComm(w, kw.get("data") or {}))
    monkeypatch.setattr(comm, "get_comm_manager", lambda **kw: {})
    yield w
    # Close what this test opened; MapView.close also unhooks it from the language and map.
    for widget in list(widget_module._instances.values()):
        if isinstance(widget.comm, RecordingComm):
            widget.close()


def click(view: MapView, sid: str) -> None:
    """A node click as the browser reports it, through ipycytoscape's interaction handler."""
    node = view._nodes[sid]
    view.graph._handle_interaction(view.graph, {"widget": "node", "event": "click", "data": {
        "group": "nodes", "data": dict(node.data), "position": dict(node.position)}}, [])


def wait_for(predicate, timeout=30.0):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if predicate():
            return True
        time.sleep(0.02)
    return predicate()


# ---- the pure adapter ------------------------------------------------------------------
def test_elements_encode_stance_role_power_coach_as_classes(small_map):
    els = cyto.to_cytoscape(small_map, lang="en")
    classes = {n["data"]["id"]: n["classes"].split() for n in els["nodes"]}
    assert classes["cio"] == ["stance-neutral", "role-decision_maker", "power-5"]
    assert "coach" in classes["it_mgr"] and "stance-champion" in classes["it_mgr"]
    assert "stance-unknown" in classes["cfo"]  # no stance recorded: shown as unknown, not guessed
    edges = {e["data"]["id"]: e["classes"].split() for e in els["edges"]}
    assert edges["it_mgr>cio|reports_to#0"] == ["rel-reports_to", "directed"]
    assert edges["it_mgr>cio|influences#0"] == ["rel-influences", "directed", "strength-3"]
    assert edges["cfo>cio|conflict#0"] == ["rel-conflict"]


def test_tooltip_escapes_user_text_and_shows_title_department_needs(small_map):
    small_map.update_stakeholder("cio", name="<img src=x onerror=alert(1)>", needs=["<b>cheap</b>", "fast & safe"])
    tip = cyto.to_cytoscape(small_map, lang="en")["nodes"][0]["data"]["tooltip"]
    assert "<img" not in tip and "&lt;img src=x onerror=alert(1)&gt;" in tip
    assert "&lt;b&gt;cheap&lt;/b&gt;" in tip and "fast &amp; safe" in tip
    assert "CIO · IT" in tip and "Needs:" in tip


def test_lens_relabels_roles(small_map):
    nodes = {n["data"]["id"]: n for n in cyto.to_cytoscape(small_map, lens="four_role", lang="en")["nodes"]}
    assert nodes["cfo"]["data"]["label"].endswith("Key decision maker")  # approver → four-role decision maker
    mh = {n["data"]["id"]: n for n in cyto.to_cytoscape(small_map, lens="miller_heiman", lang="zh")["nodes"]}
    assert "教练" in mh["it_mgr"]["data"]["label"] and "技术把关者" in mh["it_mgr"]["data"]["label"]
    crm = {n["data"]["id"]: n for n in cyto.to_cytoscape(small_map, lens="crm_power_map", lang="en")["nodes"]}
    assert "Blocker" in crm["buyer"]["data"]["label"]  # blocker is a stance in our model
    with pytest.raises(KeyError):
        cyto.to_cytoscape(small_map, lens="no_such_framework")


def test_org_layout_puts_managers_above_and_is_deterministic(small_map):
    pos = cyto.layout_positions(small_map, "org")
    assert pos["cio"]["y"] < pos["it_mgr"]["y"]
    assert cyto.layout_positions(small_map, "network") == cyto.layout_positions(small_map, "network")
    with pytest.raises(ValueError):
        cyto.layout_positions(small_map, "spiral")


def test_stored_positions_win_and_bad_ones_are_ignored(small_map):
    small_map.stakeholder("cio").extra["position"] = {"x": 999, "y": -5}
    small_map.stakeholder("cfo").extra["position"] = {"x": "left", "y": None}
    nodes = {n["data"]["id"]: n for n in cyto.to_cytoscape(small_map)["nodes"]}
    assert nodes["cio"]["position"] == {"x": 999.0, "y": -5.0}
    assert isinstance(nodes["cfo"]["position"]["x"], float)


def test_style_covers_every_vocabulary_code():
    selectors = {s["selector"] for s in cyto.cytoscape_style()}
    for code in vocab.STANCES:
        assert f"node.stance-{code}" in selectors
    for code in vocab.ROLES:
        assert f"node.role-{code}" in selectors
    for code in vocab.RELATIONSHIP_TYPES:
        assert f"edge.rel-{code}" in selectors
    unknown = next(s for s in cyto.cytoscape_style() if s["selector"] == "node.stance-unknown")
    assert unknown["style"]["border-style"] == "dashed"


def test_legend_follows_lens_and_language():
    assert "Decision maker" in legend_html(lang="en") and "Unknown" in legend_html(lang="en")
    zh = legend_html("decision_chain", lang="zh")
    assert "决策支持评估者" in zh and "汇报给" in zh and "未知" in zh


# ---- MapView ---------------------------------------------------------------------------
def test_view_draws_every_person_and_line(wire, small_map):
    view = MapView(small_map)
    assert set(view._nodes) == {"cio", "it_mgr", "cfo", "buyer"}
    assert len(view._edges) == 3
    assert view.graph.cytoscape_layout["name"] == "preset"
    assert view.graph.max_zoom <= 2
    # positions are kept in the model so later edits never reshuffle the drawing
    assert all(cyto.stored_position(p) for p in small_map)


def test_node_click_selects_through_the_interaction_handler(wire, small_map):
    view = MapView(small_map)
    seen = []
    view.on_select(seen.append)
    click(view, "cfo")
    assert seen == ["cfo"] and view.selected == "cfo"
    assert "selected" in view._nodes["cfo"].classes.split()
    click(view, "buyer")
    assert "selected" not in view._nodes["cfo"].classes.split()
    view.on_select(seen.append, remove=True)
    click(view, "cio")
    assert seen == ["cfo", "buyer"]


def test_one_stance_change_sends_a_few_small_messages(wire, small_map):
    view = MapView(small_map)
    node = view._nodes["cio"]
    mark = wire.mark()
    small_map.update_stakeholder("cio", stance="support")
    sent = wire.since(mark)
    assert {m[1] for m in sent} == {node.comm.comm_id}  # only that node's widget talks
    assert len(sent) == 2 and all(m[0] == "send" for m in sent)  # new data dict + new classes
    assert wire.size(mark) < 1500
    assert "stance-support" in node.classes
    assert wire.since(mark, "open") == [] and wire.since(mark, "close") == []


def test_adding_appends_in_one_list_update_and_removing_hides(wire, small_map):
    view = MapView(small_map)
    graph_id = view.graph.graph.comm.comm_id
    before = dict(view._nodes["cio"].position)
    mark = wire.mark()
    small_map.add_stakeholder(id="ceo", name="Sun Li", roles=["approver"], power=5)
    assert len(wire.since(mark, "open")) == 1  # the new node
    list_updates = [m for m in wire.since(mark, "send") if m[1] == graph_id]
    assert len(list_updates) == 1 and set(list_updates[0][2]["state"]) == {"nodes"}  # edges unchanged
    assert view._nodes["cio"].position == before  # nobody else moved
    # The browser side of ipycytoscape cannot take an element out of the middle of its lists
    # (it re-adds the rest and fails on duplicate ids), so removal hides instead.
    mark = wire.mark()
    removed = view._elements.all_nodes["it_mgr"]
    small_map.remove_stakeholder("it_mgr")  # takes two relationship lines with it
    sent = wire.since(mark)
    assert [m for m in sent if m[1] == graph_id] == []
    assert [m[2]["state"] for m in sent].count({"classes": "hidden"}) == 3  # the node and its two lines
    assert len(sent) == 4  # and the remaining line's new index
    assert set(view._nodes) == {"cio", "cfo", "buyer", "ceo"} and len(view._edges) == 1
    # undo brings the same widgets back: no new element, no list update
    mark = wire.mark()
    small_map.replace_with(pk.load_map(_with_it_mgr(small_map)))
    assert view._nodes["it_mgr"] is removed and "hidden" not in removed.classes
    assert wire.since(mark, "open") == [] and [m for m in wire.since(mark) if m[1] == graph_id] == []
    view.close()
    assert removed.comm is None


def _with_it_mgr(pm):
    data = pm.to_dict()
    data["stakeholders"].append({"id": "it_mgr", "name": "李娜", "roles": ["evaluator"]})
    data["relationships"] = [*data.get("relationships", []), {"source": "it_mgr", "target": "cio", "type": "reports_to"}]
    return data


def test_new_person_is_placed_under_their_manager_without_moving_others(wire, small_map):
    view = MapView(small_map)
    old = {pid: dict(n.position) for pid, n in view._nodes.items()}
    small_map.add_stakeholder(id="dev", name="Dev")
    small_map.add_relationship("dev", "it_mgr", "reports_to")
    assert {pid: dict(view._nodes[pid].position) for pid in old} == old
    # placed before the reporting line existed: a free spot below the drawing
    pos = view._nodes["dev"].position
    assert all(abs(pos["x"] - p["x"]) > 50 or abs(pos["y"] - p["y"]) > 50 for p in old.values())


def test_relayout_and_lens_and_language_update_open_view(wire, small_map):
    view = MapView(small_map)
    moves = []
    view.on_move(moves.append)
    view.arrangement = "network"
    assert moves and set(moves[-1]) == set(small_map.ids)
    assert small_map.stakeholder("cio").extra["position"] == view._nodes["cio"].position
    view.lens_picker.value = "four_role"  # as the user picks it
    assert view.lens == "four_role" and "Key decision maker" in view._nodes["cfo"].data["label"]
    assert "Key decision maker" in view.legend.value
    pk.set_language("zh")
    assert "关键决策者" in view._nodes["cfo"].data["label"]
    assert "未知" in view.legend.value and view.lens_picker.value == "four_role"
    assert view.arrangement_picker.options[0][0] == "组织架构"


def test_dragged_position_is_kept_in_the_model(wire, small_map):
    view = MapView(small_map)
    moved = []
    view.on_move(moved.append)
    view.graph._handle_interaction(view.graph, {"widget": "node", "event": "tapend", "data": {
        "data": {"id": "cio"}, "position": {"x": 321.26, "y": -40}}}, [])
    assert small_map.stakeholder("cio").extra["position"] == {"x": 321.3, "y": -40.0}
    assert moved == [["cio"]]


def test_static_fallback_for_places_without_widgets(wire, small_map):
    view = MapView(small_map)
    bundle = view._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert "王伟" in bundle["text/html"]
    small_map.update_stakeholder("cio", name="<script>x</script>")
    assert "<script>" not in view.to_html()


def test_closed_view_stops_following(wire, small_map):
    view = MapView(small_map)
    view.close()
    mark = wire.mark()
    small_map.update_stakeholder("cio", stance="oppose")
    pk.set_language("zh")
    assert wire.since(mark) == []


# ---- MapBuilder ------------------------------------------------------------------------
def test_click_a_node_to_edit_the_person(wire, small_map):
    b = MapBuilder(small_map)
    click(b.view, "cio")
    form = b.person_form
    assert form.editing == "cio" and form.name.value == "王伟" and form.stance.value == "neutral"
    assert form.support["influence"].value == 5 and form.roles["decision_maker"].value
    assert "stance: Asked twice" in form.evidence.value
    form.stance.value = "champion"
    form.support["trust"].value = 4
    form.needs.value = "stable migration\nno downtime"
    form.apply_button.click()
    cio = b.map.stakeholder("cio")
    assert cio.stance == "champion" and cio.support["trust"] == 4 and cio.needs == ["stable migration", "no downtime"]
    assert cio.extra["x_custom"] == {"kept": True} and cio.preferred_vendor == "Vendor X"  # untouched fields stay
    # an edit from code meanwhile is not undone by applying the form later
    small_map.update_stakeholder("cio", power=4)
    form.title.value = "CIO and CDO"
    form.apply_button.click()
    assert (cio.power, cio.title, cio.stance) == (4, "CIO and CDO", "champion")


def test_add_person_through_the_form(wire):
    b = MapBuilder()
    form = b.person_form
    form.name.value = "Zhao Lei"
    form.title.value = "Head of procurement"
    form.roles["purchaser"].value = True
    form.power.value = 3
    form.stance.value = "neutral"
    form.coach.value = "no"
    form.motives["security"].value = True
    form.evidence.value = "stance: polite but non-committal"
    form.add_button.click()
    person = b.map.stakeholder("zhao_lei")
    assert (person.roles, person.power, person.stance, person.coach) == (["purchaser"], 3, "neutral", False)
    assert person.motives == ["security"] and person.evidence == {"stance": "polite but non-committal"}
    assert b.view.selected == "zhao_lei" and form.editing == "zhao_lei"
    assert "zhao_lei" in b.view._nodes


def test_invalid_input_is_shown_inline_and_kept(wire, small_map):
    b = MapBuilder(small_map)
    before = small_map.to_dict()
    form = b.person_form
    form.name.value = "   "
    form.last_verified.value = "31/12/2026"
    form.evidence.value = "no colon here"
    form.add_button.click()
    assert "Evidence" in form.problems.value and small_map.to_dict() == before
    form.evidence.value = ""
    form.add_button.click()
    assert "Name: must not be empty" in form.problems.value
    assert "Last verified: &quot;31/12/2026&quot; is not a date" in form.problems.value
    assert form.last_verified.value == "31/12/2026"  # kept for correction
    assert small_map.to_dict() == before
    pk.set_language("zh")  # the problems follow the language
    assert "不能为空" in form.problems.value and form.last_verified.value == "31/12/2026"
    form.name.value, form.last_verified.value = "Ma Jun", "2026-12-31"
    form.add_button.click()
    assert form.problems.value == "" and small_map.stakeholder("ma_jun").last_verified == "2026-12-31"


def test_duplicate_id_and_self_line_are_refused_with_messages(wire, small_map):
    b = MapBuilder(small_map)
    b.person_form.name.value, b.person_form.id.value = "Someone", "cio"
    assert not b.add_person()
    assert "already the id" in b.person_form.problems.value
    lines = b.line_form
    lines.source.value, lines.target.value, lines.type.value = "cio", "cio", "ally"
    assert not b.add_relationship()
    assert "cannot have a relationship with itself" in lines.problems.value
    assert lines.source.value == "cio"


def test_relationships_add_edit_delete(wire, small_map):
    b = MapBuilder(small_map)
    lines = b.line_form
    lines.source.value, lines.target.value, lines.type.value, lines.strength.value = "buyer", "cfo", "ally", 2
    lines.add_button.click()
    rel = small_map.relationships[-1]
    assert (rel.source, rel.target, rel.type, rel.strength) == ("buyer", "cfo", "ally", 2)
    assert "buyer>cfo|ally#0" in b.view._edges
    # click the line in the drawing to edit it
    b.view.graph._handle_interaction(b.view.graph, {"widget": "edge", "event": "click", "data": {
        "data": {"id": "buyer>cfo|ally#0", "index": 3}}}, [])
    assert lines.editing == 3 and b.tabs.selected_index == 1
    lines.type.value = "conflict"
    lines.apply_button.click()
    assert small_map.relationships[3].type == "conflict" and "buyer>cfo|conflict#0" in b.view._edges
    lines.delete_button.click()
    assert len(small_map.relationships) == 3


def test_delete_undo_redo(wire, small_map):
    b = MapBuilder(small_map)
    original = small_map.to_dict()
    click(b.view, "it_mgr")
    b.person_form.delete_button.click()
    assert "it_mgr" not in small_map and len(small_map.relationships) == 1
    assert not b.undo_button.disabled
    assert b.undo() and small_map.to_dict() == original and "it_mgr" in b.view._nodes
    assert len(b.view._edges) == 3
    assert b.redo() and "it_mgr" not in small_map
    assert not b.redo()
    b.undo_button.click()
    assert small_map.to_dict() == original
    assert b.map is small_map


def test_autosave_and_reload_after_restart(wire, small_map, small_data, tmp_path):
    path = tmp_path / "work" / "map.json"
    b = MapBuilder(small_map, path=path, autosave_delay=0.05)
    assert path.exists()  # the first save also keeps the laid-out positions
    saved = []
    b.on_save(saved.append)
    click(b.view, "buyer")
    b.person_form.stance.value = "support"
    b.person_form.apply_button.click()
    assert wait_for(lambda: saved and pk.load_map(path).stakeholder("buyer").stance == "support")
    assert "Saved to" in b.status.value
    positions = {p.id: p.extra["position"] for p in pk.load_map(path)}
    b.close()
    # a new kernel: the same cell runs again with the case map, and the saved work wins
    again = MapBuilder(pk.load_map(small_data), path=path)
    assert again.map.stakeholder("buyer").stance == "support"
    assert {p.id: p.extra["position"] for p in again.map} == positions
    assert {pid: n.position for pid, n in again.view._nodes.items()} == positions


def test_corrupt_file_is_never_overwritten(wire, tmp_path):
    path = tmp_path / "map.json"
    path.write_text('{"format": "powermap/1", "stakeholders": [{"id": "a"}]', encoding="utf-8")
    original = path.read_bytes()
    b = MapBuilder(path=path, autosave_delay=0.01)
    assert "could not be loaded" in b.load_problems.value and "not valid JSON" in b.load_problems.value
    b.person_form.name.value = "New"
    b.add_person()
    time.sleep(0.1)
    assert b.save() is None and path.read_bytes() == original
    assert "kept untouched" in b.status.value
    other = tmp_path / "rescued.json"
    assert b.save(other) == other and pk.load_map(other).stakeholder("new").name == "New"
    assert path.read_bytes() == original


def test_language_switch_relabels_an_open_builder_and_keeps_typing(wire, small_map):
    b = MapBuilder(small_map)
    click(b.view, "cio")
    b.person_form.notes.value = "half-typed note"
    b.person_form.stance.value = "oppose"
    pk.set_language("zh")
    form = b.person_form
    assert form.name.description == "姓名" and form.add_button.description == "添加为新人员"
    assert form.stance.value == "oppose" and dict(form.stance.options)["反对"] == "oppose"
    assert form.notes.value == "half-typed note"
    assert b.tabs.titles == ("人员", "关系") and "决策者" in b.view._nodes["cio"].data["label"]
    assert "地图健康度" in b.panel.value


def test_builder_stance_change_message_budget(wire, small_map):
    b = MapBuilder(small_map)
    click(b.view, "cio")
    b.person_form.stance.value = "support"
    mark = wire.mark()
    b.person_form.apply_button.click()
    sent = wire.since(mark)
    node_id = b.view._nodes["cio"].comm.comm_id
    assert len([m for m in sent if m[1] == node_id]) == 2
    assert wire.since(mark, "open") == [] and wire.since(mark, "close") == []
    assert len(sent) <= 8, [m[2] for m in sent]
    assert wire.size(mark) < 6000


def test_panel_degrades_when_analysis_is_missing(monkeypatch, small_map):
    import powermap_kit.widgets.builder as builder

    monkeypatch.setattr(builder, "_analyse", lambda: None)
    assert "not available" in panel_html(small_map)

    def broken(pm):
        raise RuntimeError("boom")

    monkeypatch.setattr(builder, "_analyse", lambda: broken)
    assert "RuntimeError: boom" in panel_html(small_map)


# ---- the fishbone arrangement -----------------------------------------------------------
def _drawn(view: MapView) -> dict[str, str]:
    """Every element widget in the lists, by id → its classes (hidden ones included)."""
    return {**{k: w.classes for k, w in view._elements.all_nodes.items()}, **{k: w.classes for k, w in view._elements.all_edges.items()}}


def test_fishbone_draws_bones_and_never_writes_positions_into_the_map(wire, small_map):
    view = MapView(small_map)
    org = {p.id: dict(p.extra["position"]) for p in small_map}
    saved = small_map.to_dict()
    moves = []
    view.on_move(moves.append)
    view.arrangement_picker.value = "fishbone"  # as the user clicks the toggle
    assert view.arrangement == "fishbone" and moves and set(moves[-1]) == set(small_map.ids)
    # bones, spine, head and a tick per person on a bone, all appended (never removed)
    bones = [k for k in view._nodes if k.startswith("fishbone:tip:")]
    assert len(bones) == 6 and "fishbone:head" in view._nodes
    assert {e.data["target"] for k, e in view._edges.items() if k.startswith("fishbone:tick:")} == set(small_map.ids)
    tick = view._edges["fishbone:tick:buyer"]
    assert "fishbone-tick-oppose" in tick.classes.split()
    for helper in (view._nodes["fishbone:head"], view._nodes["fishbone:tip:approver"]):
        assert not helper.grabbable and not helper.selectable and "fishbone" in helper.classes.split()
    # people stand where the fishbone puts them; the map keeps its org positions
    fish = cyto.layout_positions(small_map, "fishbone")
    assert {pid: dict(view._nodes[pid].position) for pid in small_map.ids} == fish
    assert {p.id: p.extra["position"] for p in small_map} == org and small_map.to_dict() == saved
    # reporting lines are hidden meanwhile; influence and conflict lines stay
    assert "fishbone-hidden" in view._edges["it_mgr>cio|reports_to#0"].classes.split()
    assert "fishbone-hidden" not in view._edges["it_mgr>cio|influences#0"].classes.split()
    # one class per style selector (ipycytoscape 1.3.3 ignores "edge.a.b")
    assert all(rule["selector"].count(".") <= 1 for rule in view.graph.cytoscape_style)
    assert view.arrangement_picker.options[-1] == ("Fishbone", "fishbone")
    # a drag in the fishbone is not stored either
    view.graph._handle_interaction(view.graph, {"widget": "node", "event": "tapend", "data": {
        "data": {"id": "cio"}, "position": {"x": 999, "y": 999}}}, [])
    assert small_map.stakeholder("cio").extra["position"] == org["cio"]


def test_fishbone_follows_role_edits_and_language(wire, small_map):
    view = MapView(small_map, arrangement="fishbone", store_positions=False)
    assert "position" not in small_map.stakeholder("cio").extra  # never stored, even on first draw
    tip = view._nodes["fishbone:tip:influencer"]
    assert tip.data["label"].startswith("Influencer · 0")
    before = dict(tip.position)
    small_map.update_stakeholder("buyer", roles=["influencer", "purchaser"])  # roles decide the bones
    assert view._nodes["fishbone:tip:influencer"] is tip and tip.data["label"].startswith("Influencer · 1")
    assert dict(tip.position) != before  # the bone grew: its tip moved
    assert dict(view._nodes["buyer"].position) == cyto.layout_positions(small_map, "fishbone")["buyer"]
    anchor = view._nodes[view._edges["fishbone:tick:buyer"].data["source"]]  # his tick left the purchaser bone
    assert tuple(anchor.position.values()) == fishbone_layout(small_map).anchors["buyer"]
    assert fishbone_layout(small_map).bone("influencer").people == ("buyer",)
    # a stance change recolours the tick without re-running the layout
    layout = view.graph.cytoscape_layout
    small_map.update_stakeholder("cfo", stance="support")
    assert "fishbone-tick-support" in view._edges["fishbone:tick:cfo"].classes.split()
    assert view.graph.cytoscape_layout is layout
    pk.set_language("zh")
    assert view._nodes["fishbone:head"].data["label"].startswith("决策")
    assert view.arrangement_picker.options[-1] == ("鱼骨图", "fishbone")


def test_switching_back_from_the_fishbone_restores_the_drawing(wire, small_map):
    view = MapView(small_map)
    dragged = {"x": 321.3, "y": -40.0}
    view.graph._handle_interaction(view.graph, {"widget": "node", "event": "tapend", "data": {
        "data": {"id": "cio"}, "position": dragged}}, [])
    org = {pid: dict(view._nodes[pid].position) for pid in small_map.ids}
    view.arrangement = "fishbone"
    n_nodes, n_edges = len(view._elements.all_nodes), len(view._elements.all_edges)
    mark = wire.mark()
    view.arrangement = "org"
    # the same drawing as before, the drag included; the fishbone helpers hidden, not removed
    assert {pid: dict(view._nodes[pid].position) for pid in small_map.ids} == org
    assert small_map.stakeholder("cio").extra["position"] == dragged
    assert set(view._nodes) == set(small_map.ids) and len(view._edges) == 3
    assert (len(view._elements.all_nodes), len(view._elements.all_edges)) == (n_nodes, n_edges)
    helpers = [c for k, c in _drawn(view).items() if k.startswith("fishbone:")]
    assert helpers and all(c == "hidden" for c in helpers)
    assert "fishbone-hidden" not in view._edges["it_mgr>cio|reports_to#0"].classes
    graph_id = view.graph.graph.comm.comm_id
    assert [m for m in wire.since(mark) if m[1] == graph_id] == []  # no list update: nothing removed
    # again into the fishbone: the same helper widgets come back, none is added
    mark = wire.mark()
    view.arrangement = "fishbone"
    assert wire.since(mark, "open") == [] and "hidden" not in view._nodes["fishbone:head"].classes
    # from the fishbone to the other arrangement: a fresh network layout
    view.arrangement = "network"
    assert {pid: dict(view._nodes[pid].position) for pid in small_map.ids} == {
        pid: {"x": round(p["x"], 1), "y": round(p["y"], 1)}
        for pid, p in cyto.layout_positions(small_map, "network").items()}


def test_fishbone_view_without_positions_then_org(wire, small_map):
    for person in small_map:
        person.extra.pop("position", None)
    view = MapView(small_map, arrangement="fishbone")
    assert all("position" not in p.extra for p in small_map)
    view.arrangement = "org"  # opened in the fishbone: the org chart is laid out afresh and stored
    assert {p.id: p.extra["position"] for p in small_map} == {
        pid: dict(view._nodes[pid].position) for pid in small_map.ids}
    assert view._nodes["cio"].position["y"] < view._nodes["it_mgr"].position["y"]


# ---- the extra-classes hook -------------------------------------------------------------
def test_extra_classes_and_style_hook(wire, small_map):
    marks = {"cio": ["pmk-wrong"], "cfo>cio|conflict#0": ["pmk-commented"]}
    rule = {"selector": "node.pmk-wrong", "style": {"border-color": "#d62728"}}
    view = MapView(small_map, extra_classes=lambda: marks, extra_style=[rule])
    assert view.graph.cytoscape_style[-1] == rule  # after the view's own, so it wins
    assert view._nodes["cio"].classes.split()[-1] == "pmk-wrong"
    assert view._edges["cfo>cio|conflict#0"].classes.endswith(" pmk-commented")
    click(view, "cio")  # the view's own classes and the caller's live side by side
    assert {"selected", "pmk-wrong"} <= set(view._nodes["cio"].classes.split())
    # the hook is asked again on every redraw and on refresh_classes(), and only changes are sent
    small_map.update_stakeholder("cio", stance="support")
    assert {"stance-support", "pmk-wrong"} <= set(view._nodes["cio"].classes.split())
    marks = {"buyer": ["pmk-extra"]}
    mark = wire.mark()
    view.refresh_classes()
    sent = wire.since(mark)
    assert len(sent) == 3 and all(set(m[2]["state"]) == {"classes"} for m in sent)
    assert "pmk-wrong" not in view._nodes["cio"].classes and "pmk-extra" in view._nodes["buyer"].classes
    view.arrangement = "fishbone"  # classes survive a change of arrangement
    assert "pmk-extra" in view._nodes["buyer"].classes
    with pytest.raises(TypeError, match="extra_classes"):
        MapView(small_map, extra_classes={"cio": ["x"]})
