"""The fishbone view (鱼骨图) of the decision chain: pure layout, cytoscape scaffold, static SVG."""

from __future__ import annotations

import itertools
import json
import math
import re
import subprocess
import sys

import pytest

import powermap_kit as pk
from powermap_kit import vocab
from powermap_kit.cases import list_cases, load_case
from powermap_kit.fishbone import GROUPS, TICK, bone_group, fishbone_layout, fishbone_positions
from powermap_kit.render import fishbone, fonts


@pytest.fixture
def chain():
    """One person per bone (two evaluators), a gatekeeper and an observer outside the chain."""
    people = [
        {"id": "gm", "name": "沈国栋", "roles": ["approver"], "stance": "neutral", "power": 5},
        {"id": "cio", "name": "Lu", "roles": ["decision_maker", "evaluator"], "stance": "support", "power": 4},
        {"id": "e1", "name": "Tang", "roles": ["evaluator"], "stance": "champion", "coach": True},
        {"id": "e2", "name": "Feng", "roles": ["evaluator", "influencer"], "stance": "oppose"},
        {"id": "fin", "name": "Han", "roles": ["influencer"]},
        {"id": "buy", "name": "Zhao", "roles": ["purchaser", "influencer"], "stance": "neutral"},
        {"id": "u", "name": "Qian", "roles": ["user"], "stance": "support"},
        {"id": "pa", "name": "Xu", "roles": ["gatekeeper"]},
        {"id": "law", "name": "Wu", "roles": ["observer"]},
    ]
    return pk.load_map({"format": "powermap/1", "opportunity": {"name": "ERP", "decision_mode": "top_down"},
                        "stakeholders": people})


def test_each_person_sits_on_the_bone_of_their_first_recorded_chain_role(chain):
    fb = fishbone_layout(chain)
    assert [b.group for b in fb.bones] == list(GROUPS)
    assert {b.group: b.people for b in fb.bones} == {
        "approver": ("gm",), "decision_maker": ("cio",), "evaluator": ("e1", "e2"), "influencer": ("fin",),
        "purchaser": ("buy",), "user": ("u",)}
    assert fb.bone("evaluator").also == ("cio",) and fb.bone("influencer").also == ("e2", "buy")
    assert fb.outside == ("pa", "law")
    assert bone_group(chain.stakeholder("pa")) is None
    with pytest.raises(KeyError, match='group: "coach" is not one of approver'):
        fb.bone("coach")


def test_bones_pair_up_from_the_head_above_and_below_the_spine(chain):
    fb = fishbone_layout(chain)
    sides = {b.group: b.side for b in fb.bones}
    assert sides == {"approver": -1, "decision_maker": 1, "evaluator": -1, "influencer": 1, "purchaser": -1, "user": 1}
    roots = {b.group: b.root[0] for b in fb.bones}
    assert roots["approver"] == roots["decision_maker"] > roots["evaluator"] == roots["influencer"] \
        > roots["purchaser"] == roots["user"]
    pos = fishbone_positions(chain)
    assert pos["gm"][1] < 0 < pos["cio"][1]  # screen y grows downward: above the spine is negative
    assert fb.head[0] > max(x for x, _ in pos.values()) > fb.tail[0]
    for bone in fb.bones:  # every bone leans back towards the tail
        assert bone.tip[0] < bone.root[0] and (bone.tip[1] < 0) == (bone.side < 0)


def test_ticks_leave_the_bone_alternately_left_and_right(chain):
    fb = fishbone_layout(chain)
    bone = fb.bone("evaluator")
    (rx, ry), (tx, ty) = bone.root, bone.tip
    for i, pid in enumerate(bone.people):
        ax, ay = fb.anchors[pid]
        # the anchor lies on the bone line (within the 0.1 rounding of positions)
        assert abs((tx - rx) * (ay - ry) - (ty - ry) * (ax - rx)) / math.dist(bone.root, bone.tip) < 0.2
        px, py = fb.positions[pid]
        assert py == ay and abs(px - ax) == pytest.approx(TICK)
        assert (px < ax) == (i % 2 == 0)


def test_people_outside_the_chain_stand_below_the_fish(chain):
    fb = fishbone_layout(chain)
    lowest = max(b.tip[1] for b in fb.bones)
    assert all(fb.positions[pid][1] > lowest for pid in fb.outside)
    assert fb.outside_label[1] > lowest


def test_an_empty_bone_is_drawn_as_a_gap():
    pm = pk.load_map({"format": "powermap/1", "stakeholders": [{"id": "a", "name": "A", "roles": ["user"]}]})
    fb = fishbone_layout(pm)
    assert fb.bone("approver").people == () and fb.bone("approver").also == ()
    from powermap_kit.widgets.cyto import fishbone_elements

    els = fishbone_elements(pm, lang="en")
    tip = next(n for n in els["nodes"] if n["data"]["id"] == "fishbone:tip:approver")
    assert "fishbone-empty" in tip["classes"] and tip["data"]["label"] == "Decision approver · 0\n(nobody recorded)"
    assert "fishbone-empty" in next(e for e in els["edges"] if e["data"]["id"] == "fishbone:bone:approver")["classes"]


def test_layout_is_deterministic_covers_everyone_and_keeps_people_apart():
    for case in list_cases():
        for pm in (case.key, *(case.submission(q) for q in ("strong", "typical", "weak"))):
            pos = fishbone_positions(pm)
            assert list(pos) == pm.ids and pos == fishbone_positions(pm.copy())
            closest = min(math.dist(a, b) for a, b in itertools.combinations(pos.values(), 2))
            assert closest >= 140, (case.slug, closest)


