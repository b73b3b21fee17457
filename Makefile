# The two set-up commands are `make demo` and `make test`; both install into .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: install demo test fuzz bench harden typecheck docs train clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade 'pip>=25.1'
	$(BIN)/pip install --quiet -e '.[web]' --group dev
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/treatywatch demo treatywatch-demo.db

test: $(STAMP)
	$(BIN)/mypy
	$(BIN)/pytest -q

# Hypothesis-drawn malformed inputs of every format through ingest, under a 4 GiB address-space
# limit (a short pass of the same test runs in `make test`).
FUZZ_EXAMPLES ?= 500
fuzz: $(STAMP)
	TREATYWATCH_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/python -c "import resource, sys, pytest; \
	resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30)); \
	sys.exit(pytest.main(['-q', '-p', 'no:cacheprovider', 'tests/test_fuzz.py']))"

# The hardening figures (issue 13): a batch of malformed inputs, hostile inputs, kills and concurrency.
harden: $(STAMP)
	$(BIN)/python benchmarks/harden_batch.py 1200
	$(BIN)/python benchmarks/harden_limits.py
	$(BIN)/python benchmarks/harden_kill.py 50 20

# Issue 12's figures in one run: start-up and status times, gated ingest with 1 and 2 workers (the
# ungated rate on the first 500 articles of the same corpus), a 100,000-article backfill through a
# LocalCluster of 2 workers.  About 15 minutes on 2 cores.
BENCH_UNGATED ?= 500
bench: $(STAMP)
	$(BIN)/python benchmarks/bench_startup.py 20
	$(BIN)/python benchmarks/bench_ingest.py --ungated-limit $(BENCH_UNGATED)
	$(BIN)/python benchmarks/bench_backfill.py

# The claim filter (docs/claim-filter.md): cross-validated figures, then the model in
# src/treatywatch/data/models/claim_filter, rebuilt the same from the same rules and labels (seed 0).
# Needs the real-news texts in tests/data/realnews/texts (see its README).  About a minute.
train: $(STAMP)
	$(BIN)/python tests/train_claim_filter.py

docs: $(STAMP)
	$(BIN)/cog -r docs/cli.md docs/settings.md

clean:
	rm -rf $(VENV) treatywatch-demo.db* .pytest_cache .mypy_cache
