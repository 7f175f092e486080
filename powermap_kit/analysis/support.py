"""Support quantification (seed 003, unit 3: 客户支持度的量化和评估).

Seed 003 rates support on five dimensions and reads it at four levels. Our formula
(documented, weights configurable in ``data/analysis.json`` → ``support``):

* Each dimension is recorded 1–5. ``influence`` says how much a person's view weighs,
  not which way it points, so by default it has weight 0 here; it is the second axis of
  the power matrix (power × influence, :mod:`.matrix`), and the support index weighs
  people by power.
* **Support score** = the weighted mean of the recorded dimensions with a positive
  weight (default solution fit 3, trust 3, cooperation 2, contact frequency 1),
  rescaled from 1–5 to 0–100: ``score = (mean − 1) / 4 × 100``.
* Fewer than ``min_dimensions`` (default 2) such dimensions recorded → the score is
  *unknown* (``None``): an information gap, never 0.
* **Level**: below 30 oppose, 30–54.9 neutral, 55–79.9 support, 80 and above champion
  (``support.levels``). All 3s give 50 (neutral); all 4s give 75 (support).

The stance the analysis uses for a person is the recorded stance; when none is recorded,
the level derived from the dimensions; otherwise unknown. A **consistency** finding is
raised when a recorded stance and the dimensions disagree by ``consistency_gap`` levels
or more, or when a supportive stance sits on a dimension at 1 (a "champion" with trust 1
must be verified — 003, verify before you rely on it).

>>> from powermap_kit import Stakeholder
>>> p = Stakeholder(id="a", name="A", support={"solution_fit": 4, "trust": 4, "cooperation": 3})
>>> support_score(p)
68.75
>>> support_level(68.75)
'support'
>>> support_score(Stakeholder(id="b", name="B")) is None
True
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .. import vocab
from .settings import config as _config
from .findings import Label, Labels, Msg, Risk

if TYPE_CHECKING:
    from ..model import PowerMap, Stakeholder

__all__ = [
    "SUPPORTIVE",
    "consistency_findings",
    "effective_stance",
    "score_with",
    "stance_level",
    "support_explanation",
    "support_level",
    "support_score",
    "support_scores",
]

SUPPORTIVE = frozenset({"support", "champion"})


def _support_cfg(cfg: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return (cfg or _config())["support"]


def _weights(cfg: Mapping[str, Any] | None) -> dict[str, float]:
    return {d: float(w) for d, w in _support_cfg(cfg)["weights"].items() if float(w) > 0}


def support_score(person: Stakeholder, cfg: Mapping[str, Any] | None = None) -> float | None:
    """The 0–100 support score of one person, or ``None`` when too few dimensions are recorded."""
    return score_with(person, _weights(cfg), int(_support_cfg(cfg)["min_dimensions"]))


def score_with(person: Stakeholder, weights: Mapping[str, float], min_dimensions: int) -> float | None:
    """:func:`support_score` with the weights already read from the configuration."""
    recorded = {d: v for d, v in person.support.items() if d in weights and v is not None}
    if len(recorded) < min_dimensions or not recorded:
        return None
    total = sum(weights[d] for d in recorded)
    mean = sum(weights[d] * v for d, v in recorded.items()) / total
    return round((mean - 1) / 4 * 100, 2)


def support_level(score: float | None, cfg: Mapping[str, Any] | None = None) -> str | None:
    """The stance level (oppose, neutral, support, champion) a score falls in; ``None`` for ``None``."""
    if score is None:
        return None
    cuts = _support_cfg(cfg)["levels"]
    if score >= cuts["champion"]:
        return "champion"
    if score >= cuts["support"]:
        return "support"
    if score >= cuts["neutral"]:
        return "neutral"
    return "oppose"


def stance_level(stance: str | None) -> int | None:
    """The order of a stance (oppose 1 … champion 4); ``None`` for unknown.

    >>> stance_level("champion"), stance_level("unknown")
    (4, None)
    """
    if not stance or stance == "unknown":
        return None
    return vocab.entry(stance, "stance")["level"]


def effective_stance(person: Stakeholder, cfg: Mapping[str, Any] | None = None) -> tuple[str | None, str | None]:
    """``(stance, basis)``: the recorded stance (basis ``"recorded"``), else the level from
    the dimensions (basis ``"dimensions"``), else ``(None, None)`` — unknown."""
    if person.stance and person.stance != "unknown":
        return person.stance, "recorded"
    level = support_level(support_score(person, cfg), cfg)
    if level is not None:
        return level, "dimensions"
    return None, None


def support_scores(pm: PowerMap, config: Mapping[str, Any] | None = None) -> dict[str, float | None]:
    """Support score per person id (``None`` where unknown), networkx style.

    >>> from powermap_kit import PowerMap
    >>> pm = PowerMap()
    >>> _ = pm.add_stakeholder(id="a", name="A", support={"trust": 5, "solution_fit": 5})
    >>> _ = pm.add_stakeholder(id="b", name="B")
    >>> support_scores(pm)
    {'a': 100.0, 'b': None}
    """
    cfg = _config(config)
    return {p.id: support_score(p, cfg) for p in pm.stakeholders}


def support_explanation(person: Stakeholder, cfg: Mapping[str, Any] | None = None) -> Msg:
    """How a person's score was reached, in words (which dimensions, the mean, the level)."""
    weights = _weights(cfg)
    recorded = {d: v for d, v in person.support.items() if d in weights and v is not None}
    score = support_score(person, cfg)
    if score is None and not recorded:
        return Msg("analysis.support.none")
    if score is None:
        missing = tuple(d for d in weights if d not in recorded)
        return Msg("analysis.support.too_few", {
            "count": len(recorded), "needed": int(_support_cfg(cfg)["min_dimensions"]),
            "missing": Labels(missing, "support_dimension")})
    mean = score / 100 * 4 + 1
    return Msg("analysis.level.explain", {"mean": mean, "score": score,
                                          "level": Label(support_level(score, cfg) or "unknown", "stance")})


