"""A learner's own live deal (module 15): start from a CRM export or from scratch, keep it private, export it back.

A learner maps one of their own opportunities. The map describes real people, so it lives
in a folder of its own inside the learner's work folder, ``private/``, under a file name
that is never a learner's name (:data:`DEAL_FILE`): collection (:mod:`powermap_kit.collect`)
only ever reads ``<case>/<learner>.json`` and ``<case>/submitted/<learner>.json``, so no
``powermap collect`` reaches it, for any case name (tested). Sharing is the learner's own
act: they export the map (:func:`export_deal`) and hand the file to whom they choose.

- :func:`start_deal` — the map to work on: the saved one when there is one, else the people
  of a CRM export the learner put beside it (:data:`CRM_FILE`, any export
  :func:`powermap_kit.tabular.import_csv` reads: the plain template, Salesforce, HubSpot;
  Chinese or English headers), else an empty map;
- :func:`export_deal` — the map back to CSV in the import template, formula-safe
  (:func:`powermap_kit.sheets.csv_text` defuses cells that a spreadsheet would run).

>>> import os, tempfile
>>> os.environ["POWERMAP_WORK"] = tempfile.mkdtemp()
>>> deal = start_deal()
>>> deal.source, len(deal.map), deal.path.parent.name
('blank', 0, 'private')
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import html

from . import vocab
from .cases import Markdown
from .io import load_map
from .model import Account, PowerMap
from .tabular import export_csv, import_csv
from .workspace import work_path

__all__ = ["CRM_FILE", "DEAL_FILE", "EXPORT_FILE", "PRIVATE_DIR", "Deal", "crm_path", "deal_path", "export_deal",
           "export_message", "export_path", "start_deal"]

PRIVATE_DIR = "private"
"""The learner's private sub-folder of the work folder (never a case name the course collects)."""
DEAL_FILE = "my-deal.json"
"""The own-deal map, autosaved by the builder."""
CRM_FILE = "my-deal-crm.csv"
"""Where the learner puts their CRM export (upload it in JupyterLab's file browser)."""
EXPORT_FILE = "my-deal-export.csv"
"""Where :func:`export_deal` writes by default."""


def deal_path() -> Path:
    """The private own-deal map: ``<work>/private/my-deal.json``."""
    return work_path(f"{PRIVATE_DIR}/{DEAL_FILE}")


def crm_path() -> Path:
    """Where a CRM export is looked for: ``<work>/private/my-deal-crm.csv`` (the folder is created)."""
    path = work_path(f"{PRIVATE_DIR}/{CRM_FILE}")
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def export_path() -> Path:
    """The default CSV export: ``<work>/private/my-deal-export.csv``."""
    return work_path(f"{PRIVATE_DIR}/{EXPORT_FILE}")


@dataclass
class Deal:
    """The map to work on, where it came from and what the import had to say.

    ``source`` is ``"saved"`` (the learner's map from an earlier session), ``"crm"`` (people
    imported from :func:`crm_path`) or ``"blank"``; ``notes`` are the import's messages
    (values it could not map, rows it skipped), in the current language.
    """

    map: PowerMap
    source: str
    path: Path
    notes: list[str] = field(default_factory=list)

    def message(self, lang: str | None = None) -> Markdown:
        """Where the map came from and what the import could not place, for the learner (text escaped)."""
        file = crm_path().name if self.source == "blank" else (self.path if self.source == "saved" else crm_path()).name
        text = vocab.text(f"ourdeal.source.{self.source}", lang, people=len(self.map), file=f"`{file}`")
        if self.notes:
            text += "\n\n" + vocab.text("ourdeal.notes", lang) + "\n\n" + "\n".join(
                f"- {html.escape(note)}" for note in self.notes)
        return Markdown(text)


def start_deal(csv: str | os.PathLike | None = None, account: str | None = None) -> Deal:
    """The learner's own-deal map: the saved one, else a CRM export's people, else a blank map.

    Parameters
    ----------
    csv : path, optional
        A CRM export to import (default: :func:`crm_path`, used when it exists). Given
        explicitly, it is imported even when a saved map exists (a fresh start).
    account : str, optional
        The customer's name for a map that has none.

    Raises
    ------
    InputError
        The CSV cannot be read (its message names the file and the problem).
    """
    path = deal_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    if csv is None and path.is_file():
        return Deal(load_map(path), "saved", path)
    source = Path(csv) if csv is not None else crm_path()
    if source.is_file():
        result = import_csv(source, account=account)
        return Deal(result.map, "crm", path, result.summary())
    pm = PowerMap(account=Account.from_dict({"name": account})) if account else PowerMap()
    return Deal(pm, "blank", path)


def export_deal(pm: PowerMap, path: str | os.PathLike | None = None) -> Path:
    """Write the map's people as CSV (the import template, UTF-8 with BOM) and return the file.

    :func:`export_message` says so to the learner.

    Cells a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@`` …) are written as
    text, so an exported name or note never executes anything when opened in Excel.
    """
    target = Path(path) if path is not None else export_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    export_csv(pm, target)
    return target


def export_message(pm: PowerMap, path: str | os.PathLike | None = None, lang: str | None = None) -> Markdown:
    """Export the map (:func:`export_deal`) and say where it went, in the learner's language."""
    target = export_deal(pm, path)
    return Markdown(vocab.text("ourdeal.exported", lang, people=len(pm), file=f"`{target.name}`"))
