# NN Visual Lab. `make run` serves the lab, `make test` runs the whole suite; both build .venv.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python

.PHONY: run test lint format bench train-book train-default clean

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-installed: $(VENV)/.installed requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

# Streamlit's own settings apply (e.g. STREAMLIT_SERVER_PORT=8600 make run); default port 8501.
# One BLAS thread per computation: a server shares its cores between sessions, and on 2 cores
# OpenBLAS's own threads made batched inference slower than the one-image loop under load.
run: $(VENV)/.installed
	OPENBLAS_NUM_THREADS=$${OPENBLAS_NUM_THREADS:-1} $(PY) -m streamlit run app.py

test: $(VENV)/.dev-installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) -m pytest

lint: $(VENV)/.dev-installed
	$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check .

format: $(VENV)/.dev-installed
	$(VENV)/bin/ruff format . && $(VENV)/bin/ruff check --fix .

bench: $(VENV)/.dev-installed
	$(PY) -m benchmarks

train-book: $(VENV)/.installed
	$(PY) -m lab.train --model book

train-default: $(VENV)/.installed
	$(PY) -m lab.train --model default

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache artifacts
