# The two commands of the README: `make run` and `make test`. Each sets up what is
# missing (system libraries, .venv, the project with its test extra) and then acts.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint stress bench setup system clean

run: setup
	$(BIN)/okr-workshop

test: setup
	$(BIN)/ruff check workshop tests benchmarks
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -m "not stress"

stress: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -m stress

bench: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/run_all.py

lint: setup
	$(BIN)/ruff check workshop tests benchmarks

# Byte-compile the package: the app starts about 50 ms sooner, even where the
# environment says PYTHONDONTWRITEBYTECODE (Python still reads what is compiled).
setup: system $(STAMP)
	@$(BIN)/python -m compileall -q workshop

system:
	@bash scripts/setup-system.sh

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the project's metadata changed; the package itself is editable.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	@touch $(STAMP)

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache
