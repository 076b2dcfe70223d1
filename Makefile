# Casefile: `make run` serves web, worker, webhook worker and dispatcher on http://127.0.0.1:8000, `make test` runs the suite.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LOCK := requirements.lock
export CASEFILE_DEBUG ?= true

.PHONY: run test test-browser check lint imports types types-baseline format bench migrations install lock clean

# Every package, transitive ones and the dev extras included, comes pinned with its hashes from
# $(LOCK); the project itself is installed on top without resolving anything again.
$(STAMP): $(LOCK) pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --require-hashes -r $(LOCK)
	$(BIN)/pip install --quiet --no-deps -e .
	@touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py setup_schedules
	$(BIN)/python manage.py bootstrap
	@echo ""
	@echo "Casefile is running on http://127.0.0.1:8000  (API docs: /api/docs/, admin: /admin/)"
	@echo "Press Ctrl-C once to stop the web server, the workers and the webhook dispatcher."
	@trap 'trap - INT TERM EXIT; kill 0' INT TERM EXIT; \
	$(BIN)/python manage.py worker & \
	Q_CLUSTER_NAME=webhooks $(BIN)/python manage.py worker & \
	$(BIN)/python manage.py webhooks_dispatcher & \
	$(BIN)/uvicorn config.asgi:application --host 127.0.0.1 --port 8000 --log-level warning & \
	wait

# The suite runs in random order (pytest-randomly), so a test that leans on another's leftovers
# fails somewhere instead of passing by luck; the seed is printed first. `make test SEED=N`
# repeats that order; `make test SEED=off` runs in file order (-p no:randomly) while debugging.
ifndef SEED
SEED := $(shell od -An -N4 -tu4 /dev/urandom | tr -d ' ')
endif
ORDER = $(if $(filter off,$(SEED)),-p no:randomly,-p randomly --randomly-seed=$(SEED))
# Bytecode is cached under var/pycache even where the environment sets PYTHONDONTWRITEBYTECODE
# (every xdist worker would compile the project and the tests from source again); worksteal
# lets an idle worker take queued tests from a busy one, so one slow module at the end does not
# leave a core idle. One worker more than the machine has cores: about a third of the suite's
# test time waits on subprocesses, servers and deadlines, not the CPU (2 cores, seed 7, three
# workers against two: SQLite 74 s against 78-84 s, PostgreSQL 138 s against 159 s;
# `make test TEST_WORKERS=N` to choose). The browser folder is not even imported (Playwright and
# its modules cost each worker about 3 s of collection); every test in it is a browser test
# (tests/test_suite_layout.py), run by `make test-browser`.
TEST_WORKERS ?= $(shell echo $$(( $$(nproc 2>/dev/null || echo 1) + 1 )))
test: $(STAMP)
	@echo "make test: $(if $(filter off,$(SEED)),file order,random order, seed $(SEED) (repeat: make test SEED=$(SEED)))"
	PYTHONDONTWRITEBYTECODE= PYTHONPYCACHEPREFIX=$(CURDIR)/var/pycache \
	  $(BIN)/pytest -m "not browser" --ignore=tests/browser -n $(TEST_WORKERS) --dist worksteal -q $(ORDER)

# One browser, one live server, in file order (see README "Development").
test-browser: $(STAMP)
	$(BIN)/pytest -m browser -q -p no:xdist -p no:randomly

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Imports flow one way (contracts in pyproject.toml, [tool.importlinter]; layers in the README).
imports: $(STAMP)
	$(BIN)/lint-imports --cache-dir var/import_linter_cache

# mypy (config in pyproject.toml) may report only what mypy-baseline.txt lists, without line
# numbers: a new error fails, and so does a listed one that is gone (the baseline only shrinks).
TYPES_OUT := var/mypy.txt
types: $(STAMP)
	@mkdir -p var; $(BIN)/mypy > $(TYPES_OUT); status=$$?; \
	if [ $$status -gt 1 ]; then cat $(TYPES_OUT); exit $$status; fi; \
	$(BIN)/mypy-baseline filter < $(TYPES_OUT) || { \
	  echo "make types: fix the new errors above; if it lists fixed ones, run \`make types-baseline\` and commit mypy-baseline.txt"; \
	  exit 1; }

# Rewrites mypy-baseline.txt after errors were fixed; refuses while mypy reports any new one.
types-baseline: $(STAMP)
	@mkdir -p var; $(BIN)/mypy > $(TYPES_OUT); status=$$?; \
	if [ $$status -gt 1 ]; then cat $(TYPES_OUT); exit $$status; fi; \
	$(BIN)/mypy-baseline filter --allow-unsynced --hide-stats < $(TYPES_OUT) || { \
	  echo "make types-baseline: the errors above are new; fix them, the baseline only shrinks"; \
	  exit 1; }; \
	$(BIN)/mypy-baseline sync < $(TYPES_OUT)

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

migrations: $(STAMP)
	$(BIN)/python manage.py makemigrations --check --dry-run

check: lint imports types migrations test

bench: $(STAMP)
	$(BIN)/python -m bench

# Upgrading is deliberate: re-resolve pyproject.toml's ranges to the newest releases, then run
# `make test bench` and commit pyproject.toml, $(LOCK) and bench/RESULTS.md together.
# `make lock LOCK_UPGRADE=` only adds what pyproject.toml gained, keeping every other pin.
LOCK_UPGRADE ?= --upgrade
lock: $(STAMP)
	$(BIN)/uv pip compile pyproject.toml --extra dev --generate-hashes $(LOCK_UPGRADE) \
	  --python-version 3.11 --python-platform x86_64-manylinux_2_28 \
	  --custom-compile-command "make lock" -o $(LOCK)

clean:
	rm -rf $(VENV) var
