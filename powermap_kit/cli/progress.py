"""``powermap progress ANSWERS [--case SLUG=FOLDER ...]``: the room's progress across the course.

Reads a folder of answer logs (``*_answers.jsonl``: a workshop's work folder, or what
``powermap collect`` fetched) and, for each ``--case``, a folder of learners' maps for it.
Prints one row per learner: per module, the exercises done and the mean score of their
latest answers, then each case's status; then who is stuck (three or more tries, still not
right); with ``--assessment``, the pre/post gain per competency. Formats: ``table``
(default), ``csv`` (formula-safe), ``json``. Exit codes: 0, or 2 on bad usage (a missing folder).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .. import vocab

__all__ = ["add_parser", "run"]


def add_parser(sub, common) -> None:
    p = sub.add_parser("progress", parents=[common], help="the room's progress across the course",
                       description="Per learner: modules and exercises done and how well, who is stuck, each "
                                   "case's status; from answer logs and case folders.")
    p.add_argument("answers", metavar="ANSWERS", help="a folder of answer logs (*_answers.jsonl)")
    p.add_argument("--case", action="append", default=[], metavar="SLUG=FOLDER",
                   help="a case and the folder of learners' maps for it (repeatable)")
    p.add_argument("--assessment", action="store_true", help="also print the pre/post gains per competency")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table", help="output format")
    p.add_argument("--out", metavar="F", help="write to this file instead of standard output")
    p.set_defaults(run=run)


def _usage(message: str) -> int:
    print(f"powermap progress: {message}", file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    from ..assessment import assessment_gains
    from ..progress import room_progress
    from ..sheets import csv_text
    from .score import _emit

    lang = vocab.get_language()
    if not Path(args.answers).is_dir():
        return _usage(vocab.text("progress.cli.no_folder", lang=lang, folder=args.answers))
    cases = {}
    for item in args.case:
        slug, sep, folder = item.partition("=")
        if not sep or not slug or not folder:
            return _usage(vocab.text("progress.cli.bad_case", lang=lang, value=item))
        cases[slug] = folder
    progress = room_progress(args.answers, cases)
    table = progress.table(lang)
    gains = assessment_gains(args.answers, lang=lang) if args.assessment else None
    if args.format == "json":
        data = {"progress": progress.modules.to_dict("records"), "stuck": progress.stuck.to_dict("records"),
                "cases": progress.cases.to_dict("records")}
        if gains is not None:
            data["assessment"] = json.loads(gains.to_json(orient="records", force_ascii=False))
        _emit(json.dumps(data, ensure_ascii=False, indent=1) + "\n", args.out)
    elif args.format == "csv":
        rows = [[str(name), *row] for name, row in zip(table.index, table.values.tolist())]
        _emit(csv_text(rows, header=[str(table.index.name), *map(str, table.columns)]), args.out, bom=True)
    else:
        parts = [table.to_string() if len(table) else vocab.text("progress.cli.empty", lang=lang)]
        parts.append(vocab.text("progress.stuck", lang=lang) + ":")
        parts.append(progress.stuck.to_string(index=False) if len(progress.stuck)
                     else vocab.text("progress.none_stuck", lang=lang))
        if gains is not None:
            parts.append(gains.to_string(index=False) if len(gains) else vocab.text("progress.cli.no_assessment",
                                                                                   lang=lang))
        _emit("\n".join(parts) + "\n", args.out)
    return 0
