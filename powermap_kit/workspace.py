"""Where learners' work is saved: maps, quiz answers, review comments.

The folder is ``$POWERMAP_WORK`` when set (a trainer can point a whole room at a shared
folder on JupyterHub), else ``~/powermap-work``. Files are named after the learner
(``$POWERMAP_LEARNER``, else the login name), so a trainer can collect the folder as is.

>>> work_path("builder.json").name
'builder.json'
"""

from __future__ import annotations

import getpass
import os
import re
from pathlib import Path

__all__ = ["learner_name", "work_folder", "work_path"]


def work_folder() -> Path:
    """The learner's work folder (created when missing)."""
    folder = Path(os.environ.get("POWERMAP_WORK") or Path.home() / "powermap-work").expanduser()
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def learner_name() -> str:
    """A file-safe name for the learner: ``$POWERMAP_LEARNER``, else the JupyterHub account
    (``$JUPYTERHUB_USER``, so a hub's files are named after the account even where every
    learner's server runs as one system user), else the login name."""
    try:
        name = os.environ.get("POWERMAP_LEARNER") or os.environ.get("JUPYTERHUB_USER") or getpass.getuser()
    except (KeyError, OSError):
        name = "learner"
    return re.sub(r"[^\w.-]+", "_", name) or "learner"


def work_path(name: str) -> Path:
    """A path inside the work folder; ``{learner}`` in the name becomes the learner's name."""
    return work_folder() / name.format(learner=learner_name())
