"""Thresholds and weights of the analysis, as data (``data/analysis.json``).

Trainers override any value with a partial dict; unknown keys are rejected with the
place and the allowed keys, so a typo never silently falls back to a default.

>>> cfg = config(None)
>>> cfg["key_power"], cfg["risks"]["stale_days"]
(4, 90)
>>> config({"risks": {"stale_days": 30}})["risks"]["stale_days"]
30
>>> config({"risk": {}})
Traceback (most recent call last):
...
powermap_kit.errors.InvalidValue: config.risk: "risk" is not a setting (settings here: about, hidden, index, key_power, matrix, paths, risks, stage_requirements, status, support) (did you mean "risks"?)
"""

from __future__ import annotations

import copy
import json
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources
from typing import Any

from ..errors import InvalidValue
from ..vocab import closest

__all__ = ["config", "default_config"]

# Sections whose keys are open (a code or a stage per key), checked against the vocabulary instead.
_OPEN = {"weights", "role_weights", "levels", "type_cost", "strength_factor", "intermediary_penalty",
         "edge_weights", "stage_requirements"}


@lru_cache(maxsize=1)
def _defaults() -> dict[str, Any]:
    raw = resources.files("powermap_kit").joinpath("data/analysis.json").read_text("utf-8")
    return json.loads(raw)


def default_config() -> dict[str, Any]:
    """A fresh copy of the default thresholds and weights."""
    return copy.deepcopy(_defaults())


def config(overrides: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The defaults with ``overrides`` merged in (nested dicts merge key by key)."""
    merged = default_config()
    if overrides:
        _merge(merged, overrides, "config")
    return merged


def _merge(base: dict[str, Any], new: Mapping[str, Any], place: str) -> None:
    for key, value in new.items():
        where = f"{place}.{key}"
        if key not in base and place.rsplit(".", 1)[-1] not in _OPEN:
            raise InvalidValue(where, "unknown_setting", key, allowed=tuple(sorted(base)),
                               suggestion=closest(key, base))
        if isinstance(base.get(key), dict) and isinstance(value, Mapping):
            _merge(base[key], value, where)
        else:
            base[key] = copy.deepcopy(value)
