# Two commands do everything on a fresh machine with Python 3 and make:
#   make lab   - create .venv, install, open the course in JupyterLab
#   make test  - create .venv, install with test extras, run every test
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip
LAB_SETTINGS := $(VENV)/share/jupyter/lab/settings/overrides.json
CHP    := deploy/jupyterhub/node_modules/.bin/configurable-http-proxy

.PHONY: lab test test-fast bench clean help workshop

help:
	@echo "make lab    - install and open the course in JupyterLab"
	@echo "make test   - install with test extras and run every test"
	@echo "make test-fast - unit, property and widget-model tests only (no notebooks, browser, wheel or mypy)"
	@echo "make bench  - run the benchmarks (prints figures)"
	@echo "make workshop - dry run of the workshop JupyterHub on 127.0.0.1:8000 (deploy/jupyterhub/)"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(VENV)/.lab-installed: pyproject.toml | $(BIN)/python
	$(PIP) install --quiet -e ".[lab]"
	@mkdir -p $(dir $(LAB_SETTINGS))
	@cp jupyter/overrides.json $(LAB_SETTINGS)
	@touch $@

$(VENV)/.test-installed: pyproject.toml $(VENV)/.lab-installed
	$(PIP) install --quiet -e ".[test]"
	@touch $@

lab: $(VENV)/.lab-installed
	$(BIN)/jupyter lab $(if $(filter 0,$(shell id -u)),--allow-root) notebooks/00_start_here.ipynb

test: $(VENV)/.test-installed $(CHP)
	$(BIN)/python -m pytest -q -n 2 --dist loadfile

test-fast: $(VENV)/.test-installed
	$(BIN)/python -m pytest -q -n 2 --dist loadfile -m "not browser and not slow and not hub" tests powermap_kit

bench: $(VENV)/.test-installed
	@for b in benchmarks/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

# The workshop hub (deploy/jupyterhub/README.md): JupyterHub from PyPI, its proxy from npm.
$(CHP): deploy/jupyterhub/package-lock.json
	cd deploy/jupyterhub && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

$(VENV)/.hub-installed: pyproject.toml $(VENV)/.lab-installed
	$(PIP) install --quiet -e ".[lab,hub]"
	@touch $@

workshop: $(VENV)/.hub-installed $(CHP)
	$(BIN)/jupyterhub -f deploy/jupyterhub/jupyterhub_config.py

clean:
	rm -rf $(VENV) build *.egg-info
