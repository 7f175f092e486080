"""Power matrix (power × influence, seed 000 §4), support matrix (power × stance) and the
static pictures (map and matrices), in both languages."""

import re
import warnings
from pathlib import Path

import pytest

import powermap_kit as pk
from powermap_kit import render as picture
from powermap_kit.render import fonts
from powermap_kit.analysis import (
    QUADRANTS, SUPPORT_QUADRANTS, analyse, influence_of, power_matrix, quadrant, quadrant_approach, quadrant_name,
    support_matrix, support_quadrant,
)

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def it_map():
    return pk.load_map(FIXTURES / "analysis_it.json")


@pytest.mark.parametrize("power,stance,expected", [
    (5, "champion", "key_ally"), (4, "support", "key_ally"), (4, "neutral", "key_target"), (5, "oppose", "key_target"),
    (3, "support", "supporter_base"), (1, "champion", "supporter_base"), (3, "oppose", "monitor"), (2, "neutral", "monitor"),
    (None, "support", "unplaced"), (5, None, "unplaced"), (5, "unknown", "unplaced"),
])
def test_support_quadrants(power, stance, expected):
    assert support_quadrant(power, stance) == expected


@pytest.mark.parametrize("power,influence,expected", [
    (5, 5, "contact_first"), (4, 4, "contact_first"), (5, 3, "key_decider"), (4, 1, "key_decider"),
    (3, 4, "key_influencer"), (1, 5, "key_influencer"), (3, 3, "keep_informed"), (1, 1, "keep_informed"),
    (None, 5, "unplaced"), (5, None, "unplaced"),
])
def test_power_matrix_quadrants_are_power_by_influence(power, influence, expected):
    assert quadrant(power, influence) == expected


def test_power_matrix_uses_recorded_influence_else_the_network():
    pm = pk.load_map({"format": "powermap/1", "stakeholders": [
        {"id": "gm", "name": "GM", "power": 5, "support": {"influence": 2}},
        {"id": "pa", "name": "PA", "power": 2},
        {"id": "x", "name": "X", "power": 2}],
        "relationships": [{"source": "pa", "target": "gm", "type": "influences", "strength": 3},
                          {"source": "pa", "target": "x", "type": "influences", "strength": 3}]})
    inf = influence_of(pm)
    assert inf["gm"] == (2, "recorded")          # recorded wins over the network
    assert inf["pa"][1] == "network" and inf["pa"][0] >= 4
    rows = {r["id"]: r for r in power_matrix(pm)}
    assert rows["gm"]["quadrant"] == "key_decider"
    assert rows["pa"]["quadrant"] == "key_influencer" and rows["pa"]["influence_basis"] == "network"
    bare = pk.load_map({"format": "powermap/1", "stakeholders": [{"id": "a", "name": "A", "power": 5}]})
    assert power_matrix(bare)[0]["quadrant"] == "unplaced"   # no influence, no lines: an information gap


def test_every_quadrant_has_a_name_and_approach_in_both_languages():
    for q in QUADRANTS + SUPPORT_QUADRANTS:
        for lang in ("en", "zh"):
            assert quadrant_name(q, lang) and len(quadrant_approach(q, lang)) > 20
        assert re.search(r"[\u4e00-\u9fff]", quadrant_name(q, "zh"))


def test_high_power_split_is_configurable_and_dimensions_place_unknown_stances():
    pm = pk.load_map({"format": "powermap/1", "stakeholders": [
        {"id": "a", "name": "A", "power": 3, "stance": "support"},
        {"id": "b", "name": "B", "power": 3, "support": {"trust": 1, "solution_fit": 1}}]})
    rows = {r["id"]: r for r in support_matrix(pm, config={"matrix": {"high_power": 3}})}
    assert rows["a"]["quadrant"] == "key_ally"
    assert rows["b"]["quadrant"] == "key_target" and rows["b"]["basis"] == "dimensions"


def _texts(svg):
    return re.findall(r"<text[^>]*>([^<]*)</text>", svg)


@pytest.mark.parametrize("lang,view,words", [
    ("en", "power", ["Power matrix: power × influence", "Contact first", "Influence", "Power"]),
    ("zh", "power", ["权力矩阵：权力 × 影响力", "优先接触", "影响力", "权力大小"]),
    ("en", "support", ["Support matrix: power × stance", "Key ally", "Priority to win", "Power"]),
    ("zh", "support", ["支持度矩阵：权力 × 态度", "关键盟友", "重点攻坚", "权力大小"])])
