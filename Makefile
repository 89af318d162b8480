# Two commands on a fresh machine: `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test check install install-dev clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install -q -e .

install-dev: $(BIN)/python
	$(BIN)/pip install -q -e '.[dev]'

demo: install
	$(BIN)/rasd demo

# lint and type gates (rules in pyproject.toml [tool.ruff] and [tool.mypy]), then the tests
check: install-dev
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/mypy

test: check
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) build src/*.egg-info
