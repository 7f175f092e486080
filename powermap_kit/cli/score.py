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
import os
import sys
from pathlib import Path
from typing import Any

from .. import vocab

__all__ = ["add_parser", "run"]

FORMATS = ("table", "json", "csv", "html", "xlsx")


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
                   help="worker processes (default 0: one per core for large runs)")
    p.set_defaults(run=run)


def _usage(message: str) -> int:
    print(f"powermap score: {message}", file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    from ..errors import MapFormatError
    from ..grading.batch import grade_many, result_row, submission_files
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
        results = grade_many(paths, key, lang, jobs=args.jobs)
        bad = any(not r.ok for r in results)
        if args.format == "xlsx":
            from ..grading.cohort import cohort_frame, export_cohort

            from .output import writing

            with writing(args.out):
                export_cohort(cohort_frame(results, key), args.out, lang=lang)
            print(vocab.text("cli.written", file=args.out), file=sys.stderr)
        else:
            _html(args.out, results, key, lang)
        return 1 if bad else 0
    if args.format == "json":
        # Each object is encoded where it was graded (compact, one object a line).
        rows = grade_many(paths, key, lang, jobs=args.jobs, convert=_json_row)
        _emit_utf8(_json_array([data for _, data in rows]), args.out)
        return 1 if any(error for error, _ in rows) else 0
    one = len(paths) == 1  # one submission in a table: its feedback follows the scores
    table = grade_many(paths, key, lang, jobs=args.jobs, convert=_row_with_feedback if one else result_row)
    if args.format == "csv":
        from ..sheets import csv_text

        _emit(csv_text(_csv_rows(table, key), header=["submission", "file", *_criteria(table, key), "total", "error"]),
              args.out, bom=True)
    else:
        _emit(_table(table, key, lang), args.out)
    return 1 if any("error" in row for row in table) else 0


def _json_array(rows: list[bytes]) -> bytes:
    """``[``, the rows a line each, ``]``: joined in one copy (a cohort's output is megabytes)."""
    parts = [b"[\n"]
    for row in rows:
        parts += (row, b",\n")
    if rows:
        parts.pop()
    parts.append(b"\n]\n")
    return b"".join(parts)


def _json_row(result: Any) -> tuple[bool, bytes]:
    from ..fastjson import dumps_bytes

    return result.error is not None, dumps_bytes(result.to_dict())


def _row_with_feedback(result: Any) -> dict[str, Any]:
    from ..grading.batch import result_row

    row = result_row(result)
    if result.ok:
        row["feedback"] = result.feedback
    return row


# ---- output ---------------------------------------------------------------------------------

def _criteria(rows: list[dict[str, Any]], key) -> list[str]:
    for row in rows:
        if "criteria" in row:
            return list(row["criteria"])
    from ..grading.rules import graded_weights

    names = [n for n, w in graded_weights(key.map, key.weights).items() if w > 0]
    return names + (["insights"] if key.insights else [])


def _csv_rows(rows: list[dict[str, Any]], key) -> list[list[Any]]:
    names = _criteria(rows, key)
    return [[row["submission"], row.get("file") or "", *[row.get("criteria", {}).get(n, "") for n in names],
             row.get("total", ""), row.get("error", "")] for row in rows]


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

        from .output import writing

        with writing(out):
            write_text_atomic(out, ("\ufeff" if bom else "") + text)
        print(vocab.text("cli.written", file=out), file=sys.stderr)
    else:
        sys.stdout.write(text)


def _emit_utf8(data: bytes, out: str | None) -> None:
    """:func:`_emit` for UTF-8 bytes (the JSON output), which need no decoding on the way."""
    if out:
        from ..atomic import write_bytes_atomic

        from .output import writing

        with writing(out):
            write_bytes_atomic(out, data)
        print(vocab.text("cli.written", file=out), file=sys.stderr)
    elif hasattr(sys.stdout, "write_utf8"):
        sys.stdout.write_utf8(data)  # the CLI's SafeStream: escapes terminal controls when there are any
    else:
        sys.stdout.write(data.decode("utf-8"))


def _html(out: str | None, results: list, key, lang: str) -> None:
    """The HTML output: one submission's report or the cohort's; into a folder, both
    (``index.html`` and a page per submission). The one place the CLI writes HTML."""
    from ..grading.cohort import cohort_frame
    from ..render.grading_html import cohort_report, submission_report, write_reports

    if out and (out.endswith(("/", os.sep)) or Path(out).is_dir()):
        from .output import writing

        from ..grading.batch import progress_bar

        bar = progress_bar(len(results))
        try:
            with writing(out):
                written = write_reports(out, cohort_frame(results, key), key=key, lang=lang,
                                        progress=lambda done, total: bar.update())
        finally:
            bar.close()
        print(vocab.text("grading.cli.written_reports", count=len(written), folder=out), file=sys.stderr)
    elif len(results) == 1 and results[0].ok:
        _emit(submission_report(results[0], lang=lang), out)
    else:
        _emit(cohort_report(cohort_frame(results, key), key=key, lang=lang), out)
