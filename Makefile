# Two commands do everything on a fresh machine with Python 3 and make:
#   make lab   - create .venv, install, open the course in JupyterLab
#   make test  - create .venv, install with test extras, run every test
# (make lab LANG=zh opens it in Chinese; make app runs the course as a web app in Voila)
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip
LAB_SETTINGS := $(VENV)/share/jupyter/lab/settings/overrides.json
CHP    := deploy/jupyterhub/node_modules/.bin/configurable-http-proxy
REVEAL := trainer/node_modules/reveal.js/dist/reveal.js

.PHONY: lab app test test-fast bench clean help workshop course kit

help:
	@echo "make lab    - install and open the course in JupyterLab (make lab LANG=zh: in Chinese)"
	@echo "make app    - the course as a web app in Voila (make app LANG=zh: in Chinese)"
	@echo "make test   - install with test extras and run every test"
	@echo "make test-fast - unit, property and widget-model tests only (no notebooks, browser, wheel or mypy)"
	@echo "make bench  - run the benchmarks (prints figures)"
	@echo "make course - regenerate notebooks/, exercises/ and trainer/ (en, zh) from course_src/"
	@echo "make workshop - dry run of the workshop JupyterHub on 127.0.0.1:8000 (deploy/jupyterhub/)"
	@echo "make kit    - the trainer's kit: PDF handouts in trainer/handouts, slide decks in trainer/slides"

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
	@# jupytext (which builds the course from course_src/) is a build tool here, not part of the course's JupyterLab
	@$(BIN)/jupyter labextension disable --level=sys_prefix jupyterlab-jupytext >/dev/null 2>&1 || true
	@$(BIN)/jupyter server extension disable --sys-prefix jupytext >/dev/null 2>&1 || true
	@touch $@

# The server's root is the repository, so notebooks/, exercises/ and case_studies/ are all in
# the file browser and links between them work; the browser opens the start notebook first.
START = notebooks/$(COURSE_LANG)/00_start_here.ipynb
# `make lab LANG=zh` (any LANG starting with zh): JupyterLab's menus and the toolkit in Chinese.
# LANG usually comes from the environment (C.UTF-8, en_US.UTF-8): only a zh value switches.
COURSE_LANG := $(if $(filter zh%,$(LANG)),zh,en)
LANG_ENV_zh := LANG=zh_CN.UTF-8 POWERMAP_LANG=zh
LAB_ARGS_zh := --LabApp.app_settings_dir=jupyter/settings-zh
lab: $(VENV)/.lab-installed
	$(LANG_ENV_$(COURSE_LANG)) $(BIN)/jupyter lab $(if $(filter 0,$(shell id -u)),--allow-root) \
	  --ServerApp.root_dir=. '--LabApp.default_url=/lab/tree/$(START)?file-browser-path=/' $(LAB_ARGS_$(COURSE_LANG))

# `make app` (and `make app LANG=zh`): the course as a web app in Voila, a landing page listing
# the modules first; the same kernels, environment and work folder as make lab.
APP := app/course.ipynb
app: $(VENV)/.lab-installed
	JUPYTER_PATH=jupyter $(LANG_ENV_$(COURSE_LANG)) $(BIN)/jupyter server \
	  $(if $(filter 0,$(shell id -u)),--allow-root) --config=jupyter/app_config.json \
	  --ServerApp.root_dir=. --ServerApp.default_url=/voila/render/$(APP)

# The course notebooks in both languages are generated from one bilingual source each
# (course_src/, jupytext percent scripts); never edit the generated .ipynb by hand.
course: $(VENV)/.test-installed
	$(BIN)/python course_src/build.py

# Tests and benchmarks keep bytecode (and pytest its rewritten test modules) between runs, even
# where the environment says not to write any (PYTHONDONTWRITEBYTECODE): without it every run,
# and every command a test starts, compiles everything again.
KEEP_BYTECODE := PYTHONDONTWRITEBYTECODE=

test: $(VENV)/.test-installed $(CHP) $(REVEAL)
	$(KEEP_BYTECODE) POWERMAP_EXAMPLES=1 $(BIN)/python -m pytest -q -n 2 --dist loadfile

# The quick loop: no browser, hub or nbgrader, and a quarter of each property test's examples.
POWERMAP_EXAMPLES ?= 0.25
test-fast: $(VENV)/.test-installed
	$(KEEP_BYTECODE) POWERMAP_EXAMPLES=$(POWERMAP_EXAMPLES) $(BIN)/python -m pytest -q -n 2 --dist loadfile -m "not browser and not slow and not hub and not nbgrader" tests powermap_kit

# Benchmarks run as an installed toolkit does: with bytecode.
bench: $(VENV)/.test-installed $(CHP)
	@for b in benchmarks/bench_*.py; do echo "== $$b"; $(KEEP_BYTECODE) $(BIN)/python $$b || exit 1; done

# The workshop hub (deploy/jupyterhub/README.md): JupyterHub from PyPI, its proxy from npm.
$(CHP): deploy/jupyterhub/package-lock.json
	cd deploy/jupyterhub && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

$(VENV)/.hub-installed: pyproject.toml $(VENV)/.lab-installed
	$(PIP) install --quiet -e ".[lab,hub]"
	@touch $@

workshop: $(VENV)/.hub-installed $(CHP)
	$(BIN)/jupyterhub -f deploy/jupyterhub/jupyterhub_config.py

# The trainer's kit (powermap_kit/kit): handouts printed by the system's Chromium, decks with reveal.js from npm.
$(REVEAL): trainer/package-lock.json
	cd trainer && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

$(VENV)/.kit-installed: pyproject.toml $(VENV)/.lab-installed
	$(PIP) install --quiet -e ".[lab,kit]"
	@touch $@

kit: $(VENV)/.kit-installed $(REVEAL)
	$(BIN)/powermap handouts --out trainer/handouts
	$(BIN)/powermap slides --out trainer/slides \
	  $(or $(wildcard notebooks/en/*.ipynb notebooks/zh/*.ipynb),$(wildcard notebooks/*.ipynb))

clean:
	rm -rf $(VENV) build *.egg-info
