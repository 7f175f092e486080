"""Who reads a check's feedback (the audience), whether a learner has submitted a case, and
finding a case's answer key.

A learner (the default audience) sees hints only until the case is submitted; a trainer sees
the key's values. ``$POWERMAP_AUDIENCE`` sets the starting value. :mod:`powermap_kit.hints`
builds the learner-safe hints these decide between.

>>> set_audience("trainer"); is_learner(), is_learner("learner")
(False, True)
>>> set_audience("learner"); get_audience()
'learner'
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .errors import CasesNotFound, InvalidValue
from .io import load_map
from .model import PowerMap

__all__ = ["AUDIENCES", "get_audience", "is_learner", "resolve_key", "set_audience", "submitted_for"]

#: Who reads feedback: a learner sees hints only; a trainer sees the key's values.
AUDIENCES = ("learner", "trainer")

_state = {"audience": os.environ.get("POWERMAP_AUDIENCE", "learner")}
if _state["audience"] not in AUDIENCES:
    _state["audience"] = "learner"


def set_audience(audience: str) -> None:
    """Set who reads the checks' feedback: ``"learner"`` (hints only) or ``"trainer"`` (full detail)."""
    if audience not in AUDIENCES:
        raise InvalidValue.not_one_of("audience", audience, AUDIENCES)
    _state["audience"] = audience


def get_audience() -> str:
    """The current audience (see :func:`set_audience`)."""
    return _state["audience"]


def is_learner(audience: str | None = None) -> bool:
    """True when feedback is for a learner (``audience``, else the current setting)."""
    audience = audience or get_audience()
    if audience not in AUDIENCES:
        raise InvalidValue.not_one_of("audience", audience, AUDIENCES)
    return audience == "learner"


def submitted_for(case: Any, learner: str | None = None) -> bool:
    """Whether the learner (default: this one) has submitted a map for the case (a frozen copy exists)."""
    from .submit import work_status
    from .workspace import learner_name, work_folder

    slug = getattr(case, "slug", case)
    return work_status(work_folder() / str(slug) / f"{learner or learner_name()}.json").status == "submitted"


def resolve_key(key: Any) -> PowerMap:
    """An answer key from a map, an :class:`~powermap_kit.grading.AnswerKey`, parsed JSON, a
    file path or a case slug (``"it-solution"``, looked up by :func:`powermap_kit.cases.case_folder`).
    """
    if isinstance(key, PowerMap):
        return key
    if isinstance(getattr(key, "map", None), PowerMap):  # a loaded AnswerKey
        return key.map
    if isinstance(key, Mapping):
        return load_map(dict(key))
    path = Path(key)
    if path.suffix == ".json" or path.exists():
        return load_map(path)
    from .cases import case_folder

    try:
        place = case_folder() / str(key) / "key.json"
    except CasesNotFound as exc:
        detail = exc.problem.params.get("places", "")
    else:
        if place.exists():
            return load_map(place)
        detail = str(place)
    raise CasesNotFound("key", "no_case", str(key), places=detail)
