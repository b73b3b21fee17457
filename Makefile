# The two set-up commands are `make demo` and `make test`; both install into .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: install demo test bench typecheck docs clean

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

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_ingest.py

docs: $(STAMP)
	$(BIN)/cog -r docs/cli.md docs/settings.md

clean:
	rm -rf $(VENV) treatywatch-demo.db* .pytest_cache .mypy_cache
