"""Benchmark: ``analyse`` on a synthetic 1,000-person account map vs networkx PageRank, and
``powermap analyse --format html`` as a whole process.

Goals: the whole analysis within 3× of one networkx PageRank over the same relationship
graph (issue 3); the HTML report of a 2,000-person map in ≤ 3 s and of a 30-person map in
≤ 0.5 s, whole process (issue 11), each printed beside a process that only starts Python
and ``json.load``s the same file, measured in the same run. Prints figures; it is not a
timed test.

    .venv/bin/python benchmarks/bench_analyse.py [--people 1000] [--repeat 7]

networkx's public ``pagerank`` needs SciPy; where SciPy is not installed the pure-Python
implementation networkx ships (``_pagerank_python``, the same algorithm) is the baseline,
and the script says which one it used.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import _synthetic  # noqa: E402

import networkx as nx  # noqa: E402

import powermap_kit as pk  # noqa: E402
from powermap_kit.analysis import analyse  # noqa: E402
from powermap_kit.analysis.hidden import influence_edges  # noqa: E402

ROLES = ["approver", "decision_maker", "evaluator", "influencer", "purchaser", "user", "gatekeeper", "observer"]
STANCES = [None, "oppose", "neutral", "support", "champion"]


def synthetic_map(people: int = 1000, seed: int = 7) -> pk.PowerMap:
    """A large account: a reporting tree (about 6 reports per manager), 1.5 influence lines
    and 0.2 ally lines per person, a few conflicts, coverage of 8%, dimensions for half."""
    rng = random.Random(seed)
    stakeholders, relationships, coverage = [], [], []
    for i in range(people):
        depth = 0 if i == 0 else min(5, 1 + int((i / 6) ** 0.35))
        power = max(1, min(5, 5 - depth + rng.choice([-1, 0, 0, 1])))
        person = {"id": f"p{i}", "name": f"员工{i} Person {i}", "title": f"Title {i % 37}", "power": power,
                  "roles": rng.sample(ROLES, rng.choice([0, 1, 1, 1, 2])),
                  "last_verified": f"2026-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}"}
        stance = rng.choice(STANCES)
        if stance:
            person["stance"] = stance
        if rng.random() < 0.5:
            person["support"] = {d: rng.randint(1, 5) for d in pk.vocab.SUPPORT_DIMENSIONS if rng.random() < 0.8}
        if rng.random() < 0.05:
            person["preferred_vendor"] = rng.choice(["Vendor X", "Vendor Y"])
        if rng.random() < 0.02:
            person["coach"] = True
        stakeholders.append(person)
        if i:
            relationships.append({"source": f"p{i}", "target": f"p{(i - 1) // 6}", "type": "reports_to"})
    pairs = set()
    for kind, count in (("influences", int(people * 1.5)), ("ally", people // 5), ("conflict", people // 20)):
        while count:
            a, b = rng.sample(range(people), 2)
            if (a, b) in pairs or (b, a) in pairs:
                continue
            pairs.add((a, b))
            relationships.append({"source": f"p{a}", "target": f"p{b}", "type": kind, "strength": rng.randint(1, 3)})
            count -= 1
    for i in rng.sample(range(people), people * 8 // 100):
        coverage.append({"owner": f"rep {i % 9}", "stakeholder": f"p{i}", "channel": "visit",
                         "strength": rng.randint(1, 3), "last_contact": "2026-11-01"})
    return pk.load_map({"format": "powermap/1",
                        "opportunity": {"stage": "evaluating", "decision_mode": "recommend_then_approve",
                                        "competitors": ["Vendor X", "Vendor Y"]},
                        "stakeholders": stakeholders, "relationships": relationships, "coverage": coverage})


def _time(fn, repeat: int) -> tuple[float, float]:
    fn()  # warm up (imports, caches)
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs), min(runs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--repeat-cli", type=int, default=3, help="runs of each whole-process HTML report")
    parser.add_argument("--no-cli", action="store_true", help="skip the whole-process HTML report figures")
    args = parser.parse_args(argv)

    pm = synthetic_map(args.people)
    graph = nx.DiGraph()
    graph.add_nodes_from(pm.ids)
    for (a, b), weight in influence_edges(pm).items():
        graph.add_edge(a, b, weight=weight)
    try:
        import scipy  # noqa: F401

        baseline_name, baseline = "networkx.pagerank (SciPy)", lambda: nx.pagerank(graph)
    except ImportError:
        from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python

        baseline_name, baseline = "networkx _pagerank_python (SciPy not installed)", lambda: _pagerank_python(graph)

    result = analyse(pm, today="2026-11-20")
    med_a, min_a = _time(lambda: analyse(pm, today="2026-11-20"), args.repeat)
    med_b, min_b = _time(baseline, args.repeat)
    med_j, _ = _time(lambda: result.to_dict("en"), max(3, args.repeat // 2))
    print(f"map: {len(pm)} people, {len(pm.relationships)} relationships, {len(pm.coverage)} coverage lines; "
          f"influence graph {graph.number_of_nodes()} nodes / {graph.number_of_edges()} edges")
    print(f"found: {len(result.risks)} risks, {len(result.paths)} routes, {len(result.conflicts)} conflicts, "
          f"{len(result.hidden_power)} hidden-power flags, support index {result.support_index}, status {result.status}")
    print(f"baseline: {baseline_name}")
    print(f"analyse(map)         median {med_a * 1000:8.1f} ms   best {min_a * 1000:8.1f} ms")
    print(f"baseline PageRank    median {med_b * 1000:8.1f} ms   best {min_b * 1000:8.1f} ms")
    print(f"Analysis.to_dict()   median {med_j * 1000:8.1f} ms   (renders every message; not part of the goal)")
    for what, ratio in (("median", med_a / med_b), ("best", min_a / min_b)):
        print(f"ratio analyse / PageRank ({what}): {ratio:.2f}x  (goal <= 3x: {'met' if ratio <= 3 else 'NOT met'})")
    if not args.no_cli:
        html_report_process(args.repeat_cli)
    return 0


def html_report_process(repeat: int) -> None:
    """``powermap analyse MAP --format html --out F`` for 2,000 and 30 people, whole process."""
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"\npowermap analyse --format html, whole process (median of {repeat}; cores: {os.cpu_count()}, "
          f"load average {load:.2f}: wall times suffer when other work shares the cores, CPU times do not)")
    with tempfile.TemporaryDirectory() as tmp:
        for people, goal in ((2000, 3.0), (30, 0.5)):
            path = Path(tmp) / f"map{people}.json"
            path.write_text(json.dumps(_synthetic.synthetic_map(people), ensure_ascii=False), "utf-8")
            bare, bare_cpu = _synthetic.timed_process(
                [sys.executable, "-c", "import json,sys; json.load(open(sys.argv[1], encoding='utf-8'))", str(path)],
                repeat)
            cmd = [sys.executable, "-m", "powermap_kit", "analyse", str(path), "--format", "html",
                   "--out", str(Path(tmp) / "report.html"), "--today", "2026-11-20"]
            wall, cpu = _synthetic.timed_process(cmd, repeat)
            size = (Path(tmp) / "report.html").stat().st_size / 1024
            print(f"  {people:5d} people: {wall:6.2f} s wall, {cpu:6.2f} s CPU ({size:,.0f} KiB); baseline python + "
                  f"json.load {bare:5.2f} s wall, {bare_cpu:5.2f} s CPU; goal <= {goal} s wall: "
                  f"{'met' if wall <= goal else 'NOT met'} (CPU {'within' if cpu <= goal else 'over'} it)")


if __name__ == "__main__":
    sys.exit(main())
