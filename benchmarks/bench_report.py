"""Benchmark: one HTML report per submission for 1,000 submissions of a 30-person key
(``powermap score --format html --out DIR/``), as a whole process, against a process that
only ``json.load``s the same files, measured in the same run.

Goal (issue 11): ≤ 30 s on 2 cores, with a progress bar. Also prints the render layer
alone (graded results in memory → pages on disk), so the rendering cost is visible apart
from grading. Prints figures; it is not a timed test.

    .venv/bin/python benchmarks/bench_report.py [--count 1000] [--repeat 1]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import _synthetic  # noqa: E402

from powermap_kit.grading import grade_cohort  # noqa: E402
from powermap_kit.render import write_reports  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        key_file, folder = _synthetic.write_cohort(Path(tmp), args.count)
        bare, bare_cpu = _synthetic.timed_process([sys.executable, "-c", _synthetic.BARE_LOAD, str(folder)],
                                                  args.repeat)
        out = Path(tmp) / "reports"
        cmd = [sys.executable, "-m", "powermap_kit", "score", "--key", str(key_file), str(folder),
               "--format", "html", "--out", f"{out}{os.sep}"]
        try:
            wall, cpu = _synthetic.timed_process(cmd, args.repeat)
        except Exception as exc:  # a failing CLI still lets the render-only figure print
            wall = cpu = float("nan")
            print(f"powermap score failed: {exc}")
        pages = len(list(out.glob("*.html"))) if out.is_dir() else 0
        frame = grade_cohort(sorted(folder.glob("*.json")), key_file)
        start, start_cpu = time.perf_counter(), time.process_time()
        written = write_reports(Path(tmp) / "render-only", frame, key=key_file)
        render_only, render_cpu = time.perf_counter() - start, time.process_time() - start_cpu
    load_avg = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"submissions: {args.count} (30-person key), cores: {os.cpu_count()}, load average (1 min): {load_avg:.2f} "
          "(wall times suffer when other work shares the cores; CPU times do not)")
    print(f"bare json.load process:              {bare:7.2f} s wall, {bare_cpu:7.2f} s CPU")
    print(f"powermap score --format html --out:  {wall:7.2f} s wall ({wall / bare:.0f}x), {cpu:7.2f} s CPU, "
          f"{pages} pages")
    print(f"render only (write_reports, 1 core): {render_only:7.2f} s wall, {render_cpu:7.2f} s CPU for "
          f"{len(written)} pages ({1000 * render_cpu / max(1, len(written)):.1f} ms CPU a page)")
    print(f"goal: <= 30 s wall -> {'met' if wall <= 30 else 'NOT met'}")


if __name__ == "__main__":
    main()
