"""``powermap collect --case CASE --out DIR (--hub URL | --folder DIR) [--users a,b] [--group G] [--path P]``.

From a hub, the trainer's API token comes from ``$POWERMAP_HUB_TOKEN`` (``--token`` works too,
but a token on the command line is visible to other users of the machine). Exit code 1 when
some learner's work could not be collected (each is listed with the reason).
"""

from __future__ import annotations

import argparse
import os
import sys

from .. import vocab
from ..collect import DEFAULT_PATH, collect_folder, collect_hub
from ..errors import HubError


def add_parser(sub, common) -> None:
    p = sub.add_parser("collect", parents=[common],
                       help="collect learners' maps for a case from a JupyterHub (or a folder), with each one's status")
    p.add_argument("--case", required=True, help="the case, e.g. it-solution")
    p.add_argument("--out", required=True, metavar="DIR", help="local folder for the collected files")
    source = p.add_mutually_exclusive_group()
    source.add_argument("--hub", metavar="URL", default=os.environ.get("POWERMAP_HUB_URL"),
                        help="the hub's address (default: $POWERMAP_HUB_URL)")
    source.add_argument("--folder", metavar="DIR", help="a folder of handed-in files instead of a hub")
    p.add_argument("--token", default=None, help="trainer API token (default: $POWERMAP_HUB_TOKEN)")
    p.add_argument("--users", default=None, help="comma-separated learner names (default: every learner)")
    p.add_argument("--group", default=None, help="only members of this hub group")
    p.add_argument("--path", default=None,
                   help=f"file on each learner's server (default: {DEFAULT_PATH}; {{learner}} is the name)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    users = [u.strip() for u in args.users.split(",") if u.strip()] if args.users else None
    try:
        if args.folder:
            result = collect_folder(args.folder, args.case, args.out, users=users,
                                    **({"path": args.path} if args.path else {}))
        elif args.hub:
            token = args.token or os.environ.get("POWERMAP_HUB_TOKEN", "")
            result = collect_hub(args.hub, token, args.case, args.out, users=users, group=args.group,
                                 path=args.path or DEFAULT_PATH)
        else:
            print(vocab.text("collect.no_source"), file=sys.stderr)
            return 2
    except HubError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(result.text())
    return 1 if result.not_collected else 0
