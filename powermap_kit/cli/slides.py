"""``powermap slides [NOTEBOOK ...] [--out DIR]``: a reveal.js deck per module (:mod:`powermap_kit.kit.slides`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .. import vocab


def add_parser(sub, common) -> None:
    p = sub.add_parser("slides", parents=[common],
                       help="slide decks from the notebooks' teaching cells, with a local reveal.js (offline)")
    p.add_argument("notebooks", nargs="*", metavar="NOTEBOOK",
                   help="notebooks (default: notebooks/en/*.ipynb and notebooks/zh/*.ipynb)")
    p.add_argument("--out", metavar="DIR", default="slides", help="folder for <lang>/<notebook>.html and reveal/")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..errors import PowerMapError
    from ..kit.slides import build_slides

    notebooks = args.notebooks or sorted(p for lang in vocab.LANGUAGES for p in Path("notebooks", lang).glob("*.ipynb"))
    if not notebooks:
        print(vocab.text("kit.error.no_notebooks"), file=sys.stderr)
        return 1
    try:
        written = build_slides(notebooks, args.out, args.lang)
    except PowerMapError as exc:
        print(f"powermap: {exc}", file=sys.stderr)
        return 1
    for path in written:
        print(vocab.text("cli.written", file=str(path)))
    return 0
