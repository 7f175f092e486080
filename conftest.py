# Keep pytest's doctest collection away from the module that runs the CLI on import.
collect_ignore = ["powermap_kit/__main__.py", "build", ".venv"]
