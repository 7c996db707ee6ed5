# Two commands on a fresh machine: `make run` and `make test`. `make help` lists the rest.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501
N ?= 2

.DEFAULT_GOAL := help
.PHONY: help run cluster test test-fast system-deps lint format lock etl check bundle reference fixtures messages bench load snapshot site clean

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

# Installs from the locks: every package, indirect ones too, pinned and checked by its hash.
$(BIN)/.installed: requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	touch $@

$(BIN)/.installed-dev: requirements-dev.lock $(BIN)/.installed
	$(BIN)/pip install --quiet --require-hashes -r requirements-dev.lock
	touch $@

run: $(BIN)/.installed ## Start the dashboard on the bundled data (http://localhost:8501)
	$(BIN)/python -m serve.warm http://localhost:$(PORT) &  # caches filled before the first visit
	$(BIN)/streamlit run dashboard.py --server.port $(PORT)

cluster: PORT = 8080
cluster: $(BIN)/.installed ## N Streamlit processes behind nginx, sticky sessions (N=2, http://127.0.0.1:8080)
	$(BIN)/python -m serve.cluster --processes $(N) --port $(PORT)

system-deps: ## Install the Debian packages the tests start (chromium, fonts, LibreOffice, nginx), if missing
	bash scripts/install-system-deps.sh

# The tests run in two workers and start dozens of Python processes: each reads the project's
# compiled modules from __pycache__/ (ignored by git) instead of compiling them again, even where
# the environment sets PYTHONDONTWRITEBYTECODE.
test test-fast: export PYTHONDONTWRITEBYTECODE =

test: system-deps $(BIN)/.installed-dev ## Run the whole test suite (lint, unit, app and browser tests)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest

test-fast: $(BIN)/.installed-dev ## Lint, unit and app tests on both cores: no Debian package, no apt (under 2 min)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest -n 2 --dist loadfile -m "(unit or app) and not office"

lint: $(BIN)/.installed-dev ## Check code style with ruff
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(BIN)/.installed-dev ## Format the code with ruff
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

LOCK := $(BIN)/uv pip compile --quiet --generate-hashes --python-version 3.11 --python-platform linux
lock: $(BIN)/.installed-dev ## Pin and hash every package, indirect ones too, from requirements*.txt
	$(LOCK) requirements-dev.txt -o requirements-dev.lock
	$(LOCK) requirements.txt -c requirements-dev.lock -o requirements.lock

site: $(BIN)/.installed ## Build the static public edition into public/ and public.zip (docs/publishing.md)
	$(BIN)/python -m edition build --out public --zip public.zip $(if $(wildcard static/watch/feeds),--feeds static/watch/feeds)

etl: $(BIN)/.installed ## Refresh the data from government.nl (needs internet) and validate it
	$(BIN)/python -m etl refresh
	$(BIN)/python -m etl check

check: $(BIN)/.installed ## Validate the published dataset
	$(BIN)/python -m etl check

bundle: $(BIN)/.installed ## Rebuild the shipped dataset from the transcription in data/sources/
	$(BIN)/python -m etl bundle

reference: $(BIN)/.installed-dev ## Rebuild data/reference/ and data/instruments/ from ../shared/reference
	$(BIN)/python scripts/build_reference.py
	$(BIN)/python scripts/build_instruments.py
	$(BIN)/python -m etl bundle

fixtures: $(BIN)/.installed-dev ## Regenerate the synthetic test documents in tests/fixtures/
	$(BIN)/python tests/fixtures/make_fixtures.py

messages: $(BIN)/.installed-dev ## Extract interface text into the catalogues, then compile them (after a translation)
	$(BIN)/pybabel -q extract -F babel.cfg --sort-by-file --no-wrap --omit-header \
		-k pgettext:1c,2 -k npgettext:1c,2,3 -o i18n/locale/messages.pot .
	$(BIN)/pybabel -q update -i i18n/locale/messages.pot -d i18n/locale --no-wrap \
		--no-fuzzy-matching --ignore-obsolete
	$(BIN)/pybabel -q compile -d i18n/locale --statistics

bench: $(BIN)/.installed-dev ## Benchmark pages and ETL against a naive map and the floor (bench/results.json)
	$(BIN)/python -m bench.run

load: $(BIN)/.installed-dev ## Load test: 20 browser sessions for a minute, fails on any error
	$(BIN)/python -m bench.load

snapshot: $(BIN)/.installed ## What users see (packs, pages) as text into OUT= (.snapshot/), to diff a refactor
	$(BIN)/python scripts/snapshot_outputs.py $(or $(OUT),.snapshot)

clean: ## Remove the virtual environment, caches and ETL scratch space
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis .etl-work .bench-cache test-artifacts
