"""``powermap hints KEY.json -o hints.json``: the learner-safe hint file of an answer key.

The file holds what learner checks need to give hints — people's names for matching, the
documents the key's evidence cites per person and area, and salted digests of the key's
values — and no value itself (see :mod:`powermap_kit.hints`). A trainer who keeps
``key.json`` off a shared server puts ``hints.json`` in its place (or points
``$POWERMAP_HINTS`` at it).
"""

from __future__ import annotations

import argparse
import sys

from .. import vocab


def add_parser(sub, common) -> None:
    p = sub.add_parser("hints", parents=[common], help="write the learner-safe hint file of an answer key",
                       description="Write a hint file learners' checks can use instead of the answer key: names, "
                                   "documents to reread, digests, and no key value.")
    p.add_argument("key", metavar="KEY.json")
    p.add_argument("-o", "--out", required=True, metavar="HINTS.json", help="the hint file to write")
    p.add_argument("--today", default=None, help="the date the analysis is made for (default: the key's)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..grading import key_problems
    from ..hints import write_hints
    from . import load_or_report

    key = load_or_report(args.key)
    if key is None:
        return 1
    problems = key_problems(key, file=args.key)
    if problems:
        for problem in problems:
            print(problem.render(), file=sys.stderr)
        return 1
    out = write_hints(key, args.out, today=args.today)
    print(vocab.text("course.hints.written", file=str(out), people=len(key)))
    return 0
