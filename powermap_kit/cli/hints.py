"""``powermap hints KEY.json -o hints.json``: the learner-safe hint file of an answer key.

The file holds what learner checks need to give hints — people's names for matching, the
documents the key's evidence cites per person and area, and salted digests of the key's
values — and no value itself (see :mod:`powermap_kit.hints`). When the key sits in a case
folder whose ``case.json`` names a twist key (``twist/key.json``), or ``--twist`` names one, the
file also gets the twist section module 12's check needs. A trainer who keeps ``key.json``
and ``twist/key.json`` off a shared server puts ``hints.json`` in their place (or points
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
    p.add_argument("--twist", default=None, metavar="TWIST.json",
                   help="the updated key after the case's twist (default: the one the case folder's case.json names)")
    p.add_argument("--today", default=None, help="the date the analysis is made for (default: the key's)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..grading import key_problems
    from ..hints import twist_of, write_hints
    from . import load_or_report

    twist_path = args.twist or twist_of(args.key)
    keys = [(args.key, load_or_report(args.key))]
    if twist_path is not None:
        keys.append((str(twist_path), load_or_report(str(twist_path))))
    if any(k is None for _, k in keys):
        return 1
    problems = [problem for path, k in keys for problem in key_problems(k, file=path)]
    if problems:
        for problem in problems:
            print(problem.render(), file=sys.stderr)
        return 1
    key = keys[0][1]
    twist = keys[1][1] if twist_path is not None else False
    out = write_hints(key, args.out, today=args.today, twist=twist)
    print(vocab.text("course.hints.written", file=str(out), people=len(key)))
    if twist_path is not None:
        print(vocab.text("course.hints.written_twist", twist=str(twist_path)))
    return 0
