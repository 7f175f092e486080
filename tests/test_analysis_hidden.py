"""Hidden power (seed 002's education case) and the PageRank behind it."""

from pathlib import Path

import networkx as nx
import numpy as np
import pytest

import powermap_kit as pk
from powermap_kit.analysis import analyse, hidden_power, network_influence, pagerank
from powermap_kit.analysis.hidden import influence_edges

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def education():
    return pk.load_map(FIXTURES / "analysis_education.json")


def _networkx_pagerank(nodes, edges, alpha=0.85):
    """Reference: networkx's Google matrix (public API, NumPy only) and power iteration."""
    graph = nx.DiGraph()
    graph.add_nodes_from(nodes)
    graph.add_weighted_edges_from((a, b, w) for (a, b), w in edges.items())
    matrix = np.asarray(nx.google_matrix(graph, alpha=alpha, nodelist=nodes))
    x = np.full(len(nodes), 1 / len(nodes))
    for _ in range(200):
        x = x @ matrix
    return dict(zip(nodes, x))


def test_pagerank_matches_networkx_on_the_education_map(education):
    edges = influence_edges(education)
    ours = pagerank(education.ids, edges)
    ref = _networkx_pagerank(education.ids, edges)
    assert ours == pytest.approx(ref, abs=1e-5)
    assert sum(ours.values()) == pytest.approx(1.0)


def test_pagerank_matches_networkx_on_florentine_families():
    graph = nx.florentine_families_graph()
    nodes = sorted(graph)
    edges = {(a, b): 1.0 for a, b in graph.edges} | {(b, a): 1.0 for a, b in graph.edges}
    assert pagerank(nodes, edges) == pytest.approx(_networkx_pagerank(nodes, edges), abs=1e-5)


def test_the_dean_of_academic_affairs_is_flagged_not_it(education):
    rows = hidden_power(education)
    flagged = [r["id"] for r in rows if r["flagged"]]
    assert flagged == ["dean"]
    dean = rows[0]
    assert dean["id"] == "dean" and dean["rank"] == 1 and dean["network_power"] == 5.0 and dean["given"] == 2
    text = dean["explanation"].render("en")
    assert "李明" in text and "ranks 1 of 9" in text and "dean of academic affairs" in text
    assert "seed" not in text.lower()  # learners never heard of the seeds
    zh = dean["explanation"].render("zh")
    assert "教务处处长" in zh and "种子" not in zh and "李明的网络影响力" in zh
    it_dir = next(r for r in rows if r["id"] == "it_dir")
    assert not it_dir["flagged"] and it_dir["network_power"] < it_dir["given"]


def test_analysis_surfaces_hidden_power_as_a_risk_and_an_action(education):
    a = analyse(education, today="2026-11-20")
    assert [r["id"] for r in a.hidden_power] == ["dean"]
    [risk] = [r for r in a.risks if r.code == "hidden_power"]
    assert risk.stakeholders == ("dean",) and risk.severity == "high"        # stance unknown
    action = a.actions.set_index("Id").loc["dean", "Next action"]
    assert "real power" in action
    assert a.people.loc["dean", "hidden_power"]


def test_reporting_lines_send_rank_to_the_boss_and_influence_to_the_influencer():
    pm = pk.load_map({"format": "powermap/1", "stakeholders": [{"id": i, "name": i.upper()} for i in "abcd"],
                      "relationships": [{"source": "a", "target": "b", "type": "reports_to"},
                                        {"source": "c", "target": "d", "type": "influences", "strength": 3}]})
    assert influence_edges(pm) == {("a", "b"): 2.0, ("d", "c"): 3.0}
    rank = network_influence(pm)
    assert rank["b"] > rank["a"] and rank["c"] > rank["d"]


def test_no_usable_lines_means_no_ranking_and_no_flags():
    pm = pk.load_map({"format": "powermap/1", "stakeholders": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
                      "relationships": [{"source": "a", "target": "b", "type": "conflict"}]})
    assert network_influence(pm) == {} and hidden_power(pm) == []


def test_unknown_power_with_high_network_rank_is_flagged_as_a_gap():
    pm = pk.load_map({"format": "powermap/1", "stakeholders": [
        {"id": "x", "name": "X"}, {"id": "a", "name": "A", "power": 2}, {"id": "b", "name": "B", "power": 2}],
        "relationships": [{"source": "a", "target": "x", "type": "reports_to"},
                          {"source": "b", "target": "x", "type": "reports_to"}]})
    [row] = [r for r in hidden_power(pm) if r["flagged"]]
    assert row["id"] == "x" and row["given"] is None
    assert "records no power" in row["explanation"].render("en")


def test_thresholds_are_configurable(education):
    strict = {"hidden": {"gap": 3.5}}
    assert [r["id"] for r in hidden_power(education, config=strict) if r["flagged"]] == []
