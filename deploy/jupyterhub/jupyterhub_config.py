"""JupyterHub configuration for a powermap-kit workshop room (local dry run and tests).

Start it with ``make workshop`` (or ``jupyterhub -f deploy/jupyterhub/jupyterhub_config.py``).
Everything listens on 127.0.0.1. Settings come from the environment, so the same file serves
the dry run, the end-to-end test and the benchmark:

POWERMAP_HUB_PORT       public port (the proxy), default 8000
POWERMAP_HUB_API_PORT   the hub's own port, default 8081 (the proxy's API uses the next one)
POWERMAP_HUB_STATE      folder for the database, cookie secret and learners' homes,
                        default ``<repo>/.workshop-hub``
POWERMAP_HUB_LEARNERS   comma-separated learner names, default learner1,learner2,learner3
POWERMAP_HUB_TRAINERS   comma-separated trainer names, default trainer
POWERMAP_HUB_PASSWORD   the dry run's shared password (8+ characters); default: a random one,
                        written to ``<state>/password.txt`` and printed at start
POWERMAP_HUB_CULL       seconds of inactivity before the idle culler stops a server,
                        default 3600 (0: no culling)

What a real room changes (see README.md here): the authenticator (per-learner credentials,
not a shared password) and the spawner (system users or containers, not one OS user).
"""

# ruff: noqa: F821  (``c`` is given by JupyterHub)
from __future__ import annotations

import os
import secrets
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
BIN = Path(sys.executable).parent          # the venv that runs the hub also runs the learners' servers


def _names(var: str, default: str) -> list[str]:
    return [n.strip() for n in os.environ.get(var, default).split(",") if n.strip()]


PORT = int(os.environ.get("POWERMAP_HUB_PORT", "8000"))
API_PORT = int(os.environ.get("POWERMAP_HUB_API_PORT", "8081"))
STATE = Path(os.environ.get("POWERMAP_HUB_STATE") or REPO / ".workshop-hub").resolve()
LEARNERS = _names("POWERMAP_HUB_LEARNERS", "learner1,learner2,learner3")
TRAINERS = _names("POWERMAP_HUB_TRAINERS", "trainer")
CULL = int(os.environ.get("POWERMAP_HUB_CULL", "3600"))
STATE.mkdir(parents=True, exist_ok=True)

# ---- addresses: everything on 127.0.0.1 ---------------------------------------------------
c.JupyterHub.bind_url = f"http://127.0.0.1:{PORT}"
c.JupyterHub.hub_bind_url = f"http://127.0.0.1:{API_PORT}"
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{API_PORT + 1}"
c.ConfigurableHTTPProxy.command = [str(HERE / "node_modules" / ".bin" / "configurable-http-proxy")]
c.ConfigurableHTTPProxy.pid_file = str(STATE / "proxy.pid")
c.JupyterHub.db_url = f"sqlite:///{STATE / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(STATE / "cookie_secret")
c.JupyterHub.pid_file = str(STATE / "jupyterhub.pid")
c.JupyterHub.cleanup_servers = True

# ---- accounts: the dry run's shared password; a real room uses per-learner credentials ------
password_file = STATE / "password.txt"
password = os.environ.get("POWERMAP_HUB_PASSWORD")
if not password:
    if not password_file.exists():
        password_file.write_text(secrets.token_urlsafe(9) + "\n")
        password_file.chmod(0o600)
    password = password_file.read_text().strip()
c.JupyterHub.authenticator_class = "shared-password"
c.SharedPasswordAuthenticator.user_password = password
c.Authenticator.allowed_users = set(LEARNERS) | set(TRAINERS)
where = "$POWERMAP_HUB_PASSWORD" if os.environ.get("POWERMAP_HUB_PASSWORD") else password_file
print(f"powermap workshop hub: http://127.0.0.1:{PORT}  learners {', '.join(LEARNERS)}; "
      f"trainers {', '.join(TRAINERS)}; password in {where}", file=sys.stderr)

# ---- groups and the trainer role (JupyterHub RBAC) ---------------------------------------
# Each learner is named in the filters: single-user servers do not resolve ``!group=``
# filters on access:servers (see design notes), so a group filter would give 403 everywhere.
# access:servers is full access to a learner's server (read AND write): trainers only.
c.JupyterHub.load_groups = {"learners": {"users": LEARNERS}, "trainers": {"users": TRAINERS}}
trainer_scopes = ["read:groups!group=learners", "read:groups!group=trainers"]
for name in LEARNERS:
    trainer_scopes += [f"{scope}!user={name}" for scope in ("list:users", "read:users", "servers", "access:servers")]
roles = [{"name": "trainer", "description": "list learners, start their servers and read their work",
          "scopes": trainer_scopes, "groups": ["trainers"]}]

# ---- learners' servers: one OS user, separate homes (the dry run; see README for a room) --
c.JupyterHub.spawner_class = "simple"
c.LocalProcessSpawner.home_dir_template = str(STATE / "home" / "{username}")
c.Spawner.cmd = [str(BIN / "jupyterhub-singleuser")]
c.Spawner.args = ["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []
# The course language of the room: POWERMAP_LANG=zh opens the Chinese course (notebooks/zh/).
COURSE_LANG = "zh" if os.environ.get("POWERMAP_LANG", "").startswith("zh") else "en"
c.Spawner.default_url = f"/lab/tree/notebooks/{COURSE_LANG}/00_start_here.ipynb"
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120
c.Spawner.environment = {
    "POWERMAP_LEARNER": lambda spawner: spawner.user.name,   # files are named after the hub account
    "POWERMAP_CASES": str(REPO / "case_studies"),
    "POWERMAP_LANG": COURSE_LANG,
}

# The course files each learner gets: copied when missing, never over the learner's own work.
COURSE = [("notebooks", "*/*.ipynb"), ("exercises", "*/*.ipynb")]   # both languages; not trainer/: trainer only


def copy_missing_course_files(spawner) -> None:
    """Before a server starts: give the learner every course file they do not have yet.

    A file the learner already has (edited or not) is left alone, so restarting a server,
    or a trainer updating the course, never overwrites anyone's work. On TLJH and
    Kubernetes nbgitpuller does the same from a git repository (README.md).
    """
    home = Path(spawner.home_dir_template.format(username=spawner.user.name))
    for folder, pattern in COURSE:
        for source in sorted((REPO / folder).glob(pattern)):
            target = home / folder / source.relative_to(REPO / folder)
            if not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, target)


c.Spawner.pre_spawn_hook = copy_missing_course_files

# ---- idle culling: stop servers idle for CULL seconds (work is autosaved, nothing is lost) --
if CULL > 0:
    c.JupyterHub.services = [{"name": "idle-culler",
                              "command": [sys.executable, "-m", "jupyterhub_idle_culler", f"--timeout={CULL}"]}]
    roles.append({"name": "idle-culler", "services": ["idle-culler"],
                  "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"]})
c.JupyterHub.load_roles = roles
