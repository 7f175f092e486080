"""Coach review notes: the ``powermap-review/1`` file kept beside a submission.

A coach's comments on a trainee's map live in their own JSON file — ``typical.json`` →
``typical.review.json`` — so the submission itself is never written. ``ReviewView``
(Jupyter) writes them; ``powermap review`` lists them on a server without Jupyter.

The file (README, "Review notes")::

    {"format": "powermap-review/1", "submission": "typical.json",
     "submission_sha256": "<hex digest of the submission when last saved>",
     "updated": "2026-05-20T09:30:00+00:00",
     "comments": [{"target": {"kind": "person", "id": "p03", "name": "王伟"},
                   "text": "Who signs?", "time": "2026-05-20T09:29:41+00:00", "reviewer": "coach-a"}]}

A comment's target is ``{"kind": "map"}``, ``{"kind": "person", "id", "name"}`` (a person
of the submission), ``{"kind": "key_person", "id", "name"}`` (someone the trainee missed),
``{"kind": "relationship", "source", "target", "type"}`` (submission ids) or
``{"kind": "key_relationship", ...}`` (key ids, a line the trainee did not draw). Unknown
keys are kept. Loading parses JSON only and checks everything, reporting every problem
with its place (:class:`~powermap_kit.errors.ReviewFormatError`).

>>> for p in review_problems({"format": "powermap-review/1", "comments": [{"target": {"kind": "line"}}]}):
...     print(p.render("en"))
comments[0].text: is required
comments[0].target.kind: "line" is not one of map, person, key_person, relationship, key_relationship
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, ClassVar

from . import vocab
from .diff import line_text
from .errors import Problem, ReviewFormatError
from .io import read_json, write_text_atomic

__all__ = ["REVIEW_FORMAT", "TARGET_KINDS", "ReviewNotes", "ReviewProblem", "describe_target", "load_review",
           "review_path", "review_problems"]

REVIEW_FORMAT = "powermap-review/1"
#: What a comment can be pinned to.
TARGET_KINDS: tuple[str, ...] = ("map", "person", "key_person", "relationship", "key_relationship")
_NEEDS = {"person": ("id",), "key_person": ("id",), "relationship": ("source", "target", "type"),
          "key_relationship": ("source", "target", "type"), "map": ()}


class ReviewProblem(Problem):
    """A problem of a review file; its message text lives in ``review.problem.*``."""

    TEXTS: ClassVar[str] = "review.problem"


def review_path(submission: str | os.PathLike) -> Path:
    """Where the comments on a submission file are kept: ``x.json`` → ``x.review.json``.

    >>> review_path("cohort/typical.json").as_posix()
    'cohort/typical.review.json'
    """
    path = Path(submission)
    stem = path.stem if path.suffix == ".json" else path.name
    return path.with_name(stem + ".review.json")


def _sha256(path: Path | None) -> str | None:
    if path is None or not path.exists():
        return None
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def review_problems(data: Any, file: str | None = None) -> list[Problem]:
    """Every problem of parsed review-file data (empty when it is a valid ``powermap-review/1``)."""
    problems: list[Problem] = []

    def typed(place: str, value: Any, kind: type, expected: str, optional: bool = True) -> bool:
        if (value is None and optional) or isinstance(value, kind):
            return True
        problems.append(Problem(place, "wrong_type", value, params={"expected": vocab.text(f"type.{expected}")},
                                file=file))
        return False

    if not typed("", data, dict, "object", optional=False):
        return problems
    fmt = data.get("format")
    if fmt != REVIEW_FORMAT:
        problems.append(ReviewProblem("format", "format" if fmt is not None else "format_missing", fmt, file=file,
                                      params={"expected": REVIEW_FORMAT}))
    for name in ("submission", "submission_sha256", "updated"):
        typed(name, data.get(name), str, "string")
    comments = data.get("comments", [])
    if not typed("comments", comments, list, "list", optional=False):
        return problems
    for i, comment in enumerate(comments):
        place = f"comments[{i}]"
        if not typed(place, comment, dict, "object", optional=False):
            continue
        if "text" not in comment:
            problems.append(Problem(f"{place}.text", "required", file=file))
        else:
            typed(f"{place}.text", comment["text"], str, "string", optional=False)
        for name in ("time", "reviewer"):
            typed(f"{place}.{name}", comment.get(name), str, "string")
        target = comment.get("target")
        if target is None:
            problems.append(Problem(f"{place}.target", "required", file=file))
        elif typed(f"{place}.target", target, dict, "object"):
            kind = target.get("kind")
            if kind not in TARGET_KINDS:
                problems.append(Problem(f"{place}.target.kind", "not_one_of", kind, allowed=TARGET_KINDS, file=file,
                                        suggestion=vocab.closest(kind, TARGET_KINDS) if isinstance(kind, str)
                                        else None))
                continue
            for name in _NEEDS[kind]:
                if name not in target:
                    problems.append(Problem(f"{place}.target.{name}", "required", file=file))
                else:
                    typed(f"{place}.target.{name}", target[name], str, "string", optional=False)
    return problems


class ReviewNotes:
    """A coach's comments on one submission, in a ``powermap-review/1`` file of their own.

    Parameters
    ----------
    path : path
        The comments file; read when it exists (see :func:`review_path`).
    submission : path, optional
        The submission file, only read to record its checksum (``stale``).
    reviewer : str, optional
        The coach's name, stored with each comment added.

    Raises
    ------
    ReviewFormatError
        The comments file exists but is not a valid review file (never started afresh
        over a coach's unreadable file: saving would erase it).
    """

    def __init__(self, path: str | os.PathLike, submission: str | os.PathLike | None = None,
                 reviewer: str | None = None) -> None:
        self.path = Path(path)
        self.submission = Path(submission) if submission is not None else None
        self.reviewer = reviewer
        self.comments: list[dict[str, Any]] = []
        self.data: dict[str, Any] = {}
        if self.path.exists():
            data, problems = read_json(self.path)
            problems = problems or review_problems(data, str(self.path))
            if problems:
                raise ReviewFormatError(problems, str(self.path))
            self.data = data
            self.comments = list(data.get("comments") or [])

    @property
    def stale(self) -> bool:
        """True when the submission file changed after the comments were last saved."""
        recorded = self.data.get("submission_sha256")
        return bool(recorded) and recorded != _sha256(self.submission)

    def add(self, target: Mapping[str, Any], text: str) -> dict[str, Any]:
        """Add a comment and save; return it. On a failed save the comment is not kept."""
        comment = {"target": dict(target), "text": text, "time": _now(), "reviewer": self.reviewer}
        self.comments.append(comment)
        try:
            self.save()
        except OSError:
            self.comments.pop()
            raise
        return comment

    def remove(self, index: int) -> dict[str, Any]:
        """Delete the comment at ``index`` and save; return it."""
        comment = self.comments.pop(index)
        self.save()
        return comment

    def save(self) -> Path:
        """Write the comments atomically (the submission is only read, to note its checksum)."""
        self.data = {**self.data, "format": REVIEW_FORMAT,
                     "submission": self.submission.name if self.submission else self.data.get("submission"),
                     "submission_sha256": _sha256(self.submission) if self.submission else
                     self.data.get("submission_sha256"),
                     "updated": _now(), "comments": self.comments}
        return write_text_atomic(self.path, json.dumps(self.data, ensure_ascii=False, indent=2) + "\n")


def load_review(submission: str | os.PathLike, path: str | os.PathLike | None = None) -> ReviewNotes:
    """The review notes of a submission file (none yet: an empty set, nothing written).

    ``submission`` may also be the ``.review.json`` file itself; ``path`` overrides where
    the notes are read from.
    """
    given = Path(submission)
    if path is None and given.name.endswith(".review.json"):
        path, sub = given, given.with_name(given.name[: -len(".review.json")] + ".json")
    else:
        sub = given
    return ReviewNotes(path if path is not None else review_path(sub), sub if sub.exists() else None)


def describe_target(target: Mapping[str, Any], names: Mapping[str, str] | None = None,
                    key_names: Mapping[str, str] | None = None, lang: str | None = None) -> str:
    """A comment's target in words: a person's name, a line, "(missing)", or "the map as a whole".

    ``names`` and ``key_names`` (id → name, of the submission and the key) give current
    names; without them the names stored in the target (else the ids) are used.

    >>> describe_target({"kind": "key_relationship", "source": "a", "target": "b", "type": "reports_to"},
    ...                 key_names={"a": "Li Na", "b": "Wang Wei"}, lang="en")
    'Li Na → Wang Wei (Reports to) (missing)'
    """
    kind = target.get("kind")
    pool = (key_names if kind in ("key_person", "key_relationship") else names) or {}
    if kind in ("person", "key_person"):
        pid = str(target.get("id"))
        text = pool.get(pid) or str(target.get("name") or pid)
    elif kind in ("relationship", "key_relationship"):
        kind_code = str(target.get("type"))
        source, other = str(target.get("source")), str(target.get("target"))
        if kind_code in vocab.RELATIONSHIP_TYPES:
            text = line_text(pool.get(source, source), pool.get(other, other), kind_code, lang)
        else:  # a type this version does not know: shown as written
            text = f"{pool.get(source, source)} → {pool.get(other, other)} ({kind_code})"
    else:
        return vocab.text("review.general", lang=lang)
    return vocab.text("review.missing", lang=lang, name=text) if kind.startswith("key_") else text
