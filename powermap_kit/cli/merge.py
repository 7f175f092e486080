"""``powermap merge BASE MINE THEIRS --out F [--prefer mine|theirs]``: a three-way merge.

Two sellers' versions of one account map (MINE, THEIRS) and the version both started from
(BASE) are merged with :func:`~powermap_kit.merge.merge_maps`: every change only one side
made is kept. Without conflicts the merged map is written to F (exit 0). Conflicts are
printed one a line with their place; nothing is written and the exit code is 1 unless
``--prefer`` names the side to keep at every conflict.
"""

from __future__ import annotations

import argparse
import json
import sys

from .. import vocab
from ..io import save_map
from ..merge import merge_maps
from . import load_or_report
from .output import writing


def add_parser(sub, common) -> None:
    p = sub.add_parser("merge", parents=[common], help="merge two versions of a map that share a base version",
                       description="Three-way merge of map versions: keep every change only one side made, "
                                   "list the conflicts both sides made differently.")
    p.add_argument("base", metavar="BASE", help="the version both sides started from")
    p.add_argument("mine", metavar="MINE", help="your version")
    p.add_argument("theirs", metavar="THEIRS", help="the other version")
    p.add_argument("--out", metavar="F", required=True, help="where to write the merged map")
    p.add_argument("--prefer", choices=("mine", "theirs"), default=None,
                   help="write anyway, keeping this side at every conflict")
    p.add_argument("--format", choices=("text", "json"), default="text", help="how to print conflicts (default text)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    maps = [load_or_report(path) for path in (args.base, args.mine, args.theirs)]
    if any(pm is None for pm in maps):
        return 1
    result = merge_maps(*maps)
    conflicts = result.conflicts
    if args.format == "json":
        print(json.dumps([{"place": c.place, "kind": c.kind, "base": c.base, "mine": c.mine, "theirs": c.theirs,
                           "text": c.texts()} for c in conflicts], ensure_ascii=False, indent=2))
    elif conflicts:
        print(vocab.text("merge.cli_conflicts", count=len(conflicts)))
        for conflict in conflicts:
            print(f"{conflict.place}: {conflict.text()}")
    if conflicts and args.prefer is None:
        print(vocab.text("merge.cli_not_written"), file=sys.stderr)
        return 1
    if args.prefer is not None:
        result = result.prefer(args.prefer)
    with writing(args.out):
        save_map(result.map, args.out)
    stream = sys.stderr if args.format == "json" else sys.stdout  # JSON output stays pure JSON
    if conflicts:
        side = vocab.text(f"merge.side_{args.prefer}")
        print(vocab.text("merge.cli_preferred", file=args.out, side=side, count=len(conflicts)), file=stream)
    else:
        print(vocab.text("merge.cli_merged", file=args.out, count=len(result.map)), file=stream)
    return 0
