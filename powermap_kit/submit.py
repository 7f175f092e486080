"""Submit a case map, and tell submitted work from drafts.

A learner's map for a case is autosaved as they work (``<work>/<case>/<learner>.json``).
Submitting is an explicit step: :func:`submit_map` stamps the map's ``meta.submitted`` with
the time (an ISO 8601 timestamp; ``meta`` is the format's place for tool data) and writes a
frozen copy to ``<work>/<case>/submitted/<learner>.json``. Later edits change the draft,
never the frozen copy, until the learner submits again. The frozen copy sits in a sub-folder
so a dashboard pointed at the case folder never counts a learner twice.

:func:`work_status` says where a learner stands: ``submitted`` (a frozen copy exists),
``drafting`` (a draft with at least one person) or ``not_started``.

>>> import tempfile, pathlib
>>> import powermap_kit as pk
>>> draft = pathlib.Path(tempfile.mkdtemp()) / "it-solution" / "li_na.json"
>>> work_status(draft).status
'not_started'
>>> pm = pk.PowerMap()
>>> _ = pm.add_stakeholder(name="Wang Wei", stance="neutral")
>>> _ = pk.save_map(pm, draft)
>>> work_status(draft).status
'drafting'
>>> frozen = submit_map(draft, now="2026-05-20T10:00:00+00:00")
>>> frozen.relative_to(draft.parent).as_posix()
'submitted/li_na.json'
>>> st = work_status(draft)
>>> st.status, st.submitted
('submitted', '2026-05-20T10:00:00+00:00')
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from . import vocab
from .errors import InvalidValue
from .io import load_map, read_json, save_map
from .model import PowerMap

__all__ = ["STATUSES", "SUBMITTED_DIR", "WorkStatus", "status_of", "submit_map", "submitted_path", "work_status"]

SUBMITTED_DIR = "submitted"
"""Sub-folder of a case folder that holds the frozen copies."""

STATUSES = ("submitted", "drafting", "not_started")
"""Where a learner stands on a case, most advanced first."""


@dataclass(frozen=True)
class WorkStatus:
    """A learner's standing on one case.

    ``status`` is one of :data:`STATUSES`; ``submitted`` the timestamp of the last
    submission (``None`` when not submitted); ``people`` the number of people in the newest
    map found (draft, else frozen copy).
    """

    status: str
    submitted: str | None = None
    people: int = 0

    def label(self, lang: str | None = None) -> str:
        """The status in words, in the current (or given) language."""
        return vocab.text(f"submit.status.{self.status}", lang=lang)


def submitted_path(draft: str | os.PathLike) -> Path:
    """Where the frozen copy of a draft goes: ``<folder>/submitted/<name>``."""
    draft = Path(draft)
    return draft.parent / SUBMITTED_DIR / draft.name


def _now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def submit_map(source: PowerMap | str | os.PathLike, path: str | os.PathLike | None = None,
               now: str | None = None, save_draft: bool = True) -> Path:
    """Mark a map submitted: stamp ``meta.submitted``, save the draft, write the frozen copy.

    Parameters
    ----------
    source : PowerMap or path
        The map (a PowerMap is stamped in place, so an editor's autosave keeps the stamp),
        or the draft's file.
    path : path, optional
        The draft's file; required when ``source`` is a PowerMap.
    now : str, optional
        The timestamp to record (default: the current UTC time, ISO 8601).
    save_draft : bool
        Also save the stamped draft. An editor that keeps the file (a MapBuilder, which
        watches for other writers) passes ``False`` and saves the stamped map itself.

    Returns
    -------
    Path
        The frozen copy written.

    Raises
    ------
    MapFormatError
        The draft cannot be read, or the map is not valid (nothing is written then).
    """
    if isinstance(source, PowerMap):
        if path is None:
            raise InvalidValue("path", "path_needed")
        pm = source
    else:
        path = Path(source) if path is None else path
        pm = load_map(source)
    pm.meta["submitted"] = now or _now()
    frozen = submitted_path(path)
    save_map(pm, frozen)
    if save_draft:
        save_map(pm, path)
    return frozen


def _peek(path: Path) -> dict[str, Any] | None:
    """The JSON object in a file, or ``None`` when missing or unreadable (never raises)."""
    if not path.is_file():
        return None
    data, problems = read_json(path)
    return data if not problems and isinstance(data, dict) else None


def status_of(draft: dict[str, Any] | None, frozen: dict[str, Any] | None) -> WorkStatus:
    """The status from a draft's and a frozen copy's JSON data (either may be ``None``).

    Used on local files (:func:`work_status`) and on files fetched from a hub alike.

    >>> status_of(None, None).status
    'not_started'
    >>> status_of({"stakeholders": []}, None).status
    'not_started'
    >>> status_of({"stakeholders": [{"id": "a", "name": "A"}]}, None).status
    'drafting'
    """
    def people(data: dict[str, Any] | None) -> int:
        found = (data or {}).get("stakeholders")
        return len(found) if isinstance(found, list) else 0

    newest = draft if draft is not None else frozen
    if frozen is not None:
        meta = frozen.get("meta")
        stamp = meta.get("submitted") if isinstance(meta, dict) else None
        return WorkStatus("submitted", str(stamp) if stamp else None, people(newest))
    if people(draft):
        return WorkStatus("drafting", None, people(draft))
    return WorkStatus("not_started")


def work_status(draft: str | os.PathLike) -> WorkStatus:
    """Where a learner stands, from their draft's path (the frozen copy is found beside it)."""
    draft = Path(draft)
    return status_of(_peek(draft), _peek(submitted_path(draft)))
