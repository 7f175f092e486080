"""Role-framework lenses: the labels a framework (``four_role``, ``miller_heiman`` …) gives
the people of a map, for node labels, tooltips and the legend."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .. import vocab
from ..model import Stakeholder

__all__ = ["framework", "lens_terms", "term_label"]


def framework(lens: str | None) -> dict[str, Any] | None:
    """The framework entry of a lens, ``None`` for the canonical roles; an unknown lens raises."""
    if lens in (None, "", "canonical"):
        return None
    return vocab.entry(lens, "framework")


def lens_terms(person: Stakeholder, lens: str | None = None, lang: str | None = None) -> list[str]:
    """The labels a role framework (``lens``) gives this person, in the framework's order.

    Without a lens (or ``"canonical"``) these are the person's own role labels. A term
    also matches by stance (CRM "blocker") or by the coach flag (Miller Heiman "coach").

    >>> from powermap_kit import Stakeholder
    >>> p = Stakeholder(id="a", name="A", roles=["approver"], coach=True)
    >>> lens_terms(p, "miller_heiman", lang="en")
    ['Economic buyer', 'Coach']
    """
    fw = framework(lens)
    if fw is None:
        return [vocab.label(r, "role", lang) for r in person.roles]
    found = []
    for term in fw["roles"]:
        hit = bool(set(term["roles"]) & set(person.roles))
        hit = hit or ("stance" in term and term["stance"] == person.stance)
        hit = hit or (term.get("coach") is True and person.is_coach)
        if hit:
            found.append(term_label(term, lang))
    return found


def term_label(term: Mapping[str, Any], lang: str | None = None) -> str:
    """The label of one framework term (its own, else the canonical role's)."""
    if "label" in term:
        return str(term["label"][lang or vocab.get_language()])
    return vocab.label(term["term"], "role", lang)
