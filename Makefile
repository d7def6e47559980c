# One entry point for everything; CI runs `make lint` and `make test`.
VENV := .venv/bin

.PHONY: setup run lint test evaluate bench clean

setup:
	bash scripts/setup.sh

## Load the bundled corpus into vanban.db and print what was found.
run: setup
	$(VENV)/vanban load corpus/docs corpus/heldout/docs

## ruff (pyproject.toml's [tool.ruff]) and the import structure (scripts/check_imports.py).
lint: setup
	$(VENV)/ruff check .
	$(VENV)/python scripts/check_imports.py

## The whole test suite.
test: setup
	$(VENV)/python -m pytest -q

## Per-field scores against the gold in corpus/gold.
evaluate: setup
	$(VENV)/vanban evaluate corpus/gold

## Benchmarks (not part of the tests): extraction per stage beside two baselines, PDF
## reading, and vanban load + queries at each size; results in BENCHMARKS.md.
## A shorter run: make bench BENCH_SIZES=1000,10000
BENCH_SIZES ?= 1000,10000,100000
bench: setup
	$(VENV)/python scripts/bench.py --sizes $(BENCH_SIZES)

clean:
	rm -rf .venv vanban.db vanban.db-wal vanban.db-shm .pytest_cache
