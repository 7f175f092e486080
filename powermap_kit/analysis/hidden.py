"""Hidden power (seed 002's education case: the dean of academic affairs, not the IT
department, decided; re-targeting shortened the win cycle by 40%).

The map's relationship lines say who listens to whom. We rank people by PageRank over
an *influence network* where rank flows towards the people others depend on:

* ``a reports_to b``   → edge a → b, weight ``edge_weights.reports_to`` (2.0) × strength;
* ``a influences b``   → edge b → a (b listens to a), weight 1.0 × strength;
* ``a ally b``         → both ways, weight 0.5 × strength;
* conflict lines carry no influence; an unrecorded strength counts as 1 (weak).

PageRank (damping ``alpha`` 0.85, dangling rank spread evenly — the same algorithm as
``networkx.pagerank``, computed here with NumPy because networkx's own needs SciPy) is
rescaled to the map's 1–5 power scale: ``network power = 1 + 4 × (pr − min) / (max − min)``.
What the map gives a person is their recorded power (or their ``influence`` support
dimension, if higher). A person is **flagged** when their network power is at least
``min_network_power`` (3.5) and exceeds what the map gives them by ``gap`` (1.5) or more,
or the map records no power for them at all. With no usable lines there is no ranking.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .. import localize
from .context import Context, build_context
from .findings import Labels, Localised, Msg, Names

if TYPE_CHECKING:
    from ..model import PowerMap

__all__ = ["hidden_power", "influence_edges", "network_influence", "pagerank"]


def influence_edges(pm: PowerMap, weights: Mapping[str, float] | None = None) -> dict[tuple[str, str], float]:
    """``{(a, b): weight}``: a depends on b (rank flows a → b), summed over lines.

    >>> from powermap_kit import load_map
    >>> pm = load_map({"format": "powermap/1", "stakeholders": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
    ...     "relationships": [{"source": "a", "target": "b", "type": "influences", "strength": 3}]})
    >>> influence_edges(pm)
    {('b', 'a'): 3.0}
    """
    w = dict(weights or {"reports_to": 2.0, "influences": 1.0, "ally": 0.5})
    edges: dict[tuple[str, str], float] = {}

    def add(a: str, b: str, value: float) -> None:
        if value > 0:
            edges[(a, b)] = edges.get((a, b), 0.0) + value

    for rel in pm.relationships:
        strength = float(rel.strength or 1)
        if rel.type == "reports_to":
            add(rel.source, rel.target, w.get("reports_to", 0.0) * strength)
        elif rel.type == "influences":
            add(rel.target, rel.source, w.get("influences", 0.0) * strength)
        elif rel.type == "ally":
            add(rel.source, rel.target, w.get("ally", 0.0) * strength)
            add(rel.target, rel.source, w.get("ally", 0.0) * strength)
    return edges


def pagerank(nodes: list[str], edges: Mapping[tuple[str, str], float], alpha: float = 0.85,
             max_iter: int = 100, tol: float = 1.0e-6) -> dict[str, float]:
    """Weighted PageRank by power iteration, as ``networkx.pagerank`` computes it.

    >>> pr = pagerank(["a", "b", "c"], {("a", "c"): 1.0, ("b", "c"): 1.0})
    >>> max(pr, key=pr.get), round(sum(pr.values()), 6)
    ('c', 1.0)
    """
    n = len(nodes)
    if n == 0:
        return {}
    if n <= SMALL_GRAPH:
        return _pagerank_small(nodes, edges, alpha, max_iter, tol)
    import numpy as np  # lazy: ~0.1 s to import, more than a small map's whole analysis

    index = {node: i for i, node in enumerate(nodes)}
    src = np.fromiter((index[a] for a, _ in edges), dtype=np.int64, count=len(edges))
    dst = np.fromiter((index[b] for _, b in edges), dtype=np.int64, count=len(edges))
    wts = np.fromiter(edges.values(), dtype=float, count=len(edges))
    out_sum = np.bincount(src, weights=wts, minlength=n)
    share = wts / out_sum[src] if len(edges) else wts
    dangling = out_sum == 0
    x = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        last = x
        x = alpha * np.bincount(dst, weights=last[src] * share, minlength=n)
        x += (alpha * last[dangling].sum() + 1.0 - alpha) / n
        # networkx's stopping rule; with alpha < 1 the error shrinks by alpha each step.
        if np.abs(x - last).sum() < n * tol:
            break
    return {node: float(x[i]) for node, i in index.items()}


SMALL_GRAPH = 300
"""Up to this many people PageRank runs in plain Python (the same iteration, no numpy)."""


def _pagerank_small(nodes: list[str], edges: Mapping[tuple[str, str], float], alpha: float, max_iter: int,
                    tol: float) -> dict[str, float]:
    n = len(nodes)
    out_sum = dict.fromkeys(nodes, 0.0)
    for (a, _), w in edges.items():
        out_sum[a] += w
    links = [(a, b, w / out_sum[a]) for (a, b), w in edges.items()]
    dangling = [node for node in nodes if out_sum[node] == 0]
    x = dict.fromkeys(nodes, 1.0 / n)
    for _ in range(max_iter):
        last = x
        base = (alpha * sum(last[d] for d in dangling) + 1.0 - alpha) / n
        x = dict.fromkeys(nodes, base)
        for a, b, share in links:
            x[b] += alpha * last[a] * share
        if sum(abs(x[node] - last[node]) for node in nodes) < n * tol:
            break
    return x


def _edges(ctx: Context) -> dict[tuple[str, str], float]:
    if "influence_edges" not in ctx.cache:
        edges = influence_edges(ctx.pm, ctx.cfg["hidden"]["edge_weights"])
        ctx.cache["influence_edges"] = {k: v for k, v in edges.items() if k[0] in ctx.people and k[1] in ctx.people}
    return ctx.cache["influence_edges"]


def network_influence(pm: PowerMap, config: Mapping[str, Any] | None = None, *,
                      ctx: Context | None = None) -> dict[str, float]:
    """PageRank per person over the influence network; empty when the map has no usable lines."""
    ctx = ctx or build_context(pm, config=config)
    edges = _edges(ctx)
    if not edges:
        return {}
    return pagerank(list(ctx.people), edges, alpha=float(ctx.cfg["hidden"]["alpha"]))


def hidden_power(pm: PowerMap, config: Mapping[str, Any] | None = None, *,
                 ctx: Context | None = None) -> list[dict[str, Any]]:
    """One row per person, by network rank: PageRank, network power, what the map gives, flag.

    Flagged rows carry an ``explanation`` (:class:`~.findings.Msg`).

    >>> from powermap_kit import load_map
    >>> pm = load_map({"format": "powermap/1", "stakeholders": [
    ...     {"id": "dean", "name": "Dean", "power": 2}, {"id": "vp", "name": "VP", "power": 5},
    ...     {"id": "it", "name": "IT", "power": 4}, {"id": "t", "name": "Teacher", "power": 1}],
    ...     "relationships": [{"source": "dean", "target": "vp", "type": "influences", "strength": 3},
    ...                       {"source": "dean", "target": "it", "type": "influences", "strength": 3},
    ...                       {"source": "dean", "target": "t", "type": "influences", "strength": 2}]})
    >>> [(r["id"], r["flagged"]) for r in hidden_power(pm) if r["id"] in ("dean", "vp")]
    [('dean', True), ('vp', False)]
    """
    ctx = ctx or build_context(pm, config=config)
    if "hidden" in ctx.cache:
        return ctx.cache["hidden"]
    ctx.cache["hidden"] = rows = _hidden_rows(pm, ctx)
    return rows


def _hidden_rows(pm: PowerMap, ctx: Context) -> list[dict[str, Any]]:
    hcfg = ctx.cfg["hidden"]
    rank = network_influence(pm, ctx=ctx)
    if not rank:
        return []
    low, high = min(rank.values()), max(rank.values())
    spread = high - low
    order = sorted(rank, key=lambda pid: (-rank[pid], ctx.name(pid)))
    leaning: dict[str, list[str]] = {}
    for (a, b) in _edges(ctx):
        leaning.setdefault(b, []).append(a)
    rows = []
    for place, pid in enumerate(order, start=1):
        person = ctx.people[pid]
        net = round(1 + 4 * (rank[pid] - low) / spread, 2) if spread > 1e-12 else None
        influence = person.support.get("influence")
        given_values = [v for v in (person.power, influence) if v is not None]
        given = max(given_values) if given_values else None
        flagged = net is not None and net >= float(hcfg["min_network_power"]) and (
            given is None or net - given >= float(hcfg["gap"]))
        row: dict[str, Any] = {"id": pid, "name": ctx.name(pid), "pagerank": round(rank[pid], 4), "rank": place,
                               "network_power": net, "power": person.power, "influence": influence,
                               "given": given, "gap": None if net is None or given is None else round(net - given, 2),
                               "flagged": flagged, "explanation": None}
        if flagged:
            leaners = leaning.get(pid, [])
            roles = Labels(tuple(person.roles), "role") if person.roles else Msg("analysis.word.no_role")
            params: dict[str, Any] = {"name": Localised(localize.names(person)), "rank": place, "total": len(order), "net": net,
                                      "pagerank": round(rank[pid], 3), "count": len(leaners),
                                      "leaners": Names(ctx.names(leaners[:5])), "roles": roles}
            if given is None:
                row["explanation"] = Msg("analysis.hidden.explain_unknown", params)
            else:
                row["explanation"] = Msg("analysis.hidden.explain", {**params, "given": given})
        rows.append(row)
    return rows
