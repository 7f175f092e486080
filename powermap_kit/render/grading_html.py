"""Self-contained HTML reports: one submission (map picture, score, feedback) and a cohort
(table, score distribution, common mistakes). Templates ``grading_*.html.j2`` extend the
shared ``base.html.j2`` (:mod:`powermap_kit.render.templates`: autoescape, no scripts, no
external assets), so a report opens offline and every name a trainee typed is escaped.

Everything shown is turned into plain strings here, in one language; the only markup
from outside the template is the map picture from :mod:`powermap_kit.render.picture` (whose
text is escaped) and the distribution chart drawn by the template itself.

>>> import powermap_kit as pk
>>> from powermap_kit.grading import grade
>>> key = pk.load_map({"format": "powermap/1", "stakeholders": [{"id": "a", "name": "Li Ming"}]})
>>> sub = pk.load_map({"format": "powermap/1", "meta": {"author": "<script>x</script>"},
...                    "stakeholders": [{"id": "a", "name": "Li Ming"}]})
>>> html = submission_report(grade(sub, key), picture=False)
>>> "&lt;script&gt;x&lt;/script&gt;" in html and "<script>" not in html
True
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from .. import localize, vocab
from ..grading.cohort import cohort_summary, results_of
from ..grading.grade import GradeResult
from ..grading.key import AnswerKey, load_key
from ..io import write_text_atomic
from .picture import map_svg
from .templates import render

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["cohort_report", "submission_report", "write_report", "write_reports"]


def _criterion(name: str, lang: str) -> str:
    return vocab.text(f"grading.criterion.{name}", lang=lang)


def _share(points: float | None, maximum: float | None) -> float:
    if not maximum or points is None or points != points:
        return 0.0
    return max(0.0, min(100.0, 100.0 * points / maximum))


def _band(total: float | None) -> str:
    """A colour class for a score: the same thresholds in every report."""
    if total is None:
        return "none"
    return "good" if total >= 75 else "fair" if total >= 50 else "poor"


def submission_view(result: GradeResult, lang: str | None = None, picture: bool = True,
                    show_key: bool = False) -> dict[str, Any]:
    """Everything the submission report shows, as plain strings and numbers."""
    lang = lang or result.lang
    key = result.key
    criteria = [{"name": _criterion(n, lang), "points": p, "max": result.maxima[n],
                 "share": _share(p, result.maxima[n])} for n, p in result.criteria.items()]
    feedback = [{"points": item.points, "text": text, "criterion": _criterion(item.criterion, lang)}
                for item, text in zip(result.items, result.lines(lang))]
    people = []
    if key is not None:
        sub_names = {q.id: q.name for q in result.map.stakeholders} if result.map is not None else {}
        how = {m.a: m for m in result.matches}
        for p in key.map.stakeholders:
            m = how.get(p.id)
            people.append({"key": key.display_name(p.id, lang), "title": localize.text(p, "title", lang, ""),
                           "found": sub_names.get(m.b, "") if m else "",
                           "how": vocab.text(f"grading.how.{m.how if m else 'none'}", lang=lang),
                           "ok": m is not None})
    insights = []
    if key is not None:
        by_id = {i.id: i for i in key.insights}
        for row in result.insights:
            insights.append({"id": row["id"], "points": row["points"], "found": row["found"],
                             "text": by_id[row["id"]].feedback_text(lang) if row["id"] in by_id else ""})
    extra = [q.name for q in result.map.stakeholders if q.id in set(result.extra)] if result.map is not None else []
    wrong = {item.stakeholder for item in result.items
             if item.criterion in ("roles", "power", "stance", "coach") and item.points > 0}
    flagged = sorted(m.b for m in result.matches if m.a in wrong)
    view: dict[str, Any] = {
        "lang": lang,
        "title": vocab.text("grading.report.submission_title", lang=lang, submission=result.submission),
        "submission": result.submission,
        "file": result.file or "",
        "account": _account(key),
        "error": result.error,
        "total": result.total,
        "band": _band(result.total),
        "criteria": criteria,
        "feedback": feedback,
        "people": people,
        "insights": insights,
        "extra": extra,
        "picture": None,
        "key_picture": None,
        "pictures_wanted": picture,
    }
    if picture and result.map is not None:
        view["picture"] = map_svg(result.map, lang=lang, highlight=flagged)
    if picture and show_key and key is not None:
        view["key_picture"] = map_svg(key.map, lang=lang)
    return view


def _account(key: AnswerKey | None) -> str:
    if key is None:
        return ""
    parts = [key.map.account.name, key.map.opportunity.name]
    return " · ".join(p for p in parts if p)


def submission_report(result: GradeResult, lang: str | None = None, picture: bool = True,
                      show_key: bool = False) -> str:
    """One submission's report as a self-contained HTML page.

    Parameters
    ----------
    result : GradeResult
        From :func:`~powermap_kit.grading.grade`.
    lang : {"en", "zh"}, optional
        Language of the page (default: the result's).
    picture : bool
        Include the trainee's map as a picture (people who lost points are highlighted).
    show_key : bool
        Also show the key's map (for coaches; it gives the answer away).
    """
    return render("grading_submission.html.j2", **submission_view(result, lang, picture, show_key))


def _chart(distribution: pd.DataFrame, lang: str) -> dict[str, Any]:
    """Bar geometry of the score distribution, for the template's inline SVG."""
    counts = list(distribution["count"])
    top = max(counts + [1])
    width, height, left, bottom, gap = 640, 220, 36, 28, 6
    bar_w = (width - left) / len(counts)
    bars = []
    for i, (band, count) in enumerate(zip(distribution["band"], counts)):
        h = (height - bottom - 16) * count / top
        bars.append({"x": round(left + i * bar_w + gap / 2, 1), "y": round(height - bottom - h, 1),
                     "w": round(bar_w - gap, 1), "h": round(h, 1), "count": count, "band": band,
                     "mid": round(left + i * bar_w + bar_w / 2, 1), "low": int(distribution["low"].iloc[i])})
    return {"width": width, "height": height, "base": height - bottom, "left": left, "bars": bars, "top": top,
            "caption": vocab.text("grading.report.distribution_caption", lang=lang)}


def cohort_view(cohort: Any, key: Any = None, lang: str | None = None) -> dict[str, Any]:
    """Everything the cohort report shows, as plain strings and numbers."""
    lang = lang or vocab.get_language()
    summary = cohort_summary(cohort, key)
    answer = summary.key
    results = results_of(cohort)
    names = [n for n in summary.criteria.index if n != "total"]
    rows = []
    for r in sorted(results, key=lambda r: (r.total is None, -(r.total or 0), r.submission)):
        rows.append({"submission": r.submission, "file": r.file or "", "error": r.error or "",
                     "points": [r.criteria.get(n) for n in names], "total": r.total, "band": _band(r.total)})
    # pandas-stubs types index labels as Hashable; the criteria index holds criterion names (str)
    stats = [{"name": _criterion(cast(str, n), lang), "max": row["max"], "mean": row["mean"], "median": row["median"],
              "min": row["min"], "high": row["high"], "share": _share(row["mean"], row["max"])}
             for n, row in summary.criteria.iterrows()]
    people = [{"name": answer.display_name(r["id"], lang) if answer is not None else r["name"],
               "missed": r["missed"], "share": round(100 * r["share"])} for r in summary.missed_people.to_dict("records")]
    roles = [{"name": answer.display_name(r["id"], lang) if answer is not None else r["name"],
              "role": vocab.label(r["role"], "role", lang), "missed": r["missed"], "share": round(100 * r["share"])}
             for r in summary.missed_roles.to_dict("records")]
    by_id = {i.id: i for i in answer.insights} if answer is not None else {}
    insights = [{"id": r["id"], "text": by_id[r["id"]].feedback_text(lang) if r["id"] in by_id else "",
                 "missed": r["missed"], "share": round(100 * r["share"]), "points": r["points"]}
                for r in summary.missed_insights.to_dict("records")]
    return {
        "lang": lang,
        "title": vocab.text("grading.report.cohort_title", lang=lang),
        "account": _account(answer),
        "count": summary.count, "graded": summary.graded, "errors": summary.errors,
        "columns": [_criterion(n, lang) for n in names],
        "maxima": [summary.criteria.loc[n, "max"] for n in names],
        "rows": rows,
        "stats": stats,
        "chart": _chart(summary.distribution, lang),
        "missed_people": people[:10],
        "missed_roles": roles[:10],
        "missed_insights": insights,
    }


def cohort_report(cohort: Any, key: Any = None, lang: str | None = None) -> str:
    """A cohort's report as a self-contained HTML page: the score table, the distribution
    chart, mean and median per criterion, and the most common mistakes.

    ``cohort`` is the frame of :func:`~powermap_kit.grading.grade_cohort` (or its list of
    results); ``key`` is only needed when the frame does not carry it.
    """
    return render("grading_cohort.html.j2", **cohort_view(cohort, load_key(key) if key is not None else None, lang))


def write_report(target: str | os.PathLike, graded: Any, key: Any = None, lang: str | None = None, **options: Any,
                 ) -> Path:
    """Write a submission report (for a :class:`GradeResult`) or a cohort report (for a
    cohort frame or list of results) to ``target``; return the path."""
    if isinstance(graded, GradeResult):
        html = submission_report(graded, lang=lang, **options)
    else:
        html = cohort_report(graded, key=key, lang=lang)
    return write_text_atomic(target, html)


_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(1, 10)), *(f"LPT{n}" for n in range(1, 10))}


