"""Planning a workshop (notebook 14): module times, one- and two-day agendas, and command lines
run from a notebook. The modules' minutes and the agendas are course data (``data/course.json``).
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from ..errors import InvalidValue
from ._base import columns_table, data, lang_of, t

if TYPE_CHECKING:
    from pandas.io.formats.style import Styler

__all__ = ["CommandResult", "agenda", "module_times", "run_command"]


def module_times(lang: str | None = None) -> Styler:
    """Each module's notebook and minutes of teaching and exercises."""
    rows = [{"module": m["number"], "notebook": m["file"], "teach": m["teach"], "exercise": m["exercise"],
             "total": m["teach"] + m["exercise"]} for m in data()["modules"]]
    return columns_table(rows, ["module", "notebook", "teach", "exercise", "total"], lang)


def agenda(track: str = "one_day", case: str = "10", start: str = "09:00", lang: str | None = None) -> Styler:
    """A timetable after seed 003's pacing (1–2 days, about 6 hours of sessions a day).

    The tracks and their measured case times are :mod:`powermap_kit.kit.agendas`'.

    Parameters
    ----------
    track : {"one_day", "two_day"}
        One day: 01–08 (mostly teaching) and one flagship case. Two days: everything, both
        flagship cases and the dynamic-change exercise on day two.
    case : {"10", "11"}
        The flagship case of the one-day track.
    start : "HH:MM"
        When each day starts.

    >>> one = agenda("one_day", lang="en").data
    >>> int(one["Minutes"].sum()) - 60 - 2 * 15  # sessions, without lunch and breaks
    360
    """
    from ..kit.agendas import schedule

    rows = [{"day": s.day, "start": s.start, "end": s.end, "minutes": s.minutes, "session": s.label,
             "notebook": s.notebook} for s in schedule(track, case, start, lang)]
    return columns_table(rows, ["day", "start", "end", "minutes", "session", "notebook"], lang_of(lang))


def _clock(text: str) -> datetime:
    return datetime.strptime(text, "%H:%M")


@dataclass
class CommandResult:
    """A command line as a trainer would type it, and what it printed."""

    command: str
    returncode: int
    stdout: str
    stderr: str
    lang: str = "en"

    def __str__(self) -> str:
        parts = [f"$ {self.command}", self.stdout.rstrip("\n")]
        if self.stderr.strip():
            parts.append(self.stderr.rstrip("\n"))
        if self.returncode:
            parts.append(t("command.exit", self.lang, code=self.returncode))
        return "\n".join(p for p in parts if p)

    __repr__ = __str__


def run_command(command: str, cwd: str | os.PathLike | None = None, timeout: float = 120,
                lang: str | None = None) -> CommandResult:
    """Run a ``powermap ...`` command line and capture its output (for notebooks).

    ``powermap`` runs as ``python -m powermap_kit`` with this Python, so it works in a
    kernel whose ``PATH`` lacks the virtual environment. Never raises for a failing
    command: the exit code and error output are part of the result.

    >>> print(run_command("powermap --help").returncode)
    0
    """
    lang = lang_of(lang)
    argv = shlex.split(command)
    if argv and argv[0] == "powermap":
        argv = [sys.executable, "-m", "powermap_kit", *argv[1:]]
    env = dict(os.environ, PYTHONIOENCODING="utf-8", COLUMNS=os.environ.get("COLUMNS", "120"))
    try:
        done = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, encoding="utf-8", timeout=timeout,
                              env=env, check=False)
    except FileNotFoundError:
        return CommandResult(command, 127, "", t("command.not_found", lang, command=argv[0] if argv else ""), lang)
    except subprocess.TimeoutExpired:
        return CommandResult(command, 124, "", t("command.timeout", lang, command=command, seconds=timeout), lang)
    return CommandResult(command, done.returncode, done.stdout, done.stderr, lang)
