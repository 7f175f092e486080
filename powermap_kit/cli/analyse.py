"""``powermap analyse MAP [--format text|json|html] [--out F] [--today D] [--lang en|zh]``.

Prints (or writes to ``--out``) the analysis of one map: status, support index, decision
chain, risks, introduction routes, conflicts, hidden power and the action plan. Exit 0
when the map was analysed, 1 when it could not be read (every problem is printed, one a
line), 2 for bad usage.
"""

from __future__ import annotations

import argparse
import sys

from .. import vocab


def _date(value: str) -> str:
    from ..analysis.context import parse_date

    try:
        parse_date(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return value


def add_parser(sub, common) -> None:
    p = sub.add_parser("analyse", aliases=["analyze"], parents=[common], help="analyse a power map: risks, routes, actions",
                       description="Analyse one power map: support, power matrix, decision chain and support index, "
                                   "risks, introduction routes, conflicts, hidden power and an action plan.")
    p.add_argument("map", metavar="MAP", help="a powermap/1 JSON file")
    p.add_argument("--format", choices=("text", "json", "html"), default="text", help="output format (default text)")
    p.add_argument("--out", metavar="F", help="write to this file instead of standard output")
    p.add_argument("--today", metavar="YYYY-MM-DD", type=_date, default=None,
                   help="date that stale information is measured against (default: today)")
    p.add_argument("--actions", metavar="F", help="also write the action plan to F (.csv or .xlsx)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..analysis import analyse
    from ..io import write_text_atomic
    from . import load_or_report
    from .output import writing

    pm = load_or_report(args.map)
    if pm is None:
        return 1
    result = analyse(pm, today=args.today)
    lang = vocab.get_language()
    if args.format == "json":
        output = result.to_json(lang)
    elif args.format == "html":
        output = result.to_html(lang)
    else:
        output = result.summary_text(lang)
    if args.out:
        with writing(args.out):
            write_text_atomic(args.out, output if output.endswith("\n") else output + "\n")
        print(vocab.text("cli.written", file=args.out), file=sys.stderr)
    else:
        sys.stdout.write(output if output.endswith("\n") else output + "\n")
    if args.actions:
        with writing(args.actions):
            result.export_actions(args.actions, lang)
        print(vocab.text("cli.written", file=args.actions), file=sys.stderr)
    return 0
