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
