"""Vendor names: who a recorded preferred vendor is, shared by the risk and conflict rules.

>>> fold_vendor("ＶＥＮＤＯＲ x") == fold_vendor("Vendor X")
True
"""

from __future__ import annotations

import unicodedata

__all__ = ["competitor_preference", "fold_vendor"]


def competitor_preference(vendor: str | None, competitors: list[str], our_names: list[str]) -> bool:
    """Whether a recorded preferred vendor is someone other than us.

    A vendor listed among the opportunity's competitors is a competitor; so is any
    vendor that is not one of ``our_names`` (case- and space-insensitive).

    >>> competitor_preference("Vendor X", ["vendor x"], ["us"])
    True
    >>> competitor_preference("我方", [], ["我方", "us"])
    False
    """
    if not vendor or not vendor.strip():
        return False
    fold = fold_vendor(vendor)
    if fold in {fold_vendor(c) for c in competitors}:
        return True
    return fold not in {fold_vendor(n) for n in our_names}


def fold_vendor(text: str) -> str:
    """Case-, width- and space-insensitive form of a vendor name ("ＶＥＮＤＯＲ x" = "Vendor X")."""
    return "".join(unicodedata.normalize("NFKC", text).casefold().split())
