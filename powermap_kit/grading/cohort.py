"""A whole cohort: grade every submission, summarise the common mistakes, export.

:func:`grade_cohort` gives one row per submission (a bad file is a row with ``error``
set; it never stops the rest). :func:`cohort_summary` reads that table back: mean and
median per criterion, the people, roles and insights most often missed, and the score
distribution. :func:`export_cohort` writes CSV (UTF-8 with a byte-order mark, so Excel
shows Chinese names) or Excel, through the one formula-safe writer
(:func:`powermap_kit.sheets.write_table`). Grading itself (a worker pool with ``jobs=``, a
progress bar) is ``batch.py``'s :func:`grade_many`.

>>> import powermap_kit as pk
>>> key = pk.load_map({"format": "powermap/1", "stakeholders": [
...     {"id": "a", "name": "Li Ming", "roles": ["approver"]}, {"id": "b", "name": "Zhao Jun"}]})
>>> subs = [pk.load_map({"format": "powermap/1", "meta": {"author": "t1"},
...                      "stakeholders": [{"id": "x", "name": "li ming", "roles": ["approver"]}]}),
...         {"format": "powermap/1", "stakeholders": "none"}]
>>> frame = grade_cohort(subs, key)
>>> frame[["submission", "people", "roles", "total"]]
  submission  people  roles  total
0         t1    22.2   55.6   77.8
1          2     NaN    NaN    NaN
>>> cohort_summary(frame).missed_people[["id", "missed"]].to_dict("records")
[{'id': 'b', 'missed': 1}]
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from .. import vocab
from ..errors import InvalidValue
from ..sheets import write_table
from .batch import grade_many, submission_files
from .grade import GradeResult
from .key import AnswerKey, load_key
from .rules import graded_weights

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["BINS", "CohortSummary", "cohort_frame", "cohort_summary", "export_cohort", "grade_cohort",
           "grade_many", "results_of", "submission_files"]

#: Lower edges of the score distribution's bins (the last bin includes 100).
BINS: tuple[int, ...] = tuple(range(0, 100, 10))


class _Results(list):
    """The GradeResults behind a cohort frame, kept in ``frame.attrs["grading"]``.

    pandas deep-copies ``attrs`` on most operations; the results never change after
    grading, so every copy can share them.
    """

    key: AnswerKey | None = None

    def __deepcopy__(self, memo: dict) -> _Results:
        return self


def grade_cohort(paths_or_folder: Any, key: Any, lang: str | None = None, progress: bool | None = None,
                 jobs: int = 1) -> pd.DataFrame:
    """Grade a cohort: one row per submission.

    Parameters
    ----------
    paths_or_folder : path, folder, or list of paths, folders, maps or dicts
        The submissions. A folder gives its ``*.json`` files, in name order.
    key : AnswerKey, PowerMap, dict or path
        The answer key.
    lang : {"en", "zh"}, optional
        Language of the feedback kept with each row.
    progress : bool, optional
        Show a progress bar on stderr; by default only on a terminal for long runs.
    jobs : int
        Worker processes (``0``: one per core for large cohorts; default 1, this process).

    Returns
    -------
    pandas.DataFrame
        Columns ``submission`` (``meta.author``, else the file name), ``file``, one
        column per criterion the key grades (points on the 0–100 scale), ``total`` and
        ``error`` (empty unless the file could not be graded). The results themselves
        are in ``frame.attrs["grading"]`` for :func:`cohort_summary` and the reports.
    """
    answer = load_key(key)
    files = submission_files(paths_or_folder, answer.file)
    results = grade_many(files, answer, lang, progress, jobs=jobs)
    return cohort_frame(results, answer)


def _criteria_names(results: list[GradeResult], key: AnswerKey | None) -> list[str]:
    for r in results:
        if r.ok:
            return list(r.criteria)
    if key is not None:
        names = [n for n, w in graded_weights(key.map, key.weights).items() if w > 0]
        return names + (["insights"] if key.insights else [])
    return []


def cohort_frame(results: list[GradeResult], key: AnswerKey | None = None) -> pd.DataFrame:
    """The cohort table of :func:`grade_cohort` from results already graded."""
    import pandas as pd

    names = _criteria_names(results, key)
    rows = []
    for r in results:
        row: dict[str, Any] = {"submission": r.submission, "file": r.file}
        for name in names:
            row[name] = r.criteria.get(name) if r.ok else None
        row["total"] = r.total
        row["error"] = r.error or ""
        rows.append(row)
    frame = pd.DataFrame(rows, columns=["submission", "file", *names, "total", "error"])
    for name in [*names, "total"]:
        frame[name] = frame[name].astype("float64")
    held = _Results(results)
    held.key = key
    frame.attrs["grading"] = held
    return frame


def results_of(cohort: Any) -> list[GradeResult]:
    """The GradeResults behind a cohort frame (or the list itself)."""
    if isinstance(cohort, list):
        return cohort
    held = getattr(cohort, "attrs", {}).get("grading")
    return list(held) if held is not None else []


@dataclass
class CohortSummary:
    """What a cohort got right and wrong (see :func:`cohort_summary`)."""

    count: int
    graded: int
    errors: int
    criteria: pd.DataFrame
    distribution: pd.DataFrame
    missed_people: pd.DataFrame
    missed_roles: pd.DataFrame
    missed_insights: pd.DataFrame
    key: AnswerKey | None = field(default=None, repr=False)

    def to_dict(self) -> dict[str, Any]:
        def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
            # pandas-stubs types record keys as Hashable; these frames' column labels are all str
            rows = cast("list[dict[str, Any]]", frame.to_dict("records"))
            return [{k: _plain(v) for k, v in row.items()} for row in rows]

        return {
            "count": self.count, "graded": self.graded, "errors": self.errors,
            "criteria": records(self.criteria.reset_index()),
            "distribution": records(self.distribution),
            "missed_people": records(self.missed_people),
            "missed_roles": records(self.missed_roles),
            "missed_insights": records(self.missed_insights),
        }


def _plain(value: Any) -> Any:
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and value != value:
        return None
    return value


def cohort_summary(cohort: Any, key: Any = None) -> CohortSummary:
    """Summarise a graded cohort (the frame of :func:`grade_cohort`, or a list of results).

    Returns
    -------
    CohortSummary
        ``criteria``: mean, median, min and max points per criterion and the total, with
        the maximum available; ``distribution``: how many totals fall in each ten-point
        band; ``missed_people``, ``missed_roles`` (key person and role), ``missed_insights``:
        how many graded submissions missed each, most missed first (only those missed
        at least once).
    """
    import pandas as pd

    results = results_of(cohort)
    answer = load_key(key) if key is not None else getattr(getattr(cohort, "attrs", {}).get("grading"), "key", None)
    if answer is None:
        answer = next((r.key for r in results if r.key is not None), None)
    graded = [r for r in results if r.ok]
    if not results and hasattr(cohort, "columns"):
        return _summary_from_table(cohort)
    names = _criteria_names(results, answer)
    stats = []
    for name in [*names, "total"]:
        values = pd.Series([r.total if name == "total" else r.criteria.get(name) for r in graded], dtype="float64")
        maximum = 100.0 if name == "total" else next((r.maxima[name] for r in graded), float("nan"))
        stats.append({"criterion": name, "max": maximum, "mean": _round(values.mean()),
                      "median": _round(values.median()), "min": _round(values.min()), "high": _round(values.max())})
    criteria = pd.DataFrame(stats, columns=["criterion", "max", "mean", "median", "min", "high"]).set_index("criterion")

    n = len(graded)
    people: Counter = Counter()
    roles: Counter = Counter()
    insights: Counter = Counter()
    for r in graded:
        people.update(r.missing)
        for row in r.people:
            roles.update((row["id"], role) for role in row["roles_missed"])
        insights.update(i["id"] for i in r.insights if not i["found"])
    names_of = {p.id: p.name for p in answer.map.stakeholders} if answer is not None else {}
    points_of = {i["id"]: i["points"] for r in graded for i in r.insights}
    missed_people = pd.DataFrame(
        [{"id": k, "name": names_of.get(k, k), "missed": c, "share": _round(c / n)} for k, c in _ranked(people)],
        columns=["id", "name", "missed", "share"])
    missed_roles = pd.DataFrame(
        [{"id": k, "name": names_of.get(k, k), "role": role, "missed": c, "share": _round(c / n)}
         for (k, role), c in _ranked(roles)], columns=["id", "name", "role", "missed", "share"])
    missed_insights = pd.DataFrame(
        [{"id": k, "points": points_of.get(k), "missed": c, "share": _round(c / n)} for k, c in _ranked(insights)],
        columns=["id", "points", "missed", "share"])
    return CohortSummary(len(results), n, len(results) - n, criteria, _distribution([r.total for r in graded]),
                         missed_people, missed_roles, missed_insights, answer)


def _ranked(counter: Counter) -> list[tuple[Any, int]]:
    # Most missed first; ties keep first-seen order (the key's order), which reads naturally.
    return sorted(counter.items(), key=lambda kv: -kv[1])


def _round(value: float) -> float:
    return round(float(value), 2) if value == value else float("nan")


def _distribution(totals: list[float | None]) -> pd.DataFrame:
    import pandas as pd

    counts = [0] * len(BINS)
    for t in totals:
        if t is not None:
            counts[min(int(t // 10), len(BINS) - 1)] += 1
    labels = [f"{low}–{low + 9}" if low < 90 else "90–100" for low in BINS]
    return pd.DataFrame({"band": labels, "low": list(BINS), "count": counts})


def _summary_from_table(frame: pd.DataFrame) -> CohortSummary:
    """A summary from a bare table (e.g. a CSV read back): scores only, no mistakes."""
    import pandas as pd

    skip = {"submission", "file", "error"}
    names = [c for c in frame.columns if c not in skip]
    ok = frame[frame.get("error", pd.Series([""] * len(frame))).fillna("") == ""]
    stats = [{"criterion": c, "max": float("nan"), "mean": _round(ok[c].mean()), "median": _round(ok[c].median()),
              "min": _round(ok[c].min()), "high": _round(ok[c].max())} for c in names]
    empty = pd.DataFrame()
    return CohortSummary(len(frame), len(ok), len(frame) - len(ok),
                         pd.DataFrame(stats).set_index("criterion"), _distribution(list(ok.get("total", []))),
                         empty, empty, empty)


def export_cohort(cohort: pd.DataFrame, path: str | os.PathLike, labels: bool | None = None,
                  lang: str | None = None) -> Path:
    """Write the cohort table to ``.csv`` or ``.xlsx`` (chosen by the file's suffix).

    ``labels``: column headings as labels in the language instead of codes (default:
    codes for CSV, which scripts read; labels for Excel, which people read). The Excel
    file has a second sheet with the summary.
    """
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise InvalidValue(target.name, "table_suffix", suffix, allowed=(".csv", ".xlsx"))
    if labels is None:
        labels = suffix == ".xlsx"
    table = _headed(cohort, lang) if labels else cohort
    target.parent.mkdir(parents=True, exist_ok=True)
    from ..sheets import write_table

    if suffix == ".csv":
        return write_table(table, target)
    summary = cohort_summary(cohort)
    stats = summary.criteria.reset_index()
    if labels:
        stats["criterion"] = stats["criterion"].map(lambda c: _criterion_label(c, lang))
        stats = stats.rename(columns={c: vocab.text(f"grading.report.stat.{c}", lang=lang)
                                      for c in stats.columns if c != "criterion"})
        stats = stats.rename(columns={"criterion": vocab.text("grading.report.criterion", lang=lang)})
    return write_table({vocab.text("grading.report.sheet_results", lang=lang): table,
                        vocab.text("grading.report.sheet_summary", lang=lang): stats}, target)


def _criterion_label(name: str, lang: str | None) -> str:
    try:
        return vocab.text(f"grading.criterion.{name}", lang=lang)
    except KeyError:
        return name


def _headed(cohort: pd.DataFrame, lang: str | None) -> pd.DataFrame:
    heads = {}
    for column in cohort.columns:
        if column in ("submission", "file", "error"):
            heads[column] = vocab.text(f"grading.report.column.{column}", lang=lang)
        else:
            heads[column] = _criterion_label(column, lang)
    return cohort.rename(columns=heads)
