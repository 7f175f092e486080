"""``powermap import FILE.csv --out MAP.json``: a CRM contact-role export or the plain template into a map."""

from __future__ import annotations

import argparse
import sys

from .. import vocab
from ..io import save_map
from ..tabular import FORMATS, import_csv


def add_parser(sub, common) -> None:
    p = sub.add_parser("import", parents=[common], help="import a CSV of contacts (template, Salesforce, HubSpot)",
                       description="Read a CSV of contacts into a power map. Unmappable values are kept in notes "
                                   "and listed on stderr.")
    p.add_argument("file", metavar="FILE.csv")
    p.add_argument("--out", required=True, metavar="MAP.json", help="where to write the map")
    p.add_argument("--format", choices=FORMATS, default="auto", help="how to read role values (default: detect)")
    p.add_argument("--account", help="account name, when the file has none")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        result = import_csv(args.file, format=args.format, account=args.account)
    except (OSError, ValueError) as exc:
        print(f"{args.file}: {exc}", file=sys.stderr)
        return 1
    save_map(result.map, args.out)
    print(vocab.text("cli.import_summary", count=len(result.map), file=args.file, format=result.format))
    for line in result.summary():
        print(line, file=sys.stderr)
    print(vocab.text("cli.written", file=args.out))
    return 0
