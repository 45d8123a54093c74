# Netra's developer entry points. `make demo` and `make test` work on a fresh machine:
# each first runs scripts/bootstrap, which installs what is missing and nothing else.
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test lint bench bootstrap clean db-down

demo:            ## the whole job end to end on the embedded database
	@scripts/bootstrap
	$(BIN)/netra demo

test:            ## every test, against a real embedded PostgreSQL
	@scripts/bootstrap --test
	$(BIN)/python -m pytest

lint:            ## ruff (with Airflow rules) and sqlfluff
	@scripts/bootstrap
	$(BIN)/ruff check .
	$(BIN)/sqlfluff lint dbt

bench:           ## benchmarks under bench/, each prints its figures
	@scripts/bootstrap
	@for b in bench/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

bootstrap:
	@scripts/bootstrap --test

db-down:
	$(BIN)/netra db down

clean:
	-$(BIN)/netra db down
	rm -rf .netra
