"""Append-only JSON-lines logs: one complete line per record, safe with concurrent writers.

Answer logs (``{learner}_answers.jsonl``) and the intelligence log are written only by
:func:`append_record`: the line is encoded first and written with one ``write`` on a file
opened with ``O_APPEND``, so the kernel places it at the end as a whole even when two
quizzes in one kernel, two kernels or two processes write at once; nothing already in the
file is ever rewritten. Where the system has ``flock`` (Linux, macOS) writers also take turns
on the file, so the look at its last byte (has a killed writer left a torn line?) never
sees another writer's line half written. :func:`read_records` skips a line it cannot read (a writer killed
part way leaves at most a torn last line) and keeps going.

>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "log.jsonl"
>>> append_record(path, {"answer": "是"}); append_record(path, {"answer": 2})
>>> _ = path.open("a", encoding="utf-8").write('{"torn": ')
>>> read_records(path)
[{'answer': '是'}, {'answer': 2}]
"""

from __future__ import annotations

import json
import os

try:
    from fcntl import LOCK_EX, flock
except ImportError:  # Windows: O_APPEND alone
    flock = None  # type: ignore[assignment]
from collections.abc import Mapping
from pathlib import Path
from typing import Any

__all__ = ["append_record", "read_records"]


def append_record(path: str | os.PathLike, record: Mapping[str, Any]) -> None:
    """Append ``record`` as one JSON line to ``path`` (created with its folder when missing).

    Raises ``OSError`` when the file cannot be written; the file is then unchanged, or
    ends in a torn line that readers skip.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = (json.dumps(dict(record), ensure_ascii=False) + "\n").encode("utf-8")
    fd = os.open(path, os.O_RDWR | os.O_APPEND | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o644)
    try:
        if flock is not None:
            flock(fd, LOCK_EX)  # released when the file is closed
        if _ends_torn(fd):
            data = b"\n" + data  # a writer killed mid-line: start ours on a line of its own
        written = os.write(fd, data)
        while written < len(data):  # only on a full disk or a signal; the rest follows at once
            written += os.write(fd, data[written:])
    finally:
        os.close(fd)


def _ends_torn(fd: int) -> bool:
    if os.fstat(fd).st_size == 0:
        return False
    os.lseek(fd, -1, os.SEEK_END)  # only for reading: O_APPEND writes go to the end regardless
    return os.read(fd, 1) != b"\n"


def read_records(path: str | os.PathLike) -> list[dict[str, Any]]:
    """Every record in the file, oldest first; unreadable lines (a torn last line) are skipped."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return []
    out = []
    for line in raw.split(b"\n"):
        if not line.strip():
            continue
        try:
            item = json.loads(line.decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            continue
        if isinstance(item, dict):
            out.append(item)
    return out
