"""Grading many submissions: one loop, one worker pool, one progress bar.

:func:`grade_many` grades a list of submissions against one key, in this process or in
``jobs`` worker processes, showing one tqdm bar on stderr on a terminal. ``convert``
turns each :class:`~powermap_kit.grading.GradeResult` into what the caller keeps (a table
row, an encoded JSON object) where it was graded, so only that travels back from a worker.
``grade_cohort`` (a DataFrame) and ``powermap score`` both call it.

>>> import powermap_kit as pk
>>> key = pk.load_map({"format": "powermap/1", "stakeholders": [{"id": "a", "name": "Li Ming"}]})
>>> grade_many([{"format": "powermap/1", "stakeholders": [{"id": "x", "name": "li ming"}]}], key,
...            convert=result_row)
[{'submission': '1', 'file': None, 'criteria': {'people': 100.0}, 'total': 100.0}]
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from .. import vocab
from ..model import PowerMap
from .grade import GradeResult, _error_result, _grade_map, _label, _read
from .key import AnswerKey, load_key, share_key

__all__ = ["PARALLEL_FROM", "grade_many", "progress_bar", "result_row", "submission_files"]

#: Below this many submissions a worker pool costs more than it saves (``jobs=0`` stays in process).
PARALLEL_FROM = 200
#: While grading, the young objects are swept for reference cycles after this many submissions.
SWEEP = 128


def submission_files(sources: Any, key_file: str | os.PathLike | None = None) -> list[Any]:
    """Expand folders to their ``*.json`` files (sorted by name); keep other items as given.

    The key file itself is skipped when it lies in a folder being expanded, and so are a
    coach's comment files (``*.review.json``, written beside submissions by ReviewView).
    """
    if isinstance(sources, (str, os.PathLike, PowerMap, dict)):
        sources = [sources]
    skip = Path(key_file).resolve() if key_file else None
    out: list[Any] = []
    for item in sources:
        if isinstance(item, (str, os.PathLike)) and Path(item).is_dir():
            out += _folder_files(Path(item), skip)
        else:
            out.append(item)
    return out


def _folder_files(folder: Path, skip: Path | None) -> list[Path]:
    # One scandir (types come with the names; a stat only for links) instead of a stat and
    # a resolve per file: a cohort folder holds thousands. Only an entry named like the key,
    # or a link, can be the key file.
    found: list[tuple[str, Path]] = []
    with os.scandir(folder) as entries:
        for entry in entries:
            name = entry.name
            if not os.path.normcase(name).endswith(".json") or name.endswith(".review.json"):
                continue
            try:
                if not entry.is_file():
                    continue
                path = folder / name
                if skip is not None and (name == skip.name or entry.is_symlink()) and path.resolve() == skip:
                    continue
            except OSError:
                continue
            found.append((name, path))
    return [path for _, path in sorted(found, key=lambda pair: pair[0])]


def result_row(result: GradeResult) -> dict[str, Any]:
    """A small row for tables: ``submission``, ``file``, then ``criteria`` and ``total`` or ``error``."""
    row: dict[str, Any] = {"submission": result.submission, "file": result.file}
    if result.error is not None:
        row["error"] = result.error
    else:
        row.update(criteria=result.criteria, total=result.total)
    return row


def _grade_one(item: Any, answer: AnswerKey, lang: str, n: int) -> GradeResult:
    try:
        pm, file, problems = _read(item)
        if pm is None:
            return _error_result(file, problems, lang, str(n))
        return _grade_map(pm, answer, file, lang, str(n))
    except Exception as exc:  # one broken submission must not stop the cohort
        file = str(item) if isinstance(item, (str, os.PathLike)) else None
        return GradeResult(_label(None, file, str(n)), file=file, error=f"{type(exc).__name__}: {exc}", lang=lang)


def _keep(result: GradeResult) -> GradeResult:
    return result


_WORKER: dict[str, Any] = {}


def _start_worker(answer: AnswerKey, lang: str, convert: Callable[[GradeResult], Any]) -> None:
    vocab.set_language(lang)
    _WORKER.update(answer=answer, lang=lang, convert=convert)


def _work(job: tuple[int, Any]) -> Any:
    n, item = job
    return _WORKER["convert"](_grade_one(item, _WORKER["answer"], _WORKER["lang"], n))


def grade_many(sources: Iterable[Any], key: Any, lang: str | None = None, progress: bool | None = None,
               jobs: int = 1, convert: Callable[[GradeResult], Any] | None = None) -> list[Any]:
    """Grade each submission against one key; one bad file never stops the rest.

    Parameters
    ----------
    sources : iterable of path, PowerMap or dict
        The submissions, in the order of the results.
    key : AnswerKey, PowerMap, dict or path
        The answer key.
    lang : {"en", "zh"}, optional
        Language of the feedback (default: the current language).
    progress : bool, optional
        Show a progress bar on stderr (default: only on a terminal, for 50 or more).
    jobs : int
        Worker processes; ``0`` picks one per core (at most 8) from :data:`PARALLEL_FROM`
        submissions on, ``1`` grades in this process.
    convert : callable, optional
        Applied to each result where it was graded (in a worker with ``jobs`` > 1, so it
        must be a module-level function); default: keep the :class:`GradeResult`.

    Returns
    -------
    list
        One item per submission, in order.
    """
    answer = load_key(key)
    lang = vocab.checked_language(lang)
    items = list(sources)
    convert = convert or _keep
    if jobs <= 0:
        jobs = min(os.cpu_count() or 1, 8) if len(items) >= PARALLEL_FROM else 1
    jobs = min(jobs, max(1, len(items)))
    bar = progress_bar(len(items), progress)
    out: list[Any] = []

    def graded(n: int, item: Any) -> Any:
        value = convert(_grade_one(item, answer, lang, n))
        if n % SWEEP == 0:
            gc.collect(1)  # the young objects only: any reference cycle made meanwhile
        return value

    # Grading makes many short-lived objects and no reference cycles of its own: the
    # collector's automatic visits cost a twentieth of the time, so it is paused (and what
    # already exists frozen) and sweeps the young objects every SWEEP submissions instead.
    collecting = gc.isenabled()
    gc.disable()
    gc.freeze()
    try:
        if jobs == 1:
            for n, item in enumerate(items, 1):
                out.append(graded(n, item))
                bar.update()
        elif _can_fork():
            from .forked import grade_forked

            # The children share the loaded key (results refer back to it, not to a copy).
            with share_key(answer, True):
                out = grade_forked(list(enumerate(items, 1)), graded, jobs, bar)
        else:
            import multiprocessing as mp

            # Where there is no fork, a pool of workers, each receiving a copy of the key once.
            with mp.get_context("spawn").Pool(jobs, initializer=_start_worker, initargs=(answer, lang, convert)) as pool:
                for value in pool.imap(_work, enumerate(items, 1), chunksize=max(1, len(items) // (jobs * 8))):
                    out.append(value)
                    bar.update()
    finally:
        gc.unfreeze()
        if collecting:
            gc.enable()
        bar.close()
    return out


def _can_fork() -> bool:
    return hasattr(os, "fork")


class _NoBar:
    silent = True

    def update(self, n: int = 1) -> None:
        pass

    def close(self) -> None:
        pass


def progress_bar(total: int, progress: bool | None = None) -> Any:
    """The one progress bar of batch grading: tqdm on stderr, or a stand-in that draws nothing.

    ``progress=None`` draws only on a terminal and for 50 or more items; tqdm's ``delay``
    keeps a run that ends within half a second from drawing at all.
    """
    if progress is None:
        progress = total >= 50 and sys.stderr is not None and sys.stderr.isatty()
    if not progress:
        return _NoBar()
    from tqdm import tqdm

    return tqdm(total=total, file=sys.stderr, unit="map", delay=0.5, leave=False)
