"""Collect learners' work for a case: from a JupyterHub, or from a plain folder.

On a hub, :func:`collect_hub` lists the learners with the trainer's token (JupyterHub's
REST API, ``/hub/api/users``), then reads each learner's file through their running
server's contents API (``/user/<name>/api/contents/<path>``) via the hub's proxy, with the
same token: the trainer's role (``access:servers`` on each learner) is what allows it; no
shared folder is involved and learners cannot read each other's work. For a laptop
workshop, :func:`collect_folder` does the same from a folder of handed-in files.

Either way each learner gets one :class:`Collected` row: their status (submitted,
drafting, not started, see :mod:`powermap_kit.submit`) and, when something could not be
collected, the reason (server not running, no file yet, access refused, …). Nobody is
silently skipped. The newest *submitted* copy is collected when there is one, else the
draft, as ``<out>/<learner>.json``; ``<out>/collection.csv`` lists every row. Point a
:class:`~powermap_kit.widgets.CohortDashboard` (or ``powermap score``) at ``<out>``.

This module speaks HTTP with the standard library only; it imports no Jupyter code.
"""

from __future__ import annotations

import json
import os
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from . import vocab
from .errors import HubError
from .io import write_bytes_atomic, write_text_atomic
from .sheets import csv_text
from .submit import SUBMITTED_DIR, WorkStatus, status_of

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["DEFAULT_PATH", "Collected", "Collection", "HubClient", "collect_folder", "collect_hub", "safe_name"]

DEFAULT_PATH = "powermap-work/{case}/{learner}.json"
"""Where a learner's map for a case lives on their server, relative to their home folder."""

REASONS = ("server_stopped", "no_file", "forbidden", "unreadable", "http_error")
"""Why a learner's work was not collected (text ``collect.reason.<code>``)."""

_MAX_BYTES = 20 * 1024 * 1024   # a map is kilobytes; refuse to hold anything absurd in memory
_TIMEOUT = 20.0
_PAGE = 200   # JupyterHub's largest page of users (api_page_max_limit)


def safe_name(name: str) -> str:
    """A learner name made safe as a file name (as :func:`powermap_kit.workspace.learner_name` does).

    >>> safe_name("li.na"), safe_name("a/b"), safe_name("王 伟")
    ('li.na', 'a_b', '王_伟')
    """
    return re.sub(r"[^\w.-]+", "_", name) or "learner"


@dataclass(frozen=True)
class Collected:
    """One learner's row in a collection.

    ``status`` is ``submitted``, ``drafting`` or ``not_started``; ``file`` the local copy
    (``None`` when nothing was collected, then ``reason`` says why: one of
    :data:`REASONS`); ``detail`` any extra words (an HTTP status, an error).
    """

    learner: str
    status: str
    file: str | None = None
    reason: str | None = None
    submitted: str | None = None
    people: int = 0
    detail: str = ""

    @property
    def collected(self) -> bool:
        return self.file is not None

    def reason_text(self, lang: str | None = None) -> str:
        """Why nothing was collected, in words ("" when collected)."""
        if self.reason is None:
            return ""
        text = vocab.text(f"collect.reason.{self.reason}", lang=lang)
        return f"{text} ({self.detail})" if self.detail else text


@dataclass
class Collection:
    """Every learner's row for one case, and where the files went."""

    case: str
    folder: Path
    rows: list[Collected] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def not_collected(self) -> list[Collected]:
        return [r for r in self.rows if not r.collected]

    def counts(self) -> dict[str, int]:
        """How many learners have each status."""
        return {s: sum(r.status == s for r in self.rows) for s in ("submitted", "drafting", "not_started")}

    def frame(self, lang: str | None = None) -> pd.DataFrame:
        """The rows as a table (columns: learner, status, submitted, people, file, not collected)."""
        import pandas as pd

        def col(key: str) -> str:
            return vocab.text(f"collect.column.{key}", lang=lang)

        return pd.DataFrame(
            [[r.learner, vocab.text(f"submit.status.{r.status}", lang=lang), r.submitted or "", r.people,
              Path(r.file).name if r.file else "", r.reason_text(lang)] for r in self.rows],
            columns=[col(k) for k in ("learner", "status", "submitted", "people", "file", "not_collected")])

    def summary(self, lang: str | None = None) -> str:
        """One line: how many submitted, drafting, not started, not collected."""
        return vocab.text("collect.summary", lang=lang, total=len(self.rows), missing=len(self.not_collected),
                          folder=str(self.folder), **self.counts())

    def text(self, lang: str | None = None) -> str:
        """The summary and one line per learner (what ``powermap collect`` prints)."""
        lines = [self.summary(lang)]
        for r in self.rows:
            state = vocab.text(f"submit.status.{r.status}", lang=lang)
            if r.submitted:
                state += f" {r.submitted}"
            extra = vocab.text("collect.not_collected", lang=lang, reason=r.reason_text(lang)) if r.reason else ""
            lines.append(f"  {r.learner:<20} {state}{'  ' + extra if extra else ''}")
        return "\n".join(lines)


