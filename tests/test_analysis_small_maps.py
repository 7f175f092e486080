"""The analysis's small-map paths need neither networkx nor numpy: its Dijkstra agrees with
networkx's step for step, and its plain-Python PageRank with the numpy one."""

from __future__ import annotations

import random

import networkx as nx
import pytest

from powermap_kit.analysis.paths import _dijkstra


@pytest.mark.parametrize("seed", range(40))
def test_dijkstra_matches_networkx(seed):
    rng = random.Random(seed)
    nodes = [f"n{i}" for i in range(rng.randint(1, 25))]
    graph = nx.DiGraph()
    graph.add_nodes_from(nodes)
    for _ in range(rng.randint(0, 80)):
        a, b = rng.choice(nodes), rng.choice(nodes)
        if a != b:
            graph.add_edge(a, b, cost=rng.choice([1.0, 1.5, 2.0, 3.0]))  # ties on purpose
    blocked = set(rng.sample(nodes, k=min(3, len(nodes))))
    source = nodes[0]

    def weight(a, b, data):
        return None if a in blocked and a != source else data["cost"]

    cutoff = rng.choice([3.0, 6.0, 100.0])
    expected = nx.single_source_dijkstra(graph, source, cutoff=cutoff, weight=weight)
    adj = {n: dict(graph.adj[n]) for n in graph}
    assert _dijkstra(adj, source, cutoff, weight) == expected


@pytest.mark.parametrize("seed", range(20))
def test_small_map_pagerank_matches_the_numpy_one(seed, monkeypatch):
    from powermap_kit.analysis import hidden

    rng = random.Random(seed)
    nodes = [f"n{i}" for i in range(rng.randint(1, 40))]
    edges = {(rng.choice(nodes), rng.choice(nodes)): rng.choice([0.5, 1.0, 2.0]) for _ in range(rng.randint(0, 90))}
    edges = {k: v for k, v in edges.items() if k[0] != k[1]}
    small = hidden.pagerank(nodes, edges)
    monkeypatch.setattr(hidden, "SMALL_GRAPH", 0)
    large = hidden.pagerank(nodes, edges)
    assert small.keys() == large.keys()
    assert all(abs(small[k] - large[k]) < 1e-9 for k in small)
