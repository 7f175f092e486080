"""Communication paths (seeds 000, 004): introduction routes on a small named map."""

import json
import random
from pathlib import Path

import networkx as nx
import pytest

import powermap_kit as pk
from powermap_kit.analysis import build_context, introduction_graph, introduction_routes

FIXTURE = Path(__file__).parent / "fixtures" / "analysis_routes.json"


@pytest.fixture
def routes_map():
    return pk.load_map(FIXTURE)


def by_target(routes):
    out = {}
    for r in routes:
        out.setdefault(r.target, []).append(r)
    return out


def test_best_routes_are_ranked_by_cost(routes_map):
    dev = by_target(introduction_routes(routes_map))["dev"]
    # Ben's weak influence (2.0) beats Ana → Cai (1.0) → Dev (reporting line 2.0 + 1.0 for neutral Cai)
    assert [(r.path, r.cost, r.rank) for r in dev] == [(("ben", "dev"), 2.0, 1), (("ana", "cai", "dev"), 4.0, 2)]
    assert [s["kind"] for s in dev[1].steps] == ["influences", "reports_up"]


def test_routes_never_pass_through_another_covered_supporter(routes_map):
    routes = by_target(introduction_routes(routes_map))
    assert [r.path for r in routes["gus"]] == [("ben", "gus")]   # not Ana → Ben → Gus: start from Ben
    # Ana's cheapest way to Dev would go through Ben (3.0); her own best route avoids him (4.0)
    assert ("ana", "cai", "dev") in [r.path for r in routes["dev"]]


def test_opponents_never_pass_us_on_and_conflict_lines_are_not_routes(routes_map):
    routes = by_target(introduction_routes(routes_map))
    for target in ("fay", "hal"):                                # only reachable through Eve, who opposes us
        [route] = routes[target]
        assert route.source is None and route.cost is None
        assert "No route" in route.explanation.render("en") and "没有路径" in route.explanation.render("zh")
    graph = introduction_graph(routes_map)
    assert not graph.has_edge("dev", "gus") and not graph.has_edge("eve", "fay")


def test_explanations_name_start_owner_steps_and_caution(routes_map):
    dev = by_target(introduction_routes(routes_map))["dev"]
    first = dev[0].explanation.render("en")
    assert first.startswith("Start with Ben") and "presales" in first and "Ben influences Dev (weak)" in first
    second = dev[1].explanation.render("en")
    assert "Cai is not yet on our side" in second and "Cai reports to Dev" in second
    assert "Ana" in dev[1].explanation.render("zh")
    json.dumps([r.to_dict("zh") for r in introduction_routes(routes_map)], ensure_ascii=False)


def test_covered_key_people_need_no_route_and_no_supporters_means_no_route(routes_map):
    data = routes_map.to_dict()
    data["coverage"] = [{"stakeholder": "dev"}]                  # we cover Dev only, and Dev's stance is unknown
    routes = introduction_routes(pk.load_map(data))
    assert "dev" not in {r.target for r in routes}
    assert all(r.source is None and "Win a supporter first" in r.explanation.render("en") for r in routes)


def test_route_costs_are_configurable(routes_map):
    cheap = {"paths": {"type_cost": {"reports_to": 0.1}, "intermediary_penalty": {"neutral": 0}}}
    dev = by_target(introduction_routes(routes_map, config=cheap))["dev"]
    assert dev[0].path == ("ana", "cai", "dev") and dev[0].cost == 1.2      # 1.0 + 0.1 × 2.0 beats 2.0


def _random_map(seed, people=12, covered=4):
    rng = random.Random(seed)
    stances = [None, "oppose", "neutral", "support", "champion"]
    stakeholders = [{"id": f"p{i}", "name": f"P{i}", "power": rng.randint(1, 5),
                     **({"stance": s} if (s := rng.choice(stances)) else {}),
                     "roles": [rng.choice(["decision_maker", "evaluator", "approver", "user"])]} for i in range(people)]
    rels, seen = [], set()
    for _ in range(people * 2):
        a, b = rng.sample(range(people), 2)
        if (a, b) in seen or (b, a) in seen:
            continue
        seen.add((a, b))
        kind = rng.choice(["influences", "ally", "conflict", "influences"])
        rels.append({"source": f"p{a}", "target": f"p{b}", "type": kind, "strength": rng.randint(1, 3)})
    cover = [{"stakeholder": f"p{i}"} for i in rng.sample(range(people), covered)]
    return pk.load_map({"format": "powermap/1", "stakeholders": stakeholders, "relationships": rels,
                        "coverage": cover})


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("covered", [1, 9])            # fewer sources than targets (search forward), and more
def test_route_costs_match_brute_force_shortest_paths(seed, covered):
    pm = _random_map(seed, covered=covered)
    ctx = build_context(pm)
    graph = introduction_graph(pm, ctx=ctx)
    sources = {p for p in ctx.people if ctx.covered(p) and ctx.supportive(p)}

    def brute(start, target):
        # a route may not continue beyond another covered supporter
        allowed = nx.subgraph_view(graph, filter_edge=lambda a, b: a == start or a not in sources)
        try:
            return nx.shortest_path_length(allowed, start, target, weight="cost")
        except nx.NetworkXNoPath:
            return None

    for route in introduction_routes(pm, ctx=ctx):
        if route.source is None:
            assert all(brute(s, route.target) is None or brute(s, route.target) > 6.0 for s in sources)
            continue
        assert route.cost == pytest.approx(brute(route.source, route.target), abs=1e-9)
        assert route.cost == pytest.approx(nx.path_weight(graph, list(route.path), "cost"), abs=1e-9)
        if route.rank == 1:
            options = [c for s in sources if (c := brute(s, route.target)) is not None]
            assert route.cost == pytest.approx(min(options), abs=1e-9)
