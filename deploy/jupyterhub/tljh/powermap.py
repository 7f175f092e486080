"""The Littlest JupyterHub: copy to /opt/tljh/config/jupyterhub_config.d/powermap.py, then
``sudo tljh-config reload``. Not run here (no TLJH available); the same settings as the tested
dry run (../jupyterhub_config.py).

The roster is /opt/tljh/config/roster.txt: one account a line; trainers as ``trainer:<name>``.
"""

# ruff: noqa: F821  (``c`` is given by JupyterHub)
from pathlib import Path

ROSTER = Path("/opt/tljh/config/roster.txt")
lines = [line.strip() for line in ROSTER.read_text("utf-8").splitlines() if line.strip()] if ROSTER.exists() else []
trainers = [line.split(":", 1)[1].strip() for line in lines if line.startswith("trainer:")]
learners = [line for line in lines if not line.startswith("trainer:")]

# Files are named after the hub account, not the system user (TLJH's is jupyter-<name>).
c.Spawner.environment.update({"POWERMAP_LEARNER": lambda spawner: spawner.user.name})

# The trainer role names every learner: servers do not resolve !group= on access:servers.
c.JupyterHub.load_groups = {"learners": {"users": learners}, "trainers": {"users": trainers}}
scopes = ["read:groups!group=learners"] + [f"{s}!user={n}" for n in learners
                                            for s in ("list:users", "read:users", "servers", "access:servers")]
c.JupyterHub.load_roles.append({"name": "trainer", "scopes": scopes, "groups": ["trainers"]})
