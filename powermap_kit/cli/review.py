"""``powermap review SUBMISSION...|FOLDER``: list a coach's comments on submissions.

The comments are the ``powermap-review/1`` files ``ReviewView`` saves beside each
submission (``typical.json`` → ``typical.review.json``; :mod:`powermap_kit.review`). A
submission without one is listed as having no comments. Exit codes: 0 when every notes
file could be read, 1 when any could not (each problem is printed; the others are still
listed), 2 on bad usage.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from .. import vocab

__all__ = ["add_parser", "run"]


def add_parser(sub, common) -> None:
    p = sub.add_parser("review", parents=[common], help="list a coach's comments on submissions",
                       description="List the comments a coach pinned to trainee maps (the .review.json file "
                                   "beside each submission), with what each is about.")
    p.add_argument("submissions", nargs="+", metavar="SUBMISSION",
                   help="submission files (or their .review.json files) or folders of them")
    p.add_argument("--key", metavar="KEY", help="the answer key, to name the people a trainee missed")
    p.add_argument("--format", choices=("text", "json"), default="text", help="output format (default text)")
    p.set_defaults(run=run)


def _key_names(path: str | None) -> dict[str, str]:
    if not path:
        return {}
    from ..grading.key import load_key

    key = load_key(path)
    return {p.id: key.display_name(p.id) for p in key.map.stakeholders}


def _names(submission: Path) -> dict[str, str]:
    """The submission's current names (none when it is gone or invalid: the stored ones are used)."""
    from ..errors import MapFormatError
    from ..io import load_map

    try:
        return {p.id: p.name for p in load_map(submission).stakeholders}
    except (MapFormatError, OSError):
        return {}


def _entry(submission: Path, key_names: dict[str, str]) -> dict[str, Any]:
    from ..errors import ReviewFormatError
    from ..review import describe_target, load_review

    try:
        notes = load_review(submission)
    except ReviewFormatError as exc:
        return {"submission": str(submission), "notes": exc.path, "error": str(exc),
                "problems": [p.to_dict() for p in exc.problems]}
    names = _names(notes.submission) if notes.submission is not None else {}
    comments = [{"target": c.get("target"), "about": describe_target(c.get("target") or {}, names, key_names),
                 "text": c.get("text"), "reviewer": c.get("reviewer"), "time": c.get("time")}
                for c in notes.comments]
    return {"submission": str(notes.submission or submission), "notes": str(notes.path),
            "exists": notes.path.exists(), "stale": notes.stale, "comments": comments}


def _text(entry: dict[str, Any]) -> list[str]:
    name = Path(entry["submission"]).name
    if "error" in entry:
        return [entry["error"]]
    if not entry["exists"]:
        return [vocab.text("review.cli.none", submission=name, file=Path(entry["notes"]).name)]
    lines = [vocab.text("review.cli.heading", submission=name, count=len(entry["comments"]),
                        file=Path(entry["notes"]).name)]
    if entry["stale"]:
        lines.append(vocab.text("review.cli.stale"))
    unknown = vocab.text("review.cli.unknown")
    for c in entry["comments"]:
        by = vocab.text("review.cli.by", reviewer=c["reviewer"] or unknown, time=c["time"] or unknown)
        lines.append(vocab.text("review.cli.comment", about=c["about"], text=c["text"], by=by))
    return lines


def run(args: argparse.Namespace) -> int:
    from ..errors import MapFormatError

    try:
        key_names = _key_names(args.key)
    except MapFormatError as exc:
        print(f"powermap review: {exc}", file=sys.stderr)
        return 2
    from ..grading.cohort import submission_files

    entries = [_entry(Path(path), key_names) for path in submission_files(args.submissions, args.key)]
    if args.format == "json":
        print(json.dumps(entries, ensure_ascii=False, indent=2))
    else:
        for entry in entries:
            print("\n".join(_text(entry)), file=sys.stderr if "error" in entry else sys.stdout)
    return 1 if any("error" in e for e in entries) else 0
