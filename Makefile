# One entry point for everything; CI runs `make test`.
VENV := .venv/bin

.PHONY: setup run test evaluate bench clean

setup:
	bash scripts/setup.sh

## Load the bundled corpus into vanban.db and print what was found.
run: setup
	$(VENV)/vanban load corpus/docs corpus/heldout/docs

## The whole test suite.
test: setup
	$(VENV)/python -m pytest -q

## Per-field scores against the gold in corpus/gold.
evaluate: setup
	$(VENV)/vanban evaluate corpus/gold

clean:
	rm -rf .venv vanban.db vanban.db-wal vanban.db-shm .pytest_cache
