"""``powermap handouts [--out DIR] [--only KIND ...]``: the printable PDFs (:mod:`powermap_kit.kit.handouts`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .. import vocab


def add_parser(sub, common) -> None:
    from ..kit.handouts import HANDOUTS

    p = sub.add_parser("handouts", parents=[common],
                       help="print the handouts to PDF: cheat sheet, canvas, schedules, case packs, feedback, role-plays "
                            "(both languages unless --lang is given; needs Chromium)")
    p.add_argument("--out", metavar="DIR", default="handouts", help="folder to write <lang>/<name>.pdf into")
    p.add_argument("--only", nargs="+", choices=HANDOUTS, metavar="KIND",
                   help=f"only these handouts ({', '.join(HANDOUTS)})")
    p.add_argument("--submission", nargs="+", metavar="MAP",
                   help="learners' maps (files or a folder of *.json) to print a feedback report for, one each")
    p.add_argument("--case", metavar="SLUG", help="the case that MAP answers (default it-solution)")
    p.add_argument("--roleplays", metavar="DIR", help="role-play folder (default trainer/roleplays)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..errors import InputError, MapFormatError, PowerMapError
    from ..kit.handouts import HANDOUTS, build_handouts

    langs = [args.lang] if args.lang else list(vocab.LANGUAGES)
    try:
        submission = None
        if args.submission:
            from ..io import load_map

            folders = [Path(p) for p in args.submission if Path(p).is_dir()]
            files = [Path(p) for p in args.submission if not Path(p).is_dir()]
            files += [f for folder in folders for f in sorted(folder.glob("*.json"))]
            submission = [(f, load_map(f)) for f in files]
        written = build_handouts(args.out, langs, args.only or HANDOUTS, submission, args.case, args.roleplays)
    except MapFormatError as exc:
        for problem in exc.problems:
            print(problem.render(), file=sys.stderr)
        return 1
    except (InputError, PowerMapError) as exc:
        print(f"powermap: {exc}", file=sys.stderr)
        return 1
    for path in written:
        print(vocab.text("cli.written", file=str(path)))
    return 0
