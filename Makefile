# Two commands: `make run` and `make test`. Everything else is a helper.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501

.PHONY: bench-sessions run edit test check test-sweep lint typecheck ingest data bench bench-app fixtures screenshots clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

# one pip run for both lists (a second run resolved everything again: seconds of make test's five minutes)
$(VENV)/.dev: requirements-dev.txt requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt -r requirements-dev.txt
	touch $(VENV)/.runtime $@

# exit 3 = written, some sources need review: not a failure of the build
data/processed/figures.parquet: | $(VENV)/.runtime
	$(BIN)/python -m ingest data/raw --out data/processed || [ $$? -eq 3 ]

## the dashboard, read-only (as the public sees it)
run: $(VENV)/.runtime data/processed/figures.parquet
	$(BIN)/streamlit run app.py --server.port $(PORT) --server.headless true

## the dashboard for one person on their own machine, who can add returns (local only)
edit: $(VENV)/.runtime data/processed/figures.parquet
	SCWC_MODE=local $(BIN)/streamlit run app.py --server.port $(PORT) --server.headless true --server.address 127.0.0.1

## rebuild data/processed from data/raw
ingest: $(VENV)/.runtime
	$(BIN)/python -m ingest data/raw --out data/processed || [ $$? -eq 3 ]

## rebuild the processed table from what is committed (the public record is an ordinary source)
data: ingest

lint: $(VENV)/.dev
	$(BIN)/ruff check .

MYPY_PATHS := core ingest editorial synthetic dashboard app.py pages tools bench
# test workers: one per core (more only add chromium and server processes fighting for the same two cores)
WORKERS ?= 2

typecheck: $(VENV)/.dev
	$(BIN)/mypy $(MYPY_PATHS)

## everything: lint, types, unit, golden, fuzzer, hostile corpus, AppTest, browser (under 5 minutes on 2 cores)
test: $(VENV)/.dev
	$(BIN)/ruff check .
	@# types checked beside the tests (mypy is one core's work for 40 s on a fresh clone); either failing fails the target
	@$(BIN)/mypy $(MYPY_PATHS) > .mypy.out 2>&1 & pid=$$!; \
	$(BIN)/python -m pytest -q -n $(WORKERS) --dist worksteal; rc=$$?; \
	wait $$pid; mrc=$$?; echo "mypy:"; cat .mypy.out; rm -f .mypy.out; \
	[ $$rc -eq 0 ] && [ $$mrc -eq 0 ]

## the quick loop: lint, types and the unit tests (no browser, no whole rebuilds), about a minute
check: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/mypy $(MYPY_PATHS)
	$(BIN)/python -m pytest -q -n 2 -m "not browser and not slow and not sweep"

## the long sweeps (every map area clicked; 600 fuzzed layouts; the quirk corpus); CI runs them after make test
test-sweep: $(VENV)/.dev
	$(BIN)/python -m pytest -q -m sweep

bench: $(VENV)/.runtime
	$(BIN)/python bench/bench_ingest.py
	@echo "real published tables: figures found with labels that tell them apart (issue 18 asks for 90%)"
	$(BIN)/python tools/measure_tables.py tests/fixtures/real-tables
	@echo "answers with the quirks real letters have: figures read right (issue 18 asks for 95%), none called ok when wrong"
	$(BIN)/python tools/measure_quirks.py 10

## PEER=DIR: also measure a checkout of elliottkte/uk-crime-analysis in the same run
bench-app: $(VENV)/.dev
	$(BIN)/python bench/bench_app.py $(if $(PEER),--peer $(PEER))

## how many readers one Streamlit process serves on one core (headless websocket clients, no browser)
bench-sessions: $(VENV)/.dev data/processed/figures.parquet
	$(BIN)/python bench/bench_sessions.py

## screenshots of every page at 1400 and 390 px into docs/screenshots (needs chromium)
screenshots: $(VENV)/.dev data/processed/figures.parquet
	$(BIN)/python tools/screenshots.py

fixtures: $(VENV)/.runtime
	$(BIN)/python tests/fixtures/make_fixtures.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