def test_an_empty_map_still_has_a_fish():
    fb = fishbone_layout(pk.PowerMap())
    assert fb.positions == {} and len(fb.bones) == 6 and fb.outside == ()
    assert fishbone.fishbone_svg(pk.PowerMap()).startswith("<svg")


# ---- MapView compatibility ----------------------------------------------------------------
def test_positions_feed_cytoscape_preset_layout_and_scaffold_connects_to_people(chain):
    from powermap_kit.widgets import cyto

    pos = {pid: {"x": x, "y": y} for pid, (x, y) in fishbone_positions(chain).items()}
    people = cyto.to_cytoscape(chain, positions=pos, lang="en")
    assert {n["data"]["id"]: n["position"] for n in people["nodes"]} == pos
    scaffold = cyto.fishbone_elements(chain, lang="zh")
    json.dumps(scaffold)  # plain JSON for the widget
    ids = {n["data"]["id"] for n in people["nodes"]} | {n["data"]["id"] for n in scaffold["nodes"]}
    for edge in scaffold["edges"]:
        assert edge["data"]["source"] in ids and edge["data"]["target"] in ids
    for node in scaffold["nodes"]:
        assert node["data"]["id"].startswith("fishbone:") and node["locked"] and not node["grabbable"]
        assert not node["selectable"] and "fishbone" in node["classes"].split()
    ticks = {e["data"]["target"]: e["classes"] for e in scaffold["edges"] if "fishbone-tick" in e["classes"]}
    assert set(ticks) == set(chain.ids) - {"pa", "law"}
    assert "fishbone-tick-oppose" in ticks["e2"] and "fishbone-tick-unknown" in ticks["fin"]
    head = next(n for n in scaffold["nodes"] if n["data"]["id"] == "fishbone:head")
    assert head["data"]["label"] == "决策\n高层确定，团队执行"
    spine = [e for e in scaffold["edges"] if "fishbone-spine" in e["classes"]]
    assert spine[0]["data"]["source"] == "fishbone:tail" and spine[-1]["data"]["target"] == "fishbone:head"


def test_scaffold_style_colours_ticks_by_stance():
    from powermap_kit.widgets import cyto

    selectors: dict[str, dict] = {}
    for rule in cyto.fishbone_style():  # later rules add to earlier ones, as in cytoscape
        selectors.setdefault(rule["selector"], {}).update(rule["style"])
    for stance in vocab.STANCES:
        assert selectors[f"edge.fishbone-tick-{stance}"]["line-color"] == vocab.colour(stance)
    assert selectors["node.fishbone"]["events"] == "no" and selectors["edge.fishbone"]["events"] == "no"
    # ipycytoscape 1.3.3 ignores compound selectors ("edge.a.b"): one class per selector
    assert all(s.count(".") == 1 for s in selectors), [s for s in selectors if s.count(".") != 1]
    assert selectors["edge.fishbone-hidden"] == {"display": "none"}


def test_a_fishbone_view_hides_reporting_lines_only():
    from powermap_kit.widgets.cyto import fishbone_edge_classes

    assert fishbone_edge_classes("rel-reports_to directed").endswith(" fishbone-hidden")
    for kind in ("influences", "ally", "conflict"):
        assert fishbone_edge_classes(f"rel-{kind}") == f"rel-{kind}"


# ---- the static picture -------------------------------------------------------------------
def test_svg_keeps_chinese_as_text_and_escapes_names(chain):
    chain.update_stakeholder("u", name="钱 <b>&")
    svg = fishbone.fishbone_svg(chain, lang="zh")
    assert svg.startswith("<svg") and "<text" in svg
    for label in ("沈国栋", "决策支持评估者 · 2", "决策链之外", "另有：Lu", "高层确定，团队执行"):
        assert label in svg, label
    assert "钱 &lt;b&gt;&amp;" in svg and "<b>&" not in svg
    assert "Noto Sans CJK SC" in svg  # the reader's browser picks a CJK font


def test_svg_colours_people_by_stance(chain):
    svg = fishbone.fishbone_svg(chain, lang="en").lower()
    for stance in ("oppose", "neutral", "support", "champion"):
        assert vocab.colour(stance).lower() in svg
    assert "decision maker · 1" in svg and "outside the decision chain" in svg
    assert "(nobody recorded)" not in svg  # every bone has someone


def test_svg_of_a_case_in_both_languages():
    pm = load_case("it-solution").key
    en, zh = fishbone.fishbone_svg(pm, lang="en"), fishbone.fishbone_svg(pm, lang="zh")
    assert "Evaluators recommend," in en and "评估人推荐制，高层拍板" in zh
    assert len(re.findall(r"<text", en)) >= len(pm) and "陆明远" in zh


def test_raster_without_a_cjk_font_warns_instead_of_drawing_boxes(chain, monkeypatch):
    monkeypatch.setattr(fonts, "cjk_font", lambda: None)
    with pytest.warns(fonts.CJKFontWarning):
        fishbone.fishbone_figure(chain, lang="zh")


def test_fishbone_and_its_pictures_import_without_matplotlib():
    code = ("import sys, powermap_kit.fishbone, powermap_kit.intel, powermap_kit.render;"
            "powermap_kit.render.fishbone_svg(powermap_kit.PowerMap());"
            "print(','.join(m for m in ('matplotlib', 'ipywidgets', 'ipycytoscape') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == ""
