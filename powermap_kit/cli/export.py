"""``powermap export MAP --to csv|graphml [--out F]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .. import vocab
from . import load_or_report
from .output import writing
from ..tabular import export_csv, export_graphml


def add_parser(sub, common) -> None:
    p = sub.add_parser("export", parents=[common], help="export a map as CSV (the import template) or GraphML")
    p.add_argument("map", metavar="MAP")
    p.add_argument("--to", choices=("csv", "graphml"), required=True)
    p.add_argument("--out", metavar="F", help="output file (default: MAP with the new suffix; '-' prints CSV)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    pm = load_or_report(args.map)
    if pm is None:
        return 1
    if args.to == "csv" and args.out == "-":
        sys.stdout.write(export_csv(pm))
        return 0
    out = args.out or str(Path(args.map).with_suffix(f".{args.to}"))
    with writing(out):
        if args.to == "csv":
            export_csv(pm, out)
        else:
            export_graphml(pm, out)
    print(vocab.text("cli.written", file=out))
    return 0
