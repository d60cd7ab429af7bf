# The hub's commands. `make serve` and `make test` are the two README commands:
# each creates the virtual environment and installs the pinned dependencies itself.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

# Running as root on a fresh machine needs no sudo; otherwise use it if present.
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

.PHONY: serve build test check freeze clean system-deps lighthouse job-description

## serve: build the hub and serve it at http://127.0.0.1:8000 with live reload
serve: $(VENV)/.build-deps
	NO_MKDOCS_2_WARNING=1 $(PY) -m mkdocs serve --livereload --dev-addr $(HOST):$(PORT)

## build: build the hub into site/ (strict: any warning stops the build)
build: $(VENV)/.build-deps
	NO_MKDOCS_2_WARNING=1 $(PY) -m mkdocs build --strict --clean

## test: run every test (unit, end-to-end, browser)
test: $(VENV)/.test-deps system-deps
	NO_MKDOCS_2_WARNING=1 $(PY) -m pytest

## lighthouse: Lighthouse scores of five pages, mobile and desktop, into BENCHMARKS.md (a benchmark, not a test; needs npm)
lighthouse: $(VENV)/.build-deps system-deps
	$(PY) scripts/lighthouse.py --write BENCHMARKS.md

# Debian's venv module, Chromium, poppler-utils (pdftotext) and a Java runtime (the Nu HTML
# validator) are the system packages the hub needs.
system-deps:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium for the browser tests"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium; }
	@command -v pdftotext >/dev/null 2>&1 || { \
	  echo "Installing Debian's poppler-utils (pdftotext) to read the job description PDF back"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq poppler-utils; }
	@command -v java >/dev/null 2>&1 || { \
	  echo "Installing Debian's default-jre-headless (Java) for the Nu HTML validator"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq default-jre-headless; }

$(VENV)/bin/python:
	@$(PYTHON) -m venv $(VENV) 2>/dev/null || { \
	  echo "Installing Debian's python3-venv"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq python3-venv && \
	  rm -rf $(VENV) && $(PYTHON) -m venv $(VENV); }

$(VENV)/.build-deps: requirements.txt $(VENV)/bin/python
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

$(VENV)/.test-deps: requirements-test.txt $(VENV)/.build-deps
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	@touch $@

## job-description: write an adapted job description, for example
##   make job-description ARGS='--employer "Severn Vale PCN" --closing-date 2027-01-31'
job-description: $(VENV)/.build-deps
	$(PY) -m macros.jobdesc_adapt $(ARGS)

## freeze: re-pin requirements after changing a dependency on purpose
freeze: $(VENV)/.test-deps
	@echo "Edit requirements*.txt by hand; this prints the installed set to compare:"
	$(PY) -m pip freeze

clean:
	rm -rf site .pytest_cache .test-artifacts
