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
	@echo "make test-fast - unit, property and widget-model tests only"
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
	@# nbgrader is tested from its command line: keep its Lab and server add-ons out of the course's JupyterLab
	@for e in formgrader validate_assignment assignment_list course_list; do \
	  $(BIN)/jupyter server extension disable --sys-prefix nbgrader.server_extensions.$$e >/dev/null 2>&1; done
	@$(BIN)/jupyter labextension disable --level=sys_prefix @jupyter/nbgrader >/dev/null 2>&1 || true
	@touch $@

lab: $(VENV)/.lab-installed
	$(BIN)/jupyter lab $(if $(filter 0,$(shell id -u)),--allow-root) notebooks/00_start_here.ipynb

test: $(VENV)/.test-installed $(CHP)
	$(BIN)/python -m pytest -q -n 2 --dist loadfile

test-fast: $(VENV)/.test-installed
	$(BIN)/python -m pytest -q -m "not browser and not hub and not nbgrader" tests powermap_kit

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
