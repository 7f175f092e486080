"""A map file shared by several writers: a concurrent change is never overwritten.

A :class:`MapFile` remembers the version of the file it last read or wrote (its *base*).
When it saves and the file no longer holds that version -- another tab, kernel, learner or
trainer saved it meanwhile -- the other writer's file is kept as it is, this writer's
map is saved beside it as a *conflict copy*, and :meth:`MapFile.save` returns a
:class:`Conflict` naming both files and holding the base, ready to compare
(``pk.compare``) or to merge three ways. Check and write happen under a folder lock
(:func:`~powermap_kit.atomic.folder_lock`), so no save slips in between.

>>> import tempfile, pathlib, powermap_kit as pk
>>> path = pathlib.Path(tempfile.mkdtemp()) / "map.json"
>>> mine, theirs = MapFile(path), MapFile(path)
>>> mine.save(pk.load_map({"format": "powermap/1", "stakeholders": [{"id": "a", "name": "Li"}]})) == path
True
>>> theirs.load().ids
['a']
>>> _ = mine.save(pk.load_map({"format": "powermap/1", "stakeholders": [{"id": "b", "name": "Wang"}]}))
>>> outcome = theirs.save(pk.load_map({"format": "powermap/1", "stakeholders": []}))
>>> isinstance(outcome, Conflict), pk.load_map(path).ids, pk.load_map(outcome.copy).ids
(True, ['b'], [])
"""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .atomic import folder_lock, write_bytes_atomic
from .errors import MapFormatError
from .io import _read_map_bytes, dumps, read_bytes
from .model import PowerMap
from .workspace import learner_name

__all__ = ["Conflict", "MapFile"]


@dataclass(frozen=True)
class Conflict:
    """A save that found the file changed by someone else.

    Attributes
    ----------
    path : Path
        The file, kept as the other writer left it ("theirs").
    copy : Path
        Where this writer's map was saved instead ("ours").
    base : dict or None
        The map as this writer last read or wrote ``path`` (``None``: never), the common
        ancestor for a three-way merge.
    """

    path: Path
    copy: Path
    base: dict[str, Any] | None

    def compare_code(self) -> str:
        """The Python line that shows what differs between the two versions."""
        return f"pk.compare(pk.load_map({str(self.path)!r}), pk.load_map({str(self.copy)!r}))"


def _digest(data: bytes | None) -> str | None:
    return None if data is None else hashlib.sha256(data).hexdigest()


class MapFile:
    """One writer's view of a map file: its path and the version it last read or wrote.

    Parameters
    ----------
    path : str or Path
        The map file (it need not exist yet).
    """

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        #: sha256 of the bytes last read or written (``None``: nothing yet).
        self.base_digest: str | None = None
        #: The map data last read or written, for a three-way merge (``None``: nothing yet).
        self.base: dict[str, Any] | None = None
        #: The last conflict met (``None``: none since this file was opened).
        self.conflict: Conflict | None = None

    def load(self) -> PowerMap:
        """Read the map (the file becomes this writer's base); raise :class:`MapFormatError` if bad."""
        raw, data, problems = _read_map_bytes(self.path)
        if problems:
            raise MapFormatError(problems, str(self.path))
        pm = PowerMap.from_dict(data, file=str(self.path), validate=False)
        self.base_digest, self.base = _digest(raw), pm.to_dict()
        return pm

    def changed(self) -> bool:
        """True when the file no longer holds the version this writer last read or wrote."""
        current = self._current()
        return current is not None and current != self.base_digest

    def _current(self) -> str | None:
        if not os.path.lexists(self.path):
            return None
        raw, _problems = read_bytes(self.path)
        return _digest(raw) if raw is not None else "unreadable"

    def save(self, pm: PowerMap) -> Path | Conflict:
        """Save ``pm`` unless someone else changed the file; then save a conflict copy.

        Returns the path written, or a :class:`Conflict` (the file untouched, ``pm`` in
        :attr:`Conflict.copy`; later saves go to the copy). Raises
        :class:`MapFormatError` for an invalid map and ``OSError`` when nothing could be
        written.
        """
        problems = pm.validate()
        if problems:
            raise MapFormatError(problems, str(self.path))
        data = dumps(pm).encode("utf-8")
        with folder_lock(self.path):
            current = self._current()
            if current is None or current == self.base_digest:
                write_bytes_atomic(self.path, data)
                self.base_digest, self.base = _digest(data), pm.to_dict()
                return self.path
            copy = self._conflict_path()
            write_bytes_atomic(copy, data)
        self.conflict = Conflict(self.path, copy, self.base)
        self.path, self.base_digest, self.base = copy, _digest(data), pm.to_dict()
        return self.conflict

    def _conflict_path(self) -> Path:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        stem, suffix = self.path.stem, self.path.suffix or ".json"
        for n in range(1, 1000):
            tail = "" if n == 1 else f"-{n}"
            candidate = self.path.with_name(f"{stem}.conflict-{learner_name()}-{stamp}{tail}{suffix}")
            if not os.path.lexists(candidate):
                return candidate
        raise FileExistsError(candidate)
