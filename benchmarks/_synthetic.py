"""Synthetic maps for benchmarks: deterministic, valid, realistic field mix."""

from __future__ import annotations

import json
import random
from pathlib import Path

from powermap_kit import vocab


def synthetic_map(n: int, seed: int = 0) -> dict:
    rng = random.Random(seed)
    people = []
    for i in range(n):
        person = {
            "id": f"p{i}", "name": f"Person {i} 人员{i}", "title": rng.choice(["CIO", "采购经理", "Engineer", "财务总监"]),
            "department": rng.choice(["IT", "Finance", "生产部", "Procurement"]),
            "roles": rng.sample(vocab.ROLES, rng.randint(0, 2)), "power": rng.randint(1, 5),
            "stance": rng.choice(vocab.STANCES), "coach": rng.random() < 0.05,
            "support": {d: rng.randint(1, 5) for d in vocab.SUPPORT_DIMENSIONS if rng.random() < 0.7},
            "needs": ["stable delivery"], "motives": [rng.choice(vocab.MOTIVES)],
            "relationship_step": rng.choice(vocab.RELATIONSHIP_STEPS), "last_verified": "2026-10-01",
            "evidence": {"stance": "meeting notes"},
        }
        people.append(person)
    rels = []
    for i in range(1, n):
        rels.append({"source": f"p{i}", "target": f"p{rng.randrange(i)}", "type": "reports_to"})
        for _ in range(2):
            j = rng.randrange(n)
            if j != i:
                rels.append({"source": f"p{i}", "target": f"p{j}", "type": rng.choice(["influences", "ally", "conflict"]),
                             "strength": rng.randint(1, 3)})
    coverage = [{"owner": "AM", "stakeholder": f"p{i}", "channel": rng.choice(vocab.CHANNELS), "strength": 2,
                 "last_contact": "2026-10-20"} for i in range(0, n, 3)]
    return {"format": "powermap/1", "account": {"name": "Synthetic Group"},
            "opportunity": {"name": "Deal", "value": 5_000_000, "currency": "CNY", "stage": "evaluating",
                            "decision_mode": "recommend_then_approve", "competitors": ["Vendor X"]},
            "stakeholders": people, "relationships": rels, "coverage": coverage, "meta": {"author": "bench"}}


def write_maps(folder: Path, count: int, people: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for k in range(count):
        path = folder / f"map{k:04d}.json"
        path.write_text(json.dumps(synthetic_map(people, seed=k), ensure_ascii=False), "utf-8")
        paths.append(path)
    return paths


def timed_process(cmd: list[str], repeat: int) -> tuple[float, float]:
    """Median wall time and median CPU time (user + system, all child processes) of a command."""
    import resource
    import statistics
    import subprocess
    import time

    walls, cpus = [], []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


BARE_LOAD = ("import json,pathlib,sys\n"
             "for f in sorted(pathlib.Path(sys.argv[1]).glob('*.json')):\n"
             "    json.loads(f.read_bytes())\n")
"""A process that only ``json.load``s every file of a folder: the baseline of the cohort benchmarks."""


def write_cohort(root: Path, count: int, seed: int = 4) -> tuple[Path, Path]:
    """A 30-person answer key and ``count`` trainee submissions of it under ``root``
    (as ``bench_score`` makes them); returns ``(key_file, submissions_folder)``."""
    from bench_score import make_key, make_submission

    rng = random.Random(seed)
    folder = root / "subs"
    folder.mkdir(parents=True, exist_ok=True)
    key = make_key(rng)
    key_file = root / "key.json"
    key_file.write_text(json.dumps(key, ensure_ascii=False), "utf-8")
    for n in range(count):
        sub = make_submission(rng, key, n)
        (folder / f"sub{n:04d}.json").write_text(json.dumps(sub, ensure_ascii=False, indent=2), "utf-8")
    return key_file, folder
