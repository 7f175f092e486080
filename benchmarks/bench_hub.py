"""Workshop hub figures: memory per learner, collection time, learners per machine.

Starts the workshop hub (deploy/jupyterhub/) on 127.0.0.1 with 10 learners, starts all 10
servers, opens the course in 3 of them (every code cell of notebook 10, the IT-solution case,
run in a kernel through the server's kernel API, as a learner's browser would), then measures:

- memory per learner: the learner's single-user server + its kernel (RSS and PSS, psutil);
- the hub's and the proxy's memory;
- how long ``collect_hub`` takes to collect a map from 10 running servers (median of 5);
- how long 10 servers take to start together;
- how many learners a 2-core, 24 GB machine holds by that memory, and the sizing table
  printed for deploy/jupyterhub/README.md.

Run with ``make bench`` or ``.venv/bin/python benchmarks/bench_hub.py`` (about 2 minutes on
2 cores). Needs the proxy (``make deploy/jupyterhub/node_modules/.bin/configurable-http-proxy``).
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

import psutil
import websocket

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "hub"))
from hubtools import call, start_hub  # noqa: E402

import powermap_kit as pk  # noqa: E402
from powermap_kit.collect import collect_hub  # noqa: E402
from powermap_kit.submit import submit_map  # noqa: E402

LEARNERS = [f"learner{i:02d}" for i in range(1, 11)]
OPEN_COURSE = 3
COURSE = REPO / "notebooks" / "en" / "10_case_it_solution.ipynb"
MiB = 1024 * 1024
HEADROOM = 1.5           # a learner's kernel grows as they work: plan 1.5 × the measured figure
RESERVE_GB = 2.0         # the operating system, the hub, the proxy, the trainer's own server


def run_course(hub, user: str) -> float:
    """Start a kernel on ``user``'s server and run every code cell of the course notebook in it."""
    token = hub.token(user)
    base = f"{hub.url}/user/{user}"
    status, body = call(f"{base}/api/kernels", token, method="POST", body={"name": "python3"})
    assert status == 201, (status, body[:200])
    kernel = json.loads(body)["id"]
    ws = websocket.create_connection(f"{base.replace('http', 'ws', 1)}/api/kernels/{kernel}/channels",
                                     header=[f"Authorization: token {token}"], timeout=120)
    cells = ["".join(c["source"]) for c in json.loads(COURSE.read_text("utf-8"))["cells"] if c["cell_type"] == "code"]
    start = time.perf_counter()
    try:
        for code in cells:
            msg_id = uuid.uuid4().hex
            ws.send(json.dumps({"header": {"msg_id": msg_id, "msg_type": "execute_request", "session": "bench",
                                           "username": user, "version": "5.3", "date": ""},
                                "parent_header": {}, "metadata": {}, "channel": "shell",
                                "content": {"code": code, "silent": False, "store_history": True,
                                            "user_expressions": {}, "allow_stdin": False, "stop_on_error": True}}))
            while True:
                reply = json.loads(ws.recv())
                if reply.get("parent_header", {}).get("msg_id") != msg_id:
                    continue
                if reply["msg_type"] == "error":
                    raise RuntimeError(f"{user}: course cell failed: {reply['content'].get('evalue')}")
                if reply["msg_type"] == "execute_reply":
                    break
    finally:
        ws.close()
    return time.perf_counter() - start


def usage_by_user() -> dict[str, tuple[float, float, float]]:
    """(RSS MiB, PSS MiB, CPU seconds so far) of each learner's single-user server plus its kernels."""
    found: dict[str, tuple[float, float, float]] = {}
    for proc in psutil.process_iter(["cmdline"]):
        if not any("jupyterhub-singleuser" in part for part in proc.info["cmdline"] or ()):
            continue
        try:
            user = proc.environ().get("JUPYTERHUB_USER")
            tree = [proc, *proc.children(recursive=True)]
            rss = sum(p.memory_info().rss for p in tree) / MiB
            pss = sum(p.memory_full_info().pss for p in tree) / MiB
            cpu = sum(sum(p.cpu_times()[:2]) for p in tree)
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
        if user:
            found[user] = (rss, pss, cpu)
    return found