def test_matrix_svg_keeps_text_as_text_in_both_languages(it_map, lang, view, words):
    svg = picture.power_matrix_svg(it_map, lang=lang, view=view)
    texts = " ".join(_texts(svg))
    assert svg.startswith("<svg") and "王伟" in texts and "李娜" in texts
    for word in words:
        assert word in texts
    assert "Noto Sans CJK SC" in svg and "sans-serif" in svg          # the browser picks a CJK font


def test_plot_power_matrix_returns_a_labelled_figure(it_map):
    fig = picture.plot_power_matrix(analyse(it_map, today="2026-11-20"), lang="zh", view="support")
    ax = fig.axes[0]
    assert ax.get_title() == "支持度矩阵：权力 × 态度"
    labels = [t.get_text() for t in ax.texts]
    assert "王伟" in labels and "关键盟友" in labels
    assert any("未定位" in t.get_text() and "赵国强" in t.get_text() for t in fig.texts)
    fig = picture.plot_power_matrix(it_map, lang="zh")
    assert fig.axes[0].get_title() == "权力矩阵：权力 × 影响力"
    assert "优先接触" in [t.get_text() for t in fig.axes[0].texts]


def test_an_unknown_view_is_refused(it_map):
    with pytest.raises(pk.errors.InvalidValue, match="view"):
        picture.power_matrix_svg(it_map, view="stance")


def test_plot_into_an_existing_axes(it_map):
    from matplotlib.figure import Figure

    fig = Figure()
    ax = fig.add_subplot()
    assert picture.plot_power_matrix(it_map, ax=ax, lang="en") is fig


def test_raster_warns_clearly_when_no_cjk_font(monkeypatch, it_map):
    monkeypatch.setattr(fonts, "cjk_font", lambda: None)
    with pytest.warns(picture.CJKFontWarning, match="fonts-noto-cjk"):
        picture.plot_power_matrix(it_map, lang="zh")
    latin = pk.load_map({"format": "powermap/1", "stakeholders": [{"id": "a", "name": "Ann", "power": 3, "stance": "support"}]})
    with warnings.catch_warnings():
        warnings.simplefilter("error", picture.CJKFontWarning)
        picture.plot_power_matrix(latin, lang="en")                    # nothing Chinese to draw: no warning
        picture.power_matrix_svg(it_map, lang="zh")                    # SVG: the browser draws the text


def test_an_installed_cjk_font_is_found():
    # CI installs fonts-noto-cjk (see .ci/run); elsewhere this may legitimately be None
    font = picture.cjk_font()
    assert font is None or "CJK" in font or "Hei" in font or "Han" in font or "SC" in font


def test_org_chart_layout_puts_bosses_above_reports(it_map):
    pos = picture.org_chart_layout(it_map)
    assert pos["gm"][1] > pos["vp_prod"][1] > pos["plant"][1] > pos["engineer"][1]
    assert pos["cio"][1] == pos["cfo"][1]
    children = [pos[c][0] for c in ("vp_prod", "cio", "cfo", "assistant")]
    assert min(children) <= pos["gm"][0] <= max(children)
    assert len({p for p in pos.values()}) == len(pos)                 # nobody drawn on top of anybody


def test_map_svg_encodes_stance_colours_roles_and_escapes_text():
    pm = pk.load_map({"format": "powermap/1", "stakeholders": [
        {"id": "a", "name": "<script>alert(1)</script>", "stance": "oppose", "roles": ["approver"], "power": 5},
        {"id": "b", "name": "王伟 & Co", "coach": True, "stance": "champion"},
        {"id": "c", "name": "Loose"}],
        "relationships": [{"source": "b", "target": "a", "type": "reports_to"},
                          {"source": "b", "target": "a", "type": "influences", "strength": 2}]})
    svg = picture.map_svg(pm, lang="en")
    assert "<script" not in svg and "&lt;script&gt;alert(1)" in svg and "王伟 &amp; Co" in svg
    assert pk.vocab.colour("oppose") in svg.upper() or pk.vocab.colour("oppose").lower() in svg
    assert "A  P5" in " ".join(_texts(svg)) and "★" in svg
    assert "Opposes us" in svg and "Reports to" in svg                # legend labels
    assert "Influences" in svg


def test_large_maps_draw_the_key_people_and_say_how_many_are_left_out():
    people = [{"id": f"p{i}", "name": f"P{i}", "power": 5 if i < 3 else 1} for i in range(80)]
    svg = picture.map_svg(pk.load_map({"format": "powermap/1", "stakeholders": people}), max_people=10)
    assert "70 more people not drawn" in svg and ">P0<" in svg