# A fetcher reads one file of one learner: (text or None, reason code or None, detail).
Fetch = Callable[[str, str], tuple[str | None, str | None, str]]


def _frozen_path(path: str) -> str:
    p = PurePosixPath(path)
    return str(p.parent / SUBMITTED_DIR / p.name)


def _loads(text: str | None) -> dict[str, Any] | None:
    if text is None:
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def _collect_one(fetch: Fetch, learner: str, path: str, out: Path) -> Collected:
    frozen_text, _, _ = fetch(learner, _frozen_path(path))
    draft_text, reason, detail = (None, None, "")
    if frozen_text is None:
        draft_text, reason, detail = fetch(learner, path)
    if reason == "server_stopped" or (frozen_text is None and draft_text is None):
        return Collected(learner, "not_started", reason=reason or "no_file", detail=detail)
    st = status_of(_loads(draft_text), _loads(frozen_text))
    if frozen_text is None and _loads(draft_text) is None and (draft_text or "").strip():
        st = WorkStatus("drafting")     # not a map (e.g. a quiz's answers.jsonl): some work is there
    target = out / ((safe_name(learner).lstrip(".") or "learner") + (PurePosixPath(path).suffix or ".json"))
    write_text_atomic(target, frozen_text if frozen_text is not None else draft_text or "")
    return Collected(learner, st.status, str(target), submitted=st.submitted, people=st.people)


def _collect(fetch: Fetch, learners: Iterable[str], case: str, out: str | os.PathLike, path: str,
             file_name: Callable[[str], str] = safe_name, workers: int = 8) -> Collection:
    start = time.perf_counter()
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    path = path.format(case=case, learner="{learner}")
    names = sorted(set(learners))
    with ThreadPoolExecutor(max_workers=max(1, min(workers, len(names) or 1))) as pool:
        rows = list(pool.map(lambda n: _collect_one(fetch, n, path.format(learner=file_name(n)), folder), names))
    result = Collection(case, folder, rows, time.perf_counter() - start)
    table = [[r.learner, r.status, r.submitted or "", r.people, Path(r.file).name if r.file else "",
              r.reason or "", r.detail] for r in rows]
    header = ["learner", "status", "submitted", "people", "file", "not_collected", "detail"]
    write_bytes_atomic(folder / "collection.csv", csv_text(table, header).encode("utf-8"))
    return result


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None   # a stopped server answers with a redirect to the hub: report it, do not follow


