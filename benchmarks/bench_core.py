"""Core benchmarks (prints figures; not a timed test).

1. Import time of ``powermap_kit`` against ``import pandas`` alone (fresh interpreters, best of 5).
2. Loading + validating 1,000 maps of 30 stakeholders against bare ``json.load`` of the same
   files (goal: at most 4x).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _synthetic import write_maps  # noqa: E402

import powermap_kit as pk  # noqa: E402


def import_time(module: str, runs: int = 5) -> float:
    best = float("inf")
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", f"import time; t=time.perf_counter(); import {module}; "
                              "print(time.perf_counter()-t)"], capture_output=True, text=True, check=True)
        best = min(best, float(out.stdout))
    return best


def best_of(fn, runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    core, pandas = import_time("powermap_kit"), import_time("pandas")
    print(f"import powermap_kit: {core * 1000:7.1f} ms")
    print(f"import pandas:       {pandas * 1000:7.1f} ms   (core / pandas = {core / pandas:.2f})")
    with tempfile.TemporaryDirectory() as tmp:
        paths = write_maps(Path(tmp), 1000, 30)
        raw = best_of(lambda: [json.load(open(p, encoding="utf-8")) for p in paths])
        loaded = best_of(lambda: [pk.load_map(p) for p in paths])
    print(f"json.load x1000 (30 people):      {raw:6.3f} s")
    print(f"load_map + validate x1000:        {loaded:6.3f} s   ratio {loaded / raw:.2f}x (goal <= 4x)")


if __name__ == "__main__":
    main()
