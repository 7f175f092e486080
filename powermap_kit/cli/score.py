"""``powermap score --key KEY SUBMISSION...|FOLDER``: grade trainee maps against a key.

Exit codes: 0 when every submission was scored, 1 when any could not be (its row says
why; the others are still scored), 2 on bad usage, including a bad key.
Formats: ``table`` (default), ``json`` (a list of objects with ``submission``, ``total``,
``criteria``, ``feedback``, or ``error``), ``csv``, ``html`` (one submission's report,
or the cohort's; with ``--out FOLDER/`` both: ``index.html`` and a page per submission),
``xlsx`` (needs ``--out``). Large runs use several processes and show a
progress bar on stderr when it is a terminal.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sys
from pathlib import Path
from typing import Any

from .. import vocab

__all__ = ["add_parser", "run"]

FORMATS = ("table", "json", "csv", "html", "xlsx")
# Below this many files a process pool costs more than it saves.
_PARALLEL_FROM = 200


def add_parser(sub, common) -> None:
    p = sub.add_parser("score", parents=[common], help="grade submissions against an answer key",
                       description="Grade trainee power maps against an answer key: a total out of 100, "
                                   "points per criterion and feedback. A bad file is reported as an error row; "
                                   "the others are still scored.")
    p.add_argument("--key", required=True, metavar="KEY", help="the answer key (a map with a grading section)")
    p.add_argument("submissions", nargs="+", metavar="SUBMISSION", help="submission files or folders of them")
    p.add_argument("--format", choices=FORMATS, default="table", help="output format (default table)")
    p.add_argument("--out", metavar="F", help="write to this file instead of standard output")
    p.add_argument("--jobs", type=int, default=0, metavar="N",
                   help="worker processes (default: one per core for large runs)")
    p.set_defaults(run=run)


def _usage(message: str) -> int:
    print(f"powermap score: {message}", file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    from ..errors import MapFormatError
    from ..grading.cohort import submission_files
    from ..grading.key import load_key

    lang = vocab.get_language()
    try:
        key = load_key(args.key)
    except MapFormatError as exc:
        return _usage(vocab.text("grading.cli.bad_key", lang=lang, file=args.key) + "\n" + str(exc))
    files = submission_files(args.submissions, args.key)
    if not files:
        return _usage(vocab.text("grading.cli.no_submissions", lang=lang))
    if args.format == "xlsx" and not args.out:
        return _usage(vocab.text("grading.cli.needs_out", lang=lang, format="xlsx"))
    paths = [str(f) for f in files]

    if args.format in ("html", "xlsx"):
        return _rich(args, key, paths, lang)
    rows = _grade_rows(args.key, key, paths, lang, args.jobs, args.format == "json")
    if args.format == "json":
        # Each object was encoded where it was graded (C encoder, one object a line).
        text = "[\n" + ",\n".join(text for _, text in rows) + "\n]\n"
        bad = any(error for error, _ in rows)
    else:
        table = [row for row, _ in rows]
        text = _csv(table, key) if args.format == "csv" else _table(table, key, lang)
        bad = any("error" in row for row in table)
    _emit(text, args.out, bom=args.format == "csv")
    return 1 if bad else 0


# ---- grading, in one process or several ----------------------------------------------------

_WORKER: dict[str, Any] = {}


def _init_worker(key_path: str, lang: str, as_json: bool) -> None:
    from ..grading.key import load_key

    vocab.set_language(lang)
    _WORKER.update(key=_WORKER.get("key") or load_key(key_path), lang=lang, as_json=as_json)


def _grade_one(path: str) -> tuple[Any, str]:
    """Grade one file; for JSON output, (has error, encoded object), else (small row, "")."""
    from ..grading.cohort import grade_many

    result = grade_many([path], _WORKER["key"], _WORKER["lang"], progress=False)[0]
    if _WORKER["as_json"]:
        return result.error is not None, json.dumps(result.to_dict(), ensure_ascii=False)
    row: dict[str, Any] = {"submission": result.submission, "file": result.file}
    if result.error is not None:
        row["error"] = result.error
    else:
        row.update(criteria=result.criteria, total=result.total)
    return row, ""


def _grade_rows(key_path: str, key, paths: list[str], lang: str, jobs: int, as_json: bool) -> list[tuple[Any, str]]:
    jobs = jobs or (min(os.cpu_count() or 1, 8) if len(paths) >= _PARALLEL_FROM else 1)
    bar = _bar(len(paths))
    _WORKER.update(key=key, lang=lang, as_json=as_json)
    rows = []
    if jobs <= 1:
        for path in paths:
            rows.append(_grade_one(path))
            bar.update()
    else:
        import multiprocessing as mp

        # fork shares the loaded key with the workers; elsewhere each worker loads it once.
        ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else None)
        with ctx.Pool(jobs, initializer=_init_worker, initargs=(key_path, lang, as_json)) as pool:
            for row in pool.imap(_grade_one, paths, chunksize=max(1, len(paths) // (jobs * 8))):
                rows.append(row)
                bar.update()
    bar.close()
    if not as_json and len(paths) == 1 and "error" not in rows[0][0]:
        # One submission in a table: its feedback follows the scores.
        from ..grading.cohort import grade_many

        rows[0][0]["feedback"] = grade_many(paths, key, lang, progress=False)[0].feedback
    return rows


class _NoBar:
    def update(self, n: int = 1) -> None:
        pass

    def close(self) -> None:
        pass


def _bar(total: int):
    if total < 50 or sys.stderr is None or not sys.stderr.isatty():
        return _NoBar()
    from tqdm import tqdm

    return tqdm(total=total, file=sys.stderr, unit="map", delay=0.5, leave=False)


# ---- output ---------------------------------------------------------------------------------

def _criteria(rows: list[dict[str, Any]], key) -> list[str]:
    for row in rows:
        if "criteria" in row:
            return list(row["criteria"])
    from ..grading.criteria import graded_weights

    names = [n for n, w in graded_weights(key.map, key.weights).items() if w > 0]
    return names + (["insights"] if key.insights else [])


def _csv(rows: list[dict[str, Any]], key) -> str:
    names = _criteria(rows, key)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["submission", "file", *names, "total", "error"])
    for row in rows:
        points = row.get("criteria", {})
        writer.writerow([row["submission"], row.get("file") or "", *[points.get(n, "") for n in names],
                         row.get("total", ""), row.get("error", "")])
    return out.getvalue()


def _width(text: str) -> int:
    # CJK characters take two columns in a terminal.
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, right: bool = False) -> str:
    gap = " " * max(0, width - _width(text))
    return gap + text if right else text + gap


def _table(rows: list[dict[str, Any]], key, lang: str) -> str:
    names = _criteria(rows, key)
    heads = [vocab.text("grading.report.column.submission", lang=lang)]
    heads += [vocab.text(f"grading.criterion.{n}", lang=lang) for n in [*names, "total"]]
    body = []
    for row in rows:
        if "error" in row:
            body.append([row["submission"], vocab.text("grading.cli.error_cell", lang=lang, error=row["error"])])
        else:
            body.append([row["submission"], *[f"{row['criteria'][n]:g}" for n in names], f"{row['total']:g}"])
    widths = [max([_width(heads[i])] + [_width(r[i]) for r in body if len(r) > 2]) for i in range(len(heads))]
    lines = ["  ".join(_pad(h, w, i > 0) for i, (h, w) in enumerate(zip(heads, widths)))]
    for r in body:
        if len(r) == 2:
            lines.append(_pad(r[0], widths[0]) + "  " + r[1])
        else:
            lines.append("  ".join(_pad(c, w, i > 0) for i, (c, w) in enumerate(zip(r, widths))))
    if len(rows) == 1 and "feedback" in rows[0]:
        lines.append("")
        lines += [f"- {line}" for line in rows[0]["feedback"]]
    return "\n".join(lines) + "\n"


def _emit(text: str, out: str | None, bom: bool = False) -> None:
    if out:
        from ..io import write_text_atomic

        write_text_atomic(out, ("\ufeff" if bom else "") + text)
        print(vocab.text("cli.written", file=out), file=sys.stderr)
    else:
        sys.stdout.write(text)


def _rich(args: argparse.Namespace, key, paths: list[str], lang: str) -> int:
    from ..grading.cohort import _frame, export_cohort, grade_many
    from ..render.grading_html import cohort_report, submission_report

    results = grade_many(paths, key, lang, progress=None)
    bad = any(not r.ok for r in results)
    if args.format == "xlsx":
        export_cohort(_frame(results, key), args.out, lang=lang)
        print(vocab.text("cli.written", file=args.out), file=sys.stderr)
        return 1 if bad else 0
    if args.out and (args.out.endswith(("/", os.sep)) or Path(args.out).is_dir()):
        # A folder: the cohort page as index.html and one page per submission.
        from ..render.grading_html import write_reports

        written = write_reports(args.out, _frame(results, key), key=key, lang=lang)
        print(vocab.text("grading.cli.written_reports", count=len(written), folder=args.out), file=sys.stderr)
        return 1 if bad else 0
    if len(results) == 1 and results[0].ok:
        html = submission_report(results[0], lang=lang)
    else:
        html = cohort_report(_frame(results, key), key=key, lang=lang)
    _emit(html, args.out)
    return 1 if bad else 0
