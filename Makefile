# Concord: `make run` serves the app with demo data; `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app app

.PHONY: run test lint bench clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/activate
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/activate
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

run: $(VENV)/.installed
	$(FLASK) init-db
	$(FLASK) seed-demo --if-empty
	SESSION_COOKIE_SECURE=0 $(FLASK) run --host 127.0.0.1 --port 5000

test: $(VENV)/.installed-test
	$(BIN)/pytest

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

bench: $(VENV)/.installed-test
	# contextual.py needs PyTorch in a venv of its own (see its docstring); not run here
	for script in benchmarks/*.py; do \
	  [ "$$script" = benchmarks/contextual.py ] || $(BIN)/python $$script || exit 1; \
	done

clean:
	rm -rf $(VENV) instance/concord.sqlite3
