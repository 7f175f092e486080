"""Communication paths (沟通路径分析, seeds 000 §4 and 004): who can introduce us to whom.

For every key person nobody on our side covers, the best introduction routes start at a
person we cover who supports us (support or champion) and follow the map's lines:

* ``influences`` source → target (the source can sway or introduce the target);
* ``ally`` both ways;
* ``reports_to`` both ways (up: a report introduces us to the boss; down: a boss to a
  report);
* ``conflict`` lines are never used, and a person who opposes us never passes us on.

Cost of a step ``a → b`` (lower is better; ``data/analysis.json`` → ``paths``)::

    type_cost[type] × strength_factor[strength]  (+ penalty when a is not a supporter)

with strength 3 → ×1.0, 2 → ×1.5, 1 or unrecorded → ×2.0, and +1.0 for each neutral
and +1.5 for each unknown-stance intermediary. Routes cost at most ``max_cost`` (6.0);
up to ``routes_per_target`` (3) routes per target, each from a different starting
person, best first. A route never passes through another person we already cover and
who supports us (start from that person instead), so each starting person's route is
the best one that avoids the others. Shortest paths follow networkx's Dijkstra step for step
(:func:`_dijkstra`): importing networkx would cost more than a whole small map's analysis.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from heapq import heappop, heappush
from itertools import count
from typing import TYPE_CHECKING, Any

from .. import localize
from .context import Context, build_context
from .findings import Label, Localised, Msg, Names, Parts

if TYPE_CHECKING:
    import networkx as nx

    from ..model import PowerMap

__all__ = ["Route", "introduction_graph", "introduction_routes"]


@dataclass(frozen=True)
class Route:
    """One introduction route to ``target``; ``source`` is ``None`` when there is none."""

    target: str
    source: str | None
    path: tuple[str, ...]
    steps: tuple[dict[str, Any], ...]
    cost: float | None
    rank: int
    names: tuple[str, ...]
    explanation: Msg

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        return {"target": self.target, "target_name": self.names[-1], "source": self.source,
                "path": list(self.path), "names": list(self.names), "steps": [dict(s) for s in self.steps],
                "cost": self.cost, "rank": self.rank, "explanation": self.explanation.render(lang)}


def _penalty(ctx: Context, pid: str) -> float | None:
    """Extra cost of passing through a person; ``None`` when they cannot pass us on."""
    stance = ctx.stance[pid]
    if stance in ("support", "champion"):
        return 0.0
    if stance == "oppose":
        return None
    return float(ctx.cfg["paths"]["intermediary_penalty"]["neutral" if stance == "neutral" else "unknown"])


def _lines(ctx: Context) -> dict[tuple[str, str], dict[str, Any]]:
    """The cheapest introduction line between two people: ``(a, b) → {cost, kind, strength}``."""
    pcfg = ctx.cfg["paths"]
    factors = {int(k): float(v) for k, v in pcfg["strength_factor"].items()}
    unrecorded = float(pcfg["unrecorded_strength_factor"])
    penalty = {pid: _penalty(ctx, pid) for pid in ctx.people}
    type_cost = {t: float(c) for t, c in pcfg["type_cost"].items()}
    best: dict[tuple[str, str], dict[str, Any]] = {}

    def add(a: str, b: str, kind: str, rel_type: str, strength: int | None) -> None:
        extra = penalty[a]
        if extra is None:
            return
        cost = type_cost[rel_type] * (factors.get(strength, unrecorded) if strength else unrecorded) + extra
        old = best.get((a, b))
        if old is None or cost < old["cost"]:
            best[(a, b)] = {"cost": cost, "kind": kind, "strength": strength}

    people = ctx.people
    for rel in ctx.pm.relationships:
        if rel.source not in people or rel.target not in people:
            continue
        if rel.type == "influences":
            add(rel.source, rel.target, "influences", rel.type, rel.strength)
        elif rel.type == "ally":
            add(rel.source, rel.target, "ally", rel.type, rel.strength)
            add(rel.target, rel.source, "ally", rel.type, rel.strength)
        elif rel.type == "reports_to":
            add(rel.source, rel.target, "reports_up", rel.type, rel.strength)
            add(rel.target, rel.source, "manages", rel.type, rel.strength)
    return best


def introduction_graph(pm: PowerMap, config: Mapping[str, Any] | None = None, *,
                       ctx: Context | None = None) -> nx.DiGraph:
    """The directed graph of possible introductions, edge attribute ``cost`` as documented.

    Each edge keeps the cheapest line between two people: ``kind`` is ``influences``,
    ``ally``, ``reports_up`` (a reports to b) or ``manages`` (b reports to a).
    """
    import networkx as nx  # lazy: only this graph view needs it

    ctx = ctx or build_context(pm, config=config)
    graph = nx.DiGraph()
    graph.add_nodes_from(ctx.people)
    graph.add_edges_from((a, b, data) for (a, b), data in _lines(ctx).items())
    return graph


Weight = Callable[[str, str, dict[str, Any]], "float | None"]


def _dijkstra(adj: Mapping[str, Mapping[str, dict[str, Any]]], source: str, cutoff: float,
              weight: Weight) -> tuple[dict[str, float], dict[str, list[str]]]:
    """``networkx.single_source_dijkstra`` over an adjacency dict, with the same tie-breaking
    (a counter in the heap; neighbours in insertion order). A weight of ``None`` hides an edge."""
    dist: dict[str, float] = {}
    seen = {source: 0.0}
    paths = {source: [source]}
    tie = count()
    fringe: list[tuple[float, int, str]] = [(0.0, next(tie), source)]
    while fringe:
        d, _, v = heappop(fringe)
        if v in dist:
            continue
        dist[v] = d
        for u, data in adj[v].items():
            cost = weight(v, u, data)
            if cost is None:
                continue
            vu = d + cost
            if vu > cutoff or u in dist:
                continue
            if u not in seen or vu < seen[u]:
                seen[u] = vu
                heappush(fringe, (vu, next(tie), u))
                paths[u] = paths[v] + [u]
    return dist, paths


def introduction_routes(pm: PowerMap, config: Mapping[str, Any] | None = None, *,
                        ctx: Context | None = None) -> list[Route]:
    """The best introduction routes to each uncovered key person (see the module docstring).

    >>> from powermap_kit import load_map
    >>> pm = load_map({"format": "powermap/1", "stakeholders": [
    ...     {"id": "li", "name": "Li Na", "stance": "champion"},
    ...     {"id": "wang", "name": "Wang Wei", "roles": ["decision_maker"], "power": 5}],
    ...     "relationships": [{"source": "li", "target": "wang", "type": "influences", "strength": 3}],
    ...     "coverage": [{"stakeholder": "li", "owner": "our AM"}]})
    >>> [(r.path, r.cost) for r in introduction_routes(pm)]
    [(('li', 'wang'), 1.0)]
    """
    ctx = ctx or build_context(pm, config=config)
    pcfg = ctx.cfg["paths"]
    sources = {pid for pid in ctx.people if ctx.covered(pid) and ctx.supportive(pid)}
    targets = [k for k in ctx.key if not ctx.covered(k)]
    if not targets:
        return []
    lines = _lines(ctx)
    succ: dict[str, dict[str, dict[str, Any]]] = {pid: {} for pid in ctx.people}
    pred: dict[str, dict[str, dict[str, Any]]] = {pid: {} for pid in ctx.people}
    for (a, b), data in lines.items():
        succ[a][b] = pred[b][a] = data
    cutoff = float(pcfg["max_cost"])
    found: dict[str, list[tuple[float, int, str, tuple[str, ...]]]] = {t: [] for t in targets}

    # Search from whichever side is smaller: fewer Dijkstra runs, same costs. A weight of
    # None hides an edge: routes never continue beyond another supporter we already cover.
    if len(sources) <= len(targets):
        for start in sorted(sources):
            def forward(a: str, b: str, data: dict[str, Any], start: str = start) -> float | None:
                return None if a in sources and a != start else data["cost"]

            dist, paths = _dijkstra(succ, start, cutoff, forward)
            for target in found.keys() & dist.keys():
                found[target].append((dist[target], len(paths[target]), ctx.name(start), tuple(paths[target])))
    else:
        def backward(a: str, b: str, data: dict[str, Any]) -> float | None:
            return None if a in sources else data["cost"]

        for target in targets:
            dist, paths = _dijkstra(pred, target, cutoff, backward)
            for start in sources & dist.keys():
                path = tuple(reversed(paths[start]))
                found[target].append((dist[start], len(path), ctx.name(start), path))
    limit = int(pcfg["routes_per_target"])
    routes: list[Route] = []
    for target in targets:
        best = sorted(found[target])[:limit]
        if not best:
            routes.append(_no_route(ctx, target, bool(sources)))
        for rank, (cost, _, _, path) in enumerate(best, start=1):
            routes.append(_route(ctx, lines, target, path, cost, rank))
    return routes


def _route(ctx: Context, lines: Mapping[tuple[str, str], dict[str, Any]], target: str, path: tuple[str, ...],
           cost: float, rank: int) -> Route:
    steps = []
    words = []
    for a, b in zip(path, path[1:]):
        data = lines[(a, b)]
        steps.append({"from": a, "to": b, "kind": data["kind"], "strength": data["strength"]})
        strength = Label(str(data["strength"]), "relationship_strength") if data["strength"] else \
            Msg("analysis.word.strength_unrecorded")
        words.append(Msg(f"analysis.path.step.{data['kind']}", {"a": ctx.name(a), "b": ctx.name(b),
                                                                  "strength": strength}))
    start = path[0]
    cover = ctx.best_coverage(start)
    owner = Localised(localize.texts(cover, "owner")) if cover and cover.owner else Msg("analysis.word.our_team")
    middle = [pid for pid in path[1:-1] if not ctx.supportive(pid)]
    params: dict[str, Any] = {"start": ctx.name(start), "stance": Label(ctx.stance[start] or "unknown", "stance"),
                              "owner": owner, "target": ctx.name(target), "steps": Parts(tuple(words)),
                              "cost": round(cost, 2)}
    key = "analysis.path.route"
    if middle:
        key = "analysis.path.route_caution"
        params["middle"] = Names(ctx.names(middle))
    return Route(target, start, path, tuple(steps), round(cost, 2), rank, ctx.names(path), Msg(key, params))


def _no_route(ctx: Context, target: str, have_sources: bool) -> Route:
    key = "analysis.path.none" if have_sources else "analysis.path.no_supporters"
    return Route(target, None, (target,), (), None, 1, (ctx.name(target),), Msg(key, {"target": ctx.name(target)}))