def _file_name(label: str, taken: set[str]) -> str:
    """A safe, unique file name from a submission label (Chinese kept, path characters not)."""
    base = re.sub(r"[^\w\-]+", "_", label, flags=re.UNICODE).strip("_.") or "submission"
    # A file name may have 255 bytes: keep whole characters up to 150 (room for "_NN.html").
    base = base.encode("utf-8")[:150].decode("utf-8", "ignore")
    if base.upper() in _RESERVED:  # names Windows keeps for devices
        base = "_" + base
    name, n = f"{base}.html", 2
    while name.lower() in taken or name.lower() == "index.html":
        name, n = f"{base}_{n}.html", n + 1
    taken.add(name.lower())
    return name


def write_submission_report(folder: str | os.PathLike, result: GradeResult, lang: str | None = None,
                            picture: bool = True, taken: set[str] | None = None) -> Path:
    """Write one graded submission's self-contained page into ``folder``, named after the
    submission (``taken``: names already used in the folder, updated); return its path.

    Cheap enough to call once per submission from a worker process: the template is
    compiled once per process and the picture is drawn without matplotlib.
    """
    name = _file_name(result.submission, set() if taken is None else taken)
    html = submission_report(result, lang=lang, picture=picture)
    return write_text_atomic(Path(folder) / name, html)


def write_reports(folder: str | os.PathLike, cohort: Any, key: Any = None, lang: str | None = None,
                  picture: bool = True, progress: Callable[[int, int], Any] | None = None) -> list[Path]:
    """Write a cohort's reports into a folder: ``index.html`` (the cohort report) and one
    self-contained page per graded submission, named after it. Returns the paths written.

    ``progress(done, total)`` is called after each submission's page (for a progress bar).
    """
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    written = [write_text_atomic(target / "index.html", cohort_report(cohort, key=key, lang=lang))]
    taken: set[str] = set()
    results = [r for r in results_of(cohort) if r.ok]
    for done, result in enumerate(results, start=1):
        written.append(write_submission_report(target, result, lang=lang, picture=picture, taken=taken))
        if progress is not None:
            progress(done, len(results))
    return written
