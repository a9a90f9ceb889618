# NN Visual Lab. `make run` serves the lab, `make test` runs the whole suite; both build .venv.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python

.PHONY: run serve-class test lint format bench predictions train-book train-default held-out clean

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-installed: $(VENV)/.installed requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

# Streamlit's own settings apply (e.g. STREAMLIT_SERVER_PORT=8600 make run); default port 8501.
run: $(VENV)/.installed
	$(PY) -m streamlit run app.py

# A class: N lab processes behind nginx on one port (scripts/serve_class.py); Ctrl-C stops all.
N    ?= 2
PORT ?= 8500
serve-class: $(VENV)/.installed
	$(PY) scripts/serve_class.py -n $(N) --port $(PORT)

# The suite runs on every core (pytest-xdist; each worker with its own lab server and chromium
# for the browser tests); `$(PY) -m pytest tests/x.py` runs one file in one process.
test: $(VENV)/.dev-installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) -m pytest -n auto --dist worksteal

lint: $(VENV)/.dev-installed
	$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check .

format: $(VENV)/.dev-installed
	$(VENV)/bin/ruff format . && $(VENV)/bin/ruff check --fix .

bench: $(VENV)/.dev-installed
	$(PY) -m benchmarks

# Each model's MNIST test-set probabilities and its readings of the held-out pen digits, stored
# beside its weights (data/models/<name>.test.npz, <name>.held_out.npz) and checked against the
# SHA-256 of the weights (and of the digits file) at load: rerun after training any model.
predictions: $(VENV)/.installed
	$(PY) -m lab.models --write-predictions

train-book: $(VENV)/.installed
	$(PY) -m lab.train --model book
	$(PY) -m lab.models --write-predictions book

train-default: $(VENV)/.installed
	$(PY) -m lab.train --model default
	$(PY) -m lab.models --write-predictions default

# The held-out writers' pen digits drawn as on the canvas (data/pendigits/held_out.npz).
held-out: $(VENV)/.installed
	$(PY) -m lab.pendigits

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache artifacts
