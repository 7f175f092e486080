"""Submission files read on the typed fast path (:mod:`powermap_kit.typed`) as grading views.

>>> view = read_view(b'{"format": "powermap/1", "stakeholders": [{"id": "a", "name": "Li", "power": 4}]}')
>>> [(p.id, p.name, p.roles, p.power) for p in view.stakeholders]
[('a', 'Li', [], 4)]
"""

from __future__ import annotations

from ..typed import available, decode_plain
from .view import MapView

__all__ = ["available", "read_view"]


def read_view(raw: bytes) -> MapView | None:
    """A :class:`MapView` of submission bytes that validation passes without a word, or None."""
    found = decode_plain(raw)
    return None if found is None else MapView.typed(*found)
