"""Batch grading in forked processes, this one among them (where ``fork`` exists).

A worker pool sends every submission out and every result back one by one, and this
process does nothing but shuttle them: for a cohort of small maps that costs as much as
a fifth of the grading. Here the submissions are cut into ``jobs`` runs of neighbours;
``jobs - 1`` forked children grade one run each while this process grades the first,
then each child hands back all its results at once (one pickle through a pipe). A child
reports progress through a second pipe, a byte per few submissions, so the one progress
bar counts every submission as it is graded. A child that fails (killed, out of memory)
loses nothing: its run is graded here.
"""

from __future__ import annotations

import gc
import os
import pickle
import signal
from collections.abc import Callable
from typing import Any

__all__ = ["grade_forked"]

#: A child reports progress after this many submissions (a byte each time).
TICK = 8
#: Submissions graded here before the children start.
WARM = 4


def grade_forked(jobs: list[tuple[int, Any]], grade: Callable[[int, Any], Any], processes: int, bar: Any) -> list[Any]:
    """``[grade(n, item) for n, item in jobs]`` over ``processes`` processes (this one included)."""
    size = -(-len(jobs) // processes)
    runs = [jobs[i:i + size] for i in range(0, len(jobs), size)]
    out: list[Any] = []
    # A few submissions first, here: what every process would otherwise work out again on
    # its own (the vocabulary, the decoder, the key's plan and names, the commonest
    # sentences) is then made once and shared with the children.
    for n, item in runs[0][:WARM]:
        out.append(grade(n, item))
        bar.update()
    # The objects made so far stay shared with the children: frozen, the collector's visits
    # (in any of the processes) do not write to them, which would make each a private copy.
    gc.freeze()
    children: list[dict[str, Any]] = []
    try:
        for run in runs[1:]:
            pid, ticks, results = _start(run, grade)
            children.append({"run": run, "pid": pid, "ticks": ticks, "results": results, "told": 0})
        shown = not getattr(bar, "silent", False)  # a bar that draws nothing needs no reports
        for n, item in runs[0][WARM:]:
            out.append(grade(n, item))
            bar.update()
            if shown:
                for child in children:
                    _progress(child, bar, block=False)
        for child in children:
            out += _collect(child, grade, bar)
            child["pid"] = None
        return out
    finally:  # interrupted (or failed): no child outlives the call
        gc.unfreeze()
        for child in children:
            if child["pid"] is not None:
                _stop(child)


def _progress(child: dict[str, Any], bar: Any, block: bool) -> None:
    """Count what a child has graded since last asked (with ``block``, until it is done)."""
    fd = child["ticks"]
    if block:
        os.set_blocking(fd, True)
    while True:
        try:
            data = os.read(fd, 65536)
        except BlockingIOError:
            return
        if not data:
            return
        child["told"] += len(data) * TICK
        bar.update(len(data) * TICK)
        if not block:
            return


def _collect(child: dict[str, Any], grade: Callable[[int, Any], Any], bar: Any) -> list[Any]:
    run = child["run"]
    _progress(child, bar, block=True)
    os.close(child["ticks"])
    with os.fdopen(child["results"], "rb") as pipe:
        data = pipe.read()
    _, status = os.waitpid(child["pid"], 0)
    out = None
    try:
        if os.waitstatus_to_exitcode(status) == 0:
            out = pickle.loads(data)
    except Exception:  # noqa: BLE001 - a broken hand-back: the run is graded here instead
        out = None
    if not isinstance(out, list) or len(out) != len(run):
        out = [grade(n, item) for n, item in run]
    bar.update(len(run) - child["told"])
    return out


def _stop(child: dict[str, Any]) -> None:
    for fd in (child["ticks"], child["results"]):
        try:
            os.close(fd)
        except OSError:
            pass
    try:
        os.kill(child["pid"], signal.SIGTERM)
        os.waitpid(child["pid"], 0)
    except OSError:
        pass


def _start(run: list[tuple[int, Any]], grade: Callable[[int, Any], Any]) -> tuple[int, int, int]:
    ticks_r, ticks_w = os.pipe()
    results_r, results_w = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: grade the run, report, hand back, leave without cleaning up the parent's state
        code = 1
        try:
            os.close(ticks_r)
            os.close(results_r)
            out = []
            for i, (n, item) in enumerate(run, 1):
                out.append(grade(n, item))
                if i % TICK == 0:
                    os.write(ticks_w, b".")
            os.close(ticks_w)
            with os.fdopen(results_w, "wb") as pipe:
                pipe.write(pickle.dumps(out, protocol=pickle.HIGHEST_PROTOCOL))
            code = 0
        finally:
            os._exit(code)
    os.close(ticks_w)
    os.close(results_w)
    os.set_blocking(ticks_r, False)
    return pid, ticks_r, results_r