def sizing(per_learner_mib: float, total_gb: float = 24.0) -> int:
    """Learners a machine of ``total_gb`` holds at ``per_learner_mib`` × HEADROOM each."""
    return int((total_gb - RESERVE_GB) * 1024 // (per_learner_mib * HEADROOM))


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="bench-hub-") as tmp:
        state = Path(tmp)
        t0 = time.perf_counter()
        hub = start_hub(state, LEARNERS, ["trainer"])
        try:
            print(f"hub ready in {time.perf_counter() - t0:.1f} s")
            t0 = time.perf_counter()
            for user in LEARNERS:
                hub.start_server(user)
            hub.wait_ready(LEARNERS, timeout=300)
            print(f"10 learner servers started together, all ready in {time.perf_counter() - t0:.1f} s")
            idle = usage_by_user()
            for user in LEARNERS[:OPEN_COURSE]:
                print(f"{user}: course notebook 10 run in its kernel in {run_course(hub, user):.1f} s")
            for user in LEARNERS:   # everyone has built and submitted a case map
                pm = pk.PowerMap()
                pm.add_stakeholder(name="Wang Wei", stance="neutral")
                submit_map(pm, hub.home(user) / "powermap-work" / "it-solution" / f"{user}.json")
            time.sleep(2)
            used = usage_by_user()
            hub_rss = sum(p.memory_info().rss for p in hub.processes()) / MiB - sum(u[0] for u in used.values())
            token = hub.token("trainer")
            times = []
            for run in range(5):
                t0 = time.perf_counter()
                result = collect_hub(hub.url, token, "it-solution", state / f"collected{run}")
                times.append(time.perf_counter() - t0)
                assert len(result.rows) == 10 and not result.not_collected, result.text()
        finally:
            hub.stop()
    report(idle, used, hub_rss, times)


def report(idle: dict, used: dict, hub_rss: float, times: list[float]) -> None:
    opened = [used[u] for u in LEARNERS[:OPEN_COURSE]]
    per_rss = statistics.mean(u[0] for u in opened)
    start_cpu = statistics.mean(idle[u][2] for u in LEARNERS)
    course_cpu = statistics.mean(used[u][2] - idle[u][2] for u in LEARNERS[:OPEN_COURSE])
    print(f"memory per learner, server only (no kernel): RSS {statistics.mean(idle[u][0] for u in LEARNERS):.0f} MiB")
    print(f"memory per learner, server + kernel with the course open: RSS {per_rss:.0f} MiB "
          f"(max {max(u[0] for u in opened):.0f}), PSS {statistics.mean(u[1] for u in opened):.0f} MiB, "
          f"over {OPEN_COURSE} learners")
    print(f"CPU per learner: {start_cpu:.1f} s to start a server, {course_cpu:.1f} s to run notebook 10")
    print(f"hub + proxy + idle culler: RSS {hub_rss:.0f} MiB")
    print(f"collect 10 running learner servers: median {statistics.median(times) * 1000:.0f} ms "
          f"(min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f})")
    guarantee = per_rss * HEADROOM
    print(f"2 cores, 24 GB: {int((24 - RESERVE_GB) * 1024 // per_rss)} learners at exactly the measured memory; "
          f"{sizing(per_rss)} learners by memory with headroom "
          f"({RESERVE_GB:.0f} GB reserved, {guarantee:.0f} MiB each = {HEADROOM} x measured RSS); "
          f"on 2 cores, {int(2 * 300 // (start_cpu + course_cpu))} learners can start and run a case "
          f"within the same 5 minutes")
    print("\nsizing table (Markdown, for deploy/jupyterhub/README.md):")
    print("| learners | memory (GB) | CPU cores (all start within 5 min) | per-learner guarantee / limit |")
    print("|---|---|---|---|")
    for n in (20, 50, 100, 200, 400):
        gb = RESERVE_GB + n * guarantee / 1024
        cores = max(2, -(-int(n * (start_cpu + course_cpu)) // 300))
        print(f"| {n} | {gb:.0f} | {cores} | {guarantee:.0f} MiB / {2 * guarantee:.0f} MiB |")


if __name__ == "__main__":
    main()
