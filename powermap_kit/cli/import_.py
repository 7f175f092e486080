"""``powermap import FILE.csv --out MAP.json``: a CRM contact-role export or the plain template into a map."""

from __future__ import annotations

import argparse
import sys

from .. import vocab
from ..io import save_map
from ..tabular import FORMATS, import_csv
from .output import writing


def add_parser(sub, common) -> None:
    p = sub.add_parser("import", parents=[common], help="import a CSV of contacts (template, Salesforce, HubSpot)",
                       description="Read a CSV of contacts into a power map. Unmappable values are kept in notes "
                                   "and listed on stderr; the text encoding is detected and named. Exit 1 when "
                                   "rows of the file are broken (listed with their row numbers; the other rows "
                                   "are imported) or the file cannot be read.")
    p.add_argument("file", metavar="FILE.csv")
    p.add_argument("--out", required=True, metavar="MAP.json", help="where to write the map")
    p.add_argument("--format", choices=FORMATS, default="auto", help="how to read role values (default: detect)")
    p.add_argument("--account", help="account name, when the file has none")
    p.add_argument("--suggest-roles", action="store_true",
                   help="list roles the title rules suggest (each with its reason); nothing is applied")
    p.add_argument("--apply-suggested-roles", action="store_true",
                   help="apply the roles the title rules suggest, listing each with its reason")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        result = import_csv(args.file, format=args.format, account=args.account)
    except OSError as exc:
        print(f"{args.file}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    except ValueError as exc:
        text = str(exc)
        print(text if text.startswith(args.file) else f"{args.file}: {text}", file=sys.stderr)
        return 1
    if args.suggest_roles or args.apply_suggested_roles:
        from ..intel import suggest_roles_for_import

        found = suggest_roles_for_import(result)
        for suggestion in found:
            if args.apply_suggested_roles:
                suggestion.apply(result.map)
            key = "intel.cli.applied" if args.apply_suggested_roles else "intel.cli.suggested"
            print(vocab.text(key, action=suggestion.action(), why=suggestion.why()), file=sys.stderr)
        if not found:
            print(vocab.text("intel.cli.none"), file=sys.stderr)
    with writing(args.out):
        save_map(result.map, args.out)
    print(vocab.text("cli.import_summary", count=len(result.map), file=args.file, format=result.format))
    print(vocab.text("import.encoding", file=args.file, encoding=result.encoding))
    for line in result.summary():
        print(line, file=sys.stderr)
    print(vocab.text("cli.written", file=args.out))
    if result.problems:
        print(vocab.text("import.file_problems", file=args.file, count=len(result.problems)), file=sys.stderr)
        return 1
    return 0
