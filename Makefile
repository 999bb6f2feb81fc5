# Two promises for a fresh machine: `make run` and `make test`.
VENV ?= .venv
PYTHON ?= python3
PY := $(VENV)/bin/python
GRACIOUS_PORT ?= 8787
export GRACIOUS_PORT
# a failing end-to-end test leaves its trace and a screenshot under test-results/ (pytest-playwright)
PYTEST_ARTIFACTS ?= --tracing retain-on-failure --screenshot only-on-failure --output test-results

.PHONY: run test test-all bench lint browser fixtures package clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

$(VENV)/.installed-bench: $(VENV)/.installed
	$(PY) -m pip install --quiet -e '.[test,bench]'
	touch $@

## run: set up and start the server (honours GRACIOUS_PORT); the guide is built first
run: $(VENV)/.installed
	$(VENV)/bin/gracious guide build
	$(VENV)/bin/gracious serve --port $(GRACIOUS_PORT)

## browser: use the system Chromium when present, else Playwright's own download
browser: $(VENV)/.installed
	@if [ -n "$$GRACIOUS_CHROMIUM" ] || [ -x /usr/bin/chromium ] || command -v chromium >/dev/null 2>&1; then \
		echo "Using system Chromium"; \
	else \
		$(PY) -m playwright install chromium; \
	fi

## fixtures: the sites' real editor libraries for the e2e pages (roosterjs, react), from the lockfile
tests/node_modules/.package-lock.json: tests/package.json tests/package-lock.json
	npm ci --prefix tests --no-audit --no-fund --loglevel=error
fixtures: tests/node_modules/.package-lock.json

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check server tests bench

## test: set up and run the whole quick suite
test: $(VENV)/.installed browser fixtures lint
	$(PY) -m pytest -q $(PYTEST_ARTIFACTS)

## test-all: every test at full length (load, fuzzing, crash runs)
test-all: $(VENV)/.installed browser fixtures lint
	GRACIOUS_FULL=1 $(PY) -m pytest -q -m "slow or not slow" --timeout 1800

bench: $(VENV)/.installed-bench browser fixtures
	$(PY) -m bench

## package: dist/ with the wheel, the sdist, the Chrome zip and the Firefox xpi (web-ext lint via npx)
package: $(VENV)/.installed
	rm -rf dist
	$(PY) -m build --outdir dist .
	$(VENV)/bin/gracious extension pack --out dist
	@if command -v npx >/dev/null 2>&1; then \
		npx --yes web-ext@8 lint --source-dir extension --self-hosted --output text; \
	else \
		echo "npx not found: install Node.js to lint the Firefox package with web-ext"; \
	fi
	@ls -l dist

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache
