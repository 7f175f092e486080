"""``powermap validate FILE...``: exit 0 when every file is valid, else every problem, one a line."""

from __future__ import annotations

import argparse
import json

from .. import vocab
from ..io import validate_file


def add_parser(sub, common) -> None:
    p = sub.add_parser("validate", parents=[common], help="check power-map files against the format",
                       description="Check power-map files; print every problem, one a line, with file and place.")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--format", choices=("text", "json"), default="text", help="output format (default text)")
    p.add_argument("-q", "--quiet", action="store_true", help="print only problems")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    results = []
    for file in args.files:
        problems = validate_file(file)
        if not problems:
            problems = _key_problems(file)
        results.append((file, problems))
    bad = sum(1 for _, problems in results if problems)
    if args.format == "json":
        print(json.dumps([{"file": f, "valid": not p, "problems": [x.to_dict() for x in p]} for f, p in results],
                         ensure_ascii=False, indent=2))
        return 1 if bad else 0
    for file, problems in results:
        for problem in problems:
            print(problem.render())
        if not problems and not args.quiet:
            print(vocab.text("cli.valid", file=file, count=_count(file)))
    if bad and len(results) > 1:
        print(vocab.text("cli.summary_invalid", bad=bad, total=len(results)))
    return 1 if bad else 0


def _count(file: str) -> int:
    from ..io import load_map

    return len(load_map(file))


def _key_problems(file: str) -> list:
    """An answer key's grading section is checked too, where the grading module is present."""
    try:
        from ..grading import key_problems
    except ImportError:
        return []
    from ..io import load_map

    return key_problems(load_map(file), file=file)