class HubClient:
    """A trainer's view of a JupyterHub through its REST API.

    Parameters
    ----------
    url : str
        The hub's public address (the proxy), e.g. ``http://127.0.0.1:8000``.
    token : str
        An API token of a user whose role grants ``list:users``, ``read:users``,
        ``read:servers`` and ``access:servers`` on the learners.
    """

    def __init__(self, url: str, token: str, timeout: float = _TIMEOUT) -> None:
        if not token:
            raise HubError(url, "no_token")
        self.url = url.rstrip("/")
        parts = urllib.parse.urlsplit(self.url)
        self.origin = f"{parts.scheme}://{parts.netloc}"
        self._token = token
        self.timeout = timeout
        self._opener = urllib.request.build_opener(_NoRedirect())

    def request(self, url: str) -> tuple[int, bytes]:
        """GET ``url`` with the token; return (status, body). Redirects are not followed."""
        req = urllib.request.Request(url, headers={"Authorization": f"token {self._token}",
                                                   "Accept": "application/json"})
        try:
            with self._opener.open(req, timeout=self.timeout) as resp:
                return resp.status, resp.read(_MAX_BYTES + 1)
        except urllib.error.HTTPError as exc:
            return exc.code, b""
        except (urllib.error.URLError, OSError) as exc:
            raise HubError(url, "unreachable", detail=str(getattr(exc, "reason", exc))) from None

    def api(self, endpoint: str) -> Any:
        """GET a hub API endpoint (``users``, ``user``, ``groups/x``) as JSON; errors raise HubError."""
        url = f"{self.url}/hub/api/{endpoint}"
        status, body = self.request(url)
        if status != 200:
            raise HubError(url, "refused" if status in (401, 403) else "http", detail=str(status))
        return json.loads(body)

    def users(self, group: str | None = None) -> list[dict[str, Any]]:
        """The user models the token may list (only a group's members when ``group`` is given)."""
        models: list[dict[str, Any]] = []
        while True:   # the hub pages its answer (50 users a page by default): ask until a page is empty
            page = self.api(f"users?offset={len(models)}&limit={_PAGE}")
            models += page
            if not page:
                break
        if group is not None:
            members = set(self.api(f"groups/{urllib.parse.quote(group)}").get("users", []))
            models = [m for m in models if m.get("name") in members]
        return models

    def server_url(self, model: dict[str, Any]) -> str | None:
        """The address of a user's running default server, or ``None`` when it is not ready."""
        server = (model.get("servers") or {}).get("")
        if not server or not server.get("ready") or not server.get("url"):
            return None
        return self.origin + server["url"]

    def read_file(self, server: str, path: str) -> tuple[str | None, str | None, str]:
        """A file's text from a running server's contents API: (text, None, "") or (None, reason, detail)."""
        url = f"{server.rstrip('/')}/api/contents/{urllib.parse.quote(path)}?type=file&format=text&content=1"
        status, body = self.request(url)
        if status == 200 and len(body) <= _MAX_BYTES:
            try:
                return str(json.loads(body)["content"]), None, ""
            except (ValueError, KeyError, TypeError):
                return None, "unreadable", ""
        if 300 <= status < 400:
            return None, "server_stopped", str(status)
        if status == 404:
            return None, "no_file", ""
        if status in (401, 403):
            return None, "forbidden", str(status)
        return None, "http_error", str(status)


def collect_hub(url: str, token: str, case: str, out: str | os.PathLike, users: Iterable[str] | None = None,
                group: str | None = None, path: str = DEFAULT_PATH) -> Collection:
    """Collect every learner's file for ``case`` from their running servers on a JupyterHub.

    Parameters
    ----------
    url, token : str
        The hub's public address and the trainer's API token (see :class:`HubClient`).
    case : str
        The case's name, e.g. ``"it-solution"`` (fills ``{case}`` in ``path``).
    out : path
        The local folder the files go to (created when missing).
    users : list of str, optional
        Collect these learners only; by default every user the token lists except its owner
        (and only the members of ``group`` when given).
    path : str
        Where each learner's file lives on their server; ``{learner}`` is their name.

    Returns
    -------
    Collection
        One row per learner; those not collected carry the reason (their server is not
        running, there is no file yet, …).

    Raises
    ------
    HubError
        The hub cannot be reached, or refuses the token.
    """
    client = HubClient(url, token)
    me = client.api("user").get("name")
    models = {m["name"]: m for m in client.users(group) if m.get("name") and m.get("name") != me}
    names = list(users) if users is not None else list(models)

    def fetch(learner: str, rel: str) -> tuple[str | None, str | None, str]:
        model = models.get(learner)
        server = client.server_url(model) if model else None
        if server is None:
            return None, "server_stopped", "" if model else "unknown user"
        return client.read_file(server, rel)

    return _collect(fetch, names, case, out, path)


def collect_folder(source: str | os.PathLike, case: str, out: str | os.PathLike,
                   users: Iterable[str] | None = None, path: str = "{learner}.json") -> Collection:
    """The same from a plain folder (laptop workshops): learners' files handed in to ``source``.

    ``source`` holds ``<learner>.json`` drafts and ``submitted/<learner>.json`` frozen copies
    (a case folder of a shared work folder, or files copied in from each laptop); when it
    has a sub-folder named after the case, that is used. Learners are those with a file,
    plus any named in ``users`` (listed as "no file" when theirs is missing).
    """
    root = Path(source)
    if (root / case).is_dir():
        root = root / case
    found = {p.stem for p in root.glob("*.json")} | {p.stem for p in (root / SUBMITTED_DIR).glob("*.json")}
    found = {n for n in found if not n.endswith(".review") and n != "collection"}

    def fetch(learner: str, rel: str) -> tuple[str | None, str | None, str]:
        file = root / rel
        if not file.is_file():
            return None, "no_file", ""
        try:
            return file.read_text(encoding="utf-8-sig"), None, ""
        except (OSError, UnicodeDecodeError) as exc:
            return None, "unreadable", str(exc)

    return _collect(fetch, found | set(users or ()), case, out, path, file_name=str)