def consistency_findings(pm: PowerMap, config: Mapping[str, Any] | None = None, *,
                         scores: Mapping[str, float | None] | None = None) -> list[Risk]:
    """Risks ``stance_inconsistent``: recorded stance and dimension scores disagree.

    Fires when the levels differ by ``support.consistency_gap`` or more (e.g. champion
    recorded, dimensions say neutral), or when the stance is supportive yet one of
    ``support.weak_dimensions_checked`` is at ``support.weak_dimension`` or below
    (e.g. champion with trust 1). Seed 003: a supporter's backing has to be verified.
    ``scores`` (id → score) may be passed when already computed.
    """
    cfg = _config(config)
    scfg = cfg["support"]
    out: list[Risk] = []
    for person in pm.stakeholders:
        recorded = person.stance if person.stance and person.stance != "unknown" else None
        if recorded is None:
            continue
        score = scores[person.id] if scores is not None else support_score(person, cfg)
        if score is None:
            continue
        derived = support_level(score, cfg)
        gap = abs((stance_level(recorded) or 0) - (stance_level(derived) or 0))
        weak = [d for d in scfg["weak_dimensions_checked"]
                if recorded in SUPPORTIVE and person.support.get(d) is not None
                and person.support[d] <= scfg["weak_dimension"]]
        if gap < scfg["consistency_gap"] and not weak:
            continue
        params = {"name": person.name, "stance": Label(recorded, "stance"), "score": score,
                  "level": Label(derived or "unknown", "stance")}
        if weak:
            key = "analysis.risk.stance_inconsistent.weak"
            params["dims"] = Labels(tuple(weak), "support_dimension")
            params["value"] = min(person.support[d] for d in weak)
        else:
            key = "analysis.risk.stance_inconsistent.message"
        severity = "high" if recorded in SUPPORTIVE and (weak or derived in ("oppose", "neutral")) else "medium"
        out.append(Risk("stance_inconsistent", severity, (person.id,), Msg(key, params),
                        Msg("analysis.risk.stance_inconsistent.action", {"name": person.name})))
    return out
