"""Benchmark: ``powermap score`` on 1,000 submissions of a 30-person key, as a whole CLI
process, against a process that only ``json.load``s the same files (measured in the same run).

Goal (issue 11): at most 4x the bare load in wall time and 6x in CPU time (user + system of
every process, workers included), both for the command as users run it (default ``--jobs``:
this process and a forked child on two cores); ``--jobs 1`` is shown beside it. Each figure is the best of ``--repeat`` runs, the commands
taking turns, since other work on a shared machine only ever adds time; the load average is
printed beside them. Start-up is the whole cost of scoring one file. A breakdown of one
process's CPU time by phase follows (the phases of ``powermap score``: read the files, decode and
check them (typed; a file that is not plain is read the checked way, whose phases are then
shown too), grade, feedback text, ``to_dict``, encode).
Prints figures; not a timed test.
Run: ``.venv/bin/python benchmarks/bench_score.py [--count N] [--repeat N]``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROLES = ["approver", "decision_maker", "evaluator", "influencer", "purchaser", "user", "gatekeeper", "observer"]
STANCES = ["oppose", "neutral", "support", "champion"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾"
LATIN = ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma", "Zhu", "Hu",
         "Guo", "He", "Gao", "Lin", "Luo", "Zheng", "Liang", "Xie", "Song", "Tang", "Hsu", "Han", "Feng", "Deng", "Cao"]
GIVEN = ["Wei", "Min", "Jing", "Lei", "Hao", "Na", "Jun", "Yan", "Tao", "Fang"]
GIVEN_ZH = "伟敏静磊浩娜军燕涛芳"


def make_key(rng: random.Random, size: int = 30) -> dict:
    people = []
    aliases = {}
    for i in range(size):
        g = i % len(GIVEN)
        pid = f"p{i:02d}"
        people.append({
            "id": pid, "name": SURNAMES[i] + GIVEN_ZH[g], "title": f"Director {i} 主任{i}",
            "roles": rng.sample(ROLES, rng.choice([1, 1, 2])), "power": rng.randint(1, 5),
            "stance": rng.choice(STANCES), "coach": i == 7,
            "evidence": {"roles": f"doc {i % 9 + 1:02d}: a sentence that explains the rating"},
        })
        aliases[pid] = [f"{LATIN[i]} {GIVEN[g]}", f"Director {LATIN[i]}", SURNAMES[i] + "主任"]
    rels = []
    for i in range(1, size):
        rels.append({"source": f"p{i:02d}", "target": f"p{(i - 1) // 3:02d}", "type": "reports_to"})
    for _ in range(15):
        a, b = rng.sample(range(size), 2)
        rels.append({"source": f"p{a:02d}", "target": f"p{b:02d}", "type": rng.choice(["influences", "ally", "conflict"])})
    insights = [
        {"id": "dm", "points": 10, "expect": {"stakeholder": "p00", "roles_include": people[0]["roles"][0]},
         "feedback": {"en": "The decider.", "zh": "决策者。"}},
        {"id": "coach", "points": 5, "expect": {"stakeholder": "p07", "coach": True},
         "feedback": {"en": "The coach.", "zh": "教练。"}},
        {"id": "line", "points": 5, "expect": {"relationship": rels[-1]}, "feedback": {"en": "A line.", "zh": "关系。"}},
        {"id": "mode", "points": 5, "expect": {"decision_mode": "committee_scoring"},
         "feedback": {"en": "Mode.", "zh": "方式。"}},
    ]
    return {"format": "powermap/1", "opportunity": {"stage": "evaluating", "decision_mode": "committee_scoring"},
            "stakeholders": people, "relationships": rels,
            "grading": {"aliases": aliases, "tolerance": {"power": 1}, "insights": insights}}


def make_submission(rng: random.Random, key: dict, n: int) -> dict:
    keep = [p for p in key["stakeholders"] if rng.random() < 0.85]
    people = []
    new_ids = {}
    for j, p in enumerate(keep):
        q = dict(p)
        q.pop("evidence", None)
        new_ids[p["id"]] = q["id"] = f"s{j}"
        if rng.random() < 0.4:
            q["name"] = rng.choice(key["grading"]["aliases"][p["id"]])
        if rng.random() < 0.3:
            q["roles"] = rng.sample(ROLES, 1)
        if rng.random() < 0.3:
            q["power"] = rng.randint(1, 5)
        if rng.random() < 0.3:
            q["stance"] = rng.choice(STANCES)
        q["coach"] = rng.random() < 0.05 or (p["coach"] and rng.random() < 0.6)
        people.append(q)
    rels = [{**r, "source": new_ids[r["source"]], "target": new_ids[r["target"]]}
            for r in key["relationships"] if r["source"] in new_ids and r["target"] in new_ids and rng.random() < 0.7]
    return {"format": "powermap/1", "opportunity": {"stage": rng.choice(["evaluating", "decision"]),
                                                    "decision_mode": rng.choice(["committee_scoring", "top_down"])},
            "stakeholders": people, "relationships": rels, "meta": {"author": f"trainee-{n:04d}"}}


def timed(cmds: list[list[str]], repeat: int) -> list[tuple[float, float]]:
    """Best wall time and best CPU time (user + system, all processes) of each command.

    The commands take turns (one run of each per round), so a burst of other work on a
    shared machine falls on all of them alike rather than on one.
    """
    walls = [[] for _ in cmds]
    cpus = [[] for _ in cmds]
    for _ in range(repeat):
        for n, cmd in enumerate(cmds):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL)
            walls[n].append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus[n].append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return [(min(w), min(c)) for w, c in zip(walls, cpus)]


def phases(key_file: Path, folder: Path) -> dict[str, float]:
    """CPU seconds per phase of grading every file in this process (best of three)."""
    from powermap_kit.fastjson import dumps_bytes
    from powermap_kit.grading.grade import _grade_map
    from powermap_kit.grading.key import load_key
    from powermap_kit.grading.view import MapView
    from powermap_kit.grading.typed import read_view
    from powermap_kit.io import read_bytes, read_json_clean
    from powermap_kit.validation import validate_data

    key = load_key(key_file)
    files = sorted(folder.glob("*.json"))
    out: dict[str, float] = {}

    def phase(name: str, fn, items: list) -> list:
        best, result = float("inf"), []
        for _ in range(3):
            start = time.process_time()
            result = [fn(x) for x in items]
            best = min(best, time.process_time() - start)
        out[name] = best
        return result

    raws = phase("read files", lambda f: read_bytes(f)[0], files)
    maps = phase("decode and check (typed)", read_view, raws)
    if any(m is None for m in maps):  # some file is not plain: the checked way, as score does
        read = phase("  checked: parse JSON", read_json_clean, files)
        phase("  checked: validate", lambda r: validate_data(r[0], None, r[2]), read)
        maps = phase("  checked: build maps", MapView, [r[0] for r in read])
    results = phase("grade", lambda m: _grade_map(m, key, None, "en"), maps)
    phase("feedback text", lambda r: [item.text("en") for item in r.items], results)
    dicts = phase("to_dict", lambda r: r.to_dict(), results)
    phase("encode JSON", dumps_bytes, dicts)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    # Byte-compile the package first, as installing it does: a process that compiles every
    # module each time it starts (PYTHONDONTWRITEBYTECODE, a read-only checkout) measures that.
    import powermap_kit

    subprocess.run([sys.executable, "-m", "compileall", "-q", str(Path(powermap_kit.__file__).parent)],
                   check=False, stdout=subprocess.DEVNULL)
    rng = random.Random(4)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "subs"
        folder.mkdir()
        key = make_key(rng)
        key_file = Path(tmp) / "key.json"
        key_file.write_text(json.dumps(key, ensure_ascii=False), "utf-8")
        for n in range(args.count):
            sub = make_submission(rng, key, n)
            (folder / f"sub{n:04d}.json").write_text(json.dumps(sub, ensure_ascii=False, indent=2), "utf-8")
        load = ("import json,pathlib,sys\n"
                "for f in sorted(pathlib.Path(sys.argv[1]).glob('*.json')):\n"
                "    json.loads(f.read_bytes())\n")
        score = [sys.executable, "-m", "powermap_kit", "score", "--key", str(key_file), str(folder), "--format", "json"]
        check = subprocess.run(score, capture_output=True, text=True)
        if not check.stdout.strip():
            sys.exit(f"powermap score failed:\n{check.stderr}")
        rows = json.loads(check.stdout)
        totals = [r["total"] for r in rows if "total" in r]
        start_cmd = score[:-3] + [str(next(folder.iterdir())), "--format", "json"]  # one submission
        (bare, bare_cpu), (imports, imports_cpu), (full, full_cpu), (single, single_cpu) = timed(
            [[sys.executable, "-c", load, str(folder)], start_cmd, score, score + ["--jobs", "1"]], args.repeat)
        size = sum(f.stat().st_size for f in folder.iterdir()) / args.count / 1024
        breakdown = phases(key_file, folder)
    print(f"submissions: {args.count} (30-person key, {size:.1f} KiB each), cores: {os.cpu_count()}, "
          f"best of {args.repeat} runs")
    load_avg = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"load average (1 min): {load_avg:.2f} (other work on the cores inflates wall times, and CPU times a little)")
    print(f"bare json.load process:        {bare:6.3f} s wall, {bare_cpu:6.3f} s CPU")
    print(f"start-up (score of 1 file):    {imports:6.3f} s wall, {imports_cpu:6.3f} s CPU")
    print(f"powermap score --format json:  {full:6.3f} s wall ({full / bare:.2f}x), {full_cpu:6.3f} s CPU "
          f"({full_cpu / bare_cpu:.2f}x), {args.count / full:,.0f} maps/s")
    print(f"  with --jobs 1:               {single:6.3f} s wall ({single / bare:.2f}x), {single_cpu:6.3f} s CPU "
          f"({single_cpu / bare_cpu:.2f}x)")
    print("CPU by phase, in one process: " + ", ".join(f"{k} {v:.3f} s" for k, v in breakdown.items()))
    print(f"scores: mean {statistics.mean(totals):.1f}, min {min(totals):.1f}, max {max(totals):.1f}, "
          f"errors {len(rows) - len(totals)}")
    # The goal is for the command as users run it (default --jobs): wall and CPU both.
    wall_ok, cpu_ok = full / bare <= 4, full_cpu / bare_cpu <= 6
    print(f"goal: wall <= 4x -> {'met' if wall_ok else 'NOT met'}; CPU <= 6x -> {'met' if cpu_ok else 'NOT met'}")


if __name__ == "__main__":
    main()
