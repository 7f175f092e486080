"""Benchmark: drawing a 100-person map with ``MapView`` vs raw ipycytoscape, and one stance change.

Goal (issue 5): ``MapView`` within 1.3× of raw ipycytoscape drawing the same graph, in
kernel-side time and in messages; and one stance change costs a few small messages.
Messages are counted with a recording comm standing in for the kernel's (nothing is
displayed). Two raw baselines are measured on the very elements ``to_cytoscape`` gives:

* raw, widgets built with their state: ``Node(data=..., classes=..., position=...)`` then
  ``graph.add_nodes`` / ``graph.add_edges`` (the cheapest way to use the library);
* raw, the library's JSON loader: ``CytoscapeWidget(); graph.add_graph_from_json(...)``.

    .venv/bin/python benchmarks/bench_widgets.py [--people 100] [--repeat 5]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import comm  # noqa: E402
from _synthetic import synthetic_map  # noqa: E402
from ipycytoscape import CytoscapeWidget, Edge, Node  # noqa: E402

import powermap_kit as pk  # noqa: E402
from powermap_kit.widgets import cyto  # noqa: E402
from powermap_kit.widgets.builder import MapBuilder  # noqa: E402
from powermap_kit.widgets.mapview import MapView  # noqa: E402

LOG: list[tuple[str, int]] = []


class RecordingComm:
    kernel = "Truthy"

    def __init__(self, data: dict):
        self.comm_id = uuid.uuid4().hex
        LOG.append(("open", len(json.dumps(data, default=str))))

    def open(self, *args, **kwargs):
        pass

    def on_msg(self, *args, **kwargs):
        pass

    def send(self, data=None, buffers=None, **kwargs):
        LOG.append(("send", len(json.dumps(data or {}, default=str))))

    def close(self, *args, **kwargs):
        LOG.append(("close", 0))


comm.create_comm = lambda **kw: RecordingComm(kw.get("data") or {})
comm.get_comm_manager = lambda **kw: {}


def run_once(make, arg) -> tuple[float, int, int]:
    """(seconds, messages, bytes) of one ``make(arg)``; the result is closed afterwards, untimed."""
    LOG.clear()
    start = time.perf_counter()
    made = make(arg)
    seconds = time.perf_counter() - start
    sent = list(LOG)
    made.close()
    return seconds, len(sent), sum(n for _, n in sent)


def measure(contestants: dict, repeat: int) -> dict[str, tuple[float, float, int, int]]:
    """Interleaved runs (so machine noise hits all alike): name → (min s, median s, messages, bytes)."""
    runs: dict[str, list[tuple[float, int, int]]] = {name: [] for name in contestants}
    for _ in range(repeat):
        for name, (make, setup) in contestants.items():
            runs[name].append(run_once(make, setup()))
    return {name: (min(r[0] for r in rs), statistics.median(r[0] for r in rs), rs[-1][1], rs[-1][2])
            for name, rs in runs.items()}


class _Raw:
    """Close a raw widget with its element widgets (ipycytoscape's close leaves them open)."""

    def __init__(self, w: CytoscapeWidget):
        self.w = w

    def close(self) -> None:
        for element in [*self.w.graph.nodes, *self.w.graph.edges]:
            element.close()
        self.w.graph.close()
        self.w.close()


def raw_built(elements: dict, style: list) -> _Raw:
    w = CytoscapeWidget()
    w.cytoscape_style = style
    w.cytoscape_layout = {"name": "preset", "fit": True, "padding": 30}
    w.graph.add_nodes([Node(data=n["data"], classes=n["classes"], position=n["position"]) for n in elements["nodes"]])
    w.graph.add_edges([Edge(data=e["data"], classes=e["classes"]) for e in elements["edges"]], directed=True,
                      multiple_edges=True)
    return _Raw(w)


def raw_json(elements: dict, style: list) -> _Raw:
    w = CytoscapeWidget()
    w.cytoscape_style = style
    w.cytoscape_layout = {"name": "preset", "fit": True, "padding": 30}
    w.graph.add_graph_from_json(elements, directed=True, multiple_edges=True)
    return _Raw(w)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args()
    pm = pk.load_map(synthetic_map(args.people))
    elements = cyto.to_cytoscape(pm)  # the same graph for every contestant
    style = cyto.cytoscape_style()
    print(f"map: {len(pm)} people, {len(elements['edges'])} lines (synthetic, seed 0)")

    # A fresh copy of the loaded map each run (MapView stores positions into the map), made untimed.
    results = measure({
        "MapView (layout, legend, toolbar)": (MapView, pm.copy),
        "raw ipycytoscape, built widgets": (lambda _: raw_built(elements, style), lambda: None),
        "raw ipycytoscape, add_graph_from_json": (lambda _: raw_json(elements, style), lambda: None),
    }, args.repeat)
    print(f"{'drawing':38} {'min ms':>7} {'median ms':>10} {'messages':>9} {'kB sent':>8}")
    for name, (best, median, msgs, size) in results.items():
        print(f"{name:38} {best * 1000:7.1f} {median * 1000:10.1f} {msgs:9d} {size / 1024:8.1f}")
    ours, built, loaded = results.values()
    print(f"MapView / raw built widgets: time {ours[0] / built[0]:.2f}x (min), {ours[1] / built[1]:.2f}x (median); "
          f"messages {ours[2] / built[2]:.2f}x  (goal <= 1.3x)")
    print(f"MapView / raw add_graph_from_json: time {ours[0] / loaded[0]:.2f}x (min); "
          f"messages {ours[2] / loaded[2]:.2f}x")

    # One stance change on the drawn map: model edit -> view update.
    view = MapView(pm.copy())
    times, counts, sizes = [], [], []
    stances = ["support", "oppose"]
    for k in range(max(args.repeat, 5)):
        LOG.clear()
        start = time.perf_counter()
        view.map.update_stakeholder("p50", stance=stances[k % 2])
        times.append(time.perf_counter() - start)
        counts.append(len(LOG))
        sizes.append(sum(n for _, n in LOG))
    print(f"one stance change, MapView: {statistics.median(times) * 1000:.2f} ms kernel-side, "
          f"{max(counts)} messages, {max(sizes)} bytes")
    view.close()

    # The same through the builder's form (adds the live analysis panel and undo snapshot).
    builder = MapBuilder(pm.copy())
    builder.select("p50")
    times, counts, sizes = [], [], []
    for k in range(max(args.repeat, 5)):
        builder.person_form.stance.value = stances[k % 2]
        LOG.clear()
        start = time.perf_counter()
        builder.apply_person()
        times.append(time.perf_counter() - start)
        counts.append(len(LOG))
        sizes.append(sum(n for _, n in LOG))
    print(f"one stance change, MapBuilder form: {statistics.median(times) * 1000:.1f} ms kernel-side "
          f"(analysis included), {max(counts)} messages, {max(sizes)} bytes")
    builder.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
